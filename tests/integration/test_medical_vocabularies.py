from __future__ import annotations

import pytest

from tests.integration._support import expect_service_error
from transcribe_kit import (
    ConflictError,
    CreateMedicalVocabularyRequest,
    DeleteMedicalVocabularyRequest,
    GetMedicalVocabularyRequest,
    GetMedicalVocabularyResponse,
    LanguageCode,
    ListMedicalVocabulariesRequest,
    NotFoundError,
    RequestValidationError,
    ResourceNotFoundError,
    TranscribeClient,
    VocabularyState,
)
from transcribe_kit.testing import LocalBackend

#: These operations run against moto's own server as well (see conftest.py).
ALSO_AGAINST_MOTO = True

#: moto's name for the medical vocabulary model whose state progression the tests set.
MEDICAL_VOCABULARY = ("transcribe::medicalvocabulary",)


def _create_request(
    name: str, uri: str = "s3://vocabularies/medical.txt"
) -> CreateMedicalVocabularyRequest:
    return CreateMedicalVocabularyRequest(
        vocabulary_name=name, language_code=LanguageCode.EN_US, vocabulary_file_uri=uri
    )


async def _get(client: TranscribeClient, name: str) -> GetMedicalVocabularyResponse:
    return await client.get_medical_vocabulary(GetMedicalVocabularyRequest(vocabulary_name=name))


async def _listed_names(
    client: TranscribeClient, request: ListMedicalVocabulariesRequest
) -> list[str]:
    listed = await client.list_medical_vocabularies(request)
    return sorted(info.vocabulary_name or "" for info in listed.vocabularies or [])


async def test_create_answers_name_and_language(transcribe_client: TranscribeClient) -> None:
    created = await transcribe_client.create_medical_vocabulary(_create_request("drug-names"))

    assert created.vocabulary_name == "drug-names"
    assert created.language_code is LanguageCode.EN_US


async def test_state_moves_pending_then_ready_over_get_calls(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_progression(MEDICAL_VOCABULARY, reads=1)
    await transcribe_client.create_medical_vocabulary(_create_request("growing"))

    seen = [(await _get(transcribe_client, "growing")).vocabulary_state for _ in range(3)]

    assert seen == [VocabularyState.PENDING, VocabularyState.READY, VocabularyState.READY]


async def test_get_answers_a_typed_vocabulary(transcribe_client: TranscribeClient) -> None:
    await transcribe_client.create_medical_vocabulary(_create_request("typed"))

    got = await _get(transcribe_client, "typed")

    assert got.vocabulary_name == "typed"
    assert got.language_code is LanguageCode.EN_US
    assert got.vocabulary_state in set(VocabularyState)
    assert got.last_modified_time is not None
    assert got.last_modified_time.utcoffset() is not None
    assert got.download_uri is not None
    assert "/medical/typed/" in got.download_uri


async def test_list_filters_by_state(
    transcribe_backend: LocalBackend, transcribe_client: TranscribeClient
) -> None:
    transcribe_backend.set_progression(MEDICAL_VOCABULARY, reads=1)
    for name in ("ready-one", "pending-one"):
        await transcribe_client.create_medical_vocabulary(_create_request(name))
    for _ in range(2):
        await _get(transcribe_client, "ready-one")
    await _get(transcribe_client, "pending-one")

    listed = await transcribe_client.list_medical_vocabularies(
        ListMedicalVocabulariesRequest(state_equals=VocabularyState.PENDING)
    )

    assert listed.status is VocabularyState.PENDING
    infos = listed.vocabularies or []
    assert [info.vocabulary_name for info in infos] == ["pending-one"]
    assert infos[0].vocabulary_state is VocabularyState.PENDING


async def test_list_filters_by_name_contains(transcribe_client: TranscribeClient) -> None:
    for name in ("oncology-terms", "oncology-drugs", "radiology"):
        await transcribe_client.create_medical_vocabulary(_create_request(name))

    names = await _listed_names(
        transcribe_client, ListMedicalVocabulariesRequest(name_contains="oncology")
    )

    assert names == ["oncology-drugs", "oncology-terms"]


async def test_deleted_vocabulary_is_gone(transcribe_client: TranscribeClient) -> None:
    await transcribe_client.create_medical_vocabulary(_create_request("short-lived"))

    await transcribe_client.delete_medical_vocabulary(
        DeleteMedicalVocabularyRequest(vocabulary_name="short-lived")
    )

    assert await _listed_names(transcribe_client, ListMedicalVocabulariesRequest()) == []
    with pytest.raises(NotFoundError):
        await _get(transcribe_client, "short-lived")


async def test_missing_vocabulary_is_a_not_found_error(
    transcribe_client: TranscribeClient,
) -> None:
    await expect_service_error(
        _get(transcribe_client, "no-such-vocabulary"),
        ResourceNotFoundError,
        code="BadRequestException",
        operation_name="GetMedicalVocabulary",
    )


async def test_deleting_a_missing_vocabulary_is_a_not_found_error(
    transcribe_client: TranscribeClient,
) -> None:
    await expect_service_error(
        transcribe_client.delete_medical_vocabulary(
            DeleteMedicalVocabularyRequest(vocabulary_name="nothing")
        ),
        NotFoundError,
        code="BadRequestException",
        operation_name="DeleteMedicalVocabulary",
    )


async def test_duplicate_name_is_a_conflict(transcribe_client: TranscribeClient) -> None:
    await transcribe_client.create_medical_vocabulary(_create_request("taken"))
    await expect_service_error(
        transcribe_client.create_medical_vocabulary(_create_request("taken")),
        ConflictError,
        code="ConflictException",
        operation_name="CreateMedicalVocabulary",
    )


async def test_invalid_request_is_refused_before_sending(
    transcribe_client: TranscribeClient,
) -> None:
    not_a_uri = _create_request("refused", uri="vocabularies/medical.txt")

    with pytest.raises(RequestValidationError) as caught:
        await transcribe_client.create_medical_vocabulary(not_a_uri)

    assert caught.value.field == "vocabulary_file_uri"
    assert caught.value.operation_name == "CreateMedicalVocabulary"
    with pytest.raises(NotFoundError):
        await _get(transcribe_client, "refused")
