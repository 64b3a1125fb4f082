"""What botocore raises becomes the typed errors of transcribe_kit.errors."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import (
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    HTTPClientError,
    IncompleteReadError,
    ParamValidationError,
    ReadTimeoutError,
)

from tests._model import BUNDLED, error_shapes, model
from tests.fakes import FakeAioClient, service_error
from transcribe_kit import (
    AccessDeniedError,
    BadRequestError,
    ConflictError,
    ConnectError,
    GetTranscriptionJobRequest,
    InternalFailureError,
    LimitExceededError,
    NotFoundError,
    RequestTimeoutError,
    RequestValidationError,
    ResourceNotFoundError,
    ServiceError,
    ThrottlingError,
    TranscribeClient,
    TransportError,
)
from transcribe_kit._error_mapping import (
    is_condition_failed,
    is_not_found,
    is_retryable,
    translate,
)

ENDPOINT = "http://127.0.0.1:9"
NOT_FOUND = "The requested job couldn't be found. Check the job name and try your request again."

MODELED = {
    "BadRequestException": BadRequestError,
    "ConflictException": ConflictError,
    "InternalFailureException": InternalFailureError,
    "LimitExceededException": LimitExceededError,
    "NotFoundException": NotFoundError,
}


def _client_error(
    code: str,
    message: str = "It went wrong.",
    *,
    status: int | None = 400,
    request_id: str | None = "req-1",
    operation: str = "GetTranscriptionJob",
) -> ClientError:
    return service_error(code, message, status=status, request_id=request_id, operation=operation)


def test_the_table_covers_every_modeled_error() -> None:
    assert set(MODELED) == {shape.name for shape in error_shapes(model(BUNDLED))}


@pytest.mark.parametrize(("code", "error_type"), MODELED.items())
def test_modeled_code_maps_to_its_class(code: str, error_type: type[ServiceError]) -> None:
    mapped = translate(_client_error(code), "GetTranscriptionJob")

    assert type(mapped) is error_type


def test_missing_job_is_a_resource_not_found_error() -> None:
    mapped = translate(_client_error("BadRequestException", NOT_FOUND), "GetTranscriptionJob")

    assert type(mapped) is ResourceNotFoundError
    assert isinstance(mapped, NotFoundError)
    assert isinstance(mapped, BadRequestError)
    assert mapped.code == "BadRequestException"


def test_other_bad_requests_are_not_not_found() -> None:
    mapped = translate(
        _client_error("BadRequestException", "The job name is in use."), "StartTranscriptionJob"
    )

    assert type(mapped) is BadRequestError
    assert not isinstance(mapped, NotFoundError)


@pytest.mark.parametrize(
    "code",
    [
        "ThrottlingException",
        "Throttling",
        "ThrottledException",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "RequestThrottled",
        "RequestThrottledException",
        "SlowDown",
    ],
)
def test_throttling_codes_map_to_throttling_error(code: str) -> None:
    assert type(translate(_client_error(code, status=429), "ListTranscriptionJobs")) is (
        ThrottlingError
    )


@pytest.mark.parametrize(
    "code",
    [
        "AccessDeniedException",
        "UnrecognizedClientException",
        "InvalidSignatureException",
        "ExpiredTokenException",
    ],
)
def test_credential_codes_map_to_access_denied(code: str) -> None:
    assert type(translate(_client_error(code, status=403), "GetVocabulary")) is AccessDeniedError


def test_unknown_code_is_a_plain_service_error() -> None:
    mapped = translate(_client_error("BrandNewException", status=418), "GetVocabulary")

    assert type(mapped) is ServiceError
    assert mapped.code == "BrandNewException"


def test_service_error_carries_what_the_service_said() -> None:
    raised = _client_error(
        "ConflictException",
        "The requested job name already exists.",
        status=400,
        request_id="0f1e2d3c",
        operation="StartTranscriptionJob",
    )

    mapped = translate(raised, "StartTranscriptionJob")

    assert isinstance(mapped, ConflictError)
    assert mapped.code == "ConflictException"
    assert mapped.message == "The requested job name already exists."
    assert mapped.operation_name == "StartTranscriptionJob"
    assert mapped.http_status == 400
    assert mapped.request_id == "0f1e2d3c"
    assert mapped.response == raised.response
    assert str(mapped) == (
        "ConflictException in StartTranscriptionJob: The requested job name already exists., "
        "HTTP 400, request id 0f1e2d3c"
    )


def test_service_error_without_metadata_has_no_status_or_request_id() -> None:
    mapped = translate(_client_error("InternalFailureException", status=None, request_id=None), "X")

    assert isinstance(mapped, InternalFailureError)
    assert mapped.http_status is None
    assert mapped.request_id is None


def test_error_without_a_message_reads_its_code() -> None:
    mapped = translate(ClientError({"Error": {"Code": "NotFoundException"}}, "X"), "X")

    assert isinstance(mapped, NotFoundError)
    assert mapped.message == "NotFoundException"


@pytest.mark.parametrize(
    "raised",
    [
        pytest.param(ReadTimeoutError(endpoint_url=ENDPOINT), id="read-timeout"),
        pytest.param(ConnectTimeoutError(endpoint_url=ENDPOINT), id="connect-timeout"),
    ],
)
def test_timeouts_map_to_request_timeout_error(raised: Exception) -> None:
    mapped = translate(raised, "GetTranscriptionJob")

    assert type(mapped) is RequestTimeoutError
    assert isinstance(mapped, TransportError)
    assert mapped.operation_name == "GetTranscriptionJob"
    assert ENDPOINT in mapped.message


@pytest.mark.parametrize(
    "raised",
    [
        pytest.param(EndpointConnectionError(endpoint_url=ENDPOINT), id="endpoint-connection"),
        pytest.param(ConnectionClosedError(endpoint_url=ENDPOINT), id="connection-closed"),
        pytest.param(HTTPClientError(error="reset by peer"), id="http-client"),
    ],
)
def test_connection_errors_map_to_connect_error(raised: Exception) -> None:
    mapped = translate(raised, "GetTranscriptionJob")

    assert type(mapped) is ConnectError
    assert isinstance(mapped, TransportError)
    assert mapped.operation_name == "GetTranscriptionJob"


def test_botocore_parameter_validation_is_a_request_validation_error() -> None:
    mapped = translate(ParamValidationError(report="Missing required parameter"), "X")

    assert isinstance(mapped, RequestValidationError)
    assert mapped.rule == "Missing required parameter"


def test_other_exceptions_are_not_mapped() -> None:
    assert translate(KeyError("x"), "GetTranscriptionJob") is None


# Through the client


async def test_client_raises_the_typed_error_from_the_botocore_one() -> None:
    raised = _client_error("BadRequestException", NOT_FOUND)
    request = GetTranscriptionJobRequest(transcription_job_name="missing")

    async with TranscribeClient(client=FakeAioClient(default=raised)) as client:
        with pytest.raises(ResourceNotFoundError) as caught:
            await client.get_transcription_job(request)

    assert caught.value.operation_name == "GetTranscriptionJob"
    assert caught.value.__cause__ is raised


async def test_client_lets_other_exceptions_through() -> None:
    request = GetTranscriptionJobRequest(transcription_job_name="job-1")

    async with TranscribeClient(client=FakeAioClient(default=KeyError("x"))) as client:
        with pytest.raises(KeyError):
            await client.get_transcription_job(request)


def test_the_modeled_reason_of_a_bad_request_is_carried() -> None:
    error = _client_error("BadRequestException", "Too many jobs.")
    error.response["Reason"] = "TOO_MANY_JOBS"

    mapped = translate(error, "StartTranscriptionJob")

    assert isinstance(mapped, ServiceError)
    assert mapped.reason == "TOO_MANY_JOBS"


def test_an_error_without_a_reason_has_none() -> None:
    mapped = translate(_client_error("ConflictException"), "StartTranscriptionJob")

    assert isinstance(mapped, ServiceError)
    assert mapped.reason is None


@pytest.mark.parametrize("reason", [5, ["TOO_MANY_JOBS"], {"Code": 1}, True])
def test_a_reason_that_is_not_text_is_carried_as_text(reason: object) -> None:
    error = _client_error("BadRequestException", "Too many jobs.")
    error.response["Reason"] = reason

    mapped = translate(error, "StartTranscriptionJob")

    assert isinstance(mapped, ServiceError)
    assert isinstance(mapped.reason, str)
    assert json.loads(mapped.reason) == reason


# The other services the library calls


@pytest.mark.parametrize(
    "code",
    ["ProvisionedThroughputExceededException", "ThrottlingException", "RequestLimitExceeded"],
)
def test_dynamodb_throttling_is_throttling_and_retried(code: str) -> None:
    mapped = translate(_client_error(code), "UpdateItem")

    assert type(mapped) is ThrottlingError
    assert is_retryable(mapped)


@pytest.mark.parametrize(
    ("code", "operation"),
    [
        ("ResourceNotFoundException", "DescribeTable"),
        ("ResourceNotFoundException", "DescribeRule"),
        ("AWS.SimpleQueueService.NonExistentQueue", "GetQueueUrl"),
        ("QueueDoesNotExist", "GetQueueUrl"),
    ],
)
def test_a_missing_table_rule_or_queue_is_not_found(code: str, operation: str) -> None:
    mapped = translate(_client_error(code), operation)

    assert isinstance(mapped, NotFoundError)
    assert is_not_found(mapped)
    assert not is_retryable(mapped)


def test_a_refused_conditional_write_is_recognised_by_its_code() -> None:
    refused = translate(_client_error("ConditionalCheckFailedException"), "UpdateItem")
    invalid = translate(_client_error("ValidationException"), "UpdateItem")

    assert refused is not None
    assert invalid is not None
    assert is_condition_failed(refused)
    assert not is_condition_failed(invalid)


def test_a_body_cut_before_its_length_is_a_connect_error() -> None:
    mapped = translate(IncompleteReadError(actual_bytes=10, expected_bytes=100), "GetObject")

    assert type(mapped) is ConnectError
    assert is_retryable(mapped)


SIGNED = "X-Amz-Credential=AKIAEXAMPLE%2F20260101&X-Amz-Signature=0123abcd"


@pytest.mark.parametrize(
    "raised",
    [
        pytest.param(_client_error("BadRequestException", f"at https://b/k?{SIGNED}"), id="answer"),
        pytest.param(EndpointConnectionError(endpoint_url=f"https://b/k?{SIGNED}"), id="connect"),
        pytest.param(ReadTimeoutError(endpoint_url=f"https://b/k?{SIGNED}"), id="timeout"),
    ],
)
def test_no_message_keeps_a_signature(raised: Exception) -> None:
    mapped = translate(raised, "GetObject")

    assert mapped is not None
    assert "0123abcd" not in str(mapped)
    assert "AKIAEXAMPLE" not in str(mapped)


def test_an_aiohttp_error_is_a_connect_error() -> None:
    import aiohttp

    mapped = translate(aiohttp.ClientPayloadError("Response payload is not completed"), "GetObject")

    assert type(mapped) is ConnectError
    assert str(mapped).startswith("ClientPayloadError: Response payload is not completed")
