"""Job-state events as methods of :class:`~transcribe_kit.TranscribeClient`.

The client inherits them and supplies ``_companion_client`` (an SQS or EventBridge client
from its own session, region, credentials and endpoint).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any

from transcribe_kit import _companion, shapes
from transcribe_kit._operations import OperationMethods
from transcribe_kit.errors import NotFoundError, ResourceNotFoundError
from transcribe_kit.retry import RetryPolicy
from transcribe_kit.waiters import Clock

# The event shapes, the consumer and the wiring load when a method here is first called:
# a client that never uses events does not build them.
if TYPE_CHECKING:
    from transcribe_kit.events._consumer import EventStream, FinishedJob
    from transcribe_kit.events._types import TranscribeEvent
    from transcribe_kit.events._watch import JobEventSource


class JobEventMethods(OperationMethods):
    """Setting up and consuming the events Transcribe publishes when jobs finish."""

    #: Where retries of the SQS and EventBridge calls read the time and sleep.
    clock: Clock
    _retry_policy: RetryPolicy

    def _companion_client(self, service_name: str) -> AbstractAsyncContextManager[Any]:
        """A new aiobotocore client of another service with this client's settings."""
        raise NotImplementedError

    async def _companion_call(
        self, client: Any, operation_name: str, params: Mapping[str, Any]
    ) -> dict[str, Any]:
        """One call on a companion client, under this client's retry policy."""
        return await _companion.call(
            client,
            operation_name,
            params,
            retry_policy=self._retry_policy,
            clock=self.clock,
        )

    async def ensure_job_events(
        self,
        *,
        job_name_prefix: str,
        queue_name: str | None = None,
        dead_letter_queue_name: str | None = None,
        rule_name: str | None = None,
        detail_types: Sequence[str] | None = None,
        max_receive_count: int = 5,
        visibility_timeout: int = 60,
    ) -> str:
        """Create or check the queue that receives this region's job events; its URL.

        Idempotent: each piece is read first and written only where it is missing or
        differs, so calling it from every worker at start-up is safe. It makes an SQS
        queue (``queue_name``, default ``transcribe-events-<prefix>``) whose redrive
        policy moves a message to a dead-letter queue (``<queue>-dlq``) after
        ``max_receive_count`` receives; a rule on the region's default EventBridge bus
        (``rule_name``, default the queue's name) matching Amazon Transcribe's events of
        ``detail_types`` (``None``: :data:`~transcribe_kit.events.JOB_STATE_CHANGES`,
        transcription and Call Analytics jobs) whose job name starts with
        ``job_name_prefix``; a statement in both queues' policies letting the rule send;
        and the rule's target, the queue (the dead-letter queue for what EventBridge
        cannot deliver). ``visibility_timeout`` is the queue's default, in seconds.

        The SQS and EventBridge clients come from this client's session, region,
        credentials and endpoint. Raises :class:`~transcribe_kit.RequestValidationError`
        before any call for a prefix no job name could start with or a name SQS or
        EventBridge refuse. Medical jobs publish no events.
        """
        from transcribe_kit.events._setup import (
            JOB_STATE_CHANGES,
            JobEventsWiring,
            ensure_job_events,
        )

        wiring = JobEventsWiring.plan(
            job_name_prefix=job_name_prefix,
            queue_name=queue_name,
            dead_letter_queue_name=dead_letter_queue_name,
            rule_name=rule_name,
            detail_types=JOB_STATE_CHANGES if detail_types is None else detail_types,
            max_receive_count=max_receive_count,
            visibility_timeout=visibility_timeout,
        )
        async with contextlib.AsyncExitStack() as stack:
            sqs = await stack.enter_async_context(self._companion_client("sqs"))
            events = await stack.enter_async_context(self._companion_client("events"))
            return await ensure_job_events(sqs, events, self._companion_call, wiring)

    def events(
        self,
        queue_url: str,
        *,
        fetch_jobs: bool = False,
        wait_time: int = 20,
        batch_size: int = 10,
        visibility_timeout: int = 60,
        max_in_flight: int | None = None,
        retry_delay: int | None = 0,
        idle_timeout: float | None = None,
    ) -> EventStream:
        """The job-state events on the SQS queue at ``queue_url``, typed, at least once.

        Use the stream as an async context manager and handle each delivery in its own
        ``async with``; a message is deleted only after its block exits without an
        exception::

            async with tk.events(queue_url, fetch_jobs=True) as events:
                async for delivery in events:
                    async with delivery as event:
                        if event.status == "COMPLETED" and delivery.job is not None:
                            transcript = await tk.fetch_transcript(delivery.job)

        Messages are received ``batch_size`` (1..10) at a time with long polls of
        ``wait_time`` seconds (0..20), and kept invisible to other consumers for
        ``visibility_timeout`` seconds, extended while they are held; handled ones are
        deleted in batches. A block that raises lets its message go, visible again after
        ``retry_delay`` seconds (``None``: when its visibility lapses); the queue's
        redrive policy then moves a message that keeps failing to the dead-letter queue.
        A message that is no EventBridge event is logged and left for the dead-letter
        queue. An event this stream has handled already, by its (detail type, resource
        name, status), is deleted without being delivered again (the last 10,000 are
        remembered; across processes, make the handling idempotent).

        ``fetch_jobs=True`` gets each finished transcription or Call Analytics job once
        (``delivery.job``), through this client's rate limits and retries; a Get that
        fails raises when its delivery is entered. At most ``max_in_flight`` deliveries
        (default ``batch_size``) are out at once. The iteration ends after
        ``idle_timeout`` seconds without a message (``None``: never) or
        :meth:`~transcribe_kit.events.EventStream.stop`.
        """
        from transcribe_kit.events._consumer import EventStream

        return EventStream(
            queue_url,
            open_sqs=lambda: self._companion_client("sqs"),
            call=self._companion_call,
            fetch_job=self._finished_job if fetch_jobs else None,
            wait_time=wait_time,
            batch_size=batch_size,
            visibility_timeout=visibility_timeout,
            max_in_flight=max_in_flight,
            retry_delay=retry_delay,
            idle_timeout=idle_timeout,
        )

    def _event_queue(self, queue_url: str) -> AbstractAsyncContextManager[JobEventSource]:
        """A stream on ``queue_url`` for a watch given ``events=``: it ends with the watch."""
        return self.events(queue_url)

    async def _finished_job(self, event: TranscribeEvent) -> FinishedJob | None:
        """The job a job-state event is about, got once; ``None`` for other events or a gone job."""
        from transcribe_kit.events._types import (
            CallAnalyticsJobStateChange,
            TranscriptionJobStateChange,
        )

        detail = event.detail
        try:
            if isinstance(detail, TranscriptionJobStateChange) and detail.transcription_job_name:
                request = shapes.transcription_jobs.GetTranscriptionJobRequest(
                    transcription_job_name=detail.transcription_job_name
                )
                return (await self.get_transcription_job(request)).transcription_job
            if isinstance(detail, CallAnalyticsJobStateChange) and detail.job_name:
                analytics = shapes.call_analytics.GetCallAnalyticsJobRequest(
                    call_analytics_job_name=detail.job_name
                )
                return (await self.get_call_analytics_job(analytics)).call_analytics_job
        except (ResourceNotFoundError, NotFoundError):
            return None
        return None
