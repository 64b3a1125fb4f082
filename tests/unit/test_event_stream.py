"""The event stream's bookkeeping: batches, slots, failed Gets, options (against a fake SQS)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Mapping
from typing import Any

import pytest
from botocore import xform_name

from tests.fakes import FakeAioClient
from transcribe_kit.errors import AccessDeniedError, RequestValidationError
from transcribe_kit.events import EventStream, FinishedJob, TranscribeEvent

QUEUE_URL = "https://sqs.us-east-1.amazonaws.com/111122223333/transcribe-events"


def message(number: int) -> dict[str, Any]:
    body = {
        "detail-type": "Transcribe Job State Change",
        "source": "aws.transcribe",
        "detail": {"TranscriptionJobName": f"job-{number}", "TranscriptionJobStatus": "COMPLETED"},
    }
    return {
        "MessageId": f"m{number}",
        "ReceiptHandle": f"h{number}",
        "Body": json.dumps(body),
        "Attributes": {"ApproximateReceiveCount": "1"},
    }


def sqs_with(*batches: list[dict[str, Any]]) -> FakeAioClient:
    """An SQS that answers the batches in turn, then nothing."""
    sqs = FakeAioClient()
    sqs.script("ReceiveMessage", *({"Messages": batch} for batch in batches), {"Messages": []})
    sqs.script("DeleteMessageBatch", {"Successful": [], "Failed": []})
    sqs.script("ChangeMessageVisibilityBatch", {"Successful": [], "Failed": []})
    return sqs


def stream(sqs: FakeAioClient, **options: Any) -> EventStream:
    @contextlib.asynccontextmanager
    async def open_sqs() -> AsyncIterator[Any]:
        yield sqs

    async def call(client: Any, operation_name: str, params: Mapping[str, Any]) -> dict[str, Any]:
        answer: dict[str, Any] = await getattr(client, xform_name(operation_name))(**params)
        return answer

    return EventStream(QUEUE_URL, open_sqs=open_sqs, call=call, **options)


async def test_handled_messages_are_deleted_ten_to_a_call() -> None:
    sqs = sqs_with([message(n) for n in range(10)], [message(n) for n in range(10, 12)])

    async with stream(sqs) as events:
        async for delivery in events:
            async with delivery:
                pass
            if events.stats.delivered == 12:
                events.stop()

    batches = [len(call["Entries"]) for call in sqs.calls_to("DeleteMessageBatch")]
    assert batches == [10, 2]
    assert events.stats.deleted == 12


async def test_at_most_max_in_flight_deliveries_are_out_at_once() -> None:
    sqs = sqs_with([message(n) for n in range(3)])

    async with stream(sqs, max_in_flight=2) as events:
        first = await events.__anext__()
        await events.__anext__()
        third = asyncio.ensure_future(events.__anext__())
        for _ in range(10):
            await asyncio.sleep(0)
        waiting = not third.done()
        async with first:
            pass
        await asyncio.wait_for(third, timeout=5)
        events.stop()

    assert waiting
    assert third.result().event.resource_name == "job-2"


async def test_a_get_that_failed_raises_when_its_delivery_is_entered() -> None:
    denied = AccessDeniedError("no", code="AccessDeniedException")

    async def fetch_job(event: TranscribeEvent) -> FinishedJob | None:
        raise denied

    sqs = sqs_with([message(1)])

    async with stream(sqs, fetch_job=fetch_job, retry_delay=30) as events:
        delivery = await events.__anext__()
        with pytest.raises(AccessDeniedError):
            async with delivery:
                pytest.fail("the block ran without its job")
        events.stop()

    (released,) = sqs.calls_to("ChangeMessageVisibilityBatch")
    assert released["Entries"] == [{"Id": "0", "ReceiptHandle": "h1", "VisibilityTimeout": 30}]
    assert sqs.calls_to("DeleteMessageBatch") == []


async def test_a_delivery_is_entered_once() -> None:
    sqs = sqs_with([message(1)])

    async with stream(sqs) as events:
        delivery = await events.__anext__()
        async with delivery:
            pass
        with pytest.raises(RuntimeError, match="once"):
            async with delivery:
                pass
        events.stop()


async def test_stop_ends_the_iteration_and_lets_go_of_what_was_not_handed_out() -> None:
    sqs = sqs_with([message(n) for n in range(3)])

    async with stream(sqs) as events:
        async for delivery in events:
            async with delivery:
                events.stop()

    (released,) = sqs.calls_to("ChangeMessageVisibilityBatch")
    assert [entry["ReceiptHandle"] for entry in released["Entries"]] == ["h1", "h2"]
    assert {entry["VisibilityTimeout"] for entry in released["Entries"]} == {0}


@pytest.mark.parametrize(
    ("options", "field"),
    [
        pytest.param({"batch_size": 11}, "batch_size", id="batch-size"),
        pytest.param({"wait_time": 21}, "wait_time", id="wait-time"),
        pytest.param({"visibility_timeout": -1}, "visibility_timeout", id="visibility"),
        pytest.param({"max_in_flight": 0}, "max_in_flight", id="in-flight"),
        pytest.param({"retry_delay": 43201}, "retry_delay", id="retry-delay"),
    ],
)
def test_bad_options_are_refused_before_anything_is_sent(
    options: dict[str, Any], field: str
) -> None:
    sqs = FakeAioClient()

    with pytest.raises(RequestValidationError) as caught:
        stream(sqs, **options)

    assert caught.value.field == field
    assert sqs.calls == []


async def test_a_released_delivery_comes_back_after_its_delay_and_is_not_deleted() -> None:
    sqs = sqs_with([message(1)])

    async with stream(sqs, retry_delay=30) as events:
        delivery = await events.__anext__()
        await delivery.release(7)
        with pytest.raises(RuntimeError, match="once"):
            async with delivery:
                pass
        events.stop()

    (released,) = sqs.calls_to("ChangeMessageVisibilityBatch")
    assert released["Entries"] == [{"Id": "0", "ReceiptHandle": "h1", "VisibilityTimeout": 7}]
    assert sqs.calls_to("DeleteMessageBatch") == []
    assert events.stats.released == 1


async def test_a_delete_cut_off_by_a_cancellation_is_sent_again() -> None:
    deleting = asyncio.Event()

    async def hang(params: dict[str, Any]) -> dict[str, Any]:
        deleting.set()
        await asyncio.Event().wait()  # until cancelled
        raise AssertionError("unreachable")

    sqs = FakeAioClient()
    sqs.script("ReceiveMessage", {"Messages": [message(1)]}, {"Messages": []})
    sqs.script("DeleteMessageBatch", hang, {"Successful": [], "Failed": []})
    async with stream(sqs) as events:
        delivery = await events.__anext__()
        async with delivery:
            pass
        # The next receive first sends the pending delete; the caller gives up meanwhile.
        receiving = asyncio.ensure_future(events.__anext__())
        await asyncio.wait_for(deleting.wait(), timeout=5)
        receiving.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await receiving

    deletes = [call["Entries"] for call in sqs.calls_to("DeleteMessageBatch")]
    assert deletes == [[{"Id": "0", "ReceiptHandle": "h1"}]] * 2
    assert events.stats.deleted == 1
