"""The output document of Call Analytics (post-call analytics) jobs.

The transcript is a list of turns, each with the participant's role (``AGENT`` or
``CUSTOMER``), its sentiment, loudness scores, the issues, outcomes and action items found
in it, and its words. Matched categories and the conversation's characteristics (talk
time, non-talk time, interruptions, sentiment over time) follow. Times are milliseconds.
"""

from __future__ import annotations

from collections.abc import Mapping

from msgspec import field

from transcribe_kit.transcript._codec import DocumentPart, DocumentRoot, Number, RawJson


class CallItem(DocumentPart, frozen=True):
    """A word or punctuation mark of a turn; times in milliseconds."""

    content: str = field(name="Content")
    type: str | None = field(default=None, name="Type")
    confidence: Number | None = field(default=None, name="Confidence")
    begin_offset_millis: int | None = field(default=None, name="BeginOffsetMillis")
    end_offset_millis: int | None = field(default=None, name="EndOffsetMillis")


class CharacterOffsets(DocumentPart, frozen=True):
    """Where a detected issue, outcome or action item is in a turn's content (characters)."""

    begin: int | None = field(default=None, name="Begin")
    end: int | None = field(default=None, name="End")


class Detection(DocumentPart, frozen=True):
    """An issue, outcome or action item found in a turn."""

    character_offsets: CharacterOffsets | None = field(default=None, name="CharacterOffsets")


class CallTurn(DocumentPart, frozen=True):
    """What one participant said in one go, with its sentiment and detections."""

    participant_role: str | None = field(default=None, name="ParticipantRole")
    content: str | None = field(default=None, name="Content")
    id: str | None = field(default=None, name="Id")
    begin_offset_millis: int | None = field(default=None, name="BeginOffsetMillis")
    end_offset_millis: int | None = field(default=None, name="EndOffsetMillis")
    sentiment: str | None = field(default=None, name="Sentiment")
    loudness_scores: tuple[Number | None, ...] | None = field(default=None, name="LoudnessScores")
    items: tuple[CallItem, ...] | None = field(default=None, name="Items")
    issues_detected: tuple[Detection, ...] | None = field(default=None, name="IssuesDetected")
    outcomes_detected: tuple[Detection, ...] | None = field(default=None, name="OutcomesDetected")
    action_items_detected: tuple[Detection, ...] | None = field(
        default=None, name="ActionItemsDetected"
    )


class TimeRange(DocumentPart, frozen=True):
    """A stretch of the call in milliseconds."""

    begin_offset_millis: int | None = field(default=None, name="BeginOffsetMillis")
    end_offset_millis: int | None = field(default=None, name="EndOffsetMillis")
    duration_millis: int | None = field(default=None, name="DurationMillis")


class CategoryMatch(DocumentPart, frozen=True):
    """Where in the call a category's rules matched."""

    points_of_interest: tuple[TimeRange, ...] = field(default=(), name="PointsOfInterest")


class Categories(DocumentPart, frozen=True):
    """The call analytics categories the call matched."""

    matched_categories: tuple[str, ...] = field(default=(), name="MatchedCategories")
    matched_details: Mapping[str, CategoryMatch] | None = field(default=None, name="MatchedDetails")


class NonTalkTime(DocumentPart, frozen=True):
    """The silences of the call."""

    instances: tuple[TimeRange, ...] = field(default=(), name="Instances")
    total_time_millis: int | None = field(default=None, name="TotalTimeMillis")


class Interruptions(DocumentPart, frozen=True):
    """Interruptions, by the role of who interrupted."""

    total_count: int | None = field(default=None, name="TotalCount")
    total_time_millis: int | None = field(default=None, name="TotalTimeMillis")
    interruptions_by_interrupter: Mapping[str, tuple[TimeRange, ...]] | None = field(
        default=None, name="InterruptionsByInterrupter"
    )


class SentimentCharacteristics(DocumentPart, frozen=True):
    """Sentiment scores (-5 to 5) overall by role; by period kept as written."""

    overall_sentiment: Mapping[str, Number] | None = field(default=None, name="OverallSentiment")
    sentiment_by_period: RawJson = field(default=None, name="SentimentByPeriod")


class ConversationCharacteristics(DocumentPart, frozen=True):
    """The call's characteristics; talk speed and talk time are kept as written."""

    total_conversation_duration_millis: int | None = field(
        default=None, name="TotalConversationDurationMillis"
    )
    non_talk_time: NonTalkTime | None = field(default=None, name="NonTalkTime")
    interruptions: Interruptions | None = field(default=None, name="Interruptions")
    sentiment: SentimentCharacteristics | None = field(default=None, name="Sentiment")
    talk_speed: RawJson = field(default=None, name="TalkSpeed")
    talk_time: RawJson = field(default=None, name="TalkTime")


class Participant(DocumentPart, frozen=True):
    """A participant of the call, by role."""

    participant_role: str | None = field(default=None, name="ParticipantRole")


class CallAnalyticsTranscript(DocumentRoot, frozen=True):
    """The output document of a Call Analytics job."""

    transcript: tuple[CallTurn, ...] = field(name="Transcript")
    job_name: str | None = field(default=None, name="JobName")
    job_status: str | None = field(default=None, name="JobStatus")
    account_id: str | None = field(default=None, name="AccountId")
    language_code: str | None = field(default=None, name="LanguageCode")
    channel: str | None = field(default=None, name="Channel")
    participants: tuple[Participant, ...] | None = field(default=None, name="Participants")
    categories: Categories | None = field(default=None, name="Categories")
    conversation_characteristics: ConversationCharacteristics | None = field(
        default=None, name="ConversationCharacteristics"
    )
    content_metadata: RawJson = field(default=None, name="ContentMetadata")

    @property
    def text(self) -> str:
        """The turns' contents, one per line."""
        return "\n".join(turn.content for turn in self.transcript if turn.content)
