from __future__ import annotations

import pytest

from tests.integration._support import expect_service_error
from transcribe_kit import (
    ConflictError,
    DeleteMedicalTranscriptionJobRequest,
    GetMedicalTranscriptionJobRequest,
    LanguageCode,
    ListMedicalTranscriptionJobsRequest,
    Media,
    MediaFormat,
    MedicalTranscriptionJob,
    MedicalTranscriptionSetting,
    NotFoundError,
    OutputLocationType,
    RequestValidationError,
    ResourceNotFoundError,
    Specialty,
    StartMedicalTranscriptionJobRequest,
    TranscribeClient,
    TranscriptionJobStatus,
    Type,
)
from transcribe_kit.testing import LocalBackend

#: These operations run against moto's own server as well (see conftest.py).
ALSO_AGAINST_MOTO = True


def _start_request(
    name: str, settings: MedicalTranscriptionSetting | None = None
) -> StartMedicalTranscriptionJobRequest:
    return StartMedicalTranscriptionJobRequest(
        medical_transcription_job_name=name,
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri="s3://media/visit.wav"),
        output_bucket_name="clinic-transcripts",
        specialty=Specialty.PRIMARYCARE,
        type=Type.CONVERSATION,
        settings=settings,
    )


async def _get_job(client: TranscribeClient, name: str) -> MedicalTranscriptionJob:
    got = await client.get_medical_transcription_job(
        GetMedicalTranscriptionJobRequest(medical_transcription_job_name=name)
    )
    assert got.medical_transcription_job is not None
    return got.medical_transcription_job


async def _listed_names(
    client: TranscribeClient, request: ListMedicalTranscriptionJobsRequest
) -> list[str]:
    listed = await client.list_medical_transcription_jobs(request)
    summaries = listed.medical_transcription_job_summaries or []
    return sorted(summary.medical_transcription_job_name or "" for summary in summaries)


async def test_start_answers_the_job_as_requested(transcribe_client: TranscribeClient) -> None:
    started = await transcribe_client.start_medical_transcription_job(_start_request("visit-1"))

    job = started.medical_transcription_job
    assert job is not None
    assert job.medical_transcription_job_name == "visit-1"
    assert job.language_code is LanguageCode.EN_US
    assert job.specialty is Specialty.PRIMARYCARE
    assert job.type is Type.CONVERSATION
    assert job.media is not None
    assert job.media.media_file_uri == "s3://media/visit.wav"
    assert job.creation_time is not None
    assert job.creation_time.utcoffset() is not None


