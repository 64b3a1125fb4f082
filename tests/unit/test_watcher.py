from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.fakes import FakeAioClient, FakeClock, JobTable, pages
from transcribe_kit import (
    CALL_ANALYTICS_JOBS,
    NotFoundError,
    ResourceFailedError,
    TranscribeClient,
    TranscriptionJobStatus,
    TranscriptionJobSummary,
    WaitPolicy,
    WaitTimeoutError,
)

EXACT = WaitPolicy(jitter=0.0, max_delay=5.0)


def _table(
    count: int, *, failed: frozenset[int] = frozenset(), spacing: float = 1.0
) -> tuple[FakeClock, JobTable]:
    clock = FakeClock(start=0.0)
    table = JobTable(clock)
    for index in range(count):
        clock.now = index * 0.001  # distinct creation times, newest last
        table.add(
            f"job-{index:03d}",
            runs_at=1.0,
            ends_at=10.0 + index * spacing,
            final="FAILED" if index in failed else "COMPLETED",
        )
    clock.now = 0.5
    return clock, table


async def test_every_job_is_reported_once_with_its_final_status() -> None:
    clock, table = _table(30, failed=frozenset({4, 17}))
    fake = table.serve(FakeAioClient())
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        seen = [job async for job in tk.as_completed(table.jobs)]
    assert sorted(job.transcription_job_name or "" for job in seen) == sorted(table.jobs)
    assert all(isinstance(job, TranscriptionJobSummary) for job in seen)
    failed = {
        job.transcription_job_name: job.failure_reason
        for job in seen
        if job.transcription_job_status == "FAILED"
    }
    assert failed == {
        "job-004": "job-004 could not be read",
        "job-017": "job-017 could not be read",
    }


async def test_jobs_are_reported_in_the_order_they_finish() -> None:
    clock, table = _table(6, spacing=EXACT.max_delay + 1)
    fake = table.serve(FakeAioClient())
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        seen = [
            job.transcription_job_name async for job in tk.as_completed(reversed(list(table.jobs)))
        ]
    assert seen == [f"job-{index:03d}" for index in range(6)]


async def test_detection_uses_list_calls_not_one_get_per_job() -> None:
    clock, table = _table(200)
    fake = table.serve(FakeAioClient())
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        done = await tk.wait_all(table.jobs)
    assert len(done) == 200
    gets = len(fake.calls_to("GetTranscriptionJob"))
    lists = fake.calls_to("ListTranscriptionJobs")
    assert gets < 5
    assert {params.get("Status") for params in lists} == {
        "QUEUED",
        "IN_PROGRESS",
        "COMPLETED",
        "FAILED",
    }
    assert all(params["MaxResults"] == 100 for params in lists)
    # A per-job waiter polls each job at least once a round for ~20 rounds: 4000 calls.
    assert gets + len(lists) < 200


async def test_listing_stops_at_the_oldest_watched_job() -> None:
    clock = FakeClock(start=0.0)
    table = JobTable(clock)
    for index in range(250):  # old, finished, unwatched jobs
        clock.now = index * 0.001
        table.add(f"old-{index}", runs_at=0.0, ends_at=0.0)
    clock.now = 1.0
    table.add("mine", runs_at=1.0, ends_at=3.0)
    fake = table.serve(FakeAioClient())
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        await tk.wait_all(["mine", "old-3"])
    completed = [
        p for p in fake.calls_to("ListTranscriptionJobs") if p.get("Status") == "COMPLETED"
    ]
    # old-3 is found by Get at once (neither queued nor running); each round then reads
    # one page of COMPLETED jobs, which already reaches older jobs than "mine".
    assert all("NextToken" not in params for params in completed)


async def test_a_server_that_lists_oldest_first_is_read_to_the_end() -> None:
    clock, table = _table(3)
    clock.now = 0.0
    table.add("old-and-done", runs_at=0.0, ends_at=0.0)
    clock.now = 0.5
    oldest_first = (
        FakeAioClient()
        .script(
            "ListTranscriptionJobs",
            lambda params: _reversed(table.list_answer(_all_pages(params)), params),
        )
        .script("GetTranscriptionJob", table.get_answer)
    )
    async with TranscribeClient(client=oldest_first, clock=clock, wait_policy=EXACT) as tk:
        done = await tk.wait_all(["job-000", "job-001", "job-002"])
    assert [job.transcription_job_status for job in done] == ["COMPLETED"] * 3


def _all_pages(params: dict[str, Any]) -> dict[str, Any]:
    """``params`` asking for every job at once, in the same status (if any)."""
    return {"MaxResults": 1000} | ({"Status": params["Status"]} if "Status" in params else {})


