"""Custom language models over real HTTP, answered by the local backend's front server."""

from __future__ import annotations

from tests.fakes import FakeClock
from tests.integration._support import checked_client, expect_service_error
from transcribe_kit import (
    BadRequestError,
    BaseModelName,
    CLMLanguageCode,
    ConflictError,
    CreateLanguageModelRequest,
    DeleteLanguageModelRequest,
    DescribeLanguageModelRequest,
    EncryptionConfiguration,
    InputDataConfig,
    ListLanguageModelsRequest,
    ModelStatus,
    NotFoundError,
    TranscribeClient,
    UpdateLanguageModelRequest,
)
from transcribe_kit.testing import LANGUAGE_MODEL_MODELS, LocalBackend, LocalClock

ROLE = "arn:aws:iam::123456789012:role/TranscribeTraining"
KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
INPUT = InputDataConfig(s3_uri="s3://training/clm/", data_access_role_arn=ROLE)


def _request(name: str) -> CreateLanguageModelRequest:
    return CreateLanguageModelRequest(
        language_code=CLMLanguageCode.EN_US,
        base_model_name=BaseModelName.WIDEBAND,
        model_name=name,
        input_data_config=INPUT,
    )


async def test_a_model_is_created_in_progress_and_completes_when_its_time_is_up(
    tk: TranscribeClient, local_clock: LocalClock
) -> None:
    created = await tk.create_language_model(_request("legal-terms"))
    local_clock.advance(1)
    described = await tk.describe_language_model(
        DescribeLanguageModelRequest(model_name="legal-terms")
    )

    assert created.model_status is ModelStatus.IN_PROGRESS
    assert created.input_data_config == INPUT
    model = described.language_model
    assert model is not None
    assert model.model_status is ModelStatus.COMPLETED
    assert model.base_model_name is BaseModelName.WIDEBAND
    assert model.language_code is CLMLanguageCode.EN_US
    assert model.upgrade_availability is False
    assert model.create_time is not None


async def test_the_waiter_follows_a_model_to_completed(transcribe_backend: LocalBackend) -> None:
    transcribe_backend.set_progression(LANGUAGE_MODEL_MODELS, reads=2)
    seen: list[ModelStatus | None] = []
    async with checked_client(transcribe_backend, clock=FakeClock()) as tk:
        await tk.create_language_model(_request("legal-terms"))
        model = await tk.wait_for_language_model(
            "legal-terms", on_change=lambda model: seen.append(model.model_status)
        )

    assert model.model_status is ModelStatus.COMPLETED
    assert seen == ["IN_PROGRESS", "COMPLETED"]


async def test_a_taken_name_is_a_conflict(tk: TranscribeClient) -> None:
    await tk.create_language_model(_request("legal-terms"))

    await expect_service_error(
        tk.create_language_model(_request("legal-terms")),
        ConflictError,
        code="ConflictException",
        operation_name="CreateLanguageModel",
    )


async def test_a_missing_model_is_not_found(tk: TranscribeClient) -> None:
    await expect_service_error(
        tk.describe_language_model(DescribeLanguageModelRequest(model_name="absent")),
        NotFoundError,
        code="NotFoundException",
        operation_name="DescribeLanguageModel",
    )


async def test_deleting_a_missing_model_is_a_bad_request_as_the_model_lists(
    tk: TranscribeClient,
) -> None:
    # DeleteLanguageModel lists no NotFoundException among its errors.
    await expect_service_error(
        tk.delete_language_model(DeleteLanguageModelRequest(model_name="absent")),
        BadRequestError,
        code="BadRequestException",
        operation_name="DeleteLanguageModel",
    )


async def test_update_sets_the_key_and_a_deleted_model_is_gone(tk: TranscribeClient) -> None:
    await tk.create_language_model(_request("legal-terms"))

    updated = await tk.update_language_model(
        UpdateLanguageModelRequest(
            model_name="legal-terms",
            data_access_role_arn=ROLE,
            encryption_configuration=EncryptionConfiguration(kms_key=KEY),
        )
    )
    described = await tk.describe_language_model(
        DescribeLanguageModelRequest(model_name="legal-terms")
    )
    await tk.delete_language_model(DeleteLanguageModelRequest(model_name="legal-terms"))

    assert updated.model_name == "legal-terms"
    assert described.language_model is not None
    assert described.language_model.encryption_configuration == EncryptionConfiguration(kms_key=KEY)
    listed = await tk.list_language_models(ListLanguageModelsRequest())
    assert listed.models == []


async def test_list_filters_by_status_and_name(
    transcribe_backend: LocalBackend, tk: TranscribeClient, local_clock: LocalClock
) -> None:
    transcribe_backend.set_job_duration(0, "legal-names", kinds=LANGUAGE_MODEL_MODELS)
    for name in ("legal-terms", "legal-names", "medical-terms"):
        await tk.create_language_model(_request(name))

    completed = await tk.list_language_models(
        ListLanguageModelsRequest(status_equals=ModelStatus.COMPLETED)
    )
    legal_in_progress = await tk.list_language_models(
        ListLanguageModelsRequest(status_equals=ModelStatus.IN_PROGRESS, name_contains="legal")
    )

    assert [m.model_name for m in completed.models or []] == ["legal-names"]
    assert [m.model_name for m in legal_in_progress.models or []] == ["legal-terms"]


async def test_the_paginator_pages_models(tk: TranscribeClient) -> None:
    names = [f"model-{index:02d}" for index in range(8)]
    for name in names:
        await tk.create_language_model(_request(name))

    pages = [
        [m.model_name for m in page.models or []]
        async for page in tk.paginate_language_models(page_size=3).pages()
    ]

    assert pages == [names[0:3], names[3:6], names[6:8]]
