"""TranscribeAudio over real HTTP: the local backend answers the transcript registered."""

from __future__ import annotations

from tests.integration._support import expect_service_error
from transcribe_kit import (
    BadRequestError,
    SyncItem,
    SyncLanguage,
    SyncLanguageCode,
    SyncMedia,
    SyncOutputConfiguration,
    TranscribeAudioRequest,
    TranscribeClient,
)
from transcribe_kit.testing import LocalBackend

AUDIO = b"RIFF\x24\x00\x00\x00WAVEfmt "


async def test_without_a_registered_transcript_the_call_says_what_to_do(
    tk: TranscribeClient,
) -> None:
    error = await expect_service_error(
        tk.transcribe_audio(TranscribeAudioRequest(media=SyncMedia(media_bytes=AUDIO))),
        BadRequestError,
        code="BadRequestException",
        operation_name="TranscribeAudio",
    )

    assert "set_sync_transcript" in error.message


async def test_registered_items_are_answered_as_given(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    items = [
        SyncItem(id=0, content="Hello", start_time=0.12, end_time=0.48, speaker_label="spk_0"),
        SyncItem(id=1, content=".", speaker_label="spk_0"),
    ]
    transcribe_backend.set_sync_transcript("Hello.", items, language_code="en-GB")

    answered = await tk.transcribe_audio(
        TranscribeAudioRequest(
            media=SyncMedia(media_file_uri="s3://media/hello.wav"),
            language=SyncLanguage.EN,
            output_configuration=SyncOutputConfiguration(
                output_media_file_uri="s3://out/hello.json"
            ),
        )
    )

    response = answered.transcript_response
    assert response is not None
    assert response.metadata is not None
    assert response.metadata.language_code is SyncLanguageCode.EN_GB
    assert response.results is not None
    assert response.results.transcript == "Hello."
    assert response.results.items == items
    assert answered.output_configuration == SyncOutputConfiguration(
        output_media_file_uri="s3://out/hello.json"
    )


async def test_transcribe_in_sync_mode_gives_the_registered_words_with_times(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    transcribe_backend.set_sync_transcript("Good morning, everyone.")

    result = await tk.transcribe(AUDIO, language_code="en-US", mode="sync")

    assert result.mode == "sync"
    assert result.transcript.text == "Good morning, everyone."
    words = result.transcript.words()
    assert [word.content for word in words] == ["Good", "morning", "everyone"]
    assert [word.start_time for word in words] == [0.0, 0.5, 1.0]