def _reversed(answer: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
    every = list(reversed(answer["TranscriptionJobSummaries"]))
    chunks = pages(every, "TranscriptionJobSummaries", 2)
    return chunks[int(params.get("NextToken", "token-0")[6:]) // 2]


async def test_get_takes_over_when_fewer_jobs_are_left_than_a_list_round_costs() -> None:
    clock, table = _table(3)
    table.add("straggler", runs_at=1.0, ends_at=60.0)
    fake = table.serve(FakeAioClient())
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        await tk.wait_all(table.jobs)
    calls = [name for name, _ in fake.calls]
    last_list = max(index for index, name in enumerate(calls) if name == "list_transcription_jobs")
    assert calls[last_list + 1 :]
    assert set(calls[last_list + 1 :]) == {"get_transcription_job"}
    assert all(
        p == {"TranscriptionJobName": "straggler"} for p in fake.calls_to("GetTranscriptionJob")
    )


async def test_wait_all_keeps_the_order_given_and_reports_failures() -> None:
    clock, table = _table(5, failed=frozenset({2}))
    fake = table.serve(FakeAioClient())
    order = ["job-003", "job-000", "job-002", "job-004", "job-001"]
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        done = await tk.wait_all(order)
    assert [job.transcription_job_name for job in done] == order
    assert [job.transcription_job_status for job in done] == [
        "COMPLETED",
        "COMPLETED",
        "FAILED",
        "COMPLETED",
        "COMPLETED",
    ]


async def test_raise_on_failure_raises_for_the_failed_job() -> None:
    clock, table = _table(5, failed=frozenset({2}))
    fake = table.serve(FakeAioClient())
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        with pytest.raises(ResourceFailedError) as caught:
            await tk.wait_all(table.jobs, raise_on_failure=True)
    assert caught.value.name == "job-002"
    assert caught.value.failure_reason == "job-002 could not be read"


async def test_a_job_that_does_not_exist_raises_not_found() -> None:
    clock, table = _table(2)
    fake = table.serve(FakeAioClient())
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        with pytest.raises(NotFoundError):
            await tk.wait_all(["job-000", "no-such-job"])


async def test_deadline_raises_with_what_was_last_seen_of_each_unfinished_job() -> None:
    clock, table = _table(3)
    table.add("forever", runs_at=1.0, ends_at=10_000.0)
    fake = table.serve(FakeAioClient())
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        seen: list[str | None] = []
        with pytest.raises(WaitTimeoutError) as caught:
            await _collect(
                tk, list(table.jobs), seen, WaitPolicy(jitter=0.0, max_delay=5.0, timeout=60.0)
            )
    assert sorted(name or "" for name in seen) == ["job-000", "job-001", "job-002"]
    last_seen = caught.value.last_seen
    assert isinstance(last_seen, dict)
    assert list(last_seen) == ["forever"]
    assert last_seen["forever"].transcription_job_status == "IN_PROGRESS"
    # The last round starts a second before the deadline, with that second to finish in.
    assert caught.value.elapsed == pytest.approx(59.0)


async def _collect(
    tk: TranscribeClient, names: list[str], into: list[str | None], policy: WaitPolicy
) -> None:
    async for job in tk.as_completed(names, policy=policy):
        into.append(job.transcription_job_name)


async def test_no_names_make_no_calls() -> None:
    fake = FakeAioClient()
    async with TranscribeClient(client=fake, clock=FakeClock()) as tk:
        assert await tk.wait_all([]) == []
    assert fake.calls == []


async def test_cancelling_stops_at_once_and_leaves_no_task() -> None:
    clock, table = _table(3)
    fake = table.serve(FakeAioClient())
    before = asyncio.all_tasks()
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        task = asyncio.ensure_future(tk.wait_all(table.jobs))
        for _ in range(3):  # a few rounds of the fake clock
            await asyncio.sleep(0)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        calls_when_cancelled = len(fake.calls)
        await asyncio.sleep(0)
    assert len(fake.calls) == calls_when_cancelled
    assert asyncio.all_tasks() == before


async def test_call_analytics_jobs_are_watched_through_their_own_operations() -> None:
    def job(name: str, status: str) -> dict[str, Any]:
        return {"CallAnalyticsJobName": name, "CallAnalyticsJobStatus": status, "CreationTime": 0.0}

    def list_answer(params: dict[str, Any]) -> dict[str, Any]:
        statuses = {
            "QUEUED": [],
            "IN_PROGRESS": [job("a", "IN_PROGRESS"), job("b", "IN_PROGRESS")],
            "COMPLETED": [job("a", "COMPLETED")],
            "FAILED": [job("b", "FAILED")],
        }
        return {"CallAnalyticsJobSummaries": statuses[params["Status"]]}

    fake = FakeAioClient().script("ListCallAnalyticsJobs", list_answer)
    async with TranscribeClient(client=fake, clock=FakeClock(), wait_policy=EXACT) as tk:
        done = await tk.wait_all(["a", "b"], kind=CALL_ANALYTICS_JOBS)
    assert [(j.call_analytics_job_name, j.call_analytics_job_status) for j in done] == [
        ("a", "COMPLETED"),
        ("b", "FAILED"),
    ]


async def test_wait_all_lines_results_up_with_names_given_twice() -> None:
    clock, table = _table(3)
    fake = table.serve(FakeAioClient())
    names = ["job-002", "job-000", "job-002", "job-001", "job-000"]
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        done = await tk.wait_all(names)
    assert [job.transcription_job_name for job in done] == names


async def test_as_completed_yields_a_job_named_twice_once() -> None:
    clock, table = _table(2)
    fake = table.serve(FakeAioClient())
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        seen = [job.transcription_job_name async for job in tk.as_completed(["job-001"] * 2)]
    assert seen == ["job-001"]


async def test_until_ends_the_watch_quietly_after_the_round_that_made_it_true() -> None:
    clock, table = _table(3, spacing=EXACT.max_delay + 1)
    fake = table.serve(FakeAioClient())
    seen: list[str | None] = []
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        async for job in tk.as_completed(table.jobs, until=lambda: bool(seen)):
            seen.append(job.transcription_job_name)
    assert seen == ["job-000"]


async def test_a_round_limit_ends_the_watch_quietly() -> None:
    clock, table = _table(3)
    table.add("forever", runs_at=1.0, ends_at=10_000.0)
    fake = table.serve(FakeAioClient())
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        seen = [job async for job in tk.as_completed(["forever"], max_rounds=3)]
    assert seen == []
    assert clock.sleeps == [1.0, 2.0]


async def test_jobs_finished_before_the_watch_are_found_by_listing_not_one_get_each() -> None:
    clock, table = _table(300)
    clock.now = 1_000.0  # every job has finished
    fake = table.serve(FakeAioClient())
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        done = await tk.wait_all(table.jobs)
    assert len(done) == 300
    assert fake.calls_to("GetTranscriptionJob") == []
    # QUEUED and IN_PROGRESS (one page each), then three pages of COMPLETED.
    assert len(fake.calls_to("ListTranscriptionJobs")) == 5


async def test_one_job_finished_before_the_watch_is_read_with_one_get() -> None:
    clock, table = _table(1)
    clock.now = 1_000.0
    fake = table.serve(FakeAioClient())
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        await tk.wait_all(table.jobs)
    statuses = [params["Status"] for params in fake.calls_to("ListTranscriptionJobs")]
    assert statuses == ["QUEUED", "IN_PROGRESS"]
    assert len(fake.calls_to("GetTranscriptionJob")) == 1


async def test_a_listing_out_of_order_on_a_later_page_is_read_to_the_end() -> None:
    clock, table = _table(3)
    table.add("late", runs_at=1.0, ends_at=20.0)
    clock.now = 0.0
    for index in range(250):  # finished, unwatched, listed in order but for one
        table.add(f"old-{index:03d}", runs_at=0.0, ends_at=0.0)
    clock.now = 0.5

    def almost_newest_first(params: dict[str, Any]) -> dict[str, Any]:
        every = table.list_answer({"Status": params["Status"], "MaxResults": 1000})
        summaries = every["TranscriptionJobSummaries"]
        if len(summaries) > 150:
            # One old job put back out of order, on the second page of a hundred.
            summaries.insert(150, summaries.pop())
        chunks = pages(summaries, "TranscriptionJobSummaries", 100)
        return chunks[int(params.get("NextToken", "token-0")[6:]) // 100]

    fake = (
        FakeAioClient()
        .script("ListTranscriptionJobs", almost_newest_first)
        .script("GetTranscriptionJob", table.get_answer)
    )
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        await tk.wait_all(["job-000", "late"])
    tokens = {p.get("NextToken") for p in fake.calls_to("ListTranscriptionJobs")}
    assert "token-200" in tokens  # the third and last page of COMPLETED


async def test_a_watch_that_fits_on_one_page_lists_once_a_round_whatever_the_status() -> None:
    clock, table = _table(30, failed=frozenset({3}))
    fake = table.serve(FakeAioClient())
    async with TranscribeClient(client=fake, clock=clock, wait_policy=EXACT) as tk:
        done = await tk.wait_all(table.jobs)
    assert [job.transcription_job_status for job in done].count(TranscriptionJobStatus.FAILED) == 1
    statuses = [params.get("Status") for params in fake.calls_to("ListTranscriptionJobs")]
    # Learning the running jobs, one round by status, then one call a round.
    assert statuses[:4] == ["QUEUED", "IN_PROGRESS", "COMPLETED", "FAILED"]
    assert statuses[4:]
    assert set(statuses[4:]) == {None}
