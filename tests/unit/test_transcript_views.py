"""Views of transcripts (words, speaker turns, channels) and the other document types."""

from __future__ import annotations

import itertools
import json

import pytest

from tests.documents import (
    ALTERNATIVES,
    CALL_ANALYTICS,
    CHANNELS,
    CHANNELS_GROUPED,
    CHINESE,
    CLINICAL_DOCUMENT,
    CUSTOM_VOCABULARY,
    EMPTY,
    HEALTHSCRIBE,
    JAPANESE,
    KOREAN,
    LANGUAGE_IDENTIFICATION,
    MEDICAL,
    MULTIPLE_LANGUAGES,
    NEWER_SPEAKERS,
    NO_SPEAKERS,
    NULL_PUNCTUATION_2018,
    NUMBER_FORMS,
    OLDER_SPEAKERS,
    REDACTED,
    THAI,
    VOCABULARY_FILTER,
)
from transcribe_kit import (
    parse_call_analytics_transcript,
    parse_clinical_document,
    parse_medical_scribe_transcript,
    parse_medical_transcript,
    parse_transcript,
)
from transcribe_kit.transcript import ItemType, document_to_dict
from transcribe_kit.transcript._text import join


def test_turns_of_an_old_layout_file_take_speakers_from_the_segments() -> None:
    transcript = parse_transcript(OLDER_SPEAKERS)

    turns = transcript.speaker_turns()

    assert {turn.speaker for turn in turns} == {"spk_0", "spk_1", "spk_2"}
    assert all(a.speaker != b.speaker for a, b in itertools.pairwise(turns))
    assert [w for turn in turns for w in turn.words] == transcript.words()
    assert all(turn.start_time <= turn.end_time for turn in turns)


def test_turns_of_a_file_with_speakers_on_items() -> None:
    transcript = parse_transcript(NEWER_SPEAKERS)

    turns = transcript.speaker_turns()

    assert turns[0].speaker == "spk_0"
    assert turns[0].text == "Can you say why this city is the best place to live?"
    assert turns[1].text == "Diversity and opportunity."
    assert len({turn.speaker for turn in turns}) == 4


@pytest.mark.parametrize("raw", [NO_SPEAKERS, CUSTOM_VOCABULARY, ALTERNATIVES], ids=str.__name__)
def test_a_file_without_speakers_is_one_turn(raw: bytes) -> None:
    transcript = parse_transcript(raw)

    turns = transcript.speaker_turns()

    assert len(turns) == 1
    assert turns[0].speaker is None
    assert turns[0].text == transcript.text
    assert transcript.channel_texts() == {}
    assert transcript.channels == ()


def test_a_single_speaker_file_is_one_turn_of_that_speaker() -> None:
    transcript = parse_medical_transcript(MEDICAL)

    [turn] = transcript.speaker_turns()

    assert (turn.speaker, turn.text) == ("spk_0", "Professional answer.")
    assert (turn.start_time, turn.end_time) == (0.1, 1.21)


def test_an_empty_transcript_has_no_words_turns_or_cues() -> None:
    transcript = parse_transcript(EMPTY)

    assert (transcript.text, transcript.words(), transcript.speaker_turns()) == ("", [], [])
    assert transcript.to_srt() == ""
    assert transcript.to_vtt() == "WEBVTT\n"


@pytest.mark.parametrize("raw", [CHANNELS, CHANNELS_GROUPED], ids=["older", "grouped"])
def test_channels_instead_of_speakers(raw: bytes) -> None:
    transcript = parse_transcript(raw)

    turns = transcript.speaker_turns()

    assert [(t.speaker, t.channel, t.text) for t in turns][:4] == [
        (None, "ch_0", "Good morning, you're through to the help desk."),
        (None, "ch_1", "Hi, my laptop won't start since the update."),
        (None, "ch_0", "I'm sorry to"),
        (None, "ch_1", "Okay."),
    ]
    assert transcript.channels == ("ch_0", "ch_1")
    assert transcript.channel_texts()["ch_1"] == (
        "Hi, my laptop won't start since the update. Okay. Yes, for ten seconds."
    )


