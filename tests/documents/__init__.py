"""Result documents the project writes itself, one for each layout quirk of real output.

The transcripts are built by :mod:`tests.documents.builder` from lines of speech; the
HealthScribe, clinical and Call Analytics documents are written out here. Each constant is
the document's bytes, as a fetch would hand them over; ``TRANSCRIPTS`` names every
transcript-layout document for the tests that run over all of them.
"""

from __future__ import annotations

import json
import random
from typing import Any

from tests.documents.builder import Layout, Line, build, shortest

_CALL = [
    Line("Thank you for calling, this is Maria. How can I help you today?", "spk_0"),
    Line("Hi, I'd like to check the status of my order, please.", "spk_1"),
    Line("Of course. Could you give me the order number?", "spk_0"),
    Line("Yes, it's four five seven two.", "spk_1"),
    Line("Let me transfer you to my colleague in shipping.", "spk_0"),
    Line("Hello, shipping here. Your order left the warehouse this morning.", "spk_2"),
    Line("Great, thanks.", "spk_1"),
]

#: The older layout: speakers only in speaker_labels.segments, no item ids, 3-decimal times,
#: 4-decimal confidences, punctuation without a confidence, pretty-printed with trailing spaces.
OLDER_SPEAKERS = build(
    _CALL,
    Layout(punctuation_confidence="absent", speaker_segments=True, trailing_spaces=True),
)

#: The newer layout: integer ids, speaker_label on every item (punctuation too), audio
#: segments, speaker_labels naming a channel, status before results.
NEWER_SPEAKERS = build(
    [
        Line("Can you say why this city is the best place to live?", "spk_0"),
        Line("Diversity and opportunity.", "spk_1"),
        Line("The food, the people and the parks.", "spk_2"),
        Line("And what would you change?", "spk_0"),
        Line("The traffic, without a doubt.", "spk_3"),
    ],
    Layout(
        ids=True,
        speaker_on_items=True,
        speaker_on_punctuation=True,
        speaker_segments=True,
        speaker_segments_channel=True,
        audio_segments=True,
        top_keys=("jobName", "accountId", "status", "results"),
        item_keys=("type", "alternatives", "start_time", "end_time"),
        indent=None,
    ),
)

_STORY = [
    Line("Let's begin with the weather. Tomorrow will be sunny, with a light breeze."),
    Line("In the afternoon, clouds move in from the west."),
    Line("Rain is likely overnight, so keep an umbrella close."),
]

#: One speaker, no speaker labels, times with 2 and 3 decimals mixed.
NO_SPEAKERS = build(
    _STORY,
    Layout(
        time=lambda t: f"{t:.2f}" if round(t * 1000) % 3 else f"{t:.3f}",
        punctuation_confidence="absent",
        top_keys=("jobName", "accountId", "status", "results"),
    ),
)

_TWO_CHANNELS = [
    Line("Good morning, you're through to the help desk.", channel="ch_0", start=0.5),
    Line("Hi, my laptop won't start since the update.", channel="ch_1", start=3.4),
    Line("I'm sorry to hear that.", channel="ch_0", start=6.2),
    Line("Okay.", channel="ch_1", start=6.9),
    Line("Have you tried holding the power button?", channel="ch_0", start=8.0),
    Line("Yes, for ten seconds.", channel="ch_1", start=10.6),
]

#: Channel identification as written in 2020: channel_labels with each channel's items, the
#: merged items in time order without a channel_label, times in their shortest form ("0.49").
CHANNELS = build(
    _TWO_CHANNELS,
    Layout(time=shortest, channel_labels=True, indent=4, confidence=lambda i, r: "1.0"),
)

#: Channel identification with channel_label on the merged items, which are grouped by
#: channel (all of ch_0, then ch_1) rather than ordered by time, with overlapping speech.
CHANNELS_GROUPED = build(
    _TWO_CHANNELS,
    Layout(channel_labels=True, channel_on_items=True, grouped_by_channel=True, ids=True),
)

