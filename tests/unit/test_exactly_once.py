from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import ConnectionClosedError, ConnectTimeoutError, ReadTimeoutError

from tests._model import BUNDLED, model
from tests.fakes import typed_error
from transcribe_kit import (
    ConflictError,
    MalformedResponseError,
)
from transcribe_kit._error_mapping import may_have_reached_service, translate
from transcribe_kit._exactly_once import StartGuard, matches_request
from transcribe_kit._kinds import JOB_KINDS, TRANSCRIPTION_JOBS, JobKind

UNREPORTED = TRANSCRIPTION_JOBS.unreported_start_members

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
    "CreationTime": datetime.now(timezone.utc),
    "TranscriptionJobStatus": "QUEUED",
    "Media": {"MediaFileUri": "s3://m/a.mp3"},
    "LanguageCode": "en-US",
    "Settings": {"ShowSpeakerLabels": True, "MaxSpeakerLabels": 4, "ChannelIdentification": False},
    "Tags": [{"Key": "b", "Value": "2"}, {"Key": "a", "Value": "1"}],
}


@pytest.fixture(autouse=True)
def _job_created_just_now() -> None:
    # Made when each test runs, not when the module was imported: a long test session
    # would otherwise age the job past the clock skew allowed.
    JOB["CreationTime"] = datetime.now(timezone.utc)


def _error(code: str, status: int) -> Any:
    return typed_error(code, status=status, operation="StartTranscriptionJob")


def _transport(cause: Exception) -> Any:
    return translate(cause, "StartTranscriptionJob")


def test_a_job_matches_the_request_it_reports() -> None:
    assert matches_request(REQUEST, JOB, UNREPORTED)


def test_members_no_job_reports_are_not_asked_of_it() -> None:
    without_tags = {key: value for key, value in JOB.items() if key != "Tags"}

    assert "OutputBucketName" not in JOB
    assert matches_request(REQUEST, without_tags, UNREPORTED)


#: What a start asked for beyond name, media and language: the job of the same name and
#: media that someone else started has none of it.
ASKED_FOR: dict[str, Any] = {
    "Settings": {"ChannelIdentification": True},
    "ContentRedaction": {"RedactionType": "PII", "RedactionOutput": "redacted"},
    "Subtitles": {"Formats": ["srt", "vtt"], "OutputStartIndex": 1},
    "JobExecutionSettings": {"AllowDeferredExecution": True, "DataAccessRoleArn": "arn:r"},
    "IdentifyLanguage": True,
    "ToxicityDetection": [{"ToxicityCategories": ["ALL"]}],
}
BARE_JOB: dict[str, Any] = {
    "TranscriptionJobName": "j",
    "Media": {"MediaFileUri": "s3://m/a.mp3"},
    "LanguageCode": "en-US",
    "Settings": {"ShowSpeakerLabels": False},
}


@pytest.mark.parametrize(("member", "value"), ASKED_FOR.items())
def test_a_job_that_lacks_a_member_asked_for_does_not_match(member: str, value: object) -> None:
    request = {**BARE_JOB, member: value}

    assert not matches_request(request, BARE_JOB, UNREPORTED)


@pytest.mark.parametrize(
    ("requested", "reported"),
    [
        pytest.param({"MaxSpeakerLabels": 4}, {"MaxSpeakerLabels": "4"}, id="text-for-number"),
        pytest.param({"ShowSpeakerLabels": True}, {"ShowSpeakerLabels": 1}, id="number-for-bool"),
        pytest.param({"Formats": ["srt", "srt"]}, {"Formats": ["srt", "vtt"]}, id="multiset"),
        pytest.param({"Formats": ["srt"]}, {"Formats": "srt"}, id="scalar-for-list"),
        pytest.param({"Settings": {"A": 1}}, {"Settings": [{"A": 1}]}, id="list-for-object"),
    ],
)
def test_values_of_another_type_or_count_do_not_match(
    requested: dict[str, Any], reported: dict[str, Any]
) -> None:
    assert not matches_request(requested, reported)


def test_list_items_each_need_their_own_match() -> None:
    requested = {"Rules": [{"A": 1}, {"A": 1, "B": 2}]}
    reported = {"Rules": [{"A": 1, "B": 2}, {"A": 1, "C": 3}]}

    assert matches_request(requested, reported)
    assert not matches_request({"Rules": [{"A": 1, "B": 2}, {"A": 1, "B": 2}]}, reported)


