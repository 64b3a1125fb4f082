"""A Lambda function answers which records of an SQS batch failed, and handles each event once."""

from __future__ import annotations

import json
from typing import Any

import pytest

from transcribe_kit.events import (
    TranscribeEvent,
    TranscriptionJobStateChange,
    sqs_batch_response,
    sqs_batch_response_async,
)

QUEUE_ARN = "arn:aws:sqs:us-east-1:111122223333:transcribe-events"


def record(
    message_id: str, job_name: str, *, status: str = "COMPLETED", queue: str = QUEUE_ARN
) -> dict[str, Any]:
    """One record of the batch Lambda passes, with the event EventBridge put in the body."""
    body = {
        "version": "0",
        "id": f"event-{message_id}",
        "detail-type": "Transcribe Job State Change",
        "source": "aws.transcribe",
        "account": "111122223333",
        "time": "2025-03-04T05:06:07Z",
        "region": "us-east-1",
        "resources": [],
        "detail": {"TranscriptionJobName": job_name, "TranscriptionJobStatus": status},
    }
    return {
        "messageId": message_id,
        "receiptHandle": f"handle-{message_id}",
        "body": json.dumps(body),
        "attributes": {"ApproximateReceiveCount": "1"},
        "eventSource": "aws:sqs",
        "eventSourceARN": queue,
        "awsRegion": "us-east-1",
    }


def batch(*records: dict[str, Any]) -> dict[str, Any]:
    return {"Records": list(records)}


def job_name(event: TranscribeEvent) -> str:
    assert isinstance(event.detail, TranscriptionJobStateChange)
    assert event.detail.transcription_job_name is not None
    return event.detail.transcription_job_name


def test_a_batch_that_succeeds_reports_no_failures() -> None:
    handled: list[str] = []

    answer = sqs_batch_response(
        batch(record("m1", "a"), record("m2", "b")), lambda event: handled.append(job_name(event))
    )

    assert answer == {"batchItemFailures": []}
    assert handled == ["a", "b"]


def test_the_records_whose_handler_raised_are_reported() -> None:
    def handle(event: TranscribeEvent) -> None:
        if job_name(event) == "b":
            raise RuntimeError("the transcript store is down")

    answer = sqs_batch_response(
        batch(record("m1", "a"), record("m2", "b"), record("m3", "c")), handle
    )

    assert answer == {"batchItemFailures": [{"itemIdentifier": "m2"}]}


def test_a_body_that_is_no_event_is_reported_without_calling_the_handler() -> None:
    broken = {**record("m2", "b"), "body": "hello"}
    handled: list[str] = []

    answer = sqs_batch_response(
        batch(record("m1", "a"), broken), lambda event: handled.append(job_name(event))
    )

    assert answer == {"batchItemFailures": [{"itemIdentifier": "m2"}]}
    assert handled == ["a"]


def test_the_same_event_twice_in_a_batch_is_handled_once() -> None:
    handled: list[str] = []

    answer = sqs_batch_response(
        batch(record("m1", "a"), record("m2", "a")), lambda event: handled.append(job_name(event))
    )

    assert answer == {"batchItemFailures": []}
    assert handled == ["a"]


def test_a_duplicate_of_a_failed_event_is_tried_again() -> None:
    calls: list[str] = []

    def handle(event: TranscribeEvent) -> None:
        calls.append(job_name(event))
        if len(calls) == 1:
            raise RuntimeError("first try fails")

    answer = sqs_batch_response(batch(record("m1", "a"), record("m2", "a")), handle)

    assert answer == {"batchItemFailures": [{"itemIdentifier": "m1"}]}
    assert calls == ["a", "a"]


def test_on_a_fifo_queue_every_record_after_a_failure_fails_too() -> None:
    fifo = QUEUE_ARN + ".fifo"
    handled: list[str] = []

    def handle(event: TranscribeEvent) -> None:
        if job_name(event) == "b":
            raise RuntimeError("fails")
        handled.append(job_name(event))

    answer = sqs_batch_response(
        batch(
            record("m1", "a", queue=fifo),
            record("m2", "b", queue=fifo),
            record("m3", "c", queue=fifo),
        ),
        handle,
    )

    assert answer == {"batchItemFailures": [{"itemIdentifier": "m2"}, {"itemIdentifier": "m3"}]}
    assert handled == ["a"]


def test_an_async_handler_given_to_the_sync_function_fails_its_records() -> None:
    async def handle(event: TranscribeEvent) -> None:
        return None

    answer = sqs_batch_response(batch(record("m1", "a")), handle)

    assert answer == {"batchItemFailures": [{"itemIdentifier": "m1"}]}


async def test_the_async_function_awaits_its_handler() -> None:
    handled: list[str] = []

    async def handle(event: TranscribeEvent) -> None:
        if job_name(event) == "b":
            raise RuntimeError("fails")
        handled.append(job_name(event))

    answer = await sqs_batch_response_async(batch(record("m1", "a"), record("m2", "b")), handle)

    assert answer == {"batchItemFailures": [{"itemIdentifier": "m2"}]}
    assert handled == ["a"]


def test_an_event_without_records_is_refused() -> None:
    with pytest.raises(TypeError, match="Records"):
        sqs_batch_response({"detail-type": "Transcribe Job State Change"}, lambda event: None)
