"""The local backend's Call Analytics categories: which match a call, and where."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from transcribe_kit.testing import _documents as documents
from transcribe_kit.testing._categories import Category, categorize, post_call
from transcribe_kit.testing._clock import Clock
from transcribe_kit.testing._kinds import CALL_ANALYTICS_CATEGORIES, CALL_ANALYTICS_JOBS
from transcribe_kit.testing._outputs import Site
from transcribe_kit.testing._resources import ResourceStore

#: A 40-second call: (role, begin ms, end ms, words, sentiment) per turn.
TURNS = (
    ("AGENT", 0, 4000, "Thank you for calling, how can I help?", "POSITIVE"),
    ("CUSTOMER", 4500, 12000, "I want to speak to a manager right now.", "NEGATIVE"),
    ("AGENT", 12500, 20000, "Of course, let me transfer you.", "NEUTRAL"),
    ("CUSTOMER", 30000, 40000, "Thanks, I will Speak to a MANAGER.", "POSITIVE"),
)


def _call(
    *,
    interruptions: Mapping[str, list[tuple[int, int]]] | None = None,
    silences: tuple[tuple[int, int], ...] = ((20000, 30000),),
) -> dict[str, Any]:
    def spans(found: list[tuple[int, int]] | tuple[tuple[int, int], ...]) -> list[Any]:
        return [
            {"BeginOffsetMillis": b, "EndOffsetMillis": e, "DurationMillis": e - b}
            for b, e in found
        ]

    return {
        "Transcript": [
            {
                "ParticipantRole": role,
                "BeginOffsetMillis": begin,
                "EndOffsetMillis": end,
                "Content": text,
                "Sentiment": sentiment,
            }
            for role, begin, end, text, sentiment in TURNS
        ],
        "ConversationCharacteristics": {
            "TotalConversationDurationMillis": 40000,
            "NonTalkTime": {"Instances": spans(silences)},
            "Interruptions": {
                "InterruptionsByInterrupter": {
                    role: spans(found) for role, found in (interruptions or {}).items()
                }
            },
        },
    }


def _matched(document: Mapping[str, Any], **rule: Any) -> bool:
    name = "category"
    found = categorize(document, [Category(name=name, rules=(rule,))])
    return bool(found["MatchedCategories"] == [name])


def _phrase(**extra: Any) -> dict[str, Any]:
    return {"TranscriptFilterType": "EXACT", "Targets": ["speak to a manager"], **extra}


def test_a_phrase_matches_whole_words_without_case_or_punctuation() -> None:
    assert _matched(_call(), TranscriptFilter=_phrase())
    assert not _matched(
        _call(), TranscriptFilter=_phrase(Targets=["speak to the manager", "peak to a"])
    )


def test_a_phrase_filter_looks_only_at_its_participant() -> None:
    assert _matched(_call(), TranscriptFilter=_phrase(ParticipantRole="CUSTOMER"))
    assert not _matched(_call(), TranscriptFilter=_phrase(ParticipantRole="AGENT"))


def test_a_negated_phrase_filter_matches_a_call_without_the_phrase() -> None:
    assert _matched(_call(), TranscriptFilter=_phrase(ParticipantRole="AGENT", Negate=True))
    assert not _matched(_call(), TranscriptFilter=_phrase(Negate=True))


def test_an_absolute_time_range_limits_where_a_phrase_is_looked_for() -> None:
    # The phrase is said in the turns at 4.5-12 s and 30-40 s.
    assert _matched(_call(), TranscriptFilter=_phrase(AbsoluteTimeRange={"First": 5000}))
    assert not _matched(_call(), TranscriptFilter=_phrase(AbsoluteTimeRange={"First": 4000}))
    assert _matched(_call(), TranscriptFilter=_phrase(AbsoluteTimeRange={"Last": 10000}))
    assert not _matched(
        _call(), TranscriptFilter=_phrase(AbsoluteTimeRange={"StartTime": 13000, "EndTime": 29000})
    )


def test_a_relative_time_range_is_a_share_of_the_call() -> None:
    # 40-second call: the first 10 % is 0-4 s, the last 25 % is 30-40 s.
    assert not _matched(_call(), TranscriptFilter=_phrase(RelativeTimeRange={"First": 10}))
    assert _matched(_call(), TranscriptFilter=_phrase(RelativeTimeRange={"Last": 25}))
    assert not _matched(
        _call(),
        TranscriptFilter=_phrase(RelativeTimeRange={"StartPercentage": 35, "EndPercentage": 70}),
    )


def test_a_matched_phrase_points_at_the_turns_that_said_it() -> None:
    category = Category(
        name="escalation", rules=({"TranscriptFilter": _phrase(ParticipantRole="CUSTOMER")},)
    )

    found = categorize(_call(), [category])

    assert found == {
        "MatchedDetails": {
            "escalation": {
                "PointsOfInterest": [
                    {"BeginOffsetMillis": 4500, "EndOffsetMillis": 12000},
                    {"BeginOffsetMillis": 30000, "EndOffsetMillis": 40000},
                ]
            }
        },
        "MatchedCategories": ["escalation"],
    }


def test_a_sentiment_filter_reads_the_turns_sentiments_by_role() -> None:
    negative = {"Sentiments": ["NEGATIVE"]}
    assert _matched(_call(), SentimentFilter={**negative, "ParticipantRole": "CUSTOMER"})
    assert not _matched(_call(), SentimentFilter={**negative, "ParticipantRole": "AGENT"})


def test_a_negated_sentiment_filter_wants_a_sentiment_it_does_not_list() -> None:
    customer = {"ParticipantRole": "CUSTOMER", "Negate": True}
    assert not _matched(
        _call(), SentimentFilter={**customer, "Sentiments": ["NEGATIVE", "POSITIVE"]}
    )
    assert _matched(_call(), SentimentFilter={**customer, "Sentiments": ["NEGATIVE"]})


def test_a_sentiment_filter_with_a_time_range_judges_only_those_turns() -> None:
    # The customer ends the call content: no negative turn in the last 10 s.
    assert not _matched(
        _call(),
        SentimentFilter={
            "Sentiments": ["NEGATIVE"],
            "ParticipantRole": "CUSTOMER",
            "AbsoluteTimeRange": {"Last": 10000},
        },
    )


def test_an_interruption_filter_counts_the_interrupters_time_over_the_threshold() -> None:
    call = _call(interruptions={"AGENT": [(11000, 12000), (19000, 21500)]})

    assert _matched(call, InterruptionFilter={"ParticipantRole": "AGENT", "Threshold": 3000})
    assert not _matched(call, InterruptionFilter={"ParticipantRole": "AGENT", "Threshold": 3500})
    assert not _matched(call, InterruptionFilter={"ParticipantRole": "CUSTOMER"})
    assert not _matched(
        call, InterruptionFilter={"Threshold": 3000, "AbsoluteTimeRange": {"First": 15000}}
    )


def test_a_negated_interruption_filter_matches_a_call_without_interruptions() -> None:
    assert _matched(_call(), InterruptionFilter={"Negate": True})
    assert not _matched(
        _call(interruptions={"CUSTOMER": [(100, 900)]}), InterruptionFilter={"Negate": True}
    )


def test_a_non_talk_time_filter_matches_a_silence_as_long_as_the_threshold() -> None:
    assert _matched(_call(), NonTalkTimeFilter={"Threshold": 10000})
    assert not _matched(_call(), NonTalkTimeFilter={"Threshold": 10001})
    assert not _matched(
        _call(), NonTalkTimeFilter={"Threshold": 5000, "RelativeTimeRange": {"First": 50}}
    )
    assert _matched(_call(silences=()), NonTalkTimeFilter={"Threshold": 5000, "Negate": True})


def test_a_category_matches_only_when_every_rule_does() -> None:
    customer_negative = {"SentimentFilter": {"Sentiments": ["NEGATIVE"]}}
    both = Category(name="both", rules=(customer_negative, {"TranscriptFilter": _phrase()}))
    one = Category(
        name="one",
        rules=(customer_negative, {"TranscriptFilter": _phrase(Targets=["cancel my account"])}),
    )

    found = categorize(_call(), [one, both])

    assert found["MatchedCategories"] == ["both"]
    assert set(found["MatchedDetails"]) == {"both"}


def test_only_post_call_categories_apply_to_batch_jobs() -> None:
    rules = [{"SentimentFilter": {"Sentiments": ["NEGATIVE"]}}]
    records = [
        {"CategoryName": "batch", "Rules": rules, "InputType": "POST_CALL"},
        {"CategoryName": "streaming", "Rules": rules, "InputType": "REAL_TIME"},
        {"CategoryName": "default", "Rules": rules},
    ]

    assert [category.name for category in post_call(records)] == ["batch", "default"]


def test_a_job_records_the_categories_that_exist_when_it_starts() -> None:
    store = ResourceStore(site=Site("us-east-1", "123456789012"), clock=Clock())
    rules = [{"SentimentFilter": {"Sentiments": ["NEGATIVE"]}}]
    create = "CreateCallAnalyticsCategory"
    store.answer(create, CALL_ANALYTICS_CATEGORIES, {"CategoryName": "before", "Rules": rules})
    store.answer(
        "StartCallAnalyticsJob",
        CALL_ANALYTICS_JOBS,
        {"CallAnalyticsJobName": "call", "Media": {"MediaFileUri": "s3://media/call.wav"}},
    )
    store.answer(create, CALL_ANALYTICS_CATEGORIES, {"CategoryName": "after", "Rules": rules})
    store.answer(
        "UpdateCallAnalyticsCategory",
        CALL_ANALYTICS_CATEGORIES,
        {"CategoryName": "before", "Rules": []},
    )

    job = store.find(CALL_ANALYTICS_JOBS, "call")

    assert job is not None
    [recorded] = job.recorded[CALL_ANALYTICS_CATEGORIES.key]
    assert (recorded["CategoryName"], recorded["Rules"]) == ("before", rules)


def test_a_turns_sentiment_comes_from_its_words() -> None:
    assert documents.sentiment(["I", "am", "really", "upset", "about", "it"]) == "NEGATIVE"
    assert documents.sentiment(["Great", "thanks"]) == "POSITIVE"
    assert documents.sentiment(["Thanks", "but", "I", "am", "upset"]) == "MIXED"
    assert documents.sentiment(["The", "account", "number"]) == "NEUTRAL"


def test_a_generated_call_reports_the_silences_and_interruptions_its_turns_have() -> None:
    speech = documents.Speech(
        tokens=(
            documents.Token("Hello", 0, 0.0, 1.0, 1.0),
            documents.Token("Hi", 1, 0.5, 2.0, 1.0),
            documents.Token("Anyone", 0, 6.0, 7.0, 1.0),
        ),
        seed="call",
    )

    document = documents.call_analytics_document(
        speech, job_name="call", account_id="1", language_code="en-US", roles=("AGENT", "CUSTOMER")
    )

    characteristics = document["ConversationCharacteristics"]
    assert characteristics["Interruptions"]["InterruptionsByInterrupter"] == {
        "CUSTOMER": [{"BeginOffsetMillis": 500, "DurationMillis": 500, "EndOffsetMillis": 1000}]
    }
    assert characteristics["NonTalkTime"]["Instances"] == [
        {"BeginOffsetMillis": 2000, "DurationMillis": 4000, "EndOffsetMillis": 6000}
    ]
