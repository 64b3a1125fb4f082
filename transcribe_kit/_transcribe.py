"""``TranscribeClient.transcribe``: from media to a typed transcript in one call (the I/O half).

The plan (which way serves the request, and its request) is made without I/O in
``transcribe_kit._transcribe_plan``; this module carries it out: one ``TranscribeAudio``
call, or a transcription job (the media uploaded to the caller's bucket if it is local,
the job started under a unique name, waited for, its transcript fetched, and the clean-up
asked for).
"""

from __future__ import annotations

import asyncio
import logging
import os
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, Final, TypeVar

from transcribe_kit._kinds import TRANSCRIPTION_JOBS
from transcribe_kit._redact import redact_urls
from transcribe_kit._transcribe_plan import (
    JOB_OPERATION,
    SYNC_MAX_BYTES,
    SYNC_OPERATION,
    Languages,
    MediaSource,
    TranscribeMode,
    TranscriptionJobOptions,
    TranscriptionResult,
    choose_mode,
    job_request,
    media_source,
    sync_blockers,
    sync_request,
)
from transcribe_kit._validation import validate
from transcribe_kit.config import WaitPolicy
from transcribe_kit.errors import TranscribeError
from transcribe_kit.shapes.common import ContentRedaction
from transcribe_kit.shapes.enums import LanguageCode
from transcribe_kit.shapes.transcribe_audio import SyncMedia
from transcribe_kit.shapes.transcription_jobs import Settings, TranscriptionJob
from transcribe_kit.transcript._sync import transcript_from_sync_results

if TYPE_CHECKING:
    from transcribe_kit._client import TranscribeClient

__all__ = [
    "SYNC_MAX_BYTES",
    "Languages",
    "MediaSource",
    "TranscribeMode",
    "TranscriptionJobOptions",
    "TranscriptionResult",
    "choose_mode",
    "media_source",
    "sync_blockers",
    "transcribe",
]

T = TypeVar("T")

logger: Final = logging.getLogger("transcribe_kit")


async def transcribe(
    tk: TranscribeClient,
    media: str | os.PathLike[str] | bytes,
    *,
    language_code: LanguageCode | str | None,
    identify_language: bool,
    language_options: Sequence[LanguageCode | str] | None,
    settings: Settings | None,
    content_redaction: ContentRedaction | None,
    mode: TranscribeMode,
    job: TranscriptionJobOptions | None,
    wait_policy: WaitPolicy | None,
    on_change: Callable[[TranscriptionJob], object] | None,
) -> TranscriptionResult:
    """See :meth:`TranscribeClient.transcribe <transcribe_kit.TranscribeClient.transcribe>`."""
    source = media_source(media)
    languages = Languages.of(language_code, identify_language, language_options)
    if settings is not None:
        validate(settings)
    blockers = sync_blockers(source, languages, settings, job)
    if choose_mode(mode, source, blockers, job) == "sync":
        return await _transcribe_sync(tk, source, languages, settings, content_redaction)
    return await _JobRun(tk, source, job or TranscriptionJobOptions(), wait_policy, on_change).run(
        languages, settings, content_redaction
    )


async def _transcribe_sync(
    tk: TranscribeClient,
    source: MediaSource,
    languages: Languages,
    settings: Settings | None,
    content_redaction: ContentRedaction | None,
) -> TranscriptionResult:
    if source.uri is not None:
        media = SyncMedia(media_file_uri=source.uri)
    else:
        data = source.data
        if data is None:
            assert source.path is not None
            data = await asyncio.to_thread(source.path.read_bytes)
        media = SyncMedia(media_bytes=data)
    response = await tk.transcribe_audio(
        sync_request(media, languages, settings, content_redaction)
    )
    answer = response.transcript_response
    plain = answer.results if answer is not None else None
    redacted = answer.redacted_results if answer is not None else None
    if plain is None and redacted is None:
        raise TranscribeError(
            "TranscribeAudio answered without a transcript", operation_name=SYNC_OPERATION
        )
    redacted_transcript = None if redacted is None else transcript_from_sync_results(redacted)
    transcript = redacted_transcript if plain is None else transcript_from_sync_results(plain)
    assert transcript is not None
    return TranscriptionResult(
        transcript=transcript,
        mode="sync",
        redacted_transcript=redacted_transcript,
        metadata=answer.metadata if answer is not None else None,
    )


