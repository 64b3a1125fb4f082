"""Where a result document lives: an S3 object, or a presigned link fetched over HTTPS.

Jobs report their output as a URL. A document in the caller's bucket is an S3 object
(``https://s3.<region>.amazonaws.com/<bucket>/<key>``, ``https://s3.amazonaws.com/...``,
``https://<bucket>.s3.<region>.amazonaws.com/<key>``, ``s3://<bucket>/<key>``) and is read
with ``GetObject`` and the caller's credentials. A document in the service's bucket comes
as a presigned link (its query string carries the signature) and is fetched as it is, but
only over HTTPS from an S3 endpoint, or from the endpoint the client is configured with.

S3 endpoints are named by their documented forms, in the ``amazonaws.com`` and
``amazonaws.com.cn`` partitions: ``s3``, ``s3.<region>``, ``s3-<region>`` (older),
``s3-external-1``, ``s3.dualstack.<region>``, ``s3-fips.<region>`` and
``s3-fips.dualstack.<region>``, path style or with the bucket in front (virtual-hosted).
Nothing else under ``amazonaws.com`` is S3's: API Gateway, load balancers and S3 website
endpoints (``<bucket>.s3-website-<region>``) serve what customers put there.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import SplitResult, parse_qsl, unquote, urlsplit

import attrs

from transcribe_kit._redact import SIGNATURE_PARAMETERS, redact_urls
from transcribe_kit.errors import UntrustedUrlError

_AWS_DOMAIN: Final = r"amazonaws\.com(?:\.cn)?"
_REGION: Final = r"[a-z]{2}(?:-[a-z]+)+-[0-9]+"
_S3_HOST: Final = (
    rf"s3(?:[.-]{_REGION}|-external-1|\.dualstack\.{_REGION}|-fips(?:\.dualstack)?\.{_REGION})?"
    rf"\.{_AWS_DOMAIN}"
)
_PATH_STYLE_HOST: Final = re.compile(rf"^{_S3_HOST}$")
# Bucket names are 3 to 63 lowercase letters, digits, dots and hyphens.
_VIRTUAL_HOST: Final = re.compile(rf"^(?P<bucket>[a-z0-9][a-z0-9.-]{{1,61}}[a-z0-9])\.{_S3_HOST}$")
_AWS_HOST: Final = re.compile(rf"^(?:[a-z0-9-]+\.)+{_AWS_DOMAIN}$")

_DEFAULT_PORTS: Final = {"http": 80, "https": 443}


@attrs.frozen
class S3Object:
    """An object in S3, by bucket and key."""

    bucket: str
    key: str

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.key}"


def _split(url: str) -> SplitResult | None:
    """``url`` in parts, or ``None`` if it cannot be read as a URL (``https://[::1``)."""
    try:
        return urlsplit(url)
    except ValueError:
        return None


def is_presigned(url: str) -> bool:
    """Whether ``url`` carries a request signature in its query string."""
    parts = _split(url)
    query = "" if parts is None else parts.query
    return any(name.lower() in SIGNATURE_PARAMETERS for name, _ in parse_qsl(query))


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = _split(url)
    if parts is None:
        return "", "", None
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(scheme)


def s3_object(uri: str, *, endpoint_url: str | None = None) -> S3Object | None:
    """The S3 object ``uri`` names, or ``None`` if it names none (or is a presigned link).

    Besides the AWS styles, a path-style URL on ``endpoint_url`` (a local S3) names an object.
    """
    parts = _split(uri)
    if parts is None:
        return None
    scheme = parts.scheme.lower()
    if scheme == "s3":
        bucket, key = parts.netloc, uri.split("://", 1)[1][len(parts.netloc) + 1 :]
        return S3Object(bucket, key) if bucket and key else None
    if scheme not in _DEFAULT_PORTS or is_presigned(uri) or parts.username is not None:
        return None
    host = (parts.hostname or "").lower()
    path = unquote(parts.path)
    virtual = _VIRTUAL_HOST.match(host)
    if virtual is not None:
        key = path[1:]
        return S3Object(virtual["bucket"], key) if key else None
    on_endpoint = endpoint_url is not None and _origin(uri) == _origin(endpoint_url)
    if _PATH_STYLE_HOST.match(host) or on_endpoint:
        bucket, _, key = path[1:].partition("/")
        return S3Object(bucket, key) if bucket and key else None
    return None


def check_direct_url(url: str, *, endpoint_url: str | None = None) -> None:
    """Raise :class:`UntrustedUrlError` unless ``url`` may be fetched as it is.

    Allowed: https on an S3 endpoint's port 443 (see the module docstring), or the
    scheme, host and port of ``endpoint_url`` (which may be plain http, as a local server is).
    """
    parts = _split(url)
    shown = redact_urls(url)
    if parts is None:
        raise UntrustedUrlError(f"refusing a document URL that is no URL: {shown}", uri=shown)
    if parts.username is not None or parts.password is not None:
        raise UntrustedUrlError("refusing a document URL with credentials in it")
    if endpoint_url is not None and _origin(url) == _origin(endpoint_url):
        return
    scheme, host, port = _origin(url)
    if scheme != "https":
        raise UntrustedUrlError(
            f"refusing to fetch a document over {scheme or 'no scheme'}, not https: {shown}",
            uri=shown,
        )
    if not (_PATH_STYLE_HOST.match(host) or _VIRTUAL_HOST.match(host)) or port != 443:
        where = host if port == 443 else f"{host or 'no host'} port {port}"
        raise UntrustedUrlError(
            f"refusing to fetch a document from {where or 'no host'}, which is not an S3 "
            f"endpoint nor the configured endpoint: {shown}",
            uri=shown,
        )


def is_aws_endpoint(url: str) -> bool:
    """Whether ``url`` is on an AWS host (a regional endpoint rather than a local server)."""
    return bool(_AWS_HOST.match(_origin(url)[1]))
