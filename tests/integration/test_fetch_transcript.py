"""fetch_transcript over real HTTP against the local backend: documents in its S3."""

from __future__ import annotations

from typing import Any

import pytest
import pytest_asyncio

from tests.documents import NEWER_SPEAKERS
from transcribe_kit import (
    FetchLimits,
    GetTranscriptionJobRequest,
    GetTranscriptionJobResponse,
    LanguageCode,
    Media,
    StartTranscriptionJobRequest,
    SubtitleFormat,
    Subtitles,
    TranscribeClient,
    Transcript,
    TranscriptFetchError,
    TranscriptionJobStatus,
    TranscriptNotReadyError,
    TranscriptTooLargeError,
    parse_transcript,
)
from transcribe_kit.testing import LocalBackend

OUTPUT_BUCKET = "transcripts"
#: Jobs move one status on per Get here: QUEUED, IN_PROGRESS, COMPLETED.
GETS_TO_COMPLETE = 3


@pytest.fixture(autouse=True)
def _one_status_per_get(transcribe_backend: LocalBackend) -> None:
    transcribe_backend.set_progression(reads=1)


@pytest_asyncio.fixture
async def s3(local_s3: Any) -> Any:
    await local_s3.create_bucket(Bucket=OUTPUT_BUCKET)
    return local_s3


@pytest.fixture
def document() -> bytes:
    return NEWER_SPEAKERS


async def _completed_job(
    tk: TranscribeClient, name: str, **request: Any
) -> GetTranscriptionJobResponse:
    await tk.start_transcription_job(
        StartTranscriptionJobRequest(
            transcription_job_name=name,
            language_code=LanguageCode.EN_US,
            media=Media(media_file_uri=f"s3://{OUTPUT_BUCKET}/{name}.mp3"),
            **request,
        )
    )
    for _ in range(GETS_TO_COMPLETE):
        got = await tk.get_transcription_job(
            GetTranscriptionJobRequest(transcription_job_name=name)
        )
        assert got.transcription_job is not None
        if got.transcription_job.transcription_job_status is TranscriptionJobStatus.COMPLETED:
            return got
    pytest.fail(f"job {name} did not complete in {GETS_TO_COMPLETE} reads")


async def test_a_job_writing_to_a_customer_bucket_is_fetched_from_s3(
    transcribe_backend: LocalBackend,
    tk: TranscribeClient,
    s3: Any,
    document: bytes,
) -> None:
    job = await _completed_job(tk, "to-bucket", output_bucket_name=OUTPUT_BUCKET)
    assert job.transcription_job is not None
    assert job.transcription_job.transcript is not None
    uri = job.transcription_job.transcript.transcript_file_uri
    # The path-style URL the service gives for a customer bucket.
    assert uri == f"https://s3.us-east-1.amazonaws.com/{OUTPUT_BUCKET}/to-bucket.json"

    assert transcribe_backend.publish_transcript(job, document) == uri
    stored = await s3.get_object(Bucket=OUTPUT_BUCKET, Key="to-bucket.json")
    async with stored["Body"] as body:
        assert await body.read() == document

    transcript = await tk.fetch_transcript(job)

    assert isinstance(transcript, Transcript)
    assert transcript == parse_transcript(document)
    assert transcript.speaker_turns()


async def test_a_job_writing_to_the_service_bucket_is_fetched(
    transcribe_backend: LocalBackend, tk: TranscribeClient, document: bytes
) -> None:
    job = await _completed_job(tk, "to-service")
    transcribe_backend.publish_transcript("to-service", document)

    transcript = await tk.fetch_transcript(job.transcription_job)  # type: ignore[arg-type]

    assert transcript.text == parse_transcript(document).text


