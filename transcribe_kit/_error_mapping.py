"""The one error classifier: what botocore and aiohttp raise, as typed errors, and what each means.

Every boundary where a call leaves the process translates here (:func:`translated`), and
nowhere else: a request's single send (``TranscribeClient._send_single_request``), an S3
read or write and a presigned link's answer (``transcribe_kit._documents``), a call on a
companion client (SQS, EventBridge, DynamoDB: ``transcribe_kit._companion``). The rest of
the library asks the predicates below about the typed errors instead of looking at codes,
statuses, messages or causes itself:

- :func:`is_retryable`: worth another try (throttling, limits, internal failures, 5xx,
  no answer); the retry policy asks it;
- :func:`may_have_reached_service`: a failed start that may have started the job all the
  same (exactly-once starts; a job submitter counts such a job as running);
- :func:`is_slot_exhausted`: the account runs as many jobs as it may;
- :func:`is_not_found`: the resource does not exist (the service answers a missing job as
  a bad request: the message is the only sign, read once, in :func:`service_error`);
- :func:`is_link_expired`: a presigned link to a document was refused;
- :func:`is_condition_failed`: a conditional write (DynamoDB) found the item changed;
- :func:`retry_after`: the wait the answer asked for, read from the typed error.

A new kind of failure is one more branch in :func:`translate` (and an error class in
:mod:`transcribe_kit.errors`), as a malformed answer is (``MalformedResponseError``); the
predicates read error classes, so they cover it at once.
"""

from __future__ import annotations

import html
import json
import math
import re
import sys
from collections.abc import Awaitable, Mapping
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Final, TypeVar

from botocore.exceptions import (
    ClientError,
    ConnectTimeoutError,
    HTTPClientError,
    IncompleteReadError,
    ParamValidationError,
    ReadTimeoutError,
)
from botocore.exceptions import ConnectionError as BotocoreConnectionError

from transcribe_kit._redact import redact_urls
from transcribe_kit.config import DEFAULT_RETRYABLE_ERRORS
from transcribe_kit.errors import (
    ERRORS_BY_CODE,
    BadRequestError,
    ConnectError,
    LimitExceededError,
    NotFoundError,
    RequestTimeoutError,
    RequestValidationError,
    ResourceNotFoundError,
    ServiceError,
    TranscribeError,
    TranscriptFetchError,
    TranscriptLinkExpiredError,
    TransportError,
)

T = TypeVar("T")


# The service answers a missing job or vocabulary as BadRequestException with this text.
_NOT_FOUND_MESSAGE: Final = re.compile(r"couldn't be found|could not be found", re.IGNORECASE)
_CONDITION_FAILED: Final = "ConditionalCheckFailedException"
# Read with a pattern rather than an XML parser: the answer is only ever shown to a person.
_XML_ELEMENT: Final = {
    name: re.compile(rf"<{name}>([^<]{{0,1000}})</{name}>") for name in ("Code", "Message")
}


# Translation


def translate(exc: BaseException, operation_name: str) -> TranscribeError | None:
    """The typed error for what botocore or aiohttp raised, or ``None`` if it is not ours to map.

    The typed error's ``__cause__`` is ``exc`` (as ``raise translated from exc`` sets it),
    so that the predicates can tell, say, a connect timeout from a read timeout.
    """
    translated = _translation(exc, operation_name)
    if translated is not None:
        translated.__cause__ = exc
    return translated


async def translated(call: Awaitable[T], operation_name: str) -> T:
    """``await call``, what botocore or aiohttp raises coming out as the typed error.

    The boundary's one line: every call that leaves the process goes through it.
    """
    try:
        return await call
    except Exception as exc:
        mapped = translate(exc, operation_name)
        if mapped is None:
            raise
        raise mapped from exc


def _aiohttp_client_error() -> type[BaseException] | None:
    """Aiohttp's ``ClientError`` if aiohttp is loaded: if it is not, nothing raised is one."""
    aiohttp = sys.modules.get("aiohttp")
    found: type[BaseException] | None = getattr(aiohttp, "ClientError", None)
    return found


def _translation(exc: BaseException, operation_name: str) -> TranscribeError | None:
    # An answer botocore's parser could not read: a malformed response, not a failure here.
    # Imported on the first failure: the parser's frames are read only then.
    if isinstance(exc, Exception):
        from transcribe_kit._parser_errors import parser_failure

        malformed = parser_failure(exc, operation_name)
        if malformed is not None:
            return malformed
    if isinstance(exc, ClientError):
        return service_error(exc, operation_name)
    # Every message here may name a URL, whose query string may be a signature.
    if isinstance(exc, (ReadTimeoutError, ConnectTimeoutError)):
        return RequestTimeoutError(redact_urls(str(exc)), operation_name=operation_name)
    if isinstance(exc, (BotocoreConnectionError, HTTPClientError, IncompleteReadError)):
        # IncompleteReadError: a body that ended before its Content-Length.
        return ConnectError(redact_urls(str(exc)), operation_name=operation_name)
    aiohttp_error = _aiohttp_client_error()
    if aiohttp_error is not None and isinstance(exc, aiohttp_error):
        # Also a body cut off mid-way (ClientPayloadError), which aiobotocore lets through.
        return ConnectError(
            f"{type(exc).__name__}: {redact_urls(str(exc))}", operation_name=operation_name
        )
    if isinstance(exc, ParamValidationError):
        return RequestValidationError(
            "request", str(exc.kwargs.get("report", exc)), operation_name=operation_name
        )
    return None


