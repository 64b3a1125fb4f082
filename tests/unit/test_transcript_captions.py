"""SRT and WebVTT subtitles: readable by well-kept parsers, cut at sentence ends, within limits."""

from __future__ import annotations

import itertools
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import srt
import webvtt
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import CORPUS
from transcribe_kit import CaptionOptions, Transcript, parse_transcript

TRANSCRIPT_FILES = sorted(
    p.name for p in CORPUS.glob("*.json") if p.name.startswith(("std-", "medical-d"))
)


def _check_srt(transcript: Transcript, options: CaptionOptions) -> list[srt.Subtitle]:
    """The subtitles parsed back, after checking the limits every cue must keep."""
    subtitles = list(srt.parse(transcript.to_srt(options)))
    spoken = [w.content for w in transcript.words()]
    cue_words = [
        word.rstrip(".,?!") for s in subtitles for word in s.content.split() if word.strip(".,?!")
    ]
    if options.speakers:
        cue_words = [w for w in cue_words if not w.endswith(":")]
    assert cue_words == [w.rstrip(".,?!") for w in spoken]
    for before, after in itertools.pairwise(subtitles):
        assert before.end <= after.start
    for subtitle in subtitles:
        lines = subtitle.content.split("\n")
        assert len(lines) <= options.max_lines
        assert subtitle.start < subtitle.end
        assert subtitle.content[0] not in ".,?!"
        for line in lines:
            # Only a word too long for a line (after the speaker's name) may make it wider.
            words = [w for w in line.split() if not (options.speakers and w.endswith(":"))]
            assert len(line) <= options.max_chars_per_line or len(words) == 1
    return subtitles


@pytest.mark.parametrize("name", TRANSCRIPT_FILES)
def test_srt_of_every_transcript(corpus_dir: Path, name: str) -> None:
    transcript = parse_transcript((corpus_dir / name).read_bytes())

    subtitles = _check_srt(transcript, CaptionOptions())

    long_cues = [s for s in subtitles if s.end - s.start > timedelta(seconds=7)]
    assert all(len(s.content.split()) == 1 for s in long_cues)


@pytest.mark.parametrize("name", TRANSCRIPT_FILES)
def test_vtt_has_the_same_cues_as_srt(corpus_dir: Path, name: str) -> None:
    transcript = parse_transcript((corpus_dir / name).read_bytes())

    captions = webvtt.from_string(transcript.to_vtt()).captions

    subtitles = list(srt.parse(transcript.to_srt()))
    assert [c.text for c in captions] == [s.content for s in subtitles]
    assert [c.start_in_seconds for c in captions] == [
        int(s.start.total_seconds()) for s in subtitles
    ]


def test_cues_end_at_sentence_ends(corpus_dir: Path) -> None:
    transcript = parse_transcript(
        (corpus_dir / "std-speakers-audio-segments-speakeasy.json").read_bytes()
    )

    subtitles = list(srt.parse(transcript.to_srt()))

    ends = [s.content.rstrip()[-1] in ".?!" for s in subtitles]
    assert sum(ends) / len(ends) > 0.6
    assert subtitles[0].content == "Can you say why America is the\ngreatest country in the world?"


def test_speaker_names_in_srt_and_vtt(corpus_dir: Path) -> None:
    transcript = parse_transcript(
        (corpus_dir / "std-speakers-audio-segments-speakeasy.json").read_bytes()
    )
    options = CaptionOptions(speakers=True, speaker_names={"spk_0": "Host"})

    subtitles = _check_srt(transcript, options)
    captions = webvtt.from_string(transcript.to_vtt(options))

    assert subtitles[0].content.startswith("Host: Can you say")
    assert subtitles[1].content.startswith("spk_1: Diversity")
    assert captions[0].voice == "Host"


def _document(words: list[tuple[str, float, str, str]]) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    clock = 0.0
    for content, duration, punctuation, speaker in words:
        items.append(
            {
                "type": "pronunciation",
                "start_time": f"{clock:.3f}",
                "end_time": f"{clock + duration:.3f}",
                "alternatives": [{"confidence": "0.9", "content": content}],
                "speaker_label": speaker,
            }
        )
        clock += duration + 0.05
        if punctuation:
            items.append(
                {
                    "type": "punctuation",
                    "alternatives": [{"content": punctuation}],
                    "speaker_label": speaker,
                }
            )
    return {"results": {"transcripts": [], "items": items}}


WORDS = st.lists(
    st.tuples(
        st.text(alphabet="abcdefghij", min_size=1, max_size=12),
        st.floats(min_value=0.05, max_value=3.0),
        st.sampled_from(["", "", "", ",", ".", "?"]),
        st.sampled_from(["spk_0", "spk_0", "spk_1"]),
    ),
    min_size=1,
    max_size=80,
)
OPTIONS = st.builds(
    CaptionOptions,
    max_chars_per_line=st.integers(min_value=12, max_value=60),
    max_lines=st.integers(min_value=1, max_value=3),
    max_duration=st.floats(min_value=2.0, max_value=10.0),
    speakers=st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(words=WORDS, options=OPTIONS)
def test_any_transcript_gives_valid_subtitles(
    words: list[tuple[str, float, str, str]], options: CaptionOptions
) -> None:
    transcript = parse_transcript(json.dumps(_document(words)))

    subtitles = _check_srt(transcript, options)

    assert subtitles
    for subtitle in subtitles:
        if len(subtitle.content.split()) > 1 + options.speakers:
            assert subtitle.end - subtitle.start <= timedelta(seconds=options.max_duration + 1.0)
    assert len(webvtt.from_string(transcript.to_vtt(options))) == len(subtitles)


@settings(max_examples=60, deadline=None)
@given(words=WORDS)
def test_text_from_items_attaches_punctuation(words: list[tuple[str, float, str, str]]) -> None:
    transcript = parse_transcript(_document(words))

    expected = " ".join(content + punctuation for content, _, punctuation, _ in words)
    assert transcript.text == expected
    assert " ".join(turn.text for turn in transcript.speaker_turns()) == expected
