"""Worker processes that share a DynamoDB rate limit keep to one rate together."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from bench.rate_limit_workers import most_in_one_second, run_workers, serialized_dynamodb_writes
from transcribe_kit.rate_limiting import DynamoDBRateLimitBackend

WORKERS = 4
REQUESTS = 6
RATE = 5.0
BURST = 1.0  # seconds' worth: a bucket holds RATE * BURST tokens


@pytest.fixture
def atomic_dynamodb() -> Iterator[None]:
    with serialized_dynamodb_writes():
        yield


async def make_table(aws_settings: dict[str, Any], table: str) -> None:
    async with DynamoDBRateLimitBackend(table, **aws_settings) as backend:
        await backend.ensure_table()


async def test_ensure_table_creates_the_table_once(
    aws_settings: dict[str, Any], prefix: str
) -> None:
    await make_table(aws_settings, f"limits-{prefix}")
    await make_table(aws_settings, f"limits-{prefix}")

    async with DynamoDBRateLimitBackend(f"limits-{prefix}", **aws_settings) as backend:
        described = await backend._call("DescribeTable", TableName=f"limits-{prefix}")
    assert described["Table"]["KeySchema"] == [{"AttributeName": "bucket", "KeyType": "HASH"}]


def test_processes_sharing_the_table_start_at_most_rate_plus_burst_a_second(
    aws_settings: dict[str, Any], prefix: str, atomic_dynamodb: None
) -> None:
    asyncio.run(make_table(aws_settings, f"limits-{prefix}"))

    reports = run_workers(
        aws_settings["endpoint_url"],
        workers=WORKERS,
        requests=REQUESTS,
        rate=RATE,
        burst=BURST,
        table=f"limits-{prefix}",
        namespace=prefix,
    )

    assert [len(report.sent) for report in reports] == [REQUESTS] * WORKERS
    sent = list(itertools.chain.from_iterable(report.sent for report in reports))
    assert most_in_one_second(sent) <= RATE + RATE * BURST


def test_processes_with_their_own_limits_go_past_it(
    aws_settings: dict[str, Any], prefix: str
) -> None:
    # Two of the same workers without the table: what the shared limit prevents.
    reports = run_workers(
        aws_settings["endpoint_url"],
        workers=2,
        requests=REQUESTS,
        rate=RATE,
        burst=BURST,
        table=None,
        namespace=prefix,
    )

    sent = list(itertools.chain.from_iterable(report.sent for report in reports))
    assert most_in_one_second(sent) > RATE + RATE * BURST
