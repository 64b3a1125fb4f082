"""Subtitles (SRT and WebVTT) from a transcript's words.

A cue holds at most ``max_lines`` lines of ``max_chars_per_line`` display columns (a
full-width character counts two) and lasts at most ``max_duration`` seconds. Words come in
time order; a change of speaker or channel, or a pause longer than ``max_gap``, starts a new
cue, so that a cue never mixes voices. Cues end at sentence ends where they can: a sentence
that ends once a cue has lasted ``min_duration`` closes it, and a cue that would overflow is
cut after its last sentence end (or else its last comma) rather than mid-clause. Punctuation
stays with the word before it, so no cue starts with the previous sentence's full stop, and
a word left alone in a cue joins a neighbour that has room for it (or takes a word from it).

A cue shorter than ``min_duration`` is held longer, but never past the start of the next
cue nor past the end of the audio: the media duration given in the options, else the end of
the last audio, speaker or channel segment or word.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Final

import msgspec

from transcribe_kit.transcript._text import is_wide, separator, width
from transcribe_kit.transcript._views import (
    CHANNEL,
    CONTENT,
    END,
    LEAD,
    SPEAKER,
    START,
    TRAIL,
    Spoken,
)

if TYPE_CHECKING:
    from transcribe_kit.config import CaptionOptions

# Latin marks, and the CJK full stop, full-width marks, ellipsis.
_SENTENCE_ENDS: Final = frozenset(".?!\u3002\uff1f\uff01\u2026\u0e2f")
_CLAUSE_ENDS: Final = frozenset(",;:\u3001\uff0c\uff1b\uff1a")

#: Columns per line by the script of a transcript, after common subtitle guidelines:
#: 13 full-width characters for Japanese, 16 for Chinese and Korean, 35 for Thai, else 42.
LINE_WIDTHS: Final[Mapping[str, int]] = {
    "japanese": 26,
    "chinese": 32,
    "korean": 32,
    "thai": 35,
    "other": 42,
}


class Cue(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """One subtitle: its times in seconds, its lines, and its speaker and channel if known."""

    start_time: float
    end_time: float
    lines: tuple[str, ...]
    speaker: str | None
    channel: str | None = None


def script_of(spoken: Sequence[Spoken]) -> str:
    """The script most of the words are written in: a key of ``LINE_WIDTHS``."""
    sample = spoken[:2000]
    if "".join([entry[2] for entry in sample]).isascii():
        return "other"  # one pass in C settles most transcripts
    counts = {"kana": 0, "han": 0, "hangul": 0, "thai": 0, "other": 0}
    for entry in sample:
        if entry[2].isascii():
            counts["other"] += len(entry[2])
            continue
        for char in entry[2]:
            code = ord(char)
            if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9D:
                counts["kana"] += 1
            elif 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
                counts["hangul"] += 1
            elif 0x0E00 <= code <= 0x0E7F:
                counts["thai"] += 1
            elif is_wide(char):
                counts["han"] += 1
            else:
                counts["other"] += 1
    wide = counts["kana"] + counts["han"]
    if max(counts.values()) == 0 or counts["other"] >= max(wide, counts["hangul"], counts["thai"]):
        return "other"
    if wide >= max(counts["hangul"], counts["thai"]):
        return "japanese" if counts["kana"] else "chinese"
    return "korean" if counts["hangul"] >= counts["thai"] else "thai"


# A token of a cue: (start ms, end ms, text, width, columns between it and the token before).
_Token = tuple[int, int, str, int, int]


class _Layout:
    """What fits in one cue: lines, columns and duration."""

    def __init__(self, options: CaptionOptions, line_width: int) -> None:
        self.width = line_width
        self.max_lines = options.max_lines
        self.max_duration = round(options.max_duration * 1000)
        self.min_duration = round(options.min_duration * 1000)

    def lines_used(self, tokens: Sequence[_Token], prefix: int) -> tuple[int, int]:
        """The lines the tokens fill (greedily), and the columns used on the last.

        A prefix of ``prefix`` columns (the speaker's name) stays with the first token.
        """
        lines = used = 0
        for token in tokens:
            size = token[3] if lines else token[3] + (prefix + 1 if prefix else 0)
            if lines and used + token[4] + size <= self.width:
                used += token[4] + size
            else:
                lines += 1
                used = size
        return lines, used

    def fits(self, tokens: Sequence[_Token], prefix: int) -> bool:
        if len(tokens) > 1 and tokens[-1][1] - tokens[0][0] > self.max_duration:
            return False
        return self.lines_used(tokens, prefix)[0] <= self.max_lines


def _ends(token: _Token, marks: frozenset[str]) -> bool:
    return token[2][-1] in marks


def _split_point(tokens: Sequence[_Token]) -> int:
    """Where to cut a full cue: after its last sentence end, else its last clause end.

    Only in the last two thirds, so that the cut does not leave a stub of a cue.
    """
    for marks in (_SENTENCE_ENDS, _CLAUSE_ENDS):
        for index in range(len(tokens) - 1, max(len(tokens) // 3, 1) - 1, -1):
            if _ends(tokens[index - 1], marks):
                return index
    return len(tokens)


def _run_cues(run: list[_Token], layout: _Layout, prefix: int) -> list[list[_Token]]:
    """The cues of one speaker's uninterrupted speech."""
    cues: list[list[_Token]] = []
    current: list[_Token] = []
    lines = used = start = 0
    line_width = layout.width
    max_lines = layout.max_lines
    max_duration = layout.max_duration
    min_duration = layout.min_duration
    for token in run:
        text = token[2]
        if current:
            # The lines are followed word by word; only a cut counts them again.
            gap = token[4]
            if token[1] - start > max_duration:
                fits = False
            elif used + gap + token[3] <= line_width:
                fits = True
                used += gap + token[3]
            elif lines < max_lines:
                fits = True
                lines += 1
                used = token[3]
            else:
                fits = False
            if not fits:
                cut = _split_point(current)
                cues.append(current[:cut])
                current = current[cut:]
                if current and not layout.fits([*current, token], prefix):
                    cues.append(current)
                    current = []
                if current:
                    lines, used = layout.lines_used([*current, token], prefix)
                    start = current[0][0]
        if not current:
            lines, used = layout.lines_used([token], prefix)
            start = token[0]
        current.append(token)
        if text[-1] in _SENTENCE_ENDS and token[1] - start >= min_duration:
            cues.append(current)
            current = []
    if current:
        cues.append(current)
    return _without_lone_words(cues, layout, prefix)


def _without_lone_words(
    cues: list[list[_Token]], layout: _Layout, prefix: int
) -> list[list[_Token]]:
    """A cue of one word joins a neighbour that has room for it, or takes a word from one."""
    index = 0
    while index < len(cues):
        if len(cues[index]) != 1 or len(cues) == 1:
            index += 1
            continue
        lone = cues[index]
        before = cues[index - 1] if index > 0 else None
        after = cues[index + 1] if index + 1 < len(cues) else None
        if before is not None and layout.fits(before + lone, prefix):
            cues[index - 1 : index + 1] = [before + lone]
            continue
        if after is not None and layout.fits(lone + after, prefix):
            cues[index : index + 2] = [lone + after]
            continue
        if before is not None and len(before) >= 3:
            moved = _balanced_split(before + lone, layout, prefix, first_keeps=2)
            if moved is not None:
                cues[index - 1 : index + 1] = list(moved)
        index += 1
    return cues


def _balanced_split(
    tokens: list[_Token], layout: _Layout, prefix: int, *, first_keeps: int
) -> tuple[list[_Token], list[_Token]] | None:
    """Two cues of the tokens, each of two words at least, as even in width as fit."""
    best: tuple[int, int] | None = None
    for split in range(first_keeps, len(tokens) - 1):
        first, second = tokens[:split], tokens[split:]
        if layout.fits(first, prefix) and layout.fits(second, prefix):
            widths = (sum(t[3] for t in first), sum(t[3] for t in second))
            if best is None or max(widths) < best[0]:
                best = (max(widths), split)
    if best is None:
        return None
    return tokens[: best[1]], tokens[best[1] :]


def wrap(
    texts: Sequence[str],
    widths: Sequence[int],
    gaps: Sequence[int],
    line_width: int,
    max_lines: int,
) -> list[str]:
    """The texts in lines of at most ``line_width`` columns.

    ``gaps`` are the columns between each text and the one before (0 between two of a
    script without spaces). Two lines are balanced, more filled greedily; a text wider than
    a line gets a line of its own.
    """
    starts: list[int] = []
    used = 0
    for index, size in enumerate(widths):
        if starts and used + gaps[index] + size <= line_width:
            used += gaps[index] + size
            continue
        starts.append(index)
        used = size
    if len(starts) == 2 and max_lines >= 2:
        balanced = _balanced_two_lines(widths, gaps, line_width)
        if balanced is not None:
            starts = [0, balanced]
    bounds = [*starts, len(texts)]
    return [_joined(texts, gaps, a, b) for a, b in itertools.pairwise(bounds)]


def _joined(texts: Sequence[str], gaps: Sequence[int], first: int, end: int) -> str:
    if all(gaps[first + 1 : end]):
        return " ".join(texts[first:end])
    line = texts[first]
    for index in range(first + 1, end):
        line += " " * gaps[index] + texts[index]
    return line


def _balanced_two_lines(widths: Sequence[int], gaps: Sequence[int], line_width: int) -> int | None:
    """Where the second of two lines starts so that the longer is as short as it can be."""
    total = sum(widths) + sum(gaps) - gaps[0]
    first = widths[0]
    best: tuple[int, int] | None = None
    last = len(widths) - 1
    for split in range(1, len(widths)):
        second = total - first - gaps[split]
        # A text wider than the line may stand alone on its line.
        if (first <= line_width or split == 1) and (second <= line_width or split == last):
            longer = first if first > second else second
            if best is None or longer < best[0]:
                best = (longer, split)
        first += gaps[split] + widths[split]
    return None if best is None else best[1]


def build_cues(spoken: Sequence[Spoken], options: CaptionOptions, audio_end: float) -> list[Cue]:
    """The subtitle cues of the words (in time order), without overlaps, within the audio."""
    line_width = options.max_chars_per_line or LINE_WIDTHS[script_of(spoken)]
    layout = _Layout(options, line_width)
    max_gap = round(options.max_gap * 1000)
    runs: list[tuple[Spoken, list[_Token]]] = []
    run: list[_Token] = []
    first: Spoken | None = None
    previous = ""
    last_end = 0
    for entry in spoken:
        start = round(entry[START] * 1000)
        end = round(entry[END] * 1000)
        if end < start:
            end = start
        if run and (
            entry[SPEAKER] != first[SPEAKER]  # type: ignore[index]
            or entry[CHANNEL] != first[CHANNEL]  # type: ignore[index]
            or start - last_end > max_gap
        ):
            runs.append((first, run))  # type: ignore[arg-type]
            run = []
        if not run:
            first = entry
            previous = ""
        text = entry[CONTENT]
        if entry[LEAD] or entry[TRAIL]:
            text = entry[LEAD] + text + entry[TRAIL]
        if text.isascii():
            if " " in text or not text.isprintable():
                text = " ".join(text.split()) or "-"
            size = len(text)
            gap = 1
        else:
            if not text.isprintable() or any(c.isspace() for c in text):
                text = " ".join(text.split()) or "-"
            size = width(text)
            gap = len(separator(previous, text)) if previous else 1
        run.append((start, end, text, size, gap))
        previous = text
        last_end = end
    if run:
        runs.append((first, run))  # type: ignore[arg-type]
    timed: list[tuple[list[_Token], Spoken]] = []
    for entry, tokens in runs:
        prefix = _prefix(options, entry)
        timed.extend(
            (cue, entry) for cue in _run_cues(tokens, layout, width(prefix) if prefix else 0)
        )
    return _timed(timed, options, layout, audio_end)


def _prefix(options: CaptionOptions, entry: Spoken) -> str | None:
    """The label shown before a cue's text: the speaker's name, else the channel's."""
    if not options.speakers:
        return None
    label = entry[SPEAKER] or entry[CHANNEL]
    return None if label is None else f"{options.speaker_names.get(label, label)}:"


def _timed(
    cues: list[tuple[list[_Token], Spoken]],
    options: CaptionOptions,
    layout: _Layout,
    audio_end: float,
) -> list[Cue]:
    """The cues with their lines and times.

    Held up to ``min_duration``, never overlapping, never longer than ``max_duration``,
    never past the end of the audio.
    """
    limit = round(
        (options.media_duration if options.media_duration is not None else audio_end) * 1000
    )
    built: list[Cue] = []
    previous_end = 0
    for index, (tokens, entry) in enumerate(cues):
        start = max(tokens[0][0], previous_end)
        end = max(max([t[1] for t in tokens]), start + layout.min_duration)
        end = min(end, start + layout.max_duration, limit)
        if index + 1 < len(cues):
            end = min(end, cues[index + 1][0][0][0])
        if end <= start:
            # Words at the same instant (two channels), or past the end of the audio.
            if start >= limit:
                start = max(previous_end, limit - 1)
            end = start + 1
        previous_end = end
        prefix = _prefix(options, entry)
        texts = [t[2] for t in tokens]
        widths = [t[3] for t in tokens]
        gaps = [t[4] for t in tokens]
        if prefix is not None:
            # The name stays with the first word; the renderers put it back in their syntax.
            texts[0] = f"{prefix} {texts[0]}"
            widths[0] += width(prefix) + 1
        lines = wrap(texts, widths, gaps, layout.width, layout.max_lines)
        if prefix is not None:
            lines[0] = lines[0][len(prefix) + 1 :]
        built.append(
            Cue(
                start_time=start / 1000,
                end_time=end / 1000,
                lines=tuple(lines),
                speaker=entry[SPEAKER],
                channel=entry[CHANNEL],
            )
        )
    return built


def _timestamp(seconds: float, separator: str) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def _label(cue: Cue, options: CaptionOptions) -> str | None:
    if not options.speakers:
        return None
    label = cue.speaker or cue.channel
    return None if label is None else options.speaker_names.get(label, label)


def render_srt(cues: Sequence[Cue], options: CaptionOptions) -> str:
    """The cues as a SubRip (``.srt``) file."""
    blocks = []
    for number, cue in enumerate(cues, start=1):
        lines = list(cue.lines)
        name = _label(cue, options)
        if name is not None:
            lines[0] = f"{name}: {lines[0]}".rstrip()
        times = f"{_timestamp(cue.start_time, ',')} --> {_timestamp(cue.end_time, ',')}"
        blocks.append(f"{number}\n{times}\n" + "\n".join(lines) + "\n")
    return "\n".join(blocks)


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_vtt(cues: Sequence[Cue], options: CaptionOptions) -> str:
    """The cues as a WebVTT (``.vtt``) file."""
    blocks = ["WEBVTT\n"]
    for cue in cues:
        lines = [_vtt_escape(line) for line in cue.lines]
        name = _label(cue, options)
        if name is not None:
            lines[0] = f"<v {_vtt_escape(name)}>{lines[0]}".rstrip()
        times = f"{_timestamp(cue.start_time, '.')} --> {_timestamp(cue.end_time, '.')}"
        blocks.append(f"{times}\n" + "\n".join(lines) + "\n")
    return "\n".join(blocks)
