from __future__ import annotations

import asyncio
import contextlib
from collections import Counter
from collections.abc import AsyncIterator, Mapping
from typing import Any

import pytest
from botocore import xform_name
from botocore.exceptions import ClientError

from tests.fakes import FakeAioClient, FakeClock, JobTable, never_answers, service_error
from transcribe_kit import (
    BadRequestError,
    BatchProgress,
    ConflictError,
    InternalFailureError,
    JobExecutionSettings,
    JobSlotTimeoutError,
    JobSubmitter,
    LanguageCode,
    Media,
    RateLimits,
    ResourceFailedError,
    RetryPolicy,
    Specialty,
    StartMedicalTranscriptionJobRequest,
    StartTranscriptionJobRequest,
    TranscribeClient,
    Type,
    WaitTimeoutError,
)

ROLE_ARN = "arn:aws:iam::123456789012:role/transcribe-queue"


class QuotaService:
    """A fake Transcribe with a concurrent-job quota, answering through a scripted client.

    A job runs ``run_seconds`` of the fake clock, then is COMPLETED (FAILED if named in
    ``fails``); Get and List (by status, newest first, with NextToken paging) read it from
    a :class:`JobTable`. Only the aiobotocore client is fake: the client's validation,
    conversion, error classification and retry policy all run. ``others`` jobs started
    elsewhere run until the clock reaches ``others_until``.
    """

    def __init__(
        self,
        *,
        quota: int,
        run_seconds: float,
        others: int = 0,
        others_until: float = 0.0,
        refused: Mapping[str, ClientError] | None = None,
        answers_lost: frozenset[str] = frozenset(),
        fails: frozenset[str] = frozenset(),
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        self.quota = quota
        self.run_seconds = run_seconds
        self.refused = refused or {}
        self.answers_lost = answers_lost
        self.fails = fails
        self.clock = FakeClock()
        self.table = JobTable(self.clock)
        for index in range(others):
            self.table.add(f"other-{index}", runs_at=self.clock.now, ends_at=others_until)
        self.start_params: dict[str, dict[str, Any]] = {}
        self.peak_running = 0
        self.fake = self.table.serve(FakeAioClient()).script("StartTranscriptionJob", self.start)
        self.client = TranscribeClient(
            client=self.fake,
            retry_policy=retry_policy or RetryPolicy(initial_backoff=0.01, jitter=0),
            rate_limits=RateLimits.disabled(),
            clock=self.clock,
        )

    def calls(self) -> Counter[str]:
        """How often each operation was called, by operation name."""
        names = {xform_name(name): name for name in OPERATIONS}
        return Counter(names[method] for method, _ in self.fake.calls)

    def start(self, params: dict[str, Any]) -> dict[str, Any]:
        name = params["TranscriptionJobName"]
        if name in self.refused:
            raise self.refused[name]
        if name in self.table.jobs:
            raise service_error("ConflictException", status=409, operation=START)
        if self.table.running() >= self.quota:
            raise service_error("LimitExceededException", operation=START)
        now = self.clock.now
        final = "FAILED" if name in self.fails else "COMPLETED"
        self.table.add(name, runs_at=now, ends_at=now + self.run_seconds, final=final)
        self.start_params[name] = params
        self.peak_running = max(self.peak_running, self.table.running())
        if name in self.answers_lost:
            raise service_error("InternalFailureException", status=500, operation=START)
        return {
            "TranscriptionJob": {
                "TranscriptionJobName": name,
                "TranscriptionJobStatus": "QUEUED",
                "Media": params.get("Media", {}),
            }
        }


START = "StartTranscriptionJob"
OPERATIONS = (START, "GetTranscriptionJob", "ListTranscriptionJobs")


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
    return QuotaService(**state)


def _submitter(service: QuotaService, **options: Any) -> JobSubmitter:
    return JobSubmitter(service.client, **options)


async def test_every_request_is_started_once_and_never_more_than_max_running() -> None:
    service = _service(quota=100, run_seconds=2)
    requests = _requests(10)

    results = await _submitter(service, max_running=3).submit(requests)

    assert [r.request for r in results] == requests
    assert all(r.started and r.error is None for r in results)
    names = [r.response.transcription_job.transcription_job_name for r in results]  # type: ignore[union-attr]
    assert names == [r.transcription_job_name for r in requests]
    assert service.calls()["StartTranscriptionJob"] == 10
    assert service.peak_running == 3


async def test_a_full_account_waits_for_a_slot() -> None:
    service = _service(quota=2, run_seconds=1)

    results = await _submitter(service, max_running=5, poll_interval=1).submit(_requests(6))

    assert all(r.started for r in results)
    assert sorted(service.start_params) == [f"job-{i}" for i in range(6)]
    assert service.peak_running == 2
    # job-2 and job-4 are each refused once (the client's policy does not retry the
    # refusal), and each refusal is followed by one wait for the two running jobs: two
    # Lists (QUEUED, IN_PROGRESS) to learn them, one (COMPLETED) that sees both finished.
    assert service.calls()["StartTranscriptionJob"] == 8
    assert service.calls()["ListTranscriptionJobs"] == 6
    assert service.calls()["GetTranscriptionJob"] == 0


async def test_other_errors_are_that_requests_result() -> None:
    service = _service(quota=10, run_seconds=1)
    now = service.clock.now
    service.table.add("job-1", runs_at=now, ends_at=now)

    results = await _submitter(service).submit(_requests(3))

    assert [r.started for r in results] == [True, False, True]
    assert isinstance(results[1].error, ConflictError)
    assert results[1].response is None


async def test_a_full_account_is_waited_out_with_backoff() -> None:
    service = _service(quota=2, run_seconds=1, others=2, others_until=1000.0 + 70)

    results = await _submitter(service, poll_interval=5, max_poll_interval=40).submit(_requests(1))

    assert results[0].started
    assert service.clock.sleeps == [5, 10, 20, 40]


async def test_polls_for_a_slot_back_off_to_their_cap() -> None:
    service = _service(quota=10, run_seconds=20)

    results = await _submitter(service, max_running=1, poll_interval=1, max_poll_interval=4).submit(
        _requests(2)
    )

    assert all(r.started for r in results)
    # job-0 finishes 20 s after its start. One job left is read with Get (cheaper than a
    # round of List); the seventh wait takes the clock past its end.
    assert service.clock.sleeps == [1, 2, 4, 4, 4, 4, 4]


async def test_no_slot_in_time_fails_the_rest_without_waiting_again() -> None:
    service = _service(quota=10, run_seconds=10_000)

    results = await _submitter(
        service, max_running=1, poll_interval=5, max_poll_interval=5, slot_timeout=30
    ).submit(_requests(4))

    assert results[0].started
    assert all(isinstance(r.error, JobSlotTimeoutError) for r in results[1:])
    assert sorted(service.start_params) == ["job-0"]
    assert sum(service.clock.sleeps) <= 30


async def test_waiting_for_a_slot_among_many_jobs_costs_a_few_lists_not_a_get_each() -> None:
    service = _service(quota=250, run_seconds=60)

    results = await _submitter(
        service, max_running=100, poll_interval=5, max_poll_interval=20
    ).submit(_requests(200))

    assert all(r.started for r in results)
    assert service.peak_running == 100
    # The 101st request waits once for the first hundred, and that one wait frees all
    # their slots: the next 99 start without waiting again.
    assert service.clock.sleeps == [5, 10, 20, 20, 20]
    # Two Lists (QUEUED, IN_PROGRESS) learn the hundred jobs; the next round lists
    # COMPLETED and FAILED (an empty page each), and as every job fits on one page, each
    # later round lists them once without a status filter: the fifth finds all hundred.
    assert service.calls() == Counter({"StartTranscriptionJob": 200, "ListTranscriptionJobs": 8})


async def test_a_job_deleted_meanwhile_frees_its_slot() -> None:
    service = _service(quota=10, run_seconds=10_000)
    submitter = _submitter(service, max_running=1, slot_timeout=30)
    await submitter.submit(_requests(1, prefix="gone"))
    del service.table.jobs["gone-0"]

    results = await submitter.submit(_requests(1))

    assert results[0].started
    assert submitter.running == frozenset({"job-0"})
    assert service.clock.sleeps == []


async def test_deferred_execution_asks_the_service_to_queue() -> None:
    service = _service(quota=10, run_seconds=1)
    own = JobExecutionSettings(allow_deferred_execution=False)
    requests = _requests(2)
    requests[1] = StartTranscriptionJobRequest(
        transcription_job_name="own-settings",
        media=Media(media_file_uri="s3://media/x.mp3"),
        language_code=LanguageCode.EN_US,
        job_execution_settings=own,
    )

    results = await _submitter(service, deferred_execution_role_arn=ROLE_ARN).submit(requests)

    assert service.start_params["job-0"]["JobExecutionSettings"] == {
        "AllowDeferredExecution": True,
        "DataAccessRoleArn": ROLE_ARN,
    }
    assert service.start_params["own-settings"]["JobExecutionSettings"] == {
        "AllowDeferredExecution": False
    }
    assert results[0].request.job_execution_settings is not None


def test_settings_that_cannot_work_are_refused() -> None:
    service = _service(quota=1, run_seconds=1)
    with pytest.raises(ValueError, match="max_running"):
        JobSubmitter(service.client, max_running=0)
    with pytest.raises(ValueError, match="poll"):
        JobSubmitter(service.client, poll_interval=0)


async def test_a_slot_wait_whose_lists_never_answer_ends_at_the_slot_timeout() -> None:
    service = _service(quota=10, run_seconds=10_000)
    service.fake.script("ListTranscriptionJobs", never_answers)

    results = await asyncio.wait_for(
        _submitter(service, max_running=1, slot_timeout=0.5).submit(_requests(2)), 10
    )

    assert results[0].started
    assert isinstance(results[1].error, JobSlotTimeoutError)


async def test_a_bad_request_fails_its_request_at_once_whatever_its_message_says() -> None:
    bad = service_error(
        "BadRequestException", "The maximum number of speakers is 30.", operation=START
    )
    service = _service(quota=10, run_seconds=1, refused={"job-1": bad})

    results = await _submitter(service, max_running=1).submit(_requests(3))

    assert [r.started for r in results] == [True, False, True]
    assert isinstance(results[1].error, BadRequestError)
    assert results[1].error.message == "The maximum number of speakers is 30."
    assert service.calls()[START] == 3


async def test_a_start_whose_answer_was_lost_counts_as_running() -> None:
    service = _service(
        quota=10,
        run_seconds=10,
        answers_lost=frozenset({"job-0"}),
        retry_policy=RetryPolicy.none(),
    )

    results = await _submitter(service, max_running=1, poll_interval=1).submit(_requests(2))

    assert isinstance(results[0].error, InternalFailureError)
    assert results[1].started
    assert service.peak_running == 1


# as_completed: start with a limit, hand back each job as it finishes


async def _outcomes(submitter: JobSubmitter, requests: Any, **options: Any) -> list[Any]:
    return [outcome async for outcome in submitter.as_completed(requests, **options)]


async def test_as_completed_hands_back_every_job_once_never_more_than_max_running() -> None:
    service = _service(quota=100, run_seconds=3)
    requests = _requests(7)

    outcomes = await _outcomes(_submitter(service, max_running=2), requests)

    assert sorted(o.name for o in outcomes) == [r.transcription_job_name for r in requests]
    assert all(o.completed and o.error is None for o in outcomes)
    assert all(o.job.transcription_job_status == "COMPLETED" for o in outcomes)
    assert {id(o.request) for o in outcomes} == {id(r) for r in requests}
    assert service.calls()["StartTranscriptionJob"] == 7
    assert service.peak_running == 2


async def test_a_failed_job_is_an_outcome_with_its_reason_and_the_others_go_on() -> None:
    service = _service(quota=100, run_seconds=3, fails=frozenset({"job-1"}))

    outcomes = {o.name: o for o in await _outcomes(_submitter(service), _requests(3))}

    failed = outcomes.pop("job-1")
    assert isinstance(failed.error, ResourceFailedError)
    assert failed.error.failure_reason == "job-1 could not be read"
    assert failed.job is not None
    assert failed.job.transcription_job_status == "FAILED"
    assert not failed.completed
    assert all(o.completed for o in outcomes.values())


async def test_a_refused_start_is_handed_back_at_once_and_the_others_go_on() -> None:
    bad = service_error("BadRequestException", "The media is not valid.", operation=START)
    service = _service(quota=100, run_seconds=30, refused={"job-0": bad})
    seen_at: dict[str, float] = {}

    async for outcome in _submitter(service).as_completed(_requests(3)):
        seen_at[outcome.name] = service.clock.now

    assert list(seen_at) == ["job-0", "job-1", "job-2"]
    assert seen_at["job-0"] == 1000.0
    assert seen_at["job-1"] >= 1030.0
    assert sorted(service.start_params) == ["job-1", "job-2"]


async def test_the_next_jobs_start_before_a_finished_one_is_handed_back() -> None:
    service = _service(quota=100, run_seconds=5)
    started_when_handed_back = []

    async for outcome in _submitter(service, max_running=1).as_completed(_requests(3)):
        started_when_handed_back.append((outcome.name, sorted(service.start_params)))

    assert started_when_handed_back == [
        ("job-0", ["job-0", "job-1"]),
        ("job-1", ["job-0", "job-1", "job-2"]),
        ("job-2", ["job-0", "job-1", "job-2"]),
    ]


async def test_pacing_starts_fast_then_sleeps_until_the_next_job_is_due() -> None:
    service = _service(quota=100, run_seconds=10)

    await _outcomes(_submitter(service, max_running=1, poll_interval=0.5), _requests(3))

    # job-0: rounds at once, then 0.5 s apart doubling, until one sees it finished (15.5 s
    # in). It ran 10 s by its timestamps: job-1 and job-2 are each looked at once more
    # 10 s after they started (a round at once, which learns them, and one when due).
    assert service.clock.sleeps == [0.5, 1, 2, 4, 8, 10, 10]


async def test_a_start_without_an_answer_whose_job_runs_is_handed_back_when_it_finishes() -> None:
    service = _service(
        quota=100,
        run_seconds=3,
        answers_lost=frozenset({"job-0"}),
        retry_policy=RetryPolicy.none(),
    )

    [outcome] = await _outcomes(_submitter(service), _requests(1))

    assert outcome.completed
    assert outcome.job is not None
    assert outcome.job.transcription_job_status == "COMPLETED"


async def test_a_start_without_an_answer_and_no_job_is_handed_back_with_the_start_error() -> None:
    lost = service_error("InternalFailureException", status=500, operation=START)
    service = _service(
        quota=100, run_seconds=3, refused={"job-0": lost}, retry_policy=RetryPolicy.none()
    )

    [outcome] = await _outcomes(_submitter(service), _requests(1))

    assert isinstance(outcome.error, InternalFailureError)
    assert outcome.job is None


async def test_when_no_job_finishes_in_time_each_request_gets_its_error() -> None:
    service = _service(quota=100, run_seconds=10_000)

    outcomes = await _outcomes(
        _submitter(service, max_running=2, max_poll_interval=5, slot_timeout=30), _requests(4)
    )

    errors = {o.name: type(o.error) for o in outcomes}
    assert errors == {
        "job-0": WaitTimeoutError,
        "job-1": WaitTimeoutError,
        "job-2": JobSlotTimeoutError,
        "job-3": JobSlotTimeoutError,
    }
    assert sorted(service.start_params) == ["job-0", "job-1"]


async def test_progress_is_reported_at_every_change() -> None:
    service = _service(quota=100, run_seconds=3, fails=frozenset({"job-2"}))
    seen: list[BatchProgress] = []

    await _outcomes(_submitter(service, max_running=2), _requests(3), on_progress=seen.append)

    assert seen[:2] == [
        BatchProgress(total=3, waiting=2, started=1, running=1),
        BatchProgress(total=3, waiting=1, started=2, running=2),
    ]
    assert max(p.running for p in seen) == 2
    assert seen[-1] == BatchProgress(
        total=3, waiting=0, started=3, running=0, completed=2, failed=1
    )
    assert seen[-1].done == 3


async def test_requests_are_taken_lazily_from_an_async_iterable() -> None:
    service = _service(quota=100, run_seconds=3)
    taken: list[tuple[str, int]] = []

    async def requests() -> AsyncIterator[StartTranscriptionJobRequest]:
        for request in _requests(3):
            taken.append((request.transcription_job_name, len(service.start_params)))
            yield request

    outcomes = await _outcomes(_submitter(service, max_running=1), requests())

    assert [o.name for o in outcomes] == ["job-0", "job-1", "job-2"]
    # Each request is taken when a slot is free for it: after the job before it finished.
    assert taken == [("job-0", 0), ("job-1", 1), ("job-2", 2)]


async def test_leaving_early_starts_no_more_and_keeps_the_running_jobs_counted() -> None:
    service = _service(quota=100, run_seconds=3)
    submitter = _submitter(service, max_running=2)

    async with contextlib.aclosing(submitter.as_completed(_requests(6))) as outcomes:
        async for _ in outcomes:
            break

    # job-0 and job-1 were seen finished together; job-2 and job-3 took their slots.
    assert sorted(service.start_params) == ["job-0", "job-1", "job-2", "job-3"]
    assert submitter.running == frozenset({"job-2", "job-3"})


async def test_requests_of_two_kinds_are_refused() -> None:
    service = _service(quota=100, run_seconds=3)
    medical = StartMedicalTranscriptionJobRequest(
        medical_transcription_job_name="visit",
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri="s3://media/visit.wav"),
        output_bucket_name="out",
        specialty=Specialty.PRIMARYCARE,
        type=Type.CONVERSATION,
    )

    with pytest.raises(TypeError, match="medical transcription job request among"):
        await _outcomes(_submitter(service), [*_requests(1), medical])


def test_intervals_that_cannot_work_are_refused() -> None:
    service = _service(quota=1, run_seconds=1)
    with pytest.raises(ValueError, match="poll_interval"):
        JobSubmitter(service.client, poll_interval=float("nan"))
    with pytest.raises(ValueError, match="max_poll_interval"):
        JobSubmitter(service.client, max_poll_interval=float("inf"))
