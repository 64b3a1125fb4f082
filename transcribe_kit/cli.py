"""``transcribe-kit``: the command line for the everyday Transcribe tasks.

::

    transcribe-kit jobs list [--status S] [--name-contains X] [--max N] [--json]
    transcribe-kit jobs get NAME [--json] [--show-links]
    transcribe-kit jobs wait NAME [--timeout S]
    transcribe-kit jobs delete NAME
    transcribe-kit transcript NAME_OR_URI [--format F] [--speakers] [--channel CH] [--redacted]
    transcribe-kit transcribe MEDIA [--language L] [--mode M] [--bucket B] [--format F] ...
    transcribe-kit batch MEDIA... [--max-running N] [--bucket B] [--format F] [--output-dir D]
    transcribe-kit vocabularies list [--json] | get NAME [--json] [--show-links]
    transcribe-kit local serve [--port N] [--transcript MEDIA=FILE] | register MEDIA FILE

``--region``, ``--profile`` and ``--endpoint-url`` (default
``AWS_ENDPOINT_URL_TRANSCRIBE``) say where to connect; ``--local`` uses the local server
that ``transcribe-kit local serve`` runs (found from the environment its ``export`` lines
set). Results go to stdout (``--json``: the shapes under their wire names, timestamps as
ISO 8601, presigned links without their query unless ``--show-links``). An error is one
line on stderr and an exit status of :data:`EXIT_STATUSES` (a traceback only with
``--verbose``).

This module builds the parser and maps errors to exit statuses; it imports nothing
beyond the standard library until a command runs, so that ``--help`` answers at once.
The commands are in ``transcribe_kit._cli_commands``.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

PROG: Final = "transcribe-kit"
FORMATS: Final = ("text", "turns", "srt", "vtt", "json")
#: The statuses of a transcription job (``TranscriptionJobStatus``), for ``--status``.
JOB_STATUSES: Final = ("QUEUED", "IN_PROGRESS", "FAILED", "COMPLETED")

EXIT_OK: Final = 0
EXIT_ERROR: Final = 1
EXIT_USAGE: Final = 2
EXIT_JOB_FAILED: Final = 3
EXIT_NOT_FOUND: Final = 4
EXIT_TIMEOUT: Final = 5
EXIT_UNREACHABLE: Final = 6
EXIT_INTERNAL: Final = 70
EXIT_INTERRUPTED: Final = 130
EXIT_BROKEN_PIPE: Final = 141

EXIT_STATUSES: Final[Mapping[int, str]] = {
    EXIT_OK: "done",
    EXIT_ERROR: "the service or a document refused what was asked (any error not below)",
    EXIT_USAGE: "bad arguments: the usage is printed, or the request was refused before "
    "it was sent",
    EXIT_JOB_FAILED: "a job FAILED (in a batch: one or more items did not complete)",
    EXIT_NOT_FOUND: "no such job, vocabulary or document",
    EXIT_TIMEOUT: "a wait ran out (--timeout, or no job slot in time)",
    EXIT_UNREACHABLE: "the service could not be reached or refused the credentials; no "
    "region, credentials or local server",
    EXIT_INTERNAL: "an unexpected error in transcribe-kit itself (--verbose shows where)",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
    EXIT_BROKEN_PIPE: "stdout was closed early (| head): the rest is dropped quietly",
}
"""Every exit status of ``transcribe-kit``, and what it means."""


class CommandError(Exception):
    """A command cannot do what was asked; its message is printed as is, with ``status``."""

    def __init__(self, message: str, status: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.status = status


# Arguments


def _number(convert: Callable[[str], float], text: str, what: str) -> float:
    try:
        value = convert(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not {what}: {text!r}") from None
    return value


def seconds(text: str) -> float:
    """A duration flag's value: a finite number of seconds, more than 0 (not NaN, not inf)."""
    value = _number(float, text, "a number of seconds")
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a finite number of seconds above 0: {text!r}")
    return value


def count(text: str) -> int:
    """A count flag's value: a whole number of 1 or more."""
    value = int(_number(int, text, "a whole number"))
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text!r}")
    return value


def _command(
    parent: Any, name: str, command: str, help: str, *, json_flag: bool = False
) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = parent.add_parser(name, help=help, description=help)
    parser.set_defaults(command=command)
    if json_flag:
        parser.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _links_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--show-links",
        action="store_true",
        help="print presigned links whole (by default their query, the signature, is hidden)",
    )


def _rendering_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="text", help="(default text)")
    parser.add_argument(
        "--speakers", action="store_true", help="name the speaker before each subtitle (srt, vtt)"
    )


def _job_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--language", default="en-US", help="language code (default en-US)")
    parser.add_argument("--bucket", help="S3 bucket to upload local files to for a job")
    parser.add_argument("--output-bucket", help="S3 bucket for the jobs' transcripts")
    parser.add_argument(
        "--max-speakers", type=count, metavar="N", help="label up to N speakers (2 to 30)"
    )
    _rendering_flags(parser)


