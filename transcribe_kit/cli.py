"""``transcribe-kit``: the command line for the everyday Transcribe tasks.

::

    transcribe-kit jobs list [--status S] [--name-contains X] [--max N] [--json]
    transcribe-kit jobs get NAME [--json]
    transcribe-kit jobs wait NAME [--timeout S]
    transcribe-kit jobs delete NAME
    transcribe-kit transcript NAME_OR_URI [--format F] [--redacted]
    transcribe-kit transcribe MEDIA [--language L] [--mode M] [--bucket B] [--format F]
    transcribe-kit vocabularies list [--json] | get NAME [--json]
    transcribe-kit local serve [--port N] [--transcript MEDIA=FILE] | register MEDIA FILE

``--region``, ``--profile`` and ``--endpoint-url`` (default
``AWS_ENDPOINT_URL_TRANSCRIBE``) say where to connect; ``--local`` starts a local backend
for the duration of the command instead. Results go to stdout (``--json``: the shapes
under their wire names, timestamps as ISO 8601). A :class:`~transcribe_kit.TranscribeError`
prints one line on stderr and exits 1; bad arguments exit 2.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import importlib.util
import json
import logging
import os
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Final, TextIO, TypeVar

from botocore.exceptions import BotoCoreError

from transcribe_kit import (
    CallAnalyticsTranscript,
    DeleteTranscriptionJobRequest,
    GetTranscriptionJobRequest,
    GetVocabularyRequest,
    MedicalScribeTranscript,
    ResultDocument,
    TranscribeClient,
    TranscribeError,
    Transcript,
    TranscriptionJob,
    TranscriptionJobOptions,
    TranscriptionJobStatus,
    WaitPolicy,
    to_dict,
)
from transcribe_kit._kinds import TRANSCRIPTION_JOBS, VOCABULARIES, ResourceKind
from transcribe_kit.retry import redact_urls
from transcribe_kit.transcript import document_to_dict

PROG = "transcribe-kit"
FORMATS = ("text", "turns", "srt", "vtt", "json")

T = TypeVar("T")
Command = Callable[[TranscribeClient, argparse.Namespace], Awaitable[int]]


class CommandError(Exception):
    """A command cannot do what was asked; its message is printed as is."""


# Output


def _json_default(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _print_json(data: object) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=_json_default))


def _write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _time(value: datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value is not None else "-"


def _print_listing(
    items: Sequence[T], *, as_json: bool, header: Sequence[str], row: Callable[[T], Sequence[str]]
) -> None:
    """``items`` as a JSON list of shapes, or as a table under ``header``."""
    if as_json:
        _print_json([to_dict(item) for item in items])
        return
    if not items:
        return
    rows = [header, *(row(item) for item in items)]
    widths = [max(len(cell) for cell in column) for column in zip(*rows, strict=True)]
    for cells in rows:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()
        )


#: The columns a listing of each kind shows after its name: status, then a time member.
_LISTED: Final[Mapping[str, tuple[str, str, str]]] = {
    TRANSCRIPTION_JOBS.noun: ("STATUS", "CREATED", "creation_time"),
    VOCABULARIES.noun: ("STATE", "MODIFIED", "last_modified_time"),
}


def _print_resources(kind: ResourceKind[Any, Any], items: Sequence[Any], *, as_json: bool) -> None:
    """Summaries of ``kind``: name, status, language and a time, as a table or JSON."""
    status, label, member = _LISTED[kind.noun]
    _print_listing(
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


def _print_resource(resource: object, *, as_json: bool, fields: Mapping[str, object]) -> None:
    """``resource`` as a JSON shape, or as ``label: value`` lines of the ``fields`` it has."""
    if as_json:
        _print_json(to_dict(resource))
        return
    for label, value in fields.items():
        if value:
            print(f"{label}: {_time(value) if isinstance(value, datetime) else value}")


def _status_printer(stream: TextIO | None = None) -> Callable[[TranscriptionJob], None]:
    def show(job: TranscriptionJob) -> None:
        status = job.transcription_job_status or "-"
        print(f"{job.transcription_job_name}: {status}", file=stream or sys.stdout, flush=True)

    return show


def render(document: ResultDocument, form: str) -> str:
    """``document`` in the output format ``form`` (one of :data:`FORMATS`)."""
    if form == "json":
        return json.dumps(document_to_dict(document), indent=2, ensure_ascii=False)
    if form == "text" and isinstance(
        document, (Transcript, CallAnalyticsTranscript, MedicalScribeTranscript)
    ):
        return document.text
    if not isinstance(document, Transcript):
        raise CommandError(f"a {type(document).__name__} has no {form} view; try --format json")
    if form == "turns":
        return "\n".join(
            f"{turn.speaker or turn.channel or '-'} "
            f"{turn.start_time:.2f}-{turn.end_time:.2f}: {turn.text}"
            for turn in document.speaker_turns()
        )
    return document.to_srt() if form == "srt" else document.to_vtt()


# Commands


async def jobs_list(tk: TranscribeClient, args: argparse.Namespace) -> int:
    """Lists transcription jobs through the paginator."""
    jobs = [
        job
        async for job in tk.paginate_transcription_jobs(
            status=TranscriptionJobStatus(args.status) if args.status else None,
            job_name_contains=args.name_contains,
            max_items=args.max,
        )
    ]
    _print_resources(TRANSCRIPTION_JOBS, jobs, as_json=args.json)
    return 0


async def _get_job(tk: TranscribeClient, name: str) -> TranscriptionJob:
    response = await tk.get_transcription_job(
        GetTranscriptionJobRequest(transcription_job_name=name)
    )
    if response.transcription_job is None:
        raise CommandError(f"GetTranscriptionJob answered without the job {name!r}")
    return response.transcription_job


async def jobs_get(tk: TranscribeClient, args: argparse.Namespace) -> int:
    """Shows one transcription job."""
    job = await _get_job(tk, args.name)
    transcript_uri = job.transcript.transcript_file_uri if job.transcript else None
    fields = {
        "name": job.transcription_job_name,
        "status": job.transcription_job_status,
        "language": job.language_code,
        "media": job.media.media_file_uri if job.media else None,
        "created": job.creation_time,
        "started": job.start_time,
        "completed": job.completion_time,
        "failure reason": job.failure_reason,
        # A link to the service's bucket is presigned: its signature stays off the screen.
        "transcript": transcript_uri and redact_urls(transcript_uri),
    }
    _print_resource(job, as_json=args.json, fields=fields)
    return 0


async def jobs_wait(tk: TranscribeClient, args: argparse.Namespace) -> int:
    """Waits for a transcription job to complete, printing each status it reaches."""
    policy = WaitPolicy(timeout=args.timeout) if args.timeout is not None else None
    # Statuses are printed from on_change, which sees FAILED too (iterating would not).
    await tk.wait_for_transcription_job(args.name, policy=policy, on_change=_status_printer())
    return 0


async def jobs_delete(tk: TranscribeClient, args: argparse.Namespace) -> int:
    """Deletes a transcription job."""
    await tk.delete_transcription_job(
        DeleteTranscriptionJobRequest(transcription_job_name=args.name)
    )
    print(f"deleted {args.name}")
    return 0


async def transcript(tk: TranscribeClient, args: argparse.Namespace) -> int:
    """Prints the transcript of a completed job, or the result document at a URI."""
    source: TranscriptionJob | str = (
        args.job_or_uri if "://" in args.job_or_uri else await _get_job(tk, args.job_or_uri)
    )
    document = await tk.fetch_transcript(source, redacted=args.redacted)
    _write(render(document, args.format))
    return 0


async def transcribe(tk: TranscribeClient, args: argparse.Namespace) -> int:
    """Transcribes media (an S3 URI or a local file) and prints its transcript."""
    job = TranscriptionJobOptions(
        bucket=args.bucket, job_name=args.job_name, output_bucket_name=args.output_bucket
    )
    result = await tk.transcribe(
        args.media,
        language_code=args.language,
        mode=args.mode,
        job=job,
        # Progress goes to stderr, so that stdout holds the transcript alone.
        on_change=_status_printer(sys.stderr),
    )
    _write(render(result.transcript, args.format))
    return 0


async def vocabularies_list(tk: TranscribeClient, args: argparse.Namespace) -> int:
    """Lists custom vocabularies through the paginator."""
    vocabularies = [vocabulary async for vocabulary in tk.paginate_vocabularies()]
    _print_resources(VOCABULARIES, vocabularies, as_json=args.json)
    return 0


async def vocabularies_get(tk: TranscribeClient, args: argparse.Namespace) -> int:
    """Shows one custom vocabulary."""
    vocabulary = await tk.get_vocabulary(GetVocabularyRequest(vocabulary_name=args.name))
    fields = {
        "name": vocabulary.vocabulary_name,
        "state": vocabulary.vocabulary_state,
        "language": vocabulary.language_code,
        "modified": vocabulary.last_modified_time,
        "failure reason": vocabulary.failure_reason,
    }
    _print_resource(vocabulary, as_json=args.json, fields=fields)
    return 0


# Arguments


def _positive(convert: Callable[[str], float]) -> Callable[[str], Any]:
    def parse(text: str) -> float:
        try:
            value = convert(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be positive: {text!r}")
        return value

    return parse


def _command(
    parent: Any, name: str, command: Command, help: str, *, json_flag: bool = False
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = parent.add_parser(name, help=help, description=help)
    parser.set_defaults(command=command)
    if json_flag:
        parser.add_argument("--json", action="store_true", help="print JSON")
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``transcribe-kit``."""
    parser = argparse.ArgumentParser(
        prog=PROG, description="Amazon Transcribe batch jobs and transcripts."
    )
    parser.add_argument("--region", help="AWS region (default: your AWS configuration)")
    parser.add_argument("--profile", help="AWS profile from your AWS configuration")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log retries and other warnings to stderr"
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--endpoint-url",
        default=os.environ.get("AWS_ENDPOINT_URL_TRANSCRIBE"),
        help="Transcribe endpoint (default: AWS_ENDPOINT_URL_TRANSCRIBE)",
    )
    where.add_argument(
        "--local",
        action="store_true",
        help="start a local backend (moto) for this command; needs transcribe-kit[local]",
    )
    areas = parser.add_subparsers(dest="area", required=True, metavar="COMMAND")

    jobs = areas.add_parser("jobs", help="transcription jobs").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    listing = _command(jobs, "list", jobs_list, "list transcription jobs", json_flag=True)
    listing.add_argument(
        "--status",
        type=str.upper,
        choices=[status.value for status in TranscriptionJobStatus],
        help="only jobs with this status",
    )
    listing.add_argument("--name-contains", help="only jobs whose name contains this")
    listing.add_argument("--max", type=_positive(int), help="list at most this many jobs")
    _command(jobs, "get", jobs_get, "show a transcription job", json_flag=True).add_argument("name")
    waiting = _command(jobs, "wait", jobs_wait, "wait for a transcription job to complete")
    waiting.add_argument("name")
    waiting.add_argument(
        "--timeout", type=_positive(float), help="give up after this many seconds (default 6 h)"
    )
    _command(jobs, "delete", jobs_delete, "delete a transcription job").add_argument("name")

    showing = _command(areas, "transcript", transcript, "print the transcript of a job")
    showing.add_argument("job_or_uri", metavar="NAME_OR_URI", help="a job name or a document URI")
    showing.add_argument("--format", choices=FORMATS, default="text")
    showing.add_argument("--redacted", action="store_true", help="the redacted transcript")

    running = _command(areas, "transcribe", transcribe, "transcribe media and print the result")
    running.add_argument("media", metavar="MEDIA", help="an S3 URI or a local file")
    running.add_argument("--language", default="en-US", help="language code (default en-US)")
    running.add_argument("--mode", choices=("auto", "sync", "job"), default="auto")
    running.add_argument("--bucket", help="S3 bucket to upload a local file to for a job")
    running.add_argument("--job-name", help="name of the job, if one is started")
    running.add_argument("--output-bucket", help="S3 bucket for the job's transcript")
    running.add_argument("--format", choices=FORMATS, default="text")

    local = areas.add_parser(
        "local",
        help="run a local Transcribe + S3 until stopped (python -m transcribe_kit.local)",
        description="local serve [--port N] [--transcript MEDIA=FILE ...] | local register ...",
    )
    local.add_argument("local_args", nargs=argparse.REMAINDER, metavar="serve|register ...")

    vocabularies = areas.add_parser("vocabularies", help="custom vocabularies").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    _command(vocabularies, "list", vocabularies_list, "list custom vocabularies", json_flag=True)
    _command(
        vocabularies, "get", vocabularies_get, "show a custom vocabulary", json_flag=True
    ).add_argument("name")
    return parser