@pytest.mark.parametrize("raw", [CHANNELS, CHANNELS_GROUPED], ids=["older", "grouped"])
def test_words_of_all_channels_are_in_time_order(raw: bytes) -> None:
    words = parse_transcript(raw).words()

    assert [w.start_time for w in words] == sorted(w.start_time for w in words)
    assert {w.channel for w in words} == {"ch_0", "ch_1"}


def test_each_channel_is_a_track_of_its_own() -> None:
    transcript = parse_transcript(CHANNELS_GROUPED)

    tracks = {label: transcript.speaker_turns(channel=label) for label in transcript.channels}

    assert [t.text for t in tracks["ch_0"]] == [
        "Good morning, you're through to the help desk. I'm sorry to hear that. "
        "Have you tried holding the power button?"
    ]
    assert {w.channel for w in transcript.words(channel="ch_1")} == {"ch_1"}
    assert len(transcript.words(channel="ch_0")) + len(transcript.words(channel="ch_1")) == len(
        transcript.words()
    )


def test_words_have_times_and_confidence() -> None:
    raw = json.loads(NO_SPEAKERS)
    transcript = parse_transcript(NO_SPEAKERS)

    words = transcript.words()

    spoken = [i for i in raw["results"]["items"] if i["type"] == "pronunciation"]
    assert len(words) == len(spoken)
    assert words[0].content == "Let's"
    assert words[0].start_time == float(spoken[0]["start_time"])
    assert words[0].confidence == float(spoken[0]["alternatives"][0]["confidence"])


@pytest.mark.parametrize("threshold", [0.0, 0.5, 0.9, 1.01])
def test_low_confidence_words_are_below_the_threshold(threshold: float) -> None:
    transcript = parse_transcript(OLDER_SPEAKERS)

    low = transcript.low_confidence_words(threshold)

    expected = [w for w in transcript.words() if (w.confidence or 0) < threshold]
    assert low == expected
    assert all(word.confidence is not None and word.confidence < threshold for word in low)


def test_item_level_language_codes_are_kept() -> None:
    transcript = parse_transcript(CUSTOM_VOCABULARY)

    assert [item.content for item in transcript.items if item.language_code == "en-US"] == [
        "We",
        "Kubernetes",
        "Terraform",
        "Tuesday",
    ]


def test_numbers_in_every_form_are_floats() -> None:
    raw = json.loads(NUMBER_FORMS)
    transcript = parse_transcript(NUMBER_FORMS)

    written = [i["alternatives"][0]["confidence"] for i in raw["results"]["items"]][:7]
    read = [item.confidence for item in transcript.items][:7]

    assert written == [
        "0.9519",
        "0.03743333333333333",
        "1.0E-4",
        "1.0000",
        "0.910",
        "0.4",
        "0.000000",
    ]
    assert read == [0.9519, 0.03743333333333333, 0.0001, 1.0, 0.91, 0.4, 0.0]
    times = [i["start_time"] for i in raw["results"]["items"] if "start_time" in i]
    assert {len(t.split(".")[1]) for t in times} == {2, 3, 4, 5, 6}
    assert [w.start_time for w in transcript.words()] == [float(t) for t in times]


def test_null_punctuation_confidence_is_none() -> None:
    transcript = parse_transcript(NULL_PUNCTUATION_2018)

    marks = [item for item in transcript.items if item.type is ItemType.PUNCTUATION]

    assert marks
    assert all(item.confidence is None and not item.alternatives[0].extra for item in marks)
    assert transcript.text == "Did you see him ? Because I did not."
    assert transcript.speaker_turns()[0].text == "Did you see him? Because I did not."


