"""The one clock: where waiters, watchers, retries, rate limits and job slots read the time.

A :class:`Clock` is passed to :class:`~transcribe_kit.TranscribeClient` (``clock=``) and
from there to everything that waits; tests give a fake one that sleeps without waiting.
:func:`run_within` bounds a call in flight by the time a deadline leaves.
"""

from __future__ import annotations

import asyncio
import math
import sys
import time
import weakref
from collections.abc import Awaitable
from typing import Any, Final, Protocol, TypeVar

T = TypeVar("T")


class Clock(Protocol):
    """Where the library reads the time and sleeps; replace it to test without waiting."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin that never go backwards."""

    async def sleep(self, seconds: float) -> None:
        """Return after ``seconds``."""


class SystemClock:
    """The real clock: :func:`time.monotonic` and :func:`asyncio.sleep`."""

    def monotonic(self) -> float:
        """:func:`time.monotonic`."""
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        """:func:`asyncio.sleep`."""
        await asyncio.sleep(seconds)


SYSTEM_CLOCK: Final = SystemClock()


class DeadlineExceededError(Exception):
    """A call was cut off because its deadline passed (turned into the caller's own error)."""


class _Deadline:
    """One bounded call in flight: when it must end, and in which task."""

    __slots__ = ("expired", "task", "when")

    def __init__(self, when: float, task: asyncio.Task[Any]) -> None:
        self.when = when
        self.task = task
        self.expired = False


class _Watchdog:
    """Cuts off the calls of one event loop whose deadline passed, with one timer for all.

    A timer per call (``asyncio.timeout``) costs a few per cent of a call's CPU; here a
    call only joins a set, and the one timer is armed again only for an earlier deadline
    than the one it waits for. When it fires it cancels the tasks that are due and waits
    for the earliest deadline left.
    """

    def __init__(self) -> None:
        self._pending: set[_Deadline] = set()
        self._timer: asyncio.TimerHandle | None = None
        self._armed_for = math.inf

    def add(self, deadline: _Deadline, loop: asyncio.AbstractEventLoop) -> None:
        self._pending.add(deadline)
        if deadline.when < self._armed_for:
            self._arm(deadline.when, loop)

    def discard(self, deadline: _Deadline) -> None:
        self._pending.discard(deadline)

    def _arm(self, when: float, loop: asyncio.AbstractEventLoop) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._armed_for = when
        self._timer = loop.call_at(when, self._fire)

    def _fire(self) -> None:
        self._timer, self._armed_for = None, math.inf
        loop = asyncio.get_running_loop()
        now = loop.time()
        due = [deadline for deadline in self._pending if deadline.when <= now]
        for deadline in due:
            self._pending.discard(deadline)
            deadline.expired = True
            deadline.task.cancel()
        if self._pending:
            self._arm(min(deadline.when for deadline in self._pending), loop)


_WATCHDOGS: Final[weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Watchdog]] = (
    weakref.WeakKeyDictionary()
)


if sys.version_info >= (3, 11):

    async def run_within(awaitable: Awaitable[T], seconds: float | None) -> T:
        """Await ``awaitable``, cancelling it after ``seconds`` (``None``: no bound).

        Raises :class:`DeadlineExceededError` when the time runs out (at once if
        ``seconds`` is not positive and ``awaitable`` has to wait). Calls happen in real
        time, so the bound is the event loop's: with the system clock, the same seconds a
        deadline is read in. A cancellation from elsewhere passes through as it is.
        """
        if seconds is None:
            return await awaitable
        loop = asyncio.get_running_loop()
        task = asyncio.current_task(loop)
        assert task is not None, "run_within needs a task"
        watchdog = _WATCHDOGS.get(loop)
        if watchdog is None:
            watchdog = _WATCHDOGS[loop] = _Watchdog()
        deadline = _Deadline(loop.time() + max(seconds, 0.0), task)
        cancelling = task.cancelling()
        watchdog.add(deadline, loop)
        try:
            result = await awaitable
        except BaseException as error:
            # As asyncio.timeout does: the cancellation is ours only if no other is pending.
            ours = deadline.expired and task.uncancel() <= cancelling
            if ours and isinstance(error, asyncio.CancelledError):
                raise DeadlineExceededError from None
            raise
        finally:
            watchdog.discard(deadline)
        if deadline.expired:
            task.uncancel()
        return result

else:

    async def run_within(awaitable: Awaitable[T], seconds: float | None) -> T:
        """Await ``awaitable``, cancelling it after ``seconds`` (``None``: no bound)."""
        if seconds is None:
            return await awaitable
        loop = asyncio.get_running_loop()
        started = loop.time()
        try:
            return await asyncio.wait_for(awaitable, max(seconds, 0.0))
        except asyncio.TimeoutError:
            if loop.time() - started >= seconds:
                raise DeadlineExceededError from None
            raise
