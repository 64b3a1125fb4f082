"""Hostile documents: only the documented errors come out of the parsers and the views."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.documents import (
    CALL_ANALYTICS,
    CHANNELS_GROUPED,
    HEALTHSCRIBE,
    NEWER_SPEAKERS,
    OLDER_SPEAKERS,
)
from transcribe_kit import (
    DocumentTypeError,
    TranscriptParseError,
    parse_call_analytics_transcript,
    parse_document,
    parse_medical_scribe_transcript,
    parse_transcript,
)
from transcribe_kit.shapes.transcribe_audio import SyncItem, TranscribeAudioResults
from transcribe_kit.transcript import Transcript
from transcribe_kit.transcript._codec import MAX_DEPTH
from transcribe_kit.transcript._document import decode_subtitles
from transcribe_kit.transcript._sync import transcript_from_sync_results

DOCUMENTED = (TranscriptParseError, DocumentTypeError)


def _with(path: list[str | int], value: object, raw: bytes = NEWER_SPEAKERS) -> dict[str, Any]:
    document: Any = json.loads(raw)
    container = document
    for step in path[:-1]:
        container = container[step]
    container[path[-1]] = value
    result: dict[str, Any] = document
    return result


def _every_view(transcript: Transcript) -> None:
    assert isinstance(transcript.text, str)
    transcript.words()
    transcript.low_confidence_words()
    transcript.speaker_turns()
    transcript.channel_texts()
    transcript.to_srt()
    transcript.to_vtt()
    transcript.to_dict()
    for channel in transcript.channels:
        transcript.to_srt(channel=channel)


def test_nesting_thousands_deep_is_a_parse_error() -> None:
    raw = b'{"results": {"transcripts": [], "items": [], "deep": ' + b"[" * 100_000
    raw += b"]" * 100_000 + b"}}"

    with pytest.raises(TranscriptParseError) as raised:
        parse_transcript(raw)

    assert raised.value.reason == "invalid JSON: nested too deeply"


def test_nesting_thousands_deep_in_a_dict_is_a_parse_error() -> None:
    deep: Any = []
    for _ in range(5000):
        deep = [deep]

    with pytest.raises(TranscriptParseError, match="nested too deeply"):
        parse_transcript({"results": {"transcripts": [], "items": [], "deep": deep}})


def _nested(levels: int) -> Any:
    value: Any = []
    for _ in range(levels - 1):
        value = [value]
    return value


@pytest.mark.parametrize("as_bytes", [True, False], ids=["bytes", "dict"])
def test_the_depth_limit_is_a_count_of_levels_whatever_the_python(as_bytes: bool) -> None:
    # results (1) > deep (2) > the nested lists: the document is exactly MAX_DEPTH deep.
    fits = {"results": {"transcripts": [], "items": [], "deep": _nested(MAX_DEPTH - 2)}}
    deeper = {"results": {"transcripts": [], "items": [], "deep": _nested(MAX_DEPTH - 1)}}

    def given(document: dict[str, Any]) -> Any:
        return json.dumps(document).encode() if as_bytes else document

    assert parse_transcript(given(fits)).results.extra["deep"] == fits["results"]["deep"]
    with pytest.raises(TranscriptParseError, match="nested too deeply"):
        parse_transcript(given(deeper))


@pytest.mark.parametrize(
    "path",
    [["results", "items", 0, "id"], ["results", "extra"], ["results", "items", 0, "start_time"]],
)
def test_an_integer_of_5000_digits_is_a_parse_error(path: list[str | int]) -> None:
    raw = json.dumps(_with(path, 7)).replace(": 7", ": " + "7" * 5000, 1).encode()

    with pytest.raises(TranscriptParseError):
        parse_transcript(raw)


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf", "Infinity", "1e400"])
def test_times_that_are_not_finite_are_parse_errors(value: str) -> None:
    raw = json.dumps(_with(["results", "items", 2, "start_time"], value)).encode()

    with pytest.raises(TranscriptParseError) as raised:
        parse_transcript(raw)

    assert raised.value.path == "results.items[2].start_time"
    assert raised.value.reason.startswith("expected a finite number")


def test_nan_written_as_a_json_constant_is_a_parse_error() -> None:
    raw = json.dumps(_with(["results", "items", 2, "end_time"], float("nan"))).encode()

    with pytest.raises(TranscriptParseError):
        parse_transcript(raw)


def test_a_word_with_empty_content_is_left_out_of_the_views() -> None:
    transcript = parse_transcript(_with(["results", "items", 0, "alternatives", 0, "content"], ""))

    _every_view(transcript)

    assert transcript.words()[0].content == "you"
    assert transcript.to_srt().split("\n")[2].startswith("you")


def test_a_word_without_alternatives_is_left_out_of_the_views() -> None:
    transcript = parse_transcript(_with(["results", "items", 0, "alternatives"], []))

    _every_view(transcript)

    assert transcript.words()[0].content == "you"


def test_transcribe_audio_items_without_content_give_working_views() -> None:
    results = TranscribeAudioResults(
        transcript="Hello",
        items=[
            SyncItem(start_time=0.0, end_time=0.5),
            SyncItem(content="Hello", start_time=0.5, end_time=0.9),
            SyncItem(content="", start_time=0.9, end_time=1.0),
        ],
    )

    transcript = transcript_from_sync_results(results)

    _every_view(transcript)
    assert [w.content for w in transcript.words()] == ["Hello"]


@pytest.mark.parametrize(
    "data", [b"\xff\xfe1\x00\n\x00", "Caf\u00e9".encode("latin-1"), b"\xe2\x82"], ids=repr
)
def test_subtitles_that_are_not_utf8_are_a_parse_error(data: bytes) -> None:
    with pytest.raises(TranscriptParseError, match="not UTF-8"):
        decode_subtitles(data)


def test_subtitles_with_a_byte_order_mark_are_read() -> None:
    assert decode_subtitles(b"\xef\xbb\xbfWEBVTT\n") == "WEBVTT\n"


# Arbitrary JSON where the documents hold values, and arbitrary bytes.

_NUMBER_TEXTS = st.sampled_from(
    ["0.5", "1.0E-4", "nan", "inf", "-1", "1e400", "", " 1", "0x10", "1_0", "null", "true"]
)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=8)
    | _NUMBER_TEXTS
)
_JSON = st.recursive(
    _SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)


def _paths(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value[:3]):
            found += _paths(item, (*path, index))
    return found


_SOURCES = [OLDER_SPEAKERS, NEWER_SPEAKERS, CHANNELS_GROUPED]


@st.composite
def _changed_documents(draw: st.DrawFn) -> Any:
    document = json.loads(draw(st.sampled_from(_SOURCES)))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(_paths(document)))
        value = draw(_JSON)
        if not path:
            return value
        container = document
        for step in path[:-1]:
            container = container[step]
        if draw(st.booleans()) and isinstance(container, dict) and isinstance(path[-1], str):
            del container[path[-1]]
        else:
            container[path[-1]] = value
    return document


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=_changed_documents(), as_bytes=st.booleans())
def test_any_changed_transcript_parses_or_raises_a_documented_error(
    document: Any, as_bytes: bool
) -> None:
    data = json.dumps(document).encode() if as_bytes else document
    try:
        transcript = parse_transcript(data)
    except DOCUMENTED:
        return
    _every_view(transcript)
    assert json.loads(json.dumps(transcript.to_dict())) == json.loads(json.dumps(document))


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_bytes_parse_or_raise_a_documented_error(data: bytes) -> None:
    for parse in (
        parse_transcript,
        parse_document,
        parse_call_analytics_transcript,
        parse_medical_scribe_transcript,
    ):
        with contextlib.suppress(*DOCUMENTED):
            parse(data)


@settings(max_examples=150, deadline=None)
@given(
    source=st.sampled_from([CALL_ANALYTICS, HEALTHSCRIBE]),
    value=_JSON,
    data=st.data(),
)
def test_any_changed_call_analytics_or_scribe_document_parses_or_raises_a_documented_error(
    source: dict[str, Any], value: object, data: st.DataObject
) -> None:
    document = json.loads(json.dumps(source))
    path = data.draw(st.sampled_from(_paths(document)[1:]))
    container = document
    for step in path[:-1]:
        container = container[step]
    container[path[-1]] = value
    try:
        parsed = parse_document(json.dumps(document).encode())
    except DOCUMENTED:
        return
    assert parsed.to_dict() == document
