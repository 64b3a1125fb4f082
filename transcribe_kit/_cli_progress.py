"""Where the command line's lines go: stdout and stderr, around a live status line.

On a terminal, a long command (``batch``) keeps one status line at the bottom of stderr,
redrawn in place (a carriage return and an erase-line sequence), and every other line is
written above it: the status line is erased first and drawn again after. Anywhere else
(a pipe, a file, ``TERM=dumb``) there is no status line, only plain lines.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import time
from collections.abc import AsyncIterator, Callable
from typing import Final, TextIO

from transcribe_kit._submit import BatchProgress

_ERASE_LINE: Final = "\r\x1b[K"
#: How often the status line is drawn again while nothing changes (its clock moves).
TICK_SECONDS: Final = 1.0


def is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal that understands erasing a line."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


class Display:
    """The command's output: lines to stdout and stderr, and (``live``) a status line."""

    def __init__(
        self,
        out: TextIO,
        err: TextIO,
        *,
        live: bool,
        width: Callable[[], int] = lambda: shutil.get_terminal_size().columns,
    ) -> None:
        self._out = out
        self._err = err
        self.live = live
        self._width = width
        self._status = ""
        self._shown = False

    def out(self, text: str) -> None:
        """A line of the command's result, on stdout."""
        self._above(self._out, text)

    def err(self, text: str) -> None:
        """A line for the person running the command, on stderr."""
        self._above(self._err, text)

    def status(self, text: str) -> None:
        """Show ``text`` as the status line (on a terminal; nothing happens elsewhere)."""
        self._status = text
        if self.live:
            self._draw()

    def clear(self) -> None:
        """Take the status line off the screen for good."""
        self._erase()
        self._status = ""

    def _above(self, stream: TextIO, text: str) -> None:
        self._erase()
        stream.write(text if text.endswith("\n") else text + "\n")
        if self.live:
            stream.flush()
            self._draw()

    def _erase(self) -> None:
        if self._shown:
            self._err.write(_ERASE_LINE)
            self._err.flush()
            self._shown = False

    def _draw(self) -> None:
        if not self._status:
            return
        # One column short of the width: writing the last column wraps on some terminals.
        line = self._status[: max(self._width() - 1, 10)]
        self._err.write(_ERASE_LINE + line)
        self._err.flush()
        self._shown = True


class DisplayHandler(logging.Handler):
    """A logging handler that writes each record as a line above the status line."""

    def __init__(self, display: Display) -> None:
        super().__init__()
        self.display = display

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.display.err(self.format(record))
        except Exception:
            self.handleError(record)


def _clock(seconds: float) -> str:
    minutes, second = divmod(int(seconds), 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02}:{second:02}" if hours else f"{minute}:{second:02}"


class BatchStatus:
    """The status line of a batch: a bar, the counts and the time taken, kept up to date.

    The batch counts what it finished (:meth:`finished`); the submitter's progress
    (:meth:`update`) says how many jobs run.
    """

    BAR_WIDTH: Final = 24

    def __init__(
        self, display: Display, total: int, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.display = display
        self.total = total
        self.completed = 0
        self.failed = 0
        self.running = 0
        self._clock = clock
        self._started = clock()

    @property
    def done(self) -> int:
        """Items finished either way."""
        return self.completed + self.failed

    @property
    def elapsed(self) -> float:
        """Seconds since the batch began."""
        return self._clock() - self._started

    def update(self, progress: BatchProgress | None = None) -> None:
        """Take the submitter's count of running jobs (if given); draw the status line again."""
        if progress is not None:
            self.running = progress.running
        self.display.status(self.line())

    def finished(self, *, completed: bool) -> str:
        """Count one item finished; its place in the batch, ``[3/12]``."""
        if completed:
            self.completed += 1
        else:
            self.failed += 1
        self.update()
        return f"[{self.done}/{self.total}]"

    def line(self) -> str:
        """The status line: ``[#####-----] 12/30  5 running  1 failed  0:42``."""
        filled = self.BAR_WIDTH * self.done // self.total if self.total else self.BAR_WIDTH
        bar = "#" * filled + "-" * (self.BAR_WIDTH - filled)
        failed = f"  {self.failed} failed" if self.failed else ""
        return (
            f"[{bar}] {self.done}/{self.total}  {self.running} running"
            f"{failed}  {_clock(self.elapsed)}"
        )

    def summary(self) -> str:
        """The last line: how many completed and failed, in how long."""
        failed = f", {self.failed} failed" if self.failed else ""
        return f"{self.completed} of {self.total} completed{failed} in {_clock(self.elapsed)}"

    @contextlib.asynccontextmanager
    async def ticking(self) -> AsyncIterator[None]:
        """Draw the status line every second while the block runs (on a terminal only)."""
        if not self.display.live:
            yield
            return

        async def tick() -> None:
            while True:
                self.update()
                await asyncio.sleep(TICK_SECONDS)

        ticker = asyncio.create_task(tick())
        try:
            yield
        finally:
            ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await ticker
            self.display.clear()
