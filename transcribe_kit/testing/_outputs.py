"""Where the local backend's documents live, the links to them, and writing them to its S3.

A document in the customer's bucket is reported as the service reports it,
``https://s3.<region>.amazonaws.com/<bucket>/<key>``, and read with ``GetObject``. A
document in the service's bucket is reported as a presigned-style link on the backend's
own endpoint, ``http://127.0.0.1:<port>/<bucket>/<key>?X-Amz-Algorithm=...&X-Amz-Signature=...``:
the client fetches such links as they are from its configured endpoint, and the backend
serves each for 15 minutes of its clock (then HTTP 403, as S3 answers an expired link).
"""

from __future__ import annotations

import hashlib
import hmac
import html
import http.client
import re
import secrets
import urllib.parse
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Final

from attrs import define

#: How long a presigned link lives, as the service's do.
LINK_SECONDS: Final = 900
#: The request header that makes S3 requests to moto look signed (moto checks no signature).
SIGNED_HEADERS: Final = {
    "Authorization": (
        "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/s3/aws4_request, "
        "SignedHeaders=host, Signature=local"
    )
}
_DATE_FORMAT: Final = "%Y%m%dT%H%M%SZ"
_KEY: Final = re.compile(r"<Key>([^<]*)</Key>")


@define(frozen=True)
class Site:
    """The account and region the backend plays, and where it answers."""

    region_name: str
    account_id: str
    endpoint_url: str = ""

    @property
    def service_bucket(self) -> str:
        """The service's own bucket, where jobs without an output bucket write."""
        return f"aws-transcribe-{self.region_name}-prod"

    def s3_url(self, bucket: str, key: str) -> str:
        """The path-style URL the service reports for an object."""
        return f"https://s3.{self.region_name}.amazonaws.com/{bucket}/{key}"


@define(frozen=True)
class Location:
    """An S3 object a job writes; ``presigned`` ones are reported as links."""

    bucket: str
    key: str
    presigned: bool = False

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.key}"


class LinkSigner:
    """Makes and checks the backend's presigned-style links (signed with a secret of its own)."""

    def __init__(self) -> None:
        self._secret = secrets.token_bytes(32)

    def _signature(self, path: str, date: str, expires: str) -> str:
        message = f"{path}\n{date}\n{expires}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def link(self, site: Site, location: Location, now: float) -> str:
        """A link to ``location`` on the backend's endpoint, valid from ``now`` (epoch seconds)."""
        path = "/" + urllib.parse.quote(f"{location.bucket}/{location.key}")
        date = datetime.fromtimestamp(now, timezone.utc).strftime(_DATE_FORMAT)
        expires = str(LINK_SECONDS)
        query = urllib.parse.urlencode(
            {
                "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
                "X-Amz-Credential": f"LOCAL/{date[:8]}/{site.region_name}/s3/aws4_request",
                "X-Amz-Date": date,
                "X-Amz-Expires": expires,
                "X-Amz-SignedHeaders": "host",
                "X-Amz-Signature": self._signature(path, date, expires),
            }
        )
        return f"{site.endpoint_url}{path}?{query}"

    def refusal(self, path: str, query: Mapping[str, str], now: float) -> tuple[str, str] | None:
        """Why S3 would refuse this link (code, message), or ``None`` if it is good."""
        date, expires = query.get("X-Amz-Date", ""), query.get("X-Amz-Expires", "")
        if not hmac.compare_digest(
            query.get("X-Amz-Signature", ""), self._signature(path, date, expires)
        ):
            return "SignatureDoesNotMatch", "The request signature we calculated does not match."
        signed = datetime.strptime(date, _DATE_FORMAT).replace(tzinfo=timezone.utc).timestamp()
        if now > signed + int(expires):
            return "AccessDenied", "Request has expired"
        return None


class S3Store:
    """Objects in moto's S3 at ``host:port``, read and written by the backend itself."""

    def __init__(self, host: str, port: int, *, region_name: str) -> None:
        self._host, self._port = host, port
        self._region_name = region_name

    def request(
        self, method: str, path: str, body: bytes = b"", headers: Mapping[str, str] | None = None
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        """One request to moto: its status, headers and body."""
        connection = http.client.HTTPConnection(self._host, self._port, timeout=60)
        try:
            connection.request(
                method, path, body=body, headers={**SIGNED_HEADERS, **(headers or {})}
            )
            answer = connection.getresponse()
            return answer.status, answer.getheaders(), answer.read()
        finally:
            connection.close()

    def get(self, location: Location) -> bytes | None:
        """The object's bytes, or ``None`` if there is no such object."""
        status, _, body = self.request("GET", _path(location))
        return body if status == 200 else None

    def keys(self, bucket: str, prefix: str) -> list[str]:
        """The keys in ``bucket`` that start with ``prefix`` (none if there is no bucket)."""
        query = urllib.parse.urlencode({"list-type": "2", "prefix": prefix})
        status, _, body = self.request("GET", f"/{urllib.parse.quote(bucket)}?{query}")
        if status != 200:
            return []
        return [html.unescape(key) for key in _KEY.findall(body.decode("utf-8", "replace"))]

    def put(self, location: Location, data: bytes, content_type: str) -> None:
        """Write the object, making its bucket first if there is none."""
        headers = {"Content-Type": content_type}
        status, _, body = self.request("PUT", _path(location), data, headers)
        if status == 404:  # no such bucket
            self._create_bucket(location.bucket)
            status, _, body = self.request("PUT", _path(location), data, headers)
        if status != 200:
            raise OSError(f"writing {location} failed: HTTP {status} {body[:200]!r}")

    def _create_bucket(self, bucket: str) -> None:
        body = b""
        if self._region_name != "us-east-1":
            body = (
                "<CreateBucketConfiguration><LocationConstraint>"
                f"{self._region_name}</LocationConstraint></CreateBucketConfiguration>"
            ).encode()
        status, _, answer = self.request("PUT", "/" + urllib.parse.quote(bucket), body)
        if status not in (200, 409):  # 409: made meanwhile by someone else
            raise OSError(f"making bucket {bucket} failed: HTTP {status} {answer[:200]!r}")


def _path(location: Location) -> str:
    return "/" + urllib.parse.quote(f"{location.bucket}/{location.key}")