# Running


@contextlib.asynccontextmanager
async def open_client(args: argparse.Namespace) -> AsyncIterator[TranscribeClient]:
    """The client the global options describe, with its local backend if ``--local``."""
    if not args.local:
        async with TranscribeClient(
            region_name=args.region, profile_name=args.profile, endpoint_url=args.endpoint_url
        ) as tk:
            yield tk
        return
    if importlib.util.find_spec("moto") is None:
        raise CommandError("--local needs the local backend: pip install 'transcribe-kit[local]'")
    from transcribe_kit.testing import LocalBackend

    with LocalBackend(region_name=args.region or "us-east-1") as backend:
        async with backend.client() as tk:
            yield tk


async def run(args: argparse.Namespace) -> int:
    """Runs the command that ``args`` names, with a client open for it."""
    command: Command = args.command
    async with open_client(args) as tk:
        return await command(tk, args)


@contextlib.contextmanager
def _logging_to_stderr(*, verbose: bool) -> Iterator[None]:
    """Log to stderr for the command's duration: retries only when ``verbose``.

    The error that ends a command is printed anyway; the local backend's server logs only
    its own failures. The loggers are left as they were found afterwards.
    """
    handler = logging.StreamHandler(sys.stderr)
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


def main(argv: Sequence[str] | None = None) -> int:
    """Runs ``transcribe-kit`` with ``argv`` (default: the process's); the exit status."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # bad arguments (2) or --help (0)
        return stop.code if isinstance(stop.code, int) else 2
    if args.area == "local":  # a server of its own, no client
        from transcribe_kit.local import main as local_main

        return local_main(args.local_args)
    try:
        with _logging_to_stderr(verbose=args.verbose):
            return asyncio.run(run(args))
    except (TranscribeError, CommandError, BotoCoreError) as error:
        # One line, and never a presigned link's signature.
        message = " ".join(redact_urls(str(error)).split())
        print(f"{PROG}: {message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
