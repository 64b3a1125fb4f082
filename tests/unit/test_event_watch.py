"""Watches fed by job-state events: one Get per event, a List sweep only for late jobs."""

from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from types import TracebackType
from typing import Any

import pytest

from tests.fakes import FakeClock
from transcribe_kit import (
    CALL_ANALYTICS_JOBS,
    MEDICAL_SCRIBE_JOBS,
    MEDICAL_TRANSCRIPTION_JOBS,
    TRANSCRIPTION_JOBS,
    EventWaitPolicy,
    ResourceFailedError,
    ResourceNotFoundError,
    ThrottlingError,
    TranscriptionJob,
    TranscriptionJobStatus,
    TranscriptionJobSummary,
    WaitPolicy,
    WaitTimeoutError,
)
from transcribe_kit.events import JobEventSource, TranscribeEvent, parse_event
from transcribe_kit.events._watch import as_completed, job_event_type
from transcribe_kit.shapes.medical import (
    GetMedicalTranscriptionJobResponse,
    ListMedicalTranscriptionJobsResponse,
    MedicalTranscriptionJob,
    MedicalTranscriptionJobSummary,
)
from transcribe_kit.shapes.transcription_jobs import (
    GetTranscriptionJobResponse,
    ListTranscriptionJobsResponse,
)

#: The deadline of every watch here: on the fake clock, so it costs no real time.
POLICY = WaitPolicy(timeout=600.0)


def job_event(name: str, status: str = "COMPLETED", detail_type: str = "") -> TranscribeEvent:
    """An event as Transcribe publishes it when the job ``name`` ends."""
    if detail_type:
        return parse_event({"detail-type": detail_type, "detail": {"JobName": name}})
    return parse_event(
        {
            "detail-type": "Transcribe Job State Change",
            "source": "aws.transcribe",
            "detail": {"TranscriptionJobName": name, "TranscriptionJobStatus": status},
        }
    )


class FakeDelivery:
    """A delivery that records how it was settled; one let go is delivered again, as SQS does."""

    def __init__(self, source: FakeSource, event: TranscribeEvent) -> None:
        self.source = source
        self.event = event
        self.outcome: str | None = None

    async def __aenter__(self) -> TranscribeEvent:
        return self.event

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.outcome = "acknowledged" if exc_type is None else "let go"
        if exc_type is not None:
            self.source.put(self.event)

    async def release(self, delay: int = 0) -> None:
        self.outcome = f"left for {delay} s"


class FakeSource:
    """Events handed out in the order they are put, then nothing (until more are put)."""

    def __init__(self, *events: TranscribeEvent) -> None:
        self.deliveries: list[FakeDelivery] = []
        self._queue: asyncio.Queue[FakeDelivery] = asyncio.Queue()
        for event in events:
            self.put(event)

    def put(self, event: TranscribeEvent) -> FakeDelivery:
        delivery = FakeDelivery(self, event)
        self.deliveries.append(delivery)
        self._queue.put_nowait(delivery)
        return delivery

    async def __aiter__(self) -> AsyncIterator[FakeDelivery]:
        while True:
            yield await self._queue.get()

    def outcomes(self) -> list[tuple[str | None, str | None]]:
        return [(d.event.resource_name, d.outcome) for d in self.deliveries]


