"""Watching jobs by their events, with a List sweep for those whose event is late or lost.

``as_completed``, ``wait_all`` and ``JobSubmitter`` take ``events=`` (a queue URL, or any
:class:`JobEventSource`) and learn that a job finished from its job-state event: one Get
confirms it (the event carries no transcript location, and the service is the truth),
and the event is acknowledged. Delivery is best effort, so every watched job also has a
due time, ``grace_period`` after it was added: a job still unfinished then is looked at
by one round of the List watcher (a *sweep*), and again after twice as long each time a
sweep finds it running, up to ``max_sweep_interval``, until it is found. A sweep costs a
few List calls however many jobs it covers, and comes ever more rarely for long jobs,
instead of a round every few seconds.

The queue is shared: an event for a job this watch does not know is left for the other
consumers, visible again after ``leave_delay`` seconds, so an event that came before its
job was watched is taken by the watch that knows the job, once it does. Kinds the service
publishes no events for (medical transcription, medical scribe) are watched by the List
watcher alone.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterable
from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Generic, Protocol

import attrs

from transcribe_kit import _watcher
from transcribe_kit._clock import Clock, DeadlineExceededError, run_within
from transcribe_kit._error_mapping import is_not_found
from transcribe_kit._kinds import JobKind
from transcribe_kit._watcher import OperationMethod, SummaryT
from transcribe_kit.config import EventWaitPolicy, WaitPolicy
from transcribe_kit.errors import ResourceFailedError, TranscribeError, WaitTimeoutError

if TYPE_CHECKING:
    from transcribe_kit.events._types import TranscribeEvent

logger: Final = logging.getLogger("transcribe_kit")


def job_event_type(kind: JobKind[Any, Any]) -> str | None:
    """The detail type of the event a job of ``kind`` publishes when it ends (``None``: none).

    Read from the registry of kinds: the kind's own state-change event, not one published
    only for a feature a request asked for (language identification).
    """
    own = [event.detail_type for event in kind.events if event.requested_by is None]
    return own[0] if own else None


class JobEventDelivery(Protocol):
    """One job-state event from a :class:`JobEventSource`.

    ``async with delivery:`` handles it: a clean exit acknowledges it (an SQS message is
    deleted), an exception lets it come back. :meth:`release` leaves it unhandled for
    another consumer. :class:`~transcribe_kit.events.Delivery` is one.
    """

    @property
    def event(self) -> TranscribeEvent:
        """The typed event."""
        ...

    async def __aenter__(self) -> TranscribeEvent: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool | None: ...

    async def release(self, delay: int = 0) -> None:
        """Leave the event for another consumer: back after ``delay`` seconds."""
        ...


class JobEventSource(Protocol):
    """Where a watch reads job-state events: an async iterable of :class:`JobEventDelivery`.

    An open :class:`~transcribe_kit.events.EventStream` (``async with tk.events(url) as
    stream``) is one; pass it instead of the URL to share one stream among many watches,
    as a ``JobSubmitter`` waiting for slots again and again would.
    """

    def __aiter__(self) -> AsyncIterator[JobEventDelivery]: ...


@attrs.frozen
class _Failure:
    """An error the event reader met that ends the watch."""

    error: BaseException


class _EventWatch(Generic[SummaryT]):
    """The jobs one watch waits for, the events it has read, and when each job is due a sweep."""

    def __init__(
        self,
        method: OperationMethod,
        kind: JobKind[Any, SummaryT],
        detail_type: str,
        *,
        policy: EventWaitPolicy,
        clock: Clock,
        vanished_as_finished: bool,
    ) -> None:
        self.method = method
        self.kind = kind
        self.detail_type = detail_type
        self.policy = policy
        self.clock = clock
        self.vanished_as_finished = vanished_as_finished
        # Each unfinished job and the time (on the clock) a sweep is due to look at it.
        self.due: dict[str, float] = {}
        # How long each job waited for its last sweep: doubled while sweeps find it running.
        self.interval: dict[str, float] = {}
        self.found: set[str] = set()
        self.results: asyncio.Queue[SummaryT | _Failure] = asyncio.Queue()
        self.counts = {"events": 0, "duplicates": 0, "left": 0, "swept": 0, "sweeps": 0}

    def add(self, names: Iterable[str]) -> None:
        """Watch ``names`` too, each due a sweep a grace period from now."""
        due = self.clock.monotonic() + self.policy.grace_period
        for name in names:
            if name not in self.found:
                self.due.setdefault(name, due)

    def report(self, summary: SummaryT) -> None:
        name = self.kind.name_of(summary) or ""
        if self.due.pop(name, None) is not None:
            self.found.add(name)
            self.results.put_nowait(summary)

    async def read(self, source: JobEventSource) -> None:
        """Take the events of ``source`` until cancelled; report the watched jobs they end."""
        try:
            async for delivery in source:
                await self.take(delivery)
        except Exception as error:
            self.results.put_nowait(_Failure(error))

    async def take(self, delivery: JobEventDelivery) -> None:
        event = delivery.event
        name = event.resource_name
        if event.detail_type != self.detail_type or name is None:
            await delivery.release(self.policy.leave_delay)
            return
        if name in self.found:
            # A duplicate of an event already used (or of a job a sweep found): done with.
            self.counts["duplicates"] += 1
            async with delivery:
                return
        if name not in self.due:
            self.counts["left"] += 1
            await delivery.release(self.policy.leave_delay)
            return
        self.counts["events"] += 1
        try:
            async with delivery:
                summary = await self.get(name)
        except TranscribeError as error:
            if is_not_found(error):
                raise  # a watched job that does not exist ends the watch, as with List
            # The message comes back for another try; the sweep is there meanwhile.
            logger.warning(
                "reading the %s %r an event named failed: %s", self.kind.noun, name, error
            )
            return
        if self.kind.is_final(self.kind.status_of(summary)):
            self.report(summary)
        # An event the service contradicts (a name reused since) is acknowledged; the job
        # stays watched.

    async def get(self, name: str) -> SummaryT:
        """The summary of the job ``name``, read with one Get."""
        kind = self.kind
        try:
            response = await self.method(kind.operations.get)(kind.get_request(name))
        except TranscribeError as error:
            if self.vanished_as_finished and is_not_found(error):
                return kind.missing_summary(name, error.message)
            raise
        resource = kind.resource_of(response)
        if resource is None:
            raise TranscribeError(
                f"{kind.operations.get} answered without the {kind.noun} {name!r}",
                operation_name=kind.operations.get,
            )
        return kind.summary_of(resource)

    def next_sweep(self) -> float | None:
        """When the next sweep is due (``None``: never, sweeping being off or nothing left)."""
        if not self.policy.sweep or not self.due:
            return None
        return min(self.due.values())

    async def sweep(self) -> None:
        """One round of the List watcher over the jobs due; report those it finds finished."""
        now = self.clock.monotonic()
        # Jobs due within half a grace period join this sweep rather than cost one of their own.
        horizon = now + self.policy.grace_period / 2
        names = [name for name, due in self.due.items() if due <= horizon]
        self.counts["sweeps"] += 1
        once = WaitPolicy(initial_delay=1.0, jitter=0.0, timeout=None)
        finished = _watcher.as_completed(
            self.method,
            self.kind,
            names,
            policy=once,
            clock=self.clock,
            max_rounds=1,
            vanished_as_finished=self.vanished_as_finished,
        )
        async with contextlib.aclosing(finished):
            async for summary in finished:
                self.counts["swept"] += 1
                self.report(summary)
        now = self.clock.monotonic()
        longest = self.policy.max_sweep_interval
        for name in names:
            if name in self.due:
                # Still running: a long job is swept ever less often, at most `longest` apart.
                interval = min(2 * self.interval.get(name, self.policy.grace_period), longest)
                self.interval[name] = interval
                self.due[name] = now + interval


def _raise_if_failed(kind: JobKind[Any, SummaryT], summary: SummaryT) -> None:
    if kind.status_of(summary) != kind.failure:
        return
    name = kind.name_of(summary) or ""
    reason = kind.failure_reason_of(summary)
    raise ResourceFailedError(
        f"{kind.noun} {name!r} failed: {reason or 'no reason given'}",
        name=name,
        resource=summary,
        failure_reason=reason,
        operation_name=kind.operations.get,
    )


async def as_completed(
    method: OperationMethod,
    kind: JobKind[Any, SummaryT],
    names: Iterable[str],
    *,
    events: JobEventSource | str | None,
    open_queue: Callable[[str], AbstractAsyncContextManager[JobEventSource]],
    event_policy: EventWaitPolicy,
    policy: WaitPolicy,
    clock: Clock,
    raise_on_failure: bool = False,
    until: Callable[[], bool] | None = None,
    vanished_as_finished: bool = False,
) -> AsyncGenerator[SummaryT, None]:
    """Yield the summary of each watched job as its event, or a sweep, finds it finished.

    ``events`` is a queue URL (a stream on it, ``open_queue(url)``, is opened for the
    watch and closed after), a :class:`JobEventSource` the caller keeps open, or ``None``
    (the List watcher alone). The watch
    ends once every job is found, quietly after a job once ``until()`` is true, or with
    :class:`~transcribe_kit.WaitTimeoutError` when ``policy.timeout`` passes. Kinds
    without events are watched by :func:`transcribe_kit._watcher.as_completed` alone.
    """
    detail_type = job_event_type(kind)
    if events is None or detail_type is None:
        polled = _watcher.as_completed(
            method,
            kind,
            names,
            policy=policy,
            clock=clock,
            raise_on_failure=raise_on_failure,
            until=until,
            vanished_as_finished=vanished_as_finished,
        )
        async with contextlib.aclosing(polled):
            async for summary in polled:
                yield summary
        return
    watch = _EventWatch(
        method,
        kind,
        detail_type,
        policy=event_policy,
        clock=clock,
        vanished_as_finished=vanished_as_finished,
    )
    watch.add(names)
    if not watch.due:
        return
    started = clock.monotonic()
    deadline = None if policy.timeout is None else started + policy.timeout
    async with contextlib.AsyncExitStack() as stack:
        source = (
            await stack.enter_async_context(open_queue(events))
            if isinstance(events, str)
            else events
        )
        reader = asyncio.create_task(watch.read(source))
        stack.push_async_callback(_cancel, reader)
        while watch.due or not watch.results.empty():
            try:
                item = await _next_result(watch, deadline)
            except DeadlineExceededError:
                raise _timed_out(watch, clock.monotonic() - started) from None
            if item is None:
                continue
            if isinstance(item, _Failure):
                raise item.error
            if raise_on_failure:
                _raise_if_failed(kind, item)
            yield item
            if until is not None and until():
                # The jobs already found go too: their events are deleted, none would return.
                while not watch.results.empty():
                    found = watch.results.get_nowait()
                    if not isinstance(found, _Failure):
                        yield found
                return


async def _next_result(
    watch: _EventWatch[SummaryT], deadline: float | None
) -> SummaryT | _Failure | None:
    """The next job found, or ``None`` after a sweep found none; raises at ``deadline``."""
    clock = watch.clock
    if not watch.results.empty():
        return watch.results.get_nowait()
    now = clock.monotonic()
    if deadline is not None and now >= deadline:
        raise DeadlineExceededError
    due = watch.next_sweep()
    wake = min((t for t in (due, deadline) if t is not None), default=None)
    waiter = asyncio.ensure_future(watch.results.get())
    timer = asyncio.ensure_future(clock.sleep(max(0.0, wake - now))) if wake is not None else None
    try:
        await asyncio.wait(
            [f for f in (waiter, timer) if f is not None], return_when=asyncio.FIRST_COMPLETED
        )
    finally:
        for future in (waiter, timer):
            if future is not None and not future.done():
                future.cancel()
    if waiter.done() and not waiter.cancelled():
        return waiter.result()
    if due is not None and clock.monotonic() >= due:
        left = None if deadline is None else deadline - clock.monotonic()
        await run_within(watch.sweep(), left)
    return None


async def _cancel(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


def _timed_out(watch: _EventWatch[Any], elapsed: float) -> WaitTimeoutError:
    return WaitTimeoutError(
        f"{len(watch.due)} {watch.kind.noun}s were unfinished after {elapsed:g} s "
        f"({watch.counts['events']} events, {watch.counts['sweeps']} sweeps)",
        last_seen=dict.fromkeys(watch.due),
        attempts=watch.counts["sweeps"],
        elapsed=elapsed,
        operation_name=watch.kind.operations.list,
    )
