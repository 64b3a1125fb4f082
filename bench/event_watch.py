"""Seeing many jobs finish: job-state events with a sweep, the List watcher, per-job waiters.

Run: ``.venv/bin/python -m bench.event_watch`` (``--jobs 200 1000 --spread 20 --lost 0.02``).

On a local backend (127.0.0.1; its SQS and EventBridge are moto's server behind it), each
round starts ``--jobs`` transcription jobs at one instant of the backend's clock (frozen
while they start), their durations spread evenly over ``--spread`` seconds, then sees
them all finish in one of three ways, side by side in one run, each through a
TranscribeClient paced by the published quotas (Get 30/s, List 5/s):

- ``events``: ``as_completed(names, events=queue_url)`` with a 5 s grace period. The
  backend publishes each job's ``aws.transcribe`` event when the job completes, as the
  service does, except for a fraction ``--lost`` of them, which the sweep must find;
- ``watcher``: ``as_completed(names)``, List rounds backing off to 5 s;
- ``per-job``: one ``wait_for_transcription_job`` per job (the client's wait policy).

Columns: the Transcribe calls (Get, List) and SQS messages received, per job, and the detection
lag (when the caller got the job minus the job's ``CompletionTime``), mean and max, in
seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import time
import uuid
from collections import Counter
from datetime import datetime, timezone
from typing import Any

from bench._environment import environment, version
from transcribe_kit import (
    EventWaitPolicy,
    LanguageCode,
    Media,
    RateLimits,
    StartTranscriptionJobRequest,
    TranscribeClient,
)
from transcribe_kit.testing import LocalBackend

#: Jobs finish in steps this far apart (seconds) across the spread, as on the service, where
#: completions trickle in: a thousand jobs ending at one instant would each be put into
#: moto's SQS queue in one go, and moto's send slows with every message already queued.
STEP_SECONDS = 1.0


def steps(spread: float) -> int:
    """How many groups of jobs finish, evenly spaced, over ``spread`` seconds."""
    return max(10, round(spread / STEP_SECONDS))


def job_name(prefix: str, index: int, spread: float) -> str:
    """The name of job ``index``: its step is in it, which sets its duration."""
    return f"{prefix}-s{index % steps(spread)}-{index}"


async def start(
    tk: TranscribeClient, backend: LocalBackend, prefix: str, jobs: int, spread: float
) -> tuple[list[str], float]:
    """Start the jobs at one instant of the backend's clock (frozen meanwhile).

    Returns their names, and how far the backend's clock stands behind the wall clock from
    then on.
    """
    count = steps(spread)
    durations = [spread * (step + 1) / count for step in range(count)]
    for step, seconds in enumerate(durations):
        backend.set_job_duration(seconds, f"{prefix}-s{step}-*")
    backend.clock.freeze()
    names = [job_name(prefix, index, spread) for index in range(jobs)]
    for name in names:
        await tk.start_transcription_job(
            StartTranscriptionJobRequest(
                transcription_job_name=name,
                language_code=LanguageCode.EN_US,
                media=Media(media_file_uri="s3://media/meeting.mp3"),
            )
        )
    behind = time.time() - backend.clock.resume()
    return names, behind


def count_calls(client: Any, calls: Counter[str]) -> None:
    def count(model: Any, **_: Any) -> None:
        calls[model.name] += 1

    client.meta.events.register("before-call", count)


async def measure(
    backend: LocalBackend, jobs: int, spread: float, strategy: str, lost: float
) -> dict[str, float]:
    prefix = f"b{uuid.uuid4().hex[:8]}"
    calls: Counter[str] = Counter()
    lags: list[float] = []

    behind = 0.0

    def seen(completed: datetime | None) -> None:
        if completed is not None:
            now = datetime.now(timezone.utc).timestamp() - behind  # on the backend's clock
            lags.append(now - completed.timestamp())

    # Starts are not what is measured: unpaced, so that the jobs all start at once.
    limits = RateLimits().with_rates(StartTranscriptionJob=None)
    async with backend.client(rate_limits=limits) as tk:
        # Only the events strategy wires a rule and queue: for the others the backend's
        # events match no rule, as in an account that has none, instead of piling up unread.
        queue_url = (
            await tk.ensure_job_events(job_name_prefix=prefix) if strategy == "events" else ""
        )
        every = round(1 / lost) if lost else 0
        for index in range(every - 1, jobs if every else 0, every or 1):
            backend.drop_events(job_name(prefix, index, spread))
        names, behind = await start(tk, backend, prefix, jobs, spread)
        count_calls(tk.aiobotocore_client, calls)
        if strategy == "events":
            async with tk.events(queue_url) as stream:
                found = tk.as_completed(
                    names, events=stream, event_policy=EventWaitPolicy(grace_period=5)
                )
                async with contextlib.aclosing(found):
                    async for summary in found:
                        seen(summary.completion_time)
            calls["SQS messages"] = stream.stats.received
        elif strategy == "watcher":
            async for summary in tk.as_completed(names):
                seen(summary.completion_time)
        else:

            async def wait(name: str) -> None:
                job = await tk.wait_for_transcription_job(name)
                seen(job.completion_time)

            await asyncio.gather(*(wait(name) for name in names))
    return {
        "get": calls["GetTranscriptionJob"] / jobs,
        "list": calls["ListTranscriptionJobs"] / jobs,
        "sqs": calls["SQS messages"] / jobs,
        "mean": statistics.mean(lags),
        "max": max(lags),
        "n": len(lags),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--spread", type=float, default=20.0)
    parser.add_argument("--lost", type=float, default=0.02)
    args = parser.parse_args()
    rounds = (
        f"one round per size and strategy, jobs finishing over {args.spread:g} s, "
        f"{args.lost:.0%} of events lost, moto {version('moto')}"
    )
    print("\n".join(environment(rounds)))
    header = f"{'jobs':>6}  {'strategy':<9} {'Get/job':>8} {'List/job':>9} {'msgs/job':>8}"
    print(f"{header} {'lag mean':>9} {'max':>6}")
    with LocalBackend() as backend:
        # More jobs than the default quota of 250 run at once here.
        backend.set_job_limit(max(250, *args.jobs))
        for jobs in args.jobs:
            for strategy in ("events", "watcher", "per-job"):
                row = asyncio.run(measure(backend, jobs, args.spread, strategy, args.lost))
                assert row["n"] == jobs, row
                print(
                    f"{jobs:>6}  {strategy:<9} {row['get']:>8.2f} {row['list']:>9.3f} "
                    f"{row['sqs']:>8.2f} {row['mean']:>9.2f} {row['max']:>6.2f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
