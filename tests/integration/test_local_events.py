"""The local backend publishes Transcribe's events, consumed through ``transcribe_kit.events``.

Each test wires the events with ``ensure_job_events`` (EventBridge rule → SQS queue, in the
backend's moto) and reads them with ``tk.events`` as the tests of the stream on moto do:
short polls and an end after a quiet second keep every read bounded in time.
"""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
import pytest_asyncio
from aiobotocore.session import AioSession

from tests.integration.scaling.test_event_stream import QUICK, handle_all
from tests.jobs import MEDIA, start_jobs
from transcribe_kit import (
    CreateVocabularyRequest,
    GetTranscriptionJobRequest,
    LanguageCode,
    StartTranscriptionJobRequest,
    TranscribeClient,
    TranscriptionJob,
    TranscriptionJobStatus,
    VocabularyState,
)
from transcribe_kit.events import (
    JOB_STATE_CHANGES,
    SOURCE,
    LanguageIdentificationStateChange,
    TranscriptionJobStateChange,
    VocabularyStateChange,
)
from transcribe_kit.testing import LocalBackend, LocalClock
from transcribe_kit.testing._resources import ACCOUNT_ID

PREFIX = "events-"


@pytest_asyncio.fixture
async def queue_url(transcribe_client: TranscribeClient) -> str:
    return await transcribe_client.ensure_job_events(job_name_prefix=PREFIX)


async def _queued(backend: LocalBackend, queue_url: str) -> int:
    """How many messages the queue holds, visible or not."""
    async with AioSession().create_client("sqs", **backend.client_settings) as sqs:
        answer = await sqs.get_queue_attributes(
            QueueUrl=queue_url,
            AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        )
    return sum(int(count) for count in answer["Attributes"].values())


async def test_a_completed_job_publishes_a_typed_job_state_change(
    transcribe_client: TranscribeClient, local_clock: LocalClock, queue_url: str
) -> None:
    await start_jobs(transcribe_client, "events-1")
    ended_at = local_clock.advance(1)

    (event,) = await handle_all(transcribe_client, queue_url)

    assert event.source == SOURCE
    assert event.detail_type == "Transcribe Job State Change"
    assert event.detail == TranscriptionJobStateChange(
        transcription_job_name="events-1",
        transcription_job_status=TranscriptionJobStatus.COMPLETED,
    )
    assert event.resources == []
    assert (event.account, event.region) == (ACCOUNT_ID, "us-east-1")
    assert event.time == datetime.fromtimestamp(int(ended_at), timezone.utc)


async def test_a_running_job_publishes_nothing(
    transcribe_client: TranscribeClient,
    transcribe_backend: LocalBackend,
    local_clock: LocalClock,
    queue_url: str,
) -> None:
    await start_jobs(transcribe_client, "events-1")
    local_clock.advance(0.5)

    assert await _queued(transcribe_backend, queue_url) == 0


async def test_a_failed_job_publishes_its_failure_reason(
    transcribe_client: TranscribeClient,
    transcribe_backend: LocalBackend,
    local_clock: LocalClock,
    queue_url: str,
) -> None:
    transcribe_backend.fail_jobs("events-bad", "Unsupported audio format.")
    await start_jobs(transcribe_client, "events-bad")
    local_clock.advance(1)

    (event,) = await handle_all(transcribe_client, queue_url)

    assert event.detail == TranscriptionJobStateChange(
        transcription_job_name="events-bad",
        transcription_job_status=TranscriptionJobStatus.FAILED,
        failure_reason="Unsupported audio format.",
    )


async def test_a_job_finishing_by_wall_time_publishes_without_being_read(
    transcribe_client: TranscribeClient, transcribe_backend: LocalBackend, queue_url: str
) -> None:
    transcribe_backend.set_job_duration(0.1)
    await start_jobs(transcribe_client, "events-1")

    # No Get nor List: the backend moves the job on, and publishes, by its clock alone.
    events = await handle_all(transcribe_client, queue_url, idle_timeout=3)

    assert [event.resource_name for event in events] == ["events-1"]


