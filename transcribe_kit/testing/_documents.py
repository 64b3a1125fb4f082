"""The documents local jobs write, in the formats the service writes them.

A job's speech comes from what the test gave for its media (a document, used as it is,
or words, timed here), or from a conversation chosen by the job's name. The same speech
makes every document: a transcript (times and confidences as strings, speaker segments
with speaker labels, channels with channel identification, the language scores with
language identification, audio segments), its redacted form (PII as ``[PII]`` with the
redaction's type), subtitles, a Call Analytics document (turns by participant role,
sentiment, loudness, conversation characteristics) and HealthScribe's transcript and
clinical note. Numbers and times come from a generator seeded by the job's name, so a
job's documents are the same on every run.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, Final

from attrs import define

from transcribe_kit.testing._categories import Category, categorize
from transcribe_kit.transcript._call_analytics import CallAnalyticsTranscript
from transcribe_kit.transcript._document import (
    Transcript,
    document_kind,
    parse_document,
    parse_transcript,
)
from transcribe_kit.transcript._medical_scribe import MedicalScribeTranscript

#: A word (letters, digits, apostrophes, hyphens) or one punctuation mark.
_PIECE: Final = re.compile(r"[\w'-]+|[^\w\s]")
#: ``spk_0: words``, ``AGENT: words``, ``PATIENT: words``: who speaks a line.
_SPEAKER_PREFIX: Final = re.compile(r"^\s*(spk_\d+|ch_\d+|[A-Z][A-Z_]*[A-Z0-9])\s*:\s*(.*)$")

_MEETING: Final = (
    "Good morning, everyone. Thanks for joining the weekly planning meeting.",
    "Let's start with the release. Where are we on the new transcription pipeline?",
    "The pipeline is ready for review. We finished the last tests yesterday afternoon.",
    "Great. Maria Garcia will send the notes to the whole team after the call.",
    "Do we have any open questions about the budget for next quarter?",
    "Only one. We need the final numbers by Friday, so please share them early.",
    "That works for me. I will follow up with finance this week.",
    "Perfect. Let's meet again next Tuesday at ten.",
)
_CALL: Final = (
    "Thank you for calling Anchor Bank, this is Daniel speaking. How can I help you today?",
    "Hi Daniel, my name is Maria Garcia. I was charged twice for my last order.",
    "I'm sorry to hear that. Can you confirm the phone number on the account?",
    "Sure, it's 5550123 and the account number is 4815162342.",
    "Thank you. I can see the duplicate charge, and I have refunded it just now.",
    "That's great, thanks for the quick help.",
    "You're welcome. Is there anything else I can do for you?",
    "No, that's all. Have a nice day.",
)
_VISIT: Final = (
    "Good afternoon, Mrs. Garcia. What brings you in today?",
    "I've had a headache and a sore throat for about three days.",
    "Have you had any fever or trouble swallowing?",
    "A mild fever last night, but swallowing is fine.",
    "Your throat looks a little red. I'd like you to rest and drink plenty of fluids.",
    "Should I take anything for the pain?",
    "Ibuprofen twice a day with food should help. Come back if it gets worse.",
    "Okay, thank you, doctor.",
)
_CONVERSATIONS: Final = {
    "transcript": _MEETING,
    "call_analytics": _CALL,
    "medical_scribe": _VISIT,
}
#: Words the generated conversations hold that a PII redaction finds as names.
_NAMES: Final = frozenset({"Maria", "Garcia", "Daniel"})
_EMAIL: Final = re.compile(r"^[\w.+-]+@[\w-]+\.[\w.]+$")

#: Which kind of document each kind of job writes.
DOCUMENT_KINDS: Final = {
    "transcript": "transcript",
    "call_analytics": "call analytics transcript",
    "medical_scribe": "medical scribe transcript",
}


@define(frozen=True)
class Utterance:
    """What one speaker says in one go; ``speaker`` counts from 0 in order of appearance."""

    speaker: int
    text: str


@define(frozen=True)
class Token:
    """A word with its times (seconds) and confidence, or a punctuation mark (no times)."""

    content: str
    speaker: int
    start: float | None = None
    end: float | None = None
    confidence: float = 0.0

    @property
    def is_word(self) -> bool:
        return self.start is not None


@define(frozen=True, kw_only=True)
class Speech:
    """The timed speech of one job, and the generator its other numbers come from."""

    tokens: tuple[Token, ...]
    seed: str

    def rng(self, purpose: str) -> random.Random:
        """A generator of its own for ``purpose``, the same on every run."""
        return random.Random(f"{self.seed}/{purpose}")

    def utterances(self) -> list[list[Token]]:
        """The tokens grouped by consecutive speaker."""
        groups: list[list[Token]] = []
        for token in self.tokens:
            if not groups or groups[-1][0].speaker != token.speaker:
                groups.append([])
            groups[-1].append(token)
        return groups


def utterances_of_text(text: str) -> list[Utterance]:
    """One utterance per non-empty line; a ``speaker:`` prefix names the speaker.

    Lines without a prefix alternate between two speakers (one, if there is one line).
    """
    labels: dict[str, int] = {}
    utterances = []
    for index, line in enumerate(line for line in text.splitlines() if line.strip()):
        prefixed = _SPEAKER_PREFIX.match(line)
        if prefixed is not None:
            speaker = labels.setdefault(prefixed[1], len(labels))
            utterances.append(Utterance(speaker, prefixed[2]))
        else:
            utterances.append(Utterance(index % 2, line.strip()))
    return utterances


def conversation(document: str, seed: str) -> list[Utterance]:
    """A plausible conversation for a job writing ``document``, its length chosen by ``seed``."""
    lines = _CONVERSATIONS[document]
    count = random.Random(f"{seed}/length").randint(4, len(lines))
    return [Utterance(index % 2, line) for index, line in enumerate(lines[:count])]


def utterances_of_document(data: bytes) -> list[Utterance]:
    """The speech of a result document of any kind, by speaker (labels in order of appearance)."""
    document = parse_document(data)
    labels: dict[str | None, int] = {}
    spoken: list[tuple[str | None, str]] = []
    if isinstance(document, Transcript):
        spoken = [(turn.speaker or turn.channel, turn.text) for turn in document.speaker_turns()]
    elif isinstance(document, CallAnalyticsTranscript):
        spoken = [(turn.participant_role, turn.content or "") for turn in document.transcript]
    elif isinstance(document, MedicalScribeTranscript):
        spoken = [
            (
                segment.participant_details.participant_role
                if segment.participant_details
                else None,
                segment.content or "",
            )
            for segment in document.conversation.transcript_segments
        ]
    return [
        Utterance(labels.setdefault(label, len(labels)), text) for label, text in spoken if text
    ]


def matches_job(data: bytes, document: str) -> bool:
    """Whether ``data`` is a document of the type a job writing ``document`` writes."""
    try:
        decoded = json.loads(data)
    except ValueError:
        return False
    return isinstance(decoded, Mapping) and document_kind(decoded) == DOCUMENT_KINDS[document]


def timed(utterances: Sequence[Utterance], seed: str) -> Speech:
    """The utterances as timed tokens: word lengths, pauses and confidences as speech has."""
    rng = random.Random(f"{seed}/timing")
    clock = rng.uniform(0.2, 0.6)
    tokens: list[Token] = []
    for utterance in utterances:
        for piece in _PIECE.findall(utterance.text):
            if not (piece[0].isalnum() or piece[0] in "'_"):
                tokens.append(Token(piece, utterance.speaker))
                continue
            length = (0.09 + 0.055 * len(piece)) * rng.uniform(0.8, 1.25)
            start, end = round(clock, 3), round(clock + length, 3)
            tokens.append(Token(piece, utterance.speaker, start, end, _confidence(rng)))
            clock = end + rng.uniform(0.0, 0.06)
        clock += rng.uniform(0.4, 1.0)
    return Speech(tokens=tuple(tokens), seed=seed)


def _confidence(rng: random.Random) -> float:
    draw = rng.random()
    if draw < 0.45:
        return 1.0
    if draw < 0.96:
        return round(rng.uniform(0.85, 0.999), 3)
    return round(rng.uniform(0.35, 0.7), 3)


def dump(document: Mapping[str, Any]) -> bytes:
    """A document as the service writes it: compact JSON."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def _text(value: float) -> str:
    """A number as the service writes it in transcripts: a string, at most 3 decimals."""
    return str(round(value, 3))


