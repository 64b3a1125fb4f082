from __future__ import annotations

import pytest

from transcribe_kit import (
    ConflictError,
    GetTranscriptionJobRequest,
    LanguageCode,
    Media,
    NotFoundError,
    Settings,
    StartTranscriptionJobRequest,
    TranscribeClient,
    TranscriptionJobStatus,
)


def _start_request(name: str) -> StartTranscriptionJobRequest:
    return StartTranscriptionJobRequest(
        transcription_job_name=name,
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri="s3://media/meeting.mp3"),
        settings=Settings(show_speaker_labels=True, max_speaker_labels=4),
    )


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


async def test_missing_job_is_a_not_found_error(transcribe_client: TranscribeClient) -> None:
    with pytest.raises(NotFoundError) as caught:
        await transcribe_client.get_transcription_job(
            GetTranscriptionJobRequest(transcription_job_name="no-such-job")
        )
    assert caught.value.code == "BadRequestException"
    assert caught.value.http_status == 400
    assert caught.value.operation_name == "GetTranscriptionJob"
    assert caught.value.request_id


async def test_duplicate_job_name_is_a_conflict(transcribe_client: TranscribeClient) -> None:
    await transcribe_client.start_transcription_job(_start_request("twice"))
    with pytest.raises(ConflictError):
        await transcribe_client.start_transcription_job(_start_request("twice"))
