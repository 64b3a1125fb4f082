"""Application code under test: the text of a recording, or a clear reason why there is none."""

from __future__ import annotations

from transcribe_kit import (
    LanguageCode,
    Media,
    ResourceFailedError,
    StartTranscriptionJobRequest,
    TranscribeClient,
)


class NotTranscribedError(Exception):
    """The recording could not be transcribed; the message says why, for a person."""


async def meeting_text(tk: TranscribeClient, media_uri: str, *, job_name: str) -> str:
    """Transcribe the recording at ``media_uri`` and return what was said."""
    await tk.start_transcription_job(
        StartTranscriptionJobRequest(
            transcription_job_name=job_name,
            language_code=LanguageCode.EN_US,
            media=Media(media_file_uri=media_uri),
        )
    )
    try:
        job = await tk.wait_for_transcription_job(job_name)
    except ResourceFailedError as error:
        raise NotTranscribedError(
            f"{media_uri} was not transcribed: {error.failure_reason}"
        ) from error
    return (await tk.fetch_transcript(job)).text