def join(tokens: Sequence[Token], content: Mapping[int, str] | None = None) -> str:
    """The tokens as text, punctuation attached to the word before."""
    parts: list[str] = []
    for index, token in enumerate(tokens):
        shown = token.content if content is None else content.get(index, token.content)
        if not token.is_word and parts:
            parts[-1] += shown
        else:
            parts.append(shown)
    return " ".join(parts)


# PII redaction


@define(frozen=True, kw_only=True)
class Redaction:
    """Which PII to redact (``ALL`` or the types ``PiiEntityTypes`` names)."""

    types: frozenset[str] = frozenset({"ALL"})

    @classmethod
    def of(cls, settings: Mapping[str, Any] | None) -> Redaction | None:
        """The redaction a job's ``ContentRedaction`` asks for, if any."""
        if not settings:
            return None
        return cls(types=frozenset(settings.get("PiiEntityTypes") or ["ALL"]))

    def pii_type(self, token: Token) -> str | None:
        """The PII type of ``token`` if it is to be redacted."""
        found = _pii_type(token.content) if token.is_word else None
        if found is None or not ("ALL" in self.types or found in self.types):
            return None
        return found


def _pii_type(word: str) -> str | None:
    if word in _NAMES:
        return "NAME"
    if _EMAIL.match(word):
        return "EMAIL"
    digits = sum(char.isdigit() for char in word)
    if digits == 0:
        return None
    if digits in (7, 10):
        return "PHONE"
    return "BANK_ACCOUNT_NUMBER" if digits >= 8 else "PIN"


