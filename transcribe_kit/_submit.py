"""JobSubmitter: start many jobs with at most N running, and hand back each as it finishes.

Past the account's concurrent-job quota (250 by default, 100 Call Analytics jobs) a start
fails with ``LimitExceededException``, which no retry mode helps with. The submitter
counts the jobs it started that have not yet reached COMPLETED or FAILED (a start that
failed without an answer counts too: it may have started the job); when ``max_running``
of them run, or the service answers that the account is full (the error classifier
decides, by the error code), it watches those jobs with the many-jobs watcher
(:meth:`~transcribe_kit.TranscribeClient.as_completed`: a few List calls a round,
filtered by status, instead of one Get per job). The round that sees one or more of them
finished frees all their slots; the next jobs start before the finished ones are handed
back, so that the service keeps working while the caller handles a result.

Pacing adapts to the jobs at hand: a wait's rounds start ``poll_interval`` apart and back
off to ``max_poll_interval``; once jobs have finished, a wait first sleeps until the next
running job is due, judged by the quickest job seen so far (its service timestamps, from
creation to completion), so that jobs of a second and jobs of an hour are both seen
finished soon after they finish, without polling an hour-long job every second.

One engine (:class:`_Run`) serves :meth:`JobSubmitter.submit` (start them all, return once
started) and :meth:`JobSubmitter.as_completed` (start them, then hand back each finished
job); nothing runs between the items it yields.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Callable,
    Iterable,
    Iterator,
    Sized,
)
from datetime import datetime
from typing import Any, Final, Generic, TypeVar, overload

import attrs

from transcribe_kit._client import TranscribeClient
from transcribe_kit._clock import Clock
from transcribe_kit._error_mapping import is_not_found, is_slot_exhausted, may_have_reached_service
from transcribe_kit._kinds import JOB_KINDS, JobKind
from transcribe_kit._pacing import Pacing
from transcribe_kit.config import EventWaitPolicy, WaitPolicy, check_number
from transcribe_kit.errors import (
    JobSlotTimeoutError,
    LimitExceededError,
    ResourceFailedError,
    TranscribeError,
    WaitTimeoutError,
)
from transcribe_kit.events import _watch
from transcribe_kit.events._watch import JobEventSource
from transcribe_kit.shapes.call_analytics import CallAnalyticsJob, StartCallAnalyticsJobRequest
from transcribe_kit.shapes.medical import (
    MedicalTranscriptionJob,
    StartMedicalTranscriptionJobRequest,
)
from transcribe_kit.shapes.medical_scribe import MedicalScribeJob, StartMedicalScribeJobRequest
from transcribe_kit.shapes.transcription_jobs import (
    JobExecutionSettings,
    StartTranscriptionJobRequest,
    StartTranscriptionJobResponse,
    TranscriptionJob,
)
from transcribe_kit.transcript._call_analytics import CallAnalyticsTranscript
from transcribe_kit.transcript._document import Transcript
from transcribe_kit.transcript._medical_scribe import MedicalScribeTranscript

RequestT = TypeVar("RequestT")
JobT = TypeVar("JobT")
DocumentT = TypeVar("DocumentT")

DEFAULT_POLL_INTERVAL: Final = 0.5
"""Seconds between the first rounds of a wait for a job to finish."""
DEFAULT_MAX_POLL_INTERVAL: Final = 30.0
"""The most seconds between two rounds of a wait, once it has backed off."""

_KINDS_BY_REQUEST: Final[dict[type, JobKind[Any, Any]]] = {
    kind.request_type(kind.operations.create): kind for kind in JOB_KINDS
}


def _kind_of(request: object) -> JobKind[Any, Any]:
    kind = _KINDS_BY_REQUEST.get(type(request))
    if kind is None:
        raise TypeError(f"not a request that starts a job: {type(request).__name__}")
    return kind


@attrs.frozen(kw_only=True)
class JobSubmission:
    """What became of one request given to :meth:`JobSubmitter.submit`.

    Exactly one of ``response`` (the job was started) and ``error`` (it was not, or its
    start failed without an answer after every retry) is set.
    """

    request: StartTranscriptionJobRequest
    response: StartTranscriptionJobResponse | None = None
    error: TranscribeError | None = None

    @property
    def started(self) -> bool:
        """Whether the job was started."""
        return self.response is not None


@attrs.frozen(kw_only=True)
class JobOutcome(Generic[RequestT, JobT, DocumentT]):
    """What became of one request given to :meth:`JobSubmitter.as_completed`.

    ``job`` is the job as read once it finished (``None`` if it never started or could
    not be read); ``transcript`` its result document when transcripts were asked for and
    it completed. ``error`` says why it did not complete, typed: the start's error (a bad
    request, a conflict, :class:`~transcribe_kit.JobSlotTimeoutError`, ...),
    :class:`~transcribe_kit.ResourceFailedError` for a FAILED job (its
    ``failure_reason``), :class:`~transcribe_kit.WaitTimeoutError` for a job still running
    when the submitter gave up, or the error of reading the job or its transcript.
    """

    request: RequestT
    name: str
    job: JobT | None = None
    transcript: DocumentT | None = None
    error: TranscribeError | None = None

    @property
    def completed(self) -> bool:
        """Whether the job completed (and its transcript was read, if asked for)."""
        return self.error is None


@attrs.frozen(kw_only=True)
class BatchProgress:
    """How far :meth:`JobSubmitter.as_completed` has come, given to its ``on_progress``.

    ``total`` is the number of requests when they were given as a sized collection, and
    ``waiting`` how many of them are not yet started or refused (both ``None`` otherwise).
    ``started`` counts the jobs started, ``running`` those that hold a slot (started, or
    whose start failed without an answer, and not yet seen finished), ``completed`` and
    ``failed`` the outcomes handed back so far (a refused start is failed without having
    run).
    """

    total: int | None
    waiting: int | None
    started: int = 0
    running: int = 0
    completed: int = 0
    failed: int = 0

    @property
    def done(self) -> int:
        """The outcomes handed back so far."""
        return self.completed + self.failed


@attrs.define
class _Running:
    """A job a submitter started and has not yet seen finished."""

    started_at: float
    """When it was started, on the submitter's clock."""
    run: _Run | None = None
    """The :meth:`JobSubmitter.as_completed` call that hands it back, if any."""
    request: object = None
    start_error: TranscribeError | None = None
    """Why its start failed without an answer: it may never have started."""


