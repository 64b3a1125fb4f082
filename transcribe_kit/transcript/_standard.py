"""The transcript document of transcription and medical transcription jobs.

One class serves the layouts found in the wild: the older one (speakers only in
``speaker_labels.segments``, punctuation without ``confidence`` or with ``null``) and the
newer one (integer item ``id``s, ``speaker_label`` on items, ``audio_segments``), with
channel identification, language identification, redaction and alternatives. Times and
confidences, written as strings in any form the service uses (``"0.25"``, ``"0.250"``,
``"1.0E-4"``, 17 decimals), are finite floats here; punctuation has no times (``None``).
"""

from __future__ import annotations

from transcribe_kit.shapes._base import OpenEnum
from transcribe_kit.transcript._codec import DocumentPart, Number, TextNumber


class ItemType(OpenEnum):
    """Whether an item is a spoken word or punctuation the service added."""

    PRONUNCIATION = "pronunciation"
    PUNCTUATION = "punctuation"


class Redaction(DocumentPart, frozen=True):
    """Why an item was redacted: the PII category and type, and the confidence that it is."""

    confidence: TextNumber | None = None
    type: str | None = None
    category: str | None = None


class Alternative(DocumentPart, frozen=True):
    """A recognised content of an item with its confidence (0 to 1; absent on old punctuation)."""

    content: str
    confidence: TextNumber | None = None
    redactions: tuple[Redaction, ...] | None = None


class Item(DocumentPart, frozen=True):
    """A word or punctuation mark, with its times in seconds (``None`` for punctuation)."""

    type: ItemType
    alternatives: tuple[Alternative, ...]
    start_time: TextNumber | None = None
    end_time: TextNumber | None = None
    id: int | None = None
    speaker_label: str | None = None
    channel_label: str | None = None
    language_code: str | None = None
    vocabulary_filter_match: bool | None = None

    @property
    def content(self) -> str:
        """The content of the first (most likely) alternative; empty if there is none."""
        return self.alternatives[0].content if self.alternatives else ""

    @property
    def confidence(self) -> float | None:
        """The confidence of the first alternative."""
        return self.alternatives[0].confidence if self.alternatives else None


class TranscriptText(DocumentPart, frozen=True):
    """The whole transcript as one string."""

    transcript: str


class SpeakerSegmentItem(DocumentPart, frozen=True):
    """A word's times in a speaker segment (how older files say who spoke each word)."""

    start_time: TextNumber | None = None
    end_time: TextNumber | None = None
    speaker_label: str | None = None


class SpeakerSegment(DocumentPart, frozen=True):
    """A stretch of speech by one speaker."""

    speaker_label: str | None = None
    start_time: TextNumber | None = None
    end_time: TextNumber | None = None
    items: tuple[SpeakerSegmentItem, ...] | None = None


class SpeakerLabels(DocumentPart, frozen=True):
    """Speaker diarization: the number of speakers and their segments."""

    speakers: int | None = None
    segments: tuple[SpeakerSegment, ...] | None = None
    channel_label: str | None = None


class ChannelTranscript(DocumentPart, frozen=True):
    """The items of one audio channel (channel identification)."""

    channel_label: str
    items: tuple[Item, ...] = ()


class ChannelLabels(DocumentPart, frozen=True):
    """Channel identification: each channel's items."""

    channels: tuple[ChannelTranscript, ...] = ()
    number_of_channels: int | None = None


class LanguageScore(DocumentPart, frozen=True):
    """A language the service considered, with its score (language identification)."""

    code: str | None = None
    score: TextNumber | None = None


class LanguageDuration(DocumentPart, frozen=True):
    """How long one language is spoken in the media (multi-language identification)."""

    language_code: str | None = None
    duration_in_seconds: Number | None = None


class AudioSegment(DocumentPart, frozen=True):
    """A stretch of audio with its transcript and the ids of its items (newer layout)."""

    id: int | None = None
    transcript: str | None = None
    start_time: TextNumber | None = None
    end_time: TextNumber | None = None
    speaker_label: str | None = None
    channel_label: str | None = None
    items: tuple[int, ...] | None = None


class Results(DocumentPart, frozen=True):
    """The ``results`` of a transcript: the text, the items and the optional analyses."""

    transcripts: tuple[TranscriptText, ...]
    items: tuple[Item, ...]
    speaker_labels: SpeakerLabels | None = None
    channel_labels: ChannelLabels | None = None
    language_code: str | None = None
    language_identification: tuple[LanguageScore, ...] | None = None
    language_codes: tuple[LanguageDuration, ...] | None = None
    audio_segments: tuple[AudioSegment, ...] | None = None
