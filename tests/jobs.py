"""Starting transcription jobs on the local backend."""

from __future__ import annotations

from transcribe_kit import (
    LanguageCode,
    Media,
    Specialty,
    StartMedicalTranscriptionJobRequest,
    StartTranscriptionJobRequest,
    TranscribeClient,
    Type,
)

MEDIA = Media(media_file_uri="s3://media/meeting.mp3")


async def start_jobs(tk: TranscribeClient, *names: str) -> None:
    """Start one English transcription job of ``MEDIA`` for each name, in order."""
    for name in names:
        await tk.start_transcription_job(
            StartTranscriptionJobRequest(
                transcription_job_name=name, language_code=LanguageCode.EN_US, media=MEDIA
            )
        )


async def start_medical_jobs(tk: TranscribeClient, *names: str) -> None:
    """Start one medical dictation job of ``MEDIA`` for each name, in order."""
    for name in names:
        await tk.start_medical_transcription_job(
            StartMedicalTranscriptionJobRequest(
                medical_transcription_job_name=name,
                language_code=LanguageCode.EN_US,
                media=MEDIA,
                output_bucket_name="out",
                specialty=Specialty.PRIMARYCARE,
                type=Type.DICTATION,
            )
        )
