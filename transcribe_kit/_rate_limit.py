"""Per-operation request rates: the RateLimits value and the token buckets that apply it.

Transcribe's request quotas are per API and per account, so a client keeps one token
bucket per operation and every attempt of a call (retries included) takes a token
before it is sent. A bucket holds ``burst`` seconds' worth of tokens (at least one) and
starts full; a caller that finds it empty takes a token on credit and waits until the
token is due, so waiters are served in order without polling.

Where a bucket keeps its state is a :class:`RateLimitBackend`: in this process by default
(:class:`InProcessRateLimitBackend`), or shared by every process of an account
(:class:`~transcribe_kit.rate_limiting.DynamoDBRateLimitBackend`). The backend is asked
once per operation; every call then goes straight to its bucket.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from types import MappingProxyType
from typing import Final, Protocol

import attrs

PUBLISHED_RATE_LIMITS: Final[Mapping[str, float]] = MappingProxyType(
    {
        "StartTranscriptionJob": 25.0,
        "GetTranscriptionJob": 30.0,
        "ListTranscriptionJobs": 5.0,
        "DeleteTranscriptionJob": 5.0,
        "GetVocabulary": 20.0,
        "ListVocabularies": 5.0,
        "CreateVocabulary": 10.0,
        "UpdateVocabulary": 10.0,
        "StartCallAnalyticsJob": 10.0,
        "GetCallAnalyticsJob": 20.0,
    }
)
"""The default requests-per-second quotas Amazon Transcribe publishes, per operation."""


def _frozen_rates(rates: Mapping[str, float]) -> Mapping[str, float]:
    for operation_name, rate in rates.items():
        if not rate > 0:
            raise ValueError(f"the rate of {operation_name} must be positive, got {rate}")
    return MappingProxyType(dict(rates))


@attrs.frozen(kw_only=True)
class RateLimits:
    """Requests per second allowed for each operation, enforced by the client.

    On by default with the published quotas (:data:`PUBLISHED_RATE_LIMITS`: for example
    ``StartTranscriptionJob`` 25/s, ``GetTranscriptionJob`` 30/s,
    ``ListTranscriptionJobs`` 5/s). Operations not listed take ``default`` (``None``:
    unlimited). ``burst`` is how many seconds' worth of requests may go out at once after
    a quiet spell. Change some with :meth:`with_rates`, switch all off with
    :meth:`disabled`. Quotas are per account: clients that share an account share them,
    but each client counts only its own calls unless its buckets are shared
    (``TranscribeClient(rate_limit_backend=...)``, see :mod:`transcribe_kit.rate_limiting`).
    """

    per_operation: Mapping[str, float] = attrs.field(
        factory=lambda: PUBLISHED_RATE_LIMITS, converter=_frozen_rates, eq=False
    )
    default: float | None = None
    burst: float = attrs.field(default=1.0, validator=attrs.validators.gt(0))

    @classmethod
    def disabled(cls) -> RateLimits:
        """No limit on any operation."""
        return cls(per_operation={})

    def with_rates(self, **rates: float | None) -> RateLimits:
        """A copy with the given operations' rates set (``None`` removes an operation's limit).

        Keys are operation names: ``limits.with_rates(StartTranscriptionJob=10)``.
        """
        merged = {**self.per_operation, **rates}
        return attrs.evolve(self, per_operation={k: v for k, v in merged.items() if v is not None})

    def rate_for(self, operation_name: str) -> float | None:
        """Requests per second allowed for ``operation_name``, or ``None`` for no limit."""
        return self.per_operation.get(operation_name, self.default)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RateLimits):
            return NotImplemented
        return (dict(self.per_operation), self.default, self.burst) == (
            dict(other.per_operation),
            other.default,
            other.burst,
        )

    def __hash__(self) -> int:
        return hash((frozenset(self.per_operation.items()), self.default, self.burst))


class TokenBucket:
    """An async token bucket: ``rate`` tokens a second, holding at most ``capacity``."""

    def __init__(
        self,
        rate: float,
        capacity: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate <= 0 or capacity < 1:
            raise ValueError("a token bucket needs a positive rate and room for one token")
        self.rate = rate
        self.capacity = capacity
        self._clock = clock
        self._sleep = sleep
        self._tokens = capacity
        self._updated = clock()

    async def acquire(self) -> float:
        """Take one token, waiting until it is due; returns the seconds waited for."""
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._updated) * self.rate)
        self._updated = now
        self._tokens -= 1
        if self._tokens >= 0:
            return 0.0
        wait = -self._tokens / self.rate
        try:
            await self._sleep(wait)
        except asyncio.CancelledError:
            # The caller is gone: give its token back to those queued behind it.
            self._tokens += 1
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
        clock: Callable[[], float],
        sleep: Callable[[float], Awaitable[None]],
    ) -> RateLimitBucket:
        """The bucket of ``name`` (an operation): ``rate`` tokens a second, at most ``capacity``.

        ``clock`` and ``sleep`` are the client's.
        """


class InProcessRateLimitBackend:
    """Token buckets in this process's memory, the default: each client counts its own calls."""

    def bucket(
        self,
        name: str,
        rate: float,
        capacity: float,
        *,
        clock: Callable[[], float],
        sleep: Callable[[float], Awaitable[None]],
    ) -> TokenBucket:
        """A new :class:`TokenBucket`, full."""
        return TokenBucket(rate, capacity, clock=clock, sleep=sleep)


IN_PROCESS: Final = InProcessRateLimitBackend()
"""The default backend."""


class OperationRateLimiter:
    """The token buckets of one client, one per operation with a limit."""

    def __init__(
        self,
        limits: RateLimits,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        backend: RateLimitBackend = IN_PROCESS,
    ) -> None:
        self.limits = limits
        self.backend = backend
        self._clock = clock
        self._sleep = sleep
        self._buckets: dict[str, RateLimitBucket | None] = {}

    async def acquire(self, operation_name: str) -> float:
        """Wait for a token of ``operation_name``; returns the seconds waited for."""
        if operation_name not in self._buckets:
            rate = self.limits.rate_for(operation_name)
            self._buckets[operation_name] = (
                None
                if rate is None
                else self.backend.bucket(
                    operation_name,
                    rate,
                    max(1.0, rate * self.limits.burst),
                    clock=self._clock,
                    sleep=self._sleep,
                )
            )
        bucket = self._buckets[operation_name]
        return 0.0 if bucket is None else await bucket.acquire()
