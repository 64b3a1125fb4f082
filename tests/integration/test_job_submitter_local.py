"""JobSubmitter over real HTTP against the local backend: limits, scripted faults, every kind."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
import pytest_asyncio

from tests.integration._support import checked_client
from tests.integration.fault_proxy import Fault, FaultKind, FaultProxy
from transcribe_kit import (
    CALL_ANALYTICS_JOBS,
    MEDICAL_SCRIBE_JOBS,
    MEDICAL_TRANSCRIPTION_JOBS,
    TRANSCRIPTION_JOBS,
    BadRequestError,
    BatchProgress,
    CallAnalyticsTranscript,
    ChannelDefinition,
    JobKind,
    JobOutcome,
    JobSubmitter,
    LanguageCode,
    ListTranscriptionJobsRequest,
    Media,
    MedicalScribeSettings,
    MedicalScribeTranscript,
    ParticipantRole,
    ResourceFailedError,
    RetryPolicy,
    Settings,
    Specialty,
    StartCallAnalyticsJobRequest,
    StartMedicalScribeJobRequest,
    StartMedicalTranscriptionJobRequest,
    StartTranscriptionJobRequest,
    TranscribeClient,
    Transcript,
    Type,
)
from transcribe_kit.testing import LocalBackend

ROLE = "arn:aws:iam::123456789012:role/transcribe"
#: Quick jobs, so that a batch runs through several rounds of slots in well under a second.
JOB_SECONDS = 0.2
#: Every batch here ends long before this; a hang fails instead of waiting forever.
BATCH_BOUND = 60.0
#: Retries as the default policy makes them, with shorter waits between tries.
QUICK_RETRIES = RetryPolicy(initial_backoff=0.05, max_backoff=0.2, jitter=0.05)


@pytest.fixture(autouse=True)
def _quick_jobs(transcribe_backend: LocalBackend) -> None:
    transcribe_backend.set_progression(seconds=JOB_SECONDS)


@pytest_asyncio.fixture
async def tk(transcribe_backend: LocalBackend) -> AsyncIterator[TranscribeClient]:
    async with checked_client(transcribe_backend, retry_policy=QUICK_RETRIES) as client:
        yield client


def _job(name: str, **changes: Any) -> StartTranscriptionJobRequest:
    return StartTranscriptionJobRequest(
        transcription_job_name=name,
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri=f"s3://media/{name}.wav"),
        **changes,
    )


def _submitter(tk: TranscribeClient, **options: Any) -> JobSubmitter:
    return JobSubmitter(tk, poll_interval=0.05, max_poll_interval=0.5, **options)


async def _run(
    submitter: JobSubmitter, requests: list[Any], **options: Any
) -> list[JobOutcome[Any, Any, Any]]:
    async def collect() -> list[JobOutcome[Any, Any, Any]]:
        return [outcome async for outcome in submitter.as_completed(requests, **options)]

    return await asyncio.wait_for(collect(), BATCH_BOUND)


async def _names_on_the_backend(tk: TranscribeClient) -> Counter[str]:
    """Every transcription job the backend holds, by name, with how often it holds it."""
    return Counter(
        [
            summary.transcription_job_name or ""
            async for summary in tk.paginate_transcription_jobs(page_size=100)
        ]
    )


@asynccontextmanager
async def _client_through(
    backend: LocalBackend, faults: list[Fault]
) -> AsyncIterator[tuple[FaultProxy, TranscribeClient]]:
    async with (
        FaultProxy(backend.endpoint_url, faults) as proxy,
        checked_client(backend, endpoint_url=proxy.url, retry_policy=QUICK_RETRIES) as client,
    ):
        yield proxy, client


async def test_a_batch_hands_back_every_transcript_never_more_than_max_running(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    requests = [_job(f"batch-{i}") for i in range(12)]
    progress: list[BatchProgress] = []

    outcomes = await _run(
        _submitter(tk, max_running=3), requests, fetch_transcripts=True, on_progress=progress.append
    )

    assert sorted(o.name for o in outcomes) == sorted(r.transcription_job_name for r in requests)
    assert all(o.completed for o in outcomes)
    assert all(isinstance(o.transcript, Transcript) and o.transcript.text for o in outcomes)
    assert max(p.running for p in progress) == 3
    assert progress[-1] == BatchProgress(total=12, waiting=0, started=12, completed=12)
    assert await _names_on_the_backend(tk) == Counter(r.transcription_job_name for r in requests)


async def test_a_scripted_failed_job_is_handed_back_with_its_reason(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    transcribe_backend.fail_jobs("bad-*", "The media format is not supported.")

    outcomes = await _run(_submitter(tk, max_running=2), [_job("good-1"), _job("bad-1")])

    by_name = {o.name: o for o in outcomes}
    assert by_name["good-1"].completed
    failed = by_name["bad-1"]
    assert isinstance(failed.error, ResourceFailedError)
    assert failed.error.failure_reason == "The media format is not supported."
    assert failed.job is not None
    assert failed.job.transcription_job_status == "FAILED"


async def test_a_throttled_start_is_retried_and_starts_its_job_once(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    transcribe_backend.throttle("StartTranscriptionJob", times=2)
    requests = [_job(f"throttled-{i}") for i in range(3)]

    outcomes = await _run(_submitter(tk), requests)

    assert all(o.completed for o in outcomes)
    assert await _names_on_the_backend(tk) == Counter(r.transcription_job_name for r in requests)


async def test_past_the_accounts_job_limit_starts_wait_for_a_slot(
    transcribe_backend: LocalBackend,
) -> None:
    transcribe_backend.set_job_limit(2)
    requests = [_job(f"limited-{i}") for i in range(5)]

    async with _client_through(transcribe_backend, []) as (proxy, tk):
        outcomes = await _run(_submitter(tk, max_running=5), requests)

    assert all(o.completed for o in outcomes)
    # The account took two at a time: some starts were refused, then made again.
    assert proxy.calls["StartTranscriptionJob"] > len(requests)
    async with transcribe_backend.client() as tk:
        assert await _names_on_the_backend(tk) == Counter(
            r.transcription_job_name for r in requests
        )


async def test_under_faults_every_request_has_one_outcome_and_every_job_starts_once(
    transcribe_backend: LocalBackend,
) -> None:
    transcribe_backend.set_job_limit(3)
    transcribe_backend.fail_jobs("job-7", "The media could not be read.")
    requests = [_job(f"job-{i}") for i in range(10)]
    # The backend refuses a job naming a vocabulary it does not have.
    requests[4] = _job("job-4", settings=Settings(vocabulary_name="no-such-vocabulary"))
    faults = [
        # Answers lost after the job was made: the retry meets a conflict, reads the job.
        Fault("StartTranscriptionJob", FaultKind.DROP_AFTER, frozenset({2, 6})),
        Fault("StartTranscriptionJob", FaultKind.THROTTLE, frozenset({3})),
        Fault("StartTranscriptionJob", FaultKind.SERVER_ERROR, frozenset({5})),
        Fault("ListTranscriptionJobs", FaultKind.THROTTLE, frozenset({2})),
    ]

    async with _client_through(transcribe_backend, faults) as (proxy, tk):
        outcomes = await _run(_submitter(tk, max_running=4), requests)

    assert len(proxy.injected) == 5
    assert Counter(o.name for o in outcomes) == Counter(r.transcription_job_name for r in requests)
    errors = {o.name: o.error for o in outcomes if not o.completed}
    assert sorted(errors) == ["job-4", "job-7"]
    assert isinstance(errors["job-4"], BadRequestError)
    assert isinstance(errors["job-7"], ResourceFailedError)
    async with transcribe_backend.client() as tk:
        assert await _names_on_the_backend(tk) == Counter(
            r.transcription_job_name for r in requests if r.transcription_job_name != "job-4"
        )


def _medical(name: str) -> StartMedicalTranscriptionJobRequest:
    return StartMedicalTranscriptionJobRequest(
        medical_transcription_job_name=name,
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri=f"s3://clinic/{name}.wav"),
        output_bucket_name="clinic-transcripts",
        specialty=Specialty.PRIMARYCARE,
        type=Type.CONVERSATION,
    )


def _call(name: str) -> StartCallAnalyticsJobRequest:
    return StartCallAnalyticsJobRequest(
        call_analytics_job_name=name,
        media=Media(media_file_uri=f"s3://calls/{name}.wav"),
        data_access_role_arn=ROLE,
        channel_definitions=[
            ChannelDefinition(channel_id=0, participant_role=ParticipantRole.AGENT),
            ChannelDefinition(channel_id=1, participant_role=ParticipantRole.CUSTOMER),
        ],
    )


def _scribe(name: str) -> StartMedicalScribeJobRequest:
    return StartMedicalScribeJobRequest(
        medical_scribe_job_name=name,
        media=Media(media_file_uri=f"s3://clinic/{name}.wav"),
        output_bucket_name="scribe-output",
        data_access_role_arn=ROLE,
        settings=MedicalScribeSettings(show_speaker_labels=True, max_speaker_labels=2),
    )


_KINDS: list[tuple[JobKind[Any, Any], Callable[[str], Any], type]] = [
    (TRANSCRIPTION_JOBS, _job, Transcript),
    (MEDICAL_TRANSCRIPTION_JOBS, _medical, Transcript),
    (CALL_ANALYTICS_JOBS, _call, CallAnalyticsTranscript),
    (MEDICAL_SCRIBE_JOBS, _scribe, MedicalScribeTranscript),
]
KINDS = [pytest.param(*kind, id=kind[0].arn_type) for kind in _KINDS]


@pytest.mark.parametrize(("kind", "request_of", "document"), KINDS)
async def test_every_kind_of_job_is_started_and_handed_back_with_its_document(
    transcribe_backend: LocalBackend,
    tk: TranscribeClient,
    kind: JobKind[Any, Any],
    request_of: Callable[[str], Any],
    document: type,
) -> None:
    requests = [request_of(f"{kind.arn_type}-{i}") for i in range(4)]

    outcomes = await _run(_submitter(tk, max_running=2), requests, fetch_transcripts=True)

    assert sorted(o.name for o in outcomes) == sorted(kind.name_of(r) or "" for r in requests)
    assert all(o.completed for o in outcomes)
    assert all(isinstance(o.job, kind.resource_type) for o in outcomes)
    assert all(isinstance(o.transcript, document) for o in outcomes)


async def test_submit_still_returns_once_every_job_is_started(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    requests = [_job(f"submitted-{i}") for i in range(5)]

    results = await asyncio.wait_for(_submitter(tk, max_running=2).submit(requests), BATCH_BOUND)

    assert [r.error for r in results] == [None] * 5
    listed = await tk.list_transcription_jobs(ListTranscriptionJobsRequest())
    names = sorted(s.transcription_job_name or "" for s in listed.transcription_job_summaries or [])
    assert names == [f"submitted-{i}" for i in range(5)]
