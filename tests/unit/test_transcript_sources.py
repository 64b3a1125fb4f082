"""Which document of a job fetch_transcript reads, and what it says when there is none yet."""

from __future__ import annotations

import pytest

from transcribe_kit import (
    CallAnalyticsJob,
    CallAnalyticsJobStatus,
    GetMedicalScribeJobResponse,
    GetTranscriptionJobResponse,
    MedicalScribeJob,
    MedicalScribeJobStatus,
    MedicalScribeOutput,
    MedicalTranscript,
    MedicalTranscriptionJob,
    SubtitleFormat,
    SubtitlesOutput,
    TranscriptFetchError,
    TranscriptionJob,
    TranscriptionJobStatus,
    TranscriptNotReadyError,
)
from transcribe_kit.shapes import Transcript as TranscriptUris
from transcribe_kit.transcript._fetch import (
    clinical_document_uri,
    subtitles_uri,
    transcript_source,
)

PLAIN = "https://s3.us-east-1.amazonaws.com/out/job.json"
REDACTED = "https://s3.us-east-1.amazonaws.com/out/redacted-job.json"


def _job(status: str, **fields: object) -> TranscriptionJob:
    return TranscriptionJob(
        transcription_job_name="job",
        transcription_job_status=TranscriptionJobStatus(status),
        **fields,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize("status", ["QUEUED", "IN_PROGRESS"])
def test_an_unfinished_job_is_not_ready(status: str) -> None:
    with pytest.raises(TranscriptNotReadyError) as caught:
        transcript_source(_job(status), redacted=False)
    assert caught.value.status == status
    assert caught.value.job_name == "job"
    assert status in str(caught.value)


def test_a_failed_job_is_not_ready_and_says_why() -> None:
    job = _job("FAILED", failure_reason="Unsupported media format")
    with pytest.raises(TranscriptNotReadyError) as caught:
        transcript_source(job, redacted=False)
    assert caught.value.status == "FAILED"
    assert caught.value.failure_reason == "Unsupported media format"
    assert "Unsupported media format" in str(caught.value)


def test_a_get_response_is_read_like_its_job() -> None:
    job = _job("COMPLETED", transcript=TranscriptUris(transcript_file_uri=PLAIN))
    assert transcript_source(GetTranscriptionJobResponse(transcription_job=job), redacted=False)[
        0
    ] == (PLAIN)


def test_redacted_picks_the_redacted_transcript() -> None:
    uris = TranscriptUris(transcript_file_uri=PLAIN, redacted_transcript_file_uri=REDACTED)
    job = _job("COMPLETED", transcript=uris)
    assert transcript_source(job, redacted=False)[0] == PLAIN
    assert transcript_source(job, redacted=True)[0] == REDACTED


def test_asking_for_a_redacted_transcript_the_job_lacks() -> None:
    job = _job("COMPLETED", transcript=TranscriptUris(transcript_file_uri=PLAIN))
    with pytest.raises(TranscriptFetchError, match="no redacted transcript"):
        transcript_source(job, redacted=True)


def test_a_redacted_only_job_points_to_redacted_true() -> None:
    job = _job("COMPLETED", transcript=TranscriptUris(redacted_transcript_file_uri=REDACTED))
    with pytest.raises(TranscriptFetchError, match="redacted=True"):
        transcript_source(job, redacted=False)


def test_other_job_kinds_give_their_transcript_uri() -> None:
    medical = MedicalTranscriptionJob(
        medical_transcription_job_name="m",
        transcription_job_status=TranscriptionJobStatus.COMPLETED,
        transcript=MedicalTranscript(transcript_file_uri=PLAIN),
    )
    calls = CallAnalyticsJob(
        call_analytics_job_name="c",
        call_analytics_job_status=CallAnalyticsJobStatus.COMPLETED,
        transcript=TranscriptUris(redacted_transcript_file_uri=REDACTED),
    )
    assert transcript_source(medical, redacted=False)[0] == PLAIN
    assert transcript_source(calls, redacted=True)[0] == REDACTED


def test_a_scribe_job_gives_its_transcript_and_clinical_document() -> None:
    job = MedicalScribeJob(
        medical_scribe_job_name="s",
        medical_scribe_job_status=MedicalScribeJobStatus.COMPLETED,
        medical_scribe_output=MedicalScribeOutput(
            transcript_file_uri=PLAIN, clinical_document_uri=REDACTED
        ),
    )
    response = GetMedicalScribeJobResponse(medical_scribe_job=job)
    assert transcript_source(response, redacted=False)[0] == PLAIN
    assert clinical_document_uri(response) == REDACTED


def test_an_unfinished_scribe_job_is_not_ready() -> None:
    job = MedicalScribeJob(
        medical_scribe_job_name="s", medical_scribe_job_status=MedicalScribeJobStatus.IN_PROGRESS
    )
    with pytest.raises(TranscriptNotReadyError) as caught:
        clinical_document_uri(job)
    assert caught.value.status == "IN_PROGRESS"


def test_subtitles_are_picked_by_format() -> None:
    base = "https://s3.us-east-1.amazonaws.com/out/job"
    job = _job(
        "COMPLETED",
        subtitles=SubtitlesOutput(
            formats=[SubtitleFormat.VTT, SubtitleFormat.SRT],
            subtitle_file_uris=[f"{base}.vtt", f"{base}.srt"],
        ),
    )
    assert subtitles_uri(job, "srt") == f"{base}.srt"
    assert subtitles_uri(job, SubtitleFormat.VTT) == f"{base}.vtt"


def test_subtitles_the_job_did_not_write() -> None:
    with pytest.raises(TranscriptFetchError, match="no srt subtitles"):
        subtitles_uri(_job("COMPLETED"), "srt")
