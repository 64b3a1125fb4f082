"""The exceptions transcribe_kit raises.

Every error is a :class:`TranscribeError`::

    TranscribeError
    ├── RequestValidationError        a request breaks the model's rules (raised locally,
    │                                 before anything is sent; also a ValueError)
    ├── UnsupportedOperationError     the installed botocore does not know the operation
    ├── ClientClosedError             the client is not open, or was closed during the call
    ├── TranscriptParseError          a result document is malformed (also a ValueError)
    │   └── DocumentTypeError         the document is of another type than the parser's
    ├── TranscriptFetchError          a result document (transcript, subtitles) could not be read
    │   ├── TranscriptNotReadyError   the job has not completed (or failed): no document yet
    │   ├── TranscriptLinkExpiredError  a presigned link was refused: get the job again
    │   ├── TranscriptTooLargeError   the document is larger than FetchLimits.max_bytes
    │   └── UntrustedUrlError         not https on an S3 endpoint nor the configured endpoint
    ├── EventParseError               a message is not an EventBridge event (also a ValueError)
    ├── PaginationError               a List operation repeated a NextToken (it would loop)
    ├── WaitTimeoutError              a waiter's deadline or attempt limit passed first
    ├── ResourceFailedError           a waited-on job, vocabulary or model reached FAILED
    ├── MalformedResponseError        the service's answer does not match the model (a wrong
    │                                 type, a required member missing, a bad timestamp)
    ├── ServiceError                  the service answered with an error
    │   ├── BadRequestError           BadRequestException
    │   │   └── ResourceNotFoundError "The requested job couldn't be found" (also a NotFoundError)
    │   ├── ConflictError             ConflictException: the name is taken
    │   ├── InternalFailureError      InternalFailureException
    │   ├── LimitExceededError        LimitExceededException: a quota or rate limit
    │   ├── NotFoundError             NotFoundException (and a missing queue, rule or table)
    │   ├── ThrottlingError           ThrottlingException and the other throttling codes
    │   └── AccessDeniedError         AccessDeniedException, credentials or signature rejected
    ├── TransportError                no answer from the service
    │   ├── ConnectError              the connection could not be made or was dropped
    │   └── RequestTimeoutError       connecting or reading took too long
    └── JobSlotTimeoutError           JobSubmitter found no free job slot in time
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from transcribe_kit._redact import redact_urls


class TranscribeError(Exception):
    """Base class of every error transcribe_kit raises."""

    def __init__(self, message: str, *, operation_name: str | None = None) -> None:
        # Whatever a message quotes (an answer, aiohttp's text, a caller's URL), no
        # signature of a presigned link is kept in it, nor in the error's repr.
        message = redact_urls(message)
        super().__init__(message)
        self.message = message
        self.operation_name = operation_name


class RequestValidationError(TranscribeError, ValueError):
    """A request breaks a constraint of the service model or a documented rule.

    ``field`` is the dotted path of the offending member (``settings.max_speaker_labels``)
    and ``rule`` says what it must satisfy. ``errors`` lists every violation found.
    """

    def __init__(
        self,
        field: str,
        rule: str,
        *,
        operation_name: str | None = None,
        errors: tuple[tuple[str, str], ...] = (),
    ) -> None:
        self.field = field
        self.rule = rule
        self.errors = errors or ((field, rule),)
        more = f" (and {len(self.errors) - 1} more)" if len(self.errors) > 1 else ""
        super().__init__(f"{field}: {rule}{more}", operation_name=operation_name)


class UnsupportedOperationError(TranscribeError):
    """The aiobotocore client in use does not know this operation (its botocore is too old)."""


class ClientClosedError(TranscribeError):
    """The client is not open: never entered, or closed while this call was in flight.

    Not retried: a closed client answers nothing more. Open a client again for more calls.
    """


class TranscriptParseError(TranscribeError, ValueError):
    """A result document (transcript, call analytics or HealthScribe output) is malformed.

    ``path`` locates the wrong value in the document (``results.items[12].alternatives[0]``;
    empty for the document itself) and ``reason`` says what is wrong with it.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}" if path else reason)


