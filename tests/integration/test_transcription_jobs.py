"""Transcription jobs and medical transcription jobs on the local backend, tested alike."""

from __future__ import annotations

import pytest

from tests.integration._kind_calls import MEDICAL_JOBS, PLAIN_JOBS, Jobs
from transcribe_kit import (
    LanguageCode,
    OutputLocationType,
    TranscribeClient,
    TranscriptionJobStatus,
)
from transcribe_kit._kinds import JobKind
from transcribe_kit.testing import LocalBackend

#: These operations run against moto's own server as well (see conftest.py).
ALSO_AGAINST_MOTO = True

STATUSES = [
    TranscriptionJobStatus.QUEUED,
    TranscriptionJobStatus.IN_PROGRESS,
    TranscriptionJobStatus.COMPLETED,
    TranscriptionJobStatus.COMPLETED,
]


@pytest.fixture(params=[PLAIN_JOBS, MEDICAL_JOBS], ids=lambda variant: variant.kind.noun)
def jobs(request: pytest.FixtureRequest) -> Jobs:
    variant: Jobs = request.param
    return variant


async def test_start_answers_the_job_as_requested(tk: TranscribeClient, jobs: Jobs) -> None:
    job = await jobs.create(tk, "meeting-1")

    assert jobs.kind.name_of(job) == "meeting-1"
    assert job.language_code is LanguageCode.EN_US
    assert job.media == jobs.create_request("meeting-1").media
    assert {member: getattr(job, member) for member in jobs.echoed} == jobs.echoed
    assert job.creation_time is not None
    assert job.creation_time.utcoffset() is not None


async def test_a_started_job_reads_back_typed(tk: TranscribeClient, jobs: Jobs) -> None:
    await jobs.create(tk, "meeting-42")

    job = await jobs.get(tk, "meeting-42")

    assert isinstance(job, jobs.kind.resource_type)
    assert jobs.kind.name_of(job) == "meeting-42"
    assert job.transcription_job_status in set(TranscriptionJobStatus)
    assert {member: getattr(job, member) for member in jobs.echoed} == jobs.echoed
    assert job.creation_time is not None
    assert job.creation_time.tzinfo is not None


async def test_status_moves_queued_in_progress_completed_over_get_calls(
    transcribe_backend: LocalBackend, tk: TranscribeClient, jobs: Jobs
) -> None:
    transcribe_backend.set_progression(reads=1)
    await jobs.create(tk, "progress")

    seen = [(await jobs.get(tk, "progress")).transcription_job_status for _ in range(4)]

    assert seen == STATUSES


async def test_a_completed_job_has_its_media_details_times_and_transcript(
    transcribe_backend: LocalBackend, tk: TranscribeClient, jobs: Jobs
) -> None:
    transcribe_backend.set_progression(reads=1)
    await jobs.create(tk, "done")

    job = [await jobs.get(tk, "done") for _ in range(3)][-1]

    assert job.transcription_job_status is TranscriptionJobStatus.COMPLETED
    assert job.media_format is jobs.media_format
    assert job.media_sample_rate_hertz == 44100
    assert isinstance(jobs.kind, JobKind)
    assert (jobs.kind.document_uri(job, "transcript") or "").endswith(jobs.transcript_uri_end)
    assert job.start_time is not None
    assert job.creation_time is not None
    assert job.completion_time is not None
    assert job.creation_time <= job.start_time <= job.completion_time


@pytest.mark.parametrize(
    ("status", "name"),
    [
        (TranscriptionJobStatus.COMPLETED, "finished"),
        (TranscriptionJobStatus.IN_PROGRESS, "running"),
    ],
)
async def test_list_filters_by_status(
    transcribe_backend: LocalBackend,
    tk: TranscribeClient,
    jobs: Jobs,
    status: TranscriptionJobStatus,
    name: str,
) -> None:
    transcribe_backend.set_progression(reads=1)
    for started in ("finished", "running"):
        await jobs.create(tk, started)
    for _ in range(3):
        await jobs.get(tk, "finished")
    for _ in range(2):
        await jobs.get(tk, "running")

    summaries, answer = await jobs.listed(tk, status=status)

    assert answer.status is status
    assert [jobs.kind.name_of(summary) for summary in summaries] == [name]
    summary = summaries[0]
    assert summary.transcription_job_status is status
    assert summary.language_code is LanguageCode.EN_US
    assert summary.start_time is not None
    assert (summary.completion_time is not None) is (status is TranscriptionJobStatus.COMPLETED)
    assert summary.output_location_type is OutputLocationType.CUSTOMER_BUCKET


async def test_list_filters_by_name_contains(tk: TranscribeClient, jobs: Jobs) -> None:
    for name in ("sales-call-1", "sales-call-2", "support-call-1"):
        await jobs.create(tk, name)

    assert await jobs.listed_names(tk, job_name_contains="sales") == [
        "sales-call-1",
        "sales-call-2",
    ]
    assert await jobs.listed_names(tk, job_name_contains="nothing-like-it") == []


async def test_list_pages_with_next_token(tk: TranscribeClient, jobs: Jobs) -> None:
    for index in range(3):
        await jobs.create(tk, f"paged-{index}")

    first, first_answer = await jobs.listed(tk, max_results=2)
    assert first_answer.next_token is not None
    second, second_answer = await jobs.listed(tk, max_results=2, next_token=first_answer.next_token)

    assert [len(first), len(second)] == [2, 1]
    assert second_answer.next_token is None
    names = sorted(jobs.kind.name_of(summary) or "" for summary in first + second)
    assert names == ["paged-0", "paged-1", "paged-2"]