@define(frozen=True, kw_only=True)
class VocabularyFilter:
    """A vocabulary filter applied to a transcript: ``mask``, ``remove`` or ``tag``."""

    words: frozenset[str]
    method: str

    def matches(self, token: Token) -> bool:
        return token.is_word and token.content.lower() in self.words


# Transcription and medical transcription jobs


@define(frozen=True, kw_only=True)
class TranscriptOptions:
    """What a job asked for that shapes its transcript."""

    job_name: str
    account_id: str
    speakers: int | None = None
    """Speaker labels, with at most this many speakers."""
    channels: bool = False
    languages: tuple[str, ...] = ()
    """The language options, the identified one first (language identification)."""
    vocabulary_filter: VocabularyFilter | None = None


def transcript_document(
    speech: Speech, options: TranscriptOptions, redaction: Redaction | None = None
) -> dict[str, Any]:
    """A transcription job's transcript (or, with ``redaction``, its redacted transcript)."""
    items: list[dict[str, Any]] = []
    kept: list[Token] = []
    for token in speech.tokens:
        item = _item(token, len(items), options, redaction, speech)
        if item is not None:
            items.append(item)
            kept.append(token)
    contents = {index: item["alternatives"][0]["content"] for index, item in enumerate(items)}
    results: dict[str, Any] = {"transcripts": [{"transcript": join(kept, contents)}]}
    if options.speakers:
        results["speaker_labels"] = _speaker_labels(items)
    if options.channels:
        results["channel_labels"] = _channel_labels(items)
    results["items"] = items
    if options.languages:
        results["language_identification"] = _language_scores(options.languages, speech)
    results["audio_segments"] = _audio_segments(items, kept, contents, options)
    return {
        "jobName": options.job_name,
        "accountId": options.account_id,
        "status": "COMPLETED",
        "results": results,
    }


def _speaker(token: Token, options: TranscriptOptions) -> str:
    return f"spk_{token.speaker % (options.speakers or 1)}"


