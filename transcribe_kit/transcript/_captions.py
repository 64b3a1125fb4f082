"""Subtitles (SRT and WebVTT) from a transcript's items.

A cue holds at most ``max_lines`` lines of ``max_chars_per_line`` characters and lasts at
most ``max_duration`` seconds. Cues end at sentence ends where they can: a sentence that
ends once a cue has lasted ``min_duration`` closes it, and a cue that would overflow is cut
after its last sentence end (or else its last comma) rather than mid-clause. Punctuation
always stays with the word before it, so no cue starts with the previous sentence's full
stop. A change of speaker or a pause longer than ``max_gap`` starts a new cue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from attrs import define, evolve, field, validators

from transcribe_kit.transcript._standard import ItemType
from transcribe_kit.transcript._views import AttributedItem

# Latin marks, and the CJK full stop, full-width marks, ellipsis and ideographic comma.
_SENTENCE_ENDS = frozenset(".?!\u3002\uff1f\uff01\u2026")
_CLAUSE_ENDS = frozenset(",;:\u3001\uff0c\uff1b\uff1a")


@define(frozen=True, kw_only=True)
class CaptionOptions:
    """How transcripts are cut into subtitle cues; times in seconds.

    ``speakers`` puts the speaker before each cue's text (``spk_0: ...`` in SRT, a
    ``<v spk_0>`` voice span in WebVTT); ``speaker_names`` maps labels to display names.
    """

    max_chars_per_line: int = field(default=42, validator=validators.ge(1))
    max_lines: int = field(default=2, validator=validators.ge(1))
    max_duration: float = field(default=7.0, validator=validators.gt(0))
    min_duration: float = field(default=1.0, validator=validators.ge(0))
    max_gap: float = field(default=2.0, validator=validators.gt(0))
    speakers: bool = False
    speaker_names: Mapping[str, str] = field(factory=dict)


@define(frozen=True, kw_only=True)
class Cue:
    """One subtitle: its times in seconds, its lines, and the speaker if known."""

    start_time: float
    end_time: float
    lines: tuple[str, ...]
    speaker: str | None


@define(frozen=True)
class _Token:
    """A word with the punctuation that follows it."""

    text: str
    start: float
    end: float
    speaker: str | None

    @property
    def ends_sentence(self) -> bool:
        return self.text[-1] in _SENTENCE_ENDS


def _tokens(attributed: Sequence[AttributedItem]) -> list[_Token]:
    tokens: list[_Token] = []
    for entry in attributed:
        item = entry.item
        if not item.alternatives:
            continue
        content = item.alternatives[0].content
        if item.type is ItemType.PUNCTUATION or item.start_time is None or item.end_time is None:
            if tokens:
                last = tokens[-1]
                tokens[-1] = _Token(last.text + content, last.start, last.end, last.speaker)
            continue
        tokens.append(_Token(content, item.start_time, item.end_time, entry.speaker))
    return tokens


def wrap(
    words: Sequence[str], width: int, max_lines: int, *, balance: bool = True, lead: int = 1
) -> list[str] | None:
    """The words in at most ``max_lines`` lines of ``width``; ``None`` if they don't fit.

    Two lines are balanced (the longer as short as it can be) unless ``balance`` is false,
    keeping at least ``lead`` words on the first line. A single word longer than ``width``
    gets a line of its own.
    """
    starts = _line_starts(words, width, max_lines)
    if starts is None:
        return None
    if balance and len(starts) == 2:
        balanced = _balanced_two_lines(words, width, lead)
        if balanced is not None:
            return balanced
    return [" ".join(words[start:end]) for start, end in pairwise([*starts, len(words)])]


def _line_starts(words: Sequence[str], width: int, max_lines: int) -> list[int] | None:
    """The index of each line's first word, the lines filled greedily; ``None`` past ``max_lines``.

    Counted on the words' lengths alone: a cue that grows a word at a time asks this for
    every word, and only the cue that is kept needs its lines as text.
    """
    starts: list[int] = []
    used = 0
    for index, word in enumerate(words):
        if starts and used + 1 + len(word) <= width:
            used += 1 + len(word)
            continue
        if len(starts) == max_lines:
            return None
        starts.append(index)
        used = len(word)
    return starts


def _balanced_two_lines(words: Sequence[str], width: int, lead: int) -> list[str] | None:
    # The lengths of the two lines are worked out for every split; the text only for the best.
    lengths = [len(word) for word in words]
    total = sum(lengths) + len(words) - 1
    first = sum(lengths[:lead]) + lead - 1
    best: tuple[int, int] | None = None
    for split in range(lead, len(words)):
        second = total - first - 1
        # A word longer than the width may stand alone on its line.
        first_fits = first <= width or split == 1
        second_fits = second <= width or split == len(words) - 1
        if first_fits and second_fits and (best is None or max(first, second) < best[0]):
            best = (max(first, second), split)
        first += 1 + lengths[split]
    if best is None:
        return None
    split = best[1]
    return [" ".join(words[:split]), " ".join(words[split:])]


class _CueBuilder:
    def __init__(self, options: CaptionOptions) -> None:
        self.options = options
        self.cues: list[Cue] = []

    def fits(self, tokens: Sequence[_Token]) -> bool:
        options = self.options
        if tokens[-1].end - tokens[0].start > options.max_duration and len(tokens) > 1:
            return False
        words = self._prefixed([token.text for token in tokens], tokens[0].speaker)
        width, max_lines = self._layout()
        length = sum(map(len, words)) + len(words) - 1
        # Most calls are settled by the length alone, without wrapping the lines.
        if length <= width:
            return True
        if length > width * max_lines:
            return False
        return _line_starts(words, width, max_lines) is not None

    def _layout(self) -> tuple[int, int]:
        return self.options.max_chars_per_line, self.options.max_lines

    def _prefix(self, speaker: str | None) -> str | None:
        if self.options.speakers and speaker is not None:
            return f"{self.options.speaker_names.get(speaker, speaker)}:"
        return None

    def _prefixed(self, words: list[str], speaker: str | None) -> list[str]:
        # The speaker's name takes room on the first line (in WebVTT too, so that both
        # formats get the same cues).
        prefix = self._prefix(speaker)
        return words if prefix is None else [prefix, *words]

    def emit(self, tokens: Sequence[_Token]) -> None:
        words = self._prefixed([token.text for token in tokens], tokens[0].speaker)
        prefix = self._prefix(tokens[0].speaker)
        # The name is kept with the first word where they fit on one line together.
        lead = 1 if prefix is None else 2
        lines = wrap(words, *self._layout(), lead=lead) or [" ".join(words)]
        if prefix is not None:
            # The renderers put the name back in their own syntax (an empty first line when
            # the name stands alone on it).
            lines[0] = lines[0][len(prefix) + 1 :]
        end = max(tokens[-1].end, tokens[0].start + 0.001)
        self.cues.append(
            Cue(
                start_time=tokens[0].start,
                end_time=end,
                lines=tuple(lines),
                speaker=tokens[0].speaker,
            )
        )

    @staticmethod
    def split_point(tokens: Sequence[_Token]) -> int:
        """Where to cut a full cue: after its last sentence end, else its last clause end.

        Only in the last two thirds, so that the cut does not leave a stub of a cue.
        """
        for ends in (_SENTENCE_ENDS, _CLAUSE_ENDS):
            for index in range(len(tokens) - 1, max(len(tokens) // 3, 1) - 1, -1):
                if tokens[index - 1].text[-1] in ends:
                    return index
        return len(tokens)


def build_cues(attributed: Sequence[AttributedItem], options: CaptionOptions) -> list[Cue]:
    """The subtitle cues of the items, in order, without overlaps."""
    builder = _CueBuilder(options)
    current: list[_Token] = []
    for token in _tokens(attributed):
        if current and (
            token.speaker != current[-1].speaker or token.start - current[-1].end > options.max_gap
        ):
            builder.emit(current)
            current = []
        if current and not builder.fits([*current, token]):
            cut = builder.split_point(current)
            builder.emit(current[:cut])
            current = current[cut:]
            if current and not builder.fits([*current, token]):
                builder.emit(current)
                current = []
        current.append(token)
        if token.ends_sentence and current[-1].end - current[0].start >= options.min_duration:
            builder.emit(current)
            current = []
    if current:
        builder.emit(current)
    return _held_for_min_duration(builder.cues, options.min_duration)


def _held_for_min_duration(cues: list[Cue], min_duration: float) -> list[Cue]:
    """Cues shorter than ``min_duration`` held longer, up to the start of the next cue."""
    held = []
    for index, cue in enumerate(cues):
        end = max(cue.end_time, cue.start_time + min_duration)
        if index + 1 < len(cues):
            end = max(cue.end_time, min(end, cues[index + 1].start_time))
        held.append(cue if end == cue.end_time else evolve(cue, end_time=end))
    return held


def _timestamp(seconds: float, separator: str) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def render_srt(cues: Sequence[Cue], options: CaptionOptions) -> str:
    """The cues as a SubRip (``.srt``) file."""
    blocks = []
    for number, cue in enumerate(cues, start=1):
        lines = list(cue.lines)
        if options.speakers and cue.speaker is not None:
            name = options.speaker_names.get(cue.speaker, cue.speaker)
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
        if options.speakers and cue.speaker is not None:
            name = _vtt_escape(options.speaker_names.get(cue.speaker, cue.speaker))
            lines[0] = f"<v {name}>{lines[0]}".rstrip()
        times = f"{_timestamp(cue.start_time, '.')} --> {_timestamp(cue.end_time, '.')}"
        blocks.append(f"{times}\n" + "\n".join(lines) + "\n")
    return "\n".join(blocks)
