"""``python -m transcribe_kit.local``: a local Transcribe and S3 that runs until stopped.

``serve`` (the default) starts the local backend on ``127.0.0.1`` and prints the
``export`` lines that point the AWS SDKs, the AWS CLI and ``transcribe-kit`` at it, so
that a shell can use it across commands::

    python -m transcribe_kit.local --transcript meeting.wav=meeting.txt > local.env &
    . ./local.env    # then: transcribe-kit transcribe meeting.wav --bucket media ...

``--transcript MEDIA=FILE`` registers what jobs of ``MEDIA`` say: ``MEDIA`` is a local
file (matched by its content, however it is uploaded later) or an ``s3://`` URI; ``FILE``
is a result document (JSON) or the words spoken (text, one utterance per line,
``spk_1: ...`` to say who speaks). ``register`` does the same on a backend that runs.
Needs the ``local`` extra (``pip install 'transcribe-kit[local]'``).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from transcribe_kit.testing._local import control_command, transcript_command
from transcribe_kit.testing._script import DEFAULT_SECONDS

PROG = "python -m transcribe_kit.local"
#: The credentials the local backend accepts (it checks none).
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}


def environment(endpoint_url: str, region_name: str) -> dict[str, str]:
    """The environment variables that point AWS clients at the backend at ``endpoint_url``."""
    return {
        "AWS_ENDPOINT_URL": endpoint_url,
        "AWS_ENDPOINT_URL_TRANSCRIBE": endpoint_url,
        "AWS_ENDPOINT_URL_S3": endpoint_url,
        **CREDENTIALS,
        "AWS_DEFAULT_REGION": region_name,
        "AWS_REGION": region_name,
    }


def _exports(endpoint_url: str, region_name: str) -> str:
    return "".join(
        f"export {name}={value}\n" for name, value in environment(endpoint_url, region_name).items()
    )


def _media_and_file(text: str) -> tuple[str, Path]:
    media, separator, file = text.rpartition("=")
    if not separator or not media or not file:
        raise argparse.ArgumentTypeError(f"expected MEDIA=FILE, got {text!r}")
    return media, Path(file)


def _register(endpoint_url: str, media: str, file: Path) -> None:
    transcript = file.read_text(encoding="utf-8")
    target: str | Path = media if media.startswith("s3://") else Path(media)
    control_command(endpoint_url, "transcript", transcript_command(target, transcript))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    serve = commands.add_parser("serve", help="run the local backend until stopped (default)")
    serve.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: free)")
    serve.add_argument("--region", default="us-east-1", help="region it plays (us-east-1)")
    serve.add_argument(
        "--seconds",
        type=float,
        default=DEFAULT_SECONDS,
        help=f"how long a job takes (default {DEFAULT_SECONDS:g} s)",
    )
    serve.add_argument(
        "--transcript",
        type=_media_and_file,
        action="append",
        default=[],
        metavar="MEDIA=FILE",
        help="what jobs of MEDIA (a local file or an s3:// URI) say; repeatable",
    )
    register = commands.add_parser("register", help="register a transcript on a running backend")
    register.add_argument(
        "--endpoint-url",
        default=os.environ.get("AWS_ENDPOINT_URL_TRANSCRIBE") or os.environ.get("AWS_ENDPOINT_URL"),
        help="the backend (default: AWS_ENDPOINT_URL_TRANSCRIBE, AWS_ENDPOINT_URL)",
    )
    register.add_argument("media", metavar="MEDIA", help="a local file or an s3:// URI")
    register.add_argument("file", metavar="FILE", type=Path, help="a document or a text")
    return parser


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def serve(args: argparse.Namespace) -> int:
    """Run the backend until Ctrl-C or SIGTERM; the exit status."""
    from transcribe_kit.testing._server import BackendServer

    server = BackendServer(region_name=args.region, port=args.port, seconds=args.seconds)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        endpoint_url = server.start()
        for media, file in args.transcript:
            try:
                _register(endpoint_url, media, file)
            except (OSError, ValueError) as error:
                print(f"{PROG}: --transcript {media}={file}: {error}", file=sys.stderr)
                return 1
        sys.stdout.write(_exports(endpoint_url, args.region))
        sys.stdout.flush()
        print(f"{PROG}: serving at {endpoint_url}; Ctrl-C stops it", file=sys.stderr, flush=True)
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the command that ``argv`` names (default: the process's); the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if not arguments or (arguments[0].startswith("-") and arguments[0] not in ("-h", "--help")):
        arguments.insert(0, "serve")
    args = _parser().parse_args(arguments)
    if args.command == "serve":
        return serve(args)
    if not args.endpoint_url:
        print(f"{PROG}: give --endpoint-url (or set AWS_ENDPOINT_URL)", file=sys.stderr)
        return 2
    try:
        _register(args.endpoint_url, args.media, args.file)
    except (OSError, ValueError) as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
