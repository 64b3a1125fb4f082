"""Faults injected over real HTTP between the client and the local backend."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import attrs
import pytest
from botocore.config import Config

from tests.integration._support import checked_client
from tests.integration.fault_proxy import Fault, FaultKind, FaultProxy
from transcribe_kit import (
    ConflictError,
    ConnectError,
    ContentRedaction,
    GetTranscriptionJobRequest,
    InternalFailureError,
    LanguageCode,
    LimitExceededError,
    ListMedicalTranscriptionJobsRequest,
    ListTranscriptionJobsRequest,
    Media,
    RedactionOutput,
    RedactionType,
    RequestTimeoutError,
    RetryPolicy,
    Settings,
    Specialty,
    StartMedicalTranscriptionJobRequest,
    StartTranscriptionJobRequest,
    SubtitleFormat,
    Subtitles,
    ThrottlingError,
    TranscribeClient,
    TranscribeError,
    Type,
)
from transcribe_kit.testing import LocalBackend

#: Quick retries, so that a test spends its time on the faults, not on waiting.
QUICK_RETRIES = RetryPolicy(max_attempts=3, initial_backoff=0.01, max_backoff=0.05, jitter=0)


@asynccontextmanager
async def _through_proxy(
    backend: LocalBackend,
    faults: Sequence[Fault],
    *,
    read_timeout: float = 30,
    retry_policy: RetryPolicy = QUICK_RETRIES,
) -> AsyncIterator[tuple[FaultProxy, TranscribeClient]]:
    async with FaultProxy(backend.endpoint_url, faults) as proxy:
        config = Config(connect_timeout=5, read_timeout=read_timeout)
        async with checked_client(
            backend, endpoint_url=proxy.url, config=config, retry_policy=retry_policy
        ) as client:
            yield proxy, client


def _start_request(name: str, uri: str = "s3://media/meeting.mp3") -> StartTranscriptionJobRequest:
    return StartTranscriptionJobRequest(
        transcription_job_name=name,
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri=uri),
        settings=Settings(show_speaker_labels=True, max_speaker_labels=4),
    )


async def _job_names_on_backend(direct: TranscribeClient) -> list[str]:
    listed = await direct.list_transcription_jobs(ListTranscriptionJobsRequest())
    return sorted(s.transcription_job_name or "" for s in listed.transcription_job_summaries or [])


@pytest.mark.parametrize(
    "kind",
    [
        FaultKind.THROTTLE,
        FaultKind.LIMIT_EXCEEDED,
        FaultKind.SERVER_ERROR,
        FaultKind.DROP_BEFORE,
        FaultKind.DROP_AFTER,
    ],
)
async def test_a_call_succeeds_through_transient_faults(
    transcribe_backend: LocalBackend, kind: FaultKind
) -> None:
    faults = [Fault("ListTranscriptionJobs", kind, frozenset({1, 2}))]
    async with _through_proxy(transcribe_backend, faults) as (proxy, client):
        listed = await client.list_transcription_jobs()

    assert listed.transcription_job_summaries == []
    assert proxy.calls["ListTranscriptionJobs"] == 3
    assert [k for _, _, k in proxy.injected] == [kind, kind]


async def test_a_slow_answer_is_retried_after_the_read_timeout(
    transcribe_backend: LocalBackend,
) -> None:
    faults = [Fault("ListTranscriptionJobs", FaultKind.SLOW)]
    async with _through_proxy(transcribe_backend, faults, read_timeout=1) as (proxy, client):
        listed = await client.list_transcription_jobs()

    assert listed.transcription_job_summaries == []
    assert proxy.calls["ListTranscriptionJobs"] == 2


@pytest.mark.parametrize(
    ("kind", "error_type"),
    [
        (FaultKind.THROTTLE, ThrottlingError),
        (FaultKind.LIMIT_EXCEEDED, LimitExceededError),
        (FaultKind.SERVER_ERROR, InternalFailureError),
        (FaultKind.DROP_BEFORE, ConnectError),
    ],
)
async def test_errors_surface_typed_once_the_policy_is_exhausted(
    transcribe_backend: LocalBackend, kind: FaultKind, error_type: type[TranscribeError]
) -> None:
    faults = [Fault("GetTranscriptionJob", kind, frozenset(range(1, 10)))]
    async with _through_proxy(transcribe_backend, faults) as (proxy, client):
        with pytest.raises(error_type) as caught:
            await client.get_transcription_job(
                GetTranscriptionJobRequest(transcription_job_name="a")
            )

    assert caught.value.operation_name == "GetTranscriptionJob"
    # Exactly the policy's attempts reached the wire: botocore did not retry underneath.
    assert proxy.calls["GetTranscriptionJob"] == QUICK_RETRIES.max_attempts


async def test_a_slow_answer_surfaces_as_a_timeout_once_the_policy_is_exhausted(
    transcribe_backend: LocalBackend,
) -> None:
    faults = [Fault("ListTranscriptionJobs", FaultKind.SLOW, frozenset({1, 2}))]
    policy = RetryPolicy(max_attempts=2, initial_backoff=0.01, jitter=0)
    async with _through_proxy(transcribe_backend, faults, read_timeout=1, retry_policy=policy) as (
        proxy,
        client,
    ):
        with pytest.raises(RequestTimeoutError):
            await client.list_transcription_jobs()

    assert proxy.calls["ListTranscriptionJobs"] == 2


async def test_per_call_options_override_the_policy(transcribe_backend: LocalBackend) -> None:
    faults = [Fault("ListTranscriptionJobs", FaultKind.THROTTLE)]
    async with _through_proxy(transcribe_backend, faults) as (proxy, client):
        with pytest.raises(ThrottlingError):
            await client.with_options(retry_policy=RetryPolicy.none()).list_transcription_jobs()
        listed = await client.list_transcription_jobs()

    assert listed.transcription_job_summaries == []
    assert proxy.calls["ListTranscriptionJobs"] == 2


async def test_retry_after_from_the_service_sets_the_wait(
    transcribe_backend: LocalBackend, caplog: pytest.LogCaptureFixture
) -> None:
    faults = [Fault("ListTranscriptionJobs", FaultKind.THROTTLE, retry_after="0.2")]
    with caplog.at_level(logging.WARNING, logger="transcribe_kit"):
        async with _through_proxy(transcribe_backend, faults) as (_, client):
            await client.list_transcription_jobs()

    waits = [r.wait for r in caplog.records if r.name == "transcribe_kit"]  # type: ignore[attr-defined]
    assert waits == [0.2]


@pytest.mark.parametrize("kind", [FaultKind.DROP_AFTER, FaultKind.SLOW])
async def test_a_start_whose_answer_was_lost_creates_one_job_and_returns_it(
    transcribe_backend: LocalBackend, tk: TranscribeClient, kind: FaultKind
) -> None:
    faults = [Fault("StartTranscriptionJob", kind)]
    async with _through_proxy(transcribe_backend, faults, read_timeout=2) as (proxy, client):
        started = await client.start_transcription_job(_start_request("lost-answer"))

    job = started.transcription_job
    assert job is not None
    assert job.transcription_job_name == "lost-answer"
    assert job.media == Media(media_file_uri="s3://media/meeting.mp3")
    assert proxy.calls["StartTranscriptionJob"] == 2
    assert proxy.calls["GetTranscriptionJob"] == 1
    assert await _job_names_on_backend(tk) == ["lost-answer"]


async def test_a_lost_medical_start_creates_one_job_and_returns_it(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    request = StartMedicalTranscriptionJobRequest(
        medical_transcription_job_name="lost-medical",
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri="s3://media/visit.mp3"),
        output_bucket_name="out",
        specialty=Specialty.PRIMARYCARE,
        type=Type.CONVERSATION,
    )
    faults = [Fault("StartMedicalTranscriptionJob", FaultKind.DROP_AFTER)]
    async with _through_proxy(transcribe_backend, faults) as (proxy, client):
        started = await client.start_medical_transcription_job(request)

    job = started.medical_transcription_job
    assert job is not None
    assert job.medical_transcription_job_name == "lost-medical"
    assert proxy.calls["StartMedicalTranscriptionJob"] == 2
    listed = await tk.list_medical_transcription_jobs(ListMedicalTranscriptionJobsRequest())
    names = [
        s.medical_transcription_job_name for s in listed.medical_transcription_job_summaries or []
    ]
    assert names == ["lost-medical"]


async def test_someone_elses_job_of_that_name_is_still_a_conflict(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    await tk.start_transcription_job(_start_request("taken", "s3://media/other.mp3"))
    faults = [Fault("StartTranscriptionJob", FaultKind.DROP_BEFORE)]
    async with _through_proxy(transcribe_backend, faults) as (proxy, client):
        with pytest.raises(ConflictError):
            await client.start_transcription_job(_start_request("taken"))

    assert proxy.calls["GetTranscriptionJob"] == 1
    got = await tk.get_transcription_job(GetTranscriptionJobRequest(transcription_job_name="taken"))
    assert got.transcription_job is not None
    assert got.transcription_job.media == Media(media_file_uri="s3://media/other.mp3")


async def test_a_job_of_the_same_name_and_media_without_our_settings_is_a_conflict(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    # Someone else starts a plain job of the name and media while our first attempt is lost.
    plain = attrs.evolve(_start_request("shared-name"), settings=None)
    await tk.start_transcription_job(plain)
    ours = attrs.evolve(
        plain,
        settings=Settings(channel_identification=True),
        content_redaction=ContentRedaction(
            redaction_type=RedactionType.PII, redaction_output=RedactionOutput.REDACTED
        ),
        subtitles=Subtitles(formats=[SubtitleFormat.SRT]),
    )
    faults = [Fault("StartTranscriptionJob", FaultKind.DROP_BEFORE)]
    async with _through_proxy(transcribe_backend, faults) as (proxy, client):
        with pytest.raises(ConflictError):
            await client.start_transcription_job(ours)

    assert proxy.calls["GetTranscriptionJob"] == 1


async def test_a_conflict_on_the_first_attempt_is_raised_without_reading_back(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    await tk.start_transcription_job(_start_request("mine"))
    async with _through_proxy(transcribe_backend, []) as (proxy, client):
        with pytest.raises(ConflictError):
            await client.start_transcription_job(_start_request("mine"))

    assert proxy.calls["StartTranscriptionJob"] == 1
    assert proxy.calls["GetTranscriptionJob"] == 0
