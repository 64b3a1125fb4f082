"""UpdateVocabulary and UpdateMedicalVocabulary over real HTTP: the vocabulary is made again."""

from __future__ import annotations

from tests.integration._support import expect_service_error
from transcribe_kit import (
    BadRequestError,
    CreateMedicalVocabularyRequest,
    CreateVocabularyRequest,
    GetMedicalVocabularyRequest,
    GetVocabularyRequest,
    LanguageCode,
    ListTagsForResourceRequest,
    Tag,
    TranscribeClient,
    UpdateMedicalVocabularyRequest,
    UpdateVocabularyRequest,
    VocabularyState,
)
from transcribe_kit.testing import LocalClock


async def test_an_updated_vocabulary_is_processed_again_and_keeps_its_tags(
    tk: TranscribeClient, local_clock: LocalClock
) -> None:
    await tk.create_vocabulary(
        CreateVocabularyRequest(
            vocabulary_name="product-names",
            language_code=LanguageCode.EN_US,
            phrases=["Transcribe"],
            tags=[Tag(key="team", value="docs")],
        )
    )
    local_clock.advance(1)
    ready = await tk.get_vocabulary(GetVocabularyRequest(vocabulary_name="product-names"))

    updated = await tk.update_vocabulary(
        UpdateVocabularyRequest(
            vocabulary_name="product-names",
            language_code=LanguageCode.EN_GB,
            vocabulary_file_uri="s3://vocabularies/product-names.txt",
        )
    )
    states = []
    for seconds in (0.5, 0.5, 0.0):
        got = await tk.get_vocabulary(GetVocabularyRequest(vocabulary_name="product-names"))
        states.append(got)
        local_clock.advance(seconds)
    tags = await tk.list_tags_for_resource(
        ListTagsForResourceRequest(
            resource_arn="arn:aws:transcribe:us-east-1:123456789012:vocabulary/product-names"
        )
    )

    assert ready.vocabulary_state is VocabularyState.READY
    assert updated.vocabulary_name == "product-names"
    assert updated.language_code is LanguageCode.EN_GB
    assert updated.vocabulary_state is VocabularyState.PENDING
    assert [s.vocabulary_state for s in states] == ["PENDING", "PENDING", "READY"]
    assert states[-1].language_code is LanguageCode.EN_GB
    assert tags.tags == [Tag(key="team", value="docs")]


async def test_an_updated_medical_vocabulary_takes_the_new_file(tk: TranscribeClient) -> None:
    await tk.create_medical_vocabulary(
        CreateMedicalVocabularyRequest(
            vocabulary_name="cardiology",
            language_code=LanguageCode.EN_US,
            vocabulary_file_uri="s3://vocabularies/cardiology.txt",
        )
    )

    updated = await tk.update_medical_vocabulary(
        UpdateMedicalVocabularyRequest(
            vocabulary_name="cardiology",
            language_code=LanguageCode.EN_US,
            vocabulary_file_uri="s3://vocabularies/cardiology-v2.txt",
        )
    )
    got = await tk.get_medical_vocabulary(GetMedicalVocabularyRequest(vocabulary_name="cardiology"))

    assert updated.vocabulary_name == "cardiology"
    assert updated.vocabulary_state is VocabularyState.PENDING
    assert got.vocabulary_name == "cardiology"


async def test_updating_a_missing_vocabulary_is_a_bad_request_that_couldnt_be_found(
    tk: TranscribeClient,
) -> None:
    error = await expect_service_error(
        tk.update_vocabulary(
            UpdateVocabularyRequest(
                vocabulary_name="absent", language_code=LanguageCode.EN_US, phrases=["x"]
            )
        ),
        BadRequestError,
        code="BadRequestException",
        operation_name="UpdateVocabulary",
    )

    assert "couldn't be found" in error.message
