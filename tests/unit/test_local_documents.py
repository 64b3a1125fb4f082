"""The documents the local backend's jobs write, made from speech (no server)."""

from __future__ import annotations

import itertools

from transcribe_kit import parse_transcript
from transcribe_kit.testing import _documents as documents
from transcribe_kit.testing._clock import Clock

OPTIONS = documents.TranscriptOptions(job_name="job", account_id="123456789012")


def _speech(text: str, seed: str = "job") -> documents.Speech:
    return documents.timed(documents.utterances_of_text(text), seed)


def test_a_prefix_names_the_speaker_and_lines_without_one_alternate() -> None:
    prefixed = documents.utterances_of_text("AGENT: Hello.\nCUSTOMER: Hi.\nAGENT: Bye.")
    plain = documents.utterances_of_text("One.\n\nTwo.\nThree.")

    assert [u.speaker for u in prefixed] == [0, 1, 0]
    assert [u.text for u in prefixed] == ["Hello.", "Hi.", "Bye."]
    assert [u.speaker for u in plain] == [0, 1, 0]


def test_words_are_timed_in_order_and_punctuation_has_no_times() -> None:
    speech = _speech("Good morning, everyone.\nMorning!")

    words = [token for token in speech.tokens if token.is_word]
    marks = [token for token in speech.tokens if not token.is_word]

    assert [token.content for token in marks] == [",", ".", "!"]
    assert all(token.start is None for token in marks)
    spans = [(token.start or 0.0, token.end or 0.0) for token in words]
    assert all(start < end for start, end in spans)
    assert all(first[1] <= then[0] for first, then in itertools.pairwise(spans))


def test_the_same_seed_times_the_same_speech_alike() -> None:
    assert _speech("Hello there.", "a") == _speech("Hello there.", "a")
    assert _speech("Hello there.", "a") != _speech("Hello there.", "b")


def test_a_transcript_writes_numbers_as_strings_and_parses_back() -> None:
    document = documents.transcript_document(_speech("Hello there."), OPTIONS)

    item = document["results"]["items"][0]
    assert isinstance(item["start_time"], str)
    assert isinstance(item["alternatives"][0]["confidence"], str)
    assert parse_transcript(documents.dump(document)).text == "Hello there."


def test_redaction_redacts_only_the_types_asked_for() -> None:
    speech = _speech("Maria called from 5550123.")

    names = documents.Redaction.of({"RedactionType": "PII", "PiiEntityTypes": ["NAME"]})
    everything = documents.Redaction.of({"RedactionType": "PII"})
    by_name = documents.transcript_document(speech, OPTIONS, names)
    by_all = documents.transcript_document(speech, OPTIONS, everything)

    assert by_name["results"]["transcripts"][0]["transcript"] == "[PII] called from 5550123."
    assert by_all["results"]["transcripts"][0]["transcript"] == "[PII] called from [PII]."


def test_a_vocabulary_filter_removes_its_words() -> None:
    options = documents.TranscriptOptions(
        job_name="job",
        account_id="123456789012",
        vocabulary_filter=documents.VocabularyFilter(words=frozenset({"darn"}), method="remove"),
    )

    document = documents.transcript_document(_speech("Oh darn, it rains."), options)

    assert document["results"]["transcripts"][0]["transcript"] == "Oh, it rains."


def test_srt_cues_are_numbered_from_the_start_index() -> None:
    transcript = documents.dump(documents.transcript_document(_speech("Hello there."), OPTIONS))

    assert documents.subtitles(transcript, "srt", 0).startswith("0\n")
    assert documents.subtitles(transcript, "srt", 1).startswith("1\n")
    assert documents.subtitles(transcript, "vtt", 0).startswith("WEBVTT")


def test_a_frozen_clock_moves_only_when_advanced_and_resumes_from_there() -> None:
    clock = Clock()
    clock.freeze()
    frozen = clock()

    clock.advance(3600)
    advanced = clock()
    clock.resume()

    assert advanced == frozen + 3600
    assert clock() >= advanced
