"""Scaling out: several worker processes start jobs, one consumer takes their events.

The path of the scaling-out guide, end to end:

1. set up once: the job-event wiring (``ensure_job_events``: an SQS queue, its dead-letter
   queue, an EventBridge rule on the job-name prefix) and the shared rate-limit table;
2. ``--workers`` processes each start ``--jobs`` jobs with a ``JobSubmitter``, all drawing
   ``StartTranscriptionJob`` tokens from one DynamoDB table (``--rate`` starts a second in
   all, however many workers run);
3. once they have started them, this process consumes: ``as_completed(names,
   events=queue_url)`` learns each job's end from its event (one Get), sweeps with List
   for a job whose event is late or lost, and fetches each transcript.

Runs against a local backend (on 127.0.0.1, started here; it publishes the service's job
events, one of which it loses on purpose, and its SQS, EventBridge and DynamoDB are
moto's) unless ``--aws`` says to use the real service with your usual credentials and
region, and ``--media-uri`` an audio file of yours in S3. On AWS it leaves the queues,
rule and table in place for the next run (the jobs it deletes).

    python examples/scale_out.py --workers 3 --jobs 4
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

from _setup import parser as example_parser

from transcribe_kit import (
    DeleteTranscriptionJobRequest,
    EventWaitPolicy,
    GetTranscriptionJobRequest,
    JobSubmitter,
    LanguageCode,
    Media,
    RateLimits,
    StartTranscriptionJobRequest,
    TranscribeClient,
    TranscriptionJobStatus,
    WaitPolicy,
)
from transcribe_kit.rate_limiting import DynamoDBRateLimitBackend

TABLE = "transcribe-kit-example-rate-limits"
#: What the media is heard to say on the local backend.
LOCAL_SAYS = "spk_0: Nightly batch, part one. Everything went through.\nspk_1: Good, ship it."


def job_names(prefix: str, worker: int, jobs: int) -> list[str]:
    """The names of the jobs worker ``worker`` starts: the consumer knows them in advance."""
    return [f"{prefix}-w{worker}-{index}" for index in range(jobs)]


@contextlib.contextmanager
def endpoint(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    """Client settings: the real service, or a local backend started for the run."""
    if args.aws:
        yield {"region_name": args.region}
        return
    if args.endpoint_url:  # a worker, given the backend its parent started
        yield {
            "endpoint_url": args.endpoint_url,
            "region_name": args.region or "us-east-1",
            # The local backend takes any credentials.
            "aws_access_key_id": "testing",
            "aws_secret_access_key": "testing",
        }
        return
    from transcribe_kit.testing import LocalBackend

    with LocalBackend(region_name=args.region or "us-east-1") as backend:
        # Jobs take a second or two, as a short recording would on the service.
        backend.set_job_duration(1.5)
        backend.set_transcript(args.media_uri, LOCAL_SAYS)
        # The service's delivery is best effort: lose one event, for the sweep to catch.
        backend.drop_events(f"{args.prefix}-w0-0")
        print(f"local backend at {backend.endpoint_url}; the event of {args.prefix}-w0-0 is lost")
        yield backend.client_settings


@contextlib.asynccontextmanager
async def shared_client(settings: dict[str, Any], rate: float) -> AsyncIterator[TranscribeClient]:
    """A client whose StartTranscriptionJob tokens come from the table every worker shares."""
    async with (
        DynamoDBRateLimitBackend(TABLE, **settings) as shared,
        TranscribeClient(
            **settings,
            rate_limits=RateLimits().with_rates(StartTranscriptionJob=rate),
            rate_limit_backend=shared,
        ) as tk,
    ):
        yield tk


async def run_worker(args: argparse.Namespace, settings: dict[str, Any]) -> None:
    """Start this worker's jobs, at most ``--max-running`` at once, paced by the shared table."""
    requests = [
        StartTranscriptionJobRequest(
            transcription_job_name=name,
            language_code=LanguageCode.EN_US,
            media=Media(media_file_uri=args.media_uri),
        )
        for name in job_names(args.prefix, args.worker, args.jobs)
    ]
    async with shared_client(settings, args.rate) as tk:
        started = time.monotonic()
        results = await JobSubmitter(tk, max_running=args.max_running).submit(requests)
    failed = [r.request.transcription_job_name for r in results if not r.started]
    print(
        f"worker {args.worker}: started {len(results) - len(failed)} jobs "
        f"in {time.monotonic() - started:.1f} s" + (f"; not started: {failed}" if failed else "")
    )
    if failed:
        raise SystemExit(1)


