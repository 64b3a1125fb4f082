"""Watching many jobs at once through the List operations instead of one poller per job.

Starting 500 jobs and running 500 waiters costs 500 Get calls every few seconds against
an API limited to a few dozen requests a second. The watcher instead:

1. lists the QUEUED and IN_PROGRESS jobs once, to learn each watched job's creation time
   (a watched job in neither list is finished or gone: one Get tells which);
2. then, every round, lists the COMPLETED and FAILED jobs newest first, stopping at the
   oldest creation time still watched (the service lists newest first; a server that
   does not is read to the end), and reports the watched jobs it finds;
3. once fewer jobs are left than a List round costs in calls, polls those few with Get.

The rounds are paced by the one pacing loop under a :class:`~transcribe_kit.WaitPolicy` (by
default the client's, its cap lowered to :data:`WATCH_MAX_DELAY` so that detection is
quicker than a per-job waiter's), whose deadline also cuts off a call in flight. A watch
can also end quietly: after a round once ``until()`` is true, or after ``max_rounds``
rounds. It is a plain async generator: cancelling it or breaking out of it stops at once
and leaves nothing running.
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable
from datetime import datetime
from typing import Any, Final, Generic, TypeVar

import attrs

from transcribe_kit._clock import Clock, DeadlineExceededError
from transcribe_kit._error_mapping import is_not_found
from transcribe_kit._kinds import JobKind
from transcribe_kit._pacing import Pacing
from transcribe_kit.config import WaitPolicy
from transcribe_kit.errors import ResourceFailedError, TranscribeError, WaitTimeoutError
from transcribe_kit.paginators import Paginator

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
        self,
        method: OperationMethod,
        kind: JobKind[Any, SummaryT],
        names: Iterable[str],
        *,
        raise_on_failure: bool,
        vanished_as_finished: bool,
    ) -> None:
        self.method = method
        self.kind = kind
        self.raise_on_failure = raise_on_failure
        self.vanished_as_finished = vanished_as_finished
        self.pending: dict[str, SummaryT | None] = dict.fromkeys(names)
        # The List calls one round of the final statuses' pages costs (at least one each).
        self.list_round_cost = len(kind.final_statuses)

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

    def paginate(self, status: str) -> Paginator[Any, Any, SummaryT]:
        """The jobs of the watched kind in ``status``, across pages."""
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

    def next_round(self, *, first: bool) -> AsyncGenerator[SummaryT, None]:
        """The jobs one round finds finished: by List, or by Get once few are left."""
        if first:
            return self.first_round()
        if len(self.pending) < self.list_round_cost:
            return self.get_each(list(self.pending))
        return self.list_finished()

    async def first_round(self) -> AsyncGenerator[SummaryT, None]:
        """Learn the running jobs; Get each watched job that is not among them."""
        await self.learn_running()
        unseen = [name for name, summary in self.pending.items() if summary is None]
        async with contextlib.aclosing(self.get_each(unseen)) as found:
            async for summary in found:
                yield summary

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

    async def learn_running(self) -> None:
        """Record the summary (and so the creation time) of every watched running job."""
        for status in self.kind.running_statuses:
            async for summary in self.paginate(status):
                name = self.kind.name_of(summary)
                if name in self.pending:
                    self.pending[name] = summary

    async def get_each(self, names: list[str]) -> AsyncGenerator[SummaryT, None]:
        """Read each job with Get; yield those that are finished."""
        for name in names:
            summary = await self.get_summary(name)
            if self.kind.is_final(self.kind.status_of(summary)):
                yield self.finished(summary)
            else:
                self.pending[name] = summary

    async def list_finished(self) -> AsyncGenerator[SummaryT, None]:
        """List the finished jobs newest first, down to the oldest watched one."""
        floor = self.oldest()
        cost = 0
        for status in self.kind.final_statuses:
            paginator = self.paginate(status)
            created: list[datetime | None] = []
            async with contextlib.aclosing(paginator.pages()) as pages:
                async for page in pages:
                    for summary in paginator.items_of(page):
                        created.append(self.kind.created_of(summary))
                        if self.kind.name_of(summary) in self.pending:
                            yield self.finished(summary)
                    if not self.pending or _past(created, floor):
                        break
            cost += paginator.pages_read
            if not self.pending:
                break
        self.list_round_cost = max(cost, len(self.kind.final_statuses))

    def oldest(self) -> datetime | None:
        """The oldest creation time among the watched jobs; ``None`` if any is unknown."""
        times = [
            None if summary is None else self.kind.created_of(summary)
            for summary in self.pending.values()
        ]
        if not times or None in times:
            return None
        oldest: datetime = min(time for time in times if time is not None)
        return oldest


def _past(created: list[datetime | None], floor: datetime | None) -> bool:
    """Whether a listing that read jobs created at ``created`` is past every watched job.

    Only a listing seen to be newest first (as the service answers) can stop early.
    """
    if floor is None or not created or None in created:
        return False
    known = [time for time in created if time is not None]
    newest_first = all(later >= earlier for later, earlier in itertools.pairwise(known))
    return newest_first and known[-1] < floor


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
    watch = _Watch(
        method,
        kind,
        names,
        raise_on_failure=raise_on_failure,
        vanished_as_finished=vanished_as_finished,
    )
    if not watch.pending:
        return
    pacing = Pacing(policy, clock, until=until, max_rounds=max_rounds)
    async for round_number in pacing:
        found = watch.next_round(first=round_number == 1)
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
