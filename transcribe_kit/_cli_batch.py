"""``transcribe-kit batch``: many files or S3 URIs transcribed by jobs, results beside them.

Everything that can be checked before a job starts is (the media exist, local files have
a bucket to go to, no two results would land on one file, a first request passes the
model's rules), so a mistake costs no job. Then a :class:`~transcribe_kit.JobSubmitter`
starts the jobs at most ``--max-running`` at a time; a local file is uploaded when its
turn comes. Each transcript is written as it arrives: beside a local file, beside an S3
object in its bucket, or into ``--output-dir``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path, PurePosixPath
from typing import Any, Final

import attrs

from transcribe_kit._cli_commands import describe, job_settings, render
from transcribe_kit._cli_progress import BatchStatus, Display
from transcribe_kit._client import TranscribeClient
from transcribe_kit._kinds import TRANSCRIPTION_JOBS
from transcribe_kit._submit import JobSubmitter
from transcribe_kit._transcribe import _s3_call
from transcribe_kit._validation import validate
from transcribe_kit.cli import EXIT_JOB_FAILED, EXIT_USAGE, PROG, CommandError
from transcribe_kit.errors import TranscribeError
from transcribe_kit.shapes.common import Media
from transcribe_kit.shapes.transcription_jobs import StartTranscriptionJobRequest
from transcribe_kit.transcript._location import s3_object

#: The file name ending of each output format.
SUFFIXES: Final = {
    "text": ".txt",
    "turns": ".turns.txt",
    "srt": ".srt",
    "vtt": ".vtt",
    "json": ".json",
}
_CONTENT_TYPES: Final = {
    "text": "text/plain; charset=utf-8",
    "turns": "text/plain; charset=utf-8",
    "srt": "application/x-subrip; charset=utf-8",
    "vtt": "text/vtt; charset=utf-8",
    "json": "application/json",
}
#: Where local files are uploaded in ``--bucket``, each under a key of its own.
UPLOAD_PREFIX: Final = "transcribe-kit/"
_NOT_IN_A_JOB_NAME: Final = re.compile(r"[^0-9A-Za-z._-]+")
#: The most of a media file's name that goes into its job's name (the limit is 200).
_NAME_PART: Final = 120


@attrs.frozen(kw_only=True)
class Item:
    """One medium of the batch: where it is, and where its result goes."""

    source: str
    """As it was given."""
    path: Path | None = None
    """The local file, for a file."""
    uri: str | None = None
    """The S3 URI, for an object in S3."""
    output: str
    """The result's local path or S3 URI."""

    @property
    def stem(self) -> str:
        """The media's name without its ending."""
        return _stem(
            self.path.name if self.path is not None else PurePosixPath(self.uri or "").name
        )


def _stem(name: str) -> str:
    """``meeting`` of ``meeting.wav`` (and of ``meeting``; ``.hidden`` stays whole)."""
    return name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name


def plan(args: argparse.Namespace) -> list[Item]:
    """The items ``args`` names, checked; ``CommandError`` (usage) for what cannot work."""
    if args.speakers and args.format not in ("srt", "vtt"):
        raise CommandError(
            "--speakers: names speakers in subtitles (--format srt or vtt)", EXIT_USAGE
        )
    if _NOT_IN_A_JOB_NAME.search(args.job_prefix):
        raise CommandError(
            "--job-prefix: job names are letters, digits, '.', '_' and '-'", EXIT_USAGE
        )
    suffix = SUFFIXES[args.format]
    into = None if args.output_dir is None else Path(args.output_dir)
    items = []
    for source in args.media:
        if "://" not in source:
            path = Path(source)
            if not path.is_file():
                raise CommandError(f"MEDIA: no such file: {source}", EXIT_USAGE)
            result = _stem(path.name) + suffix
            output = str((path.parent if into is None else into) / result)
            items.append(Item(source=source, path=path, output=output))
            continue
        location = s3_object(source) if source.startswith("s3://") else None
        if location is None:
            raise CommandError(
                f"MEDIA: {source}: jobs read their media from S3: give s3:// URIs or local files",
                EXIT_USAGE,
            )
        key = PurePosixPath(location.key)
        result = _stem(key.name) + suffix
        output = (
            str(into / result)
            if into is not None
            else f"s3://{location.bucket}/{key.with_name(result)}"
        )
        items.append(Item(source=source, uri=source, output=output))
    if not args.bucket and any(item.path is not None for item in items):
        raise CommandError(
            "--bucket: jobs read their media from S3: give --bucket BUCKET to upload the "
            "local files to",
            EXIT_USAGE,
        )
    _refuse_collisions(items)
    return items


