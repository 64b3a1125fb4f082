"""A builder of transcript documents in the layouts Amazon Transcribe writes.

Every layout quirk seen in real output is a switch here: older and newer layouts, numbers
as strings with 2 to 6 decimals or in exponent form, punctuation with no confidence, a
``null`` one or ``"0.0"``, integer item ids, speaker segments with or without their items,
channel labels with the merged items grouped by channel, audio segments, key orders,
pretty-printing with trailing spaces. What the words are is given as lines of speech.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

Json = dict[str, Any]


@dataclass(frozen=True)
class Line:
    """One stretch of speech: who says it, on which channel, and its text.

    Latin text is split into words and punctuation; text of a script without spaces is
    given as its tokens separated by spaces (``"ええ でき まし た ね 。"``), as the service
    tokenizes it. ``start`` places the line (overlapping speech on two channels).
    """

    text: str
    speaker: str | None = None
    channel: str | None = None
    start: float | None = None


def tokens(text: str) -> list[str]:
    """The words and punctuation marks of ``text``."""
    found: list[str] = []
    for part in text.split():
        found.extend(re.findall(r"[¿¡]|[^\W_](?:[\w'\-\[\]*]*[\w\]*])?|\*+|\[\w+\]|[^\w\s]", part))
    return found


def is_punctuation(token: str) -> bool:
    """Whether the service writes ``token`` as a punctuation item (a mask ``***`` is a word)."""
    return "*" not in token and all(unicodedata.category(char).startswith("P") for char in token)


def three_decimals(value: float) -> str:
    return f"{value:.3f}"


def two_decimals(value: float) -> str:
    return f"{value:.2f}"


def shortest(value: float) -> str:
    """How the service wrote times in 2020: "0.49", "1.0"."""
    return repr(round(value, 2))


def four_decimals(_: int, rng: random.Random) -> str:
    return f"{rng.uniform(0.5, 1.0):.4f}"


@dataclass
class Layout:
    """How the document is written."""

    time: Callable[[float], str] = three_decimals
    confidence: Callable[[int, random.Random], str] = four_decimals
    #: "absent", "null" or "0.0"
    punctuation_confidence: str = "0.0"
    ids: bool = False
    speaker_on_items: bool = False
    speaker_on_punctuation: bool = False
    #: Speaker segments in results.speaker_labels, with the times of their words.
    speaker_segments: bool = False
    speaker_segments_channel: bool = False
    channel_on_items: bool = False
    channel_labels: bool = False
    #: The merged items grouped by channel (all of ch_0, then ch_1) instead of by time.
    grouped_by_channel: bool = False
    audio_segments: bool = False
    top_keys: Sequence[str] = ("jobName", "accountId", "results", "status")
    item_keys: Sequence[str] = ("start_time", "end_time", "alternatives", "type")
    indent: int | None = 2
    trailing_spaces: bool = False
    #: The text the service wrote, when it differs from the items (a space before "?").
    text: str | None = None
    #: Extra keys per word, by the word's index among the spoken words.
    word_extra: Callable[[int, str], Json] = lambda index, word: {}
    #: Extra keys of results.
    results_extra: Json = field(default_factory=dict)
    top_extra: Json = field(default_factory=dict)
    job_name: str = "fixture-job"
    seed: int = 7


def build(lines: Sequence[Line], layout: Layout | None = None) -> bytes:
    """The document of ``lines`` written in ``layout``."""
    layout = layout or Layout()
    rng = random.Random(layout.seed)
    items: list[Json] = []
    spoken_index = 0
    clock = 0.0
    segments: list[Json] = []
    for line in lines:
        clock = line.start if line.start is not None else clock
        segment_items: list[Json] = []
        line_start = clock
        line_items: list[Json] = []
        for token in tokens(line.text):
            if is_punctuation(token):
                mark = _punctuation(token, line, layout)
                # Sorted right after the word before it (or before the word, if it opens).
                mark["\0start"] = (
                    clock if token in "¿¡" else line_items[-1]["\0start"] if line_items else clock
                )
                line_items.append(mark)
                continue
            duration = 0.12 + 0.035 * len(token) + rng.uniform(0.0, 0.1)
            item = _word(token, clock, clock + duration, spoken_index, line, layout, rng)
            line_items.append(item)
            segment_items.append(
                {
                    "start_time": layout.time(clock),
                    "speaker_label": line.speaker,
                    "end_time": layout.time(clock + duration),
                }
            )
            spoken_index += 1
            clock += duration + rng.choice((0.0, 0.01, 0.04))
        items.extend(line_items)
        if line.speaker is not None and layout.speaker_segments:
            segment: Json = {
                "start_time": layout.time(line_start),
                "speaker_label": line.speaker,
                "end_time": layout.time(clock),
                "items": segment_items,
            }
            segments.append(segment)
        clock += 0.6
    if layout.grouped_by_channel:
        items.sort(key=lambda item: item.get("channel_label") or item["\0channel"])
    else:
        items.sort(key=_item_start)
    for index, item in enumerate(items):
        if layout.ids:
            item["id"] = index
    results: Json = {"transcripts": [{"transcript": layout.text or _text(items)}]}
    if segments:
        labels: Json = {
            "speakers": len({s["speaker_label"] for s in segments}),
            "segments": segments,
        }
        if layout.speaker_segments_channel:
            labels = {"channel_label": "ch_0", **labels}
        results["speaker_labels"] = labels
    if layout.channel_labels:
        channels: dict[str, list[Json]] = {}
        for item in sorted(items, key=_item_start):
            channels.setdefault(item["\0channel"], []).append(_public(item, keep_channel=False))
        results["channel_labels"] = {
            "channels": [{"channel_label": k, "items": v} for k, v in sorted(channels.items())],
            "number_of_channels": len(channels),
        }
    results["items"] = [_public(item, keep_channel=layout.channel_on_items) for item in items]
    if layout.audio_segments:
        results["audio_segments"] = _audio_segments(items, layout)
    results.update(layout.results_extra)
    values: Json = {
        "jobName": layout.job_name,
        "accountId": "111122223333",
        "results": results,
        "status": "COMPLETED",
        **layout.top_extra,
    }
    document = {key: values[key] for key in layout.top_keys if key in values}
    document.update({k: v for k, v in values.items() if k not in document})
    text = json.dumps(document, indent=layout.indent, ensure_ascii=False)
    if layout.trailing_spaces:
        text = text.replace(",\n", ", \n")
    return text.encode()


def _item_start(item: Json) -> float:
    return float(item["\0start"])


def _word(
    content: str,
    start: float,
    end: float,
    index: int,
    line: Line,
    layout: Layout,
    rng: random.Random,
) -> Json:
    values: Json = {
        "start_time": layout.time(start),
        "end_time": layout.time(end),
        "alternatives": [{"confidence": layout.confidence(index, rng), "content": content}],
        "type": "pronunciation",
    }
    item = {key: values[key] for key in layout.item_keys}
    if layout.speaker_on_items and line.speaker is not None:
        item["speaker_label"] = line.speaker
    if line.channel is not None:
        item["channel_label"] = line.channel
    item.update(layout.word_extra(index, content))
    item["\0start"] = start
    item["\0channel"] = line.channel or ""
    return item


def _punctuation(mark: str, line: Line, layout: Layout) -> Json:
    alternative: Json = {"content": mark}
    if layout.punctuation_confidence == "null":
        alternative = {"confidence": None, "content": mark}
    elif layout.punctuation_confidence == "0.0":
        alternative = {"confidence": "0.0", "content": mark}
    item: Json = {"alternatives": [alternative], "type": "punctuation"}
    if layout.speaker_on_punctuation and line.speaker is not None:
        item["speaker_label"] = line.speaker
    if line.channel is not None:
        item["channel_label"] = line.channel
    item["\0channel"] = line.channel or ""
    return item


def _public(item: Json, *, keep_channel: bool) -> Json:
    return {
        k: v
        for k, v in item.items()
        if not k.startswith("\0") and (keep_channel or k != "channel_label")
    }


def _text(items: Sequence[Json]) -> str:
    words: list[str] = []
    for item in items:
        content = item["alternatives"][0]["content"]
        if (item["type"] == "punctuation" and words and content not in "¿¡") or (
            words and words[-1] in ("¿", "¡")
        ):
            words[-1] += content
        else:
            words.append(content)
    text = ""
    for word in words:
        if text and not (_cjk(text[-1]) and _cjk(word[0])):
            text += " "
        text += word
    return text


def _cjk(char: str) -> bool:
    """A character of a script written without spaces (not Hangul: Korean has spaces)."""
    if "\uac00" <= char <= "\ud7af":
        return False
    return unicodedata.east_asian_width(char) in ("W", "F") or "\u0e00" <= char <= "\u0e7f"


def _audio_segments(items: Sequence[Json], layout: Layout) -> list[Json]:
    segments: list[Json] = []
    current: list[Json] = []
    for item in items:
        current.append(item)
        if item["type"] == "punctuation" and item["alternatives"][0]["content"] in ".?!。":
            segments.append(_audio_segment(len(segments), current, layout))
            current = []
    if current:
        segments.append(_audio_segment(len(segments), current, layout))
    return segments


def _audio_segment(number: int, items: Sequence[Json], layout: Layout) -> Json:
    words = [i for i in items if i["type"] == "pronunciation"]
    segment: Json = {
        "id": number,
        "transcript": _text(items),
        "start_time": words[0]["start_time"],
        "end_time": words[-1]["end_time"],
    }
    if "speaker_label" in words[0]:
        segment["speaker_label"] = words[0]["speaker_label"]
    segment["items"] = [item.get("id", 0) for item in items]
    return segment
