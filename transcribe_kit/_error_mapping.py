"""Turns what botocore raises into the typed errors of :mod:`transcribe_kit.errors`."""

from __future__ import annotations

import re
from typing import Any, Final

from botocore.exceptions import (
    ClientError,
    ConnectTimeoutError,
    HTTPClientError,
    ParamValidationError,
    ReadTimeoutError,
)
from botocore.exceptions import ConnectionError as BotocoreConnectionError

from transcribe_kit._parser_errors import parser_failure
from transcribe_kit.errors import (
    ERRORS_BY_CODE,
    BadRequestError,
    ConnectError,
    RequestTimeoutError,
    RequestValidationError,
    ResourceNotFoundError,
    ServiceError,
    TranscribeError,
)

# The service answers a missing job or vocabulary as BadRequestException with this text.
_NOT_FOUND_MESSAGE: Final = re.compile(r"couldn't be found|could not be found", re.IGNORECASE)


def service_error(exc: ClientError, operation_name: str) -> ServiceError:
    """The typed error for a botocore ``ClientError``."""
    response: dict[str, Any] = dict(exc.response)
    error = response.get("Error", {})
    metadata = response.get("ResponseMetadata", {})
    code = str(error.get("Code") or "Unknown")
    message = str(error.get("Message") or error.get("message") or code)
    error_type = ERRORS_BY_CODE.get(code, ServiceError)
    if error_type is BadRequestError and _NOT_FOUND_MESSAGE.search(message):
        error_type = ResourceNotFoundError
    status = metadata.get("HTTPStatusCode")
    return error_type(
        message,
        code=code,
        operation_name=operation_name,
        http_status=int(status) if status is not None else None,
        request_id=metadata.get("RequestId"),
        reason=response.get("Reason") or error.get("Reason"),
        response=response,
    )


def translate(exc: Exception, operation_name: str) -> TranscribeError | None:
    """The typed error for an exception botocore raised, or ``None`` if it is not ours to map."""
    # An answer botocore's parser could not read: a malformed response, not a failure here.
    malformed = parser_failure(exc, operation_name)
    if malformed is not None:
        return malformed
    if isinstance(exc, ClientError):
        return service_error(exc, operation_name)
    if isinstance(exc, (ReadTimeoutError, ConnectTimeoutError)):
        return RequestTimeoutError(str(exc), operation_name=operation_name)
    if isinstance(exc, (BotocoreConnectionError, HTTPClientError)):
        return ConnectError(str(exc), operation_name=operation_name)
    if isinstance(exc, ParamValidationError):
        return RequestValidationError(
            "request", str(exc.kwargs.get("report", exc)), operation_name=operation_name
        )
    return None