#: A 2018 document: punctuation with "confidence": null, 4-decimal confidences, and the
#: service's text with a space before "?" that the items do not have.
NULL_PUNCTUATION_2018 = build(
    [Line("Did you see him? Because I did not.")],
    Layout(
        punctuation_confidence="null",
        job_name="job-2018-11-05",
        text="Did you see him ? Because I did not.",
    ),
)

_FORMS = ["0.9519", "0.03743333333333333", "1.0E-4", "1.0000", "0.910", "0.4", "0.000000"]

#: Numbers as the service writes them: times with 2 to 6 decimals, confidences with 1 to 17
#: decimals, in exponent form ("1.0E-4"), with trailing zeros ("1.0000").
NUMBER_FORMS = build(
    [Line("Numbers are written in many forms by the service, as seen here today.")],
    Layout(
        time=lambda t: f"{t:.{2 + round(t * 1000) % 5}f}",
        confidence=lambda index, rng: _FORMS[index % len(_FORMS)],
    ),
)


def _redaction(kind: str) -> dict[str, Any]:
    return {
        "confidence": "0.9988",
        "content": "[PII]",
        "redactions": [{"confidence": "0.9988", "type": kind, "category": "PII"}],
    }


#: PII redaction: redacted words as [PII] with the redaction's category, type and confidence.
REDACTED = build(
    [Line("My name is [PII] and my card number is [PII].", "spk_0")],
    Layout(
        speaker_on_items=True,
        speaker_segments=True,
        word_extra=lambda index, word: (
            {"alternatives": [_redaction("NAME" if index == 3 else "CREDIT_DEBIT_NUMBER")]}
            if word == "[PII]"
            else {}
        ),
        top_extra={"isRedacted": True},
    ),
)


#: Alternative transcriptions: several alternatives per word, the likeliest first.
ALTERNATIVES = build(
    [Line("I scream for ice cream.")],
    Layout(
        word_extra=lambda index, word: {
            "alternatives": [
                {"confidence": "0.8841", "content": word},
                {"confidence": "0.1022", "content": word.upper()},
            ]
        }
    ),
)

#: Language identification of a single language: the language and every language's score.
LANGUAGE_IDENTIFICATION = build(
    [Line("Bonjour à tous, et bienvenue.")],
    Layout(
        results_extra={
            "language_code": "fr-FR",
            "language_identification": [
                {"score": "0.9817", "code": "fr-FR"},
                {"score": "0.0101", "code": "fr-CA"},
                {"score": "0.0082", "code": "en-US"},
            ],
        }
    ),
)

#: Several languages in one file: a language code on each item and each language's duration.
MULTIPLE_LANGUAGES = build(
    [Line("Welcome everyone."), Line("¿Cómo están hoy?"), Line("Let's start.")],
    Layout(
        word_extra=lambda index, word: {"language_code": "es-US" if 2 <= index <= 4 else "en-US"},
        results_extra={
            "language_codes": [
                {"language_code": "en-US", "duration_in_seconds": 2.51},
                {"language_code": "es-US", "duration_in_seconds": 1.43},
            ],
            "language_identification": [
                {"score": "0.6102", "code": "en-US"},
                {"score": "0.3898", "code": "es-US"},
            ],
        },
    ),
)

#: A vocabulary filter in mask mode: filtered words written *** and flagged.
VOCABULARY_FILTER = build(
    [Line("That was a *** good game, a *** good one.")],
    Layout(word_extra=lambda i, w: {"vocabulary_filter_match": True} if w == "***" else {}),
)

#: Words matched from a custom vocabulary carry an item-level language_code; others do not.
CUSTOM_VOCABULARY = build(
    [Line("We deployed Kubernetes and Terraform on Tuesday.")],
    Layout(word_extra=lambda i, w: {"language_code": "en-US"} if w[0].isupper() else {}),
)

_MEDICAL_ITEMS = [
    {"start_time": "0.100", "end_time": "0.710", "type": "pronunciation",
     "alternatives": [{"confidence": "1.0", "content": "Professional"}]},
    {"start_time": "0.710", "end_time": "1.210", "type": "pronunciation",
     "alternatives": [{"confidence": "0.9987", "content": "answer"}]},
    {"type": "punctuation", "alternatives": [{"content": "."}]},
]  # fmt: skip

