"""Requests a second from worker processes that share a DynamoDB rate limit, against the rate.

Run: ``.venv/bin/python -m bench.shared_rate_limits`` (``--workers 4 --rate 20 --burst 1
--requests 30 --rounds 3``).

A moto server on 127.0.0.1 stands in for Transcribe and DynamoDB. Each round starts
``--workers`` OS processes that send ``ListTranscriptionJobs`` requests, all at once, each
through a TranscribeClient limited to ``--rate`` a second with ``--burst`` seconds' worth
of tokens (a bucket of rate x burst). With the DynamoDB backend they share one bucket; the
same workers with the in-process backend (each its own bucket) are measured beside them.
A token bucket hands out at most rate + rate x burst tokens in any one second (the burst
once, then the rate). A request leaves the client a little after its token (building and
signing it, on CPUs the workers and the server share): "client lag" is the most it took,
and requests delayed so can bunch with later ones past the bound. "after the burst" is the
mean rate once the burst is spent.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import logging
import os
import platform
import statistics
import sys
import time
import uuid
from importlib.metadata import version

from bench.rate_limit_workers import (
    WorkerReport,
    most_in_one_second,
    run_workers,
    serialized_dynamodb_writes,
)
from transcribe_kit.rate_limiting import DynamoDBRateLimitBackend


def _summary(reports: list[WorkerReport], seconds: float, burst_tokens: int) -> dict[str, float]:
    sent = sorted(itertools.chain.from_iterable(report.sent for report in reports))
    after = sent[burst_tokens:] if len(sent) > burst_tokens + 1 else sent
    return {
        "most": most_in_one_second(sent),
        "after": (len(after) - 1) / max(after[-1] - after[0], 1e-9),
        "lag": max(report.client_lag for report in reports),
        "calls": sum(report.dynamodb_calls for report in reports) / max(len(sent), 1),
        "seconds": seconds,
    }


def _row(label: str, rounds: list[dict[str, float]], bound: float, rate: float) -> str:
    most = [run["most"] for run in rounds]
    return (
        f"{label:<27} {' / '.join(f'{m:g}' for m in most):>15} {bound:>6g} "
        f"{max(most) / rate:>7.2f} {statistics.mean(run['after'] for run in rounds):>13.1f} "
        f"{max(run['lag'] for run in rounds) * 1000:>10.0f} "
        f"{statistics.mean(run['calls'] for run in rounds):>8.2f} "
        f"{statistics.mean(run['seconds'] for run in rounds):>8.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rate", type=float, default=20.0)
    parser.add_argument("--burst", type=float, default=1.0)
    parser.add_argument("--requests", type=int, default=30, help="per worker")
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    table = "transcribe-rate-limits"

    async def make_table() -> None:
        async with DynamoDBRateLimitBackend(
            table,
            region_name="us-east-1",
            endpoint_url=endpoint,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        ) as backend:
            await backend.ensure_table()

    bound = arguments.rate + arguments.rate * arguments.burst
    runs: dict[str, list[dict[str, float]]] = {"shared": [], "own": []}
    try:
        asyncio.run(make_table())
        with serialized_dynamodb_writes():
            for _ in range(arguments.rounds):
                for kind in ("shared", "own"):
                    started = time.monotonic()
                    reports = run_workers(
                        endpoint,
                        workers=arguments.workers,
                        requests=arguments.requests,
                        rate=arguments.rate,
                        burst=arguments.burst,
                        table=table if kind == "shared" else None,
                        namespace=uuid.uuid4().hex,  # a fresh, full bucket every round
                    )
                    seconds = time.monotonic() - started
                    burst_tokens = round(arguments.rate * arguments.burst)
                    runs[kind].append(_summary(reports, seconds, burst_tokens))
    finally:
        server.stop()

    print(
        f"shared rate limits: {arguments.workers} worker processes x {arguments.requests} "
        f"ListTranscriptionJobs, {arguments.rate:g}/s, burst {arguments.burst:g} s"
    )
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} CPUs; Python "
        f"{platform.python_version()}, aiobotocore {version('aiobotocore')}, botocore "
        f"{version('botocore')}, moto {version('moto')}; rounds: {arguments.rounds}"
    )
    print()
    print(
        f"{'limiter':<27} {'most in 1 s':>15} {'bound':>6} {'x rate':>7} "
        f"{'after burst/s':>13} {'lag ms':>10} {'DDB/req':>8} {'seconds':>8}"
    )
    print(_row("shared (DynamoDB table)", runs["shared"], bound, arguments.rate))
    print(_row("each its own (in process)", runs["own"], bound, arguments.rate))
    print()
    print(
        "most in 1 s: the most requests that left the clients in any one-second window, per "
        "round; bound: rate + burst tokens;\nafter burst/s: requests a second once the burst "
        "is spent; lag ms: the most a request took from its token to leaving its client;\n"
        "DDB/req: DynamoDB calls per request; seconds: per round, process start included."
    )
    within = all(run["most"] <= bound for run in runs["shared"])
    sys.exit(0 if within else 1)


if __name__ == "__main__":
    main()
