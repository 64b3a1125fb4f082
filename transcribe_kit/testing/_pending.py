"""Documents of completed jobs that are made when someone first looks at them.

Making a job's documents (a transcript, its redacted form, subtitles, a clinical note)
costs a millisecond or two; a test that completes ten thousand jobs and reads a few of
them should not pay that ten thousand times. So a completing job only says where its
documents go and what they will say (both decided then, so that nothing that happens
later changes them), and they are made, all of one job's at once, the first time a
request names one of them, lists or otherwise uses the bucket they are in, or the
backend reads one itself. Whoever can look at an object finds it there, with the same
content it would have had if it had been written at completion.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Final

from attrs import define

from transcribe_kit.testing._outputs import Location, S3Store

_log: Final = logging.getLogger(__name__)

#: Makes one job's documents: each location, its bytes and its content type.
Maker = Callable[[], Iterable[tuple[Location, bytes, str]]]


@define(eq=False)
class _Job:
    """One job's documents, where they go and how to make them."""

    name: str
    locations: tuple[Location, ...]
    make: Maker


class PendingDocuments:
    """Documents planned but not yet made, by bucket and key; written into ``s3`` when due.

    Not thread-safe: the caller holds the backend's lock around every call.
    """

    def __init__(self, s3: S3Store) -> None:
        self._s3 = s3
        self._by_bucket: dict[str, dict[str, _Job]] = {}

    def __bool__(self) -> bool:
        return bool(self._by_bucket)

    def add(self, name: str, locations: Iterable[Location], make: Maker) -> None:
        """Plan the documents of the job ``name`` at ``locations``, made by ``make``."""
        job = _Job(name, tuple(locations), make)
        for location in job.locations:
            self._by_bucket.setdefault(location.bucket, {})[location.key] = job

    def make(self, bucket: str, key: str | None = None, *, prefix: str = "") -> None:
        """Make the documents due to be at ``bucket``/``key``, or at any key under ``prefix``.

        With neither, every document due in ``bucket``.
        """
        planned = self._by_bucket.get(bucket)
        if not planned:
            return
        if key is not None:
            found = planned.get(key)
            jobs = [] if found is None else [found]
        else:
            jobs = list(dict.fromkeys(job for at, job in planned.items() if at.startswith(prefix)))
        for job in jobs:
            self._write(job)

    def clear(self) -> None:
        """Forget every planned document (the objects it would have made are gone too)."""
        self._by_bucket.clear()

    def _write(self, job: _Job) -> None:
        for location in job.locations:
            planned = self._by_bucket.get(location.bucket, {})
            if planned.get(location.key) is job:
                del planned[location.key]
                if not planned:
                    del self._by_bucket[location.bucket]
        try:
            for location, data, content_type in job.make():
                self._s3.put(location, data, content_type)
        except Exception:  # a document that can't be made is missing; the backend goes on
            _log.exception("making the documents of the job %s failed", job.name)