@attrs.frozen
class _Started:
    """A job was started: its request and the start's response."""

    request: Any
    response: Any


@attrs.frozen(kw_only=True)
class _DueFirst(WaitPolicy):
    """A :class:`~transcribe_kit.WaitPolicy` whose first delay is ``first_delay`` seconds."""

    first_delay: float = 0.0

    def delays(self, rng: random.Random | None = None) -> Iterator[float]:
        """``first_delay``, then the policy's delays."""
        yield self.first_delay
        yield from WaitPolicy.delays(self, rng)


class JobSubmitter:
    """Starts many jobs, keeping at most ``max_running`` of them unfinished at once.

    :meth:`as_completed` starts them and hands back each job as it finishes;
    :meth:`submit` starts them and returns once all are started. Jobs of every kind:
    transcription, medical transcription, Call Analytics and medical scribe (one kind per
    call), each under its own ``max_running`` (default: the kind's concurrent-job quota,
    250, or 100 for Call Analytics).

    It sees its jobs finish through the List operations, a few calls a round however many
    jobs run (see :meth:`~transcribe_kit.TranscribeClient.as_completed`); a job deleted
    meanwhile frees its slot too. A wait's rounds start ``poll_interval`` seconds apart
    and back off to ``max_poll_interval``; once jobs have finished, a wait first sleeps
    until the next running job is due, judged by the quickest job seen so far.
    ``slot_timeout`` is the longest one wait may take (for a slot, or for a job to
    finish) before the requests not yet started fail with
    :class:`~transcribe_kit.JobSlotTimeoutError`. ``clock`` is where it reads the time and
    sleeps (default: the client's). With ``events`` (a queue URL, or an open event stream to
    keep one across waits) it learns that its jobs finished from their events, as
    :meth:`~transcribe_kit.TranscribeClient.as_completed` does under ``event_policy``. With
    ``deferred_execution_role_arn`` every transcription request without
    ``job_execution_settings`` asks the service to queue it when the account is full
    (``AllowDeferredExecution``; the service then holds up to 10,000 jobs, so
    ``max_running`` may be raised that far).

    ``LimitExceededException`` is taken as "wait for a slot", and is not retried by the
    client's policy underneath; any other error is that request's result (a bad request
    among them, whatever its message says). A start that failed without an answer may
    have started its job, so its slot stays taken until the job is seen finished or gone.
    Starts go through the client, so its rate limits and exactly-once starts apply.
    """

    def __init__(
        self,
        client: TranscribeClient,
        *,
        max_running: int | None = None,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        max_poll_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        slot_timeout: float = 6 * 3600.0,
        deferred_execution_role_arn: str | None = None,
        clock: Clock | None = None,
        events: str | JobEventSource | None = None,
        event_policy: EventWaitPolicy | None = None,
    ) -> None:
        if max_running is not None and max_running < 1:
            raise ValueError(f"max_running must be at least 1, got {max_running}")
        check_number("slot_timeout", slot_timeout, 0, strict=True)
        check_number("poll_interval", poll_interval, 0, strict=True)
        check_number("max_poll_interval", max_poll_interval, 0, strict=True)
        if poll_interval > max_poll_interval:
            raise ValueError("poll intervals must satisfy 0 < poll_interval <= max_poll_interval")
        # The rounds of a wait and the tries of a refused start, up to slot_timeout.
        self._slot_policy = WaitPolicy(
            initial_delay=poll_interval, max_delay=max_poll_interval, jitter=0.0, timeout=None
        )
        # A full account is waited out here, with the watcher, not retried underneath.
        policy = client.retry_policy
        self._starter = client.with_options(
            retry_policy=attrs.evolve(
                policy, retry_on=tuple(e for e in policy.retry_on if e is not LimitExceededError)
            )
        )
        self._client = client
        self.max_running = max_running
        self._slot_timeout = slot_timeout
        self._role_arn = deferred_execution_role_arn
        self._clock = clock or client.clock
        self._events = events
        self._event_policy = event_policy or EventWaitPolicy()
        # The jobs started here and not yet seen finished, by kind, oldest first.
        self._running: dict[JobKind[Any, Any], dict[str, _Running]] = {}
        # The shortest run (creation to completion, in seconds) seen of each kind.
        self._quickest: dict[JobKind[Any, Any], float] = {}

    @property
    def running(self) -> frozenset[str]:
        """The names of the jobs started here that were not yet seen COMPLETED or FAILED."""
        return frozenset(name for jobs in self._running.values() for name in jobs)

    async def submit(self, requests: Iterable[StartTranscriptionJobRequest]) -> list[JobSubmission]:
        """Start every request, in order; one :class:`JobSubmission` per request, in order.

        Returns once every request is started or refused; the jobs may still run.
        """
        results: list[JobSubmission] = []
        run = _Run(self, requests, follow=False, fetch=False, on_progress=None)
        async with contextlib.aclosing(run.events()) as events:
            async for event in events:
                request: StartTranscriptionJobRequest = event.request
                if isinstance(event, _Started):
                    response: StartTranscriptionJobResponse = event.response
                    results.append(JobSubmission(request=request, response=response))
                else:
                    results.append(JobSubmission(request=request, error=event.error))
        return results

    @overload
    def as_completed(
        self,
        requests: Iterable[StartTranscriptionJobRequest]
        | AsyncIterable[StartTranscriptionJobRequest],
        *,
        fetch_transcripts: bool = False,
        on_progress: Callable[[BatchProgress], object] | None = None,
    ) -> AsyncGenerator[
        JobOutcome[StartTranscriptionJobRequest, TranscriptionJob, Transcript], None
    ]: ...

    @overload
    def as_completed(
        self,
        requests: Iterable[StartMedicalTranscriptionJobRequest]
        | AsyncIterable[StartMedicalTranscriptionJobRequest],
        *,
        fetch_transcripts: bool = False,
        on_progress: Callable[[BatchProgress], object] | None = None,
    ) -> AsyncGenerator[
        JobOutcome[StartMedicalTranscriptionJobRequest, MedicalTranscriptionJob, Transcript],
        None,
    ]: ...

    @overload
    def as_completed(
        self,
        requests: Iterable[StartCallAnalyticsJobRequest]
        | AsyncIterable[StartCallAnalyticsJobRequest],
        *,
        fetch_transcripts: bool = False,
        on_progress: Callable[[BatchProgress], object] | None = None,
    ) -> AsyncGenerator[
        JobOutcome[StartCallAnalyticsJobRequest, CallAnalyticsJob, CallAnalyticsTranscript],
        None,
    ]: ...

    @overload
    def as_completed(
        self,
        requests: Iterable[StartMedicalScribeJobRequest]
        | AsyncIterable[StartMedicalScribeJobRequest],
        *,
        fetch_transcripts: bool = False,
        on_progress: Callable[[BatchProgress], object] | None = None,
    ) -> AsyncGenerator[
        JobOutcome[StartMedicalScribeJobRequest, MedicalScribeJob, MedicalScribeTranscript],
        None,
    ]: ...

    async def as_completed(
        self,
        requests: Iterable[Any] | AsyncIterable[Any],
        *,
        fetch_transcripts: bool = False,
        on_progress: Callable[[BatchProgress], object] | None = None,
    ) -> AsyncGenerator[JobOutcome[Any, Any, Any], None]:
        """Start each request, at most ``max_running`` running; yield each as it finishes.

        Yields one :class:`JobOutcome` per request, in the order they finish: the job
        completed, or why not (a refused start is yielded at once). A request's failure is
        its own: the others go on. ``requests`` are taken one at a time as slots free up
        (an async iterable too, say one that uploads each file when its turn comes); they
        are all of one kind of job. With ``fetch_transcripts`` each completed job's result
        document is read (:meth:`~transcribe_kit.TranscribeClient.fetch_transcript`).
        ``on_progress`` is called with a :class:`BatchProgress` whenever a count changes.

        Nothing runs between the outcomes it yields; the next jobs are started before
        finished ones are handed back. Leaving the loop early starts no more jobs and
        leaves those started running on the service (and counted in :attr:`running`). A
        failure to watch them (a List or Get that fails after the client's retries) ends
        the loop with that error. Raises ``TypeError`` for a request of another kind than
        the first.
        """
        run = _Run(self, requests, follow=True, fetch=fetch_transcripts, on_progress=on_progress)
        async with contextlib.aclosing(run.events()) as events:
            async for event in events:
                if isinstance(event, JobOutcome):
                    yield event

    # The steps the engine takes

    def _limit(self, kind: JobKind[Any, Any]) -> int:
        return self.max_running or kind.concurrent_quota.default

    def _running_of(self, kind: JobKind[Any, Any]) -> dict[str, _Running]:
        return self._running.setdefault(kind, {})

    def _with_deferred_execution(self, request: Any) -> Any:
        if (
            self._role_arn is None
            or not isinstance(request, StartTranscriptionJobRequest)
            or request.job_execution_settings is not None
        ):
            return request
        return attrs.evolve(
            request,
            job_execution_settings=JobExecutionSettings(
                allow_deferred_execution=True, data_access_role_arn=self._role_arn
            ),
        )

    async def _start(self, kind: JobKind[Any, Any], request: object) -> object:
        """Start one job, on the client's rate limits, retries and exactly-once starts."""
        start = self._starter._operation_method(kind.operations.create)
        return await start(request)

    def _retries_of_refused_starts(self) -> Pacing:
        """The tries of starts refused while no job started here runs: backing off."""
        deadline = self._clock.monotonic() + self._slot_timeout
        return Pacing(self._slot_policy, self._clock, deadline=deadline)

    async def _finished_jobs(self, kind: JobKind[Any, Any]) -> list[tuple[Any, _Running]]:
        """Watch the running jobs of ``kind`` until a round sees some finished; free their slots.

        Returns each finished job's summary with what was known of it. Raises
        :class:`~transcribe_kit.JobSlotTimeoutError` if none finishes within
        ``slot_timeout``.
        """
        running = self._running_of(kind)
        found: list[Any] = []
        finished = _watch.as_completed(
            self._client._operation_method,
            kind,
            list(running),
            events=self._events,
            open_queue=self._client._event_queue,
            event_policy=self._event_policy,
            policy=self._wait_policy(kind),
            # Every job the round that freed a slot found is taken; none is waited for longer.
            until=lambda: bool(found),
            clock=self._clock,
            # A job deleted meanwhile (or never started) runs no more: its slot is free.
            vanished_as_finished=True,
        )
        try:
            async with contextlib.aclosing(finished):
                async for summary in finished:
                    found.append(summary)
        except WaitTimeoutError as error:
            if not found:
                raise self._no_slot_error(kind) from error
        freed = []
        for summary in found:
            job = running.pop(kind.name_of(summary) or "", None)
            if job is not None:
                self._note_run_time(kind, summary)
                freed.append((summary, job))
        return freed

    def _wait_policy(self, kind: JobKind[Any, Any]) -> WaitPolicy:
        """The rounds of one wait: backing off, after a first delay until the next job is due.

        The watcher's first round comes at once (it learns the running jobs); the second
        when the oldest running job is due, judged by the quickest job seen so far.
        """
        policy = attrs.evolve(self._slot_policy, timeout=self._slot_timeout)
        quickest = self._quickest.get(kind)
        running = self._running_of(kind)
        if quickest is None or not running:
            return policy
        due = min(job.started_at for job in running.values()) + quickest
        until_due = due - self._clock.monotonic()
        if until_due <= policy.initial_delay:
            return policy
        return _DueFirst(first_delay=until_due, **attrs.asdict(policy, recurse=False))

    def _note_run_time(self, kind: JobKind[Any, Any], summary: Any) -> None:
        created = kind.created_of(summary)
        # Every kind's summary has CompletionTime (the List answers of all four carry it).
        completed = getattr(summary, "completion_time", None)
        if not (isinstance(created, datetime) and isinstance(completed, datetime)):
            return
        seconds = (completed - created).total_seconds()
        if seconds > 0:
            self._quickest[kind] = min(seconds, self._quickest.get(kind, seconds))

    def _no_slot_error(self, kind: JobKind[Any, Any]) -> JobSlotTimeoutError:
        return JobSlotTimeoutError(
            f"no {kind.noun} finished within {self._slot_timeout:g} s "
            f"({len(self._running_of(kind))} jobs started here still run)",
            operation_name=kind.operations.create,
        )


