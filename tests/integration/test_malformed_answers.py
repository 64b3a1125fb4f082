"""Answers that break the service model raise MalformedResponseError, never a coerced value.

Served over real HTTP from a loopback server, through TranscribeClient's own aiobotocore
client and through one passed in from a plain aiobotocore session.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timezone
from typing import Any

import pytest
import pytest_asyncio

from tests.json_server import FLAVOURS, JsonServer, client_for, json_server
from transcribe_kit import (
    BadRequestError,
    GetTranscriptionJobRequest,
    ListTranscriptionJobsRequest,
    MalformedResponseError,
    RetryPolicy,
    TranscribeClient,
    TranscriptionJobStatus,
)

GET = GetTranscriptionJobRequest(transcription_job_name="job-1")


@pytest_asyncio.fixture
async def server() -> AsyncIterator[JsonServer]:
    async with json_server() as running:
        yield running


@pytest_asyncio.fixture(params=FLAVOURS)
async def tk(server: JsonServer, request: pytest.FixtureRequest) -> AsyncIterator[TranscribeClient]:
    async with client_for(server, request.param) as client:
        yield client


def _job(**members: Any) -> dict[str, Any]:
    return {"TranscriptionJob": {"TranscriptionJobName": "job-1", **members}}


async def _malformed(tk: TranscribeClient, server: JsonServer, body: object) -> tuple[str, str]:
    server.answer(body)
    with pytest.raises(MalformedResponseError) as caught:
        await tk.get_transcription_job(GET)
    assert caught.value.operation_name == "GetTranscriptionJob"
    return caught.value.path, caught.value.reason


# What was coerced before: "false" read as True, 2.9 as 2, an object as its string form.


async def test_a_string_for_a_boolean_is_not_read_as_true(
    tk: TranscribeClient, server: JsonServer
) -> None:
    found = await _malformed(tk, server, _job(Settings={"ShowSpeakerLabels": "false"}))

    assert found == (
        "TranscriptionJob.Settings.ShowSpeakerLabels",
        'expected true or false, got "false"',
    )


async def test_a_fraction_for_an_integer_is_not_cut(
    tk: TranscribeClient, server: JsonServer
) -> None:
    found = await _malformed(tk, server, _job(MediaSampleRateHertz=2.9))

    assert found == ("TranscriptionJob.MediaSampleRateHertz", "expected an integer, got 2.9")


async def test_an_object_for_a_string_is_not_its_string_form(
    tk: TranscribeClient, server: JsonServer
) -> None:
    found = await _malformed(tk, server, _job(FailureReason={"Code": 1}))

    assert found == ("TranscriptionJob.FailureReason", "expected a string, got an object")


@pytest.mark.parametrize(
    ("members", "path", "reason"),
    [
        pytest.param(
            {"Tags": [{"Key": "team", "Value": "a"}, {"Value": "b"}]},
            "TranscriptionJob.Tags[1].Key",
            "a required member is missing",
            id="required-member-missing",
        ),
        pytest.param(
            {"CreationTime": "yesterday"},
            "TranscriptionJob.CreationTime",
            'expected a timestamp, got "yesterday"',
            id="timestamp-text",
        ),
        pytest.param(
            {"CreationTime": 1e300},
            "TranscriptionJob.CreationTime",
            "expected a timestamp, got 1e+300",
            id="timestamp-out-of-range",
        ),
        pytest.param(
            {"CreationTime": True},
            "TranscriptionJob.CreationTime",
            "expected a timestamp, got true",
            id="timestamp-boolean",
        ),
        pytest.param(
            {"MediaSampleRateHertz": 2**70},
            "TranscriptionJob.MediaSampleRateHertz",
            "expected an integer between -2**63 and 2**63, got 1180591620717411303424",
            id="huge-integer",
        ),
        pytest.param(
            {"MediaSampleRateHertz": True},
            "TranscriptionJob.MediaSampleRateHertz",
            "expected an integer, got true",
            id="boolean-for-integer",
        ),
        pytest.param(
            {"LanguageCodes": [{"DurationInSeconds": "12.5"}]},
            "TranscriptionJob.LanguageCodes[0].DurationInSeconds",
            'expected a number, got "12.5"',
            id="text-for-float",
        ),
        pytest.param(
            {"TranscriptionJobStatus": 3},
            "TranscriptionJob.TranscriptionJobStatus",
            "expected a string, got 3",
            id="number-for-enum",
        ),
        pytest.param(
            {"Media": ["s3://bucket/a.mp3"]},
            "TranscriptionJob.Media",
            "expected an object, got a list",
            id="list-for-structure",
        ),
        pytest.param(
            {"Tags": {"Key": "team"}},
            "TranscriptionJob.Tags",
            "expected a list, got an object",
            id="object-for-list",
        ),
        pytest.param(
            {"LanguageIdSettings": {"en-US": "terms"}},
            'TranscriptionJob.LanguageIdSettings["en-US"]',
            'expected an object, got "terms"',
            id="string-for-map-value",
        ),
        pytest.param(
            {"Subtitles": {"Formats": ["srt", None]}},
            "TranscriptionJob.Subtitles.Formats[1]",
            "expected a string, got null",
            id="null-in-list",
        ),
    ],
)
async def test_a_member_that_breaks_the_model_is_named(
    tk: TranscribeClient, server: JsonServer, members: dict[str, Any], path: str, reason: str
) -> None:
    assert await _malformed(tk, server, _job(**members)) == (path, reason)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        pytest.param(b"<html>Service Unavailable</html>", "the body is not JSON", id="html"),
        pytest.param(b"[1, 2]", "expected a JSON object, got a list", id="list"),
        pytest.param(b"null", "expected a JSON object, got null", id="null"),
        pytest.param(
            b"[" * 100_000 + b"]" * 100_000, "the body is nested too deeply to read", id="deep"
        ),
    ],
)
async def test_a_body_that_is_no_answer_is_malformed(
    tk: TranscribeClient, server: JsonServer, body: bytes, reason: str
) -> None:
    path, found = await _malformed(tk, server, body)

    assert path == ""
    assert found.startswith(reason)


async def test_an_integer_of_5000_digits_is_malformed(
    tk: TranscribeClient, server: JsonServer
) -> None:
    body = b'{"TranscriptionJob": {"MediaSampleRateHertz": ' + b"9" * 5000 + b"}}"

    path, reason = await _malformed(tk, server, body)

    # Python 3.11 and later refuse to decode it; 3.10 decodes it, and it is out of range.
    if path:
        assert path == "TranscriptionJob.MediaSampleRateHertz"
        assert reason.startswith("expected an integer between -2**63 and 2**63, got 9999")
    else:
        assert reason.startswith("the body is not JSON")


async def test_a_summary_of_a_page_is_named_by_its_index(
    tk: TranscribeClient, server: JsonServer
) -> None:
    summaries = [{"TranscriptionJobName": f"job-{i}", "CreationTime": 1.5e9} for i in range(3)]
    summaries[2]["CreationTime"] = "soon"
    server.answer({"TranscriptionJobSummaries": summaries})

    with pytest.raises(MalformedResponseError) as caught:
        await tk.list_transcription_jobs(ListTranscriptionJobsRequest())

    assert caught.value.operation_name == "ListTranscriptionJobs"
    assert caught.value.path == "TranscriptionJobSummaries[2].CreationTime"
    assert str(caught.value) == (
        "the answer to ListTranscriptionJobs is malformed at "
        'TranscriptionJobSummaries[2].CreationTime: expected a timestamp, got "soon"'
    )


async def test_a_malformed_answer_is_not_retried(server: JsonServer) -> None:
    server.answer(_job(MediaSampleRateHertz="fast"))

    async with client_for(server) as tk:
        with pytest.raises(MalformedResponseError):
            await tk.with_options(retry_policy=RetryPolicy()).get_transcription_job(GET)

    assert len(server.targets) == 1


# What a newer service may send stays accepted.


async def test_unknown_members_and_enum_values_are_accepted(
    tk: TranscribeClient, server: JsonServer
) -> None:
    server.answer(_job(TranscriptionJobStatus="PAUSED", SomethingNew={"Nested": [1, None]}))

    job = (await tk.get_transcription_job(GET)).transcription_job

    assert job is not None
    assert job.transcription_job_status == "PAUSED"
    assert job.transcription_job_status.is_known is False


async def test_timestamps_come_out_utc_whichever_client(
    tk: TranscribeClient, server: JsonServer
) -> None:
    server.answer(_job(CreationTime=1_767_225_600.5))

    job = (await tk.get_transcription_job(GET)).transcription_job

    assert job is not None
    assert job.creation_time == datetime(2026, 1, 1, 0, 0, 0, 500000, tzinfo=timezone.utc)
    assert job.creation_time.tzinfo is timezone.utc


# Error answers are read by botocore: what it cannot read is malformed too.


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"[1, 2]", id="list"),
        pytest.param(b"null", id="null"),
        pytest.param(b"[" * 100_000 + b"]" * 100_000, id="deep"),
    ],
)
async def test_an_error_answer_botocore_cannot_read_is_malformed(
    tk: TranscribeClient, server: JsonServer, body: bytes
) -> None:
    server.answer(body, status=400)

    with pytest.raises(MalformedResponseError) as caught:
        await tk.get_transcription_job(GET)

    assert caught.value.operation_name == "GetTranscriptionJob"
    assert caught.value.path == ""


async def test_an_error_answer_that_is_well_formed_stays_a_service_error(
    tk: TranscribeClient, server: JsonServer
) -> None:
    server.answer({"__type": "BadRequestException", "Message": "no"}, status=400)

    with pytest.raises(BadRequestError):
        await tk.get_transcription_job(GET)


# The aiobotocore client underneath keeps its behaviour.


async def test_after_call_handlers_see_what_botocore_would_have_parsed(
    tk: TranscribeClient, server: JsonServer
) -> None:
    server.answer(
        {
            "TranscriptionJobSummaries": [
                {
                    "TranscriptionJobName": "job-1",
                    "CreationTime": 1_767_225_600.25,
                    "TranscriptionJobStatus": "COMPLETED",
                    "LanguageCodes": [{"LanguageCode": "en-US", "DurationInSeconds": 3}],
                }
            ],
            "NextToken": "page-2",
        }
    )
    seen: list[dict[str, Any]] = []

    def after_call(parsed: dict[str, Any], **_: Any) -> None:
        seen.append({key: value for key, value in parsed.items() if key != "ResponseMetadata"})

    raw = tk.aiobotocore_client
    raw.meta.events.register("after-call.transcribe.ListTranscriptionJobs", after_call)
    typed = await tk.list_transcription_jobs(
        ListTranscriptionJobsRequest(status=TranscriptionJobStatus.COMPLETED)
    )
    direct = await raw.list_transcription_jobs(Status="COMPLETED")

    assert typed.next_token == "page-2"
    assert len(seen) == 2
    assert seen[0] == seen[1]
    assert isinstance(seen[0]["TranscriptionJobSummaries"][0]["CreationTime"], datetime)
    assert {key: value for key, value in direct.items() if key != "ResponseMetadata"} == seen[1]
