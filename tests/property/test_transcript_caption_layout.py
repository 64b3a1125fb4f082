"""The fast subtitle layout gives the cues of the word-by-word reference, for any transcript."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.documents import CHANNELS, JAPANESE, KOREAN, NEWER_SPEAKERS, THAI, long_transcript
from tests.documents.captions_reference import ReferenceCue, reference_cues
from transcribe_kit import CaptionOptions, Transcript, parse_transcript
from transcribe_kit.transcript._captions import build_cues

_TEXTS = st.one_of(
    st.text(alphabet="abcdefghij", min_size=1, max_size=14),
    st.text(alphabet="東京会議ですかのをナ", min_size=1, max_size=5),
    st.text(alphabet="한국어대화", min_size=1, max_size=4),
    # Thai with combining marks: tokens of width 0 and no space between them.
    st.text(alphabet="สวัสดีครับ\u0e31\u0e34", min_size=1, max_size=6),
    st.text(alphabet="ab &<>\t\u3000", min_size=1, max_size=5),
)
_WORDS = st.lists(
    st.tuples(
        _TEXTS,
        # Durations and pauses in steps that add up to the limits of the options exactly.
        st.sampled_from([0.0, 0.05, 0.25, 0.5, 1.0, 2.0, 4.0, 9.0]),
        st.sampled_from([0.0, 0.0, 0.25, 0.3, 2.0, 2.5, -0.25]),  # negative: an overlap
        st.sampled_from(["", "", ",", ".", ".", "?", "。", "、", "¿"]),
        st.sampled_from([None, "spk_0", "spk_0", "spk_1"]),
        st.sampled_from([None, None, "ch_0", "ch_1"]),
    ),
    min_size=1,
    max_size=120,
)
# Speech at an even pace: sentences end exactly at the minimum duration, cues fill exactly
# the maximum, pauses last exactly the gap that breaks a run.
_EVEN_WORDS = st.lists(
    st.tuples(
        _TEXTS,
        st.just(0.25),
        st.sampled_from([0.0, 0.0, 0.0, 0.25]),
        st.sampled_from(["", "", ".", ","]),
        st.sampled_from(["spk_0", "spk_0", "spk_0", "spk_1"]),
        st.none(),
    ),
    min_size=1,
    max_size=120,
)
_OPTIONS = st.builds(
    CaptionOptions,
    max_chars_per_line=st.one_of(st.none(), st.integers(min_value=1, max_value=60)),
    max_lines=st.integers(min_value=1, max_value=3),
    max_duration=st.sampled_from([0.5, 2.0, 7.0, 10.0]),
    min_duration=st.sampled_from([0.0, 1.0, 2.5]),
    max_gap=st.sampled_from([0.25, 2.0]),
    speakers=st.booleans(),
    speaker_names=st.just({"spk_0": "Ann", "ch_1": "Caller"}),
    media_duration=st.one_of(st.none(), st.sampled_from([0.0, 3.0, 60.0])),
)


def _document(words: list[tuple[str, float, float, str, str | None, str | None]]) -> bytes:
    items: list[dict[str, Any]] = []
    clock = 0.0
    for content, duration, pause, punctuation, speaker, channel in words:
        item: dict[str, Any] = {
            "type": "pronunciation",
            "start_time": f"{clock:.3f}",
            "end_time": f"{clock + duration:.3f}",
            "alternatives": [{"confidence": "0.9", "content": content}],
        }
        if speaker is not None:
            item["speaker_label"] = speaker
        if channel is not None:
            item["channel_label"] = channel
        items.append(item)
        clock = max(clock + duration + pause, 0.0)
        if punctuation:
            items.append({"type": "punctuation", "alternatives": [{"content": punctuation}]})
    return json.dumps({"results": {"transcripts": [], "items": items}}).encode()


def _laid_out(transcript: Transcript, options: CaptionOptions) -> list[ReferenceCue]:
    cues = build_cues(transcript._spoken, options, transcript.audio_end)
    return [
        (round(c.start_time * 1000), round(c.end_time * 1000), c.lines, c.speaker, c.channel)
        for c in cues
    ]


def _reference(transcript: Transcript, options: CaptionOptions) -> list[ReferenceCue]:
    return reference_cues(transcript._spoken, options, transcript.audio_end)


_SENTENCE_OF_ONE_SECOND = [
    ("one", 0.5, 0.0, "", None, None),
    ("two", 0.5, 0.0, ".", None, None),  # ends exactly at the minimum duration
    ("three", 0.5, 0.0, "", None, None),
    ("four", 0.5, 0.0, ".", None, None),
]


@settings(max_examples=300, deadline=None)
@given(words=st.one_of(_WORDS, _EVEN_WORDS), options=_OPTIONS)
@example(words=_SENTENCE_OF_ONE_SECOND, options=CaptionOptions())
@example(words=_SENTENCE_OF_ONE_SECOND, options=CaptionOptions(max_duration=1.0, max_gap=0.5))
def test_cues_are_those_of_the_reference_layout(
    words: list[tuple[str, float, float, str, str | None, str | None]], options: CaptionOptions
) -> None:
    transcript = parse_transcript(_document(words))

    assert _laid_out(transcript, options) == _reference(transcript, options)


_DOCUMENTS = {
    "long": long_transcript(1500),
    "speakers": NEWER_SPEAKERS,
    "channels": CHANNELS,
    "japanese": JAPANESE,
    "korean": KOREAN,
    "thai": THAI,
}


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(sorted(_DOCUMENTS)), options=_OPTIONS)
def test_cues_of_whole_transcripts_are_those_of_the_reference_layout(
    name: str, options: CaptionOptions
) -> None:
    transcript = parse_transcript(_DOCUMENTS[name])

    assert _laid_out(transcript, options) == _reference(transcript, options)


def _stamp(millis: int, separator: str) -> str:
    seconds, rest = divmod(millis, 1000)
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}{separator}{rest:03d}"


def _name(cue: ReferenceCue, options: CaptionOptions) -> str | None:
    label = cue[3] or cue[4]
    return options.speaker_names.get(label, label) if options.speakers and label else None


def _reference_srt(cues: list[ReferenceCue], options: CaptionOptions) -> str:
    blocks = []
    for number, cue in enumerate(cues, start=1):
        lines = list(cue[2])
        name = _name(cue, options)
        if name is not None:
            lines[0] = f"{name}: {lines[0]}".rstrip()
        times = f"{_stamp(cue[0], ',')} --> {_stamp(cue[1], ',')}"
        blocks.append(f"{number}\n{times}\n" + "\n".join(lines) + "\n")
    return "\n".join(blocks)


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _reference_vtt(cues: list[ReferenceCue], options: CaptionOptions) -> str:
    blocks = ["WEBVTT\n"]
    for cue in cues:
        lines = [_escaped(line) for line in cue[2]]
        name = _name(cue, options)
        if name is not None:
            lines[0] = f"<v {_escaped(name)}>{lines[0]}".rstrip()
        times = f"{_stamp(cue[0], '.')} --> {_stamp(cue[1], '.')}"
        blocks.append(f"{times}\n" + "\n".join(lines) + "\n")
    return "\n".join(blocks)


@settings(max_examples=200, deadline=None)
@given(words=st.one_of(_WORDS, _EVEN_WORDS), options=_OPTIONS)
def test_subtitle_files_write_out_the_cues_of_the_reference_layout(
    words: list[tuple[str, float, float, str, str | None, str | None]], options: CaptionOptions
) -> None:
    transcript = parse_transcript(_document(words))
    cues = _reference(transcript, options)

    assert (transcript.to_srt(options), transcript.to_vtt(options)) == (
        _reference_srt(cues, options),
        _reference_vtt(cues, options),
    )
