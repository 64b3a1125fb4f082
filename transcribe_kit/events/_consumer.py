"""The consumer: an SQS queue of job-state events, read as typed events, at least once.

Why a block per event rather than a plain ``async for event in ...``: a message may be
deleted only once the caller has handled its event, and an async generator cannot know
that. An exception in the body of an ``async for`` never reaches the generator, and a
``break`` looks to it the same as an error. So each event comes as a :class:`Delivery`,
an async context manager: the block under ``async with delivery as event`` is the
handling, its clean exit the acknowledgement. The stream itself is a context manager too,
because it owns the SQS client, the task that keeps held messages invisible, and the
deletes it batches; leaving it flushes them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Iterable, Mapping
from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import Any, Final

import attrs

from transcribe_kit.errors import EventParseError, RequestValidationError, TranscribeError
from transcribe_kit.events._types import TranscribeEvent, event_key, parse_event
from transcribe_kit.shapes.call_analytics import CallAnalyticsJob
from transcribe_kit.shapes.transcription_jobs import TranscriptionJob

logger: Final = logging.getLogger("transcribe_kit")

FinishedJob = TranscriptionJob | CallAnalyticsJob
"""The job an event is about, as one Get returns it."""

SqsCall = Callable[[Any, str, Mapping[str, Any]], Awaitable[dict[str, Any]]]
"""Calls an operation on an SQS client (retried, errors typed): ``(client, name, params)``."""

JobFetcher = Callable[[TranscribeEvent], Awaitable[FinishedJob | None]]
"""Gets the job an event is about (``None``: not a job event, or the job is gone)."""

#: SQS takes at most ten entries in a batch call.
_SQS_BATCH: Final = 10
#: How long a handled message may wait for its batch delete.
_DELETE_LINGER: Final = 1.0
_MAX_VISIBILITY: Final = 12 * 3600


@attrs.define
class _Message:
    """A received message: its handle, and the event and job it carries."""

    message_id: str
    receipt_handle: str
    receive_count: int
    event: TranscribeEvent
    key: tuple[str, ...]
    job: FinishedJob | None = None
    job_error: Exception | None = None


@attrs.frozen(kw_only=True)
class EventStreamStats:
    """What an :class:`EventStream` has done so far, in messages."""

    #: Messages received from the queue (a message received twice counts twice).
    received: int = 0
    #: Deliveries handed to the caller.
    delivered: int = 0
    #: Messages deleted: handled, or duplicates of handled events.
    deleted: int = 0
    #: Messages whose event this stream had already handled (deleted unseen).
    duplicates: int = 0
    #: Messages let go for redelivery: a block that raised, or left unhandled at the end.
    released: int = 0
    #: Messages that were no EventBridge event (left for the dead-letter queue).
    malformed: int = 0


class Delivery:
    """One event from the queue; handle it in ``async with delivery as event:``.

    A block that exits without an exception settles the message: it is deleted (in a
    batch, within a second). A block that raises lets it go: it comes back after
    ``retry_delay`` (see :meth:`~transcribe_kit.TranscribeClient.events`), and after the
    queue's ``maxReceiveCount`` receives it moves to the dead-letter queue. The exception
    is not swallowed. While the block runs, the stream keeps the message invisible to
    other consumers. A delivery is entered once, and every delivery handed out should be:
    one never entered stays invisible, and holds one of ``max_in_flight`` slots, until the
    stream closes.
    """

    def __init__(self, stream: EventStream, message: _Message) -> None:
        self._stream = stream
        self._message = message
        self._entered = False

    @property
    def event(self) -> TranscribeEvent:
        """The typed event."""
        return self._message.event

    @property
    def job(self) -> FinishedJob | None:
        """The finished job, got once (``fetch_jobs=True``; ``None`` otherwise or if gone)."""
        return self._message.job

    @property
    def message_id(self) -> str:
        """The SQS message id."""
        return self._message.message_id

    @property
    def receive_count(self) -> int:
        """How many times SQS has delivered this message (1 the first time)."""
        return self._message.receive_count

    def __repr__(self) -> str:
        return f"<Delivery {self.event.detail_type!r} {self.event.resource_name!r}>"

    async def __aenter__(self) -> TranscribeEvent:
        if self._entered:
            raise RuntimeError("a delivery is entered once")
        self._entered = True
        error = self._message.job_error
        if error is not None:
            # The job could not be read: the event cannot be handled yet.
            await self._stream._settle(self._message, handled=False)
            raise error
        return self._message.event

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self._stream._settle(self._message, handled=exc_type is None)

    async def release(self, delay: int = 0) -> None:
        """Leave the event unhandled, for another consumer: visible again after ``delay`` s.

        Instead of entering the delivery (a delivery is entered or released, once). The
        message is not deleted, and SQS counts this receive towards the dead-letter queue.
        """
        if self._entered:
            raise RuntimeError("a delivery is entered or released once")
        _check_range("delay", delay, 0, _MAX_VISIBILITY)
        self._entered = True
        await self._stream._settle(self._message, handled=False, delay=delay)


def _check_range(name: str, value: float | None, low: float, high: float) -> None:
    if value is not None and not low <= value <= high:
        raise RequestValidationError(name, f"must be between {low:g} and {high:g}, got {value}")


class EventStream:
    """Typed job-state events from an SQS queue, each deleted only once its block succeeded.

    Made by :meth:`~transcribe_kit.TranscribeClient.events`; use it as an async context
    manager, iterate it for :class:`Delivery` objects, and handle each in its own
    ``async with``::

        async with tk.events(queue_url) as events:
            async for delivery in events:
                async with delivery as event:
                    ...

    Deliveries may be handled concurrently (hand them to tasks inside the ``async with``
    of the stream); at most ``max_in_flight`` are out at once. Leaving the stream deletes
    what was handled and lets go, at once, of messages received but not handed out.
    """

    def __init__(
        self,
        queue_url: str,
        *,
        open_sqs: Callable[[], AbstractAsyncContextManager[Any]],
        call: SqsCall,
        fetch_job: JobFetcher | None = None,
        wait_time: int = 20,
        batch_size: int = 10,
        visibility_timeout: int = 60,
        max_in_flight: int | None = None,
        retry_delay: int | None = 0,
        idle_timeout: float | None = None,
        remember: int = 10_000,
    ) -> None:
        if not queue_url:
            raise RequestValidationError("queue_url", "must not be empty")
        _check_range("wait_time", wait_time, 0, 20)
        _check_range("batch_size", batch_size, 1, _SQS_BATCH)
        _check_range("visibility_timeout", visibility_timeout, 0, _MAX_VISIBILITY)
        _check_range("retry_delay", retry_delay, 0, _MAX_VISIBILITY)
        _check_range("max_in_flight", max_in_flight, 1, math.inf)
        _check_range("idle_timeout", idle_timeout, 0, math.inf)
        _check_range("remember", remember, 0, math.inf)
        self.queue_url = queue_url
        self._open_sqs = open_sqs
        self._call_on = call
        self._fetch_job = fetch_job
        self._wait_time = wait_time
        self._batch_size = batch_size
        self._visibility_timeout = visibility_timeout
        self._max_in_flight = max_in_flight or batch_size
        self._retry_delay = retry_delay
        self._idle_timeout = idle_timeout
        self._remember = remember
        self._sqs: Any | None = None
        self._stack: contextlib.AsyncExitStack | None = None
        self._maintainer: asyncio.Task[None] | None = None
        self._buffer: deque[_Message] = deque()
        # Every message received and neither deleted nor let go: kept invisible meanwhile.
        self._held: dict[str, _Message] = {}
        self._to_delete: list[_Message] = []
        self._running: set[tuple[str, ...]] = set()
        self._handled: OrderedDict[tuple[str, ...], None] = OrderedDict()
        self._in_flight = 0
        self._slot_freed = asyncio.Event()
        self._stop_requested = asyncio.Event()
        self._stopping = False
        self._idle_since = 0.0
        self._counts: dict[str, int] = dict.fromkeys(attrs.fields_dict(EventStreamStats), 0)

    @property
    def stats(self) -> EventStreamStats:
        """What this stream has done so far."""
        return EventStreamStats(**self._counts)

    async def __aenter__(self) -> EventStream:
        if self._stack is not None:
            raise RuntimeError("the event stream is open already")
        stack = contextlib.AsyncExitStack()
        self._sqs = await stack.enter_async_context(self._open_sqs())
        self._stack = stack
        self._idle_since = asyncio.get_running_loop().time()
        self._maintainer = asyncio.create_task(self._maintain())
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()
        maintainer, self._maintainer = self._maintainer, None
        if maintainer is not None:
            maintainer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await maintainer
        try:
            await self._flush_deletes()
            unsent = list(self._buffer)
            self._buffer.clear()
            await self._let_go(unsent, visibility=0)
            if self._to_delete:
                logger.warning(
                    "%d handled messages could not be deleted from %s; they will be delivered "
                    "again",
                    len(self._to_delete),
                    self.queue_url,
                )
            if self._in_flight:
                logger.warning(
                    "the event stream on %s closed with %d deliveries still being handled; "
                    "their messages will be delivered again",
                    self.queue_url,
                    self._in_flight,
                )
        finally:
            stack, self._stack = self._stack, None
            self._sqs = None
            if stack is not None:
                await stack.aclose()

    def stop(self) -> None:
        """End the iteration: no more receives; deliveries already out may still settle."""
        self._stopping = True
        self._stop_requested.set()
        self._slot_freed.set()

    def __aiter__(self) -> EventStream:
        return self

    async def __anext__(self) -> Delivery:
        if self._stack is None:
            raise TranscribeError(
                "the event stream is not open: use `async with tk.events(queue_url) as events`"
            )
        while not self._stopping:
            if self._in_flight >= self._max_in_flight:
                self._slot_freed.clear()
                await self._slot_freed.wait()
                continue
            message = self._next_buffered()
            if message is not None:
                self._in_flight += 1
                self._running.add(message.key)
                self._counts["delivered"] += 1
                return Delivery(self, message)
            if not await self._receive():
                break
        raise StopAsyncIteration

    def _next_buffered(self) -> _Message | None:
        while self._buffer:
            message = self._buffer.popleft()
            if message.key in self._handled:
                self._drop_duplicate(message)
            elif message.key in self._running:
                # The same event is in a block right now. Leave this copy alone: it comes
                # back when its visibility lapses, and is deleted then if that block settled.
                self._held.pop(message.message_id, None)
            else:
                return message
        return None

    async def _receive(self) -> bool:
        """Receive a batch into the buffer; ``False`` when the stream stops or idles out."""
        await self._flush_deletes()
        wait = self._wait_time
        if self._idle_timeout is not None:
            left = self._idle_since + self._idle_timeout - asyncio.get_running_loop().time()
            if left <= 0:
                return False
            wait = min(wait, math.ceil(left))
        receive = asyncio.ensure_future(
            self._call(
                "ReceiveMessage",
                QueueUrl=self.queue_url,
                MaxNumberOfMessages=self._batch_size,
                WaitTimeSeconds=wait,
                VisibilityTimeout=self._visibility_timeout,
                MessageSystemAttributeNames=["ApproximateReceiveCount"],
            )
        )
        stopped = asyncio.ensure_future(self._stop_requested.wait())
        try:
            await asyncio.wait({receive, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (receive, stopped):
                task.cancel()
            await asyncio.gather(receive, stopped, return_exceptions=True)
        if receive.cancelled():
            return False
        messages = receive.result().get("Messages") or []
        if messages:
            self._idle_since = asyncio.get_running_loop().time()
        await self._accept(messages)
        return True

    async def _accept(self, messages: Iterable[Mapping[str, Any]]) -> None:
        fresh: list[_Message] = []
        for received in messages:
            self._counts["received"] += 1
            message = self._message_of(received)
            if message is None:
                continue
            if message.key in self._handled:
                self._drop_duplicate(message)
            else:
                fresh.append(message)
        if self._fetch_job is not None and fresh:
            await asyncio.gather(*(self._fetch(message) for message in fresh))
        self._buffer.extend(fresh)

    def _message_of(self, received: Mapping[str, Any]) -> _Message | None:
        message_id = str(received["MessageId"])
        handle = str(received["ReceiptHandle"])
        count = int((received.get("Attributes") or {}).get("ApproximateReceiveCount", 1))
        known = self._held.get(message_id)
        if known is not None:
            # Received again (its visibility lapsed): only the newest handle works.
            known.receipt_handle, known.receive_count = handle, count
            return None
        try:
            event = parse_event(received.get("Body") or "")
        except EventParseError as error:
            self._counts["malformed"] += 1
            logger.warning(
                "message %s on %s is not an EventBridge event (%s); it is left for the "
                "dead-letter queue",
                message_id,
                self.queue_url,
                error,
            )
            return None
        message = _Message(message_id, handle, count, event, event_key(event))
        self._held[message_id] = message
        return message

    async def _fetch(self, message: _Message) -> None:
        assert self._fetch_job is not None
        try:
            message.job = await self._fetch_job(message.event)
        except Exception as error:
            # Raised when the delivery is entered: the caller's handling fails there.
            message.job_error = error

    def _drop_duplicate(self, message: _Message) -> None:
        self._counts["duplicates"] += 1
        self._to_delete.append(message)

    async def _settle(self, message: _Message, *, handled: bool, delay: int | None = None) -> None:
        """Called by a delivery's exit: delete its message, or let it go for redelivery.

        A message let go is visible again after ``delay`` seconds (default ``retry_delay``).
        """
        self._in_flight -= 1
        self._running.discard(message.key)
        self._slot_freed.set()
        if handled:
            self._handled[message.key] = None
            while len(self._handled) > self._remember:
                self._handled.popitem(last=False)
            self._to_delete.append(message)
            if len(self._to_delete) >= _SQS_BATCH:
                await self._flush_deletes()
            return
        delay = self._retry_delay if delay is None else delay
        if delay is None:
            self._held.pop(message.message_id, None)
            self._counts["released"] += 1
        else:
            await self._let_go([message], visibility=delay)

    async def _flush_deletes(self) -> None:
        """Delete the handled messages, ten a call; a batch that fails is tried again later."""
        while self._to_delete and self._sqs is not None:
            batch, self._to_delete = self._to_delete[:_SQS_BATCH], self._to_delete[_SQS_BATCH:]
            try:
                answer = await self._call(
                    "DeleteMessageBatch",
                    QueueUrl=self.queue_url,
                    Entries=[
                        {"Id": str(index), "ReceiptHandle": message.receipt_handle}
                        for index, message in enumerate(batch)
                    ],
                )
            except asyncio.CancelledError:
                # Whether or not it reached SQS, the batch is sent again (a handle deletes twice).
                self._to_delete[:0] = batch
                raise
            except Exception as error:
                self._to_delete[:0] = batch
                logger.warning(
                    "deleting handled messages from %s failed: %s", self.queue_url, error
                )
                return
            failed = {entry.get("Id") for entry in answer.get("Failed") or []}
            for index, message in enumerate(batch):
                self._held.pop(message.message_id, None)
                if str(index) in failed:
                    logger.warning(
                        "message %s could not be deleted from %s; it will be delivered again",
                        message.message_id,
                        self.queue_url,
                    )
                else:
                    self._counts["deleted"] += 1

    async def _let_go(self, messages: list[_Message], *, visibility: int) -> None:
        """Make ``messages`` visible to consumers after ``visibility`` seconds."""
        for message in messages:
            self._held.pop(message.message_id, None)
        self._counts["released"] += len(messages)
        await self._change_visibility(messages, visibility)

    async def _change_visibility(self, messages: list[_Message], visibility: int) -> None:
        for start in range(0, len(messages), _SQS_BATCH):
            if self._sqs is None:
                return
            batch = messages[start : start + _SQS_BATCH]
            try:
                await self._call(
                    "ChangeMessageVisibilityBatch",
                    QueueUrl=self.queue_url,
                    Entries=[
                        {
                            "Id": str(index),
                            "ReceiptHandle": message.receipt_handle,
                            "VisibilityTimeout": visibility,
                        }
                        for index, message in enumerate(batch)
                    ],
                )
            except Exception as error:
                # Not fatal: a message whose visibility stays as it was comes back later.
                logger.warning(
                    "changing the visibility of messages on %s failed: %s", self.queue_url, error
                )

    async def _maintain(self) -> None:
        """Keep held messages invisible while they are handled; send deletes that linger."""
        loop = asyncio.get_running_loop()
        heartbeat = self._visibility_timeout / 3 if self._visibility_timeout else None
        tick = min(heartbeat or _DELETE_LINGER, _DELETE_LINGER)
        extended = loop.time()
        while True:
            await asyncio.sleep(tick)
            await self._flush_deletes()
            if heartbeat is not None and loop.time() - extended >= heartbeat:
                extended = loop.time()
                await self._change_visibility(list(self._held.values()), self._visibility_timeout)

    async def _call(self, operation_name: str, **params: Any) -> dict[str, Any]:
        if self._sqs is None:
            raise TranscribeError("the event stream is closed")
        return await self._call_on(self._sqs, operation_name, params)
