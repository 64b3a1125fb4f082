"""Token buckets keep their state in a backend: in-process by default, or a DynamoDB item."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.fakes import FakeAioClient, FakeClock
from transcribe_kit import RateLimits, RetryPolicy, TranscribeError
from transcribe_kit._clock import Clock
from transcribe_kit._rate_limit import OperationRateLimiter, RateLimitBucket
from transcribe_kit.errors import ServiceError
from transcribe_kit.rate_limiting import DynamoDBRateLimitBackend

TABLE = "transcribe-rate-limits"


class RecordingBackend:
    """A backend that hands out in-process buckets and notes what it was asked for."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, float, float]] = []

    def bucket(
        self,
        name: str,
        rate: float,
        capacity: float,
        *,
        clock: Clock,
    ) -> RateLimitBucket:
        from transcribe_kit._rate_limit import TokenBucket

        self.asked.append((name, rate, capacity))
        return TokenBucket(rate, capacity, clock=clock)


async def test_the_backend_is_asked_once_per_limited_operation() -> None:
    clock = FakeClock()
    backend = RecordingBackend()
    limiter = OperationRateLimiter(
        RateLimits(burst=2).with_rates(GetTranscriptionJob=30),
        clock=clock,
        backend=backend,
    )

    for _ in range(3):
        await limiter.acquire("GetTranscriptionJob")
    await limiter.acquire("TagResource")  # no limit: no bucket

    assert backend.asked == [("GetTranscriptionJob", 30, 60)]


def condition_failed(item: dict[str, Any] | None) -> ClientError:
    response: dict[str, Any] = {
        "Error": {
            "Code": "ConditionalCheckFailedException",
            "Message": "The conditional request failed",
        },
        "ResponseMetadata": {"HTTPStatusCode": 400, "RequestId": "req-1"},
    }
    if item is not None:
        response["Item"] = item
    return ClientError(response, "UpdateItem")


def stored(tokens: float, updated: float, version: int) -> dict[str, Any]:
    return {
        "bucket": {"S": "ns/StartTranscriptionJob"},
        "tokens": {"N": repr(tokens)},
        "updated": {"N": repr(updated)},
        "version": {"N": str(version)},
    }


