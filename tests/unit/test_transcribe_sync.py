"""transcribe() through TranscribeAudio, checked with botocore's Stubber (moto lacks the operation).

The Stubber checks each request against the service model and the expected parameters,
and answers with the given response; the transcript must come out as the same
``Transcript`` a job gives, with the same views.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from botocore.config import Config
from botocore.stub import Stubber

from transcribe_kit import (
    ContentRedaction,
    RedactionOutput,
    RedactionType,
    Settings,
    SyncLanguageCode,
    TranscribeClient,
    Transcript,
    VocabularyFilterMethod,
)
from transcribe_kit._session import new_session

AUDIO = b"RIFF\x24\x00\x00\x00WAVEfmt "


def _item(index: int, content: str, times: tuple[float, float] | None, **labels: Any) -> Any:
    item: dict[str, Any] = {"Id": index, "Content": content, **labels}
    if times is not None:
        item["StartTime"], item["EndTime"] = times
    return item


TWO_SPEAKERS = {
    "Transcript": "Hello there. Hi, Bob.",
    "Items": [
        _item(0, "Hello", (0.1, 0.5), SpeakerLabel="spk_0"),
        _item(1, "there", (0.5, 0.9), SpeakerLabel="spk_0"),
        _item(2, ".", None, SpeakerLabel="spk_0"),
        _item(3, "Hi", (1.2, 1.4), SpeakerLabel="spk_1"),
        _item(4, ",", None, SpeakerLabel="spk_1"),
        _item(5, "Bob", (1.5, 1.8), SpeakerLabel="spk_1"),
        _item(6, ".", None, SpeakerLabel="spk_1"),
    ],
}

TWO_CHANNELS = {
    "Transcript": "Good morning. Morning!",
    "Items": [
        _item(0, "Good", (0.0, 0.3), ChannelLabel="ch_0"),
        _item(1, "morning", (0.3, 0.7), ChannelLabel="ch_0"),
        _item(2, ".", (0.7, 0.7), ChannelLabel="ch_0"),
        _item(3, "Morning", (0.4, 0.9), ChannelLabel="ch_1"),
        _item(4, "!", (0.9, 0.9), ChannelLabel="ch_1"),
    ],
}


@pytest.fixture
def raw_client_settings() -> dict[str, Any]:
    return {
        "region_name": "us-east-1",
        "aws_access_key_id": "testing",
        "aws_secret_access_key": "testing",
        "config": Config(retries={"total_max_attempts": 1}),
    }


@pytest_asyncio.fixture
async def raw_client(raw_client_settings: dict[str, Any]) -> AsyncIterator[Any]:
    async with new_session().create_client("transcribe", **raw_client_settings) as client:
        yield client


@pytest.fixture
def stubber(raw_client: Any) -> Iterator[Stubber]:
    with Stubber(raw_client) as stub:
        yield stub
        stub.assert_no_pending_responses()


@pytest.fixture
def tk(raw_client: Any) -> TranscribeClient:
    return TranscribeClient(client=raw_client)


def _answer(results: dict[str, Any], **metadata: Any) -> dict[str, Any]:
    return {"TranscriptResponse": {"Metadata": metadata, "Results": results}}


async def test_inline_audio_with_speakers_gives_a_transcript_with_turns(
    tk: TranscribeClient, stubber: Stubber
) -> None:
    stubber.add_response(
        "transcribe_audio",
        _answer(TWO_SPEAKERS, LanguageCode="en-GB", SpeakersCount=2),
        {
            "Media": {"MediaBytes": AUDIO},
            "Language": "en",
            "ShowSpeakerLabels": True,
            "MaxSpeakerLabels": 2,
        },
    )

    result = await tk.transcribe(
        AUDIO,
        language_code="en-GB",
        settings=Settings(show_speaker_labels=True, max_speaker_labels=2),
    )

    assert result.mode == "sync"
    assert result.job is None
    assert isinstance(result.transcript, Transcript)
    assert result.transcript.text == "Hello there. Hi, Bob."
    assert [(turn.speaker, turn.text) for turn in result.transcript.speaker_turns()] == [
        ("spk_0", "Hello there."),
        ("spk_1", "Hi, Bob."),
    ]
    words = result.transcript.words()
    assert [(w.content, w.start_time, w.end_time, w.speaker) for w in words[:2]] == [
        ("Hello", 0.1, 0.5, "spk_0"),
        ("there", 0.5, 0.9, "spk_0"),
    ]
    assert all(word.confidence is None for word in words)
    assert result.metadata is not None
    assert result.metadata.language_code == SyncLanguageCode.EN_GB
    assert "Hello there." in result.transcript.to_srt()


async def test_channels_give_channel_texts_and_turns(
    tk: TranscribeClient, stubber: Stubber
) -> None:
    stubber.add_response(
        "transcribe_audio",
        _answer(TWO_CHANNELS, NumberOfChannels=2),
        {"Media": {"MediaBytes": AUDIO}, "Language": "en", "ChannelIdentification": True},
    )

    result = await tk.transcribe(
        AUDIO, language_code="en-US", settings=Settings(channel_identification=True)
    )

    transcript = result.transcript
    assert transcript.channel_texts() == {"ch_0": "Good morning.", "ch_1": "Morning!"}
    assert [(turn.channel, turn.text) for turn in transcript.speaker_turns()] == [
        ("ch_0", "Good morning."),
        ("ch_1", "Morning!"),
    ]


async def test_a_local_file_is_sent_inline(
    tk: TranscribeClient, stubber: Stubber, tmp_path: Path
) -> None:
    path = tmp_path / "hello.wav"
    path.write_bytes(AUDIO)
    stubber.add_response(
        "transcribe_audio",
        _answer(TWO_SPEAKERS),
        {"Media": {"MediaBytes": AUDIO}, "Language": "ja"},
    )

    result = await tk.transcribe(path, language_code="ja-JP")

    assert result.mode == "sync"


async def test_an_s3_uri_is_passed_by_reference(tk: TranscribeClient, stubber: Stubber) -> None:
    stubber.add_response(
        "transcribe_audio",
        _answer(TWO_SPEAKERS),
        {
            "Media": {"MediaFileUri": "s3://media/meeting.mp3"},
            "LanguageDetectionMode": "IDENTIFY_LANGUAGE",
            "LanguageOptions": ["en", "zh-TW"],
        },
    )

    result = await tk.transcribe(
        "s3://media/meeting.mp3",
        identify_language=True,
        language_options=["en-US", "en-AU", "zh-TW"],
    )

    assert result.transcript.text == "Hello there. Hi, Bob."


async def test_a_vocabulary_and_a_filter_are_sent_for_the_language(
    tk: TranscribeClient, stubber: Stubber
) -> None:
    stubber.add_response(
        "transcribe_audio",
        _answer(TWO_SPEAKERS),
        {
            "Media": {"MediaBytes": AUDIO},
            "Language": "de",
            "VocabularySettings": [{"Language": "de", "VocabularyName": "names"}],
            "VocabularyFilterSettings": {
                "VocabularyFilterMethod": "mask",
                "Filters": [{"Language": "de", "VocabularyFilterName": "rude"}],
            },
        },
    )

    await tk.transcribe(
        AUDIO,
        language_code="de-DE",
        settings=Settings(
            vocabulary_name="names",
            vocabulary_filter_name="rude",
            vocabulary_filter_method=VocabularyFilterMethod.MASK,
        ),
    )


async def test_redaction_gives_both_transcripts(tk: TranscribeClient, stubber: Stubber) -> None:
    redacted = {
        "Transcript": "Hello there. Hi, [PII].",
        "Items": [
            *TWO_SPEAKERS["Items"][:5],
            _item(5, "[PII]", (1.5, 1.8), SpeakerLabel="spk_1", Redactions=[{"Type": "NAME"}]),
            TWO_SPEAKERS["Items"][6],
        ],
    }
    redaction = ContentRedaction(
        redaction_type=RedactionType.PII,
        redaction_output=RedactionOutput.REDACTED_AND_UNREDACTED,
    )
    stubber.add_response(
        "transcribe_audio",
        {"TranscriptResponse": {"Results": TWO_SPEAKERS, "RedactedResults": redacted}},
        {
            "Media": {"MediaBytes": AUDIO},
            "Language": "en",
            "ContentRedaction": {
                "RedactionType": "PII",
                "RedactionOutput": "redacted_and_unredacted",
            },
        },
    )

    result = await tk.transcribe(AUDIO, language_code="en-US", content_redaction=redaction)

    assert result.transcript.text == "Hello there. Hi, Bob."
    assert result.redacted_transcript is not None
    assert result.redacted_transcript.text == "Hello there. Hi, [PII]."
    pii = result.redacted_transcript.items[5].alternatives[0]
    assert pii.redactions is not None
    assert pii.redactions[0].type == "NAME"


async def test_a_redacted_only_answer_is_the_transcript(
    tk: TranscribeClient, stubber: Stubber
) -> None:
    stubber.add_response(
        "transcribe_audio",
        {"TranscriptResponse": {"RedactedResults": TWO_SPEAKERS}},
    )
    redaction = ContentRedaction(
        redaction_type=RedactionType.PII, redaction_output=RedactionOutput.REDACTED
    )

    result = await tk.transcribe(AUDIO, language_code="en-US", content_redaction=redaction)

    assert result.redacted_transcript is result.transcript
