"""Waiters over real HTTP against moto's server, its statuses moving by reads or by time."""

from __future__ import annotations

import asyncio

import pytest

from tests.fakes import FakeClock
from tests.integration._support import checked_client
from tests.jobs import start_jobs, start_medical_jobs
from transcribe_kit import (
    CreateMedicalVocabularyRequest,
    CreateVocabularyRequest,
    DeleteTranscriptionJobRequest,
    LanguageCode,
    MedicalTranscriptionJob,
    NotFoundError,
    TranscribeClient,
    TranscriptionJob,
    TranscriptionJobStatus,
    VocabularyState,
    WaitPolicy,
    WaitTimeoutError,
)
from transcribe_kit.testing import LocalBackend


async def test_job_waiter_follows_each_status_to_completed(
    transcribe_backend: LocalBackend,
) -> None:
    transcribe_backend.set_progression(reads=2)
    clock = FakeClock()
    async with checked_client(transcribe_backend, clock=clock) as tk:
        await start_jobs(tk, "meeting")
        seen: list[TranscriptionJobStatus | None] = []
        job = await tk.wait_for_transcription_job(
            "meeting", on_change=lambda job: seen.append(job.transcription_job_status)
        )
    assert isinstance(job, TranscriptionJob)
    assert job.transcription_job_status is TranscriptionJobStatus.COMPLETED
    assert seen == ["QUEUED", "IN_PROGRESS", "COMPLETED"]
    assert clock.sleeps[:3] == pytest.approx([1.0, 2.0, 4.0], rel=0.21)


async def test_job_waiter_with_time_progression(transcribe_backend: LocalBackend) -> None:
    transcribe_backend.set_progression(seconds=0.05)
    policy = WaitPolicy(initial_delay=0.02, max_delay=0.1, timeout=30.0)
    async with checked_client(transcribe_backend, wait_policy=policy) as tk:
        await start_jobs(tk, "timed")
        states = [
            job.transcription_job_status async for job in tk.wait_for_transcription_job("timed")
        ]
    assert states[-1] == "COMPLETED"
    assert "IN_PROGRESS" in states


async def test_deadline_reports_the_last_state_seen(transcribe_backend: LocalBackend) -> None:
    transcribe_backend.set_progression(reads=1000)
    async with checked_client(transcribe_backend, clock=FakeClock()) as tk:
        await start_jobs(tk, "slow")
        with pytest.raises(WaitTimeoutError) as caught:
            await tk.wait_for_transcription_job("slow", policy=WaitPolicy(timeout=30.0))
    assert isinstance(caught.value.last_seen, TranscriptionJob)
    assert caught.value.last_seen.transcription_job_name == "slow"
    # The last poll starts a second before the deadline, with that second to answer in.
    assert caught.value.elapsed == pytest.approx(29.0)


async def test_job_deleted_while_waited_on_raises_not_found(
    transcribe_backend: LocalBackend,
) -> None:
    transcribe_backend.set_progression(reads=3)
    async with checked_client(transcribe_backend, clock=FakeClock()) as tk:
        await start_jobs(tk, "doomed")
        with pytest.raises(NotFoundError):
            await _delete_on_first_change(tk, "doomed")


async def _delete_on_first_change(tk: TranscribeClient, name: str) -> None:
    async for _ in tk.wait_for_transcription_job(name):
        await tk.delete_transcription_job(
            DeleteTranscriptionJobRequest(transcription_job_name=name)
        )


async def test_medical_job_waiter(transcribe_backend: LocalBackend) -> None:
    async with checked_client(transcribe_backend, clock=FakeClock()) as tk:
        await start_medical_jobs(tk, "visit")
        job = await tk.wait_for_medical_transcription_job("visit")
    assert isinstance(job, MedicalTranscriptionJob)
    assert job.transcription_job_status == "COMPLETED"


async def test_vocabulary_waiters_wait_for_ready(transcribe_backend: LocalBackend) -> None:
    async with checked_client(transcribe_backend, clock=FakeClock()) as tk:
        await tk.create_vocabulary(
            CreateVocabularyRequest(
                vocabulary_name="terms", language_code=LanguageCode.EN_US, phrases=["kubectl"]
            )
        )
        await tk.create_medical_vocabulary(
            CreateMedicalVocabularyRequest(
                vocabulary_name="terms",
                language_code=LanguageCode.EN_US,
                vocabulary_file_uri="s3://media/terms.txt",
            )
        )
        plain, medical = await asyncio.gather(
            tk.wait_for_vocabulary("terms"), tk.wait_for_medical_vocabulary("terms")
        )
    assert plain.vocabulary_state is VocabularyState.READY
    assert medical.vocabulary_state is VocabularyState.READY