def _channel(token: Token) -> str:
    return f"ch_{token.speaker % 2}"


def _item(
    token: Token,
    index: int,
    options: TranscriptOptions,
    redaction: Redaction | None,
    speech: Speech,
) -> dict[str, Any] | None:
    content = token.content
    alternative: dict[str, Any] = {"confidence": _text(token.confidence), "content": content}
    filtered = options.vocabulary_filter
    tagged = filtered is not None and filtered.matches(token)
    if tagged and filtered is not None and filtered.method == "remove":
        return None
    if tagged and filtered is not None and filtered.method == "mask":
        alternative["content"] = "***"
    pii = redaction.pii_type(token) if redaction is not None else None
    if pii is not None:
        score = _text(speech.rng(f"pii/{index}").uniform(0.95, 0.9999))
        alternative = {
            "redactions": [{"confidence": score, "type": pii, "category": "PII"}],
            "confidence": "0.0",
            "content": "[PII]",
        }
    item: dict[str, Any] = {
        "id": index,
        "type": "pronunciation" if token.is_word else "punctuation",
        "alternatives": [alternative],
    }
    if token.start is not None and token.end is not None:
        item["start_time"], item["end_time"] = _text(token.start), _text(token.end)
    if options.speakers:
        item["speaker_label"] = _speaker(token, options)
    if options.channels:
        item["channel_label"] = _channel(token)
    if tagged and filtered is not None and filtered.method == "tag":
        item["vocabulary_filter_match"] = True
    return item


def _runs(items: Sequence[dict[str, Any]], label: str) -> list[list[dict[str, Any]]]:
    """Consecutive items with the same ``label`` member."""
    runs: list[list[dict[str, Any]]] = []
    for item in items:
        if not runs or runs[-1][0][label] != item[label]:
            runs.append([])
        runs[-1].append(item)
    return runs


def _span(items: Sequence[dict[str, Any]]) -> tuple[str, str]:
    words = [item for item in items if "start_time" in item] or [{"start_time": "0.0"}]
    return words[0]["start_time"], words[-1].get("end_time", words[-1]["start_time"])


def _speaker_labels(items: Sequence[dict[str, Any]]) -> dict[str, Any]:
    segments = []
    for run in _runs(items, "speaker_label"):
        start, end = _span(run)
        segments.append(
            {
                "start_time": start,
                "end_time": end,
                "speaker_label": run[0]["speaker_label"],
                "items": [
                    {
                        "speaker_label": item["speaker_label"],
                        "start_time": item["start_time"],
                        "end_time": item["end_time"],
                    }
                    for item in run
                    if "start_time" in item
                ],
            }
        )
    speakers = len({item["speaker_label"] for item in items})
    return {"segments": segments, "channel_label": "ch_0", "speakers": speakers}


def _channel_labels(items: Sequence[dict[str, Any]]) -> dict[str, Any]:
    labels = sorted({item["channel_label"] for item in items})
    channels = [
        {"channel_label": label, "items": [i for i in items if i["channel_label"] == label]}
        for label in labels
    ]
    return {"channels": channels, "number_of_channels": max(2, len(labels))}


def _language_scores(languages: Sequence[str], speech: Speech) -> list[dict[str, str]]:
    rng = speech.rng("languages")
    rest = [rng.uniform(0.0001, 0.002) for _ in languages[1:]]
    scores = [1.0 - sum(rest), *rest]
    return [
        {"score": f"{score:.4f}", "code": code}
        for score, code in zip(scores, languages, strict=True)
    ]


