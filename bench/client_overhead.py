"""Client CPU per call: raw aiobotocore against TranscribeClient.

Run ``python -m bench.client_overhead``. A canned server (:mod:`bench.canned_server`) runs
in its own process on 127.0.0.1, so ``time.process_time`` here counts only the client's
work. TranscribeClient (its rate limits off: pacing is not CPU) is compared with two raw
clients: one from a plain aiobotocore session, as users of raw aiobotocore have it, and
the very aiobotocore client it wraps, whose session parses timestamps straight to UTC;
against the latter the difference is only transcribe_kit's own layer (validation,
conversion, the retry policy's wrapper, error mapping) and what reading its answers from
their JSON saves. Rounds alternate raw and typed (A/B, then B/A) so that drift on a
shared machine falls on both; the table shows the median per-call CPU of each side and
the median of the per-round ratios, beside the machine, the versions and the rounds.

``--breakdown`` also measures, against the same raw client, TranscribeClient with its
answers read through botocore's walk of the body (no JSON reading), and with JSON reading
but without handing botocore the parsed dict (what ``after-call`` handlers see): the
difference between the latter and the default is what keeping those handlers costs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any, Final
from unittest import mock

import attrs
from aiobotocore.session import get_session

from bench._environment import machine, versions
from bench.canned_server import PAGE_SIZE
from transcribe_kit import (
    GetTranscriptionJobRequest,
    ListTranscriptionJobsRequest,
    RateLimits,
    TranscribeClient,
    TranscriptionJobStatus,
    _json_answers,
)
from transcribe_kit._session import new_session

#: Stop starting new rounds after this many seconds, whatever ``--rounds`` says.
TIME_LIMIT_SECONDS: Final = 300.0

Call = Callable[[], Awaitable[object]]


async def _start_server() -> tuple[asyncio.subprocess.Process, int]:
    server = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bench.canned_server",
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert server.stdout is not None
    line = await asyncio.wait_for(server.stdout.readline(), timeout=30)
    return server, int(line)


async def _stop_server(server: asyncio.subprocess.Process) -> None:
    assert server.stdin is not None
    server.stdin.close()
    try:
        await asyncio.wait_for(server.wait(), timeout=10)
    except asyncio.TimeoutError:
        server.kill()
        await server.wait()


async def _cpu_ms_per_call(call: Call, calls: int) -> float:
    started = time.process_time()
    for _ in range(calls):
        await call()
    return (time.process_time() - started) * 1000 / calls


def _pairs(raw: Any, typed: TranscribeClient) -> dict[str, tuple[Call, Call]]:
    get_request = GetTranscriptionJobRequest(transcription_job_name="call-00042")
    list_request = ListTranscriptionJobsRequest(status=TranscriptionJobStatus.COMPLETED)
    return {
        "get_transcription_job": (
            lambda: raw.get_transcription_job(TranscriptionJobName="call-00042"),
            lambda: typed.get_transcription_job(get_request),
        ),
        f"list_transcription_jobs ({PAGE_SIZE} summaries)": (
            lambda: raw.list_transcription_jobs(Status="COMPLETED"),
            lambda: typed.list_transcription_jobs(list_request),
        ),
    }


async def _check_answers(raw: Any, typed: TranscribeClient) -> None:
    """Both sides parse the canned answers fully before anything is timed."""
    listed = await typed.list_transcription_jobs(
        ListTranscriptionJobsRequest(status=TranscriptionJobStatus.COMPLETED)
    )
    assert len(listed.transcription_job_summaries or []) == PAGE_SIZE
    got = await typed.get_transcription_job(
        GetTranscriptionJobRequest(transcription_job_name="call-00042")
    )
    assert got.transcription_job is not None
    assert got.transcription_job.transcription_job_status is TranscriptionJobStatus.COMPLETED
    raw_listed = await raw.list_transcription_jobs(Status="COMPLETED")
    assert len(raw_listed["TranscriptionJobSummaries"]) == PAGE_SIZE


@attrs.frozen
class Result:
    """Median per-call CPU milliseconds of each side, and the median of per-round ratios."""

    raw_ms: float
    typed_ms: float
    ratio: float


async def _compare(raw_call: Call, typed_call: Call, rounds: int, calls: int) -> Result:
    raw_ms: list[float] = []
    typed_ms: list[float] = []
    deadline = time.monotonic() + TIME_LIMIT_SECONDS
    for index in range(rounds):
        if time.monotonic() > deadline:
            break
        # A/B then B/A: whatever goes first in a round is not always the same side.
        if index % 2 == 0:
            raw_ms.append(await _cpu_ms_per_call(raw_call, calls))
            typed_ms.append(await _cpu_ms_per_call(typed_call, calls))
        else:
            typed_ms.append(await _cpu_ms_per_call(typed_call, calls))
            raw_ms.append(await _cpu_ms_per_call(raw_call, calls))
    return Result(
        raw_ms=statistics.median(raw_ms),
        typed_ms=statistics.median(typed_ms),
        ratio=statistics.median(typed / raw for raw, typed in zip(raw_ms, typed_ms, strict=True)),
    )


@contextlib.contextmanager
def _through_botocores_walk() -> Iterator[None]:
    """TranscribeClient as if it did not read answers from their JSON."""

    def read_nothing(**_: Any) -> None:
        return None

    with mock.patch.object(_json_answers, "_read_json_answer", read_nothing):
        yield


@contextlib.contextmanager
def _without_handlers_dict() -> Iterator[None]:
    """TranscribeClient reading answers from their JSON, giving botocore no parsed dict."""
    read = _json_answers.JsonAnswer.read

    def read_only(self: _json_answers.JsonAnswer[Any], body: bytes) -> dict[str, Any]:
        read(self, body)
        self.members = {}
        return {}

    with mock.patch.object(_json_answers.JsonAnswer, "read", read_only):
        yield


#: The ways TranscribeClient may be run, by the name the table gives them.
VARIANTS: Final[dict[str, Callable[[], contextlib.AbstractContextManager[None]]]] = {
    "same client": contextlib.nullcontext,
    "same, botocore's walk": _through_botocores_walk,
    "same, no after-call dict": _without_handlers_dict,
}


async def measure(
    rounds: int, calls: int, warmup: int, *, breakdown: bool = False
) -> dict[str, dict[str, Result]]:
    """Per-call CPU of raw and typed calls, by operation, against two raw baselines.

    ``default``: an aiobotocore client from a plain ``aiobotocore`` session, as a user of
    raw aiobotocore has it. ``same client``: the aiobotocore client that the
    TranscribeClient itself wraps (a transcribe_kit session, which parses timestamps
    straight to UTC), so the difference is only transcribe_kit's own layer. With
    ``breakdown``, the same against TranscribeClient in the other :data:`VARIANTS`.
    """
    server, port = await _start_server()
    settings = {
        "region_name": "us-east-1",
        "endpoint_url": f"http://127.0.0.1:{port}",
        "aws_access_key_id": "bench",
        "aws_secret_access_key": "bench",
    }
    variants = list(VARIANTS) if breakdown else ["same client"]
    results: dict[str, dict[str, Result]] = {}
    try:
        async with get_session().create_client("transcribe", **settings) as plain:
            for variant in ["default", *variants]:
                with VARIANTS.get(variant, contextlib.nullcontext)():
                    # Each variant wraps a client of its own: the JSON reading is set up
                    # on a client's first call.
                    async with new_session().create_client("transcribe", **settings) as wrapped:
                        raw = plain if variant == "default" else wrapped
                        # Pacing is not CPU: the rate limits would only make the loop wait.
                        typed = TranscribeClient(client=wrapped, rate_limits=RateLimits.disabled())
                        async with typed:
                            await _check_answers(raw, typed)
                            for name, (raw_call, typed_call) in _pairs(raw, typed).items():
                                for call in (raw_call, typed_call):
                                    await _cpu_ms_per_call(call, warmup)
                                results.setdefault(name, {})[variant] = await _compare(
                                    raw_call, typed_call, rounds, calls
                                )
        return results
    finally:
        await _stop_server(server)


def environment() -> list[str]:
    """Lines naming the machine, the versions and the load the figures were taken with."""
    return [f"machine: {machine()}", f"versions: {versions()}"]


def _table(results: dict[str, dict[str, Result]]) -> str:
    rows = [
        f"{'call':<40} {'aiobotocore':<25} {'raw ms':>8} {'transcribe_kit ms':>18} {'ratio':>7}"
    ]
    for name, by_baseline in results.items():
        for baseline, result in by_baseline.items():
            rows.append(
                f"{name:<40} {baseline:<25} {result.raw_ms:>8.3f} {result.typed_ms:>18.3f}"
                f" {result.ratio:>7.3f}"
            )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="A/B rounds per call (30)")
    parser.add_argument("--calls", type=int, default=60, help="calls per round and side (60)")
    parser.add_argument("--warmup", type=int, default=50, help="untimed calls per side (50)")
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also TranscribeClient through botocore's walk, and without the after-call dict",
    )
    args = parser.parse_args()
    results = asyncio.run(measure(args.rounds, args.calls, args.warmup, breakdown=args.breakdown))
    print("\n".join(environment()))
    print(
        f"client CPU per call (time.process_time), medians over {args.rounds} A/B rounds"
        f" of {args.calls} calls per side, after {args.warmup} untimed calls"
    )
    print("aiobotocore 'default': a client from a plain aiobotocore session, as users have it;")
    print("'same client': the aiobotocore client TranscribeClient wraps (its own layer only)")
    if args.breakdown:
        print("'same, botocore's walk': TranscribeClient reading answers from botocore's dict;")
        print("'same, no after-call dict': reading JSON, botocore (after-call) given no members")
    print(_table(results))


if __name__ == "__main__":
    main()
