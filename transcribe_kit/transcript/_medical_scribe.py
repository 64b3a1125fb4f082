"""The output documents of AWS HealthScribe (medical scribe) jobs.

A job writes two files: the transcript (a ``Conversation`` object: items, segments with
participant roles and note sections, clinical insights) and the clinical document (a
``ClinicalDocumentation`` object: the note's sections, each summary linked to the
transcript segments it comes from). Their numbers are JSON numbers; their ``Type`` values
are upper case (``PRONUNCIATION``).
"""

from __future__ import annotations

from msgspec import field

from transcribe_kit.transcript._codec import DocumentPart, DocumentRoot, Number


class ScribeAlternative(DocumentPart, frozen=True):
    """A recognised content of an item, with its confidence (0 to 1)."""

    content: str = field(name="Content")
    confidence: Number | None = field(default=None, name="Confidence")


class ScribeItem(DocumentPart, frozen=True):
    """A word or punctuation mark; ``type`` is ``PRONUNCIATION`` or ``PUNCTUATION``."""

    type: str = field(name="Type")
    alternatives: tuple[ScribeAlternative, ...] = field(name="Alternatives")
    begin_audio_time: Number | None = field(default=None, name="BeginAudioTime")
    end_audio_time: Number | None = field(default=None, name="EndAudioTime")


class ParticipantDetails(DocumentPart, frozen=True):
    """Who speaks in a segment (``CLINICIAN_0``, ``PATIENT_0``)."""

    participant_role: str | None = field(default=None, name="ParticipantRole")


class SectionDetails(DocumentPart, frozen=True):
    """The clinical note section a segment belongs to (``SUBJECTIVE``, ``OTHER``)."""

    section_name: str | None = field(default=None, name="SectionName")


class ScribeSegment(DocumentPart, frozen=True):
    """A sentence-like stretch of the conversation, with its speaker and section."""

    segment_id: str | None = field(default=None, name="SegmentId")
    content: str | None = field(default=None, name="Content")
    begin_audio_time: Number | None = field(default=None, name="BeginAudioTime")
    end_audio_time: Number | None = field(default=None, name="EndAudioTime")
    participant_details: ParticipantDetails | None = field(default=None, name="ParticipantDetails")
    section_details: SectionDetails | None = field(default=None, name="SectionDetails")


class InsightSpan(DocumentPart, frozen=True):
    """Where an insight is in a segment's content (character offsets)."""

    segment_id: str | None = field(default=None, name="SegmentId")
    content: str | None = field(default=None, name="Content")
    begin_character_offset: int | None = field(default=None, name="BeginCharacterOffset")
    end_character_offset: int | None = field(default=None, name="EndCharacterOffset")


class InsightAttribute(DocumentPart, frozen=True):
    """A detail of a clinical insight (a test value, a dosage)."""

    attribute_id: str | None = field(default=None, name="AttributeId")
    type: str | None = field(default=None, name="Type")
    spans: tuple[InsightSpan, ...] | None = field(default=None, name="Spans")


class ClinicalInsight(DocumentPart, frozen=True):
    """A clinical entity found in the conversation (a condition, a medication, a test)."""

    insight_id: str | None = field(default=None, name="InsightId")
    insight_type: str | None = field(default=None, name="InsightType")
    category: str | None = field(default=None, name="Category")
    type: str | None = field(default=None, name="Type")
    spans: tuple[InsightSpan, ...] | None = field(default=None, name="Spans")
    attributes: tuple[InsightAttribute, ...] | None = field(default=None, name="Attributes")


class Conversation(DocumentPart, frozen=True):
    """The transcribed conversation of a HealthScribe job."""

    conversation_id: str | None = field(default=None, name="ConversationId")
    job_name: str | None = field(default=None, name="JobName")
    job_type: str | None = field(default=None, name="JobType")
    language_code: str | None = field(default=None, name="LanguageCode")
    transcript_items: tuple[ScribeItem, ...] = field(default=(), name="TranscriptItems")
    transcript_segments: tuple[ScribeSegment, ...] = field(default=(), name="TranscriptSegments")
    clinical_insights: tuple[ClinicalInsight, ...] | None = field(
        default=None, name="ClinicalInsights"
    )


class MedicalScribeTranscript(DocumentRoot, frozen=True):
    """The transcript file of a HealthScribe job (its ``Conversation``)."""

    conversation: Conversation = field(name="Conversation")

    @property
    def text(self) -> str:
        """The segments' contents, one per line."""
        return "\n".join(s.content for s in self.conversation.transcript_segments if s.content)


class EvidenceLink(DocumentPart, frozen=True):
    """A transcript segment a summary statement is drawn from."""

    segment_id: str | None = field(default=None, name="SegmentId")


class SummarizedSegment(DocumentPart, frozen=True):
    """One statement of a note section, with the segments it is drawn from."""

    summarized_segment: str | None = field(default=None, name="SummarizedSegment")
    evidence_links: tuple[EvidenceLink, ...] | None = field(default=None, name="EvidenceLinks")


class ClinicalSection(DocumentPart, frozen=True):
    """A section of the clinical note (``CHIEF_COMPLAINT``, ``ASSESSMENT``, ``PLAN``...)."""

    section_name: str | None = field(default=None, name="SectionName")
    summary: tuple[SummarizedSegment, ...] = field(default=(), name="Summary")


class ClinicalDocumentation(DocumentPart, frozen=True):
    """The clinical note's sections."""

    sections: tuple[ClinicalSection, ...] = field(default=(), name="Sections")
    session_id: str | None = field(default=None, name="SessionId")


class ClinicalDocument(DocumentRoot, frozen=True):
    """The clinical document file of a HealthScribe job."""

    clinical_documentation: ClinicalDocumentation = field(name="ClinicalDocumentation")