def _audio_segments(
    items: Sequence[dict[str, Any]],
    tokens: Sequence[Token],
    contents: Mapping[int, str],
    options: TranscriptOptions,
) -> list[dict[str, Any]]:
    segments: list[dict[str, Any]] = []
    start_index = 0
    for index, token in enumerate(tokens):
        last = index + 1 == len(tokens) or tokens[index + 1].speaker != token.speaker
        if not last:
            continue
        run = items[start_index : index + 1]
        start, end = _span(run)
        segment: dict[str, Any] = {
            "id": len(segments),
            "transcript": join(
                tokens[start_index : index + 1],
                {i - start_index: contents[i] for i in range(start_index, index + 1)},
            ),
            "start_time": start,
            "end_time": end,
        }
        if options.speakers:
            segment["speaker_label"] = run[0]["speaker_label"]
        if options.channels:
            segment["channel_label"] = run[0]["channel_label"]
        segment["items"] = [item["id"] for item in run]
        segments.append(segment)
        start_index = index + 1
    return segments


def subtitles(transcript: bytes, subtitle_format: str, start_index: int) -> str:
    """The SubRip or WebVTT file of a transcript; SubRip cues numbered from ``start_index``."""
    parsed = parse_transcript(transcript)
    if subtitle_format != "srt":
        return parsed.to_vtt()
    blocks = parsed.to_srt().split("\n\n")
    shift = start_index - 1
    renumbered = []
    for block in blocks:
        number, _, rest = block.partition("\n")
        renumbered.append(f"{int(number) + shift}\n{rest}" if number.isdigit() else block)
    return "\n\n".join(renumbered)


# Call Analytics jobs

#: Words that make a turn's sentiment: a turn with more of one kind than the other is
#: POSITIVE or NEGATIVE, one with as many of each MIXED, one with none NEUTRAL.
_POSITIVE_WORDS: Final = frozenset(
    [
        "thank",
        "thanks",
        "great",
        "glad",
        "happy",
        "perfect",
        "excellent",
        "wonderful",
        "welcome",
        "appreciate",
        "love",
        "nice",
        "helpful",
        "pleased",
        "resolved",
    ]
)
_NEGATIVE_WORDS: Final = frozenset(
    [
        "upset",
        "angry",
        "unhappy",
        "frustrated",
        "frustrating",
        "terrible",
        "awful",
        "disappointed",
        "unacceptable",
        "ridiculous",
        "worst",
        "annoyed",
        "complaint",
        "cancel",
        "wrong",
        "broken",
    ]
)
_SENTIMENT_SCORES: Final = {"POSITIVE": 2.5, "NEGATIVE": -2.0}
#: The shortest pause in which neither participant speaks that counts as non-talk time.
SILENCE_MILLIS: Final = 3000


def _millis(seconds: float | None) -> int:
    return round((seconds or 0.0) * 1000)


def sentiment(words: Sequence[str]) -> str:
    """A turn's sentiment from its words: ``POSITIVE``, ``NEGATIVE``, ``MIXED`` or ``NEUTRAL``."""
    lowered = [word.lower() for word in words]
    positive = sum(word in _POSITIVE_WORDS for word in lowered)
    negative = sum(word in _NEGATIVE_WORDS for word in lowered)
    if positive == negative:
        return "MIXED" if positive else "NEUTRAL"
    return "POSITIVE" if positive > negative else "NEGATIVE"


