"""Which way transcribe() takes, and what it refuses before sending anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from transcribe_kit import (
    ModelSettings,
    RequestValidationError,
    Settings,
    SubtitleFormat,
    Subtitles,
    TranscribeClient,
    TranscriptionJobOptions,
)
from transcribe_kit._transcribe import (
    SYNC_MAX_BYTES,
    Languages,
    MediaSource,
    choose_mode,
    media_source,
    sync_blockers,
)

SRT = SubtitleFormat.SRT
S3_MEDIA = MediaSource(uri="s3://media/meeting.mp3")
SMALL = MediaSource(data=b"audio", size=5)
LARGE = MediaSource(path=Path("long.wav"), size=SYNC_MAX_BYTES + 1)
ENGLISH = Languages(code="en-US")


def _mode(
    source: MediaSource,
    *,
    requested: str = "auto",
    languages: Languages = ENGLISH,
    settings: Settings | None = None,
    job: TranscriptionJobOptions | None = None,
) -> str:
    blockers = sync_blockers(source, languages, settings, job)
    return choose_mode(requested, source, blockers, job)


@pytest.mark.parametrize("source", [S3_MEDIA, SMALL], ids=["s3-uri", "small-bytes"])
def test_auto_picks_sync_when_it_can_serve(source: MediaSource) -> None:
    assert _mode(source) == "sync"


def test_auto_picks_sync_at_exactly_the_inline_limit() -> None:
    assert _mode(MediaSource(data=b"", size=SYNC_MAX_BYTES)) == "sync"


@pytest.mark.parametrize(
    ("case", "options"),
    [
        ("too large", {"source": LARGE}),
        ("language", {"languages": Languages(code="nl-NL")}),
        ("identify among unsupported", {"languages": Languages(identify=True, options=("ar-SA",))}),
        ("identify among nothing", {"languages": Languages(identify=True)}),
        ("alternatives", {"settings": Settings(show_alternatives=True, max_alternatives=3)}),
        (
            "subtitles",
            {"job": TranscriptionJobOptions(subtitles=Subtitles(formats=[SubtitleFormat.SRT]))},
        ),
        ("output bucket", {"job": TranscriptionJobOptions(output_bucket_name="out")}),
        ("job name", {"job": TranscriptionJobOptions(job_name="mine")}),
        ("language model", {"job": TranscriptionJobOptions(model_settings=ModelSettings())}),
    ],
)
def test_auto_picks_a_job_when_sync_cannot_serve(case: str, options: dict[str, Any]) -> None:
    source = options.pop("source", S3_MEDIA)
    if source.is_local:
        options["job"] = TranscriptionJobOptions(bucket="media")
    assert _mode(source, **options) == "job", case


def test_options_that_serve_both_ways_keep_sync() -> None:
    job = TranscriptionJobOptions(bucket="media", delete_uploaded_media=True, delete_job=True)
    settings = Settings(show_speaker_labels=True, max_speaker_labels=3, vocabulary_name="names")
    assert _mode(SMALL, settings=settings, job=job) == "sync"


def test_a_forced_job_for_an_s3_uri_needs_no_bucket() -> None:
    assert _mode(S3_MEDIA, requested="job") == "job"


@pytest.mark.parametrize("requested", ["auto", "job"])
def test_local_media_for_a_job_needs_a_bucket(requested: str) -> None:
    with pytest.raises(RequestValidationError) as caught:
        _mode(LARGE if requested == "auto" else SMALL, requested=requested)
    assert caught.value.field == "job.bucket"


def test_forced_sync_names_every_reason_it_cannot_serve() -> None:
    with pytest.raises(RequestValidationError) as caught:
        _mode(LARGE, requested="sync", languages=Languages(code="nl-NL"))
    assert caught.value.field == "media"
    assert [field for field, _ in caught.value.errors] == ["media", "language_code"]
    assert caught.value.operation_name == "TranscribeAudio"


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(RequestValidationError) as caught:
        _mode(S3_MEDIA, requested="batch")
    assert caught.value.field == "mode"


@pytest.mark.parametrize(
    ("arguments", "field"),
    [
        ({}, "language_code"),
        ({"language_code": "en-US", "identify_language": True}, "language_code"),
        ({"language_code": "en-US", "language_options": ["en-US"]}, "language_options"),
    ],
)
def test_the_language_is_given_one_way(arguments: dict[str, Any], field: str) -> None:
    with pytest.raises(RequestValidationError) as caught:
        Languages.of(
            arguments.get("language_code"),
            arguments.get("identify_language", False),
            arguments.get("language_options"),
        )
    assert caught.value.field == field


def test_media_kinds(tmp_path: Path) -> None:
    path = tmp_path / "a.wav"
    path.write_bytes(b"abc")
    assert media_source(b"abc") == MediaSource(data=b"abc", size=3)
    assert media_source(str(path)) == MediaSource(path=path, size=3)
    assert media_source(path) == MediaSource(path=path, size=3)
    assert media_source("s3://media/a.wav") == MediaSource(uri="s3://media/a.wav")


@pytest.mark.parametrize("media", [b"", "missing.wav", "ftp://host/a.wav"])
def test_media_that_cannot_be_transcribed(media: str | bytes, tmp_path: Path) -> None:
    with pytest.raises(RequestValidationError) as caught:
        media_source(media if isinstance(media, bytes) else media.replace("missing", str(tmp_path)))
    assert caught.value.field == "media"


async def test_nothing_is_sent_for_a_request_refused_locally(tmp_path: Path) -> None:
    sent: list[str] = []

    class Recorder:
        """An aiobotocore client stand-in that records any call made to it."""

        def __getattr__(self, name: str) -> Any:
            sent.append(name)
            raise AssertionError(f"{name} was called")

    tk = TranscribeClient(client=Recorder())
    path = tmp_path / "long.wav"
    with path.open("wb") as file:
        file.truncate(SYNC_MAX_BYTES + 1)

    with pytest.raises(RequestValidationError):
        await tk.transcribe(path, language_code="en-US")
    with pytest.raises(RequestValidationError):
        await tk.transcribe(path, language_code="en-US", mode="sync")
    with pytest.raises(RequestValidationError):
        await tk.transcribe(b"abc", language_code="en-US", settings=Settings(max_speaker_labels=2))
    with pytest.raises(RequestValidationError):
        await tk.transcribe(
            b"abc",
            language_code="en-US",
            mode="job",
            job=TranscriptionJobOptions(bucket="media", job_name="not a valid name"),
        )
    assert sent == []
