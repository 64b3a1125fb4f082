"""run_within: a call in flight is cut off at its deadline, and only then."""

from __future__ import annotations

import asyncio
import sys

import pytest

from transcribe_kit._clock import DeadlineExceededError, run_within

pytestmark = pytest.mark.skipif(
    sys.version_info < (3, 11), reason="cancellation counts are new in Python 3.11"
)


async def _never() -> None:
    await asyncio.Event().wait()


async def test_a_call_past_its_deadline_is_cut_off() -> None:
    with pytest.raises(DeadlineExceededError):
        await asyncio.wait_for(run_within(_never(), 0.05), 10)


async def test_a_call_in_time_leaves_its_task_as_it_was() -> None:
    assert await run_within(asyncio.sleep(0, result="answer"), 10) == "answer"

    task = asyncio.current_task()
    assert task is not None
    if sys.version_info >= (3, 11):
        assert task.cancelling() == 0


async def test_each_call_is_cut_off_at_its_own_deadline() -> None:
    ended: list[str] = []

    async def bounded(name: str, seconds: float, work: float) -> None:
        try:
            await run_within(asyncio.sleep(work), seconds)
            ended.append(f"{name} done")
        except DeadlineExceededError:
            ended.append(f"{name} cut off")

    # The later deadline is armed first; the earlier one must still be kept.
    await asyncio.wait_for(
        asyncio.gather(bounded("late", 5.0, 0.2), bounded("early", 0.05, 5.0)), 10
    )

    assert ended == ["early cut off", "late done"]


async def test_a_cancellation_from_elsewhere_passes_through() -> None:
    started = asyncio.Event()

    async def bounded() -> None:
        started.set()
        await run_within(_never(), 60)

    task = asyncio.ensure_future(bounded())
    await started.wait()
    task.cancel()

    with pytest.raises(asyncio.CancelledError):
        await task


async def test_nested_deadlines_raise_for_the_one_that_passed() -> None:
    async def inner() -> str:
        try:
            await run_within(_never(), 60)
        except DeadlineExceededError:
            return "inner"
        return "never"

    with pytest.raises(DeadlineExceededError):
        await asyncio.wait_for(run_within(inner(), 0.05), 10)