def _interruptions(turns: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Who started speaking before the one speaking before them finished, and for how long."""
    by_interrupter: dict[str, list[dict[str, int]]] = {}
    for before, turn in itertools.pairwise(turns):
        begin, overlap_end = (
            turn["BeginOffsetMillis"],
            min(before["EndOffsetMillis"], turn["EndOffsetMillis"]),
        )
        if turn["ParticipantRole"] != before["ParticipantRole"] and begin < overlap_end:
            by_interrupter.setdefault(turn["ParticipantRole"], []).append(
                {
                    "BeginOffsetMillis": begin,
                    "DurationMillis": overlap_end - begin,
                    "EndOffsetMillis": overlap_end,
                }
            )
    found = [span for spans in by_interrupter.values() for span in spans]
    return {
        "TotalCount": len(found),
        "TotalTimeMillis": sum(span["DurationMillis"] for span in found),
        "InterruptionsByInterrupter": by_interrupter,
    }


def _non_talk_time(turns: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The pauses of :data:`SILENCE_MILLIS` or more in which nobody speaks."""
    instances = []
    spoken_until = 0
    for turn in sorted(turns, key=lambda turn: turn["BeginOffsetMillis"]):
        if turn["BeginOffsetMillis"] - spoken_until >= SILENCE_MILLIS:
            instances.append(
                {
                    "BeginOffsetMillis": spoken_until,
                    "DurationMillis": turn["BeginOffsetMillis"] - spoken_until,
                    "EndOffsetMillis": turn["BeginOffsetMillis"],
                }
            )
        spoken_until = max(spoken_until, turn["EndOffsetMillis"])
    return {
        "Instances": instances,
        "TotalTimeMillis": sum(span["DurationMillis"] for span in instances),
    }


def call_analytics_document(
    speech: Speech,
    *,
    job_name: str,
    account_id: str,
    language_code: str,
    roles: Sequence[str],
    redaction: Redaction | None = None,
    categories: Sequence[Category] = (),
) -> dict[str, Any]:
    """A Call Analytics job's document (or its redacted form): turns by participant role.

    Each turn's sentiment comes from its words (see :func:`sentiment`); ``categories``
    are matched on the words as spoken, so a redacted document matches as the other does.
    """
    rng = speech.rng("call")
    turns = []
    talk: dict[str, int] = {}
    words: dict[str, int] = {}
    sentiments: dict[str, list[float]] = {}
    for group in speech.utterances():
        role = roles[group[0].speaker % len(roles)]
        items, redacted = [], []
        contents: dict[int, str] = {}
        for index, token in enumerate(group):
            item: dict[str, Any] = {"Type": "pronunciation" if token.is_word else "punctuation"}
            pii = redaction.pii_type(token) if redaction is not None else None
            if pii is not None:
                contents[index] = "[PII]"
                item.update(
                    Content="[PII]", Redaction=[{"Confidence": round(rng.uniform(0.95, 0.9999), 4)}]
                )
                redacted.append(
                    {
                        "BeginOffsetMillis": _millis(token.start),
                        "EndOffsetMillis": _millis(token.end),
                    }
                )
            else:
                item.update(Confidence=round(token.confidence, 4), Content=token.content)
            if token.is_word:
                item.update(
                    BeginOffsetMillis=_millis(token.start), EndOffsetMillis=_millis(token.end)
                )
            items.append(item)
        timed_words = [token for token in group if token.is_word]
        begin, end = _millis(timed_words[0].start), _millis(timed_words[-1].end)
        felt = sentiment([token.content for token in timed_words])
        turn: dict[str, Any] = {
            "LoudnessScores": [
                round(rng.uniform(60.0, 90.0), 2) for _ in range(max(1, (end - begin) // 1000))
            ],
            "Content": join(group, contents),
            "Items": items,
            "Id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "BeginOffsetMillis": begin,
            "EndOffsetMillis": end,
            "Sentiment": felt,
            "ParticipantRole": role,
        }
        if redacted:
            turn["Redaction"] = {"RedactedTimestamps": redacted}
        turns.append(turn)
        talk[role] = talk.get(role, 0) + end - begin
        words[role] = words.get(role, 0) + len(timed_words)
        score = _SENTIMENT_SCORES.get(felt, 0.0)
        sentiments.setdefault(role, []).append(score)
    duration = max((turn["EndOffsetMillis"] for turn in turns), default=0)
    content_metadata: dict[str, Any] = (
        {"Output": "Redacted", "RedactionTypes": ["PII"]} if redaction else {"Output": "Raw"}
    )
    document = {
        "JobStatus": "COMPLETED",
        "LanguageCode": language_code,
        "Transcript": turns,
        "AccountId": account_id,
        "Categories": {"MatchedDetails": {}, "MatchedCategories": []},
        "Channel": "VOICE",
        "JobName": job_name,
        "Participants": [{"ParticipantRole": role} for role in roles],
        "ConversationCharacteristics": {
            "NonTalkTime": _non_talk_time(turns),
            "Interruptions": _interruptions(turns),
            "TotalConversationDurationMillis": duration,
            "Sentiment": {
                "OverallSentiment": {
                    role: round(sum(scores) / len(scores), 1) for role, scores in sentiments.items()
                },
                "SentimentByPeriod": {"QUARTER": {role: [] for role in sentiments}},
            },
            "TalkSpeed": {
                "DetailsByParticipant": {
                    role: {"AverageWordsPerMinute": round(words[role] * 60000 / max(ms, 1))}
                    for role, ms in talk.items()
                }
            },
            "TalkTime": {
                "DetailsByParticipant": {
                    role: {"TotalTimeMillis": ms} for role, ms in talk.items()
                },
                "TotalTimeMillis": sum(talk.values()),
            },
        },
        "ContentMetadata": content_metadata,
    }
    if categories:
        spoken = document
        if redaction is not None:
            spoken = call_analytics_document(
                speech,
                job_name=job_name,
                account_id=account_id,
                language_code=language_code,
                roles=roles,
            )
        document["Categories"] = categorize(spoken, categories)
    return document


# HealthScribe (medical scribe) jobs

_SECTIONS: Final = ("SUBJECTIVE", "SUBJECTIVE", "OBJECTIVE", "ASSESSMENT", "PLAN", "OTHER")
_NOTE_SECTIONS: Final = (
    "CHIEF_COMPLAINT",
    "HISTORY_OF_PRESENT_ILLNESS",
    "ASSESSMENT",
    "PLAN",
)


def medical_scribe_documents(
    speech: Speech, *, job_name: str, roles: Sequence[str]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A HealthScribe job's transcript (``Conversation``) and clinical document."""
    rng = speech.rng("scribe")
    items: list[dict[str, Any]] = []
    segments: list[dict[str, Any]] = []
    for index, group in enumerate(speech.utterances()):
        last_end = 0.0
        for token in group:
            begin = token.start if token.start is not None else last_end
            end = token.end if token.end is not None else last_end
            last_end = end
            items.append(
                {
                    "Alternatives": [
                        {
                            "Confidence": round(token.confidence, 4) if token.is_word else 0,
                            "Content": token.content,
                        }
                    ],
                    "BeginAudioTime": begin,
                    "EndAudioTime": end,
                    "Type": "PRONUNCIATION" if token.is_word else "PUNCTUATION",
                }
            )
        timed_words = [token for token in group if token.is_word]
        segments.append(
            {
                "BeginAudioTime": timed_words[0].start,
                "Content": join(group),
                "EndAudioTime": timed_words[-1].end,
                "ParticipantDetails": {
                    "ParticipantRole": f"{roles[group[0].speaker % len(roles)]}_0"
                },
                "SectionDetails": {"SectionName": _SECTIONS[index % len(_SECTIONS)]},
                "SegmentId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            }
        )
    transcript = {
        "Conversation": {
            "ConversationId": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "JobName": job_name,
            "JobType": "ASYNC",
            "LanguageCode": "en-US",
            "ClinicalInsights": [],
            "TranscriptItems": items,
            "TranscriptSegments": segments,
        }
    }
    sections = [
        {
            "SectionName": name,
            "Summary": [
                {
                    "EvidenceLinks": [{"SegmentId": segment["SegmentId"]}],
                    "SummarizedSegment": segment["Content"],
                }
            ],
        }
        for name, segment in zip(_NOTE_SECTIONS, segments[1:] or segments, strict=False)
    ]
    return transcript, {"ClinicalDocumentation": {"Sections": sections}}


def sync_items(transcript: str) -> list[dict[str, Any]]:
    """``TranscribeAudio`` items for the words and punctuation of ``transcript``.

    Each word takes half a second, one after the other from 0.
    """
    items: list[dict[str, Any]] = []
    words = 0
    for content in _PIECE.findall(transcript):
        item: dict[str, Any] = {"Id": len(items), "Content": content}
        if content[0].isalnum():
            item.update(StartTime=words * 0.5, EndTime=(words + 1) * 0.5)
            words += 1
        items.append(item)
    return items
