"""Reading and writing the documents jobs use: S3 objects and presigned links (the I/O half).

Which document a job wrote, and where, is planned in :mod:`transcribe_kit.transcript._fetch`
without any I/O; this module reads it. :class:`DocumentReader` reads S3 objects through an
aiobotocore S3 client it opens on first use (and :func:`s3_call` writes media through the
same client), and presigned links with aiohttp, under the caller's retry policy, a size
cap and a timeout (:class:`~transcribe_kit.FetchLimits`). Every failure is translated by
the one error classifier. No URL leaves this module with its query string: errors and
logs name a presigned link as ``https://host/path?<redacted>``.

A presigned link carries its own authorisation, and nothing of the user's machine is
added to it: no ``~/.netrc`` entry (which aiohttp's ``trust_env`` would send as
``Authorization: Basic``), no cookies of earlier answers. The proxy the environment names
for the link's scheme (``HTTPS_PROXY``, ``HTTP_PROXY``, minus the hosts in ``NO_PROXY``)
is used, as botocore uses it for S3, with the credentials written in its URL only.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import urllib.request
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import AbstractAsyncContextManager
from typing import Any, Final, TypeVar
from urllib.parse import urlsplit

import aiohttp
import yarl

from transcribe_kit._clock import SYSTEM_CLOCK, Clock
from transcribe_kit._companion import companion_settings, local_endpoint, open_client
from transcribe_kit._error_mapping import answer_error, fetch_error, translate, translated
from transcribe_kit._redact import redact_urls
from transcribe_kit.config import FetchLimits, RetryPolicy
from transcribe_kit.errors import (
    ClientClosedError,
    RequestTimeoutError,
    ServiceError,
    TranscribeError,
    TranscriptTooLargeError,
)
from transcribe_kit.transcript._location import (
    check_direct_url,
    is_presigned,
    s3_object,
)

T = TypeVar("T")

_READ_OPERATION: Final = "GetObject"
_CHUNK_SIZE: Final = 64 * 1024
_ERROR_BODY_LIMIT: Final = 64 * 1024


async def _read_capped(chunks: AsyncIterator[bytes], limit: int, shown: str) -> bytes:
    data = bytearray()
    async for chunk in chunks:
        data += chunk
        if len(data) > limit:
            raise TranscriptTooLargeError(
                f"the document at {shown} is larger than the limit of {limit} bytes "
                "(FetchLimits.max_bytes)",
                uri=shown,
            )
    return bytes(data)


def _check_length(length: object, limit: int, shown: str) -> None:
    if isinstance(length, int) and length > limit:
        raise TranscriptTooLargeError(
            f"the document at {shown} is {length} bytes, more than the limit of {limit} "
            "(FetchLimits.max_bytes)",
            uri=shown,
            http_status=200,
        )


class DocumentReader:
    """Reads result documents from S3 or presigned links; owns the S3 client it opens.

    ``open_s3_client`` makes the aiobotocore S3 client's context manager; it is entered on
    the first S3 call and left by :meth:`close`. ``endpoint_url`` is the client's
    configured endpoint: plain http is fetched from it, and path-style URLs on it name S3
    objects (a local S3).
    """

    def __init__(
        self,
        open_s3_client: Callable[[], AbstractAsyncContextManager[Any]],
        *,
        endpoint_url: str | None,
    ) -> None:
        self._open_s3_client = open_s3_client
        self.endpoint_url = endpoint_url
        self._stack: contextlib.AsyncExitStack | None = None
        self._s3: Any | None = None
        self._lock = asyncio.Lock()
        self._closed = False

    async def s3_client(self) -> Any:
        """The aiobotocore S3 client, opened on first use; none once :meth:`close` ran."""
        async with self._lock:
            if self._closed:
                # A retry after close() would open a client that nothing closes.
                raise ClientClosedError("the client is closed: it reads no more documents")
            if self._s3 is None:
                stack = contextlib.AsyncExitStack()
                self._s3 = await stack.enter_async_context(self._open_s3_client())
                self._stack = stack
            return self._s3

    async def close(self) -> None:
        """Close the S3 client if one was opened; S3 reads in flight end in ClientClosedError."""
        self._closed = True
        stack, self._stack, self._s3 = self._stack, None, None
        if stack is not None:
            await stack.aclose()

    async def s3_call(
        self,
        operation_name: str,
        call: Callable[[Any], Awaitable[T]],
        *,
        retry_policy: RetryPolicy,
        clock: Clock = SYSTEM_CLOCK,
    ) -> T:
        """``call(s3_client)``, its failures typed and retried by ``retry_policy``."""

        async def attempt() -> T:
            # Opened within the attempt: making a client resolves credentials, which may
            # take time the policy's deadline bounds.
            return await self._translated(call(await self.s3_client()), operation_name)

        return await retry_policy.call(operation_name, attempt, clock=clock)

    async def read(
        self,
        uri: str,
        *,
        limits: FetchLimits,
        retry_policy: RetryPolicy,
        clock: Clock = SYSTEM_CLOCK,
    ) -> bytes:
        """The bytes of the document at ``uri``, retried by ``retry_policy``.

        Raises :class:`~transcribe_kit.TranscriptFetchError` (or a subclass) when the
        answer is an error or the URL may not be fetched,
        :class:`~transcribe_kit.TransportError` when no answer came in ``limits.timeout``
        seconds, after the policy's retries.
        """
        location = s3_object(uri, endpoint_url=self.endpoint_url)
        if location is None:
            check_direct_url(uri, endpoint_url=self.endpoint_url)
            shown = redact_urls(uri)

            async def attempt() -> bytes:
                return await self._get_url(uri, shown, limits.max_bytes)

        else:
            shown = str(location)

            async def attempt() -> bytes:
                return await self._get_object(location.bucket, location.key, shown, limits)

        async def timed_attempt() -> bytes:
            try:
                return await asyncio.wait_for(attempt(), limits.timeout)
            except asyncio.TimeoutError:
                raise RequestTimeoutError(
                    f"reading {shown} took longer than {limits.timeout} s (FetchLimits.timeout)",
                    operation_name=_READ_OPERATION,
                ) from None

        try:
            return await retry_policy.call(_READ_OPERATION, timed_attempt, clock=clock)
        except ServiceError as error:
            failure = fetch_error(error, shown, presigned=location is None and is_presigned(uri))
            if location is None:
                raise failure from None
            raise failure from error

    async def _translated(self, call: Awaitable[T], operation_name: str) -> T:
        """``translated(call)``; a failure because :meth:`close` ran is a ClientClosedError."""
        try:
            return await translated(call, operation_name)
        except TranscribeError as error:
            if not self._closed or isinstance(error, ClientClosedError):
                raise
            raise ClientClosedError(
                f"the client was closed while {operation_name} was in flight",
                operation_name=operation_name,
            ) from error

    async def _get_object(self, bucket: str, key: str, shown: str, limits: FetchLimits) -> bytes:
        # The body is read within the translation too: a body cut off mid-way fails there.
        return await self._translated(
            self._read_object(bucket, key, shown, limits), _READ_OPERATION
        )

    async def _read_object(self, bucket: str, key: str, shown: str, limits: FetchLimits) -> bytes:
        client = await self.s3_client()
        response = await client.get_object(Bucket=bucket, Key=key)
        _check_length(response.get("ContentLength"), limits.max_bytes, shown)
        async with response["Body"] as body:
            return await _read_capped(body.iter_chunks(_CHUNK_SIZE), limits.max_bytes, shown)

    async def _get_url(self, url: str, shown: str, max_bytes: int) -> bytes:
        # The query string is the signature: aiohttp's own errors name the URL, so they are
        # replaced by errors that name it redacted, without the original as a cause.
        proxy, proxy_headers = _proxy_for(url)
        # aiohttp sends proxy headers with the CONNECT of an https link; a plain http
        # request goes to the proxy whole, so its own headers carry them there.
        headers = proxy_headers if proxy_headers and not url.lower().startswith("https") else None
        try:
            async with (
                aiohttp.ClientSession(
                    trust_env=False, cookie_jar=aiohttp.DummyCookieJar()
                ) as session,
                # Sent as written: the signature covers the query string's encoding.
                session.get(
                    yarl.URL(url, encoded=True),
                    allow_redirects=False,
                    headers=headers,
                    proxy=proxy,
                    proxy_headers=None if headers else proxy_headers,
                ) as response,
            ):
                if response.status != 200:
                    # Enough of an error answer to find S3's code and message in.
                    body = await response.content.read(_ERROR_BODY_LIMIT)
                    raise answer_error(
                        response.status,
                        body,
                        response.headers,
                        operation_name=_READ_OPERATION,
                        reason=response.reason,
                    )
                _check_length(response.content_length, max_bytes, shown)
                return await _read_capped(
                    response.content.iter_chunked(_CHUNK_SIZE), max_bytes, shown
                )
        except aiohttp.ClientError as error:
            mapped = translate(error, _READ_OPERATION)
            assert mapped is not None
            raise type(mapped)(
                f"reading {shown} failed: {mapped.message}", operation_name=_READ_OPERATION
            ) from None


def _proxy_for(url: str) -> tuple[str | None, dict[str, str] | None]:
    """The proxy the environment names for ``url``, and the credentials in its URL.

    ``(None, None)`` when there is none or ``NO_PROXY`` exempts the host; the credentials
    come as the ``Proxy-Authorization`` header, which goes to the proxy only.
    """
    parts = urlsplit(url)
    host = parts.hostname
    proxy = urllib.request.getproxies().get(parts.scheme.lower())
    if not proxy or not host or urllib.request.proxy_bypass(host):
        return None, None
    address = yarl.URL(proxy)
    if address.user is None:
        return proxy, None
    pair = f"{address.user}:{address.password or ''}".encode()
    credentials = "Basic " + base64.b64encode(pair).decode("ascii")
    return str(address.with_user(None)), {"Proxy-Authorization": credentials}


def document_reader(
    transcribe_client: Any, *, session: Any | None, settings: Mapping[str, Any] | None
) -> DocumentReader:
    """A reader whose S3 client has the Transcribe client's session, region and endpoint.

    ``session`` and ``settings`` are those the Transcribe client was made with; ``None`` for
    a client made elsewhere (see :func:`~transcribe_kit._companion.companion_settings`).
    The endpoint a local Transcribe client uses, however it was configured, is trusted.
    """
    chosen, arguments = companion_settings(transcribe_client, session=session, settings=settings)
    return DocumentReader(
        lambda: open_client("s3", session=chosen, settings=arguments),
        endpoint_url=local_endpoint(arguments.get("endpoint_url")),
    )
