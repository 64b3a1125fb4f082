"""Result documents: typed transcripts and their views (text, words, speaker turns, subtitles).

``parse_transcript`` reads the transcript a transcription job writes; the other
``parse_*`` functions read the medical, HealthScribe and Call Analytics documents, and
``parse_document`` any of them. All take bytes, text or an already decoded dict, and raise
:class:`~transcribe_kit.errors.TranscriptParseError` naming the path of a malformed value.
``TranscribeClient.fetch_transcript`` reads a job's document from S3 or a presigned link
(within :class:`~transcribe_kit.FetchLimits`) and parses it.

Each name is imported from its module when first used (see :mod:`transcribe_kit._lazy`):
a program that never reads a transcript does not load the document classes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from transcribe_kit._lazy import lazy_attributes

if TYPE_CHECKING:
    from transcribe_kit.config import CaptionOptions
    from transcribe_kit.transcript._call_analytics import (
        CallAnalyticsTranscript,
        CallItem,
        CallTurn,
        Categories,
        CategoryMatch,
        CharacterOffsets,
        ConversationCharacteristics,
        Detection,
        Interruptions,
        NonTalkTime,
        Participant,
        SentimentCharacteristics,
        TimeRange,
    )
    from transcribe_kit.transcript._captions import Cue
    from transcribe_kit.transcript._codec import JsonValue
    from transcribe_kit.transcript._document import (
        ResultDocument,
        Transcript,
        document_kind,
        document_to_dict,
        parse_call_analytics_transcript,
        parse_clinical_document,
        parse_document,
        parse_medical_scribe_transcript,
        parse_medical_transcript,
        parse_transcript,
    )
    from transcribe_kit.transcript._medical_scribe import (
        ClinicalDocument,
        ClinicalDocumentation,
        ClinicalInsight,
        ClinicalSection,
        Conversation,
        EvidenceLink,
        InsightAttribute,
        InsightSpan,
        MedicalScribeTranscript,
        ParticipantDetails,
        ScribeAlternative,
        ScribeItem,
        ScribeSegment,
        SectionDetails,
        SummarizedSegment,
    )
    from transcribe_kit.transcript._standard import (
        Alternative,
        AudioSegment,
        ChannelLabels,
        ChannelTranscript,
        Item,
        ItemType,
        LanguageScore,
        Redaction,
        Results,
        SpeakerLabels,
        SpeakerSegment,
        SpeakerSegmentItem,
        TranscriptText,
    )
    from transcribe_kit.transcript._views import SpeakerTurn, Word

__all__ = [
    "Alternative",
    "AudioSegment",
    "CallAnalyticsTranscript",
    "CallItem",
    "CallTurn",
    "CaptionOptions",
    "Categories",
    "CategoryMatch",
    "ChannelLabels",
    "ChannelTranscript",
    "CharacterOffsets",
    "ClinicalDocument",
    "ClinicalDocumentation",
    "ClinicalInsight",
    "ClinicalSection",
    "Conversation",
    "ConversationCharacteristics",
    "Cue",
    "Detection",
    "EvidenceLink",
    "InsightAttribute",
    "InsightSpan",
    "Interruptions",
    "Item",
    "ItemType",
    "JsonValue",
    "LanguageScore",
    "MedicalScribeTranscript",
    "NonTalkTime",
    "Participant",
    "ParticipantDetails",
    "Redaction",
    "ResultDocument",
    "Results",
    "ScribeAlternative",
    "ScribeItem",
    "ScribeSegment",
    "SectionDetails",
    "SentimentCharacteristics",
    "SpeakerLabels",
    "SpeakerSegment",
    "SpeakerSegmentItem",
    "SpeakerTurn",
    "SummarizedSegment",
    "TimeRange",
    "Transcript",
    "TranscriptText",
    "Word",
    "document_kind",
    "document_to_dict",
    "parse_call_analytics_transcript",
    "parse_clinical_document",
    "parse_document",
    "parse_medical_scribe_transcript",
    "parse_medical_transcript",
    "parse_transcript",
]

_HOMES: Final[dict[str, tuple[str, ...]]] = {
    "transcribe_kit.transcript._call_analytics": (
        "CallAnalyticsTranscript",
        "CallItem",
        "CallTurn",
        "Categories",
        "CategoryMatch",
        "CharacterOffsets",
        "ConversationCharacteristics",
        "Detection",
        "Interruptions",
        "NonTalkTime",
        "Participant",
        "SentimentCharacteristics",
        "TimeRange",
    ),
    "transcribe_kit.config": ("CaptionOptions",),
    "transcribe_kit.transcript._captions": ("Cue",),
    "transcribe_kit.transcript._codec": ("JsonValue",),
    "transcribe_kit.transcript._document": (
        "ResultDocument",
        "Transcript",
        "document_kind",
        "document_to_dict",
        "parse_call_analytics_transcript",
        "parse_clinical_document",
        "parse_document",
        "parse_medical_scribe_transcript",
        "parse_medical_transcript",
        "parse_transcript",
    ),
    "transcribe_kit.transcript._medical_scribe": (
        "ClinicalDocument",
        "ClinicalDocumentation",
        "ClinicalInsight",
        "ClinicalSection",
        "Conversation",
        "EvidenceLink",
        "InsightAttribute",
        "InsightSpan",
        "MedicalScribeTranscript",
        "ParticipantDetails",
        "ScribeAlternative",
        "ScribeItem",
        "ScribeSegment",
        "SectionDetails",
        "SummarizedSegment",
    ),
    "transcribe_kit.transcript._standard": (
        "Alternative",
        "AudioSegment",
        "ChannelLabels",
        "ChannelTranscript",
        "Item",
        "ItemType",
        "LanguageScore",
        "Redaction",
        "Results",
        "SpeakerLabels",
        "SpeakerSegment",
        "SpeakerSegmentItem",
        "TranscriptText",
    ),
    "transcribe_kit.transcript._views": (
        "SpeakerTurn",
        "Word",
    ),
}

if not TYPE_CHECKING:
    # Hidden from type checkers, which would otherwise take any name as defined here.
    __getattr__ = lazy_attributes(__name__, _HOMES)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
