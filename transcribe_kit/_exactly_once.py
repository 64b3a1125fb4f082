"""Exactly-once job starts over a retrying transport.

Which operations start a job, the Get that reads one back and which members of a start
the Get does not report come from the registry of kinds; whether a failed attempt may
have reached the service, from the error classifier.

``Start*Job`` takes no idempotency token. When an attempt fails without an answer (a
read timeout, a dropped connection, a 5xx) the job may exist already, and the retry then
answers ``ConflictException`` for the very job the caller asked for. :class:`StartGuard`
follows the attempts of one start call; on such a conflict it reads the job back with
the matching Get and returns it as the start's answer only if it is the requested job:
created after the call began, and reporting every member the start asked for with the
value asked for (:func:`matches_request`). A conflict on the first attempt, after
failures the service answered unambiguously, or with any other job, is raised: a job of
the same name made by someone else is never returned as ours.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any, Final

from transcribe_kit._error_mapping import may_have_reached_service
from transcribe_kit._kinds import JobKind, job_kind_starting
from transcribe_kit._timestamps import parse_timestamp
from transcribe_kit.errors import ConflictError, MalformedResponseError

logger: Final = logging.getLogger("transcribe_kit")

Send = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]

#: How far the service's clock may be behind ours when we compare creation times.
CLOCK_SKEW: Final = timedelta(minutes=5)


def matches_request(
    requested: Mapping[str, Any],
    reported: Mapping[str, Any],
    unreported: Collection[str] = (),
) -> bool:
    """Whether the job the service reports is the one ``requested`` asked for.

    Every member of the request must be reported with the value asked for, at every
    depth; a job may report more (defaults the service filled in, its status, its
    output locations). ``unreported`` names the request's top-level members that the
    Get answer does not report (:attr:`JobKind.unreported_start_members`): those are
    compared when reported and skipped when not. A boolean asked to be ``False`` matches
    one left out, which is the model's default for every boolean of a start. Lists are
    compared as multisets: the service may report their items in another order.
    """
    for name, value in requested.items():
        if name in reported:
            if not _same(value, reported[name]):
                return False
        elif name not in unreported and value is not False:
            return False
    return True


def _same(requested: object, reported: object) -> bool:
    if isinstance(requested, Mapping):
        return isinstance(reported, Mapping) and matches_request(requested, reported)
    if isinstance(requested, list):
        return isinstance(reported, list) and _same_items(requested, reported)
    if isinstance(requested, bool) or isinstance(reported, bool):
        return requested is reported
    if isinstance(requested, str) or isinstance(reported, str):
        # Not "4" for 4: a value of another type is another value.
        both = isinstance(requested, str) and isinstance(reported, str)
        return both and str(requested) == str(reported)
    return requested == reported


def _same_items(requested: Sequence[object], reported: Sequence[object]) -> bool:
    """Whether each requested item matches its own reported item (a perfect matching)."""
    if len(requested) != len(reported):
        return False
    # Kuhn's augmenting paths: lists of a start are a few items long, and an item that
    # matches several reported ones must not take the one another item needs.
    owner: dict[int, int] = {}

    def assign(index: int, seen: set[int]) -> bool:
        for other, item in enumerate(reported):
            if other in seen or not _same(requested[index], item):
                continue
            seen.add(other)
            if other not in owner or assign(owner[other], seen):
                owner[other] = index
                return True
        return False

    return all(assign(index, set()) for index in range(len(requested)))


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
        """The start's answer if an earlier attempt started this job; else raise ``conflict``.

        Raises :class:`~transcribe_kit.MalformedResponseError` if the job read back has a
        creation time that is no time.
        """
        if not self._maybe_started:
            raise conflict
        kind = self._kind
        name = self._params[kind.members.name]
        job_member = kind.members.resource or kind.shape
        got = await send(kind.operations.get, {kind.members.name: name})
        job = got.get(job_member)
        if not isinstance(job, Mapping) or not self._is_requested_job(job, job_member):
            raise conflict
        logger.info(
            "%s: job %s was started by an earlier attempt whose answer was lost; returning it",
            kind.operations.create,
            name,
        )
        return {job_member: job}

    def _is_requested_job(self, job: Mapping[str, Any], job_member: str) -> bool:
        created_member = self._kind.members.created or "CreationTime"
        if created_member not in job:
            # Nothing shows that the job was made after this call began.
            return False
        try:
            created = parse_timestamp(job[created_member])
        except MalformedResponseError as error:
            raise MalformedResponseError(
                f"{job_member}.{created_member}",
                error.reason,
                operation_name=self._kind.operations.get,
            ) from None
        if created < self._began - CLOCK_SKEW:
            return False
        return matches_request(self._params, job, self._kind.unreported_start_members)
