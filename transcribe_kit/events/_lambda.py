"""Job-state events in AWS Lambda: an SQS batch in, the partial-failure answer out.

With an SQS event source mapping that reports batch item failures
(``FunctionResponseTypes: [ReportBatchItemFailures]``), a function answers which
messages of the batch failed; Lambda deletes the others and leaves those for redelivery
(and, after ``maxReceiveCount``, the dead-letter queue)::

    from transcribe_kit.events import sqs_batch_response

    def handler(event, context):
        return sqs_batch_response(event, handle_transcribe_event)

Nothing here touches the network: the functions read the batch and call the handler.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable, Iterator, Mapping
from typing import Any, Final

from transcribe_kit._redact import redact_urls
from transcribe_kit.events._types import TranscribeEvent, event_key, parse_event

logger: Final = logging.getLogger("transcribe_kit")

BatchResponse = dict[str, list[dict[str, str]]]
"""``{"batchItemFailures": [{"itemIdentifier": <messageId>}, ...]}``."""


class _Batch:
    """One SQS batch: its events in order, and what failed.

    A record is handled once per event (a duplicate in the same batch succeeds with its
    first copy). On a FIFO queue, every record after a failure fails too, so that Lambda
    redelivers them in order.
    """

    def __init__(self, lambda_event: Mapping[str, Any]) -> None:
        records = lambda_event.get("Records")
        if not isinstance(records, list):
            raise TypeError("not an SQS batch event: it has no Records list")
        self._records: list[Mapping[str, Any]] = records
        self._failures: list[dict[str, str]] = []
        self._done: set[tuple[str, ...]] = set()
        self._stopped = False

    def events(self) -> Iterator[tuple[Mapping[str, Any], TranscribeEvent]]:
        """Each record to handle, with its event; records already decided are skipped."""
        for record in self._records:
            if self._stopped:
                self._failures.append({"itemIdentifier": str(record.get("messageId", ""))})
                continue
            try:
                event = parse_event(record.get("body") or "")
            except ValueError as error:
                self.failed(record, error)
                continue
            if event_key(event) not in self._done:
                yield record, event

    def succeeded(self, event: TranscribeEvent) -> None:
        self._done.add(event_key(event))

    def failed(self, record: Mapping[str, Any], error: Exception) -> None:
        message_id = str(record.get("messageId", ""))
        # The handler's own error may quote a presigned link.
        shown = redact_urls(str(error))
        logger.warning("message %s failed: %s: %s", message_id, type(error).__name__, shown)
        self._failures.append({"itemIdentifier": message_id})
        if str(record.get("eventSourceARN", "")).endswith(".fifo"):
            self._stopped = True

    def response(self) -> BatchResponse:
        return {"batchItemFailures": self._failures}


def sqs_batch_response(
    lambda_event: Mapping[str, Any], handler: Callable[[TranscribeEvent], object]
) -> BatchResponse:
    """Call ``handler`` with each record's typed event; the records that failed, for Lambda.

    ``lambda_event`` is the SQS batch a function receives. A record fails when its body
    is not an EventBridge event or ``handler`` raises (the error is logged on the
    ``transcribe_kit`` logger); an event seen earlier in the batch is not handled twice.
    ``handler`` must be synchronous: use :func:`sqs_batch_response_async` for a coroutine.
    """
    batch = _Batch(lambda_event)
    for record, event in batch.events():
        try:
            result = handler(event)
            if inspect.isawaitable(result):
                if inspect.iscoroutine(result):
                    result.close()
                raise TypeError("the handler returned an awaitable: use sqs_batch_response_async")
        except Exception as error:
            batch.failed(record, error)
        else:
            batch.succeeded(event)
    return batch.response()


async def sqs_batch_response_async(
    lambda_event: Mapping[str, Any], handler: Callable[[TranscribeEvent], Awaitable[object]]
) -> BatchResponse:
    """:func:`sqs_batch_response` for an async ``handler`` (records handled in order).

    In a Lambda function: ``return asyncio.run(sqs_batch_response_async(event, handle))``.
    """
    batch = _Batch(lambda_event)
    for record, event in batch.events():
        try:
            await handler(event)
        except Exception as error:
            batch.failed(record, error)
        else:
            batch.succeeded(event)
    return batch.response()
