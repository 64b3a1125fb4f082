"""Exactly-once job starts over a retrying transport.

Which operations start a job, and the Get that reads one back, come from the registry of
kinds; whether a failed attempt may have reached the service, from the error classifier.

``Start*Job`` takes no idempotency token. When an attempt fails without an answer (a
read timeout, a dropped connection, a 5xx) the job may exist already, and the retry then
answers ``ConflictException`` for the very job the caller asked for. :class:`StartGuard`
follows the attempts of one start call; on such a conflict it reads the job back with
the matching Get and returns it as the start's answer if it is the requested job (same
media and the same settings, as far as the service reports them, created after the call
began). A conflict on the first attempt, or after failures the service answered
unambiguously, is someone else's job and is raised.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta, timezone
from typing import Any, Final

from transcribe_kit._error_mapping import may_have_reached_service
from transcribe_kit._kinds import JobKind, job_kind_starting
from transcribe_kit.errors import ConflictError

logger: Final = logging.getLogger("transcribe_kit")

Send = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]

#: How far the service's clock may be behind ours when we compare creation times.
CLOCK_SKEW: Final = timedelta(minutes=5)


def matches_request(requested: object, reported: object) -> bool:
    """Whether what the service reports agrees with what was requested.

    Members the service does not report are not compared (a job does not echo its
    output bucket, its KMS context or, everywhere, its tags).
    """
    if isinstance(requested, Mapping):
        if not isinstance(reported, Mapping):
            return False
        return all(
            matches_request(value, reported[key])
            for key, value in requested.items()
            if key in reported
        )
    if isinstance(requested, list):
        if not isinstance(reported, list) or len(requested) != len(reported):
            return False
        return all(any(matches_request(r, s) for s in reported) for r in requested)
    if isinstance(requested, str) or isinstance(reported, str):
        return str(requested) == str(reported)
    return requested == reported


class StartGuard:
    """Follows the attempts of one ``Start*Job`` call (see the module docstring)."""

    def __init__(self, kind: JobKind[Any, Any], params: dict[str, Any]) -> None:
        self._kind = kind
        self._params = params
        self._began = datetime.now(timezone.utc)
        self._maybe_started = False

    @classmethod
    def for_call(cls, operation_name: str, params: dict[str, Any]) -> StartGuard | None:
        """A guard if ``operation_name`` starts a job, else ``None``."""
        kind = job_kind_starting(operation_name)
        return None if kind is None else cls(kind, params)

    def note_failure(self, error: BaseException) -> None:
        """Record a failed attempt."""
        self._maybe_started = self._maybe_started or may_have_reached_service(error)

    async def resolve_conflict(self, conflict: ConflictError, send: Send) -> dict[str, Any]:
        """The start's answer if an earlier attempt started this job; else raise ``conflict``."""
        if not self._maybe_started:
            raise conflict
        kind = self._kind
        name = self._params[kind.members.name]
        job_member = kind.members.resource or kind.shape
        got = await send(kind.operations.get, {kind.members.name: name})
        job = got.get(job_member)
        if not isinstance(job, Mapping) or not self._is_requested_job(job):
            raise conflict
        logger.info(
            "%s: job %s was started by an earlier attempt whose answer was lost; returning it",
            kind.operations.create,
            name,
        )
        return {job_member: job}

    def _is_requested_job(self, job: Mapping[str, Any]) -> bool:
        if "Media" not in job:
            return False
        created = job.get("CreationTime")
        if isinstance(created, datetime):
            if created.tzinfo is None:
                created = created.replace(tzinfo=timezone.utc)
            if created < self._began - CLOCK_SKEW:
                return False
        return matches_request(self._params, job)
