"""Which document a job wrote, where, and how to parse it: planning a fetch, without I/O.

A completed job names its output documents (transcript, redacted transcript, subtitles,
clinical note) as URIs; :func:`transcript_source` and its kin pick the right one, or
raise :class:`~transcribe_kit.TranscriptNotReadyError` (the job is not done) or
:class:`~transcribe_kit.TranscriptFetchError` (it wrote no such document), and name the
parser of its document type. Reading the bytes is ``transcribe_kit._documents``' job.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

import attrs

from transcribe_kit.config import FetchLimits
from transcribe_kit.errors import TranscriptFetchError, TranscriptNotReadyError
from transcribe_kit.shapes.call_analytics import CallAnalyticsJob, GetCallAnalyticsJobResponse
from transcribe_kit.shapes.enums import SubtitleFormat
from transcribe_kit.shapes.medical import (
    GetMedicalTranscriptionJobResponse,
    MedicalTranscriptionJob,
)
from transcribe_kit.shapes.medical_scribe import GetMedicalScribeJobResponse, MedicalScribeJob
from transcribe_kit.shapes.transcription_jobs import GetTranscriptionJobResponse, TranscriptionJob
from transcribe_kit.transcript._document import (
    ResultDocument,
    parse_call_analytics_transcript,
    parse_document,
    parse_medical_scribe_transcript,
    parse_medical_transcript,
    parse_transcript,
)

__all__ = [
    "AnyJob",
    "CallAnalyticsJobLike",
    "FetchLimits",
    "MedicalScribeJobLike",
    "TranscriptJob",
    "TranscriptionJobLike",
    "clinical_document_uri",
    "subtitles_uri",
    "transcript_source",
]

TranscriptJob = (
    TranscriptionJob
    | GetTranscriptionJobResponse
    | MedicalTranscriptionJob
    | GetMedicalTranscriptionJobResponse
)
"""A job whose document is a :class:`~transcribe_kit.Transcript` (or its Get response)."""

TranscriptionJobLike = TranscriptionJob | GetTranscriptionJobResponse
"""A transcription job or its Get response (the jobs that write subtitles)."""

CallAnalyticsJobLike = CallAnalyticsJob | GetCallAnalyticsJobResponse
"""A Call Analytics job or its Get response."""

MedicalScribeJobLike = MedicalScribeJob | GetMedicalScribeJobResponse
"""A HealthScribe job or its Get response."""

AnyJob = TranscriptJob | CallAnalyticsJobLike | MedicalScribeJobLike
"""Any job that writes a result document."""


@attrs.frozen(kw_only=True)
class _JobOutput:
    """What a job says about its output documents, whatever the kind of job."""

    kind: str
    name: str | None
    status: str | None
    failure_reason: str | None
    transcript_uri: str | None = None
    redacted_transcript_uri: str | None = None
    subtitle_uris: tuple[str, ...] = ()
    clinical_document_uri: str | None = None


def _output_of_transcription(job: TranscriptionJob) -> _JobOutput:
    transcript = job.transcript
    return _JobOutput(
        kind="transcription job",
        name=job.transcription_job_name,
        status=job.transcription_job_status,
        failure_reason=job.failure_reason,
        transcript_uri=transcript.transcript_file_uri if transcript else None,
        redacted_transcript_uri=transcript.redacted_transcript_file_uri if transcript else None,
        subtitle_uris=tuple((job.subtitles.subtitle_file_uris or []) if job.subtitles else ()),
    )


def _output_of_medical(job: MedicalTranscriptionJob) -> _JobOutput:
    return _JobOutput(
        kind="medical transcription job",
        name=job.medical_transcription_job_name,
        status=job.transcription_job_status,
        failure_reason=job.failure_reason,
        transcript_uri=job.transcript.transcript_file_uri if job.transcript else None,
    )


def _output_of_call_analytics(job: CallAnalyticsJob) -> _JobOutput:
    transcript = job.transcript
    return _JobOutput(
        kind="Call Analytics job",
        name=job.call_analytics_job_name,
        status=job.call_analytics_job_status,
        failure_reason=job.failure_reason,
        transcript_uri=transcript.transcript_file_uri if transcript else None,
        redacted_transcript_uri=transcript.redacted_transcript_file_uri if transcript else None,
    )


def _output_of_scribe(job: MedicalScribeJob) -> _JobOutput:
    output = job.medical_scribe_output
    return _JobOutput(
        kind="medical scribe job",
        name=job.medical_scribe_job_name,
        status=job.medical_scribe_job_status,
        failure_reason=job.failure_reason,
        transcript_uri=output.transcript_file_uri if output else None,
        clinical_document_uri=output.clinical_document_uri if output else None,
    )


def _job_output(job: AnyJob) -> _JobOutput:
    if isinstance(job, GetTranscriptionJobResponse):
        return _job_output(job.transcription_job or TranscriptionJob())
    if isinstance(job, GetMedicalTranscriptionJobResponse):
        return _job_output(job.medical_transcription_job or MedicalTranscriptionJob())
    if isinstance(job, GetCallAnalyticsJobResponse):
        return _job_output(job.call_analytics_job or CallAnalyticsJob())
    if isinstance(job, GetMedicalScribeJobResponse):
        return _job_output(job.medical_scribe_job or MedicalScribeJob())
    if isinstance(job, TranscriptionJob):
        return _output_of_transcription(job)
    if isinstance(job, MedicalTranscriptionJob):
        return _output_of_medical(job)
    if isinstance(job, CallAnalyticsJob):
        return _output_of_call_analytics(job)
    if isinstance(job, MedicalScribeJob):
        return _output_of_scribe(job)
    raise TypeError(f"expected a job, its Get response or a URI, got {type(job).__name__}")


def _completed(job: AnyJob) -> _JobOutput:
    """The job's output, or :class:`TranscriptNotReadyError` if it has not completed."""
    output = _job_output(job)
    status = None if output.status is None else str(output.status)
    if status not in (None, "COMPLETED"):
        name = output.name or "(unnamed)"
        if status == "FAILED":
            why = f": {output.failure_reason}" if output.failure_reason else ""
            message = f"{output.kind} {name} failed{why}; it wrote no document"
        else:
            message = (
                f"{output.kind} {name} is {status}, not COMPLETED; wait for it "
                "(wait_for_transcription_job and its kin) and fetch the completed job"
            )
        raise TranscriptNotReadyError(
            message, job_name=output.name, status=status, failure_reason=output.failure_reason
        )
    return output


