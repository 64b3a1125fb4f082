"""Watching many jobs at once through the List operations instead of one poller per job.

Starting 500 jobs and running 500 waiters costs 500 Get calls every few seconds against
an API limited to a few dozen requests a second. The watcher instead:

1. lists the QUEUED and IN_PROGRESS jobs once, to learn each watched job's creation time;
   a watched job in neither list is finished or gone: it lists the COMPLETED and FAILED
   jobs while a page costs less than the Get calls it could spare, then Gets the rest;
2. then, every round, lists the COMPLETED and FAILED jobs newest first, stopping at the
   oldest creation time still watched (the service lists newest first; a server that
   does not is read to the end), and reports the watched jobs it finds;
3. once fewer jobs are left than a List round costs in calls, polls those few with Get;
   and while all jobs down to the oldest watched one fit on one page, whatever their
   status, lists them with one unfiltered call instead of one per final status.

Each round is one call of :meth:`Polling.next_round`. A watch fed by job-state events
(``transcribe_kit.events``) runs its sweeps for late events as one round of this watcher.

The rounds are paced by the one pacing loop under a :class:`~transcribe_kit.WaitPolicy` (by
default the client's, its cap lowered to :data:`WATCH_MAX_DELAY` so that detection is
quicker than a per-job waiter's), whose deadline also cuts off a call in flight. A watch
can also end quietly: after a round once ``until()`` is true, or after ``max_rounds``
rounds. It is a plain async generator: cancelling it or breaking out of it stops at once
and leaves nothing running.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable, Sequence
from datetime import datetime
from typing import Any, Final, Generic, TypeVar

import attrs

from transcribe_kit._clock import Clock, DeadlineExceededError
from transcribe_kit._error_mapping import is_not_found
from transcribe_kit._kinds import JobKind
from transcribe_kit._pacing import Pacing
from transcribe_kit.config import WaitPolicy
from transcribe_kit.errors import ResourceFailedError, TranscribeError, WaitTimeoutError
from transcribe_kit.paginators import DEFAULT_PAGE_SIZE, Paginator

OperationMethod = Callable[[str], Callable[[Any], Awaitable[Any]]]
"""The client's typed method of an operation, by the operation's name."""

WATCH_MAX_DELAY: Final = 5.0
"""The default cap, in seconds, on the delay between two rounds of a watcher."""


SummaryT = TypeVar("SummaryT")


def watch_policy(policy: WaitPolicy) -> WaitPolicy:
    """``policy`` with its cap lowered to :data:`WATCH_MAX_DELAY` (one round serves all)."""
    if policy.max_delay <= WATCH_MAX_DELAY:
        return policy
    return attrs.evolve(
        policy,
        max_delay=WATCH_MAX_DELAY,
        initial_delay=min(policy.initial_delay, WATCH_MAX_DELAY),
    )


class _Watch(Generic[SummaryT]):
    """The state of one watch: the jobs still unfinished and what was last seen of them."""

    def __init__(
        self, kind: JobKind[Any, SummaryT], names: Iterable[str], *, raise_on_failure: bool
    ) -> None:
        self.kind = kind
        self.raise_on_failure = raise_on_failure
        self.pending: dict[str, SummaryT | None] = dict.fromkeys(names)

    def finished(self, summary: SummaryT) -> SummaryT:
        """Forget a finished job; raise if it failed and failures are to raise."""
        kind = self.kind
        name = kind.name_of(summary) or ""
        self.pending.pop(name, None)
        if self.raise_on_failure and kind.status_of(summary) == kind.failure:
            reason = kind.failure_reason_of(summary)
            raise ResourceFailedError(
                f"{kind.noun} {name!r} failed: {reason or 'no reason given'}",
                name=name,
                resource=summary,
                failure_reason=reason,
                operation_name=kind.operations.list,
            )
        return summary

    def unseen(self) -> list[str]:
        """The watched jobs of which nothing has been seen yet."""
        return [name for name, summary in self.pending.items() if summary is None]

    def oldest(self) -> datetime | None:
        """The oldest creation time among the watched jobs; ``None`` if any is unknown."""
        oldest: datetime | None = None
        for summary in self.pending.values():
            created = None if summary is None else self.kind.created_of(summary)
            if created is None:
                return None
            if oldest is None or created < oldest:
                oldest = created
        return oldest

    def timed_out(self, pacing: Pacing) -> WaitTimeoutError:
        """The error for a watch whose policy ran out with jobs unfinished."""
        return WaitTimeoutError(
            f"{len(self.pending)} {self.kind.noun}s were unfinished after {pacing.attempts} "
            f"rounds ({pacing.elapsed:g} s)",
            last_seen=dict(self.pending),
            attempts=pacing.attempts,
            elapsed=pacing.elapsed,
            operation_name=self.kind.operations.list,
        )


class Polling(Generic[SummaryT]):
    """Finished jobs found by listing them (newest first, down to the oldest watched) or Get."""

    def __init__(
        self,
        method: OperationMethod,
        kind: JobKind[Any, SummaryT],
        *,
        vanished_as_finished: bool,
    ) -> None:
        self.method = method
        self.kind = kind
        self.vanished_as_finished = vanished_as_finished
        # The List calls one round of the final statuses' pages costs (at least one each).
        self.list_round_cost = len(kind.final_statuses)
        # Whether the jobs down to the oldest watched one, whatever their status, are
        # likely to fit on one page: one unfiltered List call then does a round's work.
        self.one_page = False

    def next_round(self, watch: _Watch[SummaryT], *, first: bool) -> AsyncGenerator[SummaryT, None]:
        """The jobs one round finds finished: by List, or by Get once few are left."""
        if first:
            return self.first_round(watch)
        if len(watch.pending) < self.list_round_cost:
            return self.get_each(watch, list(watch.pending))
        if self.one_page:
            return self.list_statuses(watch, (None,), floor=watch.oldest())
        return self.list_finished(watch, floor=watch.oldest())

    async def first_round(self, watch: _Watch[SummaryT]) -> AsyncGenerator[SummaryT, None]:
        """Learn the running jobs, list the finished ones while that is cheaper than Get.

        A watched job seen in neither is finished or gone: Get tells which.
        """
        await self.learn_running(watch)
        if len(watch.unseen()) > 1:
            found = self.list_finished(watch, floor=None, worth=lambda: len(watch.unseen()))
            async with contextlib.aclosing(found):
                async for summary in found:
                    yield summary
        async with contextlib.aclosing(self.get_each(watch, watch.unseen())) as found:
            async for summary in found:
                yield summary

    def paginate(self, status: str | None) -> Paginator[Any, Any, SummaryT]:
        """The jobs of the watched kind in ``status`` (``None``: any), across pages."""
        kind = self.kind
        return Paginator(
            self.method(kind.operations.list),
            kind.list_request(status),
            kind.summaries_of,
            operation_name=kind.operations.list,
        )

    async def get_summary(self, name: str) -> SummaryT:
        """The summary of one job, read with Get (a vanished one's, if that is finished)."""
        kind = self.kind
        try:
            get = self.method(kind.operations.get)
            response = await get(kind.get_request(name))
        except TranscribeError as error:
            if not (self.vanished_as_finished and is_not_found(error)):
                raise
            return kind.missing_summary(name, error.message)
        resource = kind.resource_of(response)
        if resource is None:
            raise TranscribeError(
                f"{kind.operations.get} answered without the {kind.noun} {name!r}",
                operation_name=kind.operations.get,
            )
        return kind.summary_of(resource)

    async def learn_running(self, watch: _Watch[SummaryT]) -> None:
        """Record the summary (and so the creation time) of every watched running job."""
        for status in self.kind.running_statuses:
            async for summary in self.paginate(status):
                name = self.kind.name_of(summary)
                if name in watch.pending:
                    watch.pending[name] = summary

    async def get_each(
        self, watch: _Watch[SummaryT], names: list[str]
    ) -> AsyncGenerator[SummaryT, None]:
        """Read each job with Get; yield those that are finished."""
        for name in names:
            summary = await self.get_summary(name)
            if self.kind.is_final(self.kind.status_of(summary)):
                yield watch.finished(summary)
            else:
                watch.pending[name] = summary

    def list_finished(
        self,
        watch: _Watch[SummaryT],
        *,
        floor: datetime | None,
        worth: Callable[[], int] | None = None,
    ) -> AsyncGenerator[SummaryT, None]:
        """List the finished jobs newest first, down to ``floor`` (``None``: to the end).

        With ``worth``, a listing also stops before its next page would bring the calls of
        this round to ``worth()``: the Get calls the jobs still sought would cost instead.
        """
        return self.list_statuses(watch, self.kind.final_statuses, floor=floor, worth=worth)

    async def list_statuses(
        self,
        watch: _Watch[SummaryT],
        statuses: Sequence[str | None],
        *,
        floor: datetime | None,
        worth: Callable[[], int] | None = None,
    ) -> AsyncGenerator[SummaryT, None]:
        """List the jobs in each of ``statuses`` (``None``: any) newest first, to ``floor``.

        Yields the watched jobs found finished and records the others' summaries.
        """
        kind = self.kind
        cost = read = 0
        for status in statuses:
            if worth is not None and cost + 1 >= worth():
                break
            paginator = self.paginate(status)
            descent = _Descent()
            async with contextlib.aclosing(paginator.pages()) as pages:
                async for page in pages:
                    for summary in paginator.items_of(page):
                        read += 1
                        descent.saw(kind.created_of(summary))
                        name = kind.name_of(summary)
                        if name not in watch.pending:
                            continue
                        if kind.is_final(kind.status_of(summary)):
                            yield watch.finished(summary)
                        else:
                            watch.pending[name] = summary  # listed without a status filter
                    if not watch.pending or descent.past(floor):
                        break
                    if worth is not None and cost + paginator.pages_read + 1 >= worth():
                        break
            cost += paginator.pages_read
            if not watch.pending:
                break
        if worth is None:
            if statuses == (None,):
                self.one_page = cost <= 1
            else:
                self.list_round_cost = max(cost, len(statuses))
                # The finished jobs read, the watched ones left and the running ones
                # (at least those): all on one page of every status?
                self.one_page = read + len(watch.pending) <= DEFAULT_PAGE_SIZE


class _Descent:
    """How far down a listing has read, and whether it is newest first (as the service lists).

    Kept as the listing goes, a page at a time, so that telling whether it is past the
    oldest watched job costs the same on its hundredth page as on its first.
    """

    def __init__(self) -> None:
        self.newest_first = True
        self.known = True
        self.last: datetime | None = None

    def saw(self, created: datetime | None) -> None:
        """Record the creation time of the next job the listing gave."""
        if created is None:
            self.known = False
            return
        if self.last is not None and created > self.last:
            self.newest_first = False
        self.last = created

    def past(self, floor: datetime | None) -> bool:
        """Whether every job the listing has left is older than ``floor``.

        Only a listing seen to be newest first (as the service answers) can stop early.
        """
        return (
            floor is not None
            and self.known
            and self.newest_first
            and self.last is not None
            and self.last < floor
        )


async def as_completed(
    method: OperationMethod,
    kind: JobKind[Any, SummaryT],
    names: Iterable[str],
    *,
    policy: WaitPolicy,
    clock: Clock,
    raise_on_failure: bool = False,
    until: Callable[[], bool] | None = None,
    max_rounds: int | None = None,
    vanished_as_finished: bool = False,
) -> AsyncGenerator[SummaryT, None]:
    """Yield the summary of each watched job as it is seen COMPLETED or FAILED.

    ``method`` gives the client's method of each operation it calls (List and Get of
    ``kind``). Each job is yielded once, however often it is named. Rounds are paced by
    ``policy`` on ``clock``; the watch ends quietly after a round once
    ``until()`` is true, or after ``max_rounds`` rounds. Raises
    :class:`~transcribe_kit.WaitTimeoutError` (``last_seen``: each unfinished job's name
    and last seen summary) when ``policy`` runs out, a call in flight included, the
    not-found error if a watched job does not exist, and
    :class:`~transcribe_kit.ResourceFailedError` on the first FAILED job if
    ``raise_on_failure``. With ``vanished_as_finished`` a job that no longer exists
    counts as FAILED instead (its failure reason the service's answer).
    """
    watch = _Watch(kind, names, raise_on_failure=raise_on_failure)
    if not watch.pending:
        return
    polling = Polling(method, kind, vanished_as_finished=vanished_as_finished)
    pacing = Pacing(policy, clock, until=until, max_rounds=max_rounds)
    async for round_number in pacing:
        found = polling.next_round(watch, first=round_number == 1)
        async with contextlib.aclosing(found):
            while True:
                try:
                    summary = await pacing.within(anext(found))
                except StopAsyncIteration:
                    break
                except DeadlineExceededError:
                    raise watch.timed_out(pacing) from None
                yield summary
        if not watch.pending:
            return
    if pacing.exhausted is not None:
        raise watch.timed_out(pacing)


async def in_order(
    kind: JobKind[Any, SummaryT], names: list[str], finished: AsyncGenerator[SummaryT, None]
) -> list[SummaryT]:
    """The summaries ``finished`` yields, lined up with ``names`` (a name twice: twice)."""
    found: dict[str, SummaryT] = {}
    async with contextlib.aclosing(finished):
        async for summary in finished:
            found[kind.name_of(summary) or ""] = summary
    return [found[name] for name in names]
