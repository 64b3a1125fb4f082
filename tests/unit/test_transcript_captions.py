"""SRT and WebVTT subtitles: readable by well-kept parsers, cut at sentence ends, within limits."""

from __future__ import annotations

import json
from typing import Any

import pytest
import srt
import webvtt
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.documents import (
    CHANNELS,
    CHANNELS_GROUPED,
    CHINESE,
    JAPANESE,
    KOREAN,
    NEWER_SPEAKERS,
    TRANSCRIPTS,
    long_transcript,
)
from tests.documents.builder import Layout, Line, build
from tests.documents.subtitles import (
    DEFAULT_WIDTHS,
    audio_end,
    check_subtitles,
    display_width,
    lone_word_cues,
)
from transcribe_kit import CaptionOptions, parse_transcript


def _default_width(name: str) -> int:
    return DEFAULT_WIDTHS.get({"japanese": "ja", "chinese": "zh", "korean": "ko"}.get(name, ""), 42)


@pytest.mark.parametrize("name", sorted(TRANSCRIPTS))
def test_srt_of_every_transcript(name: str) -> None:
    transcript = parse_transcript(TRANSCRIPTS[name])

    subtitles = check_subtitles(transcript, CaptionOptions(), line_width=_default_width(name))

    assert len(subtitles) >= min(len(transcript.words()), 1)


@pytest.mark.parametrize("name", sorted(TRANSCRIPTS))
def test_vtt_has_the_same_cues_as_srt(name: str) -> None:
    transcript = parse_transcript(TRANSCRIPTS[name])

    captions = webvtt.from_string(transcript.to_vtt()).captions

    subtitles = list(srt.parse(transcript.to_srt()))
    assert [c.text for c in captions] == [s.content for s in subtitles]
    assert [c.start_in_seconds for c in captions] == [
        int(s.start.total_seconds()) for s in subtitles
    ]


def test_cues_end_at_sentence_ends() -> None:
    transcript = parse_transcript(NEWER_SPEAKERS)

    subtitles = list(srt.parse(transcript.to_srt()))

    assert all(s.content.rstrip()[-1] in ".?!" for s in subtitles)
    assert subtitles[0].content == "Can you say why this city\nis the best place to live?"


def test_speaker_names_in_srt_and_vtt() -> None:
    transcript = parse_transcript(NEWER_SPEAKERS)
    options = CaptionOptions(speakers=True, speaker_names={"spk_0": "Host"})

    subtitles = check_subtitles(transcript, options, line_width=42)
    captions = webvtt.from_string(transcript.to_vtt(options))

    assert subtitles[0].content.startswith("Host: Can you say")
    assert subtitles[1].content.startswith("spk_1: Diversity")
    assert captions[0].voice == "Host"


@pytest.mark.parametrize("raw", [CHANNELS, CHANNELS_GROUPED], ids=["older", "grouped"])
def test_captions_of_two_channels_never_go_back_nor_mix_channels(raw: bytes) -> None:
    transcript = parse_transcript(raw)
    options = CaptionOptions(speakers=True)

    subtitles = check_subtitles(transcript, options, line_width=42)

    assert [s.content.split(":")[0] for s in subtitles][:3] == ["ch_0", "ch_1", "ch_0"]
    assert all(s.content.count(":") == 1 for s in subtitles)


@pytest.mark.parametrize("raw", [CHANNELS, CHANNELS_GROUPED], ids=["older", "grouped"])
def test_one_track_per_channel(raw: bytes) -> None:
    transcript = parse_transcript(raw)

    for channel in transcript.channels:
        subtitles = check_subtitles(transcript, CaptionOptions(), line_width=42, channel=channel)
        words = transcript.words(channel=channel)
        assert subtitles[0].start.total_seconds() == words[0].start_time


def test_a_short_last_cue_is_held_only_to_the_end_of_the_audio() -> None:
    transcript = parse_transcript(CHANNELS)

    [*_, last] = srt.parse(transcript.to_srt())

    last_word = transcript.words()[-1]
    assert last_word.end_time - last_word.start_time < 1.0
    assert last.end.total_seconds() == audio_end(transcript) == last_word.end_time


def test_no_cue_runs_past_the_media_duration_given() -> None:
    transcript = parse_transcript(build([Line("Hi."), Line("Bye.", start=3.0)]))
    end = transcript.words()[-1].end_time + 0.2
    options = CaptionOptions(media_duration=end)

    [*_, last] = check_subtitles(transcript, options, line_width=42)

    assert last.end.total_seconds() == pytest.approx(end)


def test_a_cue_is_held_for_the_minimum_duration_when_the_audio_goes_on() -> None:
    transcript = parse_transcript(build([Line("Hi."), Line("Then a pause follows.", start=5.0)]))

    first = next(srt.parse(transcript.to_srt()))

    assert (first.end - first.start).total_seconds() == 1.0