def test_redactions_are_read() -> None:
    transcript = parse_transcript(REDACTED)

    redacted = [item for item in transcript.items if item.content == "[PII]"]

    assert transcript.is_redacted is True
    assert [
        (r.type, r.category, r.confidence)
        for i in redacted
        for r in i.alternatives[0].redactions or ()
    ] == [
        ("NAME", "PII", 0.9988),
        ("CREDIT_DEBIT_NUMBER", "PII", 0.9988),
    ]


def test_every_alternative_is_read_the_likeliest_first() -> None:
    transcript = parse_transcript(ALTERNATIVES)

    first = transcript.items[0]

    assert [a.content for a in first.alternatives] == ["I", "I"]
    assert (first.content, first.confidence) == ("I", 0.8841)
    assert transcript.words()[1].content == "scream"


def test_language_identification() -> None:
    results = parse_transcript(LANGUAGE_IDENTIFICATION).results

    assert results.language_code == "fr-FR"
    assert next((s.code, s.score) for s in results.language_identification or ()) == (
        "fr-FR",
        0.9817,
    )


def test_several_languages_in_one_file() -> None:
    transcript = parse_transcript(MULTIPLE_LANGUAGES)

    durations = [
        (d.language_code, d.duration_in_seconds) for d in transcript.results.language_codes or ()
    ]

    assert durations == [("en-US", 2.51), ("es-US", 1.43)]
    assert [i.language_code for i in transcript.items if i.content == "están"] == ["es-US"]
    assert transcript.speaker_turns()[0].text == "Welcome everyone. ¿Cómo están hoy? Let's start."


def test_vocabulary_filter_matches() -> None:
    transcript = parse_transcript(VOCABULARY_FILTER)

    masked = [item.content for item in transcript.items if item.vocabulary_filter_match]

    assert masked == ["***", "***"]
    assert transcript.speaker_turns()[0].text == "That was a *** good game, a *** good one."


@pytest.mark.parametrize(
    ("raw", "first_turn"),
    [
        (JAPANESE, "ええできましたね。"),
        (
            CHINESE,
            "大家好，欢迎来到今天的会议。我们先讨论第一季度的销售情况，然后再看明年的计划安排。",  # noqa: RUF001
        ),
        (THAI, "สวัสดีครับยินดีต้อนรับทุกท่านสู่การประชุมในวันนี้ครับ"),
        (KOREAN, "안녕하세요 여러분."),
    ],
    ids=["japanese", "chinese", "thai", "korean"],
)
def test_words_of_scripts_without_spaces_are_joined_without_them(
    raw: bytes, first_turn: str
) -> None:
    transcript = parse_transcript(raw)

    assert transcript.speaker_turns()[0].text == first_turn
    assert join(turn.text for turn in transcript.speaker_turns()) == transcript.text


def test_latin_words_and_numbers_keep_their_spaces_among_japanese() -> None:
    transcript = parse_transcript(JAPANESE)

    assert transcript.speaker_turns()[-1].text.endswith("AWS のサービスを 3 つ使います。")


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
    assert item.alternatives[0].extra == {"flag": True}
    assert (item.alternatives[0].confidence, item.speaker_label) == (None, None)
    assert document_to_dict(transcript) == raw


def test_healthscribe_transcript() -> None:
    document = parse_medical_scribe_transcript(json.dumps(HEALTHSCRIBE).encode())

    conversation = document.conversation
    assert conversation.job_name == "scribe-job"
    assert conversation.transcript_items[0].type == "PRONUNCIATION"
    assert conversation.transcript_items[1].alternatives[0].confidence == 0.0
    segment = conversation.transcript_segments[0]
    assert segment.participant_details is not None
    assert segment.participant_details.participant_role == "CLINICIAN_0"
    assert document.text.splitlines() == ["Okay.", "Good afternoon."]
    insight = (conversation.clinical_insights or ())[0]
    assert (insight.attributes or ())[0].type == "TEST_VALUE"
    assert document_to_dict(document) == HEALTHSCRIBE


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


def test_item_types_are_the_documented_ones() -> None:
    transcript = parse_transcript(NEWER_SPEAKERS)

    assert {item.type for item in transcript.items} == set(ItemType)
