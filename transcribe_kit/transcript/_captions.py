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

import bisect
import itertools
import operator
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final, TypeAlias

import msgspec

from transcribe_kit.transcript._text import gaps, is_wide, separator, width, widths
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


_LAST: Final = operator.itemgetter(-1)
_CONTENT: Final = operator.itemgetter(CONTENT)


class Cue(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """One subtitle: its times in seconds, its lines, and its speaker and channel if known."""

    start_time: float
    end_time: float
    lines: tuple[str, ...]
    speaker: str | None
    channel: str | None = None


# The characters ``script_of_character`` puts in each script but han and other.
_SCRIPTS: Final = (
    ("kana", re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]")),
    ("hangul", re.compile("[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("thai", re.compile("[\u0e00-\u0e7f]")),
)


def script_of_character(char: str) -> str:
    """The script of one character: kana, han (other full-width), hangul, thai or other."""
    code = ord(char)
    if 0x3040 <= code <= 0x30FF or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9D:
        return "kana"
    if 0xAC00 <= code <= 0xD7AF or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if 0x0E00 <= code <= 0x0E7F:
        return "thai"
    return "han" if is_wide(char) else "other"


def script_of(spoken: Sequence[Spoken]) -> str:
    """The script most of the words are written in: a key of ``LINE_WIDTHS``."""
    sample = "".join(map(_CONTENT, spoken[:2000]))
    if sample.isascii():
        return "other"  # one pass in C settles most transcripts
    counts = {"kana": 0, "han": 0, "hangul": 0, "thai": 0, "other": 0}
    # Kana, hangul and Thai are counted (and taken out) by searches in C; each distinct
    # character left is classified once, however often it is written.
    for script, pattern in _SCRIPTS:
        sample, counts[script] = pattern.subn("", sample)
    for char, count in Counter(sample).items():
        counts["han" if is_wide(char) else "other"] += count
    return script_of_counts(counts)


def script_of_counts(counts: Mapping[str, int]) -> str:
    """The script of a text, from its characters counted by ``script_of_character``."""
    wide = counts["kana"] + counts["han"]
    if max(counts.values()) == 0 or counts["other"] >= max(wide, counts["hangul"], counts["thai"]):
        return "other"
    if wide >= max(counts["hangul"], counts["thai"]):
        return "japanese" if counts["kana"] else "chinese"
    return "korean" if counts["hangul"] >= counts["thai"] else "thai"


class _Tokens:
    """The words of a transcript as the layout measures them, in parallel lists.

    Times are in milliseconds; ``gaps`` are the columns between a word and the one before
    it (0 between two words of a script without spaces). A word is an index into the
    lists, and a cue a range of indexes, so the layout builds no object per word.
    """

    def __init__(self, spoken: Sequence[Spoken]) -> None:
        # Column by column, mapped in C: no Python code runs per word.
        columns = list(zip(*spoken, strict=True))
        self.speakers = columns[SPEAKER]
        self.channels = columns[CHANNEL]
        starts = _millis(columns[START])
        ends = _millis(columns[END])
        self.starts = starts
        if not all(map(operator.ge, ends, starts)):
            ends = [e if e >= s else s for s, e in zip(starts, ends, strict=True)]
        self.ends = ends  # an end before its start is the start
        texts = list(
            map(operator.add, map(operator.add, columns[LEAD], columns[CONTENT]), columns[TRAIL])
        )
        joined = "".join(texts)
        # Every whitespace character but the space is unprintable.
        if " " in joined or not joined.isprintable():
            self.texts, self.sizes, self.gaps = _measured(texts)
        elif joined.isascii():
            # One check in C settles most transcripts: a column a character, spaces between.
            self.texts = texts
            self.sizes = list(map(len, texts))
            self.gaps = [1] * len(texts)
        else:
            self.texts = texts
            self.sizes = widths(texts)
            self.gaps = gaps(texts)
        self.spaced = self.gaps.count(1) == len(self.gaps)
        # Columns from the transcript's first word to the end of each: a line from word a
        # to word b is ``reach[b] - reach[a] + sizes[a]`` wide, so lines are found by bisection.
        self.reach = list(itertools.accumulate(map(operator.add, self.gaps, self.sizes)))
        #: The words that end a sentence, in order.
        self.closers = list(
            itertools.compress(
                itertools.count(), map(_SENTENCE_ENDS.__contains__, map(_LAST, self.texts))
            )
        )


def _millis(seconds: Iterable[float]) -> list[int]:
    """Seconds as whole milliseconds, rounded half to even as ``round`` does."""
    # float.__round__ mapped directly is a quarter of the cost of the builtin round.
    return list(map(float.__round__, map(operator.mul, seconds, itertools.repeat(1000.0))))


def _measured(texts: list[str]) -> tuple[list[str], list[int], list[int]]:
    """The texts with their whitespace folded, their widths, and the columns before each."""
    cleaned: list[str] = []
    sizes: list[int] = []
    spacing: list[int] = []
    previous = ""
    for text in texts:
        # Every whitespace character but the space is unprintable.
        if " " in text or not text.isprintable():
            text = " ".join(text.split()) or "-"
        if text.isascii():
            sizes.append(len(text))
            spacing.append(1)
        else:
            sizes.append(width(text))
            spacing.append(len(separator(previous, text)) if previous else 1)
        cleaned.append(text)
        previous = text
    return cleaned, sizes, spacing


class _Layout:
    """What fits in one cue (lines, columns, duration), over a transcript's tokens.

    ``prefix`` is the width of the speaker's name that stays with a cue's first word (0
    without one); ``first`` and ``stop`` bound a range of token indexes.
    """

    def __init__(self, options: CaptionOptions, line_width: int, tokens: _Tokens) -> None:
        self.width = line_width
        self.max_lines = options.max_lines
        self.max_duration = round(options.max_duration * 1000)
        self.min_duration = round(options.min_duration * 1000)
        self.tokens = tokens

    def line_starts(self, first: int, stop: int, label: int) -> list[int]:
        """Where each line of the tokens begins, filled greedily.

        ``label`` columns (the speaker's name and a space) precede the first token.
        """
        reach = self.tokens.reach
        sizes = self.tokens.sizes
        line_width = self.width
        starts = [first]
        end = bisect.bisect_right(
            reach, line_width - sizes[first] - label + reach[first], first + 1, stop
        )
        while end < stop:
            starts.append(end)
            end = bisect.bisect_right(reach, line_width - sizes[end] + reach[end], end + 1, stop)
        return starts

    def lines_used(self, first: int, stop: int, prefix: int) -> tuple[int, int]:
        """The lines the tokens fill (greedily), and the columns used on the last."""
        label = prefix + 1 if prefix else 0
        starts = self.line_starts(first, stop, label)
        last = starts[-1]
        used = self.tokens.reach[stop - 1] - self.tokens.reach[last] + self.tokens.sizes[last]
        return len(starts), used + label if last == first else used

    def fits(self, first: int, stop: int, prefix: int) -> bool:
        tokens = self.tokens
        if stop - first > 1 and tokens.ends[stop - 1] - tokens.starts[first] > self.max_duration:
            return False
        return len(self.line_starts(first, stop, prefix + 1 if prefix else 0)) <= self.max_lines

    def split_point(self, first: int, stop: int) -> int:
        """Where to cut a full cue: after its last sentence end, else its last clause end.

        Only in the last two thirds, so that the cut does not leave a stub of a cue.
        """
        texts = self.tokens.texts
        lowest = first + max((stop - first) // 3, 1)
        for marks in (_SENTENCE_ENDS, _CLAUSE_ENDS):
            for index in range(stop - 1, lowest - 1, -1):
                if texts[index - 1][-1] in marks:
                    return index
        return stop

    def run_cues(self, first: int, stop: int, prefix: int) -> list[int]:
        """Where the cues of one speaker's uninterrupted speech begin, and where the last ends.

        A cue is filled up to the first word that overflows its lines or its duration, found
        by bisection; the sentence ends before that word may close it earlier.
        """
        tokens = self.tokens
        starts = tokens.starts
        ends = tokens.ends
        sizes = tokens.sizes
        reach = tokens.reach
        closers = tokens.closers
        line_width = self.width
        max_lines = self.max_lines
        max_duration = self.max_duration
        min_duration = self.min_duration
        label = prefix + 1 if prefix else 0
        cuts = [first]
        # The cue [begin, index] holds ``lines`` lines, ``used`` columns on the last; whether
        # ``index`` closes it is still to be seen.
        begin = index = first
        start = starts[first]
        lines = 1
        used = sizes[first] + label
        while True:
            close = -1
            full = stop
            after = bisect.bisect_left(closers, index)
            # The next sentence end closes the cue at once if it is on the current line, in
            # time, and late enough: the usual cue needs no more.
            if after < len(closers):
                end = closers[after]
                if (
                    end < stop
                    and ends[end] - start >= min_duration
                    and reach[end] - reach[index] + used <= line_width
                    and (end == index or max(ends[index + 1 : end + 1]) - start <= max_duration)
                ):
                    close = end
            if close < 0:
                full = bisect.bisect_right(reach, line_width - used + reach[index], index + 1, stop)
                while full < stop and lines < max_lines:
                    lines += 1
                    full = bisect.bisect_right(
                        reach, line_width - sizes[full] + reach[full], full + 1, stop
                    )
                latest = start + max_duration
                later = ends[index + 1 : full]
                if later and max(later) > latest:
                    full = index + 1 + next(i for i, end in enumerate(later) if end > latest)
                # ``full`` is the first word that does not fit (``stop`` if all do).
                for closer in closers[after : bisect.bisect_left(closers, full)]:
                    if ends[closer] - start >= min_duration:
                        close = closer
                        break
            if close >= 0:
                index = close + 1
                cuts.append(index)
                if index == stop:
                    break
                begin = index
            elif full == stop:
                cuts.append(stop)
                break
            else:
                begin = self.split_point(begin, full)
                cuts.append(begin)
                if begin < full and not self.fits(begin, full + 1, prefix):
                    cuts.append(full)
                    begin = full
                index = full
                if begin < full:
                    lines, used = self.lines_used(begin, full + 1, prefix)
                    start = starts[begin]
                    continue
            start = starts[index]
            lines = 1
            used = sizes[index] + label
        return self.without_lone_words(cuts, prefix)

    def lines_of(self, first: int, stop: int, label: int) -> tuple[str, ...]:
        """The text of the tokens in lines; two lines are balanced, more filled greedily.

        A text wider than a line gets a line of its own.
        """
        tokens = self.tokens
        texts = tokens.texts
        reach = tokens.reach
        if reach[stop - 1] - reach[first] + tokens.sizes[first] + label <= self.width:
            starts = [first]  # one line, as most cues of short sentences
        else:
            starts = self.line_starts(first, stop, label)
        if len(starts) == 2 and self.max_lines >= 2:
            balanced = self.balanced_two_lines(first, stop, label)
            if balanced is not None:
                starts[1] = balanced
        if tokens.spaced:
            if len(starts) == 1:
                return (" ".join(texts[first:stop]),)
            starts.append(stop)
            return tuple([" ".join(texts[a:b]) for a, b in itertools.pairwise(starts)])
        starts.append(stop)
        return tuple([_joined(texts, tokens.gaps, a, b) for a, b in itertools.pairwise(starts)])

    def balanced_two_lines(self, first: int, stop: int, label: int) -> int | None:
        """Where the second of two lines starts so that the longer is as short as it can be."""
        reach = self.tokens.reach
        spacing = self.tokens.gaps
        line_width = self.width
        base = self.tokens.sizes[first] + label - reach[first]
        total = reach[stop - 1] + base
        best: int | None = None
        shortest = 0
        last = stop - 1
        splits = range(first + 1, stop)
        if self.tokens.spaced:
            # One column between words: the first line widens and the second narrows at every
            # split, so before the split where the first line becomes the longer, the longer
            # line is the second, narrowing, and fits wherever a later one does. The best
            # split is that one or the one before it, and the crossing is found by bisection.
            crossing = 1 + bisect.bisect_left(reach, (total - 2 * base) // 2, first, last)
            splits = range(max(first + 1, crossing - 1), min(crossing, last) + 1)
        for split in splits:
            width_before = reach[split - 1] + base
            second = total - width_before - spacing[split]
            # A text wider than the line may stand alone on its line.
            if (width_before <= line_width or split == first + 1) and (
                second <= line_width or split == last
            ):
                longer = width_before if width_before > second else second
                if best is None or longer < shortest:
                    best = split
                    shortest = longer
            if width_before >= second:
                # The first line only grows from here: no later split is shorter, or fits.
                break
        return best

    def without_lone_words(self, cuts: list[int], prefix: int) -> list[int]:
        """A cue of one word joins a neighbour that has room for it, or takes a word from one.

        ``cuts`` are where the cues begin, and where the last ends.
        """
        index = 0
        while index < len(cuts) - 1:
            first, stop = cuts[index], cuts[index + 1]
            if stop - first != 1 or len(cuts) == 2:
                index += 1
                continue
            before = cuts[index - 1] if index > 0 else None
            after = cuts[index + 2] if index + 2 < len(cuts) else None
            if before is not None and self.fits(before, stop, prefix):
                del cuts[index]
                continue
            if after is not None and self.fits(first, after, prefix):
                del cuts[index + 1]
                continue
            if before is not None and first - before >= 3:
                moved = self.balanced_split(before, stop, prefix, first_keeps=2)
                if moved is not None:
                    cuts[index] = moved
            index += 1
        return cuts

    def balanced_split(self, first: int, stop: int, prefix: int, *, first_keeps: int) -> int | None:
        """Where to cut the tokens into two cues of two words at least, as even in width as fit."""
        sizes = self.tokens.sizes
        best: tuple[int, int] | None = None
        for split in range(first + first_keeps, stop - 1):
            if self.fits(first, split, prefix) and self.fits(split, stop, prefix):
                wider = max(sum(sizes[first:split]), sum(sizes[split:stop]))
                if best is None or wider < best[0]:
                    best = (wider, split)
        return None if best is None else best[1]


def _joined(texts: Sequence[str], gaps: Sequence[int], first: int, end: int) -> str:
    if all(gaps[first + 1 : end]):
        return " ".join(texts[first:end])
    line = texts[first]
    for index in range(first + 1, end):
        line += " " * gaps[index] + texts[index]
    return line


#: A cue as laid out: its start and end in milliseconds, its lines, its first word, and the
#: name shown before it (``None`` without one).
_Row: TypeAlias = tuple[int, int, tuple[str, ...], Spoken, str | None]


def build_cues(spoken: Sequence[Spoken], options: CaptionOptions, audio_end: float) -> list[Cue]:
    """The subtitle cues of the words (in time order), without overlaps, within the audio."""
    return [
        Cue(
            start_time=start / 1000,
            end_time=end / 1000,
            lines=lines,
            speaker=entry[SPEAKER],
            channel=entry[CHANNEL],
        )
        for start, end, lines, entry, _ in _laid_out(spoken, options, audio_end)
    ]


def _laid_out(spoken: Sequence[Spoken], options: CaptionOptions, audio_end: float) -> list[_Row]:
    if not spoken:
        return []
    line_width = options.max_chars_per_line or LINE_WIDTHS[script_of(spoken)]
    tokens = _Tokens(spoken)
    layout = _Layout(options, line_width, tokens)
    cues: list[tuple[int, int, Spoken, str | None]] = []
    bounds = [0, *_run_breaks(tokens, round(options.max_gap * 1000)), len(spoken)]
    for first, stop in itertools.pairwise(bounds):
        entry = spoken[first]
        name = _name(options, entry)
        cuts = layout.run_cues(first, stop, width(name) + 1 if name is not None else 0)
        cues.extend((a, b, entry, name) for a, b in itertools.pairwise(cuts))
    return _timed(cues, options, layout, audio_end)


def _run_breaks(tokens: _Tokens, max_gap: int) -> list[int]:
    """Where a speaker's uninterrupted speech begins: a change of voice, or a long pause."""
    # Filtered in C: no Python code runs per word.
    pauses = map(operator.sub, itertools.islice(tokens.starts, 1, None), tokens.ends)
    breaks = list(itertools.compress(itertools.count(1), map(max_gap.__lt__, pauses)))
    speakers = tokens.speakers
    channels = tokens.channels
    if speakers.count(speakers[0]) != len(speakers) or channels.count(channels[0]) != len(channels):
        changes = map(
            operator.or_,
            map(operator.ne, speakers, itertools.islice(speakers, 1, None)),
            map(operator.ne, channels, itertools.islice(channels, 1, None)),
        )
        breaks = sorted({*breaks, *itertools.compress(itertools.count(1), changes)})
    return breaks


def _name(options: CaptionOptions, entry: Spoken) -> str | None:
    """The name shown before a cue's text: the speaker's, else the channel's."""
    if not options.speakers:
        return None
    label = entry[SPEAKER] or entry[CHANNEL]
    return None if label is None else options.speaker_names.get(label, label)


def _timed(
    cues: list[tuple[int, int, Spoken, str | None]],
    options: CaptionOptions,
    layout: _Layout,
    audio_end: float,
) -> list[_Row]:
    """The cues with their lines and times.

    Held up to ``min_duration``, never overlapping, never longer than ``max_duration``,
    never past the end of the audio.
    """
    limit = round(
        (options.media_duration if options.media_duration is not None else audio_end) * 1000
    )
    tokens = layout.tokens
    starts = tokens.starts
    ends = tokens.ends
    min_duration = layout.min_duration
    max_duration = layout.max_duration
    rows: list[_Row] = []
    previous_end = 0
    # The start of the next cue: each cue ends before it.
    nexts = [starts[cue[0]] for cue in cues[1:]]
    nexts.append(limit)
    for (first, stop, entry, name), following in zip(cues, nexts, strict=True):
        start = starts[first]
        if start < previous_end:
            start = previous_end
        end = max(ends[first:stop]) if stop - first > 1 else ends[first]
        # Comparisons rather than min() and max(): this runs once a cue.
        if end < start + min_duration:
            end = start + min_duration
        if end > start + max_duration:
            end = start + max_duration
        if end > limit:
            end = limit
        if end > following:
            end = following
        if end <= start:
            # Words at the same instant (two channels), or past the end of the audio.
            if start >= limit:
                start = max(previous_end, limit - 1)
            end = start + 1
        previous_end = end
        # The name stays with the first word; the renderers put it back in their syntax.
        lines = layout.lines_of(first, stop, width(name) + 2 if name is not None else 0)
        rows.append((start, end, lines, entry, name))
    return rows


def _times(start: int, end: int, separator: str) -> str:
    """``start --> end`` of milliseconds, as SRT (``,`` before the milliseconds) or WebVTT."""
    start, start_ms = divmod(start, 1000)
    end, end_ms = divmod(end, 1000)
    # One format for both: a third faster than two f-strings.
    return "%02d:%02d:%02d%s%03d --> %02d:%02d:%02d%s%03d" % (  # noqa: UP031
        start // 3600,
        start // 60 % 60,
        start % 60,
        separator,
        start_ms,
        end // 3600,
        end // 60 % 60,
        end % 60,
        separator,
        end_ms,
    )


def to_srt(spoken: Sequence[Spoken], options: CaptionOptions, audio_end: float) -> str:
    """The subtitles of the words (as ``build_cues`` lays them out) as a SubRip file."""
    blocks = []
    # Rendered from the layout's milliseconds and lines: no ``Cue`` is built.
    for number, (start, end, lines, _, name) in enumerate(
        _laid_out(spoken, options, audio_end), start=1
    ):
        if name is None:
            text = "\n".join(lines)
        else:
            labelled = list(lines)
            labelled[0] = f"{name}: {labelled[0]}".rstrip()
            text = "\n".join(labelled)
        blocks.append(f"{number}\n{_times(start, end, ',')}\n{text}\n")
    return "\n".join(blocks)


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(spoken: Sequence[Spoken], options: CaptionOptions, audio_end: float) -> str:
    """The subtitles of the words (as ``build_cues`` lays them out) as a WebVTT file."""
    blocks = ["WEBVTT\n"]
    for start, end, lines, _, name in _laid_out(spoken, options, audio_end):
        if name is None:
            # Escaping the joined lines escapes each line: the marks are single characters.
            text = _vtt_escape("\n".join(lines))
        else:
            escaped = [_vtt_escape(line) for line in lines]
            escaped[0] = f"<v {_vtt_escape(name)}>{escaped[0]}".rstrip()
            text = "\n".join(escaped)
        blocks.append(f"{_times(start, end, '.')}\n{text}\n")
    return "\n".join(blocks)
