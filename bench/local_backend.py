"""What many jobs cost the local backend: starting, completing, listing and fetching them.

Run: ``.venv/bin/python -m bench.local_backend`` (``--jobs 1000 10000``,
``--event-jobs 1000``, ``--baseline DIR``).

Each size runs in a fresh process with a fresh :class:`~transcribe_kit.testing.LocalBackend`
whose clock is frozen. Each job's media is put into one bucket first (where the backend
looks for a transcript beside each); then ``--jobs`` transcription jobs are started
through a :class:`~transcribe_kit.TranscribeClient` (16 at a time, rate limits off, the
job limit raised above their number); then the clock is advanced past their end, and the time that
call takes is the backend completing them: every job COMPLETED, its documents where the
job says they are. Then every job is listed (pages of 100, status COMPLETED) and 100
transcripts are fetched (a Get and the document each). Figures are jobs per wall second
(transcripts per second for "fetch"), client and backend sharing the machine's cores.

"complete + events" does the same with ``ensure_job_events`` wired first, and checks that
the queue holds one event per job after the advance. It runs for the sizes in
``--event-jobs`` only: with nobody receiving, moto's SQS costs each message sent time in
proportion to the messages already queued, so the figure says more about moto than
about the backend past a thousand.

With ``--baseline DIR`` (a tree of another revision, e.g. ``mkdir /tmp/base && git
archive main | tar -x -C /tmp/base``) each size runs against that tree as well, the same
way, and the table shows both side by side with their ratio (above 1: faster now).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Final

#: The transcripts fetched after the listing (a Get and the document each).
FETCHED: Final = 100
#: Jobs started at once.
CONCURRENCY: Final = 16
PREFIX: Final = "bench-"
MEDIA_BUCKET: Final = "media"
PHASES: Final = ("start", "complete", "list", "fetch", "complete + events")


async def _measure(jobs: int, events: bool) -> dict[str, float]:
    from aiobotocore.session import AioSession

    from transcribe_kit import (
        GetTranscriptionJobRequest,
        LanguageCode,
        Media,
        RateLimits,
        StartTranscriptionJobRequest,
        TranscriptionJobStatus,
    )
    from transcribe_kit.testing import LocalBackend

    names = [f"{PREFIX}{index:06d}" for index in range(jobs)]
    seconds: dict[str, float] = {}
    with LocalBackend() as backend:
        backend.set_job_limit(jobs + 1)
        backend.clock.freeze()
        async with backend.client(rate_limits=RateLimits.disabled()) as tk:
            queue_url = await tk.ensure_job_events(job_name_prefix=PREFIX) if events else None

            async def start(share: list[str]) -> None:
                for name in share:
                    await tk.start_transcription_job(
                        StartTranscriptionJobRequest(
                            transcription_job_name=name,
                            language_code=LanguageCode.EN_US,
                            media=Media(media_file_uri=f"s3://{MEDIA_BUCKET}/{name}.wav"),
                        )
                    )

            await _upload_media(backend.client_settings, names)
            began = time.perf_counter()
            await asyncio.gather(*(start(names[i::CONCURRENCY]) for i in range(CONCURRENCY)))
            seconds["start"] = time.perf_counter() - began

            began = time.perf_counter()
            _advance(backend, 60)
            phase = "complete + events" if events else "complete"
            seconds[phase] = time.perf_counter() - began

            if queue_url is not None:
                async with AioSession().create_client("sqs", **backend.client_settings) as sqs:
                    answer = await sqs.get_queue_attributes(
                        QueueUrl=queue_url, AttributeNames=["ApproximateNumberOfMessages"]
                    )
                queued = int(answer["Attributes"]["ApproximateNumberOfMessages"])
                if queued != jobs:
                    raise AssertionError(f"{queued} events queued for {jobs} jobs")
                return seconds

            began = time.perf_counter()
            listed = 0
            pages = tk.paginate_transcription_jobs(
                status=TranscriptionJobStatus.COMPLETED, page_size=100
            )
            async for _ in pages:
                listed += 1
            seconds["list"] = time.perf_counter() - began
            if listed != jobs:
                raise AssertionError(f"listed {listed} of {jobs} jobs")

            began = time.perf_counter()
            for name in names[:: max(1, jobs // FETCHED)][:FETCHED]:
                answer = await tk.get_transcription_job(
                    GetTranscriptionJobRequest(transcription_job_name=name)
                )
                transcript = await tk.fetch_transcript(answer)
                if not transcript.text:
                    raise AssertionError(f"{name}: an empty transcript")
            seconds["fetch"] = time.perf_counter() - began
    return seconds


async def _upload_media(settings: dict[str, Any], names: list[str]) -> None:
    """Put each job's media into the bucket ``media``, as a user's test would."""
    from aiobotocore.session import AioSession

    async with AioSession().create_client("s3", **settings) as s3:
        await s3.create_bucket(Bucket=MEDIA_BUCKET)

        async def upload(share: list[str]) -> None:
            for name in share:
                await s3.put_object(Bucket=MEDIA_BUCKET, Key=f"{name}.wav", Body=b"RIFF")

        await asyncio.gather(*(upload(names[i::CONCURRENCY]) for i in range(CONCURRENCY)))


def _advance(backend: Any, seconds: float) -> None:
    """Advance the backend's clock and wait until everything due has moved on.

    A control call gives up after a minute; one that does keeps the backend busy, and the
    next waits for it.
    """
    for attempt in range(30):
        try:
            if attempt == 0:
                backend.clock.advance(seconds)
            else:
                backend.clock.now()
            return
        except OSError:
            continue
    raise TimeoutError("the backend did not complete the jobs in 30 minutes")


def _run(jobs: int, events: bool, tree: Path | None) -> dict[str, float]:
    """The figures of one size, measured in a fresh process on ``tree``'s package (or ours).

    This file runs as a script, from a directory holding no package, so that the
    ``transcribe_kit`` it measures is the one on ``PYTHONPATH`` (``python -m`` would put
    the current directory first); the LocalBackend's child imports the same one.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tree or Path(__file__).resolve().parents[1])
    command = [sys.executable, str(Path(__file__).resolve()), "--measure", str(jobs)]
    if events:
        command.append("--events")
    done = subprocess.run(
        command, env=env, cwd=tempfile.gettempdir(), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"measuring {jobs} jobs failed:\n{done.stderr[-3000:]}")
    answer = json.loads(done.stdout.splitlines()[-1])
    package = Path(answer.pop("package"))
    if tree is not None and not package.is_relative_to(tree.resolve()):
        raise RuntimeError(f"measured {package}, not the tree {tree}")
    figures: dict[str, float] = answer
    return figures


