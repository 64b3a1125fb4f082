"""Vocabulary filters over real HTTP, answered by the local backend's front server."""

from __future__ import annotations

from collections import Counter

from tests.integration._support import expect_service_error
from transcribe_kit import (
    ConflictError,
    CreateVocabularyFilterRequest,
    DeleteVocabularyFilterRequest,
    GetVocabularyFilterRequest,
    LanguageCode,
    ListVocabularyFiltersRequest,
    NotFoundError,
    TranscribeClient,
    UpdateVocabularyFilterRequest,
)

ROLE = "arn:aws:iam::123456789012:role/TranscribeAccess"


async def _create(tk: TranscribeClient, *names: str) -> None:
    for name in names:
        await tk.create_vocabulary_filter(
            CreateVocabularyFilterRequest(
                vocabulary_filter_name=name, language_code=LanguageCode.EN_US, words=["darn"]
            )
        )


async def test_a_created_filter_is_read_back(tk: TranscribeClient) -> None:
    created = await tk.create_vocabulary_filter(
        CreateVocabularyFilterRequest(
            vocabulary_filter_name="profanity",
            language_code=LanguageCode.EN_GB,
            vocabulary_filter_file_uri="s3://filters/profanity.txt",
            data_access_role_arn=ROLE,
        )
    )
    got = await tk.get_vocabulary_filter(
        GetVocabularyFilterRequest(vocabulary_filter_name="profanity")
    )

    assert created.vocabulary_filter_name == "profanity"
    assert created.language_code is LanguageCode.EN_GB
    assert got.vocabulary_filter_name == "profanity"
    assert got.language_code is LanguageCode.EN_GB
    assert got.data_access_role_arn == ROLE
    assert got.last_modified_time == created.last_modified_time
    assert (got.download_uri or "").startswith("https://s3.us-east-1.amazonaws.com/")


async def test_a_taken_name_is_a_conflict(tk: TranscribeClient) -> None:
    await _create(tk, "profanity")

    await expect_service_error(
        _create(tk, "profanity"),
        ConflictError,
        code="ConflictException",
        operation_name="CreateVocabularyFilter",
    )


async def test_a_missing_filter_is_not_found(tk: TranscribeClient) -> None:
    error = await expect_service_error(
        tk.get_vocabulary_filter(GetVocabularyFilterRequest(vocabulary_filter_name="absent")),
        NotFoundError,
        code="NotFoundException",
        operation_name="GetVocabularyFilter",
    )

    assert "couldn't be found" in error.message


async def test_update_replaces_the_source_and_moves_the_modified_time(
    tk: TranscribeClient,
) -> None:
    await _create(tk, "profanity")
    before = await tk.get_vocabulary_filter(
        GetVocabularyFilterRequest(vocabulary_filter_name="profanity")
    )

    updated = await tk.update_vocabulary_filter(
        UpdateVocabularyFilterRequest(
            vocabulary_filter_name="profanity",
            vocabulary_filter_file_uri="s3://filters/profanity-v2.txt",
            data_access_role_arn=ROLE,
        )
    )
    after = await tk.get_vocabulary_filter(
        GetVocabularyFilterRequest(vocabulary_filter_name="profanity")
    )

    assert updated.vocabulary_filter_name == "profanity"
    assert updated.language_code is LanguageCode.EN_US
    assert after.data_access_role_arn == ROLE
    assert before.last_modified_time is not None
    assert after.last_modified_time is not None
    assert after.last_modified_time >= before.last_modified_time


async def test_update_of_a_missing_filter_is_not_found(tk: TranscribeClient) -> None:
    await expect_service_error(
        tk.update_vocabulary_filter(
            UpdateVocabularyFilterRequest(vocabulary_filter_name="absent", words=["heck"])
        ),
        NotFoundError,
        code="NotFoundException",
        operation_name="UpdateVocabularyFilter",
    )


async def test_a_deleted_filter_is_gone(tk: TranscribeClient) -> None:
    await _create(tk, "profanity")

    await tk.delete_vocabulary_filter(
        DeleteVocabularyFilterRequest(vocabulary_filter_name="profanity")
    )

    await expect_service_error(
        tk.delete_vocabulary_filter(
            DeleteVocabularyFilterRequest(vocabulary_filter_name="profanity")
        ),
        NotFoundError,
        code="NotFoundException",
        operation_name="DeleteVocabularyFilter",
    )


async def test_a_page_without_max_results_holds_five_and_a_token(tk: TranscribeClient) -> None:
    await _create(tk, *[f"filter-{index:02d}" for index in range(7)])

    first = await tk.list_vocabulary_filters(ListVocabularyFiltersRequest())
    second = await tk.list_vocabulary_filters(
        ListVocabularyFiltersRequest(next_token=first.next_token)
    )

    assert [f.vocabulary_filter_name for f in first.vocabulary_filters or []] == [
        f"filter-{index:02d}" for index in range(5)
    ]
    assert first.next_token is not None
    assert [f.vocabulary_filter_name for f in second.vocabulary_filters or []] == [
        "filter-05",
        "filter-06",
    ]
    assert second.next_token is None


async def test_the_paginator_sees_each_matching_filter_once(tk: TranscribeClient) -> None:
    names = [f"{team}-{index:02d}" for team in ("sales", "support") for index in range(12)]
    await _create(tk, *names)

    seen = Counter(
        [
            info.vocabulary_filter_name
            async for info in tk.paginate_vocabulary_filters(name_contains="SUPPORT", page_size=5)
        ]
    )

    assert set(seen) == {name for name in names if name.startswith("support")}
    assert set(seen.values()) == {1}
