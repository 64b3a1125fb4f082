"""The local backend behaves like the service, over real HTTP: time, isolation, many jobs.

The client code in these tests is what a user writes against AWS: nothing waits on the
backend's own methods.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from aiobotocore.session import AioSession

from tests.jobs import MEDIA, start_jobs
from transcribe_kit import (
    GetTranscriptionJobRequest,
    JobSubmitter,
    LanguageCode,
    ListTranscriptionJobsRequest,
    StartTranscriptionJobRequest,
    TranscribeClient,
    TranscriptionJobOptions,
    TranscriptionJobStatus,
)
from transcribe_kit.testing import LocalBackend, LocalClock

#: An upper bound on any wait below: far above what each should take.
BOUND = 30.0


async def _names(jobs: Any) -> list[str]:
    return [job.transcription_job_name async for job in jobs]


# What a default backend gives code written for AWS, unchanged


async def test_as_completed_sees_every_job_finish(transcribe_backend: LocalBackend) -> None:
    async with transcribe_backend.client() as tk:
        await start_jobs(tk, "first", "second", "third")
        seen = await asyncio.wait_for(_names(tk.as_completed(["first", "second", "third"])), BOUND)

    assert sorted(seen) == ["first", "second", "third"]


async def test_wait_all_returns_the_completed_jobs_in_order(
    transcribe_backend: LocalBackend,
) -> None:
    async with transcribe_backend.client() as tk:
        await start_jobs(tk, "b", "a")
        done = await asyncio.wait_for(tk.wait_all(["a", "b"]), BOUND)

    assert [job.transcription_job_name for job in done] == ["a", "b"]
    assert {job.transcription_job_status for job in done} == {TranscriptionJobStatus.COMPLETED}


async def test_job_submitter_starts_every_job_through_its_slots(
    transcribe_backend: LocalBackend,
) -> None:
    requests = [
        StartTranscriptionJobRequest(
            transcription_job_name=f"batch-{index}", language_code=LanguageCode.EN_US, media=MEDIA
        )
        for index in range(4)
    ]
    async with transcribe_backend.client() as tk:
        submitter = JobSubmitter(tk, max_running=2)
        results = await asyncio.wait_for(submitter.submit(requests), BOUND)
        listed = await tk.list_transcription_jobs(ListTranscriptionJobsRequest())

    assert [result.error for result in results] == [None] * 4
    assert len(listed.transcription_job_summaries or []) == 4


async def test_a_completed_job_has_a_transcript_to_fetch(transcribe_backend: LocalBackend) -> None:
    async with transcribe_backend.client() as tk:
        await start_jobs(tk, "meeting")
        job = await asyncio.wait_for(tk.wait_for_transcription_job("meeting"), BOUND)
        transcript = await tk.fetch_transcript(job)

    assert job.transcript is not None
    assert job.transcript.transcript_file_uri is not None
    # The service's bucket: a presigned-style link on the backend's endpoint.
    assert job.transcript.transcript_file_uri.startswith(transcribe_backend.endpoint_url)
    assert "X-Amz-Signature=" in job.transcript.transcript_file_uri
    assert transcript.text
    assert transcript.words()


async def test_transcribe_runs_a_job_for_a_local_file_and_gives_its_registered_transcript(
    transcribe_backend: LocalBackend, local_bucket: str, tmp_path: Path
) -> None:
    audio = tmp_path / "call.wav"
    audio.write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(range(64)))
    transcribe_backend.set_transcript(audio, "spk_0: Hello there.\nspk_1: Hi, how are you?")

    async with transcribe_backend.client() as tk:
        result = await asyncio.wait_for(
            tk.transcribe(
                audio,
                language_code="en-US",
                mode="job",
                job=TranscriptionJobOptions(bucket=local_bucket),
            ),
            BOUND,
        )

    assert result.mode == "job"
    assert result.transcript.text == "Hello there. Hi, how are you?"


async def test_a_job_of_one_second_takes_about_one_second(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_progression(seconds=1)
    began = time.monotonic()
    await start_jobs(transcribe_client, "timed")
    await asyncio.wait_for(transcribe_client.wait_for_transcription_job("timed"), BOUND)
    took = time.monotonic() - began

    assert 1.0 <= took < 2.5


async def test_a_job_always_has_a_status(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    for progression in ({"reads": 1}, {"seconds": 0.0}, {}):
        transcribe_backend.set_progression(**progression)
        name = f"job-{len(progression)}-{next(iter(progression), 'default')}"
        started = await transcribe_client.start_transcription_job(
            StartTranscriptionJobRequest(
                transcription_job_name=name, language_code=LanguageCode.EN_US, media=MEDIA
            )
        )
        got = await transcribe_client.get_transcription_job(
            GetTranscriptionJobRequest(transcription_job_name=name)
        )
        assert started.transcription_job is not None
        assert started.transcription_job.transcription_job_status is not None
        assert got.transcription_job is not None
        assert got.transcription_job.transcription_job_status is not None


# A test's own clock


async def test_a_frozen_clock_moves_jobs_only_when_advanced(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    await start_jobs(transcribe_client, "held")
    local_clock.advance(0.5)
    halfway = await _status(transcribe_client, "held")
    local_clock.advance(0.5)
    done = await _status(transcribe_client, "held")

    assert halfway is TranscriptionJobStatus.IN_PROGRESS
    assert done is TranscriptionJobStatus.COMPLETED


async def _status(tk: TranscribeClient, name: str) -> TranscriptionJobStatus | None:
    got = await tk.get_transcription_job(GetTranscriptionJobRequest(transcription_job_name=name))
    assert got.transcription_job is not None
    return got.transcription_job.transcription_job_status


async def test_timestamps_follow_the_backends_clock(
    transcribe_client: TranscribeClient, local_clock: LocalClock
) -> None:
    await start_jobs(transcribe_client, "an-hour")
    local_clock.advance(3600)

    job = await transcribe_client.wait_for_transcription_job("an-hour")

    assert job.creation_time is not None
    assert job.completion_time is not None
    assert (job.completion_time - job.creation_time).total_seconds() == pytest.approx(1.0)


# Isolation


async def test_a_new_backend_sees_none_of_the_resources_of_another(
    transcribe_backend: LocalBackend, local_bucket: str
) -> None:
    async with transcribe_backend.client() as tk:
        await start_jobs(tk, "mine")
    with LocalBackend() as other:
        async with other.client() as tk:
            listed = await tk.list_transcription_jobs(ListTranscriptionJobsRequest())
        async with AioSession().create_client("s3", **other.client_settings) as other_s3:
            buckets = await other_s3.list_buckets()
            # The same bucket name is free there: bucket names are not shared either.
            await other_s3.create_bucket(Bucket=local_bucket)

    assert listed.transcription_job_summaries == []
    assert buckets["Buckets"] == []


async def test_other_services_of_moto_are_served_on_the_same_endpoint(
    transcribe_backend: LocalBackend,
) -> None:
    session = AioSession()
    settings = transcribe_backend.client_settings
    async with (
        session.create_client("sqs", **settings) as sqs,
        session.create_client("events", **settings) as events,
    ):
        queue_url = (await sqs.create_queue(QueueName="job-events"))["QueueUrl"]
        attributes = await sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])
        pattern = json.dumps({"source": ["aws.transcribe"]})
        await events.put_rule(Name="finished-jobs", EventPattern=pattern)
        await events.put_targets(
            Rule="finished-jobs",
            Targets=[{"Id": "queue", "Arn": attributes["Attributes"]["QueueArn"]}],
        )
        await events.put_events(
            Entries=[{"Source": "aws.transcribe", "DetailType": "Test", "Detail": "{}"}]
        )
        received = await sqs.receive_message(QueueUrl=queue_url, WaitTimeSeconds=1)

    assert queue_url.startswith(transcribe_backend.endpoint_url + "/")
    assert json.loads(received["Messages"][0]["Body"])["source"] == "aws.transcribe"


def test_calls_work_in_python_development_mode() -> None:
    script = (
        "import asyncio\n"
        "from transcribe_kit import ListTranscriptionJobsRequest\n"
        "from transcribe_kit.testing import LocalBackend\n"
        "async def main():\n"
        "    with LocalBackend() as backend:\n"
        "        async with backend.client() as tk:\n"
        "            await tk.list_transcription_jobs(ListTranscriptionJobsRequest())\n"
        "asyncio.run(main())\n"
    )
    done = subprocess.run(
        [sys.executable, "-X", "dev", "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONASYNCIODEBUG": "1"},
        check=False,
    )

    assert done.returncode == 0, done.stderr[-2000:]