#: A Transcribe Medical transcript with one speaker: a segment starting at "0.000000",
#: placeholder job and account names, mixed space and tab indentation.
MEDICAL = (
    json.dumps(
        {
            "jobName": "job ID",
            "accountId": "account ID",
            "results": {
                "transcripts": [{"transcript": "Professional answer."}],
                "speaker_labels": {
                    "speakers": 1,
                    "segments": [
                        {
                            "start_time": "0.000000",
                            "speaker_label": "spk_0",
                            "end_time": "1.430000",
                            "items": [
                                {
                                    "start_time": "0.100",
                                    "speaker_label": "spk_0",
                                    "end_time": "0.710",
                                },
                                {
                                    "start_time": "0.710",
                                    "speaker_label": "spk_0",
                                    "end_time": "1.210",
                                },
                            ],
                        }
                    ],
                },
                "items": _MEDICAL_ITEMS,
            },
            "status": "COMPLETED",
        },
        indent=2,
    )
    .replace('\n      "', '\n\t  "')
    .encode()
)

#: A transcript of a silent file: no words at all.
EMPTY = build([], Layout())


def _no_space(lines: list[tuple[str, str | None]], seed: int) -> bytes:
    return build(
        [Line(text, speaker) for text, speaker in lines],
        Layout(speaker_on_items=True, speaker_segments=True, ids=True, seed=seed),
    )


#: Japanese: tokens as the service splits them, joined without spaces in the text.
JAPANESE = _no_space(
    [
        ("ええ でき まし た ね 。", "spk_0"),
        ("今日 は 東京 で 会議 が あり ます 。 その 後 、 大阪 へ 移動 し て 、 "
         "明日 の 朝 に 新しい プロジェクト の 説明 を し ます 。", "spk_1"),
        ("AWS の サービス を 3 つ 使い ます 。", "spk_1"),
    ],
    seed=11,
)  # fmt: skip

#: Chinese (Simplified).
CHINESE = _no_space(
    [
        ("大家 好 ， 欢迎 来到 今天 的 会议 。", "spk_0"),
        ("我们 先 讨论 第一 季度 的 销售 情况 ， 然后 再 看 明年 的 计划 安排 。", "spk_0"),
    ],
    seed=12,
)

#: Thai: no spaces between words, combining vowel and tone marks.
THAI = _no_space(
    [("สวัสดี ครับ ยินดี ต้อนรับ ทุก ท่าน สู่ การ ประชุม ใน วันนี้ ครับ", "spk_0")],
    seed=13,
)

#: Korean: written with spaces between words, in full-width Hangul.
KOREAN = _no_space(
    [
        ("안녕하세요 여러분 .", "spk_0"),
        ("오늘 회의 에서는 새로운 프로젝트 일정 과 예산 을 함께 논의 하겠습니다 .", "spk_1"),
    ],
    seed=14,
)

#: Every document in the transcript layout (standard and medical), by name.
TRANSCRIPTS: dict[str, bytes] = {
    "older-speakers": OLDER_SPEAKERS,
    "newer-speakers": NEWER_SPEAKERS,
    "no-speakers": NO_SPEAKERS,
    "channels": CHANNELS,
    "channels-grouped": CHANNELS_GROUPED,
    "null-punctuation-2018": NULL_PUNCTUATION_2018,
    "number-forms": NUMBER_FORMS,
    "redacted": REDACTED,
    "alternatives": ALTERNATIVES,
    "language-identification": LANGUAGE_IDENTIFICATION,
    "multiple-languages": MULTIPLE_LANGUAGES,
    "vocabulary-filter": VOCABULARY_FILTER,
    "custom-vocabulary": CUSTOM_VOCABULARY,
    "medical": MEDICAL,
    "empty": EMPTY,
    "japanese": JAPANESE,
    "chinese": CHINESE,
    "thai": THAI,
    "korean": KOREAN,
}


