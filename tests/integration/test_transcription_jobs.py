"""Transcription jobs and medical transcription jobs on the local backend, tested alike."""

from __future__ import annotations

import attrs
import pytest

from tests.integration._support import KindCalls, expect_service_error
from transcribe_kit import (
    ConflictError,
    LanguageCode,
    Media,
    MediaFormat,
    MedicalTranscriptionSetting,
    NotFoundError,
    OutputLocationType,
    RequestValidationError,
    ResourceNotFoundError,
    Settings,
    Specialty,
    StartMedicalTranscriptionJobRequest,
    StartTranscriptionJobRequest,
    TranscribeClient,
    TranscriptionJobStatus,
    Type,
)
from transcribe_kit._kinds import MEDICAL_TRANSCRIPTION_JOBS, TRANSCRIPTION_JOBS, JobKind
from transcribe_kit.testing import LocalBackend

STATUSES = [
    TranscriptionJobStatus.QUEUED,
    TranscriptionJobStatus.IN_PROGRESS,
    TranscriptionJobStatus.COMPLETED,
    TranscriptionJobStatus.COMPLETED,
]


@attrs.frozen(kw_only=True)
class Jobs(KindCalls):
    """One kind of transcription job, as these tests use it."""

    #: Members a started job echoes, with their values.
    echoed: dict[str, object]
    media_format: MediaFormat
    #: How the transcript URI of a job called ``done`` ends.
    transcript_uri_end: str


PLAIN = Jobs(
    kind=TRANSCRIPTION_JOBS,
    create_request=lambda name: StartTranscriptionJobRequest(
        transcription_job_name=name,
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri="s3://media/meeting.mp3"),
        output_bucket_name="transcripts",
        settings=Settings(show_speaker_labels=True, max_speaker_labels=4),
    ),
    invalid_changes={"settings": Settings(show_speaker_labels=True, max_speaker_labels=40)},
    invalid_field="settings.max_speaker_labels",
    echoed={"settings": Settings(show_speaker_labels=True, max_speaker_labels=4)},
    media_format=MediaFormat.MP3,
    transcript_uri_end="/transcripts/done.json",
)
MEDICAL = Jobs(
    kind=MEDICAL_TRANSCRIPTION_JOBS,
    create_request=lambda name: StartMedicalTranscriptionJobRequest(
        medical_transcription_job_name=name,
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri="s3://media/visit.wav"),
        output_bucket_name="clinic-transcripts",
        specialty=Specialty.PRIMARYCARE,
        type=Type.CONVERSATION,
    ),
    invalid_changes={
        "settings": MedicalTranscriptionSetting(
            show_speaker_labels=True, max_speaker_labels=2, channel_identification=True
        )
    },
    invalid_field="settings.channel_identification",
    echoed={"specialty": Specialty.PRIMARYCARE, "type": Type.CONVERSATION},
    media_format=MediaFormat.WAV,
    transcript_uri_end="/clinic-transcripts/medical/done.json",
)


@pytest.fixture(params=[PLAIN, MEDICAL], ids=lambda variant: variant.kind.noun)
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


async def test_a_deleted_job_is_gone(tk: TranscribeClient, jobs: Jobs) -> None:
    await jobs.create(tk, "short-lived")

    await jobs.call(tk, "delete", jobs.kind.delete_request("short-lived"))

    assert await jobs.listed_names(tk) == []
    with pytest.raises(NotFoundError):
        await jobs.get(tk, "short-lived")


async def test_a_missing_job_is_a_not_found_error(tk: TranscribeClient, jobs: Jobs) -> None:
    await expect_service_error(
        jobs.get(tk, "no-such-job"),
        ResourceNotFoundError,
        code="BadRequestException",
        operation_name=jobs.kind.operations.get,
    )


async def test_deleting_a_missing_job_is_a_not_found_error(
    tk: TranscribeClient, jobs: Jobs
) -> None:
    await expect_service_error(
        jobs.call(tk, "delete", jobs.kind.delete_request("no-such-job")),
        NotFoundError,
        code="BadRequestException",
        operation_name=jobs.kind.operations.delete,
    )


async def test_a_job_name_taken_is_a_conflict(tk: TranscribeClient, jobs: Jobs) -> None:
    await jobs.create(tk, "twice")
    await expect_service_error(
        jobs.create(tk, "twice"),
        ConflictError,
        code="ConflictException",
        operation_name=jobs.kind.operations.create,
    )


async def test_an_invalid_request_is_refused_before_sending(
    tk: TranscribeClient, jobs: Jobs
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        await jobs.call(tk, "create", jobs.invalid_request)

    assert caught.value.field == jobs.invalid_field
    assert caught.value.operation_name == jobs.kind.operations.create
    assert await jobs.listed_names(tk) == []
