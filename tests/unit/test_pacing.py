"""The one pacing loop: attempts spaced by a WaitPolicy under a hard deadline."""

from __future__ import annotations

import asyncio

import pytest

from tests.fakes import FakeClock
from transcribe_kit import WaitPolicy
from transcribe_kit._clock import DeadlineExceededError
from transcribe_kit._pacing import Pacing

EXACT = WaitPolicy(initial_delay=1.0, max_delay=4.0, jitter=0.0, timeout=None)


async def _run(pacing: Pacing, limit: int = 100) -> list[float]:
    """The clock's time at each attempt (at most ``limit`` of them)."""
    times = []
    async for _ in pacing:
        times.append(pacing.clock.monotonic())
        if len(times) == limit:
            break
    return times


async def test_the_first_attempt_comes_at_once_then_delays_grow_to_their_cap() -> None:
    clock = FakeClock(start=0.0)

    assert await _run(Pacing(EXACT, clock), limit=6) == [0, 1, 3, 7, 11, 15]


async def test_the_last_delay_leaves_the_last_attempt_a_second_before_the_deadline() -> None:
    clock = FakeClock(start=0.0)
    pacing = Pacing(WaitPolicy(initial_delay=1.0, max_delay=4.0, jitter=0.0, timeout=10.0), clock)

    assert await _run(pacing) == [0, 1, 3, 7, 9]
    assert pacing.exhausted == "deadline"
    assert pacing.elapsed == 9


async def test_the_attempt_limit_ends_the_loop() -> None:
    pacing = Pacing(WaitPolicy(jitter=0.0, max_attempts=3), FakeClock())

    assert len(await _run(pacing)) == 3
    assert pacing.exhausted == "attempts"


async def test_until_ends_the_loop_quietly_after_the_attempt_that_made_it_true() -> None:
    done: list[int] = []
    pacing = Pacing(EXACT, FakeClock(), until=lambda: len(done) == 2)

    async for attempt in pacing:
        done.append(attempt)

    assert done == [1, 2]
    assert pacing.exhausted is None


async def test_a_round_limit_ends_the_loop_quietly() -> None:
    pacing = Pacing(EXACT, FakeClock(), max_rounds=4)

    assert len(await _run(pacing)) == 4
    assert pacing.exhausted is None


async def test_an_earlier_deadline_on_the_clock_wins_over_the_policy_timeout() -> None:
    clock = FakeClock(start=100.0)
    pacing = Pacing(_two_second_cap(3600.0), clock, deadline=104.0)

    assert await _run(pacing) == [100, 101, 103]
    assert pacing.exhausted == "deadline"


async def test_a_call_in_flight_is_cut_off_when_the_deadline_passes() -> None:
    pacing = Pacing(WaitPolicy(timeout=0.2), FakeClock())
    await anext(pacing)

    with pytest.raises(DeadlineExceededError):
        await asyncio.wait_for(pacing.within(asyncio.Event().wait()), 10)


async def test_a_call_that_answers_in_time_is_not_cut_off() -> None:
    pacing = Pacing(WaitPolicy(timeout=60.0), FakeClock())
    await anext(pacing)

    assert await pacing.within(asyncio.sleep(0, result="answer")) == "answer"


def _two_second_cap(timeout: float) -> WaitPolicy:
    return WaitPolicy(initial_delay=1.0, max_delay=2.0, jitter=0.0, timeout=timeout)
