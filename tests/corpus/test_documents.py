"""Every real document of the corpus parses with the parser of its kind, and nothing is lost.

The kinds are those the corpus's ``PROVENANCE.md`` declares; a declared kind without a parser
here, or a file of no declared kind, fails rather than passing unseen.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
import srt

from tests.corpus.conftest import Corpus
from tests.documents.captions_reference import reference_cues
from tests.documents.subtitles import check_subtitles, expected_line_width, letters
from transcribe_kit import (
    CallAnalyticsTranscript,
    CaptionOptions,
    DocumentTypeError,
    MedicalScribeTranscript,
    Transcript,
    parse_call_analytics_transcript,
    parse_document,
    parse_medical_scribe_transcript,
    parse_medical_transcript,
    parse_transcript,
)
from transcribe_kit.transcript import ItemType, document_to_dict
from transcribe_kit.transcript._captions import build_cues

Document = Transcript | MedicalScribeTranscript | CallAnalyticsTranscript

#: The parser of each kind of output document, by the kind's file name prefix.
PARSERS: dict[str, Callable[[bytes], Document]] = {
    "std-": parse_transcript,
    "medical-": parse_medical_transcript,
    "medical-scribe-": parse_medical_scribe_transcript,
    "call-analytics-": parse_call_analytics_transcript,
}
#: The kinds in the transcript layout (standard and medical transcription jobs).
TRANSCRIPT_KINDS = ("std-", "medical-")
#: The kind of service API responses, read by tests/corpus/test_api_responses.py.
API_KIND = "api-"


def parser_for(corpus: Corpus, name: str) -> Callable[[bytes], Document]:
    kind = corpus.kind_of(name)
    if kind is None:
        pytest.fail(f"{name} is of no kind that PROVENANCE.md declares ({', '.join(corpus.kinds)})")
    if kind not in PARSERS:
        pytest.fail(f"no parser known for the kind {kind}* of {name}: add it to PARSERS")
    return PARSERS[kind]


def test_every_kind_the_provenance_declares_is_read(corpus: Corpus) -> None:
    unread = [kind for kind in corpus.kinds if kind not in PARSERS and kind != API_KIND]
    assert unread == []


def test_every_file_is_of_a_declared_kind(corpus: Corpus) -> None:
    assert [name for name in corpus.files() if corpus.kind_of(name) is None] == []


@pytest.mark.corpus_kinds(*PARSERS)
def test_document_parses_with_the_parser_of_its_kind(corpus: Corpus, name: str) -> None:
    raw = (corpus.directory / name).read_bytes()

    document = parser_for(corpus, name)(raw)

    assert type(parse_document(raw)) is type(document)


@pytest.mark.corpus_kinds(*PARSERS)
def test_to_dict_gives_back_the_document_exactly(corpus: Corpus, name: str) -> None:
    raw = (corpus.directory / name).read_bytes()
    document = parser_for(corpus, name)(raw)

    written = document_to_dict(document)

    # Strings and all: "0.910" stays "0.910", "1.0E-4" stays "1.0E-4".
    assert json.loads(json.dumps(written)) == json.loads(raw)


@pytest.mark.corpus_kinds(*TRANSCRIPT_KINDS)
def test_a_round_trip_reads_the_same_transcript(corpus: Corpus, name: str) -> None:
    document = parse_transcript((corpus.directory / name).read_bytes())

    written: Any = document.to_dict()

    assert parse_transcript(json.dumps(written)) == document


@pytest.mark.corpus_kinds(*TRANSCRIPT_KINDS)
def test_text_is_the_transcript_the_service_wrote(corpus: Corpus, name: str) -> None:
    raw = json.loads((corpus.directory / name).read_bytes())

    transcript = parse_transcript((corpus.directory / name).read_bytes())

    texts = raw["results"]["transcripts"]
    assert transcript.text == (texts[0]["transcript"] if texts else transcript.text)


@pytest.mark.corpus_kinds(*TRANSCRIPT_KINDS)
def test_numbers_written_as_strings_come_out_as_floats(corpus: Corpus, name: str) -> None:
    transcript = parse_transcript((corpus.directory / name).read_bytes())

    for item in transcript.items:
        if item.type is ItemType.PRONUNCIATION:
            assert isinstance(item.start_time, float)
            assert isinstance(item.end_time, float)
            assert isinstance(item.confidence, float)
        else:
            assert item.start_time is None
            assert item.end_time is None


@pytest.mark.corpus_kinds(API_KIND)
def test_an_api_response_is_not_taken_for_a_transcript(corpus: Corpus, name: str) -> None:
    with pytest.raises(DocumentTypeError) as raised:
        parse_transcript((corpus.directory / name).read_bytes())

    assert raised.value.expected == "transcript"
    assert raised.value.found == "Transcribe API response"


@pytest.mark.corpus_kinds(*TRANSCRIPT_KINDS)
@pytest.mark.parametrize("speakers", [False, True], ids=["plain", "speakers"])
def test_subtitles_keep_every_rule(corpus: Corpus, name: str, speakers: bool) -> None:
    transcript = parse_transcript((corpus.directory / name).read_bytes())
    options = CaptionOptions(speakers=speakers)

    check_subtitles(transcript, options, line_width=expected_line_width(transcript.words()))


@pytest.mark.corpus_kinds(*TRANSCRIPT_KINDS)
def test_subtitles_of_each_channel_keep_every_rule(corpus: Corpus, name: str) -> None:
    transcript = parse_transcript((corpus.directory / name).read_bytes())
    width = expected_line_width(transcript.words())

    for channel in transcript.channels:
        check_subtitles(transcript, CaptionOptions(), line_width=width, channel=channel)


@pytest.mark.corpus_kinds(*TRANSCRIPT_KINDS)
def test_words_and_turns_are_in_time_order(corpus: Corpus, name: str) -> None:
    transcript = parse_transcript((corpus.directory / name).read_bytes())

    starts = [word.start_time for word in transcript.words()]
    turns = transcript.speaker_turns()

    assert starts == sorted(starts)
    assert [t.start_time for t in turns] == sorted(t.start_time for t in turns)
    assert sum(len(turn.words) for turn in turns) == len(starts)


@pytest.mark.corpus_kinds(*TRANSCRIPT_KINDS)
def test_cues_match_the_subtitles_the_service_wrote(corpus: Corpus, name: str) -> None:
    service = corpus.directory / (name.removesuffix(".json") + ".srt")
    if not service.is_file():
        pytest.skip("no subtitles of the service beside this document")
    transcript = parse_transcript((corpus.directory / name).read_bytes())
    theirs = list(srt.parse(service.read_text(encoding="utf-8-sig")))

    ours = list(srt.parse(transcript.to_srt()))

    assert letters(" ".join(s.content for s in ours)) == letters(
        " ".join(s.content for s in theirs)
    )
    starts = [word.start_time for word in transcript.words()]
    for subtitle in ours:
        assert min(abs(subtitle.start.total_seconds() - s) for s in starts) <= 0.05


_LAYOUTS = [
    CaptionOptions(),
    CaptionOptions(speakers=True, max_lines=1, max_chars_per_line=24),
    CaptionOptions(max_lines=3, max_duration=3.0, min_duration=0.0, max_gap=0.5),
]


@pytest.mark.corpus_kinds(*TRANSCRIPT_KINDS)
@pytest.mark.parametrize("options", _LAYOUTS, ids=["default", "one-line", "three-lines"])
def test_cues_are_those_of_the_reference_layout(
    corpus: Corpus, name: str, options: CaptionOptions
) -> None:
    transcript = parse_transcript((corpus.directory / name).read_bytes())

    cues = build_cues(transcript._spoken, options, transcript.audio_end)

    assert [
        (round(c.start_time * 1000), round(c.end_time * 1000), c.lines, c.speaker, c.channel)
        for c in cues
    ] == reference_cues(transcript._spoken, options, transcript.audio_end)