def written(call: dict[str, Any]) -> tuple[float, float, int, str]:
    """What an UpdateItem call stores, and its condition."""
    values = call["ExpressionAttributeValues"]
    return (
        float(values[":tokens"]["N"]),
        float(values[":updated"]["N"]),
        int(values[":next"]["N"]),
        call["ConditionExpression"],
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(start=1_700_000_000.0)


@pytest.fixture
def dynamodb() -> FakeAioClient:
    """A table with no item yet (the first use of a bucket in a process reads it)."""
    return FakeAioClient().script("GetItem", {})


async def acquire_shared(
    dynamodb: FakeAioClient,
    clock: FakeClock,
    *,
    rate: float = 4,
    capacity: float = 2,
    times: int = 1,
) -> list[float]:
    async with DynamoDBRateLimitBackend(
        TABLE, namespace="ns", client=dynamodb, retry_policy=RetryPolicy.none(), wall_clock=clock
    ) as backend:
        bucket = backend.bucket("StartTranscriptionJob", rate, capacity, clock=clock)
        return [await bucket.acquire() for _ in range(times)]


async def test_the_first_token_creates_the_item_full_less_one(
    dynamodb: FakeAioClient, clock: FakeClock
) -> None:
    dynamodb.script("UpdateItem", {})

    waits = await acquire_shared(dynamodb, clock)

    (call,) = dynamodb.calls_to("UpdateItem")
    assert waits == [0.0]
    assert call["Key"] == {"bucket": {"S": "ns/StartTranscriptionJob"}}
    assert written(call) == (1.0, clock.now, 1, "attribute_not_exists(#version)")


async def test_a_process_keeps_the_item_it_wrote_and_writes_on_its_version(
    dynamodb: FakeAioClient, clock: FakeClock
) -> None:
    dynamodb.script("UpdateItem", {})

    await acquire_shared(dynamodb, clock, times=2)

    second = dynamodb.calls_to("UpdateItem")[1]
    assert written(second)[2:] == (2, "#version = :version")
    assert second["ExpressionAttributeValues"][":version"] == {"N": "1"}


async def test_a_write_another_process_beat_starts_again_from_its_item(
    dynamodb: FakeAioClient, clock: FakeClock
) -> None:
    # Another process emptied the bucket just now, at version 7.
    now = clock.now
    dynamodb.script("UpdateItem", condition_failed(stored(0.0, now, 7)), {})

    waits = await acquire_shared(dynamodb, clock, rate=4)

    retry = dynamodb.calls_to("UpdateItem")[1]
    assert written(retry) == (-1.0, now, 8, "#version = :version")
    assert waits == [pytest.approx(0.25)]
    assert clock.sleeps == [pytest.approx(0.25)]


async def test_without_the_item_in_the_answer_it_is_read_consistently(
    dynamodb: FakeAioClient, clock: FakeClock
) -> None:
    dynamodb.script("UpdateItem", condition_failed(None), {})
    dynamodb.script("GetItem", {"Item": stored(0.5, clock.now, 3)})

    await acquire_shared(dynamodb, clock)

    reads = dynamodb.calls_to("GetItem")
    assert len(reads) == 2
    assert reads[1]["ConsistentRead"] is True
    assert written(dynamodb.calls_to("UpdateItem")[1])[2] == 4


async def test_the_item_refills_with_wall_time_up_to_its_capacity(
    dynamodb: FakeAioClient, clock: FakeClock
) -> None:
    dynamodb.script(
        "UpdateItem",
        condition_failed(stored(0.0, clock.now - 0.5, 1)),  # half a second ago: 2 tokens at 4/s
        {},
        condition_failed(stored(-3.0, clock.now - 60, 5)),  # long ago: back to capacity 2
        {},
    )

    await acquire_shared(dynamodb, clock, rate=4, capacity=2, times=2)

    writes = [written(call) for call in dynamodb.calls_to("UpdateItem")]
    assert writes[1][0] == pytest.approx(1.0)
    assert writes[3][0] == pytest.approx(1.0)


async def test_a_writer_clock_ahead_of_ours_adds_no_tokens(
    dynamodb: FakeAioClient, clock: FakeClock
) -> None:
    ahead = clock.now + 5
    dynamodb.script("UpdateItem", condition_failed(stored(0.0, ahead, 2)), {})

    waits = await acquire_shared(dynamodb, clock, rate=4)

    tokens, updated, _, _ = written(dynamodb.calls_to("UpdateItem")[1])
    assert (tokens, updated) == (-1.0, ahead)
    assert waits == [pytest.approx(0.25)]


async def test_other_errors_come_out_typed(dynamodb: FakeAioClient, clock: FakeClock) -> None:
    dynamodb.script(
        "UpdateItem",
        ClientError(
            {
                "Error": {"Code": "ResourceNotFoundException", "Message": "no table"},
                "ResponseMetadata": {"HTTPStatusCode": 400},
            },
            "UpdateItem",
        ),
    )

    with pytest.raises(ServiceError) as caught:
        await acquire_shared(dynamodb, clock)

    assert caught.value.code == "ResourceNotFoundException"


async def test_endless_conflicts_give_up_with_an_error(
    dynamodb: FakeAioClient, clock: FakeClock
) -> None:
    dynamodb.script("UpdateItem", condition_failed(stored(1.0, clock.now, 1)))

    async with DynamoDBRateLimitBackend(
        TABLE, namespace="ns", client=dynamodb, wall_clock=clock, max_conflicts=3
    ) as backend:
        bucket = backend.bucket("StartTranscriptionJob", 4, 2, clock=clock)
        with pytest.raises(TranscribeError, match="3 writes"):
            await bucket.acquire()

    assert len(dynamodb.calls_to("UpdateItem")) == 3


async def test_the_namespace_defaults_to_the_client_region(clock: FakeClock) -> None:
    class RegionalClient(FakeAioClient):
        meta = SimpleNamespace(region_name="eu-west-1")

    async with DynamoDBRateLimitBackend(TABLE, client=RegionalClient()) as backend:
        assert backend.namespace == "eu-west-1"


def test_a_backend_that_is_not_open_has_no_buckets(clock: FakeClock) -> None:
    backend = DynamoDBRateLimitBackend(TABLE, namespace="ns")

    with pytest.raises(TranscribeError, match="not open"):
        backend.bucket("StartTranscriptionJob", 4, 2, clock=clock)


async def test_tokens_wanted_at_once_in_a_process_take_one_write(
    dynamodb: FakeAioClient, clock: FakeClock
) -> None:
    dynamodb.script("UpdateItem", {})

    async with DynamoDBRateLimitBackend(
        TABLE, namespace="ns", client=dynamodb, wall_clock=clock
    ) as backend:
        bucket = backend.bucket("StartTranscriptionJob", 4, 2, clock=clock)
        start = clock.now
        waits = await asyncio.gather(*(bucket.acquire() for _ in range(5)))

    (call,) = dynamodb.calls_to("UpdateItem")
    assert written(call)[0] == -3.0
    # Two tokens at once, then one every quarter of a second, as one by one.
    assert waits[:2] == [0.0, 0.0]
    assert clock.now - start == pytest.approx(0.75)


async def test_a_failed_write_fails_every_waiter_it_served(
    dynamodb: FakeAioClient, clock: FakeClock
) -> None:
    dynamodb.script(
        "UpdateItem",
        ClientError(
            {
                "Error": {"Code": "AccessDeniedException", "Message": "no"},
                "ResponseMetadata": {"HTTPStatusCode": 400},
            },
            "UpdateItem",
        ),
    )

    async with DynamoDBRateLimitBackend(
        TABLE, namespace="ns", client=dynamodb, retry_policy=RetryPolicy.none(), wall_clock=clock
    ) as backend:
        bucket = backend.bucket("StartTranscriptionJob", 4, 2, clock=clock)
        results = await asyncio.gather(
            *(bucket.acquire() for _ in range(3)), return_exceptions=True
        )

    assert [type(result).__name__ for result in results] == ["AccessDeniedError"] * 3
    assert len(dynamodb.calls_to("UpdateItem")) == 1


async def test_the_first_use_in_a_process_starts_from_the_stored_item(
    clock: FakeClock,
) -> None:
    dynamodb = FakeAioClient().script("GetItem", {"Item": stored(0.0, clock.now, 4)})
    dynamodb.script("UpdateItem", {})

    waits = await acquire_shared(dynamodb, clock, rate=4)

    (call,) = dynamodb.calls_to("UpdateItem")
    assert written(call)[2:] == (5, "#version = :version")
    assert waits == [pytest.approx(0.25)]


async def test_slow_round_trips_shrink_the_burst(dynamodb: FakeAioClient, clock: FakeClock) -> None:
    def slow_write(params: dict[str, Any]) -> dict[str, Any]:
        clock.now += 0.1
        return {}

    dynamodb.script("UpdateItem", slow_write)

    async with DynamoDBRateLimitBackend(
        TABLE, namespace="ns", client=dynamodb, wall_clock=clock
    ) as backend:
        bucket = backend.bucket("StartTranscriptionJob", 4, 2, clock=clock)
        await bucket.acquire()
        clock.now += 60  # long enough to fill any bucket
        await bucket.acquire()

    # A write takes 0.1 s, in which the rate adds 0.4 tokens: the bucket holds 1.6, not 2.
    second = dynamodb.calls_to("UpdateItem")[1]
    assert written(second)[0] == pytest.approx(0.6)
