"""A token bucket holds its rate however many of its waiters are cancelled.

Callers arrive at random times on a simulated clock and some are cancelled while they
wait; in every window of one second at most ``capacity + rate`` requests may start.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from transcribe_kit._rate_limit import TokenBucket

#: Turns of the event loop that let every task woken at one instant run to its next wait.
SETTLE_TURNS = 10


class SimulatedClock:
    """Time that moves only from one timer to the next; sleeps and callbacks are timers."""

    def __init__(self) -> None:
        self.now = 0.0
        self._timers: list[tuple[float, int, asyncio.Future[None] | Callable[[], object]]] = []
        self._order = itertools.count()

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        woken: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._timers, (self.now + seconds, next(self._order), woken))
        await woken

    def call_at(self, when: float, callback: Callable[[], object]) -> None:
        heapq.heappush(self._timers, (when, next(self._order), callback))

    async def run(self, max_timers: int) -> None:
        """Fire the timers in order of time until none is left (at most ``max_timers``)."""
        for _ in range(max_timers):
            for _ in range(SETTLE_TURNS):
                await asyncio.sleep(0)
            if not self._timers:
                return
            when, _, timer = heapq.heappop(self._timers)
            self.now = max(self.now, when)
            if isinstance(timer, asyncio.Future):
                if not timer.done():
                    timer.set_result(None)
            else:
                timer()
        raise AssertionError(f"more than {max_timers} timers")


# Callers come in crowds (a few instants), so that queues form behind an empty bucket.
callers = st.lists(
    st.tuples(
        st.sampled_from([0.0, 0.05, 0.5, 1.0, 1.7]),  # when it arrives
        st.one_of(st.none(), st.sampled_from([0.0, 0.01, 0.3, 1.2])),  # until cancelled
    ),
    min_size=20,
    max_size=80,
)


def _most_in_one_second(starts: list[float]) -> int:
    starts = sorted(starts)
    # Half-open windows [t, t + 1), with room for rounding in the due times.
    return max(
        sum(1 for other in starts[index:] if other < start + 1 - 1e-9)
        for index, start in enumerate(starts)
    )


@settings(max_examples=150, deadline=None)
@given(
    callers=callers,
    rate=st.sampled_from([1, 4, 10]),
    capacity=st.sampled_from([1, 2, 5]),
)
async def test_cancelled_waiters_never_let_more_than_rate_and_burst_start_in_a_second(
    callers: list[tuple[float, float | None]], rate: int, capacity: int
) -> None:
    clock = SimulatedClock()
    bucket = TokenBucket(rate, capacity, clock=clock)
    starts: list[float] = []
    tasks: list[asyncio.Task[None]] = []

    async def call() -> None:
        await bucket.acquire()
        starts.append(clock.now)

    def arrive(cancel_after: float | None) -> Callable[[], None]:
        def start() -> None:
            task = asyncio.get_running_loop().create_task(call())
            tasks.append(task)
            if cancel_after is not None:
                clock.call_at(clock.now + cancel_after, task.cancel)

        return start

    for arrival, cancel_after in callers:
        clock.call_at(arrival, arrive(cancel_after))
    await clock.run(max_timers=4 * len(callers) + 10)
    await asyncio.gather(*tasks, return_exceptions=True)

    finished = [task for task in tasks if not task.cancelled()]
    assert len(starts) == len(finished)
    assert _most_in_one_second(starts) <= capacity + rate
