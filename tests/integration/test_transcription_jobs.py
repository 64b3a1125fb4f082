from __future__ import annotations

import pytest

from tests.integration._support import expect_service_error
from transcribe_kit import (
    ConflictError,
    DeleteTranscriptionJobRequest,
    GetTranscriptionJobRequest,
    LanguageCode,
    ListTranscriptionJobsRequest,
    Media,
    MediaFormat,
    NotFoundError,
    OutputLocationType,
    RequestValidationError,
    ResourceNotFoundError,
    Settings,
    StartTranscriptionJobRequest,
    TranscribeClient,
    TranscriptionJobStatus,
)
from transcribe_kit.testing import LocalBackend

#: These operations run against moto's own server as well (see conftest.py).
ALSO_AGAINST_MOTO = True


def _start_request(name: str) -> StartTranscriptionJobRequest:
    return StartTranscriptionJobRequest(
        transcription_job_name=name,
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri="s3://media/meeting.mp3"),
        output_bucket_name="transcripts",
        settings=Settings(show_speaker_labels=True, max_speaker_labels=4),
    )


async def _read_status(client: TranscribeClient, name: str) -> TranscriptionJobStatus | None:
    got = await client.get_transcription_job(
        GetTranscriptionJobRequest(transcription_job_name=name)
    )
    assert got.transcription_job is not None
    return got.transcription_job.transcription_job_status


async def _listed_names(
    client: TranscribeClient, request: ListTranscriptionJobsRequest
) -> list[str]:
    listed = await client.list_transcription_jobs(request)
    return sorted(
        summary.transcription_job_name or "" for summary in listed.transcription_job_summaries or []
    )


async def test_start_answers_the_job_as_requested(transcribe_client: TranscribeClient) -> None:
    started = await transcribe_client.start_transcription_job(_start_request("meeting-1"))

    job = started.transcription_job
    assert job is not None
    assert job.transcription_job_name == "meeting-1"
    assert job.language_code is LanguageCode.EN_US
    assert job.media is not None
    assert job.media.media_file_uri == "s3://media/meeting.mp3"
    assert job.settings is not None
    assert job.settings.show_speaker_labels is True
    assert job.settings.max_speaker_labels == 4
    assert job.creation_time is not None
    assert job.creation_time.utcoffset() is not None


async def test_started_job_reads_back_typed(transcribe_client: TranscribeClient) -> None:
    await transcribe_client.start_transcription_job(_start_request("meeting-42"))

    got = await transcribe_client.get_transcription_job(
        GetTranscriptionJobRequest(transcription_job_name="meeting-42")
    )

    job = got.transcription_job
    assert job is not None
    assert job.transcription_job_name == "meeting-42"
    assert job.transcription_job_status in set(TranscriptionJobStatus)
    assert job.settings == Settings(show_speaker_labels=True, max_speaker_labels=4)
    assert job.creation_time is not None
    assert job.creation_time.tzinfo is not None


