"""The local backend's in-memory store: statuses moved by moto's transitions, on a fake clock."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from moto.moto_api import state_manager

from transcribe_kit.testing._resources import (
    CALL_ANALYTICS_JOBS,
    LANGUAGE_MODELS,
    ResourceStore,
    ServiceFaultError,
)

START = {"CallAnalyticsJobName": "call-1", "Media": {"MediaFileUri": "s3://calls/1.wav"}}
GET = {"CallAnalyticsJobName": "call-1"}
MODEL_NAME = "transcribe::callanalyticsjob"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def transition() -> Iterator[Any]:
    def set_transition(**progression: Any) -> None:
        state_manager.set_transition(MODEL_NAME, progression)

    yield set_transition
    state_manager.unset_transition(MODEL_NAME)


def _status(store: ResourceStore, operation: str = "GetCallAnalyticsJob") -> str:
    answer = store.answer(operation, CALL_ANALYTICS_JOBS, GET if "Get" in operation else {})
    if "Get" in operation:
        return str(answer["CallAnalyticsJob"]["CallAnalyticsJobStatus"])
    return str(answer["CallAnalyticsJobSummaries"][0]["CallAnalyticsJobStatus"])


def test_by_time_a_status_moves_every_interval_seen_by_list(transition: Any) -> None:
    transition(progression="time", seconds=10)
    clock = Clock()
    store = ResourceStore(region_name="us-east-1", clock=clock)
    started = store.answer("StartCallAnalyticsJob", CALL_ANALYTICS_JOBS, START)

    seen = [started["CallAnalyticsJob"]["CallAnalyticsJobStatus"]]
    for now in (9.0, 10.5, 21.0, 60.0):
        clock.now = now
        seen.append(_status(store, "ListCallAnalyticsJobs"))

    assert seen == ["QUEUED", "QUEUED", "IN_PROGRESS", "COMPLETED", "COMPLETED"]


def test_by_reads_only_get_moves_a_status(transition: Any) -> None:
    transition(progression="manual", times=2)
    store = ResourceStore(region_name="us-east-1")
    store.answer("StartCallAnalyticsJob", CALL_ANALYTICS_JOBS, START)

    listed = [_status(store, "ListCallAnalyticsJobs") for _ in range(3)]
    got = [_status(store) for _ in range(4)]

    assert listed == ["QUEUED"] * 3
    assert got == ["QUEUED", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED"]


def test_immediate_is_final_from_the_first_read(transition: Any) -> None:
    transition(progression="immediate")
    store = ResourceStore(region_name="us-east-1")
    store.answer("StartCallAnalyticsJob", CALL_ANALYTICS_JOBS, START)

    assert _status(store, "ListCallAnalyticsJobs") == "COMPLETED"


def test_a_token_past_the_end_is_refused() -> None:
    store = ResourceStore(region_name="us-east-1")

    with pytest.raises(ServiceFaultError) as caught:
        store.answer("ListLanguageModels", LANGUAGE_MODELS, {"NextToken": "7"})

    assert caught.value.code == "BadRequestException"


def test_reset_forgets_resources_tags_and_the_registered_transcript() -> None:
    store = ResourceStore(region_name="us-east-1")
    store.answer("StartCallAnalyticsJob", CALL_ANALYTICS_JOBS, START)
    store.sync_answer = {"Results": {"Transcript": "hello"}}

    store.reset()

    assert store.tags == {}
    assert store.sync_answer is None
    with pytest.raises(ServiceFaultError):
        store.answer("GetCallAnalyticsJob", CALL_ANALYTICS_JOBS, GET)
