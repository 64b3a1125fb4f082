"""transcribe() through a transcription job, over real HTTP against the local backend.

The backend runs the job and its S3 holds the upload; the test publishes a transcript
over the one the job wrote, the moment the waiter sees the job completed (its
status-change callback), before transcribe() fetches it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from tests.documents import OLDER_SPEAKERS
from transcribe_kit import (
    ListTranscriptionJobsRequest,
    SubtitleFormat,
    Subtitles,
    TranscribeClient,
    TranscriptionJob,
    TranscriptionJobOptions,
    TranscriptionJobStatus,
    parse_transcript,
)
from transcribe_kit.testing import LocalBackend
from transcribe_kit.waiters import WaitPolicy

MEDIA_BUCKET = "media"
#: Jobs move on one status per Get here; the waiter polls a few times in quick succession.
QUICK = WaitPolicy(initial_delay=0.01, max_delay=0.05, max_attempts=10)


@pytest.fixture(autouse=True)
def _one_status_per_get(transcribe_backend: LocalBackend) -> None:
    transcribe_backend.set_progression(reads=1)


@pytest_asyncio.fixture
async def s3(local_s3: Any) -> Any:
    await local_s3.create_bucket(Bucket=MEDIA_BUCKET)
    return local_s3


@pytest.fixture
def document() -> bytes:
    return OLDER_SPEAKERS


AUDIO = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(256))


@pytest.fixture
def audio(tmp_path: Path) -> Path:
    path = tmp_path / "call.wav"
    path.write_bytes(AUDIO)
    return path


@pytest.fixture
def publish_on_completion(
    transcribe_backend: LocalBackend, document: bytes
) -> Callable[[TranscriptionJob], None]:
    def publish(job: TranscriptionJob) -> None:
        if job.transcription_job_status is TranscriptionJobStatus.COMPLETED:
            transcribe_backend.publish_transcript(job, document)

    return publish


async def _objects(s3: Any) -> dict[str, bytes]:
    listed = await s3.list_objects_v2(Bucket=MEDIA_BUCKET)
    found = {}
    for entry in listed.get("Contents", []):
        stored = await s3.get_object(Bucket=MEDIA_BUCKET, Key=entry["Key"])
        async with stored["Body"] as body:
            found[entry["Key"]] = await body.read()
    return found


async def _job_names(tk: TranscribeClient) -> list[str]:
    listed = await tk.list_transcription_jobs(ListTranscriptionJobsRequest())
    return [job.transcription_job_name or "" for job in listed.transcription_job_summaries or []]


async def test_a_local_file_is_uploaded_transcribed_and_fetched(
    tk: TranscribeClient,
    s3: Any,
    audio: Path,
    document: bytes,
    publish_on_completion: Callable[[TranscriptionJob], None],
) -> None:
    result = await tk.transcribe(
        audio,
        language_code="en-US",
        mode="job",
        job=TranscriptionJobOptions(bucket=MEDIA_BUCKET, key_prefix="uploads/"),
        wait_policy=QUICK,
        on_change=publish_on_completion,
    )

    assert result.mode == "job"
    assert result.transcript == parse_transcript(document)
    assert result.transcript.speaker_turns()
    assert result.job is not None
    assert result.job.transcription_job_status is TranscriptionJobStatus.COMPLETED
    name = result.job.transcription_job_name
    assert name is not None
    assert name.startswith("transcribe-kit-")
    assert await _job_names(tk) == [name]
    uploads = await _objects(s3)
    assert list(uploads.values()) == [AUDIO]
    [key] = uploads
    assert key.startswith("uploads/")
    assert key.endswith("/call.wav")
    assert result.media_uri == f"s3://{MEDIA_BUCKET}/{key}"
    assert result.job.media is not None
    assert result.job.media.media_file_uri == result.media_uri


async def test_clean_up_deletes_the_upload_and_the_job(
    tk: TranscribeClient,
    s3: Any,
    document: bytes,
    publish_on_completion: Callable[[TranscriptionJob], None],
) -> None:
    result = await tk.transcribe(
        b"RIFF-bytes-of-audio",
        language_code="en-US",
        mode="job",
        job=TranscriptionJobOptions(
            bucket=MEDIA_BUCKET, delete_uploaded_media=True, delete_job=True
        ),
        wait_policy=QUICK,
        on_change=publish_on_completion,
    )

    assert result.transcript.text == parse_transcript(document).text
    assert result.media_uri is not None
    assert result.media_uri.startswith(f"s3://{MEDIA_BUCKET}/transcribe-kit/")
    assert await _objects(s3) == {}
    assert await _job_names(tk) == []


async def test_auto_takes_a_job_for_job_only_options_and_an_s3_uri_is_not_uploaded(
    transcribe_backend: LocalBackend,
    tk: TranscribeClient,
    s3: Any,
    publish_on_completion: Callable[[TranscriptionJob], None],
) -> None:
    await s3.put_object(Bucket=MEDIA_BUCKET, Key="meeting.mp3", Body=b"mp3")

    result = await tk.transcribe(
        f"s3://{MEDIA_BUCKET}/meeting.mp3",
        language_code="en-US",
        job=TranscriptionJobOptions(
            job_name="with-subtitles",
            output_bucket_name=MEDIA_BUCKET,
            subtitles=Subtitles(formats=[SubtitleFormat.VTT]),
        ),
        wait_policy=QUICK,
        on_change=publish_on_completion,
    )

    assert result.mode == "job"
    assert result.job is not None
    assert result.job.transcription_job_name == "with-subtitles"
    assert await _job_names(tk) == ["with-subtitles"]
    assert sorted(await _objects(s3)) == [
        "meeting.mp3",
        "with-subtitles.json",
        "with-subtitles.vtt",
    ]
    subtitles = await tk.fetch_subtitles(result.job, SubtitleFormat.VTT)
    assert subtitles == result.transcript.to_vtt()
