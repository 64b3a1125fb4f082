"""The local backend's clock: wall time, or a time the test moves by hand.

Statuses move by the clock's seconds; the timestamps in answers (``CreationTime``,
``CompletionTime``) and the dates of presigned links are the clock's time as seconds
since the epoch, so a job the test moves an hour on also says it completed an hour later.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime, timezone


class Clock:
    """Seconds that advance with wall time, or only when :meth:`advance` moves them.

    ``listener`` is called (outside the clock's lock) after every change made by hand, so
    that whoever schedules work on this clock looks again.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._frozen_at: float | None = None
        # Epoch seconds = monotonic seconds + offset; kept so that frozen and wall time join.
        self._offset = time.time() - time.monotonic()
        self.listener: Callable[[], None] = lambda: None

    @property
    def frozen(self) -> bool:
        """Whether time moves only by :meth:`advance`."""
        return self._frozen_at is not None

    def __call__(self) -> float:
        """The current time, in seconds since the epoch."""
        with self._lock:
            if self._frozen_at is not None:
                return self._frozen_at
            return time.monotonic() + self._offset

    def freeze(self) -> None:
        """Stop time where it is: from now on it moves only by :meth:`advance`."""
        with self._lock:
            if self._frozen_at is None:
                self._frozen_at = time.monotonic() + self._offset
        self.listener()

    def advance(self, seconds: float) -> None:
        """Move frozen time on by ``seconds`` (freezing it first if it runs)."""
        if not seconds >= 0:
            raise ValueError(f"seconds must be zero or more, got {seconds}")
        with self._lock:
            now = (
                self._frozen_at if self._frozen_at is not None else time.monotonic() + self._offset
            )
            self._frozen_at = now + seconds
        self.listener()

    def resume(self) -> None:
        """Let time run with the wall clock again, from where it stands."""
        with self._lock:
            if self._frozen_at is not None:
                self._offset = self._frozen_at - time.monotonic()
                self._frozen_at = None
        self.listener()

    def reset(self) -> None:
        """Run with wall time again, as from the start."""
        with self._lock:
            self._frozen_at = None
            self._offset = time.time() - time.monotonic()
        self.listener()

    def datetime(self, seconds: float | None = None) -> datetime:
        """``seconds`` (default: now) as an aware UTC datetime."""
        return datetime.fromtimestamp(self() if seconds is None else seconds, timezone.utc)