async def test_status_moves_queued_in_progress_completed_over_get_calls(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_progression(reads=1)
    await transcribe_client.start_medical_transcription_job(_start_request("progress"))

    seen = [
        (await _get_job(transcribe_client, "progress")).transcription_job_status for _ in range(4)
    ]

    assert seen == [
        TranscriptionJobStatus.QUEUED,
        TranscriptionJobStatus.IN_PROGRESS,
        TranscriptionJobStatus.COMPLETED,
        TranscriptionJobStatus.COMPLETED,
    ]


async def test_completed_job_has_its_media_details_and_transcript(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_progression(reads=1)
    settings = MedicalTranscriptionSetting(channel_identification=True)
    await transcribe_client.start_medical_transcription_job(_start_request("done", settings))

    jobs = [await _get_job(transcribe_client, "done") for _ in range(3)]

    job = jobs[-1]
    assert job.transcription_job_status is TranscriptionJobStatus.COMPLETED
    assert job.media_format is MediaFormat.WAV
    assert job.media_sample_rate_hertz == 44100
    assert job.settings is not None
    assert job.settings.channel_identification is True
    assert job.transcript is not None
    assert job.transcript.transcript_file_uri is not None
    assert job.transcript.transcript_file_uri.endswith("/clinic-transcripts/medical/done.json")
    assert job.start_time is not None
    assert job.completion_time is not None
    assert job.start_time <= job.completion_time


async def test_list_filters_by_status(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_progression(reads=1)
    for name in ("finished", "running"):
        await transcribe_client.start_medical_transcription_job(_start_request(name))
    for _ in range(3):
        await _get_job(transcribe_client, "finished")
    for _ in range(2):
        await _get_job(transcribe_client, "running")

    listed = await transcribe_client.list_medical_transcription_jobs(
        ListMedicalTranscriptionJobsRequest(status=TranscriptionJobStatus.IN_PROGRESS)
    )

    assert listed.status is TranscriptionJobStatus.IN_PROGRESS
    summaries = listed.medical_transcription_job_summaries or []
    assert [summary.medical_transcription_job_name for summary in summaries] == ["running"]
    summary = summaries[0]
    assert summary.transcription_job_status is TranscriptionJobStatus.IN_PROGRESS
    assert summary.specialty is Specialty.PRIMARYCARE
    assert summary.type is Type.CONVERSATION
    assert summary.start_time is not None
    assert summary.completion_time is None


async def test_list_of_a_completed_job_says_where_its_output_is(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_progression(reads=1)
    await transcribe_client.start_medical_transcription_job(_start_request("stored"))
    for _ in range(3):
        await _get_job(transcribe_client, "stored")

    listed = await transcribe_client.list_medical_transcription_jobs()

    summaries = listed.medical_transcription_job_summaries or []
    assert [summary.output_location_type for summary in summaries] == [
        OutputLocationType.CUSTOMER_BUCKET
    ]


async def test_list_filters_by_name_contains(transcribe_client: TranscribeClient) -> None:
    for name in ("cardiology-1", "cardiology-2", "dermatology-1"):
        await transcribe_client.start_medical_transcription_job(_start_request(name))

    names = await _listed_names(
        transcribe_client, ListMedicalTranscriptionJobsRequest(job_name_contains="cardio")
    )

    assert names == ["cardiology-1", "cardiology-2"]


async def test_deleted_job_is_gone(transcribe_client: TranscribeClient) -> None:
    await transcribe_client.start_medical_transcription_job(_start_request("short-lived"))

    await transcribe_client.delete_medical_transcription_job(
        DeleteMedicalTranscriptionJobRequest(medical_transcription_job_name="short-lived")
    )

    assert await _listed_names(transcribe_client, ListMedicalTranscriptionJobsRequest()) == []
    with pytest.raises(NotFoundError):
        await _get_job(transcribe_client, "short-lived")


async def test_missing_job_is_a_not_found_error(transcribe_client: TranscribeClient) -> None:
    await expect_service_error(
        _get_job(transcribe_client, "no-such-job"),
        ResourceNotFoundError,
        code="BadRequestException",
        operation_name="GetMedicalTranscriptionJob",
    )


async def test_deleting_a_missing_job_is_a_not_found_error(
    transcribe_client: TranscribeClient,
) -> None:
    await expect_service_error(
        transcribe_client.delete_medical_transcription_job(
            DeleteMedicalTranscriptionJobRequest(medical_transcription_job_name="no-such-job")
        ),
        NotFoundError,
        code="BadRequestException",
        operation_name="DeleteMedicalTranscriptionJob",
    )


async def test_duplicate_job_name_is_a_conflict(transcribe_client: TranscribeClient) -> None:
    await transcribe_client.start_medical_transcription_job(_start_request("twice"))
    await expect_service_error(
        transcribe_client.start_medical_transcription_job(_start_request("twice")),
        ConflictError,
        code="ConflictException",
        operation_name="StartMedicalTranscriptionJob",
    )


async def test_invalid_request_is_refused_before_sending(
    transcribe_client: TranscribeClient,
) -> None:
    both = MedicalTranscriptionSetting(
        show_speaker_labels=True, max_speaker_labels=2, channel_identification=True
    )

    with pytest.raises(RequestValidationError) as caught:
        await transcribe_client.start_medical_transcription_job(_start_request("refused", both))

    assert caught.value.field == "settings.channel_identification"
    assert caught.value.operation_name == "StartMedicalTranscriptionJob"
    assert await _listed_names(transcribe_client, ListMedicalTranscriptionJobsRequest()) == []
