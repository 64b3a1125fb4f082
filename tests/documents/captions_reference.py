"""The subtitle layout written word by word, for reading rather than speed.

``transcribe_kit.transcript._captions`` lays cues out over per-word lists with bisection
and C-level maps; this module follows the rules of its docstring one word at a time, each
word a tuple, each cue a list of them. The property tests hold the two to the same cues.
Only the script of a character (and of counted characters), the display width of text and
the separator between words come from the SDK.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from transcribe_kit import CaptionOptions
from transcribe_kit.transcript._captions import script_of_character, script_of_counts
from transcribe_kit.transcript._text import separator, width

SENTENCE_ENDS = frozenset(".?!\u3002\uff1f\uff01\u2026\u0e2f")
CLAUSE_ENDS = frozenset(",;:\u3001\uff0c\uff1b\uff1a")
WIDTHS = {"japanese": 26, "chinese": 32, "korean": 32, "thai": 35, "other": 42}

# A word: (start ms, end ms, text, width, columns between it and the word before).
Token = tuple[int, int, str, int, int]
# A cue as the SDK's ``Cue`` holds it: start and end in ms, lines, speaker, channel.
ReferenceCue = tuple[int, int, tuple[str, ...], str | None, str | None]


def _script(spoken: Sequence[list[Any]]) -> str:
    counts = dict.fromkeys(("kana", "han", "hangul", "thai", "other"), 0)
    for entry in spoken[:2000]:
        for char in entry[2]:
            counts[script_of_character(char)] += 1
    return script_of_counts(counts)


class _Rules:
    def __init__(self, options: CaptionOptions, line_width: int, prefix: int) -> None:
        self.width = line_width
        self.max_lines = options.max_lines
        self.max_duration = round(options.max_duration * 1000)
        self.min_duration = round(options.min_duration * 1000)
        self.label = prefix + 1 if prefix else 0

    def lines(self, tokens: Sequence[Token]) -> tuple[int, int]:
        """Lines filled greedily, and the columns on the last."""
        lines, used = 1, tokens[0][3] + self.label
        for token in tokens[1:]:
            if used + token[4] + token[3] <= self.width:
                used += token[4] + token[3]
            else:
                lines, used = lines + 1, token[3]
        return lines, used

    def fits(self, tokens: Sequence[Token]) -> bool:
        if len(tokens) > 1 and tokens[-1][1] - tokens[0][0] > self.max_duration:
            return False
        return self.lines(tokens)[0] <= self.max_lines


def _cut(tokens: Sequence[Token]) -> int:
    for marks in (SENTENCE_ENDS, CLAUSE_ENDS):
        for index in range(len(tokens) - 1, max(len(tokens) // 3, 1) - 1, -1):
            if tokens[index - 1][2][-1] in marks:
                return index
    return len(tokens)


def _run(run: list[Token], rules: _Rules) -> list[list[Token]]:
    cues: list[list[Token]] = []
    current: list[Token] = []
    for token in run:
        if current:
            candidate = [*current, token]
            lines, _ = rules.lines(candidate)
            if token[1] - current[0][0] > rules.max_duration or lines > rules.max_lines:
                cut = _cut(current)
                cues.append(current[:cut])
                current = current[cut:]
                if current and not rules.fits([*current, token]):
                    cues.append(current)
                    current = []
        current.append(token)
        if token[2][-1] in SENTENCE_ENDS and token[1] - current[0][0] >= rules.min_duration:
            cues.append(current)
            current = []
    if current:
        cues.append(current)
    return _no_lone_words(cues, rules)


def _no_lone_words(cues: list[list[Token]], rules: _Rules) -> list[list[Token]]:
    index = 0
    while index < len(cues):
        if len(cues[index]) != 1 or len(cues) == 1:
            index += 1
            continue
        before = cues[index - 1] if index > 0 else None
        after = cues[index + 1] if index + 1 < len(cues) else None
        if before is not None and rules.fits(before + cues[index]):
            cues[index - 1 : index + 1] = [before + cues[index]]
        elif after is not None and rules.fits(cues[index] + after):
            cues[index : index + 2] = [cues[index] + after]
        else:
            if before is not None and len(before) >= 3:
                joined = before + cues[index]
                splits = [
                    (max(sum(t[3] for t in joined[:s]), sum(t[3] for t in joined[s:])), s)
                    for s in range(2, len(joined) - 1)
                    if rules.fits(joined[:s]) and rules.fits(joined[s:])
                ]
                if splits:
                    split = min(splits)[1]
                    cues[index - 1 : index + 1] = [joined[:split], joined[split:]]
            index += 1
    return cues


def _line_text(tokens: Sequence[Token]) -> str:
    return tokens[0][2] + "".join(" " * t[4] + t[2] for t in tokens[1:])


def _wrap(tokens: Sequence[Token], rules: _Rules) -> tuple[str, ...]:
    sizes = [t[3] + t[4] for t in tokens]
    sizes[0] = tokens[0][3] + rules.label
    lines: list[list[Token]] = [[tokens[0]]]
    used = sizes[0]
    for token, size in zip(tokens[1:], sizes[1:], strict=True):
        if used + size <= rules.width:
            lines[-1].append(token)
            used += size
        else:
            lines.append([token])
            used = token[3]
    if len(lines) == 2 and rules.max_lines >= 2:
        # Of the splits where both lines fit, the first whose longer line is shortest.
        options = []
        for split in range(1, len(tokens)):
            first = sum(sizes[:split])
            second = sum(sizes[split:]) - tokens[split][4]
            if (first <= rules.width or split == 1) and (
                second <= rules.width or split == len(tokens) - 1
            ):
                options.append((max(first, second), split))
        if options:
            split = min(options)[1]
            lines = [list(tokens[:split]), list(tokens[split:])]
    return tuple(_line_text(line) for line in lines)


def reference_cues(
    spoken: Sequence[list[Any]], options: CaptionOptions, audio_end: float
) -> list[ReferenceCue]:
    """The cues of ``Transcript._spoken`` as the rules describe them, in milliseconds."""
    line_width = options.max_chars_per_line or WIDTHS[_script(spoken)]
    runs: list[tuple[list[Any], list[Token]]] = []
    for entry in spoken:
        start = round(entry[0] * 1000)
        end = max(round(entry[1] * 1000), start)
        text = entry[3] + entry[2] + entry[4]
        if any(c.isspace() for c in text) or not text.isprintable():
            text = " ".join(text.split()) or "-"
        if runs and (
            (entry[6], entry[7]) == (runs[-1][0][6], runs[-1][0][7])
            and start - runs[-1][1][-1][1] <= round(options.max_gap * 1000)
        ):
            gap = len(separator(runs[-1][1][-1][2], text))
            runs[-1][1].append((start, end, text, width(text), gap))
        else:
            runs.append((entry, [(start, end, text, width(text), 1)]))
    laid: list[tuple[list[Token], list[Any], _Rules]] = []
    for first, run in runs:
        label = first[6] or first[7] if options.speakers else None
        name = None if label is None else f"{options.speaker_names.get(label, label)}:"
        rules = _Rules(options, line_width, width(name) if name else 0)
        laid.extend((cue, first, rules) for cue in _run(run, rules))
    limit = round((audio_end if options.media_duration is None else options.media_duration) * 1000)
    cues: list[ReferenceCue] = []
    previous_end = 0
    for index, (tokens, first, rules) in enumerate(laid):
        start = max(tokens[0][0], previous_end)
        end = max(max(t[1] for t in tokens), start + rules.min_duration)
        ends = [end, start + rules.max_duration, limit]
        if index + 1 < len(laid):
            ends.append(laid[index + 1][0][0][0])
        end = min(ends)
        if end <= start:
            if start >= limit:
                start = max(previous_end, limit - 1)
            end = start + 1
        previous_end = end
        cues.append((start, end, _wrap(tokens, rules), first[6], first[7]))
    return cues
