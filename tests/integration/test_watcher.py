"""Watching many jobs over real HTTP against moto's server, its statuses moving with time."""

from __future__ import annotations

from collections import Counter

from tests.integration._support import checked_client
from tests.jobs import start_jobs, start_medical_jobs
from transcribe_kit import (
    MEDICAL_TRANSCRIPTION_JOBS,
    TranscriptionJobStatus,
    WaitPolicy,
)
from transcribe_kit.testing import LocalBackend

QUICK = WaitPolicy(initial_delay=0.02, max_delay=0.1, timeout=30.0)


async def test_as_completed_reports_each_of_many_jobs_once(
    transcribe_backend: LocalBackend,
) -> None:
    transcribe_backend.set_progression(seconds=0.05)
    names = [f"batch-{index:03d}" for index in range(120)]
    async with checked_client(transcribe_backend, wait_policy=QUICK) as tk:
        await start_jobs(tk, *names)
        seen = Counter([job.transcription_job_name async for job in tk.as_completed(names)])
    assert seen == Counter(names)


async def test_wait_all_returns_completed_jobs_in_the_order_given(
    transcribe_backend: LocalBackend,
) -> None:
    transcribe_backend.set_progression(seconds=0.05)
    names = [f"job-{index:02d}" for index in range(15)]
    async with checked_client(transcribe_backend) as tk:
        await start_jobs(tk, *names)
        done = await tk.wait_all(reversed(names), policy=QUICK)
    assert [job.transcription_job_name for job in done] == list(reversed(names))
    assert {job.transcription_job_status for job in done} == {TranscriptionJobStatus.COMPLETED}
    assert all(job.creation_time is not None for job in done)


async def test_medical_jobs_are_watched_too(transcribe_backend: LocalBackend) -> None:
    transcribe_backend.set_progression(seconds=0.05)
    names = [f"visit-{index}" for index in range(8)]
    async with checked_client(transcribe_backend) as tk:
        await start_medical_jobs(tk, *names)
        done = await tk.wait_all(names, kind=MEDICAL_TRANSCRIPTION_JOBS, policy=QUICK)
    assert [job.medical_transcription_job_name for job in done] == names
    assert {job.transcription_job_status for job in done} == {"COMPLETED"}