def test_a_sentence_slightly_longer_than_a_cue_leaves_no_word_alone() -> None:
    sentence = "Every member of the support team needs to renew the password used for data access."
    transcript = parse_transcript(build([Line(sentence)]))
    options = CaptionOptions(max_chars_per_line=32)

    subtitles = check_subtitles(transcript, options, line_width=32)

    assert len(subtitles) == 2
    assert lone_word_cues(subtitles) == []


def test_long_monologues_leave_no_word_alone_where_a_neighbour_has_room() -> None:
    transcript = parse_transcript(long_transcript(1500))

    subtitles = check_subtitles(transcript, CaptionOptions(), line_width=42)

    assert lone_word_cues(subtitles) == []


@pytest.mark.parametrize(
    ("raw", "columns"), [(JAPANESE, 26), (CHINESE, 32), (KOREAN, 32)], ids=["ja", "zh", "ko"]
)
def test_full_width_text_is_measured_in_display_width(raw: bytes, columns: int) -> None:
    transcript = parse_transcript(raw)

    subtitles = check_subtitles(transcript, CaptionOptions(), line_width=columns)

    lines = [line for s in subtitles for line in s.content.split("\n")]
    assert max(display_width(line) for line in lines) <= columns
    assert max(display_width(line) for line in lines) > columns // 2


def test_japanese_cues_have_no_spaces_between_japanese_words() -> None:
    transcript = parse_transcript(JAPANESE)

    first = next(srt.parse(transcript.to_srt()))

    assert first.content == "ええできましたね。"


# A transcript and the subtitles the service wrote for it (its cues start at word starts).
_SERVICE_LINES = [
    Line("Welcome back to the show. Today we talk about the weather in the mountains,"),
    Line("and how it changes from one hour to the next. Let's begin."),
]
_SERVICE_WORDS: list[tuple[int, list[str]]] = [
    (0, ["Welcome", "back", "to", "the", "show."]),
    (5, ["Today", "we", "talk", "about", "the", "weather", "in", "the", "mountains,"]),
    (14, ["and", "how", "it", "changes", "from", "one", "hour", "to", "the", "next."]),
    (24, ["Let's", "begin."]),
]


def _service_srt(document: dict[str, Any]) -> str:
    words = [i for i in document["results"]["items"] if i["type"] == "pronunciation"]
    blocks = []
    for number, (first, texts) in enumerate(_SERVICE_WORDS, start=1):
        start = float(words[first]["start_time"])
        end = float(words[first + len(texts) - 1]["end_time"])
        subtitle = srt.Subtitle(
            number, srt.timedelta(seconds=start), srt.timedelta(seconds=end), " ".join(texts)
        )
        blocks.append(subtitle)
    return str(srt.compose(blocks))


def test_cues_keep_the_words_of_the_services_subtitles_and_start_at_a_word() -> None:
    raw = build(_SERVICE_LINES, Layout(punctuation_confidence="absent"))
    transcript = parse_transcript(raw)
    service = list(srt.parse(_service_srt(json.loads(raw))))

    ours = list(srt.parse(transcript.to_srt()))

    def words(subtitles: list[srt.Subtitle]) -> list[str]:
        return [w.strip(".,?!") for s in subtitles for w in s.content.split()]

    assert words(ours) == words(service)
    starts = [w.start_time for w in transcript.words()]
    for subtitle in ours:
        assert min(abs(subtitle.start.total_seconds() - s) for s in starts) <= 0.05


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
        st.one_of(
            st.text(alphabet="abcdefghij", min_size=1, max_size=12),
            st.text(alphabet="東京会議ですかのをナ", min_size=1, max_size=4),
        ),
        st.floats(min_value=0.05, max_value=3.0),
        st.sampled_from(["", "", "", ",", ".", "?", "。"]),
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


@settings(max_examples=80, deadline=None)
@given(words=WORDS, options=OPTIONS)
def test_any_transcript_gives_valid_subtitles(
    words: list[tuple[str, float, str, str]], options: CaptionOptions
) -> None:
    transcript = parse_transcript(json.dumps(_document(words)))

    subtitles = check_subtitles(transcript, options, line_width=options.max_chars_per_line or 42)

    assert subtitles


@settings(max_examples=60, deadline=None)
@given(words=WORDS)
def test_text_from_items_attaches_punctuation(words: list[tuple[str, float, str, str]]) -> None:
    transcript = parse_transcript(_document(words))

    assert "".join(t.text for t in transcript.speaker_turns()).replace(" ", "") == "".join(
        content + punctuation for content, _, punctuation, _ in words
    )
    assert all(not turn.text.startswith(tuple(".,?。")) for turn in transcript.speaker_turns())