class _JobRun:
    """One transcription job: upload, start, wait, fetch, and the clean-up asked for."""

    def __init__(
        self,
        tk: TranscribeClient,
        source: MediaSource,
        job: TranscriptionJobOptions,
        wait_policy: WaitPolicy | None,
        on_change: Callable[[TranscriptionJob], object] | None,
    ) -> None:
        self.tk = tk
        self.source = source
        self.options = job
        self.wait_policy = wait_policy
        self.on_change = on_change
        self.name = job.job_name or f"transcribe-kit-{uuid.uuid4().hex}"
        self.bucket = job.bucket or ""
        self.key = f"{job.key_prefix}{uuid.uuid4().hex}/{source.file_name}"
        self.uploaded = False
        self.started = False
        self.finished = False

    async def run(
        self,
        languages: Languages,
        settings: Settings | None,
        content_redaction: ContentRedaction | None,
    ) -> TranscriptionResult:
        media_uri = self.source.uri or f"s3://{self.bucket}/{self.key}"
        request = job_request(
            self.name, media_uri, languages, settings, content_redaction, self.options
        )
        validate(request, JOB_OPERATION)
        try:
            if self.source.is_local:
                await self._upload()
            await self.tk.start_transcription_job(request)
            self.started = True
            final = await self._wait()
            redacted = None
            if content_redaction is not None:
                redacted = await self.tk.fetch_transcript(final, redacted=True)
            keeps_plain = content_redaction is None or (
                str(content_redaction.redaction_output) != "redacted"
            )
            transcript = await self.tk.fetch_transcript(final) if keeps_plain else redacted
            assert transcript is not None
            return TranscriptionResult(
                transcript=transcript,
                mode="job",
                redacted_transcript=redacted,
                job=final,
                media_uri=media_uri,
            )
        finally:
            await self._clean_up()

    async def _wait(self) -> TranscriptionJob:
        def seen(job: TranscriptionJob) -> None:
            self.finished = TRANSCRIPTION_JOBS.is_final(job.transcription_job_status)
            if self.on_change is not None:
                self.on_change(job)

        return await self.tk.wait_for_transcription_job(
            self.name, policy=self.wait_policy, on_change=seen
        )

    async def _upload(self) -> None:
        source = self.source

        async def put(s3: Any) -> object:
            if source.data is not None:
                return await s3.put_object(Bucket=self.bucket, Key=self.key, Body=source.data)
            assert source.path is not None
            with source.path.open("rb") as body:
                return await s3.put_object(Bucket=self.bucket, Key=self.key, Body=body)

        await _s3_call(self.tk, "PutObject", put)
        self.uploaded = True

    async def _clean_up(self) -> None:
        """Delete what was asked for, once the job is over; a failure here is only logged.

        A job still running (the wait gave up, or was cancelled) keeps its media and record.
        """
        over = self.finished or not self.started
        if self.uploaded and self.options.delete_uploaded_media and over:
            await self._try(
                f"delete the uploaded media s3://{self.bucket}/{self.key}",
                _s3_call(
                    self.tk,
                    "DeleteObject",
                    lambda s3: s3.delete_object(Bucket=self.bucket, Key=self.key),
                ),
            )
        if self.started and self.options.delete_job and self.finished:
            await self._try(
                f"delete the transcription job {self.name}",
                self.tk.delete_transcription_job(TRANSCRIPTION_JOBS.delete_request(self.name)),
            )

    @staticmethod
    async def _try(what: str, action: Awaitable[object]) -> None:
        try:
            await action
        except Exception as error:
            logger.warning("could not %s: %s", what, redact_urls(str(error)))


async def _s3_call(tk: TranscribeClient, operation: str, call: Callable[[Any], Awaitable[T]]) -> T:
    """One S3 call on the client's S3 client, its errors typed and retried by its policy."""
    return await tk._document_reader().s3_call(
        operation, call, retry_policy=tk.retry_policy, clock=tk.clock
    )
