"""The one pacing loop: attempts spaced by a WaitPolicy, under a deadline that also bounds a call.

Waiters, the many-jobs watcher and ``JobSubmitter`` poll the same way, through this::

    pacing = Pacing(policy, clock)
    async for attempt in pacing:
        resource = await pacing.within(get())     # cut off when the deadline passes
        if finished(resource):
            return resource
    raise WaitTimeoutError(...)                   # pacing.exhausted says why

The first attempt comes at once, each next one after the policy's next delay (backoff,
jitter, cap). The deadline (``policy.timeout`` after the first attempt, or ``deadline=``
on the clock, whichever comes first) is hard: a call in flight when it passes is cut off
(:meth:`Pacing.within` raises :class:`~transcribe_kit._clock.DeadlineExceededError`), and
the last delay is cut short so that a last attempt starts :data:`LAST_ATTEMPT_TIME`
before it, with that much time to answer. The loop ends with :attr:`Pacing.exhausted`
set once the deadline or the policy's attempt limit leaves no further attempt, and ends
quietly when ``until()`` is true after an attempt or after ``max_rounds`` attempts.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from typing import Final, Literal, TypeVar

from transcribe_kit._clock import Clock, run_within
from transcribe_kit.config import WaitPolicy

T = TypeVar("T")

LAST_ATTEMPT_TIME: Final = 1.0
"""Seconds before the deadline at which the last attempt starts (the time it has to answer)."""


class Pacing:
    """Attempts paced by a :class:`~transcribe_kit.WaitPolicy` (see the module docstring).

    Iterating yields the attempt's number, from 1. ``attempts``, ``elapsed`` and
    ``remaining`` describe the loop so far; ``exhausted`` is ``"deadline"`` or
    ``"attempts"`` once it ended for lack of either, ``None`` otherwise.
    """

    def __init__(
        self,
        policy: WaitPolicy,
        clock: Clock,
        *,
        deadline: float | None = None,
        until: Callable[[], bool] | None = None,
        max_rounds: int | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.policy = policy
        self.clock = clock
        self.attempts = 0
        self.exhausted: Literal["deadline", "attempts"] | None = None
        self._given_deadline = deadline
        self._until = until
        self._max_rounds = max_rounds
        self._delays = policy.delays(rng)
        self._started = 0.0
        self._deadline: float | None = None

    def __aiter__(self) -> Pacing:
        return self

    async def __anext__(self) -> int:
        now = self.clock.monotonic()
        if self.attempts == 0:
            self._started = now
            deadlines = [self._given_deadline]
            if self.policy.timeout is not None:
                deadlines.append(now + self.policy.timeout)
            self._deadline = min((d for d in deadlines if d is not None), default=None)
            self.attempts = 1
            return 1
        if (self._until is not None and self._until()) or (
            self._max_rounds is not None and self.attempts >= self._max_rounds
        ):
            raise StopAsyncIteration
        limit = self.policy.max_attempts
        if limit is not None and self.attempts >= limit:
            self.exhausted = "attempts"
            raise StopAsyncIteration
        delay = next(self._delays)
        if self._deadline is not None:
            left = self._deadline - now
            if left <= LAST_ATTEMPT_TIME:
                self.exhausted = "deadline"
                raise StopAsyncIteration
            delay = min(delay, left - LAST_ATTEMPT_TIME)
        await self.clock.sleep(delay)
        self.attempts += 1
        return self.attempts

    @property
    def elapsed(self) -> float:
        """Seconds since the first attempt."""
        return self.clock.monotonic() - self._started if self.attempts else 0.0

    @property
    def remaining(self) -> float | None:
        """Seconds left until the deadline (``None``: no deadline, or no attempt made yet)."""
        return None if self._deadline is None else self._deadline - self.clock.monotonic()

    async def within(self, awaitable: Awaitable[T]) -> T:
        """``await awaitable``, cut off with ``DeadlineExceededError`` when the deadline passes."""
        return await run_within(awaitable, self.remaining)
