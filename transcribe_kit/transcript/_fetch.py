"""Which document a job wrote, where, and how to parse it: planning a fetch, without I/O.

A completed job names its output documents (transcript, redacted transcript, subtitles,
clinical note) as URIs; :func:`transcript_source` and its kin pick the right one, or
raise :class:`~transcribe_kit.TranscriptNotReadyError` (the job is not done) or
:class:`~transcribe_kit.TranscriptFetchError` (it wrote no such document), and name the
parser of its document type, both as the registry of kinds declares them for the job's
kind. Reading the bytes is ``transcribe_kit._documents``' job.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from transcribe_kit._kinds import JobKind, job_kind_of
from transcribe_kit.errors import TranscriptFetchError, TranscriptNotReadyError
from transcribe_kit.shapes.call_analytics import CallAnalyticsJob, GetCallAnalyticsJobResponse
from transcribe_kit.shapes.enums import SubtitleFormat
from transcribe_kit.shapes.medical import (
    GetMedicalTranscriptionJobResponse,
    MedicalTranscriptionJob,
)
from transcribe_kit.shapes.medical_scribe import GetMedicalScribeJobResponse, MedicalScribeJob
from transcribe_kit.shapes.transcription_jobs import GetTranscriptionJobResponse, TranscriptionJob
from transcribe_kit.transcript._document import ResultDocument, parse_document

__all__ = [
    "AnyJob",
    "CallAnalyticsJobLike",
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
class _Completed:
    """A completed job, with its kind (which says where its documents are)."""

    kind: JobKind[Any, Any]
    job: object
    name: str | None

    def uri(self, document: str) -> str | None:
        return self.kind.document_uri(self.job, document)

    def missing(self, what: str, hint: str = "") -> TranscriptFetchError:
        return TranscriptFetchError(
            f"{self.kind.noun} {self.name or '(unnamed)'} has no {what}{hint}"
        )


def _completed(job_or_response: AnyJob) -> _Completed:
    """The job, or :class:`TranscriptNotReadyError` if it has not completed."""
    kind = job_kind_of(job_or_response)
    if kind is None:
        raise TypeError(
            f"expected a job, its Get response or a URI, got {type(job_or_response).__name__}"
        )
    job = kind.resource_of(job_or_response) or kind.resource_type()
    name = kind.name_of(job)
    status = kind.status_of(job)
    if status not in (None, kind.success):
        reason = kind.failure_reason_of(job)
        if status == kind.failure:
            why = f": {reason}" if reason else ""
            message = f"{kind.noun} {name or '(unnamed)'} failed{why}; it wrote no document"
        else:
            message = (
                f"{kind.noun} {name or '(unnamed)'} is {status}, not {kind.success}; wait for it "
                "(wait_for_transcription_job and its kin) and fetch the completed job"
            )
        raise TranscriptNotReadyError(message, job_name=name, status=status, failure_reason=reason)
    return _Completed(kind=kind, job=job, name=name)


def transcript_source(
    job_or_uri: AnyJob | str, *, redacted: bool
) -> tuple[str, Callable[[bytes], ResultDocument]]:
    """The URI of a job's transcript and the parser of its document type.

    A URI is parsed as whatever document it holds (:func:`parse_document`).
    """
    if isinstance(job_or_uri, str):
        return job_or_uri, parse_document
    completed = _completed(job_or_uri)
    parse = completed.kind.documents.parse
    redacted_uri = completed.uri("redacted_transcript")
    if redacted:
        if redacted_uri is None:
            raise completed.missing(
                "redacted transcript", " (ask for one with ContentRedaction when starting the job)"
            )
        return redacted_uri, parse
    uri = completed.uri("transcript")
    if uri is None:
        hint = " (it has only a redacted one: pass redacted=True)"
        raise completed.missing("transcript", hint if redacted_uri else "")
    return uri, parse


def subtitles_uri(job: TranscriptionJobLike, format: str) -> str:
    """The URI of the subtitle file of ``format`` (``srt`` or ``vtt``) a job wrote."""
    completed = _completed(job)
    extension = "." + str(SubtitleFormat(format))
    for uri in completed.kind.subtitle_uris(completed.job):
        if uri.split("?", 1)[0].lower().endswith(extension):
            return uri
    raise completed.missing(
        f"{format} subtitles", " (ask for them with Subtitles when starting the job)"
    )


def clinical_document_uri(job: MedicalScribeJobLike) -> str:
    """The URI of the clinical document (the note) a HealthScribe job wrote."""
    completed = _completed(job)
    uri = completed.uri("clinical_document")
    if uri is None:
        raise completed.missing("clinical document")
    return uri
