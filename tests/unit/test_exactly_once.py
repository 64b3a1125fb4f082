from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ConnectionClosedError, ConnectTimeoutError, ReadTimeoutError

from tests.fakes import typed_error
from transcribe_kit import (
    ConflictError,
)
from transcribe_kit._error_mapping import may_have_reached_service, translate
from transcribe_kit._exactly_once import StartGuard, matches_request

REQUEST: dict[str, Any] = {
    "TranscriptionJobName": "j",
    "Media": {"MediaFileUri": "s3://m/a.mp3"},
    "LanguageCode": "en-US",
    "OutputBucketName": "out",
    "Settings": {"ShowSpeakerLabels": True, "MaxSpeakerLabels": 4},
    "Tags": [{"Key": "a", "Value": "1"}, {"Key": "b", "Value": "2"}],
}
JOB: dict[str, Any] = {
    "TranscriptionJobName": "j",
    "TranscriptionJobStatus": "QUEUED",
    "Media": {"MediaFileUri": "s3://m/a.mp3"},
    "LanguageCode": "en-US",
    "Settings": {"ShowSpeakerLabels": True, "MaxSpeakerLabels": 4, "ChannelIdentification": False},
    "Tags": [{"Key": "b", "Value": "2"}, {"Key": "a", "Value": "1"}],
}


def _error(code: str, status: int) -> Any:
    return typed_error(code, status=status, operation="StartTranscriptionJob")


def _transport(cause: Exception) -> Any:
    return translate(cause, "StartTranscriptionJob")


def test_a_job_matches_the_request_it_reports() -> None:
    assert matches_request(REQUEST, JOB)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("Media", {"MediaFileUri": "s3://m/b.mp3"}),
        ("LanguageCode", "de-DE"),
        ("Settings", {"ShowSpeakerLabels": True, "MaxSpeakerLabels": 5}),
        ("Tags", [{"Key": "a", "Value": "1"}]),
    ],
)
def test_a_job_with_other_settings_does_not_match(key: str, value: object) -> None:
    assert not matches_request(REQUEST, {**JOB, key: value})


def test_only_failures_without_an_answer_may_have_started_a_job() -> None:
    url = "http://127.0.0.1:1/"
    assert may_have_reached_service(_transport(ReadTimeoutError(endpoint_url=url)))
    assert may_have_reached_service(_transport(ConnectionClosedError(endpoint_url=url)))
    assert may_have_reached_service(_error("InternalFailureException", 500))
    assert not may_have_reached_service(_transport(ConnectTimeoutError(endpoint_url=url)))
    assert not may_have_reached_service(_error("ThrottlingException", 400))
    assert not may_have_reached_service(_error("BadRequestException", 400))


async def test_a_first_attempt_conflict_is_raised_without_reading_back() -> None:
    guard = StartGuard.for_call("StartTranscriptionJob", REQUEST)
    assert guard is not None
    sent: list[str] = []

    async def send(operation: str, params: dict[str, Any]) -> dict[str, Any]:
        sent.append(operation)
        return {"TranscriptionJob": JOB}

    conflict = _error("ConflictException", 409)
    guard.note_failure(_error("ThrottlingException", 400))
    with pytest.raises(ConflictError):
        await guard.resolve_conflict(conflict, send)
    assert sent == []

    guard.note_failure(_transport(ConnectionClosedError(endpoint_url="http://127.0.0.1:1/")))
    assert await guard.resolve_conflict(conflict, send) == {"TranscriptionJob": JOB}
    assert sent == ["GetTranscriptionJob"]


def test_only_starts_are_guarded() -> None:
    assert StartGuard.for_call("GetTranscriptionJob", {}) is None
    for operation in (
        "StartTranscriptionJob",
        "StartMedicalTranscriptionJob",
        "StartCallAnalyticsJob",
        "StartMedicalScribeJob",
    ):
        assert StartGuard.for_call(operation, {}) is not None
