"""Every real document of the corpus parses with the parser of its kind, and nothing is lost."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CORPUS
from transcribe_kit import (
    DocumentTypeError,
    MedicalScribeTranscript,
    Transcript,
    parse_document,
    parse_medical_scribe_transcript,
    parse_medical_transcript,
    parse_transcript,
)
from transcribe_kit.transcript import ItemType, document_to_dict

#: The parser of each kind of file, by file name prefix (see the corpus's PROVENANCE.md).
PARSERS: list[tuple[str, Callable[[bytes], object]]] = [
    ("std-", parse_transcript),
    ("medical-scribe-", parse_medical_scribe_transcript),
    ("medical-", parse_medical_transcript),
]

DOCUMENTS = sorted(p.name for p in CORPUS.glob("*.json") if not p.name.startswith("api-"))
#: The documents in the transcript layout (standard and medical transcription jobs).
TRANSCRIPTS = [n for n in DOCUMENTS if not n.startswith("medical-scribe-")]
API_RESPONSES = sorted(p.name for p in CORPUS.glob("api-*.json"))


def parser_for(name: str) -> Callable[[bytes], object]:
    for prefix, parser in PARSERS:
        if name.startswith(prefix):
            return parser
    pytest.fail(f"no parser known for the kind of {name}: add its prefix to PARSERS")


def normalized(value: Any) -> Any:
    """JSON data with every number, and every string that is a number, as a float."""
    if isinstance(value, dict):
        return {key: normalized(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalized(item) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float)):
        return float(value)
    try:
        return float(value)
    except ValueError:
        return value


def test_corpus_has_documents_of_each_kind() -> None:
    assert any(name.startswith("std-") for name in DOCUMENTS)
    assert any(name.startswith("medical-scribe-") for name in DOCUMENTS)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_document_parses_with_the_parser_of_its_kind(corpus_dir: Path, name: str) -> None:
    document = parser_for(name)((corpus_dir / name).read_bytes())

    assert isinstance(document, (Transcript, MedicalScribeTranscript))
    assert type(parse_document((corpus_dir / name).read_bytes())) is type(document)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_nothing_is_lost_in_a_round_trip(corpus_dir: Path, name: str) -> None:
    raw = (corpus_dir / name).read_bytes()
    document = parser_for(name)(raw)

    written = document_to_dict(document)  # type: ignore[arg-type]

    assert normalized(written) == normalized(json.loads(raw))


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_a_round_trip_writes_times_as_strings_again(corpus_dir: Path, name: str) -> None:
    document = parse_transcript((corpus_dir / name).read_bytes())

    written: Any = document.to_dict()

    first_word = next(i for i in written["results"]["items"] if i["type"] == "pronunciation")
    assert isinstance(first_word["start_time"], str)
    assert parse_transcript(json.dumps(written)) == document


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_text_is_the_transcript_the_service_wrote(corpus_dir: Path, name: str) -> None:
    raw = json.loads((corpus_dir / name).read_bytes())

    transcript = parse_transcript((corpus_dir / name).read_bytes())

    assert transcript.text == raw["results"]["transcripts"][0]["transcript"]


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_numbers_written_as_strings_come_out_as_floats(corpus_dir: Path, name: str) -> None:
    transcript = parse_transcript((corpus_dir / name).read_bytes())

    for item in transcript.items:
        if item.type is ItemType.PRONUNCIATION:
            assert isinstance(item.start_time, float)
            assert isinstance(item.end_time, float)
            assert isinstance(item.confidence, float)
        else:
            assert item.start_time is None
            assert item.end_time is None


@pytest.mark.parametrize("name", API_RESPONSES)
def test_an_api_response_is_not_taken_for_a_transcript(corpus_dir: Path, name: str) -> None:
    with pytest.raises(DocumentTypeError) as raised:
        parse_transcript((corpus_dir / name).read_bytes())

    assert raised.value.expected == "transcript"
    assert raised.value.found == "Transcribe API response"