class FakeService:
    """Transcription jobs by name and status, answering Get and List; counts the calls."""

    def __init__(self, **statuses: str) -> None:
        self.statuses = dict(statuses)
        self.calls: Counter[str] = Counter()
        self.get_errors: list[Exception] = []

    def method(self, operation_name: str) -> Callable[[Any], Awaitable[Any]]:
        async def call(request: Any) -> Any:
            self.calls[operation_name] += 1
            if operation_name == "GetTranscriptionJob":
                if self.get_errors:
                    raise self.get_errors.pop(0)
                name = request.transcription_job_name
                if name not in self.statuses:
                    raise ResourceNotFoundError(
                        "The requested job couldn't be found.", code="BadRequestException"
                    )
                return GetTranscriptionJobResponse(
                    transcription_job=TranscriptionJob(
                        transcription_job_name=name,
                        transcription_job_status=TranscriptionJobStatus(self.statuses[name]),
                        failure_reason="bad media" if self.statuses[name] == "FAILED" else None,
                    )
                )
            if operation_name == "ListTranscriptionJobs":
                return ListTranscriptionJobsResponse(
                    transcription_job_summaries=self.listed(
                        TranscriptionJobSummary, "transcription_job_name", request.status
                    )
                )
            if operation_name == "GetMedicalTranscriptionJob":
                name = request.medical_transcription_job_name
                return GetMedicalTranscriptionJobResponse(
                    medical_transcription_job=MedicalTranscriptionJob(
                        medical_transcription_job_name=name,
                        transcription_job_status=TranscriptionJobStatus(self.statuses[name]),
                    )
                )
            if operation_name == "ListMedicalTranscriptionJobs":
                return ListMedicalTranscriptionJobsResponse(
                    medical_transcription_job_summaries=self.listed(
                        MedicalTranscriptionJobSummary,
                        "medical_transcription_job_name",
                        request.status,
                    )
                )
            raise AssertionError(f"unexpected call {operation_name}")

        return call

    def listed(self, summary_type: Any, name_field: str, status: str) -> list[Any]:
        """The summaries of the jobs in ``status``."""
        return [
            summary_type(**{name_field: name}, transcription_job_status=TranscriptionJobStatus(now))
            for name, now in self.statuses.items()
            if now == status
        ]


def no_queue(url: str) -> contextlib.AbstractAsyncContextManager[JobEventSource]:
    raise AssertionError(f"the queue {url} should not be opened")


async def watch(
    service: FakeService,
    names: list[str],
    events: JobEventSource | str,
    *,
    clock: FakeClock | None = None,
    event_policy: EventWaitPolicy | None = None,
    **options: Any,
) -> list[str]:
    """The names the watch yields, in order, bounded by the fake clock's deadline."""
    kind = options.pop("kind", TRANSCRIPTION_JOBS)
    found = as_completed(
        service.method,
        kind,
        names,
        events=events,
        open_queue=no_queue,
        event_policy=event_policy or EventWaitPolicy(),
        policy=options.pop("policy", POLICY),
        clock=clock or FakeClock(),
        **options,
    )

    async def collect() -> list[str]:
        return [kind.name_of(summary) or "" async for summary in found]

    # A bound in real time too, should the watch wait for an event that never comes.
    return await asyncio.wait_for(collect(), 10)


async def test_a_job_is_found_by_its_event_with_one_get_and_no_list() -> None:
    service = FakeService(a="COMPLETED", b="FAILED")
    source = FakeSource(job_event("b", "FAILED"), job_event("a"))

    found = await watch(service, ["a", "b"], source)

    assert found == ["b", "a"]
    assert service.calls == {"GetTranscriptionJob": 2}
    assert source.outcomes() == [("b", "acknowledged"), ("a", "acknowledged")]


async def test_a_duplicate_event_is_acknowledged_without_another_get() -> None:
    service = FakeService(a="COMPLETED", b="COMPLETED")
    source = FakeSource(job_event("a"), job_event("a"), job_event("b"))

    found = await watch(service, ["a", "b"], source)

    assert found == ["a", "b"]
    assert service.calls == {"GetTranscriptionJob": 2}
    assert [outcome for _, outcome in source.outcomes()] == ["acknowledged"] * 3


async def test_an_event_for_a_job_not_watched_is_left_for_other_consumers() -> None:
    service = FakeService(mine="COMPLETED", theirs="COMPLETED")
    source = FakeSource(job_event("theirs"), job_event("mine"))

    found = await watch(service, ["mine"], source, event_policy=EventWaitPolicy(leave_delay=7))

    assert found == ["mine"]
    assert source.outcomes() == [("theirs", "left for 7 s"), ("mine", "acknowledged")]
    assert service.calls == {"GetTranscriptionJob": 1}


