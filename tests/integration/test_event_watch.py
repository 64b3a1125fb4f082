"""as_completed, wait_all and JobSubmitter fed by job-state events, over real HTTP.

The jobs run on the local backend, which publishes the service's ``aws.transcribe`` event
when each ends into its EventBridge (moto's server behind it); the rule that
``ensure_job_events`` makes routes them to the queue. The backend drops or duplicates an
event where a test asks it to, as the service's best-effort delivery may; ``PutEvents``
stands in for the service where no job of the backend could.
"""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from aiobotocore.session import AioSession

from tests.fakes import FakeClock
from tests.integration._support import checked_client
from tests.integration.scaling._aws import job_finished, queue_counts
from tests.jobs import MEDIA, start_jobs, start_medical_jobs
from transcribe_kit import (
    MEDICAL_TRANSCRIPTION_JOBS,
    EventWaitPolicy,
    JobSubmitter,
    LanguageCode,
    StartTranscriptionJobRequest,
    TranscribeClient,
    TranscriptionJobStatus,
    WaitPolicy,
    WaitTimeoutError,
)
from transcribe_kit.testing import LocalBackend

#: Every watch here ends within this many seconds, whatever happens.
BOUNDED = WaitPolicy(timeout=20.0)
#: Events alone: proves that what a watch found came from an event.
EVENTS_ONLY = EventWaitPolicy(sweep=False, leave_delay=1)


@pytest.fixture
def prefix() -> str:
    """A job-name prefix, and so a queue, no other test uses."""
    return f"w{uuid.uuid4().hex[:12]}"


@pytest_asyncio.fixture
async def eventbridge(transcribe_backend: LocalBackend) -> AsyncIterator[Any]:
    """EventBridge behind the local backend: publishes as Amazon Transcribe would."""
    async with AioSession().create_client("events", **transcribe_backend.client_settings) as client:
        yield client


@pytest_asyncio.fixture
async def sqs(transcribe_backend: LocalBackend) -> AsyncIterator[Any]:
    """SQS behind the local backend, to look at the queues from outside."""
    async with AioSession().create_client("sqs", **transcribe_backend.client_settings) as client:
        yield client


@pytest_asyncio.fixture
async def queue_url(tk: TranscribeClient, prefix: str, transcribe_backend: LocalBackend) -> str:
    """The wired queue for ``prefix``; jobs are final from the first call after their start."""
    transcribe_backend.set_progression()
    return await tk.ensure_job_events(job_name_prefix=prefix, max_receive_count=3)


def job_request(name: str) -> StartTranscriptionJobRequest:
    return StartTranscriptionJobRequest(
        transcription_job_name=name, language_code=LanguageCode.EN_US, media=MEDIA
    )


def count_calls(tk: TranscribeClient) -> Counter[str]:
    """The Transcribe operations ``tk`` calls from now on, counted by name."""
    calls: Counter[str] = Counter()

    def count(model: Any, **_: Any) -> None:
        calls[model.name] += 1

    tk.aiobotocore_client.meta.events.register("before-call.transcribe", count)
    return calls


async def test_jobs_are_found_by_their_events_with_one_get_each(
    tk: TranscribeClient, sqs: Any, queue_url: str, prefix: str
) -> None:
    names = [f"{prefix}-{index}" for index in range(3)]
    await start_jobs(tk, *names)
    calls = count_calls(tk)

    done = await tk.wait_all(names, events=queue_url, event_policy=EVENTS_ONLY, policy=BOUNDED)

    assert [job.transcription_job_name for job in done] == names
    assert {job.transcription_job_status for job in done} == {TranscriptionJobStatus.COMPLETED}
    assert calls == {"GetTranscriptionJob": 3}
    assert await queue_counts(sqs, queue_url) == (0, 0)


async def test_an_event_that_came_before_its_job_was_watched_waits_on_the_queue(
    tk: TranscribeClient, queue_url: str, prefix: str
) -> None:
    early, other = f"{prefix}-early", f"{prefix}-other"
    await start_jobs(tk, early, other)  # both end, and publish, at once

    # The first watch does not know `early` yet: it leaves that event on the queue.
    first = await tk.wait_all([other], events=queue_url, event_policy=EVENTS_ONLY, policy=BOUNDED)
    second = await tk.wait_all([early], events=queue_url, event_policy=EVENTS_ONLY, policy=BOUNDED)

    assert [job.transcription_job_name for job in first + second] == [other, early]


