"""Custom vocabularies and custom medical vocabularies on the local backend, tested alike."""

from __future__ import annotations

import pytest

from tests.integration._kind_calls import MEDICAL_VOCABULARIES, PLAIN_VOCABULARIES, Vocabularies
from transcribe_kit import (
    CreateVocabularyRequest,
    LanguageCode,
    TranscribeClient,
    VocabularyState,
)
from transcribe_kit.testing import LocalBackend

#: These operations run against moto's own server as well (see conftest.py).
ALSO_AGAINST_MOTO = True


@pytest.fixture(
    params=[PLAIN_VOCABULARIES, MEDICAL_VOCABULARIES], ids=lambda variant: variant.kind.noun
)
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

    got = await PLAIN_VOCABULARIES.get(tk, "from-file")
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