class _Requests:
    """The requests of one call, taken one at a time, from an iterable or an async iterable."""

    def __init__(self, requests: Iterable[Any] | AsyncIterable[Any]) -> None:
        self.total = len(requests) if isinstance(requests, Sized) else None
        self._async: AsyncIterator[Any] | None = None
        self._sync: Iterator[Any] | None = None
        if isinstance(requests, AsyncIterable):
            self._async = aiter(requests)
        else:
            self._sync = iter(requests)
        self.exhausted = False

    async def take(self) -> Any | None:
        """The next request; ``None`` once there are no more."""
        if self.exhausted:
            return None
        try:
            if self._async is not None:
                return await anext(self._async)
            assert self._sync is not None
            return next(self._sync)
        except (StopIteration, StopAsyncIteration):
            self.exhausted = True
            return None

    async def close(self) -> None:
        close = getattr(self._async, "aclose", None)
        if close is not None:
            await close()


class _Run:
    """One call of ``submit`` or ``as_completed``: its requests, its jobs, its progress.

    :meth:`events` yields a :class:`_Started` for each job started and a
    :class:`JobOutcome` for each request that is done: refused at once, or (when
    ``follow``) finished, failed or given up on. Each step leaves the submitter's state
    whole, so that leaving the loop between two events loses nothing.
    """

    def __init__(
        self,
        submitter: JobSubmitter,
        requests: Iterable[Any] | AsyncIterable[Any],
        *,
        follow: bool,
        fetch: bool,
        on_progress: Callable[[BatchProgress], object] | None,
    ) -> None:
        self.submitter = submitter
        self.requests = _Requests(requests)
        self.follow = follow
        self.fetch = fetch
        self.on_progress = on_progress
        self.kind: JobKind[Any, Any] | None = None
        # A request taken and not yet started (no slot was free).
        self.next: Any | None = None
        # The tries of a start the account refused while no job started here ran.
        self.refused_tries: Pacing | None = None
        # Set once a wait ran out: every request not yet started fails with it.
        self.no_slot: JobSlotTimeoutError | None = None
        total = self.requests.total
        self.progress = BatchProgress(total=total, waiting=total)

    async def events(self) -> AsyncGenerator[_Started | JobOutcome[Any, Any, Any], None]:
        try:
            finished: list[tuple[Any, _Running]] = []
            while True:
                async for event in self._start_while_free():
                    yield event
                for summary, job in finished:
                    if job.run is self:
                        yield await self._outcome(summary, job)
                finished = []
                if self.no_slot is not None:
                    for outcome in self._give_up():
                        yield outcome
                    return
                if self.next is None and self.requests.exhausted and not self._ours():
                    return
                finished = await self._wait()
                # Their slots are free already; their outcomes follow the next starts.
                self._count(running=-sum(1 for _, job in finished if job.run is self))
        finally:
            await self.requests.close()

    def _ours(self) -> list[tuple[str, _Running]]:
        if self.kind is None or not self.follow:
            return []
        running = self.submitter._running_of(self.kind)
        return [(name, job) for name, job in running.items() if job.run is self]

    def _count(self, **changes: int) -> None:
        counts: dict[str, Any] = {}
        for name, change in changes.items():
            count = getattr(self.progress, name)
            counts[name] = None if count is None else count + change
        self.progress = attrs.evolve(self.progress, **counts)
        if self.on_progress is not None:
            self.on_progress(self.progress)

    def _refused(self, request: Any, error: TranscribeError) -> JobOutcome[Any, Any, Any]:
        assert self.kind is not None
        self._count(waiting=-1, failed=1)
        return JobOutcome(request=request, name=self.kind.name_of(request) or "", error=error)

    async def _take(self) -> Any | None:
        request, self.next = self.next, None
        if request is None:
            request = await self.requests.take()
            if request is None:
                return None
            kind = _kind_of(request)
            if self.kind is None:
                self.kind = kind
            elif kind is not self.kind:
                raise TypeError(
                    f"a {kind.noun} request among {self.kind.noun} requests: "
                    "give each kind of job to a call of its own"
                )
            request = self.submitter._with_deferred_execution(request)
        return request

    async def _start_while_free(
        self,
    ) -> AsyncGenerator[_Started | JobOutcome[Any, Any, Any], None]:
        """Start requests while slots are free; stop at a full submitter or account."""
        submitter = self.submitter
        while (request := await self._take()) is not None:
            if self.no_slot is not None:
                yield self._refused(request, self.no_slot)
                continue
            assert self.kind is not None
            running = submitter._running_of(self.kind)
            if len(running) >= submitter._limit(self.kind):
                self.next = request
                return
            name = self.kind.name_of(request) or ""
            try:
                response = await submitter._start(self.kind, request)
            except TranscribeError as error:
                if is_slot_exhausted(error):
                    # Waited out with the jobs started here if any run, else by backing off.
                    self.next = request
                    return
                if not may_have_reached_service(error):
                    yield self._refused(request, error)
                    continue
                job = _Running(submitter._clock.monotonic(), start_error=error)
                running[name] = job
                if not self.follow:
                    yield self._refused(request, error)
                    continue
                job.run, job.request = self, request
                self._count(waiting=-1, running=1)
                continue
            self.refused_tries = None
            job = _Running(submitter._clock.monotonic())
            running[name] = job
            if self.follow:
                job.run, job.request = self, request
            self._count(waiting=-1, started=1, running=1 if self.follow else 0)
            yield _Started(request, response)

    async def _wait(self) -> list[tuple[Any, _Running]]:
        """Wait for a job started here to finish, or back off a full account's refusal."""
        assert self.kind is not None
        submitter = self.submitter
        if submitter._running_of(self.kind):
            try:
                return await submitter._finished_jobs(self.kind)
            except JobSlotTimeoutError as error:
                self.no_slot = error
                return []
        # The account is full of jobs started elsewhere: try the start again, backing off.
        if self.refused_tries is None:
            self.refused_tries = submitter._retries_of_refused_starts()
            await anext(self.refused_tries)
        if await anext(self.refused_tries, None) is None:
            self.no_slot = submitter._no_slot_error(self.kind)
        return []

    async def _outcome(self, summary: Any, job: _Running) -> JobOutcome[Any, Any, Any]:
        """The outcome of a job seen finished: read it (and its transcript) once more."""
        assert self.kind is not None
        kind, client = self.kind, self.submitter._client
        name = kind.name_of(summary) or ""
        outcome: JobOutcome[Any, Any, Any] = JobOutcome(request=job.request, name=name)
        try:
            read = await client._operation_method(kind.operations.get)(kind.get_request(name))
            found = kind.resource_of(read)
            if found is None:
                raise TranscribeError(
                    f"{kind.operations.get} answered without the {kind.noun} {name!r}",
                    operation_name=kind.operations.get,
                )
            outcome = attrs.evolve(outcome, job=found)
            if kind.status_of(summary) == kind.failure or kind.status_of(found) == kind.failure:
                reason = kind.failure_reason_of(found) or kind.failure_reason_of(summary)
                raise ResourceFailedError(
                    f"{kind.noun} {name!r} failed: {reason or 'no reason given'}",
                    name=name,
                    resource=found,
                    failure_reason=reason,
                    operation_name=kind.operations.get,
                )
            if self.fetch:
                outcome = attrs.evolve(outcome, transcript=await client.fetch_transcript(found))
        except TranscribeError as error:
            # A start that failed without an answer and whose job does not exist: never started.
            if job.start_error is not None and is_not_found(error):
                error = job.start_error
            self._count(failed=1)
            return attrs.evolve(outcome, error=error)
        self._count(completed=1)
        return outcome

    def _give_up(self) -> Iterator[JobOutcome[Any, Any, Any]]:
        """After a wait ran out: each job of this call still running is given up on."""
        assert self.no_slot is not None
        assert self.kind is not None
        kind = self.kind
        for name, job in self._ours():
            self._count(running=-1, failed=1)
            yield JobOutcome(
                request=job.request,
                name=name,
                error=WaitTimeoutError(
                    f"{kind.noun} {name!r} was still running after "
                    f"{self.submitter._slot_timeout:g} s without any job finishing",
                    last_seen=None,
                    attempts=0,
                    elapsed=self.submitter._slot_timeout,
                    operation_name=kind.operations.list,
                ),
            )
            # It still runs on the service, and keeps its slot; nothing hands it back.
            job.run = None
