"""Quickstart: a custom vocabulary and a transcription job, end to end, and its transcript.

Runs against a local Transcribe backend (on 127.0.0.1, started here) unless
an endpoint is configured: ``--endpoint-url URL`` or ``AWS_ENDPOINT_URL_TRANSCRIBE``, or
``--aws`` for the real service with your usual AWS credentials and region.

    python examples/quickstart.py
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import uuid
from collections.abc import AsyncIterator

from transcribe_kit import (
    CreateVocabularyRequest,
    DeleteTranscriptionJobRequest,
    DeleteVocabularyRequest,
    LanguageCode,
    ListTranscriptionJobsRequest,
    Media,
    Settings,
    StartTranscriptionJobRequest,
    TranscribeClient,
    WaitPolicy,
)


@contextlib.asynccontextmanager
async def open_client(args: argparse.Namespace) -> AsyncIterator[TranscribeClient]:
    """The client, on a local backend started here unless an endpoint or AWS is asked for."""
    endpoint = args.endpoint_url or os.environ.get("AWS_ENDPOINT_URL_TRANSCRIBE")
    if args.aws or endpoint:
        async with TranscribeClient(endpoint_url=endpoint, region_name=args.region) as client:
            yield client
        return
    from transcribe_kit.testing import LocalBackend

    with LocalBackend(region_name=args.region or "us-east-1") as backend:
        print(f"local backend at {backend.endpoint_url}")
        async with backend.client() as client:
            yield client


async def main(args: argparse.Namespace) -> None:
    suffix = uuid.uuid4().hex[:8]
    vocabulary_name = f"quickstart-vocabulary-{suffix}"
    job_name = f"quickstart-job-{suffix}"
    async with open_client(args) as tk:
        vocabulary = await tk.create_vocabulary(
            CreateVocabularyRequest(
                vocabulary_name=vocabulary_name,
                language_code=LanguageCode.EN_US,
                phrases=["transcribe-kit", "aiobotocore"],
            )
        )
        print(f"created vocabulary {vocabulary.vocabulary_name}")
        ready = await tk.wait_for_vocabulary(vocabulary_name, policy=WaitPolicy(initial_delay=0.5))
        print(f"vocabulary {vocabulary_name}: {ready.vocabulary_state}")

        started = await tk.start_transcription_job(
            StartTranscriptionJobRequest(
                transcription_job_name=job_name,
                language_code=LanguageCode.EN_US,
                media=Media(media_file_uri=args.media_uri),
                settings=Settings(
                    vocabulary_name=vocabulary_name, show_speaker_labels=True, max_speaker_labels=2
                ),
            )
        )
        assert started.transcription_job is not None
        print(f"started {started.transcription_job.transcription_job_name}")

        # Polls back off from about a second to at most 5 s here; FAILED raises
        # ResourceFailedError with the job's FailureReason.
        job = await tk.wait_for_transcription_job(
            job_name,
            policy=WaitPolicy(initial_delay=0.5, max_delay=5, timeout=3600),
            on_change=lambda seen: print(f"  status {seen.transcription_job_status}"),
        )

        # The local backend's jobs write a transcript where the service would; without one
        # registered for the media, it is a conversation of its own.
        transcript = await tk.fetch_transcript(job)
        print(f"transcript: {transcript.text[:80]}")
        for turn in transcript.speaker_turns()[:3]:
            print(f"  {turn.speaker} {turn.start_time:.1f}s: {turn.text[:60]}")

        listed = await tk.list_transcription_jobs(
            ListTranscriptionJobsRequest(job_name_contains=suffix)
        )
        for summary in listed.transcription_job_summaries or []:
            print(f"listed {summary.transcription_job_name}: {summary.transcription_job_status}")

        await tk.delete_transcription_job(
            DeleteTranscriptionJobRequest(transcription_job_name=job_name)
        )
        await tk.delete_vocabulary(DeleteVocabularyRequest(vocabulary_name=vocabulary_name))
        print("deleted the job and the vocabulary")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aws", action="store_true", help="use the real service")
    parser.add_argument("--endpoint-url", help="a Transcribe endpoint to use instead")
    parser.add_argument("--region", default=os.environ.get("AWS_REGION"))
    parser.add_argument("--media-uri", default="s3://transcribe-kit-examples/meeting.mp3")
    return parser.parse_args()


if __name__ == "__main__":
    asyncio.run(main(parse_args()))
