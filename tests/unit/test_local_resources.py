"""The local backend's store: statuses moved by a frozen clock or by reads, and its scripts."""

from __future__ import annotations

from typing import Any

import pytest

from transcribe_kit.testing._clock import Clock
from transcribe_kit.testing._kinds import (
    CALL_ANALYTICS_JOBS,
    LANGUAGE_MODELS,
    TRANSCRIPTION_JOBS,
    VOCABULARIES,
)
from transcribe_kit.testing._outputs import LINK_SECONDS, Location, Site
from transcribe_kit.testing._resources import Record, ResourceStore, ServiceFaultError
from transcribe_kit.testing._script import Progression

SITE = Site("us-east-1", "123456789012", "http://127.0.0.1:9")
MEDIA = {"MediaFileUri": "s3://media/call.wav"}
JOB = TRANSCRIPTION_JOBS.key


def _store() -> tuple[ResourceStore, Clock]:
    clock = Clock()
    clock.freeze()
    return ResourceStore(site=SITE, clock=clock), clock


def _start(store: ResourceStore, name: str, **request: Any) -> str:
    answer = store.answer(
        "StartTranscriptionJob",
        TRANSCRIPTION_JOBS,
        {"TranscriptionJobName": name, "Media": MEDIA, "LanguageCode": "en-US", **request},
    )
    return str(answer["TranscriptionJob"]["TranscriptionJobStatus"])


def _get(store: ResourceStore, name: str) -> dict[str, Any]:
    answer = store.answer("GetTranscriptionJob", TRANSCRIPTION_JOBS, {"TranscriptionJobName": name})
    job: dict[str, Any] = answer["TranscriptionJob"]
    return job


def _listed(store: ResourceStore, **request: Any) -> dict[str, str]:
    answer = store.answer("ListTranscriptionJobs", TRANSCRIPTION_JOBS, request)
    return {
        job["TranscriptionJobName"]: job["TranscriptionJobStatus"]
        for job in answer["TranscriptionJobSummaries"]
    }


def test_a_job_runs_for_its_seconds_seen_alike_by_get_and_list() -> None:
    store, clock = _store()

    started = _start(store, "call")
    clock.advance(0.99)
    running = (_get(store, "call")["TranscriptionJobStatus"], _listed(store)["call"])
    clock.advance(0.01)
    done = (_listed(store)["call"], _get(store, "call")["TranscriptionJobStatus"])

    assert started == "IN_PROGRESS"
    assert running == ("IN_PROGRESS", "IN_PROGRESS")
    assert done == ("COMPLETED", "COMPLETED")


def test_a_completed_job_carries_its_times_from_the_clock() -> None:
    store, clock = _store()
    _start(store, "call")
    clock.advance(5)

    job = _get(store, "call")

    assert (job["CompletionTime"] - job["StartTime"]).total_seconds() == pytest.approx(1.0)
    assert job["CreationTime"] == job["StartTime"]
    assert job["MediaFormat"] == "wav"


def test_past_the_limit_a_start_is_refused() -> None:
    store, _ = _store()
    store.script.limits[JOB] = 1
    _start(store, "first")

    with pytest.raises(ServiceFaultError) as caught:
        _start(store, "second")

    assert caught.value.code == "LimitExceededException"


def test_a_deferred_job_waits_queued_and_starts_when_a_slot_frees() -> None:
    store, clock = _store()
    store.script.limits[JOB] = 1
    deferred = {"JobExecutionSettings": {"AllowDeferredExecution": True}}
    _start(store, "first")

    queued = _start(store, "second", **deferred)
    clock.advance(1.5)
    seen = _listed(store)
    clock.advance(0.5)

    assert queued == "QUEUED"
    assert seen == {"first": "COMPLETED", "second": "IN_PROGRESS"}
    second = _get(store, "second")
    assert second["TranscriptionJobStatus"] == "COMPLETED"
    assert second["StartTime"] == _get(store, "first")["CompletionTime"]


def test_by_reads_only_get_moves_a_status() -> None:
    store, _ = _store()
    store.script.set_progression([JOB], Progression(reads=2))
    _start(store, "call")

    listed = [_listed(store)["call"] for _ in range(3)]
    got = [_get(store, "call")["TranscriptionJobStatus"] for _ in range(6)]

    assert listed == ["QUEUED"] * 3
    assert got == ["QUEUED", "QUEUED", "IN_PROGRESS", "IN_PROGRESS", "COMPLETED", "COMPLETED"]


def test_a_vocabulary_is_pending_then_ready() -> None:
    store, clock = _store()
    request = {"VocabularyName": "terms", "LanguageCode": "en-US", "Phrases": ["a"]}
    created = store.answer("CreateVocabulary", VOCABULARIES, request)
    clock.advance(1)
    got = store.answer("GetVocabulary", VOCABULARIES, {"VocabularyName": "terms"})

    assert created["VocabularyState"] == "PENDING"
    assert got["VocabularyState"] == "READY"


