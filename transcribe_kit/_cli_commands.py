"""The commands of ``transcribe-kit``, and what each error means to the command line.

``transcribe_kit.cli`` parses the arguments and calls :func:`run`; this module opens the
client the global options describe, runs the command, and turns an error into an exit
status and one line (:func:`describe`), naming the flags a user gave rather than the
Python arguments behind them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import re
import sys
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Final, TypeVar
from urllib.parse import urlsplit

from botocore.exceptions import BotoCoreError, NoRegionError

from transcribe_kit._cli_progress import Display, DisplayHandler, is_terminal
from transcribe_kit._client import TranscribeClient
from transcribe_kit._kinds import TRANSCRIPTION_JOBS, VOCABULARIES, ResourceKind
from transcribe_kit._redact import redact_urls
from transcribe_kit._shape_dicts import to_dict
from transcribe_kit._transcribe_plan import TranscriptionJobOptions
from transcribe_kit.cli import (
    EXIT_ERROR,
    EXIT_INTERNAL,
    EXIT_JOB_FAILED,
    EXIT_NOT_FOUND,
    EXIT_TIMEOUT,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    PROG,
    CommandError,
)
from transcribe_kit.config import WaitPolicy
from transcribe_kit.errors import (
    AccessDeniedError,
    JobSlotTimeoutError,
    NotFoundError,
    RequestValidationError,
    ResourceFailedError,
    TranscribeError,
    TransportError,
    WaitTimeoutError,
)
from transcribe_kit.shapes.enums import TranscriptionJobStatus
from transcribe_kit.shapes.transcription_jobs import (
    DeleteTranscriptionJobRequest,
    GetTranscriptionJobRequest,
    Settings,
    TranscriptionJob,
)
from transcribe_kit.shapes.vocabularies import GetVocabularyRequest
from transcribe_kit.transcript import CaptionOptions, document_to_dict
from transcribe_kit.transcript._call_analytics import CallAnalyticsTranscript
from transcribe_kit.transcript._document import ResultDocument, Transcript
from transcribe_kit.transcript._medical_scribe import MedicalScribeTranscript

T = TypeVar("T")
Command = Callable[[TranscribeClient, argparse.Namespace, Display], Awaitable[int]]

#: The flag (or argument) that sets each member of a request the commands build.
FLAGS: Final[Mapping[str, str]] = {
    "job.bucket": "--bucket",
    "job.job_name": "--job-name",
    "job.output_bucket_name": "--output-bucket",
    "output_bucket_name": "--output-bucket",
    "transcription_job_name": "--job-name",
    "language_code": "--language",
    "language_options": "--language",
    "media": "MEDIA",
    "mode": "--mode",
    "settings.max_speaker_labels": "--max-speakers",
    "settings.show_speaker_labels": "--max-speakers",
    # Settings checked on their own, before a request holds them.
    "max_speaker_labels": "--max-speakers",
    "show_speaker_labels": "--max-speakers",
}
# A Python argument named in a rule's text: TranscriptionJobOptions(bucket=...).
_PYTHON_ARGUMENT: Final = re.compile(r"\b\w+\((\w+)=\.\.\.\)")
# A member named in a rule's text: a dotted or snake_case name.
_MEMBER: Final = re.compile(r"\b[a-z]+(?:[._][a-z]+)+\b")
#: The path of the local backend's control API (see the testing guide).
LOCAL_CONTROL_PATH: Final = "/_transcribe_kit/"
LOCAL_HOSTS: Final = frozenset({"127.0.0.1", "localhost", "::1"})
#: The credentials a local server is given (it checks none): never the user's own.
LOCAL_CREDENTIALS: Final = "testing"
HOW_TO_RUN_LOCAL: Final = (
    "start one with `transcribe-kit local serve > local.env &`, then `. ./local.env`"
)


# Errors


def _flag(field: str) -> str:
    return FLAGS.get(field, field)


def in_flags(rule: str) -> str:
    """A rule of the library as the command line says it: flags instead of Python names."""

    def python_argument(match: re.Match[str]) -> str:
        name = match[1]
        flag = FLAGS.get(f"job.{name}", FLAGS.get(name, f"--{name.replace('_', '-')}"))
        return f"{flag} {name.upper()}"

    rule = _PYTHON_ARGUMENT.sub(python_argument, rule)
    return _MEMBER.sub(lambda match: FLAGS.get(match[0], match[0]), rule)


def describe(error: BaseException, args: argparse.Namespace) -> tuple[int, str]:
    """The exit status and the one line (URLs' queries redacted) that ``error`` ends with."""
    status, message = _status_and_message(error)
    return status, " ".join(redact_urls(message).split())


def _status_and_message(error: BaseException) -> tuple[int, str]:
    if isinstance(error, CommandError):
        return error.status, str(error)
    if isinstance(error, RequestValidationError):
        return EXIT_USAGE, "; ".join(f"{_flag(f)}: {in_flags(rule)}" for f, rule in error.errors)
    if isinstance(error, ResourceFailedError):
        return EXIT_JOB_FAILED, str(error)
    if isinstance(error, NotFoundError):
        return EXIT_NOT_FOUND, str(error)
    if isinstance(error, (WaitTimeoutError, JobSlotTimeoutError)):
        return EXIT_TIMEOUT, str(error)
    if isinstance(error, (TransportError, AccessDeniedError)):
        return EXIT_UNREACHABLE, str(error)
    if isinstance(error, TranscribeError):
        return EXIT_ERROR, str(error)
    if isinstance(error, NoRegionError):
        return EXIT_UNREACHABLE, f"{error} Give --region, or set AWS_REGION."
    if isinstance(error, BotoCoreError):
        # What botocore raises before sending: no credentials, an unknown profile, ...
        return EXIT_UNREACHABLE, str(error)
    return EXIT_INTERNAL, f"unexpected {type(error).__name__}: {error} (--verbose shows where)"


# Output


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _hide_links(data: object) -> object:
    """``data`` with the query of every URL in it redacted (a presigned link's signature)."""
    if isinstance(data, str):
        return redact_urls(data)
    if isinstance(data, dict):
        return {key: _hide_links(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_hide_links(value) for value in data]
    return data


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False, default=_json_default)


def _time(value: datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value is not None else "-"


def _print_listing(
    io: Display,
    items: Sequence[T],
    *,
    as_json: bool,
    header: Sequence[str],
    row: Callable[[T], Sequence[str]],
) -> None:
    """``items`` as a JSON list of shapes, or as a table under ``header``."""
    if as_json:
        io.out(_json([to_dict(item) for item in items]))
        return
    if not items:
        return
    rows = [header, *(row(item) for item in items)]
    widths = [max(len(cell) for cell in column) for column in zip(*rows, strict=True)]
    for cells in rows:
        line = "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
        io.out(line.rstrip())


#: The columns a listing of each kind shows after its name: status, then a time member.
_LISTED: Final[Mapping[str, tuple[str, str, str]]] = {
    TRANSCRIPTION_JOBS.noun: ("STATUS", "CREATED", "creation_time"),
    VOCABULARIES.noun: ("STATE", "MODIFIED", "last_modified_time"),
}


def _print_resources(
    io: Display, kind: ResourceKind[Any, Any], items: Sequence[Any], *, as_json: bool
) -> None:
    """Summaries of ``kind``: name, status, language and a time, as a table or JSON."""
    status, label, member = _LISTED[kind.noun]
    _print_listing(
        io,
        items,
        as_json=as_json,
        header=("NAME", status, "LANGUAGE", label),
        row=lambda item: (
            kind.name_of(item) or "-",
            kind.status_of(item) or "-",
            item.language_code or "-",
            _time(getattr(item, member)),
        ),
    )


def _print_resource(
    io: Display, resource: object, args: argparse.Namespace, fields: Mapping[str, object]
) -> None:
    """``resource`` as a JSON shape, or as ``label: value`` lines of the ``fields`` it has.

    Links keep their query (a presigned link's signature) only with ``--show-links``.
    """
    shown: Callable[[Any], Any] = (lambda data: data) if args.show_links else _hide_links
    if args.json:
        io.out(_json(shown(to_dict(resource))))
        return
    for label, value in fields.items():
        if value:
            io.out(f"{label}: {_time(value) if isinstance(value, datetime) else shown(value)}")


def render(
    document: ResultDocument, form: str, *, speakers: bool = False, channel: str | None = None
) -> str:
    """``document`` in the output format ``form``; ``speakers`` and ``channel`` as the flags."""
    if speakers and form not in ("srt", "vtt"):
        raise CommandError(
            "--speakers: names speakers in subtitles (--format srt or vtt)", EXIT_USAGE
        )
    if form == "json" and channel is None:
        return json.dumps(document_to_dict(document), indent=2, ensure_ascii=False)
    text_only = (CallAnalyticsTranscript, MedicalScribeTranscript)
    if form == "text" and channel is None and isinstance(document, text_only):
        return document.text
    if not isinstance(document, Transcript):
        raise CommandError(f"a {type(document).__name__} has no {form} view; try --format json")
    if channel is not None:
        if form == "json":
            raise CommandError("--channel: gives a track in text, turns, srt or vtt", EXIT_USAGE)
        if channel not in document.channels:
            has = ", ".join(document.channels) or "none: no channel identification"
            raise CommandError(
                f"--channel: the transcript has no {channel} (channels: {has})", EXIT_USAGE
            )
    if form == "text":
        return document.channel_texts()[channel] if channel else document.text
    if form == "turns":
        return "\n".join(
            f"{turn.speaker or turn.channel or '-'} "
            f"{turn.start_time:.2f}-{turn.end_time:.2f}: {turn.text}"
            for turn in document.speaker_turns(channel)
        )
    options = CaptionOptions(speakers=speakers)
    return document.to_srt(options, channel) if form == "srt" else document.to_vtt(options, channel)


# Commands


async def jobs_list(tk: TranscribeClient, args: argparse.Namespace, io: Display) -> int:
    """Lists transcription jobs through the paginator."""
    jobs = [
        job
        async for job in tk.paginate_transcription_jobs(
            status=TranscriptionJobStatus(args.status) if args.status else None,
            job_name_contains=args.name_contains,
            max_items=args.max,
        )
    ]
    _print_resources(io, TRANSCRIPTION_JOBS, jobs, as_json=args.json)
    return 0


async def _get_job(tk: TranscribeClient, name: str) -> TranscriptionJob:
    response = await tk.get_transcription_job(
        GetTranscriptionJobRequest(transcription_job_name=name)
    )
    if response.transcription_job is None:
        raise CommandError(f"GetTranscriptionJob answered without the job {name!r}")
    return response.transcription_job


async def jobs_get(tk: TranscribeClient, args: argparse.Namespace, io: Display) -> int:
    """Shows one transcription job."""
    job = await _get_job(tk, args.name)
    location = job.transcript
    fields = {
        "name": job.transcription_job_name,
        "status": job.transcription_job_status,
        "language": job.language_code,
        "media": job.media.media_file_uri if job.media else None,
        "created": job.creation_time,
        "started": job.start_time,
        "completed": job.completion_time,
        "failure reason": job.failure_reason,
        "transcript": location and location.transcript_file_uri,
        "redacted transcript": location and location.redacted_transcript_file_uri,
    }
    _print_resource(io, job, args, fields)
    return 0


async def jobs_wait(tk: TranscribeClient, args: argparse.Namespace, io: Display) -> int:
    """Waits for a transcription job to complete, printing each status it reaches."""
    policy = WaitPolicy(timeout=args.timeout) if args.timeout is not None else None
    # Statuses are printed from on_change, which sees FAILED too (iterating would not).
    await tk.wait_for_transcription_job(
        args.name, policy=policy, on_change=lambda job: io.out(_status_line(job))
    )
    return 0


def _status_line(job: TranscriptionJob) -> str:
    return f"{job.transcription_job_name}: {job.transcription_job_status or '-'}"


async def jobs_delete(tk: TranscribeClient, args: argparse.Namespace, io: Display) -> int:
    """Deletes a transcription job."""
    await tk.delete_transcription_job(
        DeleteTranscriptionJobRequest(transcription_job_name=args.name)
    )
    io.out(f"deleted {args.name}")
    return 0


async def transcript(tk: TranscribeClient, args: argparse.Namespace, io: Display) -> int:
    """Prints the transcript of a completed job, or the result document at a URI."""
    source: TranscriptionJob | str = (
        args.job_or_uri if "://" in args.job_or_uri else await _get_job(tk, args.job_or_uri)
    )
    document = await tk.fetch_transcript(source, redacted=args.redacted)
    io.out(render(document, args.format, speakers=args.speakers, channel=args.channel))
    return 0


def job_settings(args: argparse.Namespace) -> Settings | None:
    """The job settings the flags ask for (``--max-speakers``)."""
    if args.max_speakers is None:
        return None
    return Settings(show_speaker_labels=True, max_speaker_labels=args.max_speakers)


async def transcribe(tk: TranscribeClient, args: argparse.Namespace, io: Display) -> int:
    """Transcribes media (an S3 URI or a local file) and prints its transcript."""
    job = TranscriptionJobOptions(
        bucket=args.bucket, job_name=args.job_name, output_bucket_name=args.output_bucket
    )
    result = await tk.transcribe(
        args.media,
        language_code=args.language,
        settings=job_settings(args),
        mode=args.mode,
        job=job,
        wait_policy=WaitPolicy(timeout=args.timeout) if args.timeout is not None else None,
        # Progress goes to stderr, so that stdout holds the transcript alone.
        on_change=lambda job: io.err(_status_line(job)),
    )
    io.out(render(result.transcript, args.format, speakers=args.speakers))
    return 0


async def vocabularies_list(tk: TranscribeClient, args: argparse.Namespace, io: Display) -> int:
    """Lists custom vocabularies through the paginator."""
    vocabularies = [vocabulary async for vocabulary in tk.paginate_vocabularies()]
    _print_resources(io, VOCABULARIES, vocabularies, as_json=args.json)
    return 0


async def vocabularies_get(tk: TranscribeClient, args: argparse.Namespace, io: Display) -> int:
    """Shows one custom vocabulary."""
    vocabulary = await tk.get_vocabulary(GetVocabularyRequest(vocabulary_name=args.name))
    fields = {
        "name": vocabulary.vocabulary_name,
        "state": vocabulary.vocabulary_state,
        "language": vocabulary.language_code,
        "modified": vocabulary.last_modified_time,
        "failure reason": vocabulary.failure_reason,
        "download": vocabulary.download_uri,
    }
    _print_resource(io, vocabulary, args, fields)
    return 0


async def batch(tk: TranscribeClient, args: argparse.Namespace, io: Display) -> int:
    """Transcribes many files or URIs (see ``transcribe_kit._cli_batch``)."""
    from transcribe_kit._cli_batch import run_batch

    return await run_batch(tk, args, io)


COMMANDS: Final[Mapping[str, Command]] = {
    "jobs_list": jobs_list,
    "jobs_get": jobs_get,
    "jobs_wait": jobs_wait,
    "jobs_delete": jobs_delete,
    "transcript": transcript,
    "transcribe": transcribe,
    "batch": batch,
    "vocabularies_list": vocabularies_list,
    "vocabularies_get": vocabularies_get,
}


# Running


def _probe_local(endpoint_url: str) -> None:
    """Raise unless a local backend answers its control API at ``endpoint_url``."""
    request = urllib.request.Request(
        endpoint_url.rstrip("/") + LOCAL_CONTROL_PATH + "clock",
        data=b"{}",
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        json.loads(answer.read())


async def _local_endpoint() -> str:
    """The local server's URL, from the environment its ``export`` lines set."""
    url = os.environ.get("AWS_ENDPOINT_URL_TRANSCRIBE") or os.environ.get("AWS_ENDPOINT_URL")
    if not url:
        raise CommandError(
            f"--local: AWS_ENDPOINT_URL_TRANSCRIBE names no local server: {HOW_TO_RUN_LOCAL}",
            EXIT_UNREACHABLE,
        )
    if urlsplit(url).hostname not in LOCAL_HOSTS:
        raise CommandError(
            f"--local: AWS_ENDPOINT_URL_TRANSCRIBE is {url}, not a local server on this "
            f"machine: {HOW_TO_RUN_LOCAL}",
            EXIT_UNREACHABLE,
        )
    try:
        await asyncio.to_thread(_probe_local, url)
    except (OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise CommandError(
            f"--local: no local server answers at {url} ({reason}): {HOW_TO_RUN_LOCAL}",
            EXIT_UNREACHABLE,
        ) from error
    return url


@contextlib.asynccontextmanager
async def open_client(args: argparse.Namespace) -> AsyncIterator[TranscribeClient]:
    """The client the global options describe: AWS, an endpoint, or the local server."""
    if not args.local:
        async with TranscribeClient(
            region_name=args.region, profile_name=args.profile, endpoint_url=args.endpoint_url
        ) as tk:
            yield tk
        return
    endpoint_url = await _local_endpoint()
    region = (
        args.region
        or os.environ.get("AWS_REGION")
        or os.environ.get("AWS_DEFAULT_REGION")
        or "us-east-1"
    )
    async with TranscribeClient(
        endpoint_url=endpoint_url,
        region_name=region,
        aws_access_key_id=LOCAL_CREDENTIALS,
        aws_secret_access_key=LOCAL_CREDENTIALS,
    ) as tk:
        yield tk


async def _run(args: argparse.Namespace, io: Display) -> int:
    command = COMMANDS[args.command]
    async with open_client(args) as tk:
        return await command(tk, args, io)


@contextlib.contextmanager
def _logging_to(io: Display, *, verbose: bool) -> Iterator[None]:
    """Log to stderr for the command's duration: retries only when ``verbose``.

    The error that ends a command is printed anyway; the local backend's server logs only
    its own failures. The loggers are left as they were found afterwards.
    """
    handler = DisplayHandler(io)
    handler.setFormatter(logging.Formatter(f"{PROG}: %(message)s"))
    ours, server = logging.getLogger("transcribe_kit"), logging.getLogger("werkzeug")
    saved = (ours.level, ours.propagate, server.level)
    ours.addHandler(handler)
    ours.setLevel(logging.INFO if verbose else logging.ERROR)
    ours.propagate = False
    server.setLevel(logging.INFO if verbose else logging.CRITICAL)
    try:
        yield
    finally:
        ours.removeHandler(handler)
        ours.setLevel(saved[0])
        ours.propagate = saved[1]
        server.setLevel(saved[2])


def run(args: argparse.Namespace) -> int:
    """Runs the command ``args`` names, with a client open for it; its exit status."""
    live = args.command == "batch" and is_terminal(sys.stderr)
    io = Display(sys.stdout, sys.stderr, live=live)
    with _logging_to(io, verbose=args.verbose):
        return asyncio.run(_run(args, io))