@pytest.mark.parametrize(
    "style",
    [
        "s3://{bucket}/{key}",
        "https://s3.us-east-1.amazonaws.com/{bucket}/{key}",
        "https://s3.amazonaws.com/{bucket}/{key}",
        "https://{bucket}.s3.us-east-1.amazonaws.com/{key}",
        "https://{bucket}.s3.amazonaws.com/{key}",
    ],
)
async def test_every_s3_uri_style_reads_the_object(
    tk: TranscribeClient, s3: Any, document: bytes, style: str
) -> None:
    await s3.put_object(Bucket=OUTPUT_BUCKET, Key="folder/doc.json", Body=document)

    found = await tk.fetch_transcript(style.format(bucket=OUTPUT_BUCKET, key="folder/doc.json"))

    assert found == parse_transcript(document)


async def test_subtitle_files_of_a_job_are_fetched_as_text(
    transcribe_backend: LocalBackend,
    tk: TranscribeClient,
    s3: Any,
    document: bytes,
) -> None:
    job = await _completed_job(
        tk,
        "with-subtitles",
        output_bucket_name=OUTPUT_BUCKET,
        subtitles=Subtitles(formats=[SubtitleFormat.SRT, SubtitleFormat.VTT]),
    )
    transcribe_backend.publish_transcript(job, document)
    stored = await s3.get_object(Bucket=OUTPUT_BUCKET, Key="with-subtitles.vtt")
    async with stored["Body"] as body:
        vtt_file = (await body.read()).decode()

    vtt = await tk.fetch_subtitles(job, SubtitleFormat.VTT)
    srt = await tk.fetch_subtitles(job, "srt")

    assert vtt == vtt_file
    assert vtt.startswith("WEBVTT")
    assert srt.startswith("1\n")


async def test_an_unfinished_job_is_not_ready(tk: TranscribeClient, s3: Any) -> None:
    await tk.start_transcription_job(
        StartTranscriptionJobRequest(
            transcription_job_name="unfinished",
            language_code=LanguageCode.EN_US,
            media=Media(media_file_uri=f"s3://{OUTPUT_BUCKET}/a.mp3"),
            output_bucket_name=OUTPUT_BUCKET,
        )
    )
    queued = await tk.get_transcription_job(
        GetTranscriptionJobRequest(transcription_job_name="unfinished")
    )

    with pytest.raises(TranscriptNotReadyError) as caught:
        await tk.fetch_transcript(queued)

    assert caught.value.status == "QUEUED"
    assert caught.value.job_name == "unfinished"


async def test_a_missing_document_is_a_fetch_error(tk: TranscribeClient, s3: Any) -> None:
    with pytest.raises(TranscriptFetchError) as caught:
        await tk.fetch_transcript(f"s3://{OUTPUT_BUCKET}/nothing-here.json")

    assert caught.value.http_status == 404
    assert caught.value.code == "NoSuchKey"
    assert caught.value.uri == f"s3://{OUTPUT_BUCKET}/nothing-here.json"


async def test_a_document_over_the_size_limit_is_refused(
    tk: TranscribeClient, s3: Any, document: bytes
) -> None:
    await s3.put_object(Bucket=OUTPUT_BUCKET, Key="big.json", Body=document)
    limited = tk.with_options(fetch_limits=FetchLimits(max_bytes=len(document) - 1))

    with pytest.raises(TranscriptTooLargeError):
        await limited.fetch_transcript(f"s3://{OUTPUT_BUCKET}/big.json")
    assert await tk.fetch_transcript(f"s3://{OUTPUT_BUCKET}/big.json")


async def test_a_client_configured_by_the_environment_trusts_its_own_endpoint(
    transcribe_backend: LocalBackend,
    tk: TranscribeClient,
    document: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    job = await _completed_job(tk, "by-environment")
    transcribe_backend.publish_transcript("by-environment", document)
    monkeypatch.setenv("AWS_ENDPOINT_URL_TRANSCRIBE", transcribe_backend.endpoint_url)
    settings = dict(transcribe_backend.client_settings)
    del settings["endpoint_url"]

    async with TranscribeClient(**settings) as configured:
        assert configured.aiobotocore_client.meta.endpoint_url == transcribe_backend.endpoint_url
        transcript = await configured.fetch_transcript(job)

    assert transcript.text == parse_transcript(document).text