async def test_an_event_of_another_detail_type_is_left_for_other_consumers() -> None:
    service = FakeService(a="COMPLETED")
    source = FakeSource(job_event("a", detail_type="Language Identification State Change"))
    source.put(job_event("a"))

    found = await watch(service, ["a"], source)

    assert found == ["a"]
    assert source.outcomes() == [("a", "left for 30 s"), ("a", "acknowledged")]


async def test_a_job_without_an_event_is_swept_after_the_grace_period() -> None:
    service = FakeService(lost="COMPLETED")
    clock = FakeClock()

    found = await watch(
        service, ["lost"], FakeSource(), clock=clock, event_policy=EventWaitPolicy(grace_period=45)
    )

    assert found == ["lost"]
    assert clock.sleeps[0] == 45
    assert service.calls["ListTranscriptionJobs"] >= 1


async def test_a_job_sweeps_find_running_is_swept_ever_less_often() -> None:
    service = FakeService(slow="IN_PROGRESS")
    clock = FakeClock()
    sweeps = 0
    real_method = service.method

    def method(operation_name: str) -> Callable[[Any], Awaitable[Any]]:
        call = real_method(operation_name)

        async def counted(request: Any) -> Any:
            nonlocal sweeps
            if operation_name == "ListTranscriptionJobs" and request.status == "QUEUED":
                sweeps += 1
                if sweeps == 4:
                    service.statuses["slow"] = "COMPLETED"
            return await call(request)

        return counted

    service.method = method  # type: ignore[method-assign]
    found = await watch(
        service,
        ["slow"],
        FakeSource(),
        clock=clock,
        event_policy=EventWaitPolicy(grace_period=20, max_sweep_interval=60),
    )

    assert found == ["slow"]
    assert clock.sleeps == [20, 40, 60, 60]


async def test_without_the_sweep_a_lost_event_ends_in_the_deadline() -> None:
    service = FakeService(lost="COMPLETED")

    with pytest.raises(WaitTimeoutError) as raised:
        await watch(
            service,
            ["lost"],
            FakeSource(),
            event_policy=EventWaitPolicy(sweep=False),
            policy=WaitPolicy(timeout=120),
        )

    assert raised.value.last_seen == {"lost": None}
    assert service.calls == {}


async def test_a_failed_job_raises_when_failures_are_to_raise() -> None:
    service = FakeService(broken="FAILED")

    with pytest.raises(ResourceFailedError) as raised:
        await watch(
            service, ["broken"], FakeSource(job_event("broken", "FAILED")), raise_on_failure=True
        )

    assert raised.value.failure_reason == "bad media"


async def test_an_event_the_service_contradicts_is_acknowledged_and_the_job_still_watched() -> None:
    service = FakeService(reused="IN_PROGRESS")
    source = FakeSource(job_event("reused"))

    with pytest.raises(WaitTimeoutError):
        await watch(
            service,
            ["reused"],
            source,
            event_policy=EventWaitPolicy(sweep=False),
            policy=WaitPolicy(timeout=60),
        )

    assert source.outcomes() == [("reused", "acknowledged")]


async def test_a_get_that_fails_lets_the_event_come_back() -> None:
    service = FakeService(a="COMPLETED")
    service.get_errors.append(ThrottlingError("slow down", code="ThrottlingException"))
    source = FakeSource(job_event("a"))

    found = await watch(service, ["a"], source, event_policy=EventWaitPolicy(sweep=False))

    assert found == ["a"]
    assert source.outcomes() == [("a", "let go"), ("a", "acknowledged")]


async def test_an_event_for_a_job_that_is_gone_raises_the_not_found_error() -> None:
    service = FakeService()

    with pytest.raises(ResourceNotFoundError):
        await watch(service, ["gone"], FakeSource(job_event("gone")))


