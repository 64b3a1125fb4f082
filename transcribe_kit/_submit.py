"""JobSubmitter: start many transcription jobs while keeping at most N of them running.

Past the account's concurrent-job quota (250 by default) a start fails with
``LimitExceededException``, which no retry mode helps with. The submitter counts the jobs
it started that have not yet reached COMPLETED or FAILED (a start that failed without an
answer counts too: it may have started the job); when ``max_running`` of them run, or the
service answers that the account is full (the error classifier decides, by the error
code), it watches those jobs with the many-jobs watcher
(:meth:`~transcribe_kit.TranscribeClient.as_completed`: a few ListTranscriptionJobs calls
a round, filtered by status, instead of one GetTranscriptionJob per job; Get only once
fewer jobs are left than a round of List costs), its rounds backing off from
``poll_interval`` to ``max_poll_interval``. The round that sees one or more of them
finished frees all their slots, then the next jobs start.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable

import attrs

from transcribe_kit._client import TranscribeClient
from transcribe_kit._clock import Clock
from transcribe_kit._error_mapping import is_slot_exhausted, may_have_reached_service
from transcribe_kit._kinds import TRANSCRIPTION_JOBS
from transcribe_kit._pacing import Pacing
from transcribe_kit.config import EventWaitPolicy, WaitPolicy, check_number
from transcribe_kit.errors import (
    JobSlotTimeoutError,
    LimitExceededError,
    TranscribeError,
    WaitTimeoutError,
)
from transcribe_kit.events import _watch
from transcribe_kit.events._watch import JobEventSource
from transcribe_kit.shapes.transcription_jobs import (
    JobExecutionSettings,
    StartTranscriptionJobRequest,
    StartTranscriptionJobResponse,
)


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


class JobSubmitter:
    """Starts many transcription jobs, keeping at most ``max_running`` unfinished at once.

    It sees its jobs finish through the List operations, a few calls a round however many
    jobs run (see :meth:`~transcribe_kit.TranscribeClient.as_completed`); a job deleted
    meanwhile frees its slot too. ``poll_interval`` and ``max_poll_interval`` (seconds)
    bound the backoff between those rounds; ``slot_timeout`` is the longest one wait for a
    slot may take before the requests not yet started fail with
    :class:`~transcribe_kit.JobSlotTimeoutError`. ``clock`` is where it reads the time and
    sleeps (default: the client's). With ``events`` (a queue URL, or an open event stream
    to keep one across waits) it learns that its jobs finished from their events, as
    :meth:`~transcribe_kit.TranscribeClient.as_completed` does under ``event_policy``.
    With ``deferred_execution_role_arn`` every request without ``job_execution_settings``
    asks the service to queue it when the account is full
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
        max_running: int = TRANSCRIPTION_JOBS.concurrent_quota.default,
        poll_interval: float = 5.0,
        max_poll_interval: float = 60.0,
        slot_timeout: float = 6 * 3600.0,
        deferred_execution_role_arn: str | None = None,
        clock: Clock | None = None,
        events: str | JobEventSource | None = None,
        event_policy: EventWaitPolicy | None = None,
    ) -> None:
        if max_running < 1:
            raise ValueError(f"max_running must be at least 1, got {max_running}")
        check_number("slot_timeout", slot_timeout, 0, strict=True)
        if not 0 < poll_interval <= max_poll_interval:
            raise ValueError("poll intervals must satisfy 0 < poll_interval <= max_poll_interval")
        # The rounds of a slot wait and the tries of a refused start, up to slot_timeout.
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
        # The jobs started here and not yet seen finished, oldest first.
        self._running: dict[str, None] = {}

    @property
    def running(self) -> frozenset[str]:
        """The names of the jobs started here that were not yet seen COMPLETED or FAILED."""
        return frozenset(self._running)

    async def submit(self, requests: Iterable[StartTranscriptionJobRequest]) -> list[JobSubmission]:
        """Start every request, in order; one :class:`JobSubmission` per request, in order."""
        results: list[JobSubmission] = []
        timed_out: JobSlotTimeoutError | None = None
        for request in requests:
            request = self._with_deferred_execution(request)
            if timed_out is not None:
                results.append(JobSubmission(request=request, error=timed_out))
                continue
            try:
                results.append(await self._start(request))
            except JobSlotTimeoutError as error:
                timed_out = error
                results.append(JobSubmission(request=request, error=error))
        return results

    def _with_deferred_execution(
        self, request: StartTranscriptionJobRequest
    ) -> StartTranscriptionJobRequest:
        if self._role_arn is None or request.job_execution_settings is not None:
            return request
        return attrs.evolve(
            request,
            job_execution_settings=JobExecutionSettings(
                allow_deferred_execution=True, data_access_role_arn=self._role_arn
            ),
        )

    async def _start(self, request: StartTranscriptionJobRequest) -> JobSubmission:
        deadline = self._clock.monotonic() + self._slot_timeout
        # Starts refused while only jobs started elsewhere run are tried again, backing off.
        tries = Pacing(self._slot_policy, self._clock, deadline=deadline)
        await anext(tries)
        while True:
            if len(self._running) >= self.max_running:
                await self._wait_for_slot(deadline)
            try:
                response = await self._starter.start_transcription_job(request)
            except TranscribeError as error:
                if may_have_reached_service(error):
                    self._running[request.transcription_job_name] = None
                if not is_slot_exhausted(error):
                    return JobSubmission(request=request, error=error)
                if self._running:
                    await self._wait_for_slot(deadline)
                elif await anext(tries, None) is None:
                    raise self._no_slot_error() from error
                continue
            self._running[request.transcription_job_name] = None
            return JobSubmission(request=request, response=response)

    async def _wait_for_slot(self, deadline: float) -> None:
        """Watch the running jobs until a round sees one or more finished; free their slots.

        Raises :class:`~transcribe_kit.JobSlotTimeoutError` if none finishes by ``deadline``.
        """
        remaining = deadline - self._clock.monotonic()
        if remaining <= 0:
            raise self._no_slot_error()
        policy = attrs.evolve(self._slot_policy, timeout=remaining)
        freed = False
        finished = _watch.as_completed(
            self._client._operation_method,
            TRANSCRIPTION_JOBS,
            list(self._running),
            events=self._events,
            open_queue=self._client._event_queue,
            event_policy=self._event_policy,
            policy=policy,
            # Every job the round that freed a slot found is taken; none is waited for longer.
            until=lambda: freed,
            clock=self._clock,
            # A job deleted meanwhile (or never started) runs no more: its slot is free.
            vanished_as_finished=True,
        )
        try:
            async with contextlib.aclosing(finished):
                async for job in finished:
                    self._running.pop(job.transcription_job_name or "", None)
                    freed = True
        except WaitTimeoutError as error:
            if not freed:
                raise self._no_slot_error() from error

    def _no_slot_error(self) -> JobSlotTimeoutError:
        return JobSlotTimeoutError(
            f"no job slot became free within {self._slot_timeout:g} s "
            f"({len(self._running)} jobs started here still run)",
            operation_name="StartTranscriptionJob",
        )
