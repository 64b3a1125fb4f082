"""The transcript document and the parse functions of every result document.

Each ``parse_*`` function takes the file's bytes (as a fetcher hands them over), its text,
or the dict ``json.loads`` made of it, and raises
:class:`~transcribe_kit.errors.TranscriptParseError` for invalid JSON or a malformed
document, and :class:`~transcribe_kit.errors.DocumentTypeError` for a document of another
type.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cached_property
from typing import Any, Final, TypeVar

from attrs import define, field

from transcribe_kit.errors import DocumentTypeError, TranscriptParseError
from transcribe_kit.transcript._call_analytics import CallAnalyticsTranscript
from transcribe_kit.transcript._captions import CaptionOptions, build_cues, render_srt, render_vtt
from transcribe_kit.transcript._codec import (
    JsonValue,
    extra_field,
    member,
    structure_document,
    unstructure_document,
)
from transcribe_kit.transcript._medical_scribe import ClinicalDocument, MedicalScribeTranscript
from transcribe_kit.transcript._standard import Item, Results
from transcribe_kit.transcript._views import (
    AttributedItem,
    SpeakerTurn,
    Word,
    attribute_items,
    channel_texts,
    join_items,
    speaker_turns,
    words,
)

D = TypeVar("D")

_DEFAULT_CAPTIONS: Final = CaptionOptions()


@define(frozen=True, kw_only=True)
class Transcript:
    """The transcript document of a transcription or medical transcription job.

    ``results`` holds the items as written; the methods give the views most callers want.
    Times are in seconds, confidences from 0 to 1.
    """

    results: Results = field(metadata=member("results"))
    job_name: str | None = field(default=None, metadata=member("jobName"))
    account_id: str | None = field(default=None, metadata=member("accountId"))
    status: str | None = field(default=None, metadata=member("status"))
    is_redacted: bool | None = field(default=None, metadata=member("isRedacted"))
    extra: Mapping[str, JsonValue] = extra_field()

    @property
    def text(self) -> str:
        """The whole transcript as the service wrote it (built from the items if it did not)."""
        texts = [text.transcript for text in self.results.transcripts]
        return " ".join(texts) if texts else join_items(self.results.items)

    @property
    def items(self) -> tuple[Item, ...]:
        """The items (words and punctuation) in order."""
        return self.results.items

    @cached_property
    def _attributed(self) -> list[AttributedItem]:
        return attribute_items(self.results)

    def words(self) -> list[Word]:
        """The spoken words with their times, confidence, speaker and channel."""
        return words(self._attributed)

    def low_confidence_words(self, threshold: float = 0.5) -> list[Word]:
        """The words whose confidence is below ``threshold`` (0 to 1)."""
        return [
            word
            for word in self.words()
            if word.confidence is not None and word.confidence < threshold
        ]

    def speaker_turns(self) -> list[SpeakerTurn]:
        """Consecutive speech of one speaker merged into turns.

        Without speaker labels the turns follow the channels; with neither, the whole
        transcript is one turn.
        """
        return speaker_turns(self._attributed)

    def channel_texts(self) -> dict[str, str]:
        """The text of each channel by label (``ch_0``); empty without channel identification."""
        return channel_texts(self.results, self._attributed)

    def to_srt(self, options: CaptionOptions = _DEFAULT_CAPTIONS) -> str:
        """The transcript as SubRip subtitles."""
        return render_srt(build_cues(self._attributed, options), options)

    def to_vtt(self, options: CaptionOptions = _DEFAULT_CAPTIONS) -> str:
        """The transcript as WebVTT subtitles."""
        return render_vtt(build_cues(self._attributed, options), options)

    def to_dict(self) -> dict[str, JsonValue]:
        """The document as JSON data again (numbers may be written differently)."""
        return unstructure_document(self)


_KIND_KEYS: Final = (
    ("Conversation", "medical scribe transcript"),
    ("ClinicalDocumentation", "clinical document"),
    ("results", "transcript"),
    ("ConversationCharacteristics", "call analytics transcript"),
    ("Transcript", "call analytics transcript"),
    *(
        (key, "Transcribe API response")
        for key in (
            "TranscriptionJob",
            "TranscriptionJobSummaries",
            "MedicalTranscriptionJob",
            "CallAnalyticsJob",
            "MedicalScribeJob",
        )
    ),
)


def document_kind(data: Mapping[str, Any]) -> str:
    """The type of a decoded result document, by its top-level keys; ``"unknown"`` if none."""
    for key, kind in _KIND_KEYS:
        if key in data:
            return kind
    return "unknown"


def _decode(data: bytes | str | Mapping[str, Any]) -> Mapping[str, Any]:
    if isinstance(data, (bytes, bytearray, memoryview, str)):
        try:
            decoded = json.loads(bytes(data) if isinstance(data, memoryview) else data)
        except UnicodeDecodeError as error:
            raise TranscriptParseError("", f"undecodable text: {error.reason}") from None
        except json.JSONDecodeError as error:
            raise TranscriptParseError(
                "", f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"
            ) from None
    else:
        decoded = data
    if not isinstance(decoded, Mapping):
        raise TranscriptParseError("", f"expected a JSON object, got {type(decoded).__name__}")
    return decoded


def _parse(data: bytes | str | Mapping[str, Any], cls: type[D], kind: str) -> D:
    decoded = _decode(data)
    found = document_kind(decoded)
    if found not in (kind, "unknown"):
        raise DocumentTypeError(kind, found)
    return structure_document(decoded, cls)


def parse_transcript(data: bytes | str | Mapping[str, Any]) -> Transcript:
    """The transcript document of a transcription job, from its bytes, text or decoded dict.

    Raises :class:`DocumentTypeError` for a call analytics or HealthScribe document and
    :class:`TranscriptParseError` for anything malformed.
    """
    return _parse(data, Transcript, "transcript")


def parse_medical_transcript(data: bytes | str | Mapping[str, Any]) -> Transcript:
    """The transcript of a medical transcription job (the same layout as a standard one)."""
    return _parse(data, Transcript, "transcript")


def parse_medical_scribe_transcript(
    data: bytes | str | Mapping[str, Any],
) -> MedicalScribeTranscript:
    """The transcript file (``Conversation``) of a HealthScribe job."""
    return _parse(data, MedicalScribeTranscript, "medical scribe transcript")


def parse_clinical_document(data: bytes | str | Mapping[str, Any]) -> ClinicalDocument:
    """The clinical document file (``ClinicalDocumentation``) of a HealthScribe job."""
    return _parse(data, ClinicalDocument, "clinical document")


def parse_call_analytics_transcript(
    data: bytes | str | Mapping[str, Any],
) -> CallAnalyticsTranscript:
    """The output document of a Call Analytics job."""
    return _parse(data, CallAnalyticsTranscript, "call analytics transcript")


ResultDocument = Transcript | MedicalScribeTranscript | ClinicalDocument | CallAnalyticsTranscript

_PARSERS: Final = {
    "transcript": Transcript,
    "medical scribe transcript": MedicalScribeTranscript,
    "clinical document": ClinicalDocument,
    "call analytics transcript": CallAnalyticsTranscript,
}


def parse_document(data: bytes | str | Mapping[str, Any]) -> ResultDocument:
    """Any result document, its type recognised by its top-level keys."""
    decoded = _decode(data)
    kind = document_kind(decoded)
    if kind not in _PARSERS:
        raise DocumentTypeError("result", kind)
    document: ResultDocument = structure_document(decoded, _PARSERS[kind])
    return document


def document_to_dict(document: ResultDocument) -> dict[str, JsonValue]:
    """A result document as JSON data again (numbers may be written differently)."""
    return unstructure_document(document)
