"""Planning ``TranscribeClient.transcribe``: which way serves a request, and its requests (no I/O).

Two ways lead from media to a transcript. ``TranscribeAudio`` answers at once: it takes
up to 25 MiB of audio inline or an S3 URI, a language of ``SyncLanguageCode``, speakers,
channels, a vocabulary and a filter, and redaction. Everything else (larger local media,
other languages, alternatives, subtitles, a custom language model, an output location,
tags) needs a transcription job. This module decides which (:func:`choose_mode`, with the
reasons ``TranscribeAudio`` cannot serve from :func:`sync_blockers`) and builds the
request for each; every check that needs no network is made here, before anything is
sent. Carrying the plan out is ``transcribe_kit._transcribe``'s job.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Final, Literal

from attrs import define

from transcribe_kit._kinds import TRANSCRIPTION_JOBS
from transcribe_kit.errors import RequestValidationError
from transcribe_kit.shapes.common import ContentRedaction, Media, Tag
from transcribe_kit.shapes.enums import (
    LanguageCode,
    LanguageDetectionMode,
    MediaFormat,
    SyncLanguage,
    SyncLanguageCode,
)
from transcribe_kit.shapes.transcribe_audio import (
    SyncMedia,
    TranscribeAudioMetadata,
    TranscribeAudioRequest,
    VocabularyFilterEntry,
    VocabularyFilterSettings,
    VocabularySettingsEntry,
)
from transcribe_kit.shapes.transcription_jobs import (
    JobExecutionSettings,
    ModelSettings,
    Settings,
    StartTranscriptionJobRequest,
    Subtitles,
    TranscriptionJob,
)
from transcribe_kit.transcript._document import Transcript

SYNC_MAX_BYTES: Final = 26_214_400
"""The most audio ``TranscribeAudio`` takes inline: 25 MiB."""

TranscribeMode = Literal["auto", "sync", "job"]
"""How :meth:`~transcribe_kit.TranscribeClient.transcribe` transcribes: ``auto`` picks."""

_MODES: Final = ("auto", "sync", "job")
_SYNC_CODES: Final = frozenset(code.value for code in SyncLanguageCode)
_SYNC_LANGUAGES: Final = frozenset(language.value for language in SyncLanguage)
SYNC_OPERATION: Final = "TranscribeAudio"
JOB_OPERATION: Final = TRANSCRIPTION_JOBS.operations.create


@define(frozen=True, kw_only=True)
class TranscriptionJobOptions:
    """How :meth:`~transcribe_kit.TranscribeClient.transcribe` runs a transcription job.

    ``bucket`` (and ``key_prefix``) is where local media, a path or bytes, is uploaded
    for a job, under a unique key. ``job_name`` defaults to a unique
    ``transcribe-kit-<hex>``. ``delete_uploaded_media`` and ``delete_job`` clean up once
    the job has finished, whether it completed or failed. The members from ``job_name``
    to ``tags`` exist only for jobs: setting one of them rules ``TranscribeAudio`` out.
    """

    bucket: str | None = None
    key_prefix: str = "transcribe-kit/"
    media_format: MediaFormat | None = None
    job_name: str | None = None
    output_bucket_name: str | None = None
    output_key: str | None = None
    subtitles: Subtitles | None = None
    model_settings: ModelSettings | None = None
    job_execution_settings: JobExecutionSettings | None = None
    tags: list[Tag] | None = None
    delete_uploaded_media: bool = False
    delete_job: bool = False


_JOB_ONLY_OPTIONS: Final = (
    "job_name",
    "output_bucket_name",
    "output_key",
    "subtitles",
    "model_settings",
    "job_execution_settings",
    "tags",
)


@define(frozen=True, kw_only=True)
class TranscriptionResult:
    """The transcript :meth:`~transcribe_kit.TranscribeClient.transcribe` made, and how.

    ``transcript`` is the unredacted transcript, or the redacted one when only that was
    asked for; ``redacted_transcript`` is the redacted one whenever redaction was asked
    for. ``mode`` says which way it was made: ``"sync"`` (``TranscribeAudio``; its
    ``metadata`` gives the detected language, format and speaker count) or ``"job"``
    (``job`` is the completed job). ``media_uri`` is the media's S3 URI on the job path
    (the upload's, even if it was deleted since).
    """

    transcript: Transcript
    mode: Literal["sync", "job"]
    redacted_transcript: Transcript | None = None
    job: TranscriptionJob | None = None
    metadata: TranscribeAudioMetadata | None = None
    media_uri: str | None = None


@define(frozen=True, kw_only=True)
class MediaSource:
    """The media to transcribe: an S3 (or HTTPS) URI, a local file, or bytes."""

    uri: str | None = None
    path: Path | None = None
    data: bytes | None = None
    size: int | None = None

    @property
    def is_local(self) -> bool:
        """Whether the media is here (a file or bytes) rather than in S3."""
        return self.uri is None

    @property
    def file_name(self) -> str:
        """The name its upload is stored under."""
        return self.path.name if self.path is not None else "media"


def media_source(media: str | os.PathLike[str] | bytes) -> MediaSource:
    """What ``media`` is; :class:`RequestValidationError` if it is empty or no file."""
    if isinstance(media, (bytes, bytearray, memoryview)):
        data = bytes(media)
        if not data:
            raise RequestValidationError("media", "is empty")
        return MediaSource(data=data, size=len(data))
    if isinstance(media, str) and "://" in media:
        if media.split("://", 1)[0].lower() not in ("s3", "https", "http"):
            raise RequestValidationError(
                "media", "must be an s3:// or https:// URI, a path or bytes"
            )
        return MediaSource(uri=media)
    path = Path(media)
    if not path.is_file():
        raise RequestValidationError("media", f"is no file: {path}")
    size = path.stat().st_size
    if size == 0:
        raise RequestValidationError("media", f"is empty: {path}")
    return MediaSource(path=path, size=size)


def _sync_language(code: str) -> SyncLanguage | None:
    """The base language ``TranscribeAudio`` takes for a language code, if it supports it."""
    if code not in _SYNC_CODES:
        return None
    return SyncLanguage(code if code in _SYNC_LANGUAGES else code.split("-", 1)[0])


@define(frozen=True, kw_only=True)
class Languages:
    """The language of the audio, or the languages to identify it among."""

    code: str | None = None
    identify: bool = False
    options: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        language_code: LanguageCode | str | None,
        identify_language: bool,
        language_options: Sequence[LanguageCode | str] | None,
    ) -> Languages:
        """Checked: exactly one of a language code and identification."""
        if language_code is None and not identify_language:
            raise RequestValidationError(
                "language_code", "give a language_code, or identify_language=True"
            )
        if language_code is not None and identify_language:
            raise RequestValidationError(
                "language_code", "give either a language_code or identify_language=True, not both"
            )
        if language_options and not identify_language:
            raise RequestValidationError(
                "language_options", "are the languages to identify: needs identify_language=True"
            )
        return cls(
            code=None if language_code is None else str(language_code),
            identify=identify_language,
            options=tuple(str(option) for option in language_options or ()),
        )


def sync_blockers(
    source: MediaSource,
    languages: Languages,
    settings: Settings | None,
    job: TranscriptionJobOptions | None,
) -> list[tuple[str, str]]:
    """Why ``TranscribeAudio`` cannot serve this request: (field, reason) pairs, or none."""
    blockers: list[tuple[str, str]] = []
    if source.size is not None and source.size > SYNC_MAX_BYTES:
        blockers.append(
            ("media", f"is {source.size} bytes; TranscribeAudio takes at most {SYNC_MAX_BYTES}")
        )
    if languages.code is not None and _sync_language(languages.code) is None:
        blockers.append(("language_code", f"{languages.code} is not a TranscribeAudio language"))
    if languages.identify:
        if not languages.options:
            blockers.append(
                ("language_options", "TranscribeAudio identifies a language among these only")
            )
        unsupported = [code for code in languages.options if _sync_language(code) is None]
        if unsupported:
            blockers.append(
                ("language_options", f"{', '.join(unsupported)}: not TranscribeAudio languages")
            )
    if settings is not None:
        if settings.show_alternatives or settings.max_alternatives is not None:
            blockers.append(("settings.show_alternatives", "only a job gives alternatives"))
        named = settings.vocabulary_name or settings.vocabulary_filter_name
        if named and languages.identify:
            blockers.append(
                ("settings.vocabulary_name", "TranscribeAudio needs the language for a vocabulary")
            )
    if job is not None:
        for name in _JOB_ONLY_OPTIONS:
            if getattr(job, name) is not None:
                blockers.append((f"job.{name}", "only a transcription job has this"))
    return blockers


def choose_mode(
    requested: str,
    source: MediaSource,
    blockers: Sequence[tuple[str, str]],
    job: TranscriptionJobOptions | None,
) -> Literal["sync", "job"]:
    """``sync`` when asked for or when ``auto`` and nothing blocks it, ``job`` otherwise.

    Raises :class:`RequestValidationError` when the chosen way cannot work: ``sync`` with
    a blocker, or a job for local media without a bucket to upload it to.
    """
    if requested not in _MODES:
        raise RequestValidationError("mode", f"must be one of {', '.join(_MODES)}, not {requested}")
    if requested == "sync":
        if blockers:
            field, rule = blockers[0]
            raise RequestValidationError(
                field, rule, operation_name=SYNC_OPERATION, errors=tuple(blockers)
            )
        return "sync"
    if requested == "auto" and not blockers:
        return "sync"
    if source.is_local and (job is None or not job.bucket):
        why = f" ({blockers[0][0]} {blockers[0][1]})" if requested == "auto" else ""
        raise RequestValidationError(
            "job.bucket",
            f"a job reads its media from S3: give TranscriptionJobOptions(bucket=...) to upload "
            f"local media to{why}",
            operation_name=JOB_OPERATION,
        )
    return "job"


def sync_request(
    media: SyncMedia,
    languages: Languages,
    settings: Settings | None,
    content_redaction: ContentRedaction | None,
) -> TranscribeAudioRequest:
    """The ``TranscribeAudio`` request for media ``TranscribeAudio`` can serve."""
    settings = settings or Settings()
    language = None if languages.code is None else _sync_language(languages.code)
    options = list(dict.fromkeys(_sync_language(code) for code in languages.options))
    vocabularies = None
    filters = None
    if language is not None and settings.vocabulary_name:
        vocabularies = [
            VocabularySettingsEntry(language=language, vocabulary_name=settings.vocabulary_name)
        ]
    method = settings.vocabulary_filter_method
    if language is not None and settings.vocabulary_filter_name and method is not None:
        filters = VocabularyFilterSettings(
            vocabulary_filter_method=method,
            filters=[
                VocabularyFilterEntry(
                    language=language, vocabulary_filter_name=settings.vocabulary_filter_name
                )
            ],
        )
    return TranscribeAudioRequest(
        media=media,
        language=language,
        language_detection_mode=LanguageDetectionMode.IDENTIFY_LANGUAGE
        if languages.identify
        else None,
        language_options=[option for option in options if option is not None] or None,
        channel_identification=settings.channel_identification,
        show_speaker_labels=settings.show_speaker_labels,
        max_speaker_labels=settings.max_speaker_labels,
        vocabulary_settings=vocabularies,
        vocabulary_filter_settings=filters,
        content_redaction=content_redaction,
    )


def job_request(
    name: str,
    media_uri: str,
    languages: Languages,
    settings: Settings | None,
    content_redaction: ContentRedaction | None,
    job: TranscriptionJobOptions,
) -> StartTranscriptionJobRequest:
    """The ``StartTranscriptionJob`` request for the media at ``media_uri``."""
    return StartTranscriptionJobRequest(
        transcription_job_name=name,
        media=Media(media_file_uri=media_uri),
        language_code=None if languages.code is None else LanguageCode(languages.code),
        identify_language=True if languages.identify else None,
        language_options=[LanguageCode(code) for code in languages.options] or None,
        media_format=job.media_format,
        output_bucket_name=job.output_bucket_name,
        output_key=job.output_key,
        settings=settings,
        model_settings=job.model_settings,
        job_execution_settings=job.job_execution_settings,
        content_redaction=content_redaction,
        subtitles=job.subtitles,
        tags=job.tags,
    )