class DocumentTypeError(TranscriptParseError):
    """The document is valid JSON but of another type than the parser reads.

    ``expected`` and ``found`` name the document types (``"transcript"``,
    ``"call analytics transcript"``, ...; ``found`` is ``"unknown"`` when unrecognised).
    """

    def __init__(self, expected: str, found: str) -> None:
        self.expected = expected
        self.found = found
        got = "a document of unknown type" if found == "unknown" else f"a {found} document"
        super().__init__("", f"expected a {expected} document, got {got}")


class EventParseError(TranscribeError, ValueError):
    """A message is not an EventBridge event: not a JSON object, or no ``detail-type``.

    An event of a detail type this library does not know is *not* an error: it is kept
    raw (:class:`~transcribe_kit.events.UnknownDetail`).
    """


class TranscriptFetchError(TranscribeError):
    """A result document could not be read from where the job wrote it.

    ``uri`` is its location with any query string (a presigned link's signature) redacted;
    ``http_status`` and ``code`` are the answer's, when there was one.
    """

    def __init__(
        self,
        message: str,
        *,
        uri: str | None = None,
        http_status: int | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.uri = uri
        self.http_status = http_status
        self.code = code


class TranscriptNotReadyError(TranscriptFetchError):
    """The job has no document to read: it is queued or in progress, or it failed.

    ``job_name``, ``status`` (the job's status as the service wrote it, ``"IN_PROGRESS"``)
    and ``failure_reason`` (for a failed job) say which and why.
    """

    def __init__(
        self, message: str, *, job_name: str | None, status: str | None, failure_reason: str | None
    ) -> None:
        super().__init__(message)
        self.job_name = job_name
        self.status = status
        self.failure_reason = failure_reason


class TranscriptLinkExpiredError(TranscriptFetchError):
    """A presigned link to a document in the service's bucket was refused (HTTP 403).

    Such links live 15 minutes: get the job again (``get_transcription_job``) for a fresh one.
    """


class TranscriptTooLargeError(TranscriptFetchError):
    """The document is larger than :attr:`FetchLimits.max_bytes <transcribe_kit.FetchLimits>`."""


class UntrustedUrlError(TranscriptFetchError):
    """A document URL that is not https on an S3 endpoint nor on the client's own endpoint."""


class PaginationError(TranscribeError):
    """A List operation answered a ``NextToken`` it had answered before.

    Following it would loop forever; ``token`` is the repeated token.
    """

    def __init__(self, message: str, *, token: str, operation_name: str | None = None) -> None:
        super().__init__(message, operation_name=operation_name)
        self.token = token


class WaitTimeoutError(TranscribeError):
    """A waiter reached its deadline or its attempt limit before a final status.

    ``last_seen`` is the last state observed (the typed resource; for many jobs, a dict
    from each unfinished job's name to its last seen summary or ``None``), ``attempts``
    the number of polls made and ``elapsed`` the seconds waited.
    """

    def __init__(
        self,
        message: str,
        *,
        last_seen: object,
        attempts: int,
        elapsed: float,
        operation_name: str | None = None,
    ) -> None:
        super().__init__(message, operation_name=operation_name)
        self.last_seen = last_seen
        self.attempts = attempts
        self.elapsed = elapsed


class ResourceFailedError(TranscribeError):
    """A waited-on resource reached its FAILED status.

    ``resource`` is the typed resource as last read, ``failure_reason`` its
    ``FailureReason`` and ``name`` its name.
    """

    def __init__(
        self,
        message: str,
        *,
        name: str,
        resource: object,
        failure_reason: str | None,
        operation_name: str | None = None,
    ) -> None:
        super().__init__(message, operation_name=operation_name)
        self.name = name
        self.resource = resource
        self.failure_reason = failure_reason


class MalformedResponseError(TranscribeError):
    """The service's answer does not match the service model; nothing of it is returned.

    A member of the wrong type (``"false"`` for a boolean, ``2.9`` for an integer, an object
    for a string), a required member missing, a timestamp that is no time, a number out of
    range, a body that is not a JSON object. ``path`` locates the member by its wire names
    (``TranscriptionJobSummaries[3].CreationTime``; empty for the answer as a whole) and
    ``reason`` says what is wrong with it. Members and enum values the model does not know
    are not errors: a newer service adds them.
    """

    def __init__(self, path: str, reason: str, *, operation_name: str | None = None) -> None:
        self.path = path
        self.reason = reason
        answer = f"the answer to {operation_name}" if operation_name else "the answer"
        where = f" at {path}" if path else ""
        super().__init__(f"{answer} is malformed{where}: {reason}", operation_name=operation_name)


class ServiceError(TranscribeError):
    """The service answered with an error.

    Carries the error ``code`` (``BadRequestException``), the ``message``, the
    ``operation_name``, the ``http_status``, the ``request_id``, the ``reason`` the
    service may give (``BadRequestException.Reason``), ``retry_after`` (the seconds a
    ``Retry-After`` header asked to wait, when the answer had one) and the ``response``
    dict.
    """

    def __init__(
        self,
        message: str,
        *,
        code: str,
        operation_name: str | None = None,
        http_status: int | None = None,
        request_id: str | None = None,
        reason: str | None = None,
        retry_after: float | None = None,
        response: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message, operation_name=operation_name)
        self.code = code
        self.reason = reason
        self.retry_after = retry_after
        self.http_status = http_status
        self.request_id = request_id
        self.response: Mapping[str, Any] = response or {}

    def __str__(self) -> str:
        where = f" in {self.operation_name}" if self.operation_name else ""
        status = f", HTTP {self.http_status}" if self.http_status is not None else ""
        request = f", request id {self.request_id}" if self.request_id else ""
        return f"{self.code}{where}: {self.message}{status}{request}"


class BadRequestError(ServiceError):
    """``BadRequestException``: the request is not valid for the resource's current state."""


class NotFoundError(ServiceError):
    """``NotFoundException``: the resource does not exist."""


class ResourceNotFoundError(BadRequestError, NotFoundError):
    """A job or vocabulary that does not exist, which the service answers as a bad request.

    Catch it as :class:`NotFoundError` (what it means) or :class:`BadRequestError` (what
    the service said).
    """


class ConflictError(ServiceError):
    """``ConflictException``: a resource of that name exists already."""


class InternalFailureError(ServiceError):
    """``InternalFailureException``: the service failed; the call may succeed when retried."""


class LimitExceededError(ServiceError):
    """``LimitExceededException``: a quota or request rate was exceeded."""


class ThrottlingError(ServiceError):
    """The request rate was too high (``ThrottlingException`` and its kin)."""


class AccessDeniedError(ServiceError):
    """The credentials were rejected or lack permission."""


class TransportError(TranscribeError):
    """The service could not be reached or did not answer."""


class ConnectError(TransportError):
    """The connection could not be made or was closed before an answer arrived."""


class RequestTimeoutError(TransportError):
    """Connecting or reading the answer took longer than the configured timeout."""


class JobSlotTimeoutError(TranscribeError):
    """:class:`~transcribe_kit.JobSubmitter` waited its ``slot_timeout`` for a job to finish."""


ERRORS_BY_CODE: Final[Mapping[str, type[ServiceError]]] = {
    "BadRequestException": BadRequestError,
    "ConflictException": ConflictError,
    "InternalFailureException": InternalFailureError,
    "LimitExceededException": LimitExceededError,
    "NotFoundException": NotFoundError,
    # The other services the library calls: EventBridge and DynamoDB, SQS (both spellings).
    "ResourceNotFoundException": NotFoundError,
    "AWS.SimpleQueueService.NonExistentQueue": NotFoundError,
    "QueueDoesNotExist": NotFoundError,
    "ThrottlingException": ThrottlingError,
    "Throttling": ThrottlingError,
    "ThrottledException": ThrottlingError,
    "TooManyRequestsException": ThrottlingError,
    "RequestLimitExceeded": ThrottlingError,
    "RequestThrottled": ThrottlingError,
    "RequestThrottledException": ThrottlingError,
    "SlowDown": ThrottlingError,
    "ProvisionedThroughputExceededException": ThrottlingError,
    "AccessDeniedException": AccessDeniedError,
    "UnrecognizedClientException": AccessDeniedError,
    "InvalidSignatureException": AccessDeniedError,
    "ExpiredTokenException": AccessDeniedError,
}
"""The error class for each error code the service (or its front door) answers.

Also the codes of the services the library calls beside Transcribe (S3, SQS, EventBridge,
DynamoDB) that mean the same: a missing queue, rule or table is a :class:`NotFoundError`,
DynamoDB's ``ProvisionedThroughputExceededException`` a :class:`ThrottlingError`.
"""
