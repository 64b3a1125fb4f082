from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pytest

from tests.fakes import FakeClock
from transcribe_kit import (
    BadRequestError,
    ConflictError,
    JobExecutionSettings,
    JobSlotTimeoutError,
    JobSubmitter,
    LanguageCode,
    LimitExceededError,
    Media,
    RateLimits,
    RetryPolicy,
    StartTranscriptionJobRequest,
    TranscribeClient,
)

ROLE_ARN = "arn:aws:iam::123456789012:role/transcribe-queue"


@dataclass
class ServiceState:
    """What a fake Transcribe knows; shared by a client and its views."""

    quota: int
    gets_to_finish: int
    too_many_answer: str = "limit"
    #: Jobs started elsewhere, running until the clock reaches ``others_until``.
    others: int = 0
    others_until: float = 0.0
    remaining_gets: dict[str, int] = field(default_factory=dict)
    start_params: dict[str, dict[str, Any]] = field(default_factory=dict)
    calls: Counter[str] = field(default_factory=Counter)
    peak_running: list[int] = field(default_factory=lambda: [0])


class QuotaService(TranscribeClient):
    """A TranscribeClient whose transport is a fake service with a concurrent-job quota.

    A job finishes after ``gets_to_finish`` Gets of it. Only the transport is fake: the
    client's validation, conversion and retry policy all run.
    """

    def __init__(self, state: ServiceState, clock: FakeClock) -> None:
        super().__init__(
            client=object(),
            retry_policy=RetryPolicy(initial_backoff=0.01, jitter=0),
            rate_limits=RateLimits.disabled(),
            clock=clock,
        )
        self.state = state
        self.fake_clock = clock

    def _running(self) -> int:
        ours = sum(1 for gets in self.state.remaining_gets.values() if gets > 0)
        others = self.state.others if self.fake_clock.now < self.state.others_until else 0
        return ours + others

    async def _send_once(self, operation_name: str, params: dict[str, Any]) -> dict[str, Any]:
        state = self.state
        state.calls[operation_name] += 1
        name = params["TranscriptionJobName"]
        if operation_name == "StartTranscriptionJob":
            if name in state.remaining_gets:
                raise ConflictError("exists", code="ConflictException", http_status=409)
            if self._running() >= state.quota:
                if state.too_many_answer == "limit":
                    raise LimitExceededError("quota", code="LimitExceededException")
                raise BadRequestError(
                    "There are too many jobs running.", code="BadRequestException"
                )
            state.remaining_gets[name] = state.gets_to_finish
            state.start_params[name] = params
            state.peak_running[0] = max(state.peak_running[0], self._running())
            return {"TranscriptionJob": {"TranscriptionJobName": name, **_job(params, "QUEUED")}}
        assert operation_name == "GetTranscriptionJob"
        state.remaining_gets[name] = max(0, state.remaining_gets[name] - 1)
        status = "COMPLETED" if state.remaining_gets[name] == 0 else "IN_PROGRESS"
        return {"TranscriptionJob": {"TranscriptionJobName": name, **_job(params, status)}}


def _job(params: dict[str, Any], status: str) -> dict[str, Any]:
    return {"TranscriptionJobStatus": status, "Media": params.get("Media", {})}


def _requests(count: int, prefix: str = "job") -> list[StartTranscriptionJobRequest]:
    return [
        StartTranscriptionJobRequest(
            transcription_job_name=f"{prefix}-{i}",
            language_code=LanguageCode.EN_US,
            media=Media(media_file_uri=f"s3://media/{i}.mp3"),
        )
        for i in range(count)
    ]


def _service(**state: Any) -> QuotaService:
    return QuotaService(ServiceState(**state), FakeClock())


def _submitter(service: QuotaService, **options: Any) -> JobSubmitter:
    return JobSubmitter(
        service, sleep=service.fake_clock.sleep, clock=service.fake_clock, **options
    )


