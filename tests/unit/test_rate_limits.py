from __future__ import annotations

import asyncio

import pytest

from tests.fakes import FakeClock
from transcribe_kit import RateLimits
from transcribe_kit._rate_limit import PUBLISHED_RATE_LIMITS, OperationRateLimiter, TokenBucket


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


async def test_a_full_bucket_lets_its_capacity_through_at_once(fake_clock: FakeClock) -> None:
    bucket = TokenBucket(5, 3, clock=fake_clock)

    waits = [await bucket.acquire() for _ in range(4)]

    assert waits == [0, 0, 0, pytest.approx(0.2)]


async def test_a_long_run_keeps_to_the_rate(fake_clock: FakeClock) -> None:
    bucket = TokenBucket(10, 1, clock=fake_clock)
    started = fake_clock.now

    for _ in range(100):
        await bucket.acquire()

    # One token at once, then one every 0.1 s.
    assert fake_clock.now - started == pytest.approx(9.9)


async def test_concurrent_waiters_are_spaced_in_arrival_order() -> None:
    # All four arrive at the same instant; the clock stands still while they wait.
    bucket = TokenBucket(4, 1, clock=FakeClock(advances=False))

    waits = await asyncio.gather(*(bucket.acquire() for _ in range(4)))

    assert waits == [0, pytest.approx(0.25), pytest.approx(0.5), pytest.approx(0.75)]


async def test_an_idle_bucket_refills_to_its_capacity_only(fake_clock: FakeClock) -> None:
    bucket = TokenBucket(2, 2, clock=fake_clock)
    for _ in range(2):
        await bucket.acquire()

    fake_clock.now += 60

    assert [await bucket.acquire() for _ in range(3)] == [0, 0, pytest.approx(0.5)]


async def test_a_cancelled_waiter_leaves_its_turn_to_the_next_caller() -> None:
    # The clock stands still: B is due in 1 s, C in 2 s; B is cancelled and D arrives.
    clock = FakeClock(blocking=True, advances=False)
    bucket = TokenBucket(1, 1, clock=clock)
    await bucket.acquire()
    b, c = (asyncio.ensure_future(bucket.acquire()) for _ in range(2))
    await asyncio.sleep(0)
    b.cancel()
    with pytest.raises(asyncio.CancelledError):
        await b
    d = asyncio.ensure_future(bucket.acquire())
    await asyncio.sleep(0)

    # D takes B's time, not C's: two requests at once would break the rate.
    assert clock.sleeps == [1, 2, 1]
    clock.release()
    await asyncio.gather(c, d)


async def test_a_cancelled_waiters_turn_is_taken_when_it_comes() -> None:
    clock = FakeClock(blocking=True, advances=False)
    bucket = TokenBucket(1, 1, clock=clock)
    await bucket.acquire()
    waiter = asyncio.ensure_future(bucket.acquire())
    await asyncio.sleep(0)
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter

    # The first token was used at 1000 s; a second later exactly one is back, not zero.
    clock.now += 1
    clock.release()
    assert await bucket.acquire() == 0


def test_defaults_are_the_published_quotas() -> None:
    limits = RateLimits()

    assert limits.rate_for("StartTranscriptionJob") == 25
    assert limits.rate_for("GetTranscriptionJob") == 30
    assert limits.rate_for("ListTranscriptionJobs") == 5
    assert limits.rate_for("GetCallAnalyticsJob") == 20
    assert limits.rate_for("TagResource") is None
    assert dict(limits.per_operation) == dict(PUBLISHED_RATE_LIMITS)


def test_rates_change_per_operation() -> None:
    older = RateLimits().with_rates(StartTranscriptionJob=10, GetTranscriptionJob=20)
    unlimited_lists = older.with_rates(ListTranscriptionJobs=None)

    assert older.rate_for("StartTranscriptionJob") == 10
    assert older.rate_for("GetTranscriptionJob") == 20
    assert older.rate_for("ListTranscriptionJobs") == 5
    assert unlimited_lists.rate_for("ListTranscriptionJobs") is None
    assert RateLimits().rate_for("StartTranscriptionJob") == 25
    assert RateLimits(per_operation={}, default=2).rate_for("TagResource") == 2


def test_limits_are_comparable_values() -> None:
    assert RateLimits() == RateLimits()
    assert hash(RateLimits()) == hash(RateLimits())
    assert RateLimits() != RateLimits.disabled()
    with pytest.raises(ValueError, match="GetVocabulary"):
        RateLimits(per_operation={"GetVocabulary": 0})


async def test_the_limiter_keeps_each_operation_to_its_own_rate(fake_clock: FakeClock) -> None:
    limits = RateLimits(per_operation={"GetTranscriptionJob": 2, "StartTranscriptionJob": 1})
    limiter = OperationRateLimiter(limits, clock=fake_clock)

    gets = [await limiter.acquire("GetTranscriptionJob") for _ in range(3)]
    starts = [await limiter.acquire("StartTranscriptionJob") for _ in range(2)]
    tags = [await limiter.acquire("TagResource") for _ in range(50)]

    assert gets == [0, 0, pytest.approx(0.5)]
    # The start bucket was full: only its second token waits.
    assert starts == [0, pytest.approx(1.0)]
    assert set(tags) == {0}


async def test_disabled_limits_never_wait(fake_clock: FakeClock) -> None:
    limiter = OperationRateLimiter(RateLimits.disabled(), clock=fake_clock)

    for _ in range(200):
        await limiter.acquire("StartTranscriptionJob")

    assert fake_clock.sleeps == []