async def test_only_jobs_named_with_the_rules_prefix_reach_the_queue(
    transcribe_client: TranscribeClient, local_clock: LocalClock, queue_url: str
) -> None:
    await start_jobs(transcribe_client, "events-1", "other-1", "events-2")
    local_clock.advance(1)

    events = await handle_all(transcribe_client, queue_url)

    assert sorted(str(event.resource_name) for event in events) == ["events-1", "events-2"]


async def test_a_dropped_event_never_arrives(
    transcribe_client: TranscribeClient,
    transcribe_backend: LocalBackend,
    local_clock: LocalClock,
    queue_url: str,
) -> None:
    transcribe_backend.drop_events("events-lost-*")
    await start_jobs(transcribe_client, "events-lost-1", "events-kept-1")
    local_clock.advance(1)

    events = await handle_all(transcribe_client, queue_url)

    assert [event.resource_name for event in events] == ["events-kept-1"]
    answer = await transcribe_client.get_transcription_job(
        GetTranscriptionJobRequest(transcription_job_name="events-lost-1")
    )
    assert answer.transcription_job is not None
    assert answer.transcription_job.transcription_job_status is TranscriptionJobStatus.COMPLETED


async def test_a_duplicated_event_is_queued_twice_and_handled_once(
    transcribe_client: TranscribeClient,
    transcribe_backend: LocalBackend,
    local_clock: LocalClock,
    queue_url: str,
) -> None:
    transcribe_backend.duplicate_events("events-*", copies=2)
    await start_jobs(transcribe_client, "events-1")
    local_clock.advance(1)
    queued = await _queued(transcribe_backend, queue_url)

    events = await handle_all(transcribe_client, queue_url)

    assert queued == 2
    assert [event.resource_name for event in events] == ["events-1"]
    assert await _queued(transcribe_backend, queue_url) == 0


async def test_a_consumer_fetches_the_finished_job_and_its_transcript(
    transcribe_client: TranscribeClient, local_clock: LocalClock, queue_url: str
) -> None:
    await start_jobs(transcribe_client, "events-1")
    local_clock.advance(1)

    texts = []
    async with transcribe_client.events(queue_url, fetch_jobs=True, **QUICK) as events:
        async for delivery in events:
            async with delivery:
                assert isinstance(delivery.job, TranscriptionJob)
                texts.append((await transcribe_client.fetch_transcript(delivery.job)).text)

    assert len(texts) == 1
    assert texts[0]


async def test_language_identification_publishes_its_own_event_beside_the_jobs(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    queue_url = await transcribe_client.ensure_job_events(
        job_name_prefix=PREFIX,
        detail_types=(*JOB_STATE_CHANGES, LanguageIdentificationStateChange.DETAIL_TYPE),
    )
    await transcribe_client.start_transcription_job(
        StartTranscriptionJobRequest(
            transcription_job_name="events-1",
            identify_language=True,
            language_options=[LanguageCode.EN_US, LanguageCode.DE_DE],
            media=MEDIA,
        )
    )
    local_clock.advance(1)

    events = await handle_all(transcribe_client, queue_url)

    assert sorted(event.detail_type for event in events) == [
        "Language Identification State Change",
        "Transcribe Job State Change",
    ]


async def test_a_ready_vocabulary_publishes_a_vocabulary_state_change(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    queue_url = await transcribe_client.ensure_job_events(
        job_name_prefix=PREFIX, detail_types=(VocabularyStateChange.DETAIL_TYPE,)
    )
    await transcribe_client.create_vocabulary(
        CreateVocabularyRequest(
            vocabulary_name="events-terms", language_code=LanguageCode.EN_US, phrases=["moto"]
        )
    )
    local_clock.advance(1)

    (event,) = await handle_all(transcribe_client, queue_url)

    assert event.detail == VocabularyStateChange(
        vocabulary_name="events-terms", vocabulary_state=VocabularyState.READY
    )


@pytest.mark.parametrize("copies", [0, -1])
def test_duplicating_events_needs_one_copy_or_more(
    transcribe_backend: LocalBackend, copies: int
) -> None:
    with pytest.raises(ValueError, match="copies"):
        transcribe_backend.duplicate_events("events-*", copies=copies)