def _epilog() -> str:
    lines = [f"  {status:>3}  {meaning}" for status, meaning in EXIT_STATUSES.items()]
    return "exit statuses:\n" + "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``transcribe-kit``."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Amazon Transcribe batch jobs and transcripts.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--region", help="AWS region (default: your AWS configuration)")
    parser.add_argument("--profile", help="AWS profile from your AWS configuration")
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="log retries to stderr, and print a traceback with an error",
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
        help="use the local server `transcribe-kit local serve` runs (its export lines, "
        "sourced, tell where), with dummy credentials",
    )
    areas = parser.add_subparsers(dest="area", required=True, metavar="COMMAND")

    jobs = areas.add_parser("jobs", help="transcription jobs").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    listing = _command(jobs, "list", "jobs_list", "list transcription jobs", json_flag=True)
    listing.add_argument(
        "--status", type=str.upper, choices=JOB_STATUSES, help="only jobs with this status"
    )
    listing.add_argument("--name-contains", help="only jobs whose name contains this")
    listing.add_argument("--max", type=count, help="list at most this many jobs")
    getting = _command(jobs, "get", "jobs_get", "show a transcription job", json_flag=True)
    getting.add_argument("name")
    _links_flag(getting)
    waiting = _command(jobs, "wait", "jobs_wait", "wait for a transcription job to complete")
    waiting.add_argument("name")
    waiting.add_argument(
        "--timeout", type=seconds, help="give up after this many seconds (default 6 h)"
    )
    _command(jobs, "delete", "jobs_delete", "delete a transcription job").add_argument("name")

    showing = _command(areas, "transcript", "transcript", "print the transcript of a job")
    showing.add_argument("job_or_uri", metavar="NAME_OR_URI", help="a job name or a document URI")
    _rendering_flags(showing)
    showing.add_argument(
        "--channel", metavar="CH", help="one channel's track only (ch_0, ch_1, ...)"
    )
    showing.add_argument("--redacted", action="store_true", help="the redacted transcript")

    running = _command(areas, "transcribe", "transcribe", "transcribe media and print the result")
    running.add_argument("media", metavar="MEDIA", help="an S3 URI or a local file")
    running.add_argument("--mode", choices=("auto", "sync", "job"), default="auto")
    running.add_argument("--job-name", help="name of the job, if one is started")
    running.add_argument(
        "--timeout", type=seconds, help="give up waiting for the job after this many seconds"
    )
    _job_flags(running)

    batch = _command(
        areas,
        "batch",
        "batch",
        "transcribe many files or S3 URIs with jobs, writing each result next to its source",
    )
    batch.add_argument("media", metavar="MEDIA", nargs="+", help="local files or s3:// URIs")
    batch.add_argument(
        "-j",
        "--max-running",
        type=count,
        default=10,
        metavar="N",
        help="run at most N jobs at once (default 10)",
    )
    batch.add_argument(
        "--output-dir", metavar="DIR", help="write every result into DIR instead of beside it"
    )
    batch.add_argument(
        "--job-prefix",
        default="transcribe-kit-",
        help="start of each job's name (default %(default)s)",
    )
    batch.add_argument(
        "--timeout",
        type=seconds,
        help="give up when no job finishes for this many seconds (default 6 h)",
    )
    _job_flags(batch)

    local = areas.add_parser(
        "local",
        help="run a local Transcribe + S3 until stopped (python -m transcribe_kit.local)",
        description="local serve [--port N] [--transcript MEDIA=FILE ...] | local register ...",
    )
    local.add_argument("local_args", nargs=argparse.REMAINDER, metavar="serve|register ...")

    vocabularies = areas.add_parser("vocabularies", help="custom vocabularies").add_subparsers(
        dest="action", required=True, metavar="ACTION"
    )
    _command(vocabularies, "list", "vocabularies_list", "list custom vocabularies", json_flag=True)
    getting = _command(
        vocabularies, "get", "vocabularies_get", "show a custom vocabulary", json_flag=True
    )
    getting.add_argument("name")
    _links_flag(getting)
    return parser


# Running


def _say(text: str) -> None:
    """One line on stderr, as every message of the command line is."""
    print(f"{PROG}: {text}", file=sys.stderr, flush=True)


def _quiet_stdout() -> None:
    """Point stdout at the null device, so that writing the rest of it cannot fail again."""
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, sys.stdout.fileno())
    finally:
        os.close(null)


def main(argv: Sequence[str] | None = None) -> int:
    """Runs ``transcribe-kit`` with ``argv`` (default: the process's); the exit status."""
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # bad arguments (2) or --help (0)
        return stop.code if isinstance(stop.code, int) else EXIT_USAGE
    if args.area == "local":  # a server of its own, no client
        from transcribe_kit.local import main as local_main

        return local_main(args.local_args)
    try:
        from transcribe_kit._cli_commands import run

        status = run(args)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        # The reader went away (| head): what is left to print is dropped, as a tool
        # killed by SIGPIPE drops it, without a traceback.
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    except Exception as error:
        from transcribe_kit._cli_commands import describe

        if args.verbose:
            import traceback

            traceback.print_exc()
        status, message = describe(error, args)
        _say(message)
        return status
