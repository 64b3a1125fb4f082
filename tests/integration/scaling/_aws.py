"""Helpers that play the services' part: publishing Transcribe's events, counting messages."""

from __future__ import annotations

import json
from typing import Any


async def publish(eventbridge: Any, detail_type: str, detail: dict[str, Any]) -> None:
    """Put one event on the default bus as Amazon Transcribe would."""
    answer = await eventbridge.put_events(
        Entries=[
            {"Source": "aws.transcribe", "DetailType": detail_type, "Detail": json.dumps(detail)}
        ]
    )
    assert answer["FailedEntryCount"] == 0


async def job_finished(eventbridge: Any, name: str, status: str = "COMPLETED") -> None:
    await publish(
        eventbridge,
        "Transcribe Job State Change",
        {"TranscriptionJobName": name, "TranscriptionJobStatus": status},
    )


async def queue_counts(sqs: Any, queue_url: str) -> tuple[int, int]:
    """How many messages the queue holds: (visible, in flight)."""
    answer = await sqs.get_queue_attributes(
        QueueUrl=queue_url,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )
    attributes = answer["Attributes"]
    return (
        int(attributes["ApproximateNumberOfMessages"]),
        int(attributes["ApproximateNumberOfMessagesNotVisible"]),
    )
