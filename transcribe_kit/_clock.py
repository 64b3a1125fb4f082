"""The one clock: where waiters, watchers, retries, rate limits and job slots read the time.

A :class:`Clock` is passed to :class:`~transcribe_kit.TranscribeClient` (``clock=``) and
from there to everything that waits; tests give a fake one that sleeps without waiting.
:func:`run_within` bounds a call in flight by the time a deadline leaves.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Awaitable
from typing import Final, Protocol, TypeVar

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


async def run_within(awaitable: Awaitable[T], seconds: float | None) -> T:
    """Await ``awaitable``, cancelling it after ``seconds`` (``None``: no bound).

    Raises :class:`DeadlineExceededError` when the time runs out (at once if ``seconds`` is
    not positive and ``awaitable`` has to wait). Calls happen in real time, so the bound
    is the event loop's: with the system clock, the same seconds a deadline is read in.
    """
    if seconds is None:
        return await awaitable
    if sys.version_info >= (3, 11):
        scope = asyncio.timeout(max(seconds, 0.0))
        try:
            async with scope:
                return await awaitable
        except TimeoutError:
            if scope.expired():
                raise DeadlineExceededError from None
            raise
    loop = asyncio.get_running_loop()
    started = loop.time()
    try:
        return await asyncio.wait_for(awaitable, max(seconds, 0.0))
    except asyncio.TimeoutError:
        if loop.time() - started >= seconds:
            raise DeadlineExceededError from None
        raise
