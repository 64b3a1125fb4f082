"""The retry loop behind :meth:`RetryPolicy.call <transcribe_kit.RetryPolicy.call>`, on tenacity.

One call's tries: the first outside tenacity (almost every call succeeds at once, and
tenacity's loop costs more CPU than the rest of the client's own work on a call; see
bench/client_overhead.py), a failure handed to tenacity, which decides, waits, logs and
tries again. The policy's ``total_timeout`` bounds the whole call: each try gets only the
time left.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Final, Protocol, TypeVar

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

from transcribe_kit._clock import Clock, DeadlineExceededError, within
from transcribe_kit._error_mapping import retry_after
from transcribe_kit._redact import redact_urls
from transcribe_kit.errors import RequestTimeoutError

T = TypeVar("T")


class RetryPolicy(Protocol):
    """What the loop reads of a :class:`~transcribe_kit.RetryPolicy` (defined in config)."""

    @property
    def max_attempts(self) -> int: ...
    @property
    def initial_backoff(self) -> float: ...
    @property
    def max_backoff(self) -> float: ...
    @property
    def jitter(self) -> float: ...
    @property
    def total_timeout(self) -> float | None: ...
    @property
    def honor_retry_after(self) -> bool: ...
    @property
    def max_retry_after(self) -> float: ...
    def should_retry(self, error: BaseException) -> bool: ...


logger: Final = logging.getLogger("transcribe_kit")


def retrying(
    policy: RetryPolicy, operation_name: str, *, clock: Clock, started: float | None
) -> AsyncRetrying:
    """A tenacity ``AsyncRetrying`` for one call (see :meth:`RetryPolicy.retrying`)."""
    return AsyncRetrying(
        retry=retry_if_exception(policy.should_retry),
        stop=stop_after_attempt(policy.max_attempts)
        | _StopAtDeadline(policy.total_timeout, clock, started),
        wait=_WaitHonouringRetryAfter(policy),
        sleep=clock.sleep,
        before_sleep=_log_retry(operation_name, policy.max_attempts),
        reraise=True,
    )


async def call_with_retries(
    policy: RetryPolicy,
    operation_name: str,
    attempt: Callable[[], Awaitable[T]],
    *,
    clock: Clock,
) -> T:
    """Await ``attempt()`` until it succeeds or ``policy`` gives up."""
    started = clock.monotonic()
    total = policy.total_timeout
    try:
        with within(total):
            return await attempt()
    except DeadlineExceededError:
        raise _out_of_time(operation_name, total) from None
    except BaseException as error:
        if policy.max_attempts == 1 or not policy.should_retry(error):
            raise
        first_failure = error
    try_once = _bounded(operation_name, attempt, total, started, clock)
    # The failed first try is handed to tenacity's loop, which then decides, waits, logs
    # and tries again exactly as if it had made that try itself.
    loop = retrying(policy, operation_name, clock=clock, started=started)
    loop.begin()
    state = RetryCallState(retry_object=loop, fn=try_once, args=(), kwargs={})
    state.set_exception(_exc_info(first_failure))
    while True:
        action = await loop.iter(retry_state=state)
        if isinstance(action, DoAttempt):
            try:
                result = await try_once()
            except BaseException as error:
                state.set_exception(_exc_info(error))
            else:
                state.set_result(result)
        elif isinstance(action, DoSleep):
            state.prepare_for_next_attempt()
            await clock.sleep(action)
        else:
            outcome: T = action
            return outcome


def _bounded(
    operation_name: str,
    attempt: Callable[[], Awaitable[T]],
    total: float | None,
    started: float,
    clock: Clock,
) -> Callable[[], Awaitable[T]]:
    """``attempt``, each try cut off when the call's ``total_timeout`` passes."""
    if total is None:
        return attempt
    deadline = started + total

    async def try_once() -> T:
        try:
            with within(deadline - clock.monotonic()):
                return await attempt()
        except DeadlineExceededError:
            raise _out_of_time(operation_name, total) from None

    return try_once


def _out_of_time(operation_name: str, total: float | None) -> RequestTimeoutError:
    return RequestTimeoutError(
        f"{operation_name} did not finish within {total:g} s (RetryPolicy.total_timeout)",
        operation_name=operation_name,
    )


def _exc_info(
    error: BaseException,
) -> tuple[type[BaseException], BaseException, TracebackType | None]:
    return type(error), error, error.__traceback__


class _StopAtDeadline(stop_base):
    """Stop when the next try would begin past the deadline.

    ``stop_before_delay`` does the same on ``time.monotonic``; this one reads the client's
    clock, so the deadline can be tested without waiting.
    """

    def __init__(self, total_timeout: float | None, clock: Clock, started: float | None) -> None:
        self._clock = clock
        start = clock.monotonic() if started is None else started
        self._deadline = None if total_timeout is None else start + total_timeout

    def __call__(self, retry_state: RetryCallState) -> bool:
        if self._deadline is None:
            return False
        return self._clock.monotonic() + retry_state.upcoming_sleep >= self._deadline


class _WaitHonouringRetryAfter(wait_base):
    """Exponential backoff with jitter, unless the error answer says how long to wait."""

    def __init__(self, policy: RetryPolicy) -> None:
        self._policy = policy
        self._backoff = wait_exponential_jitter(
            multiplier=policy.initial_backoff, max=policy.max_backoff, jitter=policy.jitter
        )

    def __call__(self, retry_state: RetryCallState) -> float:
        if self._policy.honor_retry_after and retry_state.outcome is not None:
            asked = retry_after(retry_state.outcome.exception())
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
