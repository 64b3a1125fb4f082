"""Scripted outcomes on the local backend: failed jobs, failed calls, job limits, durations."""

from __future__ import annotations

import json
import urllib.request

import pytest

from tests.jobs import MEDIA, start_jobs, start_medical_jobs
from transcribe_kit import (
    MEDICAL_TRANSCRIPTION_JOBS,
    GetTranscriptionJobRequest,
    InternalFailureError,
    JobExecutionSettings,
    JobSubmitter,
    LanguageCode,
    LimitExceededError,
    ListTranscriptionJobsRequest,
    ResourceFailedError,
    RetryPolicy,
    StartTranscriptionJobRequest,
    ThrottlingError,
    TranscribeClient,
    TranscriptionJobStatus,
    TranscriptNotReadyError,
)
from transcribe_kit.testing import LocalBackend, LocalClock

NO_RETRIES = RetryPolicy.none()
QUICK_RETRIES = RetryPolicy(initial_backoff=0.01, max_backoff=0.02, jitter=0.0)
MEDICAL_TRANSCRIPTION_JOBS_KEY = "transcribe::medicaltranscriptionjob"
ROLE = "arn:aws:iam::123456789012:role/transcribe"


async def _status(tk: TranscribeClient, name: str) -> TranscriptionJobStatus | None:
    got = await tk.get_transcription_job(GetTranscriptionJobRequest(transcription_job_name=name))
    assert got.transcription_job is not None
    return got.transcription_job.transcription_job_status


def _request(name: str, *, deferred: bool = False) -> StartTranscriptionJobRequest:
    return StartTranscriptionJobRequest(
        transcription_job_name=name,
        language_code=LanguageCode.EN_US,
        media=MEDIA,
        job_execution_settings=(
            JobExecutionSettings(allow_deferred_execution=True, data_access_role_arn=ROLE)
            if deferred
            else None
        ),
    )


# Failed jobs


