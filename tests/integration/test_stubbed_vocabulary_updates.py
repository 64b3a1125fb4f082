"""UpdateVocabulary and UpdateMedicalVocabulary, which moto lacks, against botocore's stubber."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.integration._support import add_service_error, expect_service_error, stubbed_client
from transcribe_kit import (
    LanguageCode,
    NotFoundError,
    RequestValidationError,
    UpdateMedicalVocabularyRequest,
    UpdateMedicalVocabularyResponse,
    UpdateVocabularyRequest,
    UpdateVocabularyResponse,
    VocabularyState,
)

MODIFIED = datetime(2026, 9, 1, 12, 0, tzinfo=timezone.utc)


async def test_update_vocabulary_sends_the_new_phrases() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "update_vocabulary",
            {
                "VocabularyName": "product-names",
                "LanguageCode": "en-GB",
                "LastModifiedTime": MODIFIED,
                "VocabularyState": "PENDING",
            },
            {
                "VocabularyName": "product-names",
                "LanguageCode": "en-GB",
                "Phrases": ["Transcribe", "HealthScribe"],
            },
        )
        updated = await client.update_vocabulary(
            UpdateVocabularyRequest(
                vocabulary_name="product-names",
                language_code=LanguageCode.EN_GB,
                phrases=["Transcribe", "HealthScribe"],
            )
        )

    assert updated == UpdateVocabularyResponse(
        vocabulary_name="product-names",
        language_code=LanguageCode.EN_GB,
        last_modified_time=MODIFIED,
        vocabulary_state=VocabularyState.PENDING,
    )


async def test_update_of_a_missing_vocabulary_is_a_not_found_error() -> None:
    async with stubbed_client() as (client, stubber):
        add_service_error(
            stubber,
            "update_vocabulary",
            "NotFoundException",
            "The requested vocabulary couldn't be found.",
        )
        await expect_service_error(
            client.update_vocabulary(
                UpdateVocabularyRequest(
                    vocabulary_name="absent",
                    language_code=LanguageCode.EN_US,
                    vocabulary_file_uri="s3://vocabularies/en.txt",
                )
            ),
            NotFoundError,
            code="NotFoundException",
            operation_name="UpdateVocabulary",
        )


async def test_update_vocabulary_without_phrases_or_file_is_refused_before_sending() -> None:
    async with stubbed_client() as (client, _):
        with pytest.raises(RequestValidationError) as caught:
            await client.update_vocabulary(
                UpdateVocabularyRequest(vocabulary_name="empty", language_code=LanguageCode.EN_US)
            )

    assert caught.value.field == "phrases"


async def test_update_medical_vocabulary_sends_the_new_file() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "update_medical_vocabulary",
            {
                "VocabularyName": "drug-names",
                "LanguageCode": "en-US",
                "LastModifiedTime": MODIFIED,
                "VocabularyState": "READY",
            },
            {
                "VocabularyName": "drug-names",
                "LanguageCode": "en-US",
                "VocabularyFileUri": "s3://vocabularies/drugs-v2.txt",
            },
        )
        updated = await client.update_medical_vocabulary(
            UpdateMedicalVocabularyRequest(
                vocabulary_name="drug-names",
                language_code=LanguageCode.EN_US,
                vocabulary_file_uri="s3://vocabularies/drugs-v2.txt",
            )
        )

    assert updated == UpdateMedicalVocabularyResponse(
        vocabulary_name="drug-names",
        language_code=LanguageCode.EN_US,
        last_modified_time=MODIFIED,
        vocabulary_state=VocabularyState.READY,
    )
