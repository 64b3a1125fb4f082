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
from typing import TYPE_CHECKING, Any, Final, Generic, Protocol, TypeVar

import attrs

from transcribe_kit._clock import Clock, DeadlineExceededError
from transcribe_kit._converter import from_wire, to_wire
from transcribe_kit._pacing import Pacing
from transcribe_kit.errors import ResourceFailedError, WaitTimeoutError
from transcribe_kit.paginators import Paginator
from transcribe_kit.shapes.call_analytics import CallAnalyticsJobSummary, GetCallAnalyticsJobRequest
from transcribe_kit.shapes.enums import (
    CallAnalyticsJobStatus,
    MedicalScribeJobStatus,
    TranscriptionJobStatus,
)
from transcribe_kit.shapes.medical import (
    GetMedicalTranscriptionJobRequest,
    MedicalTranscriptionJobSummary,
)
from transcribe_kit.shapes.medical_scribe import GetMedicalScribeJobRequest, MedicalScribeJobSummary
from transcribe_kit.shapes.transcription_jobs import (
    GetTranscriptionJobRequest,
    TranscriptionJobSummary,
)
from transcribe_kit.waiters import (
    CALL_ANALYTICS_JOB_COMPLETED,
    MEDICAL_SCRIBE_JOB_COMPLETED,
    MEDICAL_TRANSCRIPTION_JOB_COMPLETED,
    TRANSCRIPTION_JOB_COMPLETED,
    Condition,
    WaitPolicy,
)

if TYPE_CHECKING:
    from transcribe_kit._service_methods import ServiceLayerMethods

WATCH_MAX_DELAY: Final = 5.0
"""The default cap, in seconds, on the delay between two rounds of a watcher."""


class JobSummary(Protocol):
    """What the watcher reads of every kind of job summary."""

    @property
    def creation_time(self) -> datetime | None:
        """When the job was requested."""

    @property
    def failure_reason(self) -> str | None:
        """Why the job failed, if it did."""


SummaryT = TypeVar("SummaryT", bound=JobSummary)


@attrs.frozen
class JobKind(Generic[SummaryT]):
    """One kind of job the watcher can follow: how to list it, get it and read it."""

    kind: str
    list_operation: str
    paginate: Callable[[ServiceLayerMethods, str], Paginator[Any, Any, SummaryT]]
    get: Callable[[ServiceLayerMethods, str], Awaitable[Any]]
    condition: Condition[Any, Any]
    summary_type: type[SummaryT]
    name_of: Callable[[SummaryT], str | None]
    status_of: Callable[[SummaryT], str | None]

    async def get_summary(self, client: ServiceLayerMethods, name: str) -> SummaryT:
        """The summary of one job, read with its Get operation."""
        job = self.condition.resource_of(await self.get(client, name))
        return from_wire(to_wire(job), self.summary_type)


TRANSCRIPTION_JOBS: Final = JobKind(
    "transcription job",
    "ListTranscriptionJobs",
    lambda tk, status: tk.paginate_transcription_jobs(status=TranscriptionJobStatus(status)),
    lambda tk, name: tk.get_transcription_job(
        GetTranscriptionJobRequest(transcription_job_name=name)
    ),
    TRANSCRIPTION_JOB_COMPLETED,
    TranscriptionJobSummary,
    lambda job: job.transcription_job_name,
    lambda job: job.transcription_job_status,
)
MEDICAL_TRANSCRIPTION_JOBS: Final = JobKind(
    "medical transcription job",
    "ListMedicalTranscriptionJobs",
    lambda tk, status: tk.paginate_medical_transcription_jobs(
        status=TranscriptionJobStatus(status)
    ),
    lambda tk, name: tk.get_medical_transcription_job(
        GetMedicalTranscriptionJobRequest(medical_transcription_job_name=name)
    ),
    MEDICAL_TRANSCRIPTION_JOB_COMPLETED,
    MedicalTranscriptionJobSummary,
    lambda job: job.medical_transcription_job_name,
    lambda job: job.transcription_job_status,
)
CALL_ANALYTICS_JOBS: Final = JobKind(
    "Call Analytics job",
    "ListCallAnalyticsJobs",
    lambda tk, status: tk.paginate_call_analytics_jobs(status=CallAnalyticsJobStatus(status)),
    lambda tk, name: tk.get_call_analytics_job(
        GetCallAnalyticsJobRequest(call_analytics_job_name=name)
    ),
    CALL_ANALYTICS_JOB_COMPLETED,
    CallAnalyticsJobSummary,
    lambda job: job.call_analytics_job_name,
    lambda job: job.call_analytics_job_status,
)
MEDICAL_SCRIBE_JOBS: Final = JobKind(
    "medical scribe job",
    "ListMedicalScribeJobs",
    lambda tk, status: tk.paginate_medical_scribe_jobs(status=MedicalScribeJobStatus(status)),
    lambda tk, name: tk.get_medical_scribe_job(
        GetMedicalScribeJobRequest(medical_scribe_job_name=name)
    ),
    MEDICAL_SCRIBE_JOB_COMPLETED,
    MedicalScribeJobSummary,
    lambda job: job.medical_scribe_job_name,
    lambda job: job.medical_scribe_job_status,
)