async def test_every_request_is_started_once_and_never_more_than_max_running() -> None:
    service = _service(quota=100, gets_to_finish=2)
    requests = _requests(10)

    results = await _submitter(service, max_running=3).submit(requests)

    assert [r.request for r in results] == requests
    assert all(r.started and r.error is None for r in results)
    names = [r.response.transcription_job.transcription_job_name for r in results]  # type: ignore[union-attr]
    assert names == [r.transcription_job_name for r in requests]
    assert service.state.calls["StartTranscriptionJob"] == 10
    assert service.state.peak_running == [3]


@pytest.mark.parametrize("too_many_answer", ["limit", "bad_request"])
async def test_too_many_jobs_answers_wait_for_a_slot(too_many_answer: str) -> None:
    service = _service(quota=2, gets_to_finish=1, too_many_answer=too_many_answer)

    results = await _submitter(service, max_running=5).submit(_requests(6))

    assert all(r.started for r in results)
    assert sorted(service.state.start_params) == [f"job-{i}" for i in range(6)]
    assert service.state.peak_running == [2]
    # job-2 and job-4 are each refused once (the client's policy does not retry the
    # refusal), and each refusal is followed by one Get of each of the two running jobs.
    assert service.state.calls["StartTranscriptionJob"] == 8
    assert service.state.calls["GetTranscriptionJob"] == 4


async def test_other_errors_are_that_requests_result() -> None:
    service = _service(quota=10, gets_to_finish=1)
    service.state.remaining_gets["job-1"] = 0

    results = await _submitter(service).submit(_requests(3))

    assert [r.started for r in results] == [True, False, True]
    assert isinstance(results[1].error, ConflictError)
    assert results[1].response is None


async def test_a_full_account_is_waited_out_with_backoff() -> None:
    service = _service(quota=2, gets_to_finish=1, others=2, others_until=1000.0 + 70)

    results = await _submitter(service, poll_interval=5, max_poll_interval=40).submit(_requests(1))

    assert results[0].started
    assert service.fake_clock.sleeps == [5, 10, 20, 40]


async def test_polls_for_a_slot_back_off_to_their_cap() -> None:
    service = _service(quota=10, gets_to_finish=8)

    results = await _submitter(service, max_running=1, poll_interval=1, max_poll_interval=4).submit(
        _requests(2)
    )

    assert all(r.started for r in results)
    # job-0 finishes on its 8th Get: seven waits between the polls.
    assert service.fake_clock.sleeps == [1, 2, 4, 4, 4, 4, 4]


async def test_no_slot_in_time_fails_the_rest_without_waiting_again() -> None:
    service = _service(quota=10, gets_to_finish=10_000)

    results = await _submitter(
        service, max_running=1, poll_interval=5, max_poll_interval=5, slot_timeout=30
    ).submit(_requests(4))

    assert results[0].started
    assert all(isinstance(r.error, JobSlotTimeoutError) for r in results[1:])
    assert sorted(service.state.start_params) == ["job-0"]
    assert sum(service.fake_clock.sleeps) <= 30


async def test_deferred_execution_asks_the_service_to_queue() -> None:
    service = _service(quota=10, gets_to_finish=1)
    own = JobExecutionSettings(allow_deferred_execution=False)
    requests = _requests(2)
    requests[1] = StartTranscriptionJobRequest(
        transcription_job_name="own-settings",
        media=Media(media_file_uri="s3://media/x.mp3"),
        language_code=LanguageCode.EN_US,
        job_execution_settings=own,
    )

    results = await _submitter(service, deferred_execution_role_arn=ROLE_ARN).submit(requests)

    assert service.state.start_params["job-0"]["JobExecutionSettings"] == {
        "AllowDeferredExecution": True,
        "DataAccessRoleArn": ROLE_ARN,
    }
    assert service.state.start_params["own-settings"]["JobExecutionSettings"] == {
        "AllowDeferredExecution": False
    }
    assert results[0].request.job_execution_settings is not None


def test_settings_that_cannot_work_are_refused() -> None:
    service = _service(quota=1, gets_to_finish=1)
    with pytest.raises(ValueError, match="max_running"):
        JobSubmitter(service, max_running=0)
    with pytest.raises(ValueError, match="poll"):
        JobSubmitter(service, poll_interval=0)
