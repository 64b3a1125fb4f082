"""RetryPolicy: which failed calls are tried again, how often and how long to wait.

The client applies one policy to every call (``TranscribeClient(retry_policy=...)``, or
per call through ``tk.with_options(retry_policy=...)``). botocore's own retries are
switched off in the clients :class:`~transcribe_kit.TranscribeClient` creates, so this is
the one place that decides.

By default a call is tried up to 4 times, waiting about 0.5 s, 1 s, 2 s (plus up to
0.5 s of random jitter, never more than 20 s) between tries, and never retried past
120 s after the first try. These errors are retried: :class:`~transcribe_kit.ThrottlingError`,
:class:`~transcribe_kit.LimitExceededError`, :class:`~transcribe_kit.InternalFailureError`,
any other answer with an HTTP status of 500 or more, and
:class:`~transcribe_kit.TransportError` (connection failures and timeouts). A bad request,
a conflict or a missing resource is never retried. A ``Retry-After`` header in an error
answer sets the wait (up to ``max_retry_after`` seconds).

Every retry is logged at WARNING on the ``transcribe_kit`` logger, with the operation,
the attempt, the error code and the wait; query strings of URLs are left out.
"""

from __future__ import annotations

import asyncio
import logging
import math
import re
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import Any, Final, TypeVar

import attrs
from tenacity import (
    AsyncRetrying,
    DoAttempt,
    DoSleep,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential_jitter,
)
from tenacity.stop import stop_base
from tenacity.wait import wait_base

from transcribe_kit.errors import (
    InternalFailureError,
    LimitExceededError,
    ServiceError,
    ThrottlingError,
    TranscribeError,
    TransportError,
)

__all__ = ["DEFAULT_RETRYABLE_ERRORS", "RetryPolicy", "redact_urls", "retry_after_seconds"]

T = TypeVar("T")

Sleep = Callable[[float], Awaitable[None]]
"""An async sleep, ``asyncio.sleep`` unless a test gives a fake one."""

Clock = Callable[[], float]
"""A monotonic clock in seconds, ``time.monotonic`` unless a test gives a fake one."""

logger: Final = logging.getLogger("transcribe_kit")

DEFAULT_RETRYABLE_ERRORS: Final[tuple[type[TranscribeError], ...]] = (
    ThrottlingError,
    LimitExceededError,
    InternalFailureError,
    TransportError,
)
"""The errors a :class:`RetryPolicy` retries unless told otherwise."""

_URL_QUERY: Final = re.compile(r"""(\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s?#"'<>]*)\?[^\s#"'<>]*""")


def redact_urls(text: str) -> str:
    """``text`` with the query string of every URL replaced, so no signature leaks into logs."""
    return _URL_QUERY.sub(r"\1?<redacted>", text)


def retry_after_seconds(
    error: BaseException | None, *, now: datetime | None = None
) -> float | None:
    """The wait a ``Retry-After`` header in an error answer asks for, in seconds, or ``None``.

    Accepts both forms of the header: a number of seconds and an HTTP date.
    """
    if not isinstance(error, ServiceError):
        return None
    headers = error.response.get("ResponseMetadata", {}).get("HTTPHeaders") or {}
    value = next((v for k, v in headers.items() if str(k).lower() == "retry-after"), None)
    if value is None:
        return None
    text = str(value).strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - (now or datetime.now(timezone.utc))).total_seconds()
    if math.isnan(seconds) or math.isinf(seconds):
        return None
    return max(seconds, 0.0)


