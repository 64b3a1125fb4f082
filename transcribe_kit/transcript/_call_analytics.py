"""The output document of Call Analytics (post-call analytics) jobs.

The transcript is a list of turns, each with the participant's role (``AGENT`` or
``CUSTOMER``), its sentiment, loudness scores, the issues, outcomes and action items found
in it, and its words. Matched categories and the conversation's characteristics (talk
time, non-talk time, interruptions, sentiment over time) follow. Times are milliseconds.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import define, field

from transcribe_kit.transcript._codec import JsonValue, extra_field, member


@define(frozen=True, kw_only=True)
class CallItem:
    """A word or punctuation mark of a turn; times in milliseconds."""

    content: str = field(metadata=member("Content"))
    type: str | None = field(default=None, metadata=member("Type"))
    confidence: float | None = field(default=None, metadata=member("Confidence"))
    begin_offset_millis: int | None = field(default=None, metadata=member("BeginOffsetMillis"))
    end_offset_millis: int | None = field(default=None, metadata=member("EndOffsetMillis"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class CharacterOffsets:
    """Where a detected issue, outcome or action item is in a turn's content (characters)."""

    begin: int | None = field(default=None, metadata=member("Begin"))
    end: int | None = field(default=None, metadata=member("End"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class Detection:
    """An issue, outcome or action item found in a turn."""

    character_offsets: CharacterOffsets | None = field(
        default=None, metadata=member("CharacterOffsets")
    )
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class CallTurn:
    """What one participant said in one go, with its sentiment and detections."""

    participant_role: str | None = field(default=None, metadata=member("ParticipantRole"))
    content: str | None = field(default=None, metadata=member("Content"))
    id: str | None = field(default=None, metadata=member("Id"))
    begin_offset_millis: int | None = field(default=None, metadata=member("BeginOffsetMillis"))
    end_offset_millis: int | None = field(default=None, metadata=member("EndOffsetMillis"))
    sentiment: str | None = field(default=None, metadata=member("Sentiment"))
    loudness_scores: tuple[float | None, ...] | None = field(
        default=None, metadata=member("LoudnessScores")
    )
    items: tuple[CallItem, ...] | None = field(default=None, metadata=member("Items"))
    issues_detected: tuple[Detection, ...] | None = field(
        default=None, metadata=member("IssuesDetected")
    )
    outcomes_detected: tuple[Detection, ...] | None = field(
        default=None, metadata=member("OutcomesDetected")
    )
    action_items_detected: tuple[Detection, ...] | None = field(
        default=None, metadata=member("ActionItemsDetected")
    )
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class TimeRange:
    """A stretch of the call in milliseconds."""

    begin_offset_millis: int | None = field(default=None, metadata=member("BeginOffsetMillis"))
    end_offset_millis: int | None = field(default=None, metadata=member("EndOffsetMillis"))
    duration_millis: int | None = field(default=None, metadata=member("DurationMillis"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class CategoryMatch:
    """Where in the call a category's rules matched."""

    points_of_interest: tuple[TimeRange, ...] = field(
        default=(), metadata=member("PointsOfInterest")
    )
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class Categories:
    """The call analytics categories the call matched."""

    matched_categories: tuple[str, ...] = field(default=(), metadata=member("MatchedCategories"))
    matched_details: Mapping[str, CategoryMatch] | None = field(
        default=None, metadata=member("MatchedDetails")
    )
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class NonTalkTime:
    """The silences of the call."""

    instances: tuple[TimeRange, ...] = field(default=(), metadata=member("Instances"))
    total_time_millis: int | None = field(default=None, metadata=member("TotalTimeMillis"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class Interruptions:
    """Interruptions, by the role of who interrupted."""

    total_count: int | None = field(default=None, metadata=member("TotalCount"))
    total_time_millis: int | None = field(default=None, metadata=member("TotalTimeMillis"))
    interruptions_by_interrupter: Mapping[str, tuple[TimeRange, ...]] | None = field(
        default=None, metadata=member("InterruptionsByInterrupter")
    )
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class SentimentCharacteristics:
    """Sentiment scores (-5 to 5) overall by role; by period kept as written."""

    overall_sentiment: Mapping[str, float] | None = field(
        default=None, metadata=member("OverallSentiment")
    )
    sentiment_by_period: JsonValue = field(
        default=None, metadata=member("SentimentByPeriod", raw=True)
    )
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class ConversationCharacteristics:
    """The call's characteristics; talk speed and talk time are kept as written."""

    total_conversation_duration_millis: int | None = field(
        default=None, metadata=member("TotalConversationDurationMillis")
    )
    non_talk_time: NonTalkTime | None = field(default=None, metadata=member("NonTalkTime"))
    interruptions: Interruptions | None = field(default=None, metadata=member("Interruptions"))
    sentiment: SentimentCharacteristics | None = field(default=None, metadata=member("Sentiment"))
    talk_speed: JsonValue = field(default=None, metadata=member("TalkSpeed", raw=True))
    talk_time: JsonValue = field(default=None, metadata=member("TalkTime", raw=True))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class Participant:
    """A participant of the call, by role."""

    participant_role: str | None = field(default=None, metadata=member("ParticipantRole"))
    extra: Mapping[str, JsonValue] = extra_field()


@define(frozen=True, kw_only=True)
class CallAnalyticsTranscript:
    """The output document of a Call Analytics job."""

    transcript: tuple[CallTurn, ...] = field(metadata=member("Transcript"))
    job_name: str | None = field(default=None, metadata=member("JobName"))
    job_status: str | None = field(default=None, metadata=member("JobStatus"))
    account_id: str | None = field(default=None, metadata=member("AccountId"))
    language_code: str | None = field(default=None, metadata=member("LanguageCode"))
    channel: str | None = field(default=None, metadata=member("Channel"))
    participants: tuple[Participant, ...] | None = field(
        default=None, metadata=member("Participants")
    )
    categories: Categories | None = field(default=None, metadata=member("Categories"))
    conversation_characteristics: ConversationCharacteristics | None = field(
        default=None, metadata=member("ConversationCharacteristics")
    )
    content_metadata: JsonValue = field(default=None, metadata=member("ContentMetadata", raw=True))
    extra: Mapping[str, JsonValue] = extra_field()

    @property
    def text(self) -> str:
        """The turns' contents, one per line."""
        return "\n".join(turn.content for turn in self.transcript if turn.content)
