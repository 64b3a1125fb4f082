"""Views of transcripts (words, speaker turns, channels) and the other document types."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from transcribe_kit import (
    parse_call_analytics_transcript,
    parse_clinical_document,
    parse_medical_scribe_transcript,
    parse_transcript,
)
from transcribe_kit.transcript import ItemType, document_to_dict


def _load(corpus_dir: Path, name: str) -> Any:
    return json.loads((corpus_dir / name).read_bytes())


def test_turns_of_an_old_layout_file_take_speakers_from_the_segments(corpus_dir: Path) -> None:
    transcript = parse_transcript(_load(corpus_dir, "std-old-layout-speakers-callcenter.json"))

    turns = transcript.speaker_turns()

    assert {turn.speaker for turn in turns} == {"spk_0", "spk_1", "spk_2"}
    assert all(a.speaker != b.speaker for a, b in itertools.pairwise(turns))
    assert [w for turn in turns for w in turn.words] == transcript.words()
    assert all(turn.start_time <= turn.end_time for turn in turns)


def test_turns_of_a_file_with_speakers_on_items(corpus_dir: Path) -> None:
    transcript = parse_transcript(_load(corpus_dir, "std-speakers-audio-segments-speakeasy.json"))

    turns = transcript.speaker_turns()

    assert turns[0].speaker == "spk_0"
    assert turns[0].text == "Can you say why America is the greatest country in the world?"
    assert turns[1].text == "Diversity and opportunity."
    assert len({turn.speaker for turn in turns}) == 5


@pytest.mark.parametrize(
    "name",
    [
        "std-old-layout-nospeakers-subtitles.json",
        "std-custom-vocab-en-us-shotaro.json",
        "std-newer-key-order-en-us-aihackathon.json",
    ],
)
def test_a_file_without_speakers_is_one_turn(corpus_dir: Path, name: str) -> None:
    transcript = parse_transcript(_load(corpus_dir, name))

    turns = transcript.speaker_turns()

    assert len(turns) == 1
    assert turns[0].speaker is None
    assert turns[0].text == transcript.text
    assert transcript.channel_texts() == {}


def test_a_single_speaker_file_is_one_turn_of_that_speaker(corpus_dir: Path) -> None:
    transcript = parse_transcript(_load(corpus_dir, "medical-diarization-docs-spk.json"))

    [turn] = transcript.speaker_turns()

    assert (turn.speaker, turn.text) == ("spk_0", "Professional answer.")
    assert (turn.start_time, turn.end_time) == (0.1, 1.21)


def _channel_item(content: str, start: float, channel: str | None) -> dict[str, Any]:
    item: dict[str, Any] = {
        "type": "pronunciation",
        "start_time": f"{start:.3f}",
        "end_time": f"{start + 0.4:.3f}",
        "alternatives": [{"confidence": "0.9", "content": content}],
    }
    if channel is not None:
        item["channel_label"] = channel
    return item


def _channel_document(labelled_items: bool) -> dict[str, Any]:
    """A two-channel transcript; older files leave the channel off the merged items."""
    spoken = [("Hello", 0.0, "ch_0"), ("hi", 1.0, "ch_1"), ("there", 1.5, "ch_1")]
    channels: dict[str, list[dict[str, Any]]] = {"ch_0": [], "ch_1": []}
    for content, start, channel in spoken:
        channels[channel].append(_channel_item(content, start, None))
    items = [_channel_item(c, s, ch if labelled_items else None) for c, s, ch in spoken]
    items.append({"type": "punctuation", "alternatives": [{"confidence": "0.0", "content": "."}]})
    return {
        "jobName": "calls",
        "results": {
            "transcripts": [{"transcript": "Hello hi there."}],
            "channel_labels": {
                "channels": [{"channel_label": k, "items": v} for k, v in channels.items()],
                "number_of_channels": 2,
            },
            "items": items,
        },
    }


@pytest.mark.parametrize("labelled_items", [True, False], ids=["newer", "older"])
def test_channels_instead_of_speakers(labelled_items: bool) -> None:
    transcript = parse_transcript(_channel_document(labelled_items))

    turns = transcript.speaker_turns()

    assert [(t.speaker, t.channel, t.text) for t in turns] == [
        (None, "ch_0", "Hello"),
        (None, "ch_1", "hi there."),
    ]
    assert transcript.channel_texts() == {"ch_0": "Hello", "ch_1": "hi there"}
    assert [w.channel for w in transcript.words()] == ["ch_0", "ch_1", "ch_1"]
    assert transcript.to_srt()


def test_words_have_times_and_confidence(corpus_dir: Path) -> None:
    raw = _load(corpus_dir, "std-old-layout-nospeakers-subtitles.json")
    transcript = parse_transcript(raw)

    words = transcript.words()

    spoken = [i for i in raw["results"]["items"] if i["type"] == "pronunciation"]
    assert len(words) == len(spoken)
    assert (words[0].content, words[0].start_time, words[0].end_time) == ("Let's", 0.25, 0.5)
    assert words[0].confidence == float(spoken[0]["alternatives"][0]["confidence"])


@pytest.mark.parametrize("threshold", [0.0, 0.5, 0.9, 1.01])
def test_low_confidence_words_are_below_the_threshold(corpus_dir: Path, threshold: float) -> None:
    transcript = parse_transcript(_load(corpus_dir, "std-speakers-en-us-8spk-shotaro.json"))

    low = transcript.low_confidence_words(threshold)

    expected = [w for w in transcript.words() if (w.confidence or 0) < threshold]
    assert low == expected
    assert all(word.confidence is not None and word.confidence < threshold for word in low)


def test_item_level_language_codes_are_kept(corpus_dir: Path) -> None:
    transcript = parse_transcript(_load(corpus_dir, "std-custom-vocab-en-us-shotaro.json"))

    assert sum(item.language_code == "en-US" for item in transcript.items) == 16


def test_unknown_keys_values_and_nulls_are_kept() -> None:
    raw = {
        "jobName": "j",
        "newTopLevel": {"a": [1, 2]},
        "results": {
            "transcripts": [{"transcript": "hi"}],
            "items": [
                {
                    "type": "type",
                    "alternatives": [{"content": "hi", "confidence": None, "flag": True}],
                    "start_time": "0.1",
                    "end_time": "0.2",
                    "speaker_label": None,
                }
            ],
        },
    }

    transcript = parse_transcript(raw)

    item = transcript.items[0]
    assert item.type == "type"
    assert not item.type.is_known
    assert transcript.extra == {"newTopLevel": {"a": [1, 2]}}
    assert item.alternatives[0].extra == {"confidence": None, "flag": True}
    assert document_to_dict(transcript)["results"]["items"][0]["speaker_label"] is None  # type: ignore[call-overload,index]


def test_healthscribe_transcript(corpus_dir: Path) -> None:
    document = parse_medical_scribe_transcript(
        _load(corpus_dir, "medical-scribe-transcript-docs-batch.json")
    )

    conversation = document.conversation
    assert conversation.job_name == "`sampleJobName`"
    assert conversation.transcript_items[0].type == "PRONUNCIATION"
    assert conversation.transcript_items[1].alternatives[0].confidence == 0.0
    segment = conversation.transcript_segments[0]
    assert segment.participant_details is not None
    assert segment.participant_details.participant_role == "CLINICIAN_0"
    assert document.text.splitlines()[:2] == ["Okay.", "Good afternoon."]
    insight = (conversation.clinical_insights or ())[4]
    assert (insight.attributes or ())[0].type == "TEST_VALUE"


# The shape of the clinical document as the AWS HealthScribe documentation describes it.
CLINICAL_DOCUMENT = {
    "ClinicalDocumentation": {
        "Sections": [
            {
                "SectionName": "CHIEF_COMPLAINT",
                "Summary": [
                    {
                        "EvidenceLinks": [{"SegmentId": "uuid1"}, {"SegmentId": "uuid2"}],
                        "SummarizedSegment": "Pain in the left hip.",
                    }
                ],
            },
            {"SectionName": "PLAN", "Summary": []},
        ]
    }
}


def test_clinical_document() -> None:
    document = parse_clinical_document(json.dumps(CLINICAL_DOCUMENT))

    [complaint, plan] = document.clinical_documentation.sections
    assert complaint.section_name == "CHIEF_COMPLAINT"
    assert complaint.summary[0].summarized_segment == "Pain in the left hip."
    assert [link.segment_id for link in complaint.summary[0].evidence_links or ()] == [
        "uuid1",
        "uuid2",
    ]
    assert plan.summary == ()
    assert document_to_dict(document) == CLINICAL_DOCUMENT


# The shape of Call Analytics output as the Amazon Transcribe documentation describes it.
CALL_ANALYTICS = {
    "JobStatus": "COMPLETED",
    "LanguageCode": "en-US",
    "AccountId": "111122223333",
    "JobName": "my-call",
    "Channel": "VOICE",
    "Participants": [{"ParticipantRole": "AGENT"}, {"ParticipantRole": "CUSTOMER"}],
    "ContentMetadata": {"Output": "Raw"},
    "Categories": {
        "MatchedCategories": ["positive-resolution"],
        "MatchedDetails": {
            "positive-resolution": {
                "PointsOfInterest": [{"BeginOffsetMillis": 40040, "EndOffsetMillis": 42460}]
            }
        },
    },
    "Transcript": [
        {
            "Id": "1",
            "ParticipantRole": "CUSTOMER",
            "Content": "My card was charged twice and I need a refund.",
            "BeginOffsetMillis": 1000,
            "EndOffsetMillis": 4200,
            "Sentiment": "NEGATIVE",
            "LoudnessScores": [78.63, None, 80.1],
            "IssuesDetected": [{"CharacterOffsets": {"Begin": 0, "End": 26}}],
            "Items": [
                {
                    "Content": "My",
                    "Confidence": 0.99,
                    "BeginOffsetMillis": 1000,
                    "EndOffsetMillis": 1150,
                    "Type": "pronunciation",
                }
            ],
        },
        {
            "Id": "2",
            "ParticipantRole": "AGENT",
            "Content": "I will send you the refund today.",
            "BeginOffsetMillis": 4500,
            "EndOffsetMillis": 6800,
            "Sentiment": "POSITIVE",
            "ActionItemsDetected": [{"CharacterOffsets": {"Begin": 2, "End": 33}}],
            "Items": [],
        },
    ],
    "ConversationCharacteristics": {
        "TotalConversationDurationMillis": 6800,
        "NonTalkTime": {"Instances": [], "TotalTimeMillis": 0},
        "Interruptions": {
            "TotalCount": 1,
            "TotalTimeMillis": 300,
            "InterruptionsByInterrupter": {
                "AGENT": [
                    {"BeginOffsetMillis": 4200, "DurationMillis": 300, "EndOffsetMillis": 4500}
                ]
            },
        },
        "Sentiment": {
            "OverallSentiment": {"AGENT": 2.5, "CUSTOMER": -1.2},
            "SentimentByPeriod": {"QUARTER": {"AGENT": [{"Score": 0.0}]}},
        },
        "TalkSpeed": {"DetailsByParticipant": {"AGENT": {"AverageWordsPerMinute": 150}}},
        "TalkTime": {"DetailsByParticipant": {"AGENT": {"TotalTimeMillis": 2300}}},
    },
}


def test_call_analytics_transcript() -> None:
    document = parse_call_analytics_transcript(json.dumps(CALL_ANALYTICS).encode())

    customer, agent = document.transcript
    assert (customer.participant_role, customer.sentiment) == ("CUSTOMER", "NEGATIVE")
    assert customer.loudness_scores == (78.63, None, 80.1)
    issue = (customer.issues_detected or ())[0].character_offsets
    assert issue is not None
    assert (issue.begin, issue.end) == (0, 26)
    assert agent.action_items_detected is not None
    assert agent.items == ()
    assert document.categories is not None
    assert document.categories.matched_categories == ("positive-resolution",)
    characteristics = document.conversation_characteristics
    assert characteristics is not None
    assert characteristics.sentiment is not None
    assert characteristics.sentiment.overall_sentiment == {"AGENT": 2.5, "CUSTOMER": -1.2}
    assert document.text.splitlines()[1] == "I will send you the refund today."
    assert document_to_dict(document) == CALL_ANALYTICS


def test_item_types_are_the_documented_ones(corpus_dir: Path) -> None:
    transcript = parse_transcript(_load(corpus_dir, "std-newer-key-order-en-us-aihackathon.json"))

    assert {item.type for item in transcript.items} == set(ItemType)
