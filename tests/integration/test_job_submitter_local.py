from __future__ import annotations

from transcribe_kit import (
    JobSubmitter,
    LanguageCode,
    ListTranscriptionJobsRequest,
    Media,
    StartTranscriptionJobRequest,
    TranscribeClient,
)
from transcribe_kit.testing import LocalBackend


async def test_many_jobs_start_once_each_through_a_few_slots(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    # Statuses move with time, as List (which the submitter watches through) sees them:
    # QUEUED, IN_PROGRESS, COMPLETED, one step every 0.05 s.
    transcribe_backend.set_progression(seconds=0.05)
    requests = [
        StartTranscriptionJobRequest(
            transcription_job_name=f"batch-{i}",
            language_code=LanguageCode.EN_US,
            media=Media(media_file_uri=f"s3://media/{i}.mp3"),
        )
        for i in range(5)
    ]
    submitter = JobSubmitter(
        tk,
        max_running=2,
        poll_interval=0.01,
        max_poll_interval=0.02,
        slot_timeout=30,
    )

    try:
        results = await submitter.submit(requests)
    finally:
        transcribe_backend.set_progression()

    assert [r.error for r in results] == [None] * 5
    assert len(submitter.running) <= 2
    listed = await tk.list_transcription_jobs(ListTranscriptionJobsRequest())
    names = sorted(s.transcription_job_name or "" for s in listed.transcription_job_summaries or [])
    assert names == [f"batch-{i}" for i in range(5)]