async def test_a_duplicate_event_is_reported_once_and_deleted(
    tk: TranscribeClient,
    transcribe_backend: LocalBackend,
    sqs: Any,
    queue_url: str,
    prefix: str,
) -> None:
    twice, after = f"{prefix}-twice", f"{prefix}-after"
    transcribe_backend.duplicate_events(twice)
    await start_jobs(tk, twice, after)

    # Visibility 0: every message received is at once visible again, as a duplicate is.
    async with tk.events(queue_url, wait_time=1, visibility_timeout=0) as stream:
        found = [
            job.transcription_job_name
            async for job in tk.as_completed(
                [twice], events=stream, event_policy=EVENTS_ONLY, policy=BOUNDED
            )
        ]
        found += [
            job.transcription_job_name
            async for job in tk.as_completed(
                [after], events=stream, event_policy=EVENTS_ONLY, policy=BOUNDED
            )
        ]
    assert found == [twice, after]
    assert stream.stats.duplicates >= 1
    assert await queue_counts(sqs, queue_url) == (0, 0)


async def test_a_job_whose_event_was_lost_is_swept_after_the_grace_period(
    transcribe_backend: LocalBackend, prefix: str
) -> None:
    transcribe_backend.set_progression()
    clock = FakeClock()
    async with checked_client(transcribe_backend, clock=clock) as tk:
        queue_url = await tk.ensure_job_events(job_name_prefix=prefix)
        lost = f"{prefix}-lost"
        transcribe_backend.drop_events(lost)
        await start_jobs(tk, lost)
        calls = count_calls(tk)

        done = await tk.wait_all(
            [lost],
            events=queue_url,
            event_policy=EventWaitPolicy(grace_period=40),
            policy=WaitPolicy(timeout=600),  # on the fake clock: no real time
        )

    assert [(job.transcription_job_name, job.transcription_job_status) for job in done] == [
        (lost, TranscriptionJobStatus.COMPLETED)
    ]
    # The sweep came once the grace period had passed (on the client's clock), with List.
    assert clock.sleeps[0] == 40
    assert calls["ListTranscriptionJobs"] >= 1


async def test_an_event_for_a_job_not_watched_is_left_for_other_consumers(
    tk: TranscribeClient, queue_url: str, prefix: str
) -> None:
    mine, theirs = f"{prefix}-mine", f"{prefix}-theirs"
    await start_jobs(tk, theirs, mine)

    await tk.wait_all([mine], events=queue_url, event_policy=EVENTS_ONLY, policy=BOUNDED)
    async with tk.events(queue_url, wait_time=1, idle_timeout=3) as other_consumer:
        seen = []
        async for delivery in other_consumer:
            async with delivery as event:
                seen.append(event.resource_name)

    assert seen == [theirs]


async def test_an_event_no_consumer_takes_moves_to_the_dead_letter_queue(
    tk: TranscribeClient,
    transcribe_backend: LocalBackend,
    eventbridge: Any,
    sqs: Any,
    queue_url: str,
    prefix: str,
) -> None:
    waiting, nobodys = f"{prefix}-waiting", f"{prefix}-nobodys"
    transcribe_backend.drop_events(waiting)  # the watch waits for an event that never comes
    await start_jobs(tk, waiting)
    # The event of a job of another account or region, say: no job here to end.
    await job_finished(eventbridge, nobodys)

    # The watch leaves the event each time it comes; after three receives SQS moves it.
    with pytest.raises(WaitTimeoutError):
        await tk.wait_all(
            [waiting],
            events=queue_url,
            event_policy=EventWaitPolicy(sweep=False, leave_delay=0),
            policy=WaitPolicy(timeout=4.0),
        )

    dead_letters = (await sqs.get_queue_url(QueueName=f"transcribe-events-{prefix}-dlq"))[
        "QueueUrl"
    ]
    assert await queue_counts(sqs, dead_letters) == (1, 0)
    assert await queue_counts(sqs, queue_url) == (0, 0)


async def test_medical_jobs_are_watched_with_list_whatever_the_events(
    tk: TranscribeClient, transcribe_backend: LocalBackend, prefix: str
) -> None:
    transcribe_backend.set_progression()
    names = [f"{prefix}-visit-{index}" for index in range(2)]
    await start_medical_jobs(tk, *names)

    # Medical jobs publish no events: the queue is never read (this one does not exist).
    done = await tk.wait_all(
        names,
        kind=MEDICAL_TRANSCRIPTION_JOBS,
        events="http://127.0.0.1:9/no-such-queue",
        policy=BOUNDED,
    )

    assert [job.medical_transcription_job_name for job in done] == names


async def test_job_submitter_frees_its_slots_by_events(
    tk: TranscribeClient, queue_url: str, prefix: str
) -> None:
    calls = count_calls(tk)
    requests = [job_request(f"{prefix}-{index}") for index in range(3)]

    async with tk.events(queue_url, wait_time=1) as stream:
        submitter = JobSubmitter(tk, max_running=1, events=stream, event_policy=EVENTS_ONLY)
        results = await asyncio.wait_for(submitter.submit(requests), timeout=20)

    assert [result.started for result in results] == [True, True, True]
    assert calls["ListTranscriptionJobs"] == 0
    assert calls["GetTranscriptionJob"] == 2  # one per event of a job whose slot was waited for
