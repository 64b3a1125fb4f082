from __future__ import annotations

import asyncio
import random
import sys
from typing import Any

import pytest

from tests.fakes import FakeAioClient, FakeClock, never_answers, not_found
from transcribe_kit import (
    NotFoundError,
    ResourceFailedError,
    TranscribeClient,
    TranscriptionJob,
    TranscriptionJobStatus,
    WaitPolicy,
    WaitTimeoutError,
)
from transcribe_kit._kinds import KINDS, ResourceKind

EXACT = WaitPolicy(jitter=0.0)


def _job(status: str, **more: Any) -> dict[str, Any]:
    return {
        "TranscriptionJob": {"TranscriptionJobName": "j", "TranscriptionJobStatus": status, **more}
    }


def _client(fake: FakeAioClient, clock: FakeClock, policy: WaitPolicy = EXACT) -> TranscribeClient:
    return TranscribeClient(client=fake, clock=clock, wait_policy=policy)


async def test_returns_the_completed_job_typed() -> None:
    fake = FakeAioClient().script(
        "GetTranscriptionJob",
        _job("QUEUED"),
        _job("IN_PROGRESS"),
        _job("COMPLETED", Transcript={"TranscriptFileUri": "s3://out/j.json"}),
    )
    async with _client(fake, FakeClock()) as tk:
        job = await tk.wait_for_transcription_job("j")
    assert isinstance(job, TranscriptionJob)
    assert job.transcription_job_status is TranscriptionJobStatus.COMPLETED
    assert job.transcript is not None
    assert job.transcript.transcript_file_uri == "s3://out/j.json"
    assert fake.calls_to("GetTranscriptionJob") == [{"TranscriptionJobName": "j"}] * 3


async def test_delays_start_at_a_second_and_grow_to_the_cap() -> None:
    fake = FakeAioClient().script(
        "GetTranscriptionJob", *[_job("IN_PROGRESS")] * 8, _job("COMPLETED")
    )
    clock = FakeClock()
    async with _client(fake, clock, WaitPolicy(jitter=0.0, max_delay=10.0)) as tk:
        await tk.wait_for_transcription_job("j")
    assert clock.sleeps == [1.0, 2.0, 4.0, 8.0, 10.0, 10.0, 10.0, 10.0]


def test_jitter_shortens_each_delay_by_at_most_its_fraction() -> None:
    policy = WaitPolicy(initial_delay=1.0, max_delay=8.0, jitter=0.5)
    delays = policy.delays(random.Random(7))
    got = [next(delays) for _ in range(40)]
    bases = [1.0, 2.0, 4.0] + [8.0] * 37
    assert all(base * 0.5 <= delay <= base for delay, base in zip(got, bases, strict=True))
    assert len(set(got[3:])) > 1


async def test_failed_job_raises_with_resource_and_reason() -> None:
    fake = FakeAioClient().script(
        "GetTranscriptionJob",
        _job("IN_PROGRESS"),
        _job("FAILED", FailureReason="Unsupported media format"),
    )
    async with _client(fake, FakeClock()) as tk:
        with pytest.raises(ResourceFailedError) as caught:
            await tk.wait_for_transcription_job("j")
    assert caught.value.failure_reason == "Unsupported media format"
    assert caught.value.name == "j"
    assert isinstance(caught.value.resource, TranscriptionJob)
    assert caught.value.resource.transcription_job_status == "FAILED"
    assert "Unsupported media format" in str(caught.value)


async def test_deadline_raises_with_the_last_state_after_a_last_poll_before_it() -> None:
    fake = FakeAioClient().script("GetTranscriptionJob", _job("IN_PROGRESS"))
    clock = FakeClock()
    async with _client(fake, clock, WaitPolicy(jitter=0.0, timeout=10.0)) as tk:
        with pytest.raises(WaitTimeoutError) as caught:
            await tk.wait_for_transcription_job("j")
    # Polls at 0, 1, 3 and 7 s; the last delay is cut so that the fifth poll has the
    # deadline's last second to answer in.
    assert clock.sleeps == [1.0, 2.0, 4.0, 2.0]
    assert caught.value.elapsed == 9.0
    assert caught.value.attempts == 5
    assert isinstance(caught.value.last_seen, TranscriptionJob)
    assert caught.value.last_seen.transcription_job_status == "IN_PROGRESS"


async def test_attempt_limit_raises_after_that_many_polls() -> None:
    fake = FakeAioClient().script("GetTranscriptionJob", _job("QUEUED"))
    async with _client(fake, FakeClock()) as tk:
        with pytest.raises(WaitTimeoutError) as caught:
            await tk.wait_for_transcription_job("j", policy=WaitPolicy(max_attempts=3, jitter=0.0))
    assert caught.value.attempts == 3
    assert len(fake.calls_to("GetTranscriptionJob")) == 3


async def test_per_call_policy_overrides_the_client_policy() -> None:
    fake = FakeAioClient().script("GetTranscriptionJob", _job("QUEUED"), _job("COMPLETED"))
    clock = FakeClock()
    async with _client(fake, clock, WaitPolicy(initial_delay=5.0, jitter=0.0)) as tk:
        await tk.wait_for_transcription_job("j", policy=WaitPolicy(initial_delay=0.25, jitter=0.0))
    assert clock.sleeps == [0.25]