def _rate(phase: str, total: float, jobs: int) -> float:
    """Jobs per second (transcripts per second for ``fetch``)."""
    return (min(jobs, FETCHED) if phase == "fetch" else jobs) / total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--event-jobs", type=int, nargs="*", default=[1000])
    parser.add_argument("--baseline", type=Path, help="a tree of the revision to compare")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--events", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure is not None:
        import transcribe_kit

        measured = asyncio.run(_measure(args.measure, args.events))
        print(json.dumps({**measured, "package": transcribe_kit.__file__}))
        return 0

    import transcribe_kit

    print(f"python {sys.version.split()[0]}, transcribe_kit from {transcribe_kit.__file__}")
    header = f"{'jobs':>6} {'phase':<18} {'jobs/s':>9} {'total s':>8}"
    if args.baseline:
        header += f" {'baseline jobs/s':>16} {'ratio':>7}"
    print(header)
    for jobs in args.jobs:
        figures: dict[str, float] = _run(jobs, False, None)
        if jobs in args.event_jobs:
            figures.update(_run(jobs, True, None))
        before: dict[str, Any] = _run(jobs, False, args.baseline) if args.baseline else {}
        for phase in PHASES:
            if phase not in figures:
                continue
            rate = _rate(phase, figures[phase], jobs)
            row = f"{jobs:>6} {phase:<18} {rate:>9.1f} {figures[phase]:>8.2f}"
            if args.baseline and phase in before:
                then = _rate(phase, before[phase], jobs)
                row += f" {then:>16.1f} {rate / then:>7.2f}"
            print(row, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