async def test_status_moves_queued_in_progress_completed_over_get_calls(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_progression(reads=1)
    await transcribe_client.start_transcription_job(_start_request("progress"))

    seen = [await _read_status(transcribe_client, "progress") for _ in range(4)]

    assert seen == [
        TranscriptionJobStatus.QUEUED,
        TranscriptionJobStatus.IN_PROGRESS,
        TranscriptionJobStatus.COMPLETED,
        TranscriptionJobStatus.COMPLETED,
    ]


async def test_completed_job_has_its_media_details_times_and_transcript(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_progression(reads=1)
    await transcribe_client.start_transcription_job(_start_request("done"))
    for _ in range(2):
        await _read_status(transcribe_client, "done")

    got = await transcribe_client.get_transcription_job(
        GetTranscriptionJobRequest(transcription_job_name="done")
    )

    job = got.transcription_job
    assert job is not None
    assert job.transcription_job_status is TranscriptionJobStatus.COMPLETED
    assert job.media_format is MediaFormat.MP3
    assert job.media_sample_rate_hertz == 44100
    assert job.transcript is not None
    assert job.transcript.transcript_file_uri is not None
    assert job.transcript.transcript_file_uri.endswith("/transcripts/done.json")
    assert job.start_time is not None
    assert job.creation_time is not None
    assert job.completion_time is not None
    assert job.creation_time <= job.start_time <= job.completion_time


async def test_list_filters_by_status(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_progression(reads=1)
    for name in ("finished", "queued"):
        await transcribe_client.start_transcription_job(_start_request(name))
    for _ in range(3):
        await _read_status(transcribe_client, "finished")
    await _read_status(transcribe_client, "queued")

    listed = await transcribe_client.list_transcription_jobs(
        ListTranscriptionJobsRequest(status=TranscriptionJobStatus.COMPLETED)
    )

    assert listed.status is TranscriptionJobStatus.COMPLETED
    summaries = listed.transcription_job_summaries or []
    assert [summary.transcription_job_name for summary in summaries] == ["finished"]
    summary = summaries[0]
    assert summary.transcription_job_status is TranscriptionJobStatus.COMPLETED
    assert summary.language_code is LanguageCode.EN_US
    assert summary.output_location_type is OutputLocationType.CUSTOMER_BUCKET
    assert summary.completion_time is not None


async def test_list_filters_by_name_contains(transcribe_client: TranscribeClient) -> None:
    for name in ("sales-call-1", "sales-call-2", "support-call-1"):
        await transcribe_client.start_transcription_job(_start_request(name))

    names = await _listed_names(
        transcribe_client, ListTranscriptionJobsRequest(job_name_contains="sales")
    )

    assert names == ["sales-call-1", "sales-call-2"]


async def test_list_without_a_match_is_empty(transcribe_client: TranscribeClient) -> None:
    await transcribe_client.start_transcription_job(_start_request("only-one"))

    names = await _listed_names(
        transcribe_client, ListTranscriptionJobsRequest(job_name_contains="nothing-like-it")
    )

    assert names == []


async def test_list_pages_with_next_token(transcribe_client: TranscribeClient) -> None:
    for index in range(3):
        await transcribe_client.start_transcription_job(_start_request(f"paged-{index}"))

    first = await transcribe_client.list_transcription_jobs(
        ListTranscriptionJobsRequest(max_results=2)
    )
    assert first.next_token is not None
    second = await transcribe_client.list_transcription_jobs(
        ListTranscriptionJobsRequest(max_results=2, next_token=first.next_token)
    )

    pages = [first.transcription_job_summaries or [], second.transcription_job_summaries or []]
    assert [len(page) for page in pages] == [2, 1]
    assert second.next_token is None
    names = sorted(summary.transcription_job_name or "" for page in pages for summary in page)
    assert names == ["paged-0", "paged-1", "paged-2"]


async def test_deleted_job_is_gone(transcribe_client: TranscribeClient) -> None:
    await transcribe_client.start_transcription_job(_start_request("short-lived"))

    await transcribe_client.delete_transcription_job(
        DeleteTranscriptionJobRequest(transcription_job_name="short-lived")
    )

    assert await _listed_names(transcribe_client, ListTranscriptionJobsRequest()) == []
    with pytest.raises(NotFoundError):
        await _read_status(transcribe_client, "short-lived")


async def test_missing_job_is_a_not_found_error(transcribe_client: TranscribeClient) -> None:
    await expect_service_error(
        _read_status(transcribe_client, "no-such-job"),
        ResourceNotFoundError,
        code="BadRequestException",
        operation_name="GetTranscriptionJob",
    )


async def test_deleting_a_missing_job_is_a_not_found_error(
    transcribe_client: TranscribeClient,
) -> None:
    await expect_service_error(
        transcribe_client.delete_transcription_job(
            DeleteTranscriptionJobRequest(transcription_job_name="no-such-job")
        ),
        NotFoundError,
        code="BadRequestException",
        operation_name="DeleteTranscriptionJob",
    )


async def test_duplicate_job_name_is_a_conflict(transcribe_client: TranscribeClient) -> None:
    await transcribe_client.start_transcription_job(_start_request("twice"))
    await expect_service_error(
        transcribe_client.start_transcription_job(_start_request("twice")),
        ConflictError,
        code="ConflictException",
        operation_name="StartTranscriptionJob",
    )


async def test_invalid_request_is_refused_before_sending(
    transcribe_client: TranscribeClient,
) -> None:
    request = StartTranscriptionJobRequest(
        transcription_job_name="too-many-speakers",
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri="s3://media/meeting.mp3"),
        settings=Settings(show_speaker_labels=True, max_speaker_labels=40),
    )

    with pytest.raises(RequestValidationError) as caught:
        await transcribe_client.start_transcription_job(request)

    assert caught.value.field == "settings.max_speaker_labels"
    assert caught.value.operation_name == "StartTranscriptionJob"
    assert await _listed_names(transcribe_client, ListTranscriptionJobsRequest()) == []
