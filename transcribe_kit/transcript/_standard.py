"""The transcript document of transcription and medical transcription jobs.

One class serves the layouts found in the wild: the older one (speakers only in
``speaker_labels.segments``, punctuation without ``confidence``) and the newer one (item
``id``s, ``speaker_label`` on items, ``audio_segments``). Times and confidences, written
as strings, are floats here; punctuation has no times (``None``).
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import define, field

from transcribe_kit.shapes._base import OpenEnum
from transcribe_kit.transcript._codec import JsonValue, extra_field, member


class ItemType(OpenEnum):
    """Whether an item is a spoken word or punctuation the service added."""

    PRONUNCIATION = "pronunciation"
    PUNCTUATION = "punctuation"


@define(frozen=True, kw_only=True)
class Redaction:
    """Why an item was redacted: the PII category and type, and the confidence that it is."""

    confidence: float | None = field(default=None, metadata=member("confidence", text_number=True))
    type: str | None = field(default=None, metadata=member("type"))
    category: str | None = field(default=None, metadata=member("category"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class Alternative:
    """A recognised content of an item with its confidence (0 to 1; absent on old punctuation)."""

    content: str = field(metadata=member("content"))
    confidence: float | None = field(default=None, metadata=member("confidence", text_number=True))
    redactions: tuple[Redaction, ...] | None = field(default=None, metadata=member("redactions"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class Item:
    """A word or punctuation mark, with its times in seconds (``None`` for punctuation)."""

    type: ItemType = field(metadata=member("type"))
    alternatives: tuple[Alternative, ...] = field(metadata=member("alternatives"))
    start_time: float | None = field(default=None, metadata=member("start_time", text_number=True))
    end_time: float | None = field(default=None, metadata=member("end_time", text_number=True))
    id: int | None = field(default=None, metadata=member("id"))
    speaker_label: str | None = field(default=None, metadata=member("speaker_label"))
    channel_label: str | None = field(default=None, metadata=member("channel_label"))
    language_code: str | None = field(default=None, metadata=member("language_code"))
    vocabulary_filter_match: bool | None = field(
        default=None, metadata=member("vocabulary_filter_match")
    )
    extra: Mapping[str, JsonValue] = extra_field()

    @property
    def content(self) -> str:
        """The content of the first (most likely) alternative; empty if there is none."""
        return self.alternatives[0].content if self.alternatives else ""

    @property
    def confidence(self) -> float | None:
        """The confidence of the first alternative."""
        return self.alternatives[0].confidence if self.alternatives else None


@define(frozen=True, kw_only=True)
class TranscriptText:
    """The whole transcript as one string."""

    transcript: str = field(metadata=member("transcript"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class SpeakerSegmentItem:
    """A word's times in a speaker segment (how older files say who spoke each word)."""

    start_time: float | None = field(default=None, metadata=member("start_time", text_number=True))
    end_time: float | None = field(default=None, metadata=member("end_time", text_number=True))
    speaker_label: str | None = field(default=None, metadata=member("speaker_label"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class SpeakerSegment:
    """A stretch of speech by one speaker."""

    speaker_label: str | None = field(default=None, metadata=member("speaker_label"))
    start_time: float | None = field(default=None, metadata=member("start_time", text_number=True))
    end_time: float | None = field(default=None, metadata=member("end_time", text_number=True))
    items: tuple[SpeakerSegmentItem, ...] | None = field(default=None, metadata=member("items"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class SpeakerLabels:
    """Speaker diarization: the number of speakers and their segments."""

    speakers: int | None = field(default=None, metadata=member("speakers"))
    segments: tuple[SpeakerSegment, ...] | None = field(default=None, metadata=member("segments"))
    channel_label: str | None = field(default=None, metadata=member("channel_label"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class ChannelTranscript:
    """The items of one audio channel (channel identification)."""

    channel_label: str = field(metadata=member("channel_label"))
    items: tuple[Item, ...] = field(default=(), metadata=member("items"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class ChannelLabels:
    """Channel identification: each channel's items."""

    channels: tuple[ChannelTranscript, ...] = field(default=(), metadata=member("channels"))
    number_of_channels: int | None = field(default=None, metadata=member("number_of_channels"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class LanguageScore:
    """A language the service considered, with its score (language identification)."""

    code: str | None = field(default=None, metadata=member("code"))
    score: float | None = field(default=None, metadata=member("score", text_number=True))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class AudioSegment:
    """A stretch of audio with its transcript and the ids of its items (newer layout)."""

    id: int | None = field(default=None, metadata=member("id"))
    transcript: str | None = field(default=None, metadata=member("transcript"))
    start_time: float | None = field(default=None, metadata=member("start_time", text_number=True))
    end_time: float | None = field(default=None, metadata=member("end_time", text_number=True))
    speaker_label: str | None = field(default=None, metadata=member("speaker_label"))
    channel_label: str | None = field(default=None, metadata=member("channel_label"))
    items: tuple[int, ...] | None = field(default=None, metadata=member("items"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class Results:
    """The ``results`` of a transcript: the text, the items and the optional analyses."""

    transcripts: tuple[TranscriptText, ...] = field(metadata=member("transcripts"))
    items: tuple[Item, ...] = field(metadata=member("items"))
    speaker_labels: SpeakerLabels | None = field(default=None, metadata=member("speaker_labels"))
    channel_labels: ChannelLabels | None = field(default=None, metadata=member("channel_labels"))
    language_identification: tuple[LanguageScore, ...] | None = field(
        default=None, metadata=member("language_identification")
    )
    audio_segments: tuple[AudioSegment, ...] | None = field(
        default=None, metadata=member("audio_segments")
    )
    extra: Mapping[str, JsonValue] = extra_field()
