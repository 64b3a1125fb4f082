"""Per-operation request rates: the token buckets that apply a client's RateLimits.

Transcribe's request quotas are per API and per account, so a client keeps one token
bucket per operation and every attempt of a call (retries included) takes a token
before it is sent. A bucket holds ``burst`` seconds' worth of tokens (at least one) and
starts full; a caller that finds it empty takes a token on credit and waits until the
token is due, so waiters are served in order without polling. A waiter that is cancelled
leaves its due time to the next caller: handing its token back to the count instead would
let that caller go at the same time as the last waiter, over the rate.

Where a bucket keeps its state is a :class:`RateLimitBackend`: in this process by default
(:class:`InProcessRateLimitBackend`), or shared by every process of an account
(:class:`~transcribe_kit.rate_limiting.DynamoDBRateLimitBackend`). The backend is asked
once per operation; every call then goes straight to its bucket.
"""

from __future__ import annotations

import asyncio
import heapq
from typing import Final, Protocol

from transcribe_kit._clock import SYSTEM_CLOCK, Clock
from transcribe_kit.config import PUBLISHED_RATE_LIMITS, RateLimits

__all__ = [
    "IN_PROCESS",
    "PUBLISHED_RATE_LIMITS",
    "InProcessRateLimitBackend",
    "OperationRateLimiter",
    "RateLimitBackend",
    "RateLimitBucket",
    "RateLimits",
    "TokenBucket",
]


class TokenBucket:
    """An async token bucket: ``rate`` tokens a second, holding at most ``capacity``."""

    def __init__(self, rate: float, capacity: float, *, clock: Clock = SYSTEM_CLOCK) -> None:
        if rate <= 0 or capacity < 1:
            raise ValueError("a token bucket needs a positive rate and room for one token")
        self.rate = rate
        self.capacity = capacity
        self._clock = clock
        self._tokens = capacity
        self._updated = clock.monotonic()
        # Due times of tokens taken on credit by waiters that were cancelled (a heap).
        self._vacated: list[float] = []

    async def acquire(self) -> float:
        """Take one token, waiting until it is due; returns the seconds waited for."""
        now = self._clock.monotonic()
        # A vacated time that has passed is lost: going later than it was due could put
        # this request in the same second as those due after it.
        while self._vacated and self._vacated[0] < now:
            heapq.heappop(self._vacated)
        if self._vacated:
            due = heapq.heappop(self._vacated)
        else:
            self._tokens = min(self.capacity, self._tokens + (now - self._updated) * self.rate)
            self._updated = now
            self._tokens -= 1
            if self._tokens >= 0:
                return 0.0
            due = now - self._tokens / self.rate
        wait = due - now
        try:
            await self._clock.sleep(wait)
        except asyncio.CancelledError:
            # The caller is gone: the next caller takes its place in the queue.
            heapq.heappush(self._vacated, due)
            raise
        return wait


class RateLimitBucket(Protocol):
    """One operation's token bucket."""

    async def acquire(self) -> float:
        """Take one token, waiting until it is due; returns the seconds waited for."""


class RateLimitBackend(Protocol):
    """Where a client's token buckets keep their state: this process, or a shared store."""

    def bucket(
        self,
        name: str,
        rate: float,
        capacity: float,
        *,
        clock: Clock,
    ) -> RateLimitBucket:
        """The bucket of ``name`` (an operation): ``rate`` tokens a second, at most ``capacity``.

        ``clock`` is the client's: where it reads the time and sleeps.
        """


class InProcessRateLimitBackend:
    """Token buckets in this process's memory, the default: each client counts its own calls."""

    def bucket(
        self,
        name: str,
        rate: float,
        capacity: float,
        *,
        clock: Clock,
    ) -> TokenBucket:
        """A new token bucket in this process's memory, full."""
        return TokenBucket(rate, capacity, clock=clock)


IN_PROCESS: Final = InProcessRateLimitBackend()
"""The default backend."""


class OperationRateLimiter:
    """The token buckets of one client, one per operation with a limit."""

    def __init__(
        self,
        limits: RateLimits,
        *,
        clock: Clock = SYSTEM_CLOCK,
        backend: RateLimitBackend = IN_PROCESS,
    ) -> None:
        self.limits = limits
        self.backend = backend
        self._clock = clock
        self._buckets: dict[str, RateLimitBucket | None] = {}

    async def acquire(self, operation_name: str) -> float:
        """Wait for a token of ``operation_name``; returns the seconds waited for."""
        if operation_name not in self._buckets:
            rate = self.limits.rate_for(operation_name)
            self._buckets[operation_name] = (
                None
                if rate is None
                else self.backend.bucket(
                    operation_name, rate, max(1.0, rate * self.limits.burst), clock=self._clock
                )
            )
        bucket = self._buckets[operation_name]
        return 0.0 if bucket is None else await bucket.acquire()
