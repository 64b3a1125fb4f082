"""Views of a transcript's items: the spoken words in time order, speaker turns, channel texts.

None of them assumes speaker labels: a file without them, with channel labels instead,
or with one speaker gives words without a speaker, turns per channel, or a single turn.
Words are ordered by their start time (stably): documents with channel identification
group their items by channel, not by time. Punctuation stays with the word it follows
(opening marks such as ``¿`` with the word they precede), and tokens of scripts written
without spaces (Japanese, Chinese, Thai) are joined without one.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from operator import attrgetter, itemgetter
from typing import Any, Final, TypeAlias

import msgspec

from transcribe_kit.transcript._standard import Item, ItemType, Results
from transcribe_kit.transcript._text import OPENING, join

_PUNCTUATION: Final = ItemType.PUNCTUATION
_SPEAKER_LABEL: Final = attrgetter("speaker_label")
_CHANNEL_LABEL: Final = attrgetter("channel_label")


class Word(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """A spoken word with its times in seconds, confidence, and speaker or channel if known."""

    content: str
    start_time: float
    end_time: float
    confidence: float | None
    speaker: str | None
    channel: str | None


class SpeakerTurn(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """Consecutive speech of one speaker (or, without speaker labels, of one channel).

    ``text`` has punctuation attached to the words; times are in seconds.
    """

    speaker: str | None
    channel: str | None
    start_time: float
    end_time: float
    text: str
    words: tuple[Word, ...]


#: A spoken word as the views handle it: a list, so that punctuation can be attached.
Spoken: TypeAlias = list[Any]
# The positions in a ``Spoken``.
START: Final = 0
END: Final = 1
CONTENT: Final = 2
#: Punctuation before the word (opening marks) and after it.
LEAD: Final = 3
TRAIL: Final = 4
CONFIDENCE: Final = 5
SPEAKER: Final = 6
CHANNEL: Final = 7


def display(spoken: Spoken) -> str:
    """The word with the punctuation around it."""
    text: str = spoken[CONTENT]
    return spoken[LEAD] + text + spoken[TRAIL] if spoken[LEAD] or spoken[TRAIL] else text


def join_items(items: Iterable[Item]) -> str:
    """The items as text: punctuation attached to the word before it (or after, if it opens)."""
    tokens: list[str] = []
    lead = ""
    for item in items:
        content = item.content
        if item.type is _PUNCTUATION:
            if content and content[0] in OPENING:
                lead += content
            elif tokens:
                tokens[-1] += content
            else:
                tokens.append(content)
        elif content:
            tokens.append(lead + content)
            lead = ""
    if lead:
        tokens.append(lead)
    return join(tokens)


class _Segments:
    """Who spoke when, from ``speaker_labels.segments`` (how older files name speakers)."""

    def __init__(self, results: Results) -> None:
        labels = results.speaker_labels
        segments = (
            [s for s in (labels.segments or ()) if s.start_time is not None] if labels else []
        )
        segments.sort(key=lambda s: s.start_time or 0.0)
        self.by_start = {
            item.start_time: item.speaker_label or segment.speaker_label
            for segment in segments
            for item in segment.items or ()
            if item.start_time is not None
        }
        self.starts = [s.start_time or 0.0 for s in segments]
        self.segments = segments

    def speaker(self, start: float) -> str | None:
        found = self.by_start.get(start)
        if found is not None:
            return found
        index = bisect.bisect_right(self.starts, start) - 1
        if index >= 0:
            segment = self.segments[index]
            if segment.end_time is None or start <= segment.end_time:
                return segment.speaker_label
        return None


class _Channels:
    """Which channel each word is on, from ``channel_labels`` (older files leave it off items)."""

    def __init__(self, results: Results) -> None:
        self.by_word: dict[tuple[float | None, str], list[str]] = {}
        for channel in results.channel_labels.channels if results.channel_labels else ():
            for item in channel.items:
                if item.type is not _PUNCTUATION:
                    key = (item.start_time, item.content)
                    self.by_word.setdefault(key, []).append(channel.channel_label)

    def channel(self, item: Item) -> str | None:
        labels = self.by_word.get((item.start_time, item.content))
        # The same word at the same time on two channels: one each, in the order written.
        return (labels.pop(0) if len(labels) > 1 else labels[0]) if labels else None


def spoken_words(results: Results) -> list[Spoken]:
    """The spoken words with their punctuation, speaker and channel, ordered by start time."""
    items = results.items
    segments = (
        _Segments(results)
        if results.speaker_labels is not None and not all(map(_SPEAKER_LABEL, items))
        else None
    )
    channels = (
        _Channels(results)
        if results.channel_labels is not None and not all(map(_CHANNEL_LABEL, items))
        else None
    )
    by_start = segments.by_start if segments is not None else {}
    words: list[Spoken] = []
    last: Spoken | None = None
    lead = ""
    ordered = True
    latest = 0.0
    for item in items:
        alternatives = item.alternatives
        if not alternatives:
            continue
        first = alternatives[0]
        content = first.content
        start = item.start_time
        end = item.end_time
        if item.type is _PUNCTUATION or start is None or end is None:
            if not content:
                continue
            if content[0] in OPENING:
                lead += content
            elif last is not None:
                last[TRAIL] += content
            continue
        if not content or content.isspace():
            continue
        speaker = item.speaker_label
        if speaker is None and segments is not None:
            # Most words are found by their start time, without a call.
            speaker = by_start.get(start) or segments.speaker(start)
        channel = item.channel_label
        if channel is None and channels is not None:
            channel = channels.channel(item)
        last = [start, end, content, lead, "", first.confidence, speaker, channel]
        lead = ""
        words.append(last)
        if start < latest:
            ordered = False
        latest = start
    if not ordered:
        words.sort(key=itemgetter(START))
    return words


def words_of(spoken: Sequence[Spoken]) -> list[Word]:
    """The spoken words as ``Word`` s."""
    return [
        Word(
            content=s[CONTENT],
            start_time=s[START],
            end_time=s[END],
            confidence=s[CONFIDENCE],
            speaker=s[SPEAKER],
            channel=s[CHANNEL],
        )
        for s in spoken
    ]


def on_channel(spoken: Sequence[Spoken], channel: str | None) -> Sequence[Spoken]:
    """The words of one channel (all of them for ``None``)."""
    return spoken if channel is None else [s for s in spoken if s[CHANNEL] == channel]


def speaker_turns(spoken: Sequence[Spoken]) -> list[SpeakerTurn]:
    """Consecutive words of one speaker (and channel) merged into turns, in time order.

    Without speaker labels the turns follow the channels; with neither, all speech is one turn.
    """
    turns: list[SpeakerTurn] = []
    group: list[Spoken] = []
    for entry in spoken:
        if group and (entry[SPEAKER] != group[0][SPEAKER] or entry[CHANNEL] != group[0][CHANNEL]):
            turns.append(_turn(group))
            group = []
        group.append(entry)
    if group:
        turns.append(_turn(group))
    return turns


def _turn(group: list[Spoken]) -> SpeakerTurn:
    return SpeakerTurn(
        speaker=group[0][SPEAKER],
        channel=group[0][CHANNEL],
        start_time=group[0][START],
        end_time=max(entry[END] for entry in group),
        text=join(map(display, group)),
        words=tuple(words_of(group)),
    )


def channel_labels(results: Results, spoken: Sequence[Spoken]) -> tuple[str, ...]:
    """The labels of the channels, in the document's order; empty without channel identification."""
    labels = dict.fromkeys(
        channel.channel_label
        for channel in (results.channel_labels.channels if results.channel_labels else ())
    )
    labels.update(dict.fromkeys(s[CHANNEL] for s in spoken if s[CHANNEL] is not None))
    return tuple(labels)


def channel_texts(results: Results, spoken: Sequence[Spoken]) -> dict[str, str]:
    """The text of each channel, by channel label; empty without channel identification."""
    return {
        label: join(map(display, on_channel(spoken, label)))
        for label in channel_labels(results, spoken)
    }