_RUNNING: Final = ("QUEUED", "IN_PROGRESS")
_FINISHED: Final = ("COMPLETED", "FAILED")


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
        client: ServiceLayerMethods,
        kind: JobKind[SummaryT],
        names: Iterable[str],
        raise_on_failure: bool,
    ) -> None:
        self.client = client
        self.kind = kind
        self.raise_on_failure = raise_on_failure
        self.pending: dict[str, SummaryT | None] = dict.fromkeys(names)
        # The List calls one round of COMPLETED and FAILED pages costs (at least one each).
        self.list_round_cost = len(_FINISHED)

    def finished(self, summary: SummaryT) -> SummaryT:
        """Forget a finished job; raise if it failed and failures are to raise."""
        name = self.kind.name_of(summary) or ""
        self.pending.pop(name, None)
        if self.raise_on_failure and self.kind.status_of(summary) == "FAILED":
            raise ResourceFailedError(
                f"{self.kind.kind} {name!r} failed: {summary.failure_reason or 'no reason given'}",
                name=name,
                resource=summary,
                failure_reason=summary.failure_reason,
                operation_name=self.kind.list_operation,
            )
        return summary

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
            f"{len(self.pending)} {self.kind.kind}s were unfinished after {pacing.attempts} "
            f"rounds ({pacing.elapsed:g} s)",
            last_seen=dict(self.pending),
            attempts=pacing.attempts,
            elapsed=pacing.elapsed,
            operation_name=self.kind.list_operation,
        )

    async def learn_running(self) -> None:
        """Record the summary (and so the creation time) of every watched running job."""
        for status in _RUNNING:
            async for summary in self.kind.paginate(self.client, status):
                name = self.kind.name_of(summary)
                if name in self.pending:
                    self.pending[name] = summary

    async def get_each(self, names: list[str]) -> AsyncGenerator[SummaryT, None]:
        """Read each job with Get; yield those that are finished."""
        for name in names:
            summary = await self.kind.get_summary(self.client, name)
            if self.kind.status_of(summary) in _FINISHED:
                yield self.finished(summary)
            else:
                self.pending[name] = summary

    async def list_finished(self) -> AsyncGenerator[SummaryT, None]:
        """List the finished jobs newest first, down to the oldest watched one."""
        floor = _oldest(self.pending.values())
        cost = 0
        for status in _FINISHED:
            paginator = self.kind.paginate(self.client, status)
            created: list[datetime | None] = []
            async with contextlib.aclosing(paginator.pages()) as pages:
                async for page in pages:
                    for summary in paginator.items_of(page):
                        created.append(summary.creation_time)
                        if self.kind.name_of(summary) in self.pending:
                            yield self.finished(summary)
                    if not self.pending or _past(created, floor):
                        break
            cost += paginator.pages_read
            if not self.pending:
                break
        self.list_round_cost = max(cost, len(_FINISHED))


def _past(created: list[datetime | None], floor: datetime | None) -> bool:
    """Whether a listing that read jobs created at ``created`` is past every watched job.

    Only a listing seen to be newest first (as the service answers) can stop early.
    """
    if floor is None or not created or None in created:
        return False
    known = [time for time in created if time is not None]
    newest_first = all(later >= earlier for later, earlier in itertools.pairwise(known))
    return newest_first and known[-1] < floor


def _oldest(summaries: Iterable[JobSummary | None]) -> datetime | None:
    """The oldest creation time among ``summaries``; ``None`` if any is unknown."""
    times = [summary.creation_time if summary is not None else None for summary in summaries]
    if not times or any(time is None for time in times):
        return None
    return min(time for time in times if time is not None)


async def as_completed(
    client: ServiceLayerMethods,
    kind: JobKind[SummaryT],
    names: Iterable[str],
    *,
    policy: WaitPolicy,
    raise_on_failure: bool = False,
    until: Callable[[], bool] | None = None,
    max_rounds: int | None = None,
    clock: Clock | None = None,
) -> AsyncGenerator[SummaryT, None]:
    """Yield the summary of each watched job as it is seen COMPLETED or FAILED.

    Each job is yielded once, however often it is named. Rounds are paced by ``policy``
    on ``clock`` (default: the client's); the watch ends quietly after a round once
    ``until()`` is true, or after ``max_rounds`` rounds. Raises
    :class:`~transcribe_kit.WaitTimeoutError` (``last_seen``: each unfinished job's name
    and last seen summary) when ``policy`` runs out, a call in flight included, the
    not-found error if a watched job does not exist, and
    :class:`~transcribe_kit.ResourceFailedError` on the first FAILED job if
    ``raise_on_failure``.
    """
    watch = _Watch(client, kind, names, raise_on_failure)
    if not watch.pending:
        return
    pacing = Pacing(policy, clock or client.clock, until=until, max_rounds=max_rounds)
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


async def wait_all(
    client: ServiceLayerMethods,
    kind: JobKind[SummaryT],
    names: Iterable[str],
    *,
    policy: WaitPolicy,
    raise_on_failure: bool = False,
) -> list[SummaryT]:
    """The summaries of all the watched jobs once each is COMPLETED or FAILED, in order.

    The list lines up with ``names``: a name given twice has its summary twice. Raises as
    :func:`as_completed` does.
    """
    order = list(names)
    found: dict[str, SummaryT] = {}
    watching = as_completed(client, kind, order, policy=policy, raise_on_failure=raise_on_failure)
    async with contextlib.aclosing(watching):
        async for summary in watching:
            found[kind.name_of(summary) or ""] = summary
    return [found[name] for name in order]
