from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timezone
from typing import Any

import pytest

from transcribe_kit import (
    CreateVocabularyRequest,
    GetTranscriptionJobRequest,
    LanguageCode,
    Media,
    NotFoundError,
    StartTranscriptionJobRequest,
    TranscribeClient,
    TranscribeError,
)
from transcribe_kit._session import new_session
from transcribe_kit.testing import LocalBackend


class _RecordingSession:
    """An aiobotocore session that counts the clients it opened and the ones since closed."""

    def __init__(self) -> None:
        self._session = new_session()
        self.opened = 0
        self.closed = 0

    @asynccontextmanager
    async def create_client(self, *args: Any, **kwargs: Any) -> AsyncIterator[Any]:
        async with self._session.create_client(*args, **kwargs) as client:
            self.opened += 1
            yield client
        self.closed += 1


def _start_request(name: str) -> StartTranscriptionJobRequest:
    return StartTranscriptionJobRequest(
        transcription_job_name=name,
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri="s3://media/call.flac"),
    )


async def test_a_client_passed_in_is_used_and_left_open(
    transcribe_backend: LocalBackend,
) -> None:
    async with new_session().create_client(
        "transcribe", **transcribe_backend.client_settings
    ) as raw:
        async with TranscribeClient(client=raw) as client:
            assert client.aiobotocore_client is raw
            await client.start_transcription_job(_start_request("through-ours"))

        # The caller's client still works after the TranscribeClient has exited.
        listed = await raw.list_transcription_jobs()

    names = [summary["TranscriptionJobName"] for summary in listed["TranscriptionJobSummaries"]]
    assert names == ["through-ours"]


async def test_a_client_it_creates_is_closed_on_exit(transcribe_backend: LocalBackend) -> None:
    session = _RecordingSession()

    async with TranscribeClient(session=session, **transcribe_backend.client_settings) as client:
        await client.start_transcription_job(_start_request("owned"))
        assert (session.opened, session.closed) == (1, 0)

    assert (session.opened, session.closed) == (1, 1)
    with pytest.raises(TranscribeError):
        _ = client.aiobotocore_client


async def test_a_client_it_creates_is_closed_when_the_block_raises(
    transcribe_backend: LocalBackend,
) -> None:
    session = _RecordingSession()

    with pytest.raises(NotFoundError):
        async with TranscribeClient(session=session, **transcribe_backend.client_settings) as tk:
            await tk.get_transcription_job(GetTranscriptionJobRequest(transcription_job_name="no"))

    assert (session.opened, session.closed) == (1, 1)


async def test_the_aiobotocore_client_answers_raw_dicts(
    tk: TranscribeClient,
) -> None:
    await tk.start_transcription_job(_start_request("raw-view"))

    raw = await tk.aiobotocore_client.get_transcription_job(TranscriptionJobName="raw-view")

    assert raw["TranscriptionJob"]["TranscriptionJobName"] == "raw-view"
    assert raw["TranscriptionJob"]["LanguageCode"] == "en-US"


def test_the_aiobotocore_client_needs_an_open_client(transcribe_backend: LocalBackend) -> None:
    client = transcribe_backend.client()

    with pytest.raises(TranscribeError, match="not open"):
        _ = client.aiobotocore_client


async def test_a_client_and_settings_to_create_one_are_refused(
    transcribe_backend: LocalBackend,
) -> None:
    async with new_session().create_client(
        "transcribe", **transcribe_backend.client_settings
    ) as raw:
        with pytest.raises(ValueError, match="either client="):
            TranscribeClient(client=raw, region_name="eu-west-1")


async def test_timestamps_over_http_come_out_utc(transcribe_backend: LocalBackend) -> None:
    async with transcribe_backend.client() as client:
        await client.create_vocabulary(
            CreateVocabularyRequest(
                vocabulary_name="terms", language_code=LanguageCode.EN_US, phrases=["kit"]
            )
        )
        raw = await client.aiobotocore_client.get_vocabulary(VocabularyName="terms")

    assert raw["LastModifiedTime"].tzinfo is timezone.utc
