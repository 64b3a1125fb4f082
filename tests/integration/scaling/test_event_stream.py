"""tk.events() hands out each event at least once and deletes it only after its block succeeded."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from tests.integration.scaling._aws import job_finished, publish, queue_counts
from tests.jobs import start_jobs
from transcribe_kit import TranscribeClient, TranscriptionJob
from transcribe_kit.events import (
    NAME_MEMBERS,
    CallAnalyticsJobStateChange,
    CallAnalyticsPostCallJobStateChange,
    Delivery,
    LanguageIdentificationStateChange,
    LanguageModelStateChange,
    MultipleLanguageIdentificationStateChange,
    TranscribeEvent,
    TranscriptionJobStateChange,
    UnknownDetail,
    VocabularyStateChange,
)

#: Short polls and an end after a quiet second keep every test bounded in time.
QUICK: dict[str, Any] = {"wait_time": 1, "idle_timeout": 1}


class HandlingError(Exception):
    """The handling of an event failed."""


async def handle_all(tk: TranscribeClient, queue_url: str, **options: Any) -> list[TranscribeEvent]:
    """Every event the stream delivers until it idles, each handled without error."""
    handled = []
    async with tk.events(queue_url, **{**QUICK, **options}) as events:
        async for delivery in events:
            async with delivery as event:
                handled.append(event)
    return handled


async def test_each_detail_type_arrives_typed(
    tk: TranscribeClient, eventbridge: Any, sqs: Any, prefix: str
) -> None:
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix, detail_types=list(NAME_MEMBERS))
    for detail_type, member in NAME_MEMBERS.items():
        await publish(eventbridge, detail_type, {member: f"{prefix}-{member}"})
    unknown = {"detail-type": "Something New", "source": "aws.transcribe", "detail": {"A": 1}}
    await sqs.send_message(QueueUrl=queue_url, MessageBody=json.dumps(unknown))

    handled = await handle_all(tk, queue_url)

    assert {type(event.detail) for event in handled} == {
        TranscriptionJobStateChange,
        LanguageIdentificationStateChange,
        MultipleLanguageIdentificationStateChange,
        CallAnalyticsJobStateChange,
        CallAnalyticsPostCallJobStateChange,
        VocabularyStateChange,
        LanguageModelStateChange,
        UnknownDetail,
    }
    assert all(
        event.region == "us-east-1" for event in handled if event.detail_type in NAME_MEMBERS
    )


async def test_a_handled_event_is_deleted(
    tk: TranscribeClient, eventbridge: Any, sqs: Any, prefix: str
) -> None:
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix)
    await job_finished(eventbridge, f"{prefix}-1")

    handled = await handle_all(tk, queue_url)

    assert [event.resource_name for event in handled] == [f"{prefix}-1"]
    assert await queue_counts(sqs, queue_url) == (0, 0)


async def test_the_same_event_published_twice_is_handled_once(
    tk: TranscribeClient, eventbridge: Any, sqs: Any, prefix: str
) -> None:
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix)
    await job_finished(eventbridge, f"{prefix}-1")
    await job_finished(eventbridge, f"{prefix}-1")
    await job_finished(eventbridge, f"{prefix}-1", status="FAILED")

    async with tk.events(queue_url, **QUICK) as events:
        handled = [event async for event in _handled(events)]

    assert sorted(str(event.status) for event in handled) == ["COMPLETED", "FAILED"]
    assert events.stats.duplicates == 1
    assert await queue_counts(sqs, queue_url) == (0, 0)


async def _handled(events: Any) -> Any:
    async for delivery in events:
        async with delivery as event:
            yield event


async def test_a_message_redelivered_at_once_is_not_handled_twice(
    tk: TranscribeClient, eventbridge: Any, sqs: Any, prefix: str
) -> None:
    # Visibility 0: SQS hands the message out again while its first delivery is handled.
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix)
    await job_finished(eventbridge, f"{prefix}-1")
    handled: list[str] = []

    async with tk.events(queue_url, visibility_timeout=0, max_in_flight=2, **QUICK) as events:

        async def handle(delivery: Delivery) -> None:
            async with delivery as event:
                for _ in range(100):  # until the stream has seen the copy, at most 5 s
                    if events.stats.received >= 2:
                        break
                    await asyncio.sleep(0.05)
                handled.append(str(event.resource_name))

        tasks = [asyncio.create_task(handle(delivery)) async for delivery in events]
        await asyncio.gather(*tasks)

    assert handled == [f"{prefix}-1"]
    assert events.stats.received >= 2
    assert await queue_counts(sqs, queue_url) == (0, 0)


async def test_a_block_that_raises_leaves_its_message_for_redelivery(
    tk: TranscribeClient, eventbridge: Any, sqs: Any, prefix: str
) -> None:
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix)
    await job_finished(eventbridge, f"{prefix}-1")

    async def handle_failing() -> None:
        async with tk.events(queue_url, **QUICK) as events:
            async for delivery in events:
                async with delivery:
                    raise HandlingError

    with pytest.raises(HandlingError):
        await handle_failing()

    again = await sqs.receive_message(
        QueueUrl=queue_url,
        WaitTimeSeconds=1,
        MessageSystemAttributeNames=["ApproximateReceiveCount"],
    )
    (message,) = again["Messages"]
    assert json.loads(message["Body"])["detail"]["TranscriptionJobName"] == f"{prefix}-1"
    assert message["Attributes"]["ApproximateReceiveCount"] == "2"


async def test_a_message_that_keeps_failing_moves_to_the_dead_letter_queue(
    tk: TranscribeClient, eventbridge: Any, sqs: Any, prefix: str
) -> None:
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix, max_receive_count=2)
    await job_finished(eventbridge, f"{prefix}-1")
    attempts = 0

    async with tk.events(queue_url, **QUICK) as events:
        async for delivery in events:
            attempts += 1
            with pytest.raises(HandlingError):
                async with delivery:
                    raise HandlingError
            assert attempts <= 2

    dead_letters = (await sqs.get_queue_url(QueueName=f"transcribe-events-{prefix}-dlq"))[
        "QueueUrl"
    ]
    assert attempts == 2
    assert await queue_counts(sqs, queue_url) == (0, 0)
    assert await queue_counts(sqs, dead_letters) == (1, 0)


async def test_a_message_stays_hidden_from_other_consumers_while_its_block_runs(
    tk: TranscribeClient, eventbridge: Any, sqs: Any, prefix: str
) -> None:
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix)
    await job_finished(eventbridge, f"{prefix}-1")

    async with tk.events(queue_url, visibility_timeout=1, **QUICK) as events:
        async for delivery in events:
            async with delivery:
                # Three times the visibility timeout: without extensions it would show again.
                seen = await sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=3)
            assert seen.get("Messages", []) == []

    assert await queue_counts(sqs, queue_url) == (0, 0)


async def test_leaving_the_stream_lets_go_at_once_of_what_was_not_handed_out(
    tk: TranscribeClient, eventbridge: Any, sqs: Any, prefix: str
) -> None:
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix)
    for number in range(3):
        await job_finished(eventbridge, f"{prefix}-{number}")

    async with tk.events(queue_url, visibility_timeout=600, **QUICK) as events:
        async for delivery in events:
            async with delivery:
                pass
            break

    assert events.stats.delivered == 1
    assert await queue_counts(sqs, queue_url) == (2, 0)


async def test_a_message_that_is_no_event_is_left_for_the_dead_letter_queue(
    tk: TranscribeClient, sqs: Any, prefix: str
) -> None:
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix)
    await sqs.send_message(QueueUrl=queue_url, MessageBody="hello")

    async with tk.events(queue_url, visibility_timeout=600, **QUICK) as events:
        delivered = [delivery async for delivery in events]

    assert delivered == []
    assert events.stats.malformed == 1
    assert await queue_counts(sqs, queue_url) == (0, 1)


async def test_fetch_jobs_gets_each_finished_job_once(
    tk: TranscribeClient, eventbridge: Any, prefix: str
) -> None:
    await start_jobs(tk, f"{prefix}-1")
    queue_url = await tk.ensure_job_events(job_name_prefix=prefix)
    await job_finished(eventbridge, f"{prefix}-1")
    await job_finished(eventbridge, f"{prefix}-gone")
    gets: list[str] = []
    tk.aiobotocore_client.meta.events.register(
        "before-parameter-build.transcribe.GetTranscriptionJob",
        lambda params, **_: gets.append(params["TranscriptionJobName"]),
    )

    jobs: dict[str, TranscriptionJob | None] = {}
    async with tk.events(queue_url, fetch_jobs=True, **QUICK) as events:
        async for delivery in events:
            async with delivery as event:
                jobs[str(event.resource_name)] = delivery.job  # type: ignore[assignment]

    job = jobs[f"{prefix}-1"]
    assert isinstance(job, TranscriptionJob)
    assert job.transcription_job_name == f"{prefix}-1"
    assert jobs[f"{prefix}-gone"] is None
    assert sorted(gets) == [f"{prefix}-1", f"{prefix}-gone"]


async def test_a_stream_that_is_not_open_says_how_to_open_it(tk: TranscribeClient) -> None:
    events = tk.events("http://127.0.0.1:1/000000000000/none")

    with pytest.raises(Exception, match=r"async with tk\.events"):
        await events.__anext__()