def test_a_false_boolean_matches_one_left_out() -> None:
    assert matches_request({"Settings": {"ShowAlternatives": False}}, {"Settings": {}})
    assert not matches_request({"Settings": {"ShowAlternatives": True}}, {"Settings": {}})


def test_tags_are_compared_when_reported() -> None:
    assert not matches_request(
        {"Tags": [{"Key": "a", "Value": "1"}]}, {"Tags": [{"Key": "a", "Value": "2"}]}, UNREPORTED
    )


def _model_unreported(kind: JobKind[Any, Any]) -> set[str]:
    shapes = model(BUNDLED)
    request = shapes.shape_for(f"{kind.operations.create}Request")
    job = shapes.shape_for(kind.shape)
    return set(request.members) - set(job.members)


@pytest.mark.parametrize("kind", JOB_KINDS, ids=lambda kind: kind.noun)
def test_the_unreported_members_are_the_models_and_the_tags(kind: JobKind[Any, Any]) -> None:
    assert kind.unreported_start_members == _model_unreported(kind) | {"Tags"}


def _documented_unreported() -> dict[str, set[str]]:
    """The table of members not compared, from the retries guide."""
    guide = Path(__file__).parents[2] / "docs" / "guide" / "retries.md"
    rows = re.findall(r"^\| `(Start\w+Job)` \| (.*) \|$", guide.read_text(), re.MULTILINE)
    return {operation: set(re.findall(r"`(\w+)`", members)) for operation, members in rows}


def test_the_guide_lists_the_members_not_compared_for_every_kind() -> None:
    assert _documented_unreported() == {
        kind.operations.create: set(kind.unreported_start_members) for kind in JOB_KINDS
    }


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


async def _read_back(job: dict[str, Any], request: dict[str, Any] = REQUEST) -> dict[str, Any]:
    """The answer of a start retried after a lost answer, when the Get reports ``job``."""
    guard = StartGuard.for_call("StartTranscriptionJob", request)
    assert guard is not None
    guard.note_failure(_transport(ReadTimeoutError(endpoint_url="http://127.0.0.1:1/")))

    async def send(operation: str, params: dict[str, Any]) -> dict[str, Any]:
        return {"TranscriptionJob": job}

    return await guard.resolve_conflict(_error("ConflictException", 400), send)


async def test_a_job_without_the_settings_asked_for_is_someone_elses() -> None:
    request = {**REQUEST, **ASKED_FOR}
    job = {**JOB, "Settings": {"ShowSpeakerLabels": True, "MaxSpeakerLabels": 4}}

    with pytest.raises(ConflictError):
        await _read_back(job, request)


@pytest.mark.parametrize(
    "created",
    [
        pytest.param(datetime.now(timezone.utc) - timedelta(hours=1), id="an-hour-before"),
        pytest.param((datetime.now(timezone.utc) - timedelta(hours=1)).timestamp(), id="epoch"),
        pytest.param("2020-01-01T00:00:00Z", id="iso-text"),
        pytest.param(datetime(2020, 1, 1), id="naive"),
    ],
)
async def test_a_job_created_before_the_call_began_is_someone_elses(created: object) -> None:
    with pytest.raises(ConflictError):
        await _read_back({**JOB, "CreationTime": created})


async def test_a_job_without_a_creation_time_is_not_taken_for_ours() -> None:
    job = {key: value for key, value in JOB.items() if key != "CreationTime"}

    with pytest.raises(ConflictError):
        await _read_back(job)


async def test_a_creation_time_that_is_no_time_is_a_malformed_answer() -> None:
    with pytest.raises(MalformedResponseError) as caught:
        await _read_back({**JOB, "CreationTime": "soon"})

    assert caught.value.path == "TranscriptionJob.CreationTime"
    assert caught.value.operation_name == "GetTranscriptionJob"


def test_only_starts_are_guarded() -> None:
    assert StartGuard.for_call("GetTranscriptionJob", {}) is None
    for operation in (
        "StartTranscriptionJob",
        "StartMedicalTranscriptionJob",
        "StartCallAnalyticsJob",
        "StartMedicalScribeJob",
    ):
        assert StartGuard.for_call(operation, {}) is not None