def test_a_scripted_failure_fails_the_job_with_its_reason_and_writes_nothing() -> None:
    store, clock = _store()
    written: list[str] = []

    def write(record: Record) -> dict[str, Location | list[Location]]:
        written.append(record.name)
        return {}

    store.write_outputs = write
    store.script.fail("bad-*", [JOB], "Unsupported media.")
    _start(store, "bad-1")
    _start(store, "good-1")
    clock.advance(1)

    bad = _get(store, "bad-1")

    assert bad["TranscriptionJobStatus"] == "FAILED"
    assert bad["FailureReason"] == "Unsupported media."
    assert "Transcript" not in bad
    assert written == ["good-1"]


def test_a_job_whose_documents_cannot_be_written_fails() -> None:
    store, clock = _store()

    def refuse(record: Record) -> dict[str, Location | list[Location]]:
        raise OSError("the bucket is gone")

    store.write_outputs = refuse
    _start(store, "call")
    clock.advance(1)

    job = _get(store, "call")

    assert job["TranscriptionJobStatus"] == "FAILED"
    assert "the bucket is gone" in job["FailureReason"]


def test_a_service_bucket_document_is_a_link_that_expires() -> None:
    store, clock = _store()
    store.write_outputs = lambda record: {
        "transcript": Location("aws-transcribe-us-east-1-prod", "k/asrOutput.json", True)
    }
    _start(store, "call")
    clock.advance(1)
    link = _get(store, "call")["Transcript"]["TranscriptFileUri"]
    path, _, query = link.removeprefix(SITE.endpoint_url).partition("?")
    arguments = dict(part.split("=", 1) for part in query.split("&"))

    fresh = store.links.refusal(path, arguments, clock())
    tampered = store.links.refusal(path + "x", arguments, clock())
    clock.advance(LINK_SECONDS + 1)
    expired = store.links.refusal(path, arguments, clock())

    assert link.startswith(f"{SITE.endpoint_url}/aws-transcribe-us-east-1-prod/k/asrOutput.json?")
    assert fresh is None
    assert tampered is not None
    assert tampered[0] == "SignatureDoesNotMatch"
    assert expired == ("AccessDenied", "Request has expired")


def test_pages_hold_when_jobs_start_between_them() -> None:
    store, _ = _store()
    for index in range(4):
        _start(store, f"job-{index}")

    first = store.answer("ListTranscriptionJobs", TRANSCRIPTION_JOBS, {"MaxResults": 2})
    _start(store, "job-new")
    second = store.answer(
        "ListTranscriptionJobs",
        TRANSCRIPTION_JOBS,
        {"MaxResults": 2, "NextToken": first["NextToken"]},
    )

    names = [
        job["TranscriptionJobName"]
        for page in (first, second)
        for job in page["TranscriptionJobSummaries"]
    ]
    assert names == ["job-3", "job-2", "job-1", "job-0"]
    assert "NextToken" not in second


def test_a_token_that_is_not_one_is_refused() -> None:
    store, _ = _store()

    with pytest.raises(ServiceFaultError) as caught:
        store.answer("ListLanguageModels", LANGUAGE_MODELS, {"NextToken": "7"})

    assert caught.value.code == "BadRequestException"


def test_reset_forgets_resources_tags_scripts_and_the_registered_answer() -> None:
    store, _ = _store()
    store.answer(
        "StartCallAnalyticsJob",
        CALL_ANALYTICS_JOBS,
        {"CallAnalyticsJobName": "call-1", "Media": MEDIA},
    )
    store.sync_answer = {"Results": {"Transcript": "hello"}}
    store.script.fail("*", [JOB], "no")

    store.reset()

    assert store.tags == {}
    assert store.sync_answer is None
    assert store.script.failures == []
    with pytest.raises(ServiceFaultError):
        store.answer("GetCallAnalyticsJob", CALL_ANALYTICS_JOBS, {"CallAnalyticsJobName": "call-1"})


def test_observers_hear_a_job_end_at_its_due_time_not_when_it_is_read() -> None:
    store, clock = _store()
    heard: list[tuple[str, str, float]] = []

    def observe(record: Record, at: float) -> None:
        if record.finished:
            heard.append((record.name, record.fields["TranscriptionJobStatus"], at))

    store.observers.append(observe)
    _start(store, "call")
    due = clock() + 1

    clock.advance(5)
    _get(store, "call")
    _get(store, "call")

    assert heard == [("call", "COMPLETED", due)]


def test_the_last_event_rule_matching_a_name_says_how_often_its_events_are_published() -> None:
    store, _ = _store()
    store.script.publish("call-*", [JOB], 0)
    store.script.publish("call-twice", [JOB], 2)

    copies = {
        name: store.script.event_copies(JOB, name) for name in ("call-1", "call-twice", "other")
    }

    assert copies == {"call-1": 0, "call-twice": 2, "other": 1}
