"""A user's own tests: the plugin's backend scripts a transcript, a failed job, a throttled call.

Run from this directory with ``python -m pytest``.
"""

from __future__ import annotations

import pytest
from meeting_notes import NotTranscribedError, meeting_text

from transcribe_kit import RetryPolicy, ThrottlingError, TranscribeClient
from transcribe_kit.testing import LocalBackend

MEDIA = "s3://meetings/weekly.wav"


async def test_the_meeting_text_is_what_was_said(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_transcript(MEDIA, "We ship on Friday.")

    assert await meeting_text(transcribe_client, MEDIA, job_name="weekly") == "We ship on Friday."


async def test_a_failed_job_says_why_in_words_a_person_reads(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.fail_jobs("weekly", "The media format is not supported.")

    with pytest.raises(
        NotTranscribedError, match=r"weekly\.wav was not transcribed: The media format"
    ):
        await meeting_text(transcribe_client, MEDIA, job_name="weekly")


async def test_a_throttled_start_is_retried(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_transcript(MEDIA, "We ship on Friday.")
    transcribe_backend.throttle("StartTranscriptionJob", times=2)

    assert await meeting_text(transcribe_client, MEDIA, job_name="weekly") == "We ship on Friday."


async def test_throttling_that_outlasts_the_retries_reaches_the_caller(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.throttle("StartTranscriptionJob", times=5)
    impatient = transcribe_client.with_options(retry_policy=RetryPolicy(max_attempts=2))

    with pytest.raises(ThrottlingError):
        await meeting_text(impatient, MEDIA, job_name="weekly")
