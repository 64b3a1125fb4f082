from __future__ import annotations

import pytest

from tests.integration._support import expect_service_error
from transcribe_kit import (
    ConflictError,
    CreateVocabularyRequest,
    DeleteVocabularyRequest,
    GetVocabularyRequest,
    GetVocabularyResponse,
    LanguageCode,
    ListVocabulariesRequest,
    NotFoundError,
    RequestValidationError,
    ResourceNotFoundError,
    TranscribeClient,
    VocabularyState,
)
from transcribe_kit.testing import LocalBackend

#: These operations run against moto's own server as well (see conftest.py).
ALSO_AGAINST_MOTO = True

#: moto's name for the vocabulary model whose state progression the tests set.
VOCABULARY = ("transcribe::vocabulary",)


def _create_request(name: str) -> CreateVocabularyRequest:
    return CreateVocabularyRequest(
        vocabulary_name=name,
        language_code=LanguageCode.EN_US,
        phrases=["Transcribe", "diarization", "Los-Angeles"],
    )


async def _get(client: TranscribeClient, name: str) -> GetVocabularyResponse:
    return await client.get_vocabulary(GetVocabularyRequest(vocabulary_name=name))


async def _listed_names(client: TranscribeClient, request: ListVocabulariesRequest) -> list[str]:
    listed = await client.list_vocabularies(request)
    return sorted(info.vocabulary_name or "" for info in listed.vocabularies or [])


async def test_create_answers_name_and_language(transcribe_client: TranscribeClient) -> None:
    created = await transcribe_client.create_vocabulary(_create_request("product-names"))

    assert created.vocabulary_name == "product-names"
    assert created.language_code is LanguageCode.EN_US


async def test_vocabulary_from_a_file_is_created(transcribe_client: TranscribeClient) -> None:
    request = CreateVocabularyRequest(
        vocabulary_name="from-file",
        language_code=LanguageCode.DE_DE,
        vocabulary_file_uri="s3://vocabularies/de.txt",
    )

    await transcribe_client.create_vocabulary(request)

    got = await _get(transcribe_client, "from-file")
    assert got.language_code is LanguageCode.DE_DE


async def test_state_moves_pending_then_ready_over_get_calls(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_progression(VOCABULARY, reads=1)
    await transcribe_client.create_vocabulary(_create_request("growing"))

    seen = [(await _get(transcribe_client, "growing")).vocabulary_state for _ in range(3)]

    assert seen == [VocabularyState.PENDING, VocabularyState.READY, VocabularyState.READY]


async def test_get_answers_a_typed_vocabulary(transcribe_client: TranscribeClient) -> None:
    await transcribe_client.create_vocabulary(_create_request("typed"))

    got = await _get(transcribe_client, "typed")

    assert got.vocabulary_name == "typed"
    assert got.language_code is LanguageCode.EN_US
    assert got.vocabulary_state in set(VocabularyState)
    assert got.last_modified_time is not None
    assert got.last_modified_time.utcoffset() is not None
    assert got.download_uri is not None
    assert got.download_uri.startswith("https://")


async def test_list_filters_by_state(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_progression(VOCABULARY, reads=1)
    for name in ("ready-one", "pending-one"):
        await transcribe_client.create_vocabulary(_create_request(name))
    for _ in range(2):
        await _get(transcribe_client, "ready-one")
    await _get(transcribe_client, "pending-one")

    listed = await transcribe_client.list_vocabularies(
        ListVocabulariesRequest(state_equals=VocabularyState.READY)
    )

    assert listed.status is VocabularyState.READY
    infos = listed.vocabularies or []
    assert [info.vocabulary_name for info in infos] == ["ready-one"]
    assert infos[0].vocabulary_state is VocabularyState.READY
    assert infos[0].language_code is LanguageCode.EN_US
    assert infos[0].last_modified_time is not None


async def test_list_filters_by_name_contains(transcribe_client: TranscribeClient) -> None:
    for name in ("brands-2025", "brands-2026", "people"):
        await transcribe_client.create_vocabulary(_create_request(name))

    names = await _listed_names(transcribe_client, ListVocabulariesRequest(name_contains="brands"))

    assert names == ["brands-2025", "brands-2026"]


async def test_deleted_vocabulary_is_gone(transcribe_client: TranscribeClient) -> None:
    await transcribe_client.create_vocabulary(_create_request("short-lived"))

    await transcribe_client.delete_vocabulary(
        DeleteVocabularyRequest(vocabulary_name="short-lived")
    )

    assert await _listed_names(transcribe_client, ListVocabulariesRequest()) == []
    with pytest.raises(NotFoundError):
        await _get(transcribe_client, "short-lived")


async def test_missing_vocabulary_is_a_not_found_error(
    transcribe_client: TranscribeClient,
) -> None:
    await expect_service_error(
        _get(transcribe_client, "no-such-vocabulary"),
        ResourceNotFoundError,
        code="BadRequestException",
        operation_name="GetVocabulary",
    )


async def test_deleting_a_missing_vocabulary_is_a_not_found_error(
    transcribe_client: TranscribeClient,
) -> None:
    await expect_service_error(
        transcribe_client.delete_vocabulary(DeleteVocabularyRequest(vocabulary_name="nothing")),
        NotFoundError,
        code="BadRequestException",
        operation_name="DeleteVocabulary",
    )


async def test_duplicate_name_is_a_conflict(transcribe_client: TranscribeClient) -> None:
    await transcribe_client.create_vocabulary(_create_request("taken"))
    await expect_service_error(
        transcribe_client.create_vocabulary(_create_request("taken")),
        ConflictError,
        code="ConflictException",
        operation_name="CreateVocabulary",
    )


async def test_invalid_request_is_refused_before_sending(
    transcribe_client: TranscribeClient,
) -> None:
    both = CreateVocabularyRequest(
        vocabulary_name="both-sources",
        language_code=LanguageCode.EN_US,
        phrases=["Transcribe"],
        vocabulary_file_uri="s3://vocabularies/en.txt",
    )

    with pytest.raises(RequestValidationError) as caught:
        await transcribe_client.create_vocabulary(both)

    assert caught.value.field == "phrases"
    assert caught.value.operation_name == "CreateVocabulary"
    with pytest.raises(NotFoundError):
        await _get(transcribe_client, "both-sources")
