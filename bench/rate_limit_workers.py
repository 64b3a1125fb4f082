"""Worker processes that send requests through one rate limit: shared, or each its own.

Used by ``bench/shared_rate_limits.py`` and by its test. ``run_workers`` starts N OS
processes (``python -m bench.rate_limit_workers ...``); each opens a TranscribeClient on
the given endpoint, waits until every worker is ready, then sends its requests
(``ListTranscriptionJobs``, all at once: they queue on the limiter) and reports the
wall-clock time each request left the client (aiobotocore's ``before-send``), the most
time a request spent in the client between its token and its sending, and how many
DynamoDB calls its limiter made. Each worker makes one unlimited call first, so that
connection set-up is not counted.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any, Final

import attrs

from transcribe_kit import RateLimits, RetryPolicy, TranscribeClient
from transcribe_kit._rate_limit import IN_PROCESS
from transcribe_kit.rate_limiting import DynamoDBRateLimitBackend

OPERATION: Final = "ListTranscriptionJobs"
_CREDENTIALS: Final = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@attrs.frozen
class WorkerReport:
    """What one worker did: when each request left it, and its limiter's DynamoDB calls.

    ``client_lag`` is the most seconds a request took from its token to its sending (the
    client's own work: building and signing the request, CPU shared with the others).
    """

    sent: list[float]
    client_lag: float
    dynamodb_calls: int


def most_in_one_second(times: Sequence[float]) -> int:
    """The most of ``times`` (seconds) that fall in any window of one second."""
    ordered = sorted(times)
    return max(
        (bisect.bisect_left(ordered, start + 1.0) - index for index, start in enumerate(ordered)),
        default=0,
    )


@contextlib.contextmanager
def serialized_dynamodb_writes() -> Iterator[None]:
    """Make moto's DynamoDB check a condition and write in one step, as DynamoDB does.

    moto's server answers each request in a thread of its own and checks a
    ``ConditionExpression`` before it writes, without a lock; two conditional writes that
    interleave there would both succeed, which DynamoDB never allows.
    """
    from moto.dynamodb.models import DynamoDBBackend

    lock = threading.Lock()
    originals = {name: getattr(DynamoDBBackend, name) for name in ("update_item", "get_item")}

    def serialized(original: Any) -> Any:
        def call(*args: Any, **kwargs: Any) -> Any:
            with lock:
                return original(*args, **kwargs)

        return call

    for name, original in originals.items():
        setattr(DynamoDBBackend, name, serialized(original))
    try:
        yield
    finally:
        for name, original in originals.items():
            setattr(DynamoDBBackend, name, original)


def run_workers(
    endpoint_url: str,
    *,
    workers: int,
    requests: int,
    rate: float,
    burst: float,
    table: str | None,
    namespace: str,
    timeout: float = 120.0,
) -> list[WorkerReport]:
    """Each worker's request times; ``table=None`` gives every worker its own limiter."""
    command = [sys.executable, "-m", "bench.rate_limit_workers", endpoint_url]
    command += ["--requests", str(requests), "--rate", str(rate), "--burst", str(burst)]
    command += ["--namespace", namespace] + (["--table", table] if table else [])
    processes = [
        subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1
        )
        for _ in range(workers)
    ]
    deadline = time.monotonic() + timeout
    try:
        for process in processes:
            assert process.stdout is not None
            if process.stdout.readline().strip() != "ready":
                raise RuntimeError("a worker did not start")
        for process in processes:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        results = []
        for process in processes:
            output, _ = process.communicate(timeout=max(1.0, deadline - time.monotonic()))
            if process.returncode != 0:
                raise RuntimeError(f"a worker failed with exit status {process.returncode}")
            results.append(WorkerReport(**json.loads(output)))
        return results
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


async def _work(arguments: argparse.Namespace) -> dict[str, Any]:
    settings = {"region_name": "us-east-1", "endpoint_url": arguments.endpoint, **_CREDENTIALS}
    dynamodb_calls: list[str] = []
    async with contextlib.AsyncExitStack() as stack:
        backend: Any = IN_PROCESS
        if arguments.table:
            backend = await stack.enter_async_context(
                DynamoDBRateLimitBackend(arguments.table, namespace=arguments.namespace, **settings)
            )
            backend.dynamodb_client.meta.events.register(
                "before-send.dynamodb", lambda **_: dynamodb_calls.append("call")
            )
        limits = RateLimits(per_operation={OPERATION: arguments.rate}, burst=arguments.burst)
        tk = await stack.enter_async_context(
            TranscribeClient(
                **settings,
                rate_limits=limits,
                rate_limit_backend=backend,
                retry_policy=RetryPolicy.none(),
            )
        )
        sent: list[float] = []
        lags: list[float] = [0.0]

        def called(context: dict[str, Any], **_: Any) -> None:
            context["called"] = time.time()

        def sending(request: Any, **_: Any) -> None:
            sent.append(time.time())
            lags.append(sent[-1] - request.context["called"])

        events = tk.aiobotocore_client.meta.events
        events.register(f"provide-client-params.transcribe.{OPERATION}", called)
        events.register(f"before-send.transcribe.{OPERATION}", sending)
        await tk.list_vocabularies()  # not limited: opens the connection
        print("ready", flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        await asyncio.gather(*(tk.list_transcription_jobs() for _ in range(arguments.requests)))
        return {"sent": sent, "client_lag": max(lags), "dynamodb_calls": len(dynamodb_calls)}


def main() -> None:
    parser = argparse.ArgumentParser(description="one worker of run_workers")
    parser.add_argument("endpoint")
    parser.add_argument("--requests", type=int, required=True)
    parser.add_argument("--rate", type=float, required=True)
    parser.add_argument("--burst", type=float, required=True)
    parser.add_argument("--namespace", required=True)
    parser.add_argument("--table")
    print(json.dumps(asyncio.run(_work(parser.parse_args()))), flush=True)


if __name__ == "__main__":
    main()
