"""Malformed documents raise TranscriptParseError naming the path of the wrong value."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.documents import HEALTHSCRIBE, OLDER_SPEAKERS
from transcribe_kit import (
    DocumentTypeError,
    TranscribeError,
    TranscriptParseError,
    parse_call_analytics_transcript,
    parse_clinical_document,
    parse_document,
    parse_medical_scribe_transcript,
    parse_transcript,
)


@pytest.fixture
def document() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(OLDER_SPEAKERS)
    return loaded


def _set(path: Callable[[dict[str, Any]], tuple[Any, Any]], value: object) -> Any:
    def change(document: dict[str, Any]) -> dict[str, Any]:
        changed = copy.deepcopy(document)
        container, key = path(changed)
        container[key] = value
        return changed

    return change


def _delete(path: Callable[[dict[str, Any]], tuple[Any, Any]]) -> Any:
    def change(document: dict[str, Any]) -> dict[str, Any]:
        changed = copy.deepcopy(document)
        container, key = path(changed)
        del container[key]
        return changed

    return change


def _confidence(d: dict[str, Any]) -> tuple[Any, Any]:
    return d["results"]["items"][12]["alternatives"][0], "confidence"


MALFORMED = [
    pytest.param(
        _set(_confidence, "abc"),
        "results.items[12].alternatives[0].confidence",
        'expected a number, got "abc"',
        id="number-not-numeric",
    ),
    pytest.param(
        _set(_confidence, True),
        "results.items[12].alternatives[0].confidence",
        "expected a number, got true",
        id="number-boolean",
    ),
    pytest.param(
        _set(lambda d: (d["results"]["items"][3], "start_time"), [1]),
        "results.items[3].start_time",
        "expected a number, got a list",
        id="number-list",
    ),
    pytest.param(
        _set(lambda d: (d["results"], "items"), "none"),
        "results.items",
        'expected a list, got "none"',
        id="list-string",
    ),
    pytest.param(
        _set(lambda d: (d["results"]["items"], 5), 7),
        "results.items[5]",
        "expected an object, got 7",
        id="object-number",
    ),
    pytest.param(
        _set(lambda d: (d["results"]["items"][0]["alternatives"][0], "content"), 42),
        "results.items[0].alternatives[0].content",
        "expected a string, got 42",
        id="string-number",
    ),
    pytest.param(
        _set(lambda d: (d["results"]["speaker_labels"]["segments"][3]["items"][1], "end_time"), {}),
        "results.speaker_labels.segments[3].items[1].end_time",
        "expected a number, got an object",
        id="deep-speaker-segment",
    ),
    pytest.param(
        _set(lambda d: (d["results"]["speaker_labels"], "speakers"), "three"),
        "results.speaker_labels.speakers",
        'expected an integer, got "three"',
        id="integer-word",
    ),
    pytest.param(
        _set(lambda d: (d["results"]["items"][1], "type"), None),
        "results.items[1].type",
        "expected a value, got null",
        id="required-null",
    ),
    pytest.param(
        _delete(lambda d: (d["results"]["items"][40], "alternatives")),
        "results.items[40]",
        'missing required key "alternatives"',
        id="missing-alternatives",
    ),
    pytest.param(
        _delete(lambda d: (d["results"], "transcripts")),
        "results",
        'missing required key "transcripts"',
        id="missing-transcripts",
    ),
    pytest.param(
        _set(lambda d: (d, "results"), []),
        "results",
        "expected an object, got a list",
        id="results-list",
    ),
]


@pytest.mark.parametrize(("change", "path", "reason"), MALFORMED)
def test_malformed_transcript_names_the_path(
    document: dict[str, Any], change: Any, path: str, reason: str
) -> None:
    with pytest.raises(TranscriptParseError) as raised:
        parse_transcript(json.dumps(change(document)).encode())

    assert (raised.value.path, raised.value.reason) == (path, reason)
    assert str(raised.value) == f"{path}: {reason}"


def test_parse_error_is_a_value_error_and_a_transcribe_error() -> None:
    with pytest.raises(TranscriptParseError) as raised:
        parse_transcript(b"{")

    assert isinstance(raised.value, ValueError)
    assert isinstance(raised.value, TranscribeError)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"results": ', "invalid JSON at line 1 column 13: Expecting value"),
        (b'{"a": "\x80"}', "undecodable text: invalid start byte"),
        ("[1, 2]", "expected a JSON object, got list"),
        ("", "invalid JSON at line 1 column 1: Expecting value"),
    ],
)
def test_invalid_json_is_a_parse_error(data: bytes | str, reason: str) -> None:
    with pytest.raises(TranscriptParseError) as raised:
        parse_transcript(data)

    assert raised.value.path == ""
    assert raised.value.reason.startswith(reason)


def test_a_document_without_results_is_missing_them() -> None:
    with pytest.raises(TranscriptParseError) as raised:
        parse_transcript({"jobName": "x", "status": "COMPLETED"})

    assert str(raised.value) == 'missing required key "results"'


def test_a_healthscribe_transcript_is_not_a_transcript() -> None:
    raw = json.dumps(HEALTHSCRIBE).encode()

    with pytest.raises(DocumentTypeError) as raised:
        parse_transcript(raw)

    assert (raised.value.expected, raised.value.found) == (
        "transcript",
        "medical scribe transcript",
    )
    assert str(raised.value) == (
        "expected a transcript document, got a medical scribe transcript document"
    )


@pytest.mark.parametrize(
    "parse",
    [parse_call_analytics_transcript, parse_clinical_document, parse_medical_scribe_transcript],
)
def test_a_transcript_is_rejected_by_the_other_parsers(
    document: dict[str, Any], parse: Callable[[dict[str, Any]], object]
) -> None:
    with pytest.raises(DocumentTypeError) as raised:
        parse(document)

    assert raised.value.found == "transcript"


def test_parse_document_rejects_what_it_does_not_recognise() -> None:
    with pytest.raises(DocumentTypeError) as raised:
        parse_document({"hello": "world"})

    assert str(raised.value) == "expected a result document, got a document of unknown type"


def test_a_long_wrong_value_is_shortened_in_the_message(document: dict[str, Any]) -> None:
    changed = _set(_confidence, "x" * 500)(document)

    with pytest.raises(TranscriptParseError) as raised:
        parse_transcript(changed)

    assert len(raised.value.reason) < 80
    assert raised.value.reason.endswith('..."')