def _refuse_collisions(items: list[Item]) -> None:
    """No two results on one file, and no result on a medium."""
    sources = {str(item.path.resolve()) if item.path else item.uri for item in items}
    written: dict[str, str] = {}
    for item in items:
        target = str(Path(item.output).resolve()) if "://" not in item.output else item.output
        if target in sources:
            raise CommandError(
                f"MEDIA: the result of {item.source} would replace a medium ({item.output}); "
                "choose another --format or an --output-dir",
                EXIT_USAGE,
            )
        if target in written:
            raise CommandError(
                f"MEDIA: {written[target]} and {item.source} would both write "
                f"{item.output}; give them to separate batches or name them apart",
                EXIT_USAGE,
            )
        written[target] = item.source


def _request(name: str, media_uri: str, args: argparse.Namespace) -> StartTranscriptionJobRequest:
    return StartTranscriptionJobRequest(
        transcription_job_name=name,
        language_code=args.language,
        media=Media(media_file_uri=media_uri),
        settings=job_settings(args),
        output_bucket_name=args.output_bucket,
    )


def _job_name(prefix: str, item: Item) -> str:
    part = _NOT_IN_A_JOB_NAME.sub("-", item.stem)[:_NAME_PART].strip("-") or "media"
    return f"{prefix}{part}-{uuid.uuid4().hex[:8]}"


class _Batch:
    """One run of the batch command: its items, their jobs, and what is shown of them."""

    def __init__(self, tk: TranscribeClient, args: argparse.Namespace, io: Display) -> None:
        self.tk = tk
        self.args = args
        self.io = io
        self.items = plan(args)
        # A mistake in the flags (a language, a speaker count) fails here, before any job.
        validate(
            _request(_job_name(args.job_prefix, self.items[0]), "s3://bucket/media", args),
            TRANSCRIPTION_JOBS.operations.create,
        )
        self.status = BatchStatus(io, total=len(self.items))
        self.by_job: dict[str, Item] = {}

    async def run(self) -> int:
        submitter = JobSubmitter(
            self.tk,
            max_running=self.args.max_running,
            **({} if self.args.timeout is None else {"slot_timeout": self.args.timeout}),
        )
        async with self.status.ticking():
            self.status.update()
            outcomes = submitter.as_completed(
                self._requests(), fetch_transcripts=True, on_progress=self.status.update
            )
            async for outcome in outcomes:
                item = self.by_job[outcome.name]
                if outcome.error is not None:
                    self._failed(item, outcome.error)
                    continue
                assert outcome.transcript is not None
                try:
                    await self._write(item, outcome.transcript)
                except (TranscribeError, CommandError, OSError) as error:
                    self._failed(item, error)
                    continue
                place = self.status.finished(completed=True)
                self.io.out(item.output)
                if not self.io.live:
                    self.io.err(f"{PROG}: {place} {item.source}: completed")
        self.io.err(f"{PROG}: {self.status.summary()}")
        return 0 if self.status.failed == 0 else EXIT_JOB_FAILED

    def _failed(self, item: Item, error: BaseException) -> None:
        place = self.status.finished(completed=False)
        _, message = describe(error, self.args)
        self.io.err(f"{PROG}: {place} {item.source}: {message}")

    async def _requests(self) -> AsyncIterator[StartTranscriptionJobRequest]:
        """A request per item, each local file uploaded when its turn comes."""
        for item in self.items:
            name = _job_name(self.args.job_prefix, item)
            media_uri = item.uri
            if item.path is not None:
                key = f"{UPLOAD_PREFIX}{uuid.uuid4().hex}/{item.path.name}"
                try:
                    await self._upload(item.path, key)
                except (TranscribeError, OSError) as error:
                    self._failed(item, error)
                    continue
                media_uri = f"s3://{self.args.bucket}/{key}"
            assert media_uri is not None
            self.by_job[name] = item
            yield _request(name, media_uri, self.args)

    async def _upload(self, path: Path, key: str) -> None:
        bucket = self.args.bucket

        async def put(s3: Any) -> object:
            with path.open("rb") as body:
                return await s3.put_object(Bucket=bucket, Key=key, Body=body)

        await _s3_call(self.tk, "PutObject", put)

    async def _write(self, item: Item, document: Any) -> None:
        text = render(document, self.args.format, speakers=self.args.speakers)
        text = text if text.endswith("\n") else text + "\n"
        location = s3_object(item.output) if item.output.startswith("s3://") else None
        if location is None:
            await asyncio.to_thread(_write_file, Path(item.output), text)
            return
        content_type = _CONTENT_TYPES[self.args.format]
        await _s3_call(
            self.tk,
            "PutObject",
            lambda s3: s3.put_object(
                Bucket=location.bucket,
                Key=location.key,
                Body=text.encode(),
                ContentType=content_type,
            ),
        )


def _write_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (through a file beside it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        part.write_text(text, encoding="utf-8")
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


async def run_batch(tk: TranscribeClient, args: argparse.Namespace, io: Display) -> int:
    """Runs ``transcribe-kit batch``; its exit status (3 if any item did not complete)."""
    return await _Batch(tk, args, io).run()