def _missing(output: _JobOutput, what: str, hint: str = "") -> TranscriptFetchError:
    return TranscriptFetchError(f"{output.kind} {output.name or '(unnamed)'} has no {what}{hint}")


_PARSERS: Final[Mapping[type, Callable[[bytes], ResultDocument]]] = {
    TranscriptionJob: parse_transcript,
    GetTranscriptionJobResponse: parse_transcript,
    MedicalTranscriptionJob: parse_medical_transcript,
    GetMedicalTranscriptionJobResponse: parse_medical_transcript,
    CallAnalyticsJob: parse_call_analytics_transcript,
    GetCallAnalyticsJobResponse: parse_call_analytics_transcript,
    MedicalScribeJob: parse_medical_scribe_transcript,
    GetMedicalScribeJobResponse: parse_medical_scribe_transcript,
}


def transcript_source(
    job_or_uri: AnyJob | str, *, redacted: bool
) -> tuple[str, Callable[[bytes], ResultDocument]]:
    """The URI of a job's transcript and the parser of its document type.

    A URI is parsed as whatever document it holds (:func:`parse_document`).
    """
    if isinstance(job_or_uri, str):
        return job_or_uri, parse_document
    output = _completed(job_or_uri)
    parse = _PARSERS[type(job_or_uri)]
    if redacted:
        if output.redacted_transcript_uri is None:
            raise _missing(
                output,
                "redacted transcript",
                " (ask for one with ContentRedaction when starting the job)",
            )
        return output.redacted_transcript_uri, parse
    if output.transcript_uri is None:
        hint = " (it has only a redacted one: pass redacted=True)"
        raise _missing(output, "transcript", hint if output.redacted_transcript_uri else "")
    return output.transcript_uri, parse


def subtitles_uri(job: TranscriptionJobLike, format: str) -> str:
    """The URI of the subtitle file of ``format`` (``srt`` or ``vtt``) a job wrote."""
    output = _completed(job)
    extension = "." + str(SubtitleFormat(format))
    for uri in output.subtitle_uris:
        if uri.split("?", 1)[0].lower().endswith(extension):
            return uri
    raise _missing(
        output, f"{format} subtitles", " (ask for them with Subtitles when starting the job)"
    )


def clinical_document_uri(job: MedicalScribeJobLike) -> str:
    """The URI of the clinical document (the note) a HealthScribe job wrote."""
    output = _completed(job)
    if output.clinical_document_uri is None:
        raise _missing(output, "clinical document")
    return output.clinical_document_uri