def service_error(exc: ClientError, operation_name: str) -> ServiceError:
    """The typed error for a botocore ``ClientError``."""
    response: dict[str, Any] = dict(exc.response)
    error = response.get("Error", {})
    metadata = response.get("ResponseMetadata", {})
    code = str(error.get("Code") or "Unknown")
    message = str(error.get("Message") or error.get("message") or code)
    status = metadata.get("HTTPStatusCode")
    return _typed(
        code,
        message,
        operation_name=operation_name,
        http_status=int(status) if status is not None else None,
        request_id=metadata.get("RequestId"),
        reason=_text(response.get("Reason") or error.get("Reason")),
        headers=metadata.get("HTTPHeaders") or {},
        response=response,
    )


def _text(value: object) -> str | None:
    """A member of an error answer as text: the model's strings, whatever the answer held."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, default=str)


def answer_error(
    status: int,
    body: bytes,
    headers: Mapping[str, str],
    *,
    operation_name: str,
    reason: str | None = None,
) -> ServiceError:
    """The typed error for an HTTP error answer read directly (S3's XML error document)."""
    text = body.decode("utf-8", "replace")
    code, message = (_XML_ELEMENT[name].search(text) for name in ("Code", "Message"))
    return _typed(
        code[1] if code else f"HTTP{status}",
        html.unescape(message[1]) if message else (reason or f"HTTP {status}"),
        operation_name=operation_name,
        http_status=status,
        request_id=headers.get("x-amz-request-id"),
        headers=headers,
        response={"ResponseMetadata": {"HTTPStatusCode": status, "HTTPHeaders": dict(headers)}},
    )


def _typed(
    code: str,
    message: str,
    *,
    operation_name: str,
    http_status: int | None,
    request_id: str | None,
    headers: Mapping[str, Any],
    response: Mapping[str, Any],
    reason: str | None = None,
) -> ServiceError:
    error_type = ERRORS_BY_CODE.get(code, ServiceError)
    if error_type is BadRequestError and _NOT_FOUND_MESSAGE.search(message):
        error_type = ResourceNotFoundError
    return error_type(
        # A message may quote a request's URL, a presigned one too.
        redact_urls(message),
        code=code,
        operation_name=operation_name,
        http_status=http_status,
        request_id=request_id,
        reason=reason,
        retry_after=retry_after_from_headers(headers),
        response=response,
    )


def fetch_error(error: ServiceError, shown: str, *, presigned: bool) -> TranscriptFetchError:
    """The fetch error for an error answer to reading the document at ``shown`` (redacted)."""
    status = error.http_status
    detail = f"{error.code}, HTTP {status}" if status is not None else error.code
    if is_link_expired(error, presigned=presigned):
        return TranscriptLinkExpiredError(
            f"the link to {shown} was refused ({detail}: {redact_urls(error.message)}); links to "
            "documents in the service's bucket live 15 minutes: get the job again for a fresh "
            "link and fetch that",
            uri=shown,
            http_status=status,
            code=error.code,
        )
    return TranscriptFetchError(
        f"could not read {shown} ({detail}): {redact_urls(error.message)}",
        uri=shown,
        http_status=status,
        code=error.code,
    )


def retry_after_from_headers(
    headers: Mapping[str, Any], *, now: datetime | None = None
) -> float | None:
    """The seconds a ``Retry-After`` header asks to wait (a number or an HTTP date), or ``None``."""
    value = next((v for k, v in headers.items() if str(k).lower() == "retry-after"), None)
    if value is None:
        return None
    text = str(value).strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - (now or datetime.now(timezone.utc))).total_seconds()
    if math.isnan(seconds) or math.isinf(seconds):
        return None
    return max(seconds, 0.0)


# Predicates


def is_server_error(error: BaseException) -> bool:
    """Whether the service answered with an HTTP status of 500 or more."""
    return isinstance(error, ServiceError) and (error.http_status or 0) >= 500


def is_retryable(
    error: BaseException,
    retry_on: tuple[type[BaseException], ...] = DEFAULT_RETRYABLE_ERRORS,
    *,
    server_errors: bool = True,
) -> bool:
    """Whether another try may succeed: ``error`` is one of ``retry_on``, or a 5xx answer."""
    return isinstance(error, retry_on) or (server_errors and is_server_error(error))


def may_have_reached_service(error: BaseException) -> bool:
    """Whether a failed call may have been carried out by the service all the same."""
    if isinstance(error, TransportError):
        # Only a connect timeout proves that the request never left.
        return not isinstance(error.__cause__, ConnectTimeoutError)
    return is_server_error(error)


def is_slot_exhausted(error: BaseException) -> bool:
    """Whether the service refused a job start because the account runs as many as it may.

    Decided by the error code (``LimitExceededException``), never by the message: a bad
    request is the request's own fault, whatever its text says.
    """
    return isinstance(error, LimitExceededError)


def is_not_found(error: BaseException) -> bool:
    """Whether the resource asked for does not exist (or no longer does)."""
    return isinstance(error, NotFoundError)


def is_condition_failed(error: BaseException) -> bool:
    """Whether a conditional write was refused because the item was not as the condition said.

    DynamoDB's ``ConditionalCheckFailedException``: another writer got there first.
    """
    return isinstance(error, ServiceError) and error.code == _CONDITION_FAILED


def is_link_expired(error: BaseException, *, presigned: bool) -> bool:
    """Whether a presigned link was refused: they live 15 minutes, then answer HTTP 403."""
    return presigned and isinstance(error, ServiceError) and error.http_status == 403


def retry_after(error: BaseException | None) -> float | None:
    """The seconds the error answer asked to wait before another try, or ``None``."""
    return error.retry_after if isinstance(error, ServiceError) else None
