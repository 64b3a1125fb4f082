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
from types import TracebackType
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


_last: list[Any] = [lambda: None, None]  # (a weak reference to a loop, its watchdog)


def _watchdog(loop: asyncio.AbstractEventLoop) -> _Watchdog:
    """The watchdog of ``loop`` (the last one asked for is found without a lookup)."""
    if _last[0]() is loop:
        found: _Watchdog = _last[1]
        return found
    watchdog = _WATCHDOGS.get(loop)
    if watchdog is None:
        watchdog = _WATCHDOGS[loop] = _Watchdog()
    _last[:] = [weakref.ref(loop), watchdog]
    return watchdog


def _cancelling(task: asyncio.Task[Any]) -> int:
    """How many cancellations of ``task`` are pending (Python 3.11 counts them)."""
    if sys.version_info >= (3, 11):
        return task.cancelling()
    return 0


def _uncancel(task: asyncio.Task[Any]) -> int:
    """Take back one cancellation of ``task``; how many are still pending."""
    if sys.version_info >= (3, 11):
        return task.uncancel()
    return 0


class within:  # noqa: N801 - a context manager read as a clause: ``with within(5): ...``
    """Cut off what the block awaits once ``seconds`` have passed (``None``: no bound).

    ``with within(seconds): result = await call()`` raises :class:`DeadlineExceededError`
    when the time runs out (at once if ``seconds`` is not positive and the call has to
    wait), as ``asyncio.timeout`` does, but with one timer per event loop for every block
    in flight, and without a coroutine of its own between the task and the call. Calls
    happen in real time, so the bound is the event loop's: with the system clock, the same
    seconds a deadline is read in. A cancellation from elsewhere passes through as it is.
    """

    __slots__ = ("_cancelling", "_deadline", "_seconds", "_watchdog")

    def __init__(self, seconds: float | None) -> None:
        self._seconds = seconds
        self._deadline: _Deadline | None = None

    def __enter__(self) -> within:
        if self._seconds is None:
            return self
        loop = asyncio.get_running_loop()
        task = asyncio.current_task(loop)
        assert task is not None, "within() needs a task"
        watchdog = _watchdog(loop)
        self._deadline = _Deadline(loop.time() + max(self._seconds, 0.0), task)
        self._cancelling = _cancelling(task)
        self._watchdog = watchdog
        watchdog.add(self._deadline, loop)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        deadline = self._deadline
        if deadline is None:
            return
        self._watchdog.discard(deadline)
        # As asyncio.timeout does: the cancellation is ours only if no other is pending.
        if (
            deadline.expired
            and _uncancel(deadline.task) <= self._cancelling
            and exc_type is not None
            and issubclass(exc_type, asyncio.CancelledError)
        ):
            raise DeadlineExceededError from None


async def run_within(awaitable: Awaitable[T], seconds: float | None) -> T:
    """Await ``awaitable``, cut off after ``seconds`` (see :class:`within`)."""
    with within(seconds):
        return await awaitable
