"""Views of a transcript's items: who said each word, words, speaker turns, text per channel.

None of them assumes speaker labels: a file without them, with channel labels instead,
or with one speaker gives words without a speaker, turns per channel, or a single turn.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import define

from transcribe_kit.transcript._standard import Item, ItemType, Results

_PUNCTUATION = ItemType.PUNCTUATION


@define(frozen=True, kw_only=True)
class Word:
    """A spoken word with its times in seconds, confidence, and speaker or channel if known."""

    content: str
    start_time: float
    end_time: float
    confidence: float | None
    speaker: str | None
    channel: str | None


@define(frozen=True, kw_only=True)
class SpeakerTurn:
    """Consecutive speech of one speaker (or, without speaker labels, of one channel).

    ``text`` has punctuation attached to the words; times are in seconds.
    """

    speaker: str | None
    channel: str | None
    start_time: float
    end_time: float
    text: str
    words: tuple[Word, ...]


@define(frozen=True, kw_only=True)
class AttributedItem:
    """An item with the speaker and channel it belongs to, found wherever the file keeps them."""

    item: Item
    speaker: str | None
    channel: str | None


def join_items(items: Iterable[Item]) -> str:
    """The items as text: words separated by spaces, punctuation attached to the word before."""
    parts: list[str] = []
    for item in items:
        content = item.content
        if item.type is _PUNCTUATION and parts:
            parts[-1] += content
        else:
            parts.append(content)
    return " ".join(parts)


def _times_to_label(pairs: Iterable[tuple[float | None, str | None]]) -> dict[float, str]:
    return {start: label for start, label in pairs if start is not None and label is not None}


def attribute_items(results: Results) -> list[AttributedItem]:
    """Each item with its speaker and channel.

    Newer files label the items; older ones only list each word's times under
    ``speaker_labels.segments`` or ``channel_labels.channels``, matched here by start time.
    Punctuation takes the speaker and channel of the word before it.
    """
    # The segments are only looked at for items that do not name their speaker (or channel).
    speakers: dict[float, str] = {}
    if results.speaker_labels is not None and not all(i.speaker_label for i in results.items):
        speakers = _times_to_label(
            (segment_item.start_time, segment_item.speaker_label or segment.speaker_label)
            for segment in results.speaker_labels.segments or ()
            for segment_item in segment.items or ()
        )
    channels: dict[float, str] = {}
    if results.channel_labels is not None and not all(i.channel_label for i in results.items):
        channels = _times_to_label(
            (item.start_time, channel.channel_label)
            for channel in results.channel_labels.channels
            for item in channel.items
        )
    attributed: list[AttributedItem] = []
    speaker: str | None = None
    channel: str | None = None
    for item in results.items:
        start = item.start_time
        if item.type is not _PUNCTUATION or start is not None:
            speaker = item.speaker_label or (speakers.get(start) if start is not None else None)
            channel = item.channel_label or (channels.get(start) if start is not None else None)
        attributed.append(
            AttributedItem(
                item=item,
                speaker=item.speaker_label or speaker,
                channel=item.channel_label or channel,
            )
        )
    return attributed


def words(attributed: Sequence[AttributedItem]) -> list[Word]:
    """The spoken words (not punctuation) that have times."""
    found: list[Word] = []
    for entry in attributed:
        item = entry.item
        if (
            item.type is _PUNCTUATION
            or item.start_time is None
            or item.end_time is None
            or not item.alternatives
        ):
            continue
        found.append(
            Word(
                content=item.alternatives[0].content,
                start_time=item.start_time,
                end_time=item.end_time,
                confidence=item.alternatives[0].confidence,
                speaker=entry.speaker,
                channel=entry.channel,
            )
        )
    return found


def _turn_key(entry: AttributedItem, by_speaker: bool) -> str | None:
    return entry.speaker if by_speaker else entry.channel


def speaker_turns(attributed: Sequence[AttributedItem]) -> list[SpeakerTurn]:
    """Consecutive items of one speaker merged into turns, in order.

    Without speaker labels the turns follow the channels; with neither, all speech is one turn.
    """
    by_speaker = any(entry.speaker is not None for entry in attributed)
    groups: list[list[AttributedItem]] = []
    for entry in attributed:
        # Punctuation stays with the turn it ends.
        if groups and (
            entry.item.type is _PUNCTUATION
            or _turn_key(groups[-1][0], by_speaker) == _turn_key(entry, by_speaker)
        ):
            groups[-1].append(entry)
        else:
            groups.append([entry])
    turns: list[SpeakerTurn] = []
    for group in groups:
        spoken = words(group)
        if not spoken:
            continue
        turns.append(
            SpeakerTurn(
                speaker=group[0].speaker,
                channel=group[0].channel,
                start_time=spoken[0].start_time,
                end_time=spoken[-1].end_time,
                text=join_items(entry.item for entry in group),
                words=tuple(spoken),
            )
        )
    return turns


def channel_texts(results: Results, attributed: Sequence[AttributedItem]) -> dict[str, str]:
    """The text of each channel, by channel label; empty without channel identification."""
    if results.channel_labels is not None and results.channel_labels.channels:
        return {
            channel.channel_label: join_items(channel.items)
            for channel in results.channel_labels.channels
        }
    grouped: dict[str, list[Item]] = {}
    for entry in attributed:
        if entry.channel is not None:
            grouped.setdefault(entry.channel, []).append(entry.item)
    return {label: join_items(items) for label, items in grouped.items()}