async def test_jobs_matching_a_pattern_fail_with_the_reason_given(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    transcribe_backend.fail_jobs("bad-*", "The media file is corrupt.")
    await start_jobs(transcribe_client, "bad-1", "good-1")
    local_clock.advance(1)

    with pytest.raises(ResourceFailedError) as caught:
        await transcribe_client.wait_for_transcription_job("bad-1")
    finished = {
        job.transcription_job_name: (job.transcription_job_status, job.failure_reason)
        async for job in transcribe_client.as_completed(["bad-1", "good-1"])
    }

    assert caught.value.failure_reason == "The media file is corrupt."
    assert finished == {
        "bad-1": (TranscriptionJobStatus.FAILED, "The media file is corrupt."),
        "good-1": (TranscriptionJobStatus.COMPLETED, None),
    }


async def test_a_failed_job_has_no_transcript(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    transcribe_backend.fail_jobs("doomed")
    await start_jobs(transcribe_client, "doomed")
    local_clock.advance(1)
    got = await transcribe_client.get_transcription_job(
        GetTranscriptionJobRequest(transcription_job_name="doomed")
    )
    assert got.transcription_job is not None

    with pytest.raises(TranscriptNotReadyError):
        await transcribe_client.fetch_transcript(got.transcription_job)
    assert got.transcription_job.transcript is None
    assert got.transcription_job.failure_reason == "Failed to parse audio file."


async def test_failures_apply_to_the_kinds_named(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    transcribe_backend.fail_jobs("*", kinds=[MEDICAL_TRANSCRIPTION_JOBS_KEY])
    await start_jobs(transcribe_client, "plain")
    await start_medical_jobs(transcribe_client, "medical")
    local_clock.advance(1)

    plain = await transcribe_client.wait_all(["plain"])
    medical = await transcribe_client.wait_all(["medical"], kind=MEDICAL_TRANSCRIPTION_JOBS)

    assert plain[0].transcription_job_status is TranscriptionJobStatus.COMPLETED
    assert medical[0].transcription_job_status == "FAILED"


# Failed calls


async def test_a_throttled_call_is_retried_by_the_client(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    await start_jobs(transcribe_client, "job")
    transcribe_backend.throttle("GetTranscriptionJob", times=2)

    status = await transcribe_client.with_options(retry_policy=QUICK_RETRIES).get_transcription_job(
        GetTranscriptionJobRequest(transcription_job_name="job")
    )

    assert status.transcription_job is not None


async def test_a_throttled_call_answers_throttling_as_many_times_as_scripted(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.throttle("List*", times=2)
    once = transcribe_client.with_options(retry_policy=NO_RETRIES)

    errors = []
    for _ in range(2):
        with pytest.raises(ThrottlingError) as caught:
            await once.list_transcription_jobs(ListTranscriptionJobsRequest())
        errors.append(caught.value)
    listed = await once.list_transcription_jobs(ListTranscriptionJobsRequest())

    assert [(e.code, e.http_status) for e in errors] == [("ThrottlingException", 400)] * 2
    assert listed.transcription_job_summaries == []


async def test_a_call_scripted_to_fail_answers_500_and_changes_nothing(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.fail_calls("StartTranscriptionJob")
    once = transcribe_client.with_options(retry_policy=NO_RETRIES)

    with pytest.raises(InternalFailureError) as caught:
        await once.start_transcription_job(_request("never"))
    listed = await once.list_transcription_jobs(ListTranscriptionJobsRequest())

    assert caught.value.http_status == 500
    assert listed.transcription_job_summaries == []


# Job limits


async def test_past_the_job_limit_a_start_is_refused_as_the_service_does(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    transcribe_backend.set_job_limit(2)
    once = transcribe_client.with_options(retry_policy=NO_RETRIES)
    await once.start_transcription_job(_request("one"))
    await once.start_transcription_job(_request("two"))

    with pytest.raises(LimitExceededError):
        await once.start_transcription_job(_request("three"))
    local_clock.advance(1)
    await once.start_transcription_job(_request("three"))


async def test_a_deferred_job_waits_queued_for_a_free_slot(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    transcribe_backend.set_job_limit(1)
    await transcribe_client.start_transcription_job(_request("first"))
    await transcribe_client.start_transcription_job(_request("second", deferred=True))

    waiting = await _status(transcribe_client, "second")
    local_clock.advance(1)
    started = await _status(transcribe_client, "second")
    local_clock.advance(1)
    done = await _status(transcribe_client, "second")

    assert (waiting, started, done) == ("QUEUED", "IN_PROGRESS", "COMPLETED")


async def test_job_submitter_keeps_within_the_job_limit(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_job_limit(2)
    transcribe_backend.set_progression(seconds=0.05)
    submitter = JobSubmitter(
        transcribe_client, max_running=2, poll_interval=0.01, max_poll_interval=0.02
    )

    results = await submitter.submit([_request(f"batch-{index}") for index in range(5)])

    assert [result.error for result in results] == [None] * 5


# How long jobs take


async def test_jobs_matching_a_pattern_take_the_time_given(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    transcribe_backend.set_job_duration(60, "slow-*")
    await start_jobs(transcribe_client, "slow-1", "quick-1")
    local_clock.advance(1)

    seen = (await _status(transcribe_client, "slow-1"), await _status(transcribe_client, "quick-1"))
    local_clock.advance(59)

    assert seen == ("IN_PROGRESS", "COMPLETED")
    assert await _status(transcribe_client, "slow-1") == "COMPLETED"


def _set_transition(endpoint_url: str, model_name: str, transition: dict[str, object]) -> None:
    request = urllib.request.Request(
        endpoint_url + "/moto-api/state-manager/set-transition",
        data=json.dumps({"model_name": model_name, "transition": transition}).encode(),
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        answer.read()


async def test_transitions_set_through_motos_state_manager_api_apply(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    _set_transition(
        transcribe_backend.endpoint_url,
        "transcribe::transcriptionjob",
        {"progression": "manual", "times": 1},
    )
    await start_jobs(transcribe_client, "stepped")

    seen = [await _status(transcribe_client, "stepped") for _ in range(3)]

    assert seen == ["QUEUED", "IN_PROGRESS", "COMPLETED"]


def test_a_script_the_backend_cannot_follow_is_refused(transcribe_backend: LocalBackend) -> None:
    with pytest.raises(ValueError, match="unknown kinds"):
        transcribe_backend.fail_jobs("*", kinds=["transcribe::nothing"])
    with pytest.raises(ValueError, match="seconds"):
        transcribe_backend.set_job_duration(-1)
    with pytest.raises(ValueError, match="times"):
        transcribe_backend.throttle("GetTranscriptionJob", times=0)
