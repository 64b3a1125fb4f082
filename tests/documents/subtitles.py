"""What every subtitle file made of a transcript must satisfy, checked with well-kept parsers.

Used by the unit tests on the project's documents and by the corpus suite on real ones, so
it knows nothing of how cues are built: it reads the SRT with ``srt`` and the WebVTT with
``webvtt-py`` and compares them with the transcript's words and segments.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Sequence

import srt
import webvtt

from transcribe_kit import CaptionOptions, Transcript, Word

#: Marks that end or close something: a cue must not start with one.
_CLOSING = set(".,;:!?…。、，．！？：；)]}」』）】〕〉》")
#: Line widths by default, by script: Japanese 13 full-width characters, Chinese and Korean 16.
DEFAULT_WIDTHS = {"ja": 26, "zh": 32, "ko": 32, "th": 35, "other": 42}


def display_width(text: str) -> int:
    """Columns on screen: full-width characters count two, combining marks nothing."""
    return sum(
        0
        if unicodedata.combining(c) or unicodedata.category(c) in ("Mn", "Me", "Cf")
        else 2
        if unicodedata.east_asian_width(c) in ("W", "F")
        else 1
        for c in text
    )


def letters(text: str) -> str:
    """Only what is neither space nor punctuation: words compare equal however joined."""
    return "".join(
        c for c in text if not c.isspace() and not unicodedata.category(c).startswith("P")
    )


def expected_line_width(words: Sequence[Word]) -> int:
    """The default columns per line for the script most characters of the words are in."""
    counts = {"kana": 0, "wide": 0, "hangul": 0, "thai": 0, "other": 0}
    for word in words:
        for char in word.content:
            if "\u3040" <= char <= "\u30ff":
                counts["kana"] += 1
            elif "\uac00" <= char <= "\ud7af":
                counts["hangul"] += 1
            elif "\u0e00" <= char <= "\u0e7f":
                counts["thai"] += 1
            elif unicodedata.east_asian_width(char) in ("W", "F"):
                counts["wide"] += 1
            else:
                counts["other"] += 1
    cjk = counts["kana"] + counts["wide"]
    if counts["other"] >= max(cjk, counts["hangul"], counts["thai"]):
        return DEFAULT_WIDTHS["other"]
    if cjk >= max(counts["hangul"], counts["thai"]):
        return DEFAULT_WIDTHS["ja" if counts["kana"] else "zh"]
    return DEFAULT_WIDTHS["ko" if counts["hangul"] >= counts["thai"] else "th"]


def audio_end(transcript: Transcript) -> float:
    """The end of the audio as the document tells it: its last segment or word."""
    results = transcript.results
    ends = [w.end_time for w in transcript.words()]
    ends += [s.end_time for s in results.audio_segments or () if s.end_time is not None]
    if results.speaker_labels is not None:
        ends += [s.end_time for s in results.speaker_labels.segments or () if s.end_time]
    if results.channel_labels is not None:
        ends += [i.end_time for c in results.channel_labels.channels for i in c.items if i.end_time]
    return max(ends, default=0.0)


def check_subtitles(
    transcript: Transcript,
    options: CaptionOptions,
    *,
    line_width: int,
    channel: str | None = None,
) -> list[srt.Subtitle]:
    """The subtitles parsed back, after checking every rule a cue must keep."""
    subtitles = list(srt.parse(transcript.to_srt(options, channel=channel)))
    captions = webvtt.from_string(transcript.to_vtt(options, channel=channel)).captions
    words = transcript.words(channel)
    assert len(captions) == len(subtitles)
    texts = [_without_labels(s.content, options, words) for s in subtitles]
    # Every word in exactly one cue, in time order.
    assert letters("".join(texts)) == letters("".join(w.content for w in words))
    end_of_audio = (
        options.media_duration if options.media_duration is not None else audio_end(transcript)
    )
    contents = {letters(w.content) for w in words}
    for before, after in itertools.pairwise(subtitles):
        assert before.start <= after.start
        assert before.end <= after.start
    for subtitle, text in zip(subtitles, texts, strict=True):
        start, end = subtitle.start.total_seconds(), subtitle.end.total_seconds()
        assert start < end
        assert end - start <= options.max_duration + 0.001
        assert end <= end_of_audio + 0.001
        assert text.strip()[0] not in _CLOSING
        assert unicodedata.category(text.strip()[0]) not in ("Pe", "Pf")
        lines = text.split("\n")
        assert len(lines) <= options.max_lines
        for line in lines:
            # Only a word too wide for a line may make it wider.
            assert display_width(line) <= line_width or letters(line) in contents, line
    return subtitles


def _without_labels(content: str, options: CaptionOptions, words: Sequence[Word]) -> str:
    if not options.speakers:
        return content
    labels = {
        options.speaker_names.get(w.speaker or w.channel or "", w.speaker or w.channel)
        for w in words
    }
    for label in labels:
        if label and content.startswith(f"{label}:"):
            return content[len(label) + 1 :].lstrip(" ") or content[len(label) + 1 :]
    return content


def lone_word_cues(subtitles: Sequence[srt.Subtitle]) -> list[str]:
    """The cues that hold a single word (of a script with spaces)."""
    return [s.content for s in subtitles if len(s.content.split()) == 1]
