"""TranscribeAudio (new in botocore 1.44, from the bundled model), against botocore's stubber."""

from __future__ import annotations

import pytest

from tests.integration._support import add_service_error, expect_service_error, stubbed_client
from transcribe_kit import (
    BadRequestError,
    ContentRedaction,
    MediaFormat,
    PiiEntityType,
    RedactionOutput,
    RedactionType,
    RequestValidationError,
    SyncItem,
    SyncLanguage,
    SyncLanguageCode,
    SyncMedia,
    SyncRedaction,
    TranscribeAudioMetadata,
    TranscribeAudioRequest,
    TranscribeAudioResults,
    TranscriptResponse,
    VocabularyPhrase,
    VocabularySettingsEntry,
)

AUDIO = b"RIFF\x24\x00\x00\x00WAVEfmt "


async def test_inline_audio_is_sent_and_the_transcript_comes_back_typed() -> None:
    request = TranscribeAudioRequest(
        media=SyncMedia(media_bytes=AUDIO),
        language=SyncLanguage.EN,
        show_speaker_labels=True,
        max_speaker_labels=2,
        vocabulary_settings=[
            VocabularySettingsEntry(
                language=SyncLanguage.EN,
                phrases=[VocabularyPhrase(text="Transcribe", display_as="Amazon Transcribe")],
            )
        ],
        content_redaction=ContentRedaction(
            redaction_type=RedactionType.PII,
            redaction_output=RedactionOutput.REDACTED,
            pii_entity_types=[PiiEntityType.NAME],
        ),
    )
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "transcribe_audio",
            {
                "TranscriptResponse": {
                    "Metadata": {
                        "LanguageCode": "en-US",
                        "MediaFormat": "wav",
                        "MediaSampleRateHertz": 16000,
                        "SpeakersCount": 1,
                    },
                    "RedactedResults": {
                        "Transcript": "Hello [PII].",
                        "Items": [
                            {
                                "Id": 0,
                                "Content": "Hello",
                                "StartTime": 0.12,
                                "EndTime": 0.48,
                                "SpeakerLabel": "spk_0",
                            },
                            {
                                "Id": 1,
                                "Content": "[PII]",
                                "StartTime": 0.5,
                                "EndTime": 0.9,
                                "SpeakerLabel": "spk_0",
                                "Redactions": [{"Type": "NAME"}],
                            },
                        ],
                    },
                }
            },
            {
                "Media": {"MediaBytes": AUDIO},
                "Language": "en",
                "ShowSpeakerLabels": True,
                "MaxSpeakerLabels": 2,
                "VocabularySettings": [
                    {
                        "Language": "en",
                        "Phrases": [{"Text": "Transcribe", "DisplayAs": "Amazon Transcribe"}],
                    }
                ],
                "ContentRedaction": {
                    "RedactionType": "PII",
                    "RedactionOutput": "redacted",
                    "PiiEntityTypes": ["NAME"],
                },
            },
        )
        answered = await client.transcribe_audio(request)

    assert answered.transcript_response == TranscriptResponse(
        metadata=TranscribeAudioMetadata(
            language_code=SyncLanguageCode.EN_US,
            media_format=MediaFormat.WAV,
            media_sample_rate_hertz=16000,
            speakers_count=1,
        ),
        redacted_results=TranscribeAudioResults(
            transcript="Hello [PII].",
            items=[
                SyncItem(
                    id=0, content="Hello", start_time=0.12, end_time=0.48, speaker_label="spk_0"
                ),
                SyncItem(
                    id=1,
                    content="[PII]",
                    start_time=0.5,
                    end_time=0.9,
                    speaker_label="spk_0",
                    redactions=[SyncRedaction(type=PiiEntityType.NAME)],
                ),
            ],
        ),
    )


async def test_unreadable_audio_is_a_bad_request_error() -> None:
    async with stubbed_client() as (client, stubber):
        add_service_error(
            stubber, "transcribe_audio", "BadRequestException", "The audio could not be decoded."
        )
        await expect_service_error(
            client.transcribe_audio(
                TranscribeAudioRequest(media=SyncMedia(media_file_uri="s3://media/short.wav"))
            ),
            BadRequestError,
            code="BadRequestException",
            operation_name="TranscribeAudio",
        )


async def test_bytes_and_a_uri_together_are_refused_before_sending() -> None:
    both = SyncMedia(media_bytes=AUDIO, media_file_uri="s3://media/short.wav")
    async with stubbed_client() as (client, _):
        with pytest.raises(RequestValidationError) as caught:
            await client.transcribe_audio(TranscribeAudioRequest(media=both))

    assert caught.value.field == "media.media_bytes"