async def test_a_job_deleted_while_waited_on_raises_not_found() -> None:
    fake = FakeAioClient().script(
        "GetTranscriptionJob", _job("IN_PROGRESS"), not_found("GetTranscriptionJob")
    )
    async with _client(fake, FakeClock()) as tk:
        with pytest.raises(NotFoundError):
            await tk.wait_for_transcription_job("j")


async def test_on_change_sees_each_status_once() -> None:
    fake = FakeAioClient().script(
        "GetTranscriptionJob",
        _job("QUEUED"),
        _job("QUEUED"),
        _job("IN_PROGRESS"),
        _job("IN_PROGRESS"),
        _job("COMPLETED"),
    )
    seen: list[str | None] = []
    async with _client(fake, FakeClock()) as tk:
        await tk.wait_for_transcription_job(
            "j", on_change=lambda job: seen.append(job.transcription_job_status)
        )
    assert seen == ["QUEUED", "IN_PROGRESS", "COMPLETED"]


async def test_on_change_sees_the_failed_status_before_the_error() -> None:
    fake = FakeAioClient().script("GetTranscriptionJob", _job("QUEUED"), _job("FAILED"))
    seen: list[str | None] = []
    async with _client(fake, FakeClock()) as tk:
        with pytest.raises(ResourceFailedError):
            await tk.wait_for_transcription_job(
                "j", on_change=lambda job: seen.append(job.transcription_job_status)
            )
    assert seen == ["QUEUED", "FAILED"]


async def test_iterating_yields_each_status_change() -> None:
    fake = FakeAioClient().script(
        "GetTranscriptionJob",
        _job("QUEUED"),
        _job("IN_PROGRESS"),
        _job("IN_PROGRESS"),
        _job("COMPLETED"),
    )
    async with _client(fake, FakeClock()) as tk:
        states = [job.transcription_job_status async for job in tk.wait_for_transcription_job("j")]
    assert states == ["QUEUED", "IN_PROGRESS", "COMPLETED"]


async def test_cancelling_stops_polling_at_once_and_leaves_no_task() -> None:
    fake = FakeAioClient().script("GetTranscriptionJob", _job("IN_PROGRESS"))
    clock = FakeClock(blocking=True)
    before = asyncio.all_tasks()
    async with _client(fake, clock) as tk:
        task = asyncio.ensure_future(tk.wait_for_transcription_job("j"))
        await asyncio.wait_for(clock.sleeping.wait(), timeout=5)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert len(fake.calls) == 1
    assert asyncio.all_tasks() == before


if sys.version_info >= (3, 11):  # asyncio.timeout is new in Python 3.11

    async def test_asyncio_timeout_stops_the_waiter() -> None:
        fake = FakeAioClient().script("GetTranscriptionJob", _job("IN_PROGRESS"))
        clock = FakeClock(blocking=True)
        async with _client(fake, clock) as tk:
            with pytest.raises(TimeoutError):
                async with asyncio.timeout(0):
                    await tk.wait_for_transcription_job("j")
        assert len(fake.calls) == 1
        assert clock.sleeping.is_set()


def _answer(kind: ResourceKind[Any, Any], status: str) -> dict[str, Any]:
    resource = {kind.members.status: status, "FailureReason": "bad"}
    return resource if kind.members.resource is None else {kind.members.resource: resource}


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.noun)
async def test_each_waiter_reads_its_status_and_reports_failure(
    kind: ResourceKind[Any, Any],
) -> None:
    method = f"wait_for_{kind.noun.lower().replace(' ', '_')}"
    operation, pending = kind.operations.get, kind.running_statuses[0]
    fake = FakeAioClient().script(operation, _answer(kind, pending), _answer(kind, kind.success))
    async with _client(fake, FakeClock()) as tk:
        done = await getattr(tk, method)("name-1")
    assert fake.calls_to(operation) == [{kind.members.name: "name-1"}] * 2
    assert isinstance(done, kind.resource_type)
    assert kind.status_of(done) == kind.success

    failing = FakeAioClient().script(operation, _answer(kind, pending), _answer(kind, "FAILED"))
    async with _client(failing, FakeClock()) as tk:
        with pytest.raises(ResourceFailedError) as caught:
            await getattr(tk, method)("name-1")
    assert caught.value.failure_reason == "bad"
    assert caught.value.operation_name == operation


@pytest.mark.parametrize(
    "bad",
    [{"initial_delay": 0}, {"max_delay": -1}, {"jitter": 1.0}, {"timeout": 0}, {"max_attempts": 0}],
)
def test_policy_refuses_values_that_cannot_pace_a_waiter(bad: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=next(iter(bad))):
        WaitPolicy(**bad)


async def test_a_poll_in_flight_is_cut_off_at_the_deadline() -> None:
    fake = FakeAioClient().script("GetTranscriptionJob", _job("QUEUED"), never_answers)
    async with _client(fake, FakeClock(), WaitPolicy(jitter=0.0, timeout=1.2)) as tk:
        with pytest.raises(WaitTimeoutError) as caught:
            await asyncio.wait_for(tk.wait_for_transcription_job("j"), 10)
    # The second poll began at 0.2 s (the first delay cut short) with one second left.
    assert caught.value.attempts == 2
    assert isinstance(caught.value.last_seen, TranscriptionJob)
    assert "was still QUEUED after 1.2 s" in str(caught.value)
