"""The output documents of AWS HealthScribe (medical scribe) jobs.

A job writes two files: the transcript (a ``Conversation`` object: items, segments with
participant roles and note sections, clinical insights) and the clinical document (a
``ClinicalDocumentation`` object: the note's sections, each summary linked to the
transcript segments it comes from). Their numbers are JSON numbers; their ``Type`` values
are upper case (``PRONUNCIATION``).
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import define, field

from transcribe_kit.transcript._codec import JsonValue, extra_field, member


@define(frozen=True, kw_only=True)
class ScribeAlternative:
    """A recognised content of an item, with its confidence (0 to 1)."""

    content: str = field(metadata=member("Content"))
    confidence: float | None = field(default=None, metadata=member("Confidence"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class ScribeItem:
    """A word or punctuation mark; ``type`` is ``PRONUNCIATION`` or ``PUNCTUATION``."""

    type: str = field(metadata=member("Type"))
    alternatives: tuple[ScribeAlternative, ...] = field(metadata=member("Alternatives"))
    begin_audio_time: float | None = field(default=None, metadata=member("BeginAudioTime"))
    end_audio_time: float | None = field(default=None, metadata=member("EndAudioTime"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class ParticipantDetails:
    """Who speaks in a segment (``CLINICIAN_0``, ``PATIENT_0``)."""

    participant_role: str | None = field(default=None, metadata=member("ParticipantRole"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class SectionDetails:
    """The clinical note section a segment belongs to (``SUBJECTIVE``, ``OTHER``)."""

    section_name: str | None = field(default=None, metadata=member("SectionName"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class ScribeSegment:
    """A sentence-like stretch of the conversation, with its speaker and section."""

    segment_id: str | None = field(default=None, metadata=member("SegmentId"))
    content: str | None = field(default=None, metadata=member("Content"))
    begin_audio_time: float | None = field(default=None, metadata=member("BeginAudioTime"))
    end_audio_time: float | None = field(default=None, metadata=member("EndAudioTime"))
    participant_details: ParticipantDetails | None = field(
        default=None, metadata=member("ParticipantDetails")
    )
    section_details: SectionDetails | None = field(default=None, metadata=member("SectionDetails"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class InsightSpan:
    """Where an insight is in a segment's content (character offsets)."""

    segment_id: str | None = field(default=None, metadata=member("SegmentId"))
    content: str | None = field(default=None, metadata=member("Content"))
    begin_character_offset: int | None = field(
        default=None, metadata=member("BeginCharacterOffset")
    )
    end_character_offset: int | None = field(default=None, metadata=member("EndCharacterOffset"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class InsightAttribute:
    """A detail of a clinical insight (a test value, a dosage)."""

    attribute_id: str | None = field(default=None, metadata=member("AttributeId"))
    type: str | None = field(default=None, metadata=member("Type"))
    spans: tuple[InsightSpan, ...] | None = field(default=None, metadata=member("Spans"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class ClinicalInsight:
    """A clinical entity found in the conversation (a condition, a medication, a test)."""

    insight_id: str | None = field(default=None, metadata=member("InsightId"))
    insight_type: str | None = field(default=None, metadata=member("InsightType"))
    category: str | None = field(default=None, metadata=member("Category"))
    type: str | None = field(default=None, metadata=member("Type"))
    spans: tuple[InsightSpan, ...] | None = field(default=None, metadata=member("Spans"))
    attributes: tuple[InsightAttribute, ...] | None = field(
        default=None, metadata=member("Attributes")
    )
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class Conversation:
    """The transcribed conversation of a HealthScribe job."""

    conversation_id: str | None = field(default=None, metadata=member("ConversationId"))
    job_name: str | None = field(default=None, metadata=member("JobName"))
    job_type: str | None = field(default=None, metadata=member("JobType"))
    language_code: str | None = field(default=None, metadata=member("LanguageCode"))
    transcript_items: tuple[ScribeItem, ...] = field(default=(), metadata=member("TranscriptItems"))
    transcript_segments: tuple[ScribeSegment, ...] = field(
        default=(), metadata=member("TranscriptSegments")
    )
    clinical_insights: tuple[ClinicalInsight, ...] | None = field(
        default=None, metadata=member("ClinicalInsights")
    )
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class MedicalScribeTranscript:
    """The transcript file of a HealthScribe job (its ``Conversation``)."""

    conversation: Conversation = field(metadata=member("Conversation"))
    extra: Mapping[str, JsonValue] = extra_field()

    @property
    def text(self) -> str:
        """The segments' contents, one per line."""
        return "\n".join(s.content for s in self.conversation.transcript_segments if s.content)


@define(frozen=True, kw_only=True)
class EvidenceLink:
    """A transcript segment a summary statement is drawn from."""

    segment_id: str | None = field(default=None, metadata=member("SegmentId"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class SummarizedSegment:
    """One statement of a note section, with the segments it is drawn from."""

    summarized_segment: str | None = field(default=None, metadata=member("SummarizedSegment"))
    evidence_links: tuple[EvidenceLink, ...] | None = field(
        default=None, metadata=member("EvidenceLinks")
    )
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class ClinicalSection:
    """A section of the clinical note (``CHIEF_COMPLAINT``, ``ASSESSMENT``, ``PLAN``...)."""

    section_name: str | None = field(default=None, metadata=member("SectionName"))
    summary: tuple[SummarizedSegment, ...] = field(default=(), metadata=member("Summary"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class ClinicalDocumentation:
    """The clinical note's sections."""

    sections: tuple[ClinicalSection, ...] = field(default=(), metadata=member("Sections"))
    session_id: str | None = field(default=None, metadata=member("SessionId"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class ClinicalDocument:
    """The clinical document file of a HealthScribe job."""

    clinical_documentation: ClinicalDocumentation = field(metadata=member("ClinicalDocumentation"))
    extra: Mapping[str, JsonValue] = extra_field()
