"""The transcript document and the parse functions of every result document.

Each ``parse_*`` function takes the file's bytes (as a fetcher hands them over), its text,
or the dict ``json.loads`` made of it, and raises
:class:`~transcribe_kit.errors.TranscriptParseError` for invalid JSON or a malformed
document, and :class:`~transcribe_kit.errors.DocumentTypeError` for a document of another
type.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any, Final

from msgspec import field

from transcribe_kit.config import CaptionOptions
from transcribe_kit.errors import DocumentTypeError, TranscriptParseError
from transcribe_kit.transcript._call_analytics import CallAnalyticsTranscript
from transcribe_kit.transcript._captions import to_srt, to_vtt
from transcribe_kit.transcript._codec import (
    D,
    DocumentRoot,
    JsonValue,
    decode_fast,
    decode_json,
    encode_json,
    structure,
)
from transcribe_kit.transcript._medical_scribe import ClinicalDocument, MedicalScribeTranscript
from transcribe_kit.transcript._standard import Item, Results
from transcribe_kit.transcript._views import (
    END,
    SpeakerTurn,
    Spoken,
    Word,
    channel_labels,
    channel_texts,
    join_items,
    on_channel,
    speaker_turns,
    spoken_words,
    words_of,
)

_DEFAULT_CAPTIONS: Final = CaptionOptions()


class Transcript(DocumentRoot, frozen=True):
    """The transcript document of a transcription or medical transcription job.

    ``results`` holds the items as written; the methods give the views most callers want.
    Times are in seconds, confidences from 0 to 1. Words come in time order; with channel
    identification the views give the merged timeline, or one channel's track with
    ``channel="ch_0"``.
    """

    results: Results
    job_name: str | None = field(default=None, name="jobName")
    account_id: str | None = field(default=None, name="accountId")
    status: str | None = None
    is_redacted: bool | None = field(default=None, name="isRedacted")

    @property
    def text(self) -> str:
        """The whole transcript as the service wrote it (built from the items if it did not)."""
        texts = [text.transcript for text in self.results.transcripts]
        return " ".join(texts) if texts else join_items(self.results.items)

    @property
    def items(self) -> tuple[Item, ...]:
        """The items (words and punctuation) as the document lists them."""
        return self.results.items

    @cached_property
    def _spoken(self) -> list[Spoken]:
        return spoken_words(self.results)

    @property
    def channels(self) -> tuple[str, ...]:
        """The channel labels (``ch_0``, ``ch_1``); empty without channel identification."""
        return channel_labels(self.results, self._spoken)

    def words(self, channel: str | None = None) -> list[Word]:
        """The spoken words in time order, with times, confidence, speaker and channel.

        ``channel`` gives one channel's words only.
        """
        return words_of(on_channel(self._spoken, channel))

    def low_confidence_words(
        self, threshold: float = 0.5, channel: str | None = None
    ) -> list[Word]:
        """The words whose confidence is below ``threshold`` (0 to 1)."""
        return [
            word
            for word in self.words(channel)
            if word.confidence is not None and word.confidence < threshold
        ]

    def speaker_turns(self, channel: str | None = None) -> list[SpeakerTurn]:
        """Consecutive speech of one speaker merged into turns, in time order.

        Without speaker labels the turns follow the channels; with neither, the whole
        transcript is one turn. ``channel`` gives one channel's turns only.
        """
        return speaker_turns(on_channel(self._spoken, channel))

    def channel_texts(self) -> dict[str, str]:
        """The text of each channel by label (``ch_0``); empty without channel identification."""
        return channel_texts(self.results, self._spoken)

    @cached_property
    def audio_end(self) -> float:
        """Where the audio ends, in seconds, as far as the document tells.

        The end of its last audio, speaker or channel segment, or word.
        """
        results = self.results
        ends = [entry[END] for entry in self._spoken[-50:]]
        ends.extend(s.end_time for s in results.audio_segments or () if s.end_time is not None)
        if results.speaker_labels is not None:
            ends.extend(
                s.end_time for s in results.speaker_labels.segments or () if s.end_time is not None
            )
        if results.channel_labels is not None:
            ends.extend(
                item.end_time
                for channel in results.channel_labels.channels
                for item in channel.items[-50:]
                if item.end_time is not None
            )
        return max(ends, default=0.0)

    def to_srt(
        self, options: CaptionOptions = _DEFAULT_CAPTIONS, channel: str | None = None
    ) -> str:
        """The transcript as SubRip subtitles (one channel's with ``channel``)."""
        return to_srt(on_channel(self._spoken, channel), options, self.audio_end)

    def to_vtt(
        self, options: CaptionOptions = _DEFAULT_CAPTIONS, channel: str | None = None
    ) -> str:
        """The transcript as WebVTT subtitles (one channel's with ``channel``)."""
        return to_vtt(on_channel(self._spoken, channel), options, self.audio_end)


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


def _decoded(data: bytes | str | Mapping[str, Any]) -> tuple[Mapping[str, Any], bytes | str]:
    """The JSON object of ``data``, and the text to keep as the document's source."""
    if isinstance(data, (bytes, bytearray, memoryview, str)):
        source = data if isinstance(data, (bytes, str)) else bytes(data)
        decoded: object = decode_json(source)
    else:
        decoded = data
    if not isinstance(decoded, Mapping):
        raise TranscriptParseError("", f"expected a JSON object, got {type(decoded).__name__}")
    if decoded is data:
        decoded = decoded if type(decoded) is dict else dict(decoded)
        source = encode_json(decoded)
    return decoded, source


def _parse(data: bytes | str | Mapping[str, Any], cls: type[D], kind: str) -> D:
    if isinstance(data, (bytes, str)):
        document = decode_fast(data, cls)
        if document is not None:
            return document
    decoded, source = _decoded(data)
    found = document_kind(decoded)
    if found not in (kind, "unknown"):
        raise DocumentTypeError(kind, found)
    return structure(decoded, cls, source)


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

_PARSERS: Final[Mapping[str, type[ResultDocument]]] = {
    "transcript": Transcript,
    "medical scribe transcript": MedicalScribeTranscript,
    "clinical document": ClinicalDocument,
    "call analytics transcript": CallAnalyticsTranscript,
}


def parse_document(data: bytes | str | Mapping[str, Any]) -> ResultDocument:
    """Any result document, its type recognised by its top-level keys."""
    if isinstance(data, (bytes, str)):
        transcript = decode_fast(data, Transcript)
        if transcript is not None:
            return transcript
    decoded, source = _decoded(data)
    kind = document_kind(decoded)
    if kind not in _PARSERS:
        raise DocumentTypeError("result", kind)
    cls: type[ResultDocument] = _PARSERS[kind]
    return structure(decoded, cls, source)


def document_to_dict(document: ResultDocument) -> dict[str, JsonValue]:
    """A result document as JSON data again, exactly as it was read."""
    return document.to_dict()


def decode_subtitles(data: bytes) -> str:
    """The text of a subtitle file (UTF-8, with or without a byte order mark).

    Raises :class:`TranscriptParseError` for bytes that are not UTF-8.
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TranscriptParseError(
            "", f"subtitles are not UTF-8 text: {error.reason} at byte {error.start}"
        ) from None