def long_transcript(words: int, seed: int = 3) -> bytes:
    """A long monologue of about ``words`` words with sentences of 6 to 24 words."""
    rng = random.Random(seed)
    vocabulary = [
        "the",
        "team",
        "will",
        "review",
        "our",
        "plan",
        "for",
        "next",
        "quarter",
        "and",
        "report",
        "on",
        "data",
    ]
    lines: list[Line] = []
    while sum(len(line.text.split()) for line in lines) < words:
        sentence = [rng.choice(vocabulary) for _ in range(rng.randint(6, 24))]
        if len(sentence) > 10:
            sentence[len(sentence) // 2] += ","
        lines.append(Line(" ".join(sentence).capitalize() + rng.choice(".?."), "spk_0"))
    return build(lines, Layout(speaker_on_items=True, ids=True))


#: An AWS HealthScribe transcript file (``Conversation``), numbers as JSON numbers.
HEALTHSCRIBE: dict[str, Any] = {
    "Conversation": {
        "ConversationId": "conversation-1",
        "JobName": "scribe-job",
        "JobType": "ASYNC",
        "LanguageCode": "en-US",
        "TranscriptItems": [
            {"Alternatives": [{"Confidence": 0.7, "Content": "Okay"}], "BeginAudioTime": 0.16,
             "EndAudioTime": 0.6, "Type": "PRONUNCIATION"},
            {"Alternatives": [{"Confidence": 0, "Content": "."}], "BeginAudioTime": 0,
             "EndAudioTime": 0, "Type": "PUNCTUATION"},
            {"Alternatives": [{"Confidence": 0.99, "Content": "Good"}], "BeginAudioTime": 1.2,
             "EndAudioTime": 1.44, "Type": "PRONUNCIATION"},
        ],
        "TranscriptSegments": [
            {"SegmentId": "s1", "BeginAudioTime": 0.16, "EndAudioTime": 0.6, "Content": "Okay.",
             "ParticipantDetails": {"ParticipantRole": "CLINICIAN_0"},
             "SectionDetails": {"SectionName": "OTHER"}},
            {"SegmentId": "s2", "BeginAudioTime": 1.2, "EndAudioTime": 2.4,
             "Content": "Good afternoon.",
             "ParticipantDetails": {"ParticipantRole": "PATIENT_0"},
             "SectionDetails": {"SectionName": "SUBJECTIVE"}},
        ],
        "ClinicalInsights": [
            {"InsightId": "i1", "InsightType": "ClinicalEntity",
             "Category": "TEST_TREATMENT_PROCEDURE", "Type": "TEST_NAME",
             "Spans": [{"SegmentId": "s2", "Content": "blood pressure",
                        "BeginCharacterOffset": 4, "EndCharacterOffset": 18}],
             "Attributes": [{"AttributeId": "a1", "Type": "TEST_VALUE",
                             "Spans": [{"SegmentId": "s2", "Content": "120 over 80"}]}]},
        ],
    }
}  # fmt: skip

#: An AWS HealthScribe clinical document (``ClinicalDocumentation``).
CLINICAL_DOCUMENT: dict[str, Any] = {
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

#: A Call Analytics output document.
CALL_ANALYTICS: dict[str, Any] = {
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

__all__ = [
    "ALTERNATIVES",
    "CALL_ANALYTICS",
    "CHANNELS",
    "CHANNELS_GROUPED",
    "CHINESE",
    "CLINICAL_DOCUMENT",
    "CUSTOM_VOCABULARY",
    "EMPTY",
    "HEALTHSCRIBE",
    "JAPANESE",
    "KOREAN",
    "LANGUAGE_IDENTIFICATION",
    "MEDICAL",
    "MULTIPLE_LANGUAGES",
    "NEWER_SPEAKERS",
    "NO_SPEAKERS",
    "NULL_PUNCTUATION_2018",
    "NUMBER_FORMS",
    "OLDER_SPEAKERS",
    "REDACTED",
    "THAI",
    "TRANSCRIPTS",
    "VOCABULARY_FILTER",
    "long_transcript",
]
