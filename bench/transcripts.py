"""Parse and render a one-hour transcript; print the times side by side with ``json.loads``.

    python bench/transcripts.py [--items 10000] [--repeat 15]

The document is synthetic and the same on every run (a seeded generator): the newer layout
with item ids, speaker labels on items, speaker segments and audio segments, numbers as
strings, a sentence end every 8 to 20 words, four speakers.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from transcribe_kit import CaptionOptions, parse_transcript

_WORDS = (
    "the a to and of we is that it you for on this with our customer call account service "
    "transcribe amazon audio speaker meeting today question answer please thank would could "
    "should about time number order payment report data model quarter team project update "
    "review next week plan result issue support"
)
_VOCABULARY = tuple(_WORDS.split())


def _time(seconds: float) -> str:
    return f"{seconds:.3f}"


def make_document(item_count: int, seed: int = 42) -> dict[str, Any]:
    """A transcript of about ``item_count`` items (1 hour of speech for 10,000)."""
    rng = random.Random(seed)
    items: list[dict[str, Any]] = []
    segments: list[dict[str, Any]] = []
    audio_segments: list[dict[str, Any]] = []
    clock = 0.0
    speaker = "spk_0"
    while len(items) < item_count:
        speaker = f"spk_{rng.randrange(4)}" if rng.random() < 0.3 else speaker
        sentence_start = clock
        ids: list[int] = []
        segment_items: list[dict[str, str]] = []
        words = rng.randint(8, 20)
        for index in range(words):
            duration = rng.uniform(0.15, 0.45)
            word = rng.choice(_VOCABULARY)
            item = {
                "id": len(items),
                "type": "pronunciation",
                "alternatives": [
                    {
                        "confidence": f"{rng.uniform(0.4, 1.0):.3f}",
                        "content": word.title() if index == 0 else word,
                    }
                ],
                "start_time": _time(clock),
                "end_time": _time(clock + duration),
                "speaker_label": speaker,
            }
            segment_items.append(
                {
                    "start_time": _time(clock),
                    "end_time": _time(clock + duration),
                    "speaker_label": speaker,
                }
            )
            ids.append(len(items))
            items.append(item)
            clock += duration + rng.uniform(0.0, 0.1)
            if index == words // 2 and rng.random() < 0.5:
                ids.append(len(items))
                items.append(_punctuation(len(items), ",", speaker))
        ids.append(len(items))
        items.append(_punctuation(len(items), rng.choice(".?."), speaker))
        segments.append(
            {
                "start_time": _time(sentence_start),
                "end_time": _time(clock),
                "speaker_label": speaker,
                "items": segment_items,
            }
        )
        audio_segments.append(
            {
                "id": len(audio_segments),
                "transcript": "",
                "start_time": _time(sentence_start),
                "end_time": _time(clock),
                "speaker_label": speaker,
                "items": ids,
            }
        )
        clock += rng.uniform(0.2, 1.5)
    text = " ".join(
        i["alternatives"][0]["content"]
        if i["type"] == "pronunciation"
        else "\0" + i["alternatives"][0]["content"]
        for i in items
    ).replace(" \0", "")
    return {
        "jobName": "bench-one-hour",
        "accountId": "111122223333",
        "status": "COMPLETED",
        "results": {
            "transcripts": [{"transcript": text}],
            "speaker_labels": {"channel_label": "ch_0", "speakers": 4, "segments": segments},
            "items": items,
            "audio_segments": audio_segments,
        },
    }


def _punctuation(item_id: int, mark: str, speaker: str) -> dict[str, Any]:
    return {
        "id": item_id,
        "type": "punctuation",
        "alternatives": [{"confidence": "0.0", "content": mark}],
        "speaker_label": speaker,
    }


def _medians(
    steps: dict[str, Callable[[], object]], repeat: int
) -> tuple[dict[str, float], dict[str, float]]:
    """Median CPU time of each step, and median of its per-round ratio to the first step.

    The steps run side by side in every round, so a busy spell on a shared machine falls
    on all of them; CPU time (``process_time``) leaves out time spent in other processes.
    A collection before each step gives every step the same garbage collector state.
    """
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(repeat):
        for name, step in steps.items():
            gc.collect()
            started = time.process_time()
            step()
            times[name].append(time.process_time() - started)
    base = next(iter(times.values()))
    ratios = {
        name: statistics.median(
            value / reference for value, reference in zip(values, base, strict=True)
        )
        for name, values in times.items()
    }
    return {name: statistics.median(values) for name, values in times.items()}, ratios


def _peak_bytes(step: Callable[[], object]) -> int:
    """The most memory ``step`` holds at once while it runs and keeps its result (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        kept = step()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del kept
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    raw = json.dumps(make_document(args.items)).encode()
    transcript = parse_transcript(raw)
    items = len(transcript.items)
    hours = (transcript.items[-2].end_time or 0.0) / 3600
    print(f"document: {items} items, {hours:.2f} h of speech, {len(raw) / 1e6:.2f} MB")

    speakers = CaptionOptions(speakers=True)
    # Rendering is timed on transcripts parsed beforehand, each rendered once (a transcript
    # keeps the speaker of each item once worked out).
    fresh = iter([parse_transcript(raw) for _ in range(3 * args.repeat)])
    medians, ratios = _medians(
        {
            "json.loads": lambda: json.loads(raw),
            "parse_transcript (incl. json.loads)": lambda: parse_transcript(raw),
            "to_srt": lambda: next(fresh).to_srt(),
            "to_vtt": lambda: next(fresh).to_vtt(),
            "to_srt with speaker names": lambda: next(fresh).to_srt(speakers),
        },
        args.repeat,
    )
    parse = ratios["parse_transcript (incl. json.loads)"]
    print(f"CPU time, median of {args.repeat} rounds; ratio = time / json.loads of the same")
    print("bytes in the same round (median of the rounds' ratios)")
    print(f"{'step':<38}{'ms':>9}{'ratio':>8}")
    for name, seconds in medians.items():
        print(f"{name:<38}{seconds * 1000:>9.1f}{ratios[name]:>7.2f}x")
    target = "met" if parse <= 3 else "NOT met"
    print(f"target parse <= 3x json.loads: {target}")
    loads_peak, parse_peak = (
        _peak_bytes(lambda: json.loads(raw)),
        _peak_bytes(lambda: parse_transcript(raw)),
    )
    print(
        f"peak memory: json.loads {loads_peak / 1e6:.1f} MB, parse_transcript "
        f"{parse_peak / 1e6:.1f} MB ({parse_peak / loads_peak:.2f}x)"
    )


if __name__ == "__main__":
    main()
