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
import secrets
import urllib.parse
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any, Final

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
    """Objects in moto's S3, read and written by the backend in its own process.

    moto's server runs in the backend's process, so its S3 backend is at hand: writing an
    object here costs a dictionary entry and a copy, where a PUT through moto's HTTP
    server costs a few milliseconds. The objects are those clients see through the server.
    """

    def __init__(self, *, account_id: str, region_name: str) -> None:
        self._account_id = account_id
        self._region_name = region_name

    def _backend(self) -> Any:
        # Looked up each time: moto's reset makes new backends.
        from moto.s3.models import s3_backends
        from moto.utilities.utils import get_partition

        return s3_backends[self._account_id][get_partition(self._region_name)]

    def _bucket(self, name: str) -> Any | None:
        from moto.s3.exceptions import MissingBucket

        try:
            return self._backend().get_bucket(name)
        except MissingBucket:
            return None

    def get(self, location: Location) -> bytes | None:
        """The object's bytes, or ``None`` if there is no such object (or bucket)."""
        if self._bucket(location.bucket) is None:
            return None
        found = self._backend().get_object(location.bucket, location.key)
        return None if found is None else bytes(found.value)

    def make_bucket(self, bucket: str) -> None:
        """Make ``bucket`` in the backend's region, unless it exists; raises OSError if S3 can't."""
        if self._bucket(bucket) is not None:
            return
        try:
            self._backend().create_bucket(bucket, self._region_name)
        except Exception as error:  # moto's S3 errors (InvalidBucketName, ...)
            raise OSError(f"making bucket {bucket} failed: {error}") from None

    def put(self, location: Location, data: bytes, content_type: str) -> None:
        """Write the object, making its bucket first if there is none."""
        self.make_bucket(location.bucket)
        written = self._backend().put_object(location.bucket, location.key, data)
        written.set_metadata({"Content-Type": content_type})
