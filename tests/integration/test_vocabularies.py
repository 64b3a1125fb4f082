"""Custom vocabularies and custom medical vocabularies on the local backend, tested alike."""

from __future__ import annotations

import attrs
import pytest

from tests.integration._support import KindCalls, expect_service_error
from transcribe_kit import (
    ConflictError,
    CreateMedicalVocabularyRequest,
    CreateVocabularyRequest,
    LanguageCode,
    NotFoundError,
    RequestValidationError,
    ResourceNotFoundError,
    TranscribeClient,
    VocabularyState,
)
from transcribe_kit._kinds import MEDICAL_VOCABULARIES, VOCABULARIES
from transcribe_kit.testing import LocalBackend


@attrs.frozen(kw_only=True)
class Vocabularies(KindCalls):
    """One kind of custom vocabulary, as these tests use it."""

    #: moto's name for the model whose state progression a test sets.
    state_model: str
    #: What the download URI of a vocabulary called ``typed`` contains.
    in_download_uri: str


PLAIN = Vocabularies(
    kind=VOCABULARIES,
    create_request=lambda name: CreateVocabularyRequest(
        vocabulary_name=name,
        language_code=LanguageCode.EN_US,
        phrases=["Transcribe", "diarization", "Los-Angeles"],
    ),
    invalid_changes={"vocabulary_file_uri": "s3://vocabularies/en.txt"},
    invalid_field="phrases",
    state_model="transcribe::vocabulary",
    in_download_uri="https://",
)
MEDICAL = Vocabularies(
    kind=MEDICAL_VOCABULARIES,
    create_request=lambda name: CreateMedicalVocabularyRequest(
        vocabulary_name=name,
        language_code=LanguageCode.EN_US,
        vocabulary_file_uri="s3://vocabularies/medical.txt",
    ),
    invalid_changes={"vocabulary_file_uri": "vocabularies/medical.txt"},
    invalid_field="vocabulary_file_uri",
    state_model="transcribe::medicalvocabulary",
    in_download_uri="/medical/typed/",
)


@pytest.fixture(params=[PLAIN, MEDICAL], ids=lambda variant: variant.kind.noun)
def vocabularies(request: pytest.FixtureRequest) -> Vocabularies:
    variant: Vocabularies = request.param
    return variant


async def test_create_answers_name_and_language(
    tk: TranscribeClient, vocabularies: Vocabularies
) -> None:
    created = await vocabularies.create(tk, "product-names")

    assert created.vocabulary_name == "product-names"
    assert created.language_code is LanguageCode.EN_US


async def test_a_vocabulary_from_a_file_is_created(tk: TranscribeClient) -> None:
    request = CreateVocabularyRequest(
        vocabulary_name="from-file",
        language_code=LanguageCode.DE_DE,
        vocabulary_file_uri="s3://vocabularies/de.txt",
    )

    await tk.create_vocabulary(request)

    got = await PLAIN.get(tk, "from-file")
    assert got.language_code is LanguageCode.DE_DE


async def test_state_moves_pending_then_ready_over_get_calls(
    transcribe_backend: LocalBackend, tk: TranscribeClient, vocabularies: Vocabularies
) -> None:
    transcribe_backend.set_progression((vocabularies.state_model,), reads=1)
    await vocabularies.create(tk, "growing")

    seen = [(await vocabularies.get(tk, "growing")).vocabulary_state for _ in range(3)]

    assert seen == [VocabularyState.PENDING, VocabularyState.READY, VocabularyState.READY]


async def test_get_answers_a_typed_vocabulary(
    tk: TranscribeClient, vocabularies: Vocabularies
) -> None:
    await vocabularies.create(tk, "typed")

    got = await vocabularies.get(tk, "typed")

    assert isinstance(got, vocabularies.kind.resource_type)
    assert got.vocabulary_name == "typed"
    assert got.language_code is LanguageCode.EN_US
    assert got.vocabulary_state in set(VocabularyState)
    assert got.last_modified_time is not None
    assert got.last_modified_time.utcoffset() is not None
    assert got.download_uri is not None
    assert vocabularies.in_download_uri in got.download_uri


@pytest.mark.parametrize(
    ("state", "name"),
    [(VocabularyState.READY, "ready-one"), (VocabularyState.PENDING, "pending-one")],
)
async def test_list_filters_by_state(
    transcribe_backend: LocalBackend,
    tk: TranscribeClient,
    vocabularies: Vocabularies,
    state: VocabularyState,
    name: str,
) -> None:
    transcribe_backend.set_progression((vocabularies.state_model,), reads=1)
    for created in ("ready-one", "pending-one"):
        await vocabularies.create(tk, created)
    for _ in range(2):
        await vocabularies.get(tk, "ready-one")
    await vocabularies.get(tk, "pending-one")

    infos, listed = await vocabularies.listed(tk, state_equals=state)

    assert listed.status is state
    assert [info.vocabulary_name for info in infos] == [name]
    assert infos[0].vocabulary_state is state
    assert infos[0].language_code is LanguageCode.EN_US
    assert infos[0].last_modified_time is not None


async def test_list_filters_by_name_contains(
    tk: TranscribeClient, vocabularies: Vocabularies
) -> None:
    for name in ("brands-2025", "brands-2026", "people"):
        await vocabularies.create(tk, name)

    assert await vocabularies.listed_names(tk, name_contains="brands") == [
        "brands-2025",
        "brands-2026",
    ]


async def test_a_deleted_vocabulary_is_gone(
    tk: TranscribeClient, vocabularies: Vocabularies
) -> None:
    await vocabularies.create(tk, "short-lived")

    await vocabularies.call(tk, "delete", vocabularies.kind.delete_request("short-lived"))

    assert await vocabularies.listed_names(tk) == []
    with pytest.raises(NotFoundError):
        await vocabularies.get(tk, "short-lived")


async def test_a_missing_vocabulary_is_a_not_found_error(
    tk: TranscribeClient, vocabularies: Vocabularies
) -> None:
    await expect_service_error(
        vocabularies.get(tk, "no-such-vocabulary"),
        ResourceNotFoundError,
        code="BadRequestException",
        operation_name=vocabularies.kind.operations.get,
    )


async def test_deleting_a_missing_vocabulary_is_a_not_found_error(
    tk: TranscribeClient, vocabularies: Vocabularies
) -> None:
    await expect_service_error(
        vocabularies.call(tk, "delete", vocabularies.kind.delete_request("nothing")),
        NotFoundError,
        code="BadRequestException",
        operation_name=vocabularies.kind.operations.delete,
    )


async def test_a_name_taken_is_a_conflict(tk: TranscribeClient, vocabularies: Vocabularies) -> None:
    await vocabularies.create(tk, "taken")
    await expect_service_error(
        vocabularies.create(tk, "taken"),
        ConflictError,
        code="ConflictException",
        operation_name=vocabularies.kind.operations.create,
    )


async def test_an_invalid_request_is_refused_before_sending(
    tk: TranscribeClient, vocabularies: Vocabularies
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        await vocabularies.call(tk, "create", vocabularies.invalid_request)

    assert caught.value.field == vocabularies.invalid_field
    assert caught.value.operation_name == vocabularies.kind.operations.create
    with pytest.raises(NotFoundError):
        await vocabularies.get(tk, "refused")
