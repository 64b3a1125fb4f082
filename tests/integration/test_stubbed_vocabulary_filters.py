"""Vocabulary filters, which moto lacks, against botocore's stubber (the request is checked
against the service model and the parameters expected on the wire)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.integration._support import (
    STUB_REQUEST_ID,
    add_service_error,
    expect_service_error,
    stubbed_client,
)
from transcribe_kit import (
    ConflictError,
    CreateVocabularyFilterRequest,
    CreateVocabularyFilterResponse,
    DeleteVocabularyFilterRequest,
    DeleteVocabularyFilterResponse,
    GetVocabularyFilterRequest,
    GetVocabularyFilterResponse,
    LanguageCode,
    ListVocabularyFiltersRequest,
    ListVocabularyFiltersResponse,
    NotFoundError,
    RequestValidationError,
    Tag,
    UpdateVocabularyFilterRequest,
    UpdateVocabularyFilterResponse,
    VocabularyFilterInfo,
)

MODIFIED = datetime(2026, 3, 4, 10, 30, tzinfo=timezone.utc)
ROLE = "arn:aws:iam::123456789012:role/TranscribeAccess"


async def test_create_sends_words_and_tags_and_answers_typed() -> None:
    request = CreateVocabularyFilterRequest(
        vocabulary_filter_name="profanity",
        language_code=LanguageCode.EN_US,
        words=["darn", "heck"],
        tags=[Tag(key="team", value="support")],
    )
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "create_vocabulary_filter",
            {
                "VocabularyFilterName": "profanity",
                "LanguageCode": "en-US",
                "LastModifiedTime": MODIFIED,
            },
            {
                "VocabularyFilterName": "profanity",
                "LanguageCode": "en-US",
                "Words": ["darn", "heck"],
                "Tags": [{"Key": "team", "Value": "support"}],
            },
        )
        created = await client.create_vocabulary_filter(request)

    assert created == CreateVocabularyFilterResponse(
        vocabulary_filter_name="profanity",
        language_code=LanguageCode.EN_US,
        last_modified_time=MODIFIED,
    )


async def test_get_answers_the_filter_typed() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "get_vocabulary_filter",
            {
                "VocabularyFilterName": "profanity",
                "LanguageCode": "en-US",
                "LastModifiedTime": MODIFIED,
                "DownloadUri": "https://s3.us-east-1.amazonaws.com/filters/profanity.txt",
                "DataAccessRoleArn": ROLE,
            },
            {"VocabularyFilterName": "profanity"},
        )
        got = await client.get_vocabulary_filter(
            GetVocabularyFilterRequest(vocabulary_filter_name="profanity")
        )

    assert got == GetVocabularyFilterResponse(
        vocabulary_filter_name="profanity",
        language_code=LanguageCode.EN_US,
        last_modified_time=MODIFIED,
        download_uri="https://s3.us-east-1.amazonaws.com/filters/profanity.txt",
        data_access_role_arn=ROLE,
    )


async def test_list_sends_its_filters_and_answers_a_page() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "list_vocabulary_filters",
            {
                "NextToken": "page-2",
                "VocabularyFilters": [
                    {
                        "VocabularyFilterName": "profanity",
                        "LanguageCode": "en-US",
                        "LastModifiedTime": MODIFIED,
                    }
                ],
            },
            {"NameContains": "prof", "MaxResults": 1},
        )
        listed = await client.list_vocabulary_filters(
            ListVocabularyFiltersRequest(name_contains="prof", max_results=1)
        )

    assert listed == ListVocabularyFiltersResponse(
        next_token="page-2",
        vocabulary_filters=[
            VocabularyFilterInfo(
                vocabulary_filter_name="profanity",
                language_code=LanguageCode.EN_US,
                last_modified_time=MODIFIED,
            )
        ],
    )


async def test_update_sends_the_new_source_file() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "update_vocabulary_filter",
            {"VocabularyFilterName": "profanity", "LanguageCode": "en-US"},
            {
                "VocabularyFilterName": "profanity",
                "VocabularyFilterFileUri": "s3://filters/profanity-v2.txt",
                "DataAccessRoleArn": ROLE,
            },
        )
        updated = await client.update_vocabulary_filter(
            UpdateVocabularyFilterRequest(
                vocabulary_filter_name="profanity",
                vocabulary_filter_file_uri="s3://filters/profanity-v2.txt",
                data_access_role_arn=ROLE,
            )
        )

    assert updated == UpdateVocabularyFilterResponse(
        vocabulary_filter_name="profanity", language_code=LanguageCode.EN_US
    )


async def test_delete_sends_the_name() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response("delete_vocabulary_filter", {}, {"VocabularyFilterName": "profanity"})
        deleted = await client.delete_vocabulary_filter(
            DeleteVocabularyFilterRequest(vocabulary_filter_name="profanity")
        )

    assert deleted == DeleteVocabularyFilterResponse()


async def test_missing_filter_is_a_not_found_error() -> None:
    async with stubbed_client() as (client, stubber):
        add_service_error(
            stubber,
            "get_vocabulary_filter",
            "NotFoundException",
            "The requested vocabulary filter couldn't be found.",
            expected_params={"VocabularyFilterName": "absent"},
        )
        error = await expect_service_error(
            client.get_vocabulary_filter(
                GetVocabularyFilterRequest(vocabulary_filter_name="absent")
            ),
            NotFoundError,
            code="NotFoundException",
            operation_name="GetVocabularyFilter",
        )

    assert error.request_id == STUB_REQUEST_ID


async def test_duplicate_name_is_a_conflict() -> None:
    async with stubbed_client() as (client, stubber):
        add_service_error(
            stubber,
            "create_vocabulary_filter",
            "ConflictException",
            "The requested vocabulary filter name already exists.",
        )
        await expect_service_error(
            client.create_vocabulary_filter(
                CreateVocabularyFilterRequest(
                    vocabulary_filter_name="profanity",
                    language_code=LanguageCode.EN_US,
                    words=["darn"],
                )
            ),
            ConflictError,
            code="ConflictException",
            operation_name="CreateVocabularyFilter",
        )


async def test_words_and_a_file_together_are_refused_before_sending() -> None:
    both = CreateVocabularyFilterRequest(
        vocabulary_filter_name="profanity",
        language_code=LanguageCode.EN_US,
        words=["darn"],
        vocabulary_filter_file_uri="s3://filters/profanity.txt",
    )
    # No response is queued: a request reaching the stubber would fail with its own error.
    async with stubbed_client() as (client, _):
        with pytest.raises(RequestValidationError) as caught:
            await client.create_vocabulary_filter(both)

    assert caught.value.field == "words"