def _not_negative(_: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name} must not be negative, got {value}")


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How a failed call is retried: attempts, backoff, jitter, deadline, retryable errors.

    ``max_attempts`` counts every try, the first included (1 means no retry). The wait
    before retry ``n`` (1, 2, …) is ``initial_backoff * 2 ** (n - 1)`` plus a random
    ``0..jitter`` seconds, capped at ``max_backoff``. No retry starts when it would begin
    more than ``total_timeout`` seconds after the first try (``None``: no deadline).
    ``retry_on`` lists the retried error classes; ``retry_server_errors`` also retries
    any answer with HTTP status 500 or more. ``Retry-After`` (if ``honor_retry_after``)
    replaces the computed wait when it asks for at most ``max_retry_after`` seconds.
    """

    max_attempts: int = attrs.field(default=4, validator=attrs.validators.ge(1))
    initial_backoff: float = attrs.field(default=0.5, validator=_not_negative)
    max_backoff: float = attrs.field(default=20.0, validator=_not_negative)
    jitter: float = attrs.field(default=0.5, validator=_not_negative)
    total_timeout: float | None = attrs.field(default=120.0, validator=_not_negative)
    retry_on: tuple[type[BaseException], ...] = DEFAULT_RETRYABLE_ERRORS
    retry_server_errors: bool = True
    honor_retry_after: bool = True
    max_retry_after: float = attrs.field(default=60.0, validator=_not_negative)

    @classmethod
    def none(cls) -> RetryPolicy:
        """A policy that tries every call once."""
        return cls(max_attempts=1)

    def should_retry(self, error: BaseException) -> bool:
        """Whether ``error`` is one this policy retries (attempts and deadline aside)."""
        if isinstance(error, self.retry_on):
            return True
        return (
            self.retry_server_errors
            and isinstance(error, ServiceError)
            and error.http_status is not None
            and error.http_status >= 500
        )

    def retrying(
        self,
        operation_name: str,
        *,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
        started: float | None = None,
    ) -> AsyncRetrying:
        """A tenacity ``AsyncRetrying`` for one call of ``operation_name``.

        ``started`` is when the call's first try began (default: now); the deadline counts
        from there. The last error is raised as it is once the policy gives up.
        """
        return AsyncRetrying(
            retry=retry_if_exception(self.should_retry),
            stop=stop_after_attempt(self.max_attempts)
            | _StopAtDeadline(self.total_timeout, clock, started),
            wait=_WaitHonouringRetryAfter(self),
            sleep=sleep,
            before_sleep=_log_retry(operation_name, self.max_attempts),
            reraise=True,
        )

    async def call(
        self,
        operation_name: str,
        attempt: Callable[[], Awaitable[T]],
        *,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
    ) -> T:
        """Await ``attempt()`` until it succeeds or this policy gives up."""
        # The first try runs outside tenacity: almost every call succeeds at once, and
        # tenacity's loop costs more CPU than the rest of the client's own work on a call
        # (see bench/client_overhead.py). A failed first try is handed to that same loop,
        # which decides, waits, logs and tries again exactly as if it had made the try.
        started = clock()
        try:
            return await attempt()
        except BaseException as error:
            if self.max_attempts == 1 or not self.should_retry(error):
                raise
            first_failure = error
        retrying = self.retrying(operation_name, sleep=sleep, clock=clock, started=started)
        retrying.begin()
        state = RetryCallState(retry_object=retrying, fn=attempt, args=(), kwargs={})
        state.set_exception(_exc_info(first_failure))
        while True:
            action = await retrying.iter(retry_state=state)
            if isinstance(action, DoAttempt):
                try:
                    result = await attempt()
                except BaseException as error:
                    state.set_exception(_exc_info(error))
                else:
                    state.set_result(result)
            elif isinstance(action, DoSleep):
                state.prepare_for_next_attempt()
                await sleep(action)
            else:
                outcome: T = action
                return outcome


def _exc_info(
    error: BaseException,
) -> tuple[type[BaseException], BaseException, TracebackType | None]:
    return type(error), error, error.__traceback__


class _StopAtDeadline(stop_base):
    """Stop when the next try would begin past the deadline.

    ``stop_before_delay`` does the same on ``time.monotonic``; this one reads an
    injectable clock, so the deadline can be tested without waiting.
    """

    def __init__(self, total_timeout: float | None, clock: Clock, started: float | None) -> None:
        self._clock = clock
        start = clock() if started is None else started
        self._deadline = None if total_timeout is None else start + total_timeout

    def __call__(self, retry_state: RetryCallState) -> bool:
        if self._deadline is None:
            return False
        return self._clock() + retry_state.upcoming_sleep >= self._deadline


class _WaitHonouringRetryAfter(wait_base):
    """Exponential backoff with jitter, unless the error answer says how long to wait."""

    def __init__(self, policy: RetryPolicy) -> None:
        self._policy = policy
        self._backoff = wait_exponential_jitter(
            multiplier=policy.initial_backoff, max=policy.max_backoff, jitter=policy.jitter
        )

    def __call__(self, retry_state: RetryCallState) -> float:
        if self._policy.honor_retry_after and retry_state.outcome is not None:
            asked = retry_after_seconds(retry_state.outcome.exception())
            if asked is not None and asked <= self._policy.max_retry_after:
                return asked
        return float(self._backoff(retry_state))


def _log_retry(operation_name: str, max_attempts: int) -> Callable[[RetryCallState], None]:
    def log(retry_state: RetryCallState) -> None:
        outcome = retry_state.outcome
        error = outcome.exception() if outcome is not None else None
        code = getattr(error, "code", None) or type(error).__name__
        logger.warning(
            "%s failed on attempt %d of %d with %s; retrying in %.2f s: %s",
            operation_name,
            retry_state.attempt_number,
            max_attempts,
            code,
            retry_state.upcoming_sleep,
            redact_urls(str(error)),
            extra={
                "operation_name": operation_name,
                "attempt": retry_state.attempt_number,
                "error_code": code,
                "wait": retry_state.upcoming_sleep,
            },
        )

    return log