async def test_a_gone_job_counts_as_failed_when_vanished_jobs_are_finished() -> None:
    service = FakeService()
    found = as_completed(
        service.method,
        TRANSCRIPTION_JOBS,
        ["gone"],
        events=FakeSource(job_event("gone")),
        open_queue=no_queue,
        event_policy=EventWaitPolicy(),
        policy=POLICY,
        clock=FakeClock(),
        vanished_as_finished=True,
    )

    summaries = [summary async for summary in found]

    assert [s.transcription_job_status for s in summaries] == ["FAILED"]


async def test_the_watch_ends_quietly_once_until_is_true() -> None:
    service = FakeService(a="COMPLETED", b="COMPLETED", c="COMPLETED")
    source = FakeSource(job_event("a"))

    found = await watch(service, ["a", "b", "c"], source, until=lambda: True)

    assert found == ["a"]


async def test_jobs_found_before_until_came_true_are_yielded_too() -> None:
    service = FakeService(a="COMPLETED", b="COMPLETED", c="COMPLETED")
    source = FakeSource(job_event("a"), job_event("b"))
    gate = asyncio.Event()
    real_method = service.method

    def method(operation_name: str) -> Callable[[Any], Awaitable[Any]]:
        call = real_method(operation_name)

        async def after_both(request: Any) -> Any:
            # Both events are read before the watch hands out the first job.
            answer = await call(request)
            if request.transcription_job_name == "b":
                gate.set()
            return answer

        return after_both

    service.method = method  # type: ignore[method-assign]
    found = as_completed(
        service.method,
        TRANSCRIPTION_JOBS,
        ["a", "b", "c"],
        events=source,
        open_queue=no_queue,
        event_policy=EventWaitPolicy(sweep=False),
        policy=POLICY,
        clock=FakeClock(),
        until=gate.is_set,
    )
    names = [summary.transcription_job_name async for summary in found]

    # Their events are deleted: a job found but not handed out would be lost to the caller.
    assert names == ["a", "b"]


async def test_a_kind_without_events_is_watched_with_list_alone() -> None:
    service = FakeService(visit="COMPLETED")

    found = await watch(
        service, ["visit"], "https://queue.invalid/never-opened", kind=MEDICAL_TRANSCRIPTION_JOBS
    )

    assert found == ["visit"]
    assert set(service.calls) <= {"ListMedicalTranscriptionJobs", "GetMedicalTranscriptionJob"}


async def test_a_queue_url_is_opened_for_the_watch_and_closed_after() -> None:
    service = FakeService(a="COMPLETED")
    opened: list[str] = []
    closed: list[str] = []

    @contextlib.asynccontextmanager
    async def open_queue(url: str) -> AsyncIterator[JobEventSource]:
        opened.append(url)
        try:
            yield FakeSource(job_event("a"))
        finally:
            closed.append(url)

    found = as_completed(
        service.method,
        TRANSCRIPTION_JOBS,
        ["a"],
        events="https://sqs.example/queue",
        open_queue=open_queue,
        event_policy=EventWaitPolicy(),
        policy=POLICY,
        clock=FakeClock(),
    )
    names = [summary.transcription_job_name async for summary in found]

    assert names == ["a"]
    assert opened == closed == ["https://sqs.example/queue"]


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("grace_period", 0),
        ("grace_period", float("nan")),
        ("max_sweep_interval", -1),
        ("leave_delay", -1),
    ],
)
def test_an_event_wait_policy_refuses_values_out_of_range(option: str, value: float) -> None:
    with pytest.raises(ValueError, match=option):
        EventWaitPolicy(**{option: value})  # type: ignore[arg-type]


def test_the_event_a_job_kind_ends_with_comes_from_the_registry() -> None:
    assert job_event_type(TRANSCRIPTION_JOBS) == "Transcribe Job State Change"
    assert job_event_type(CALL_ANALYTICS_JOBS) == "Call Analytics Job State Change"
    assert job_event_type(MEDICAL_TRANSCRIPTION_JOBS) is None
    assert job_event_type(MEDICAL_SCRIBE_JOBS) is None