async def start_workers(args: argparse.Namespace, settings: dict[str, Any]) -> list[Any]:
    """``--workers`` processes running this script with ``--worker N``."""
    command = [sys.executable, __file__, "--prefix", args.prefix, "--jobs", str(args.jobs)]
    command += ["--rate", str(args.rate), "--max-running", str(args.max_running)]
    command += ["--media-uri", args.media_uri]
    if args.aws:
        command.append("--aws")
    else:
        command += ["--endpoint-url", settings["endpoint_url"]]
    if settings.get("region_name"):
        command += ["--region", settings["region_name"]]
    return [
        await asyncio.create_subprocess_exec(*command, "--worker", str(worker))
        for worker in range(args.workers)
    ]


async def consume(tk: TranscribeClient, args: argparse.Namespace, queue_url: str) -> int:
    """Take every job's end as it comes; fetch and print a line of each transcript."""
    names = [
        name for worker in range(args.workers) for name in job_names(args.prefix, worker, args.jobs)
    ]
    completed = 0
    # On AWS the library's grace period (30 s) suits; a local job takes a second or two.
    grace = args.grace_period or (None if args.aws else 3.0)
    finished = tk.as_completed(
        names,
        events=queue_url,
        event_policy=EventWaitPolicy() if grace is None else EventWaitPolicy(grace_period=grace),
        policy=WaitPolicy(timeout=args.timeout),
    )
    async with contextlib.aclosing(finished):
        async for summary in finished:
            name = summary.transcription_job_name or ""
            if summary.transcription_job_status != TranscriptionJobStatus.COMPLETED:
                print(f"{name}: {summary.transcription_job_status} ({summary.failure_reason})")
                continue
            # The event (and a List summary) has no transcript location: one Get has.
            job = await tk.get_transcription_job(
                GetTranscriptionJobRequest(transcription_job_name=name)
            )
            assert job.transcription_job is not None
            transcript = await tk.fetch_transcript(job.transcription_job)
            completed += 1
            print(f"{name}: {transcript.text[:60]!r}")
    return completed


async def main(args: argparse.Namespace) -> int:
    with endpoint(args) as settings:
        if args.worker is not None:
            await run_worker(args, settings)
            return 0
        async with DynamoDBRateLimitBackend(TABLE, **settings) as shared:
            await shared.ensure_table()
        async with TranscribeClient(**settings) as tk:
            queue_url = await tk.ensure_job_events(job_name_prefix=args.prefix)
            print(f"events of jobs named {args.prefix}-* go to {queue_url}")
            workers = await start_workers(args, settings)
            statuses = await asyncio.gather(*(worker.wait() for worker in workers))
            if any(statuses):
                print(f"a worker failed: exit statuses {statuses}")
                return 1
            # Every job now exists (a watch takes a job that does not for an error); the
            # events of those that finished meanwhile wait in the queue.
            completed = await consume(tk, args, queue_url)
            total = args.workers * args.jobs
            print(f"{completed} of {total} jobs completed, their transcripts fetched")
            if args.aws:
                for worker in range(args.workers):
                    for name in job_names(args.prefix, worker, args.jobs):
                        await tk.delete_transcription_job(
                            DeleteTranscriptionJobRequest(transcription_job_name=name)
                        )
            return 0 if completed == total else 1


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = example_parser(__doc__)
    parser.add_argument("--workers", type=int, default=3, help="worker processes (3)")
    parser.add_argument("--jobs", type=int, default=4, help="jobs each worker starts (4)")
    parser.add_argument("--rate", type=float, default=5.0, help="starts a second, in all (5)")
    parser.add_argument("--max-running", type=int, default=2, help="per worker (2)")
    parser.add_argument(
        "--grace-period", type=float, help="seconds before a List sweep (3 locally, 30 on AWS)"
    )
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds in all (600)")
    parser.add_argument("--prefix", default=f"scale-out-{uuid.uuid4().hex[:8]}")
    parser.add_argument("--media-uri", default="s3://transcribe-kit-examples/meeting.mp3")
    parser.add_argument("--endpoint-url", help=argparse.SUPPRESS)
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(asyncio.run(main(parse_args())))
