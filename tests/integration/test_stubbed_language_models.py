"""Custom language models, which moto lacks, against botocore's stubber."""

from __future__ import annotations

from datetime import datetime, timezone

from tests.integration._support import add_service_error, expect_service_error, stubbed_client
from transcribe_kit import (
    BaseModelName,
    CLMLanguageCode,
    CreateLanguageModelRequest,
    CreateLanguageModelResponse,
    DeleteLanguageModelRequest,
    DeleteLanguageModelResponse,
    DescribeLanguageModelRequest,
    EncryptionConfiguration,
    InputDataConfig,
    LanguageModel,
    LimitExceededError,
    ListLanguageModelsRequest,
    ModelStatus,
    NotFoundError,
    UpdateLanguageModelRequest,
    UpdateLanguageModelResponse,
)

CREATED = datetime(2026, 2, 1, 9, 0, tzinfo=timezone.utc)
MODIFIED = datetime(2026, 2, 1, 13, 45, tzinfo=timezone.utc)
ROLE = "arn:aws:iam::123456789012:role/TranscribeTraining"
KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"

INPUT = InputDataConfig(s3_uri="s3://training/clm/", data_access_role_arn=ROLE)
INPUT_ON_WIRE = {"S3Uri": "s3://training/clm/", "DataAccessRoleArn": ROLE}
MODEL_ON_WIRE = {
    "ModelName": "legal-terms",
    "CreateTime": CREATED,
    "LastModifiedTime": MODIFIED,
    "LanguageCode": "en-US",
    "BaseModelName": "WideBand",
    "ModelStatus": "COMPLETED",
    "UpgradeAvailability": False,
    "InputDataConfig": INPUT_ON_WIRE,
}
MODEL = LanguageModel(
    model_name="legal-terms",
    create_time=CREATED,
    last_modified_time=MODIFIED,
    language_code=CLMLanguageCode.EN_US,
    base_model_name=BaseModelName.WIDEBAND,
    model_status=ModelStatus.COMPLETED,
    upgrade_availability=False,
    input_data_config=INPUT,
)


async def test_create_sends_the_training_input_and_answers_typed() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "create_language_model",
            {
                "LanguageCode": "en-US",
                "BaseModelName": "WideBand",
                "ModelName": "legal-terms",
                "InputDataConfig": INPUT_ON_WIRE,
                "ModelStatus": "IN_PROGRESS",
            },
            {
                "LanguageCode": "en-US",
                "BaseModelName": "WideBand",
                "ModelName": "legal-terms",
                "InputDataConfig": INPUT_ON_WIRE,
                "EncryptionConfiguration": {"KMSKey": KEY},
            },
        )
        created = await client.create_language_model(
            CreateLanguageModelRequest(
                language_code=CLMLanguageCode.EN_US,
                base_model_name=BaseModelName.WIDEBAND,
                model_name="legal-terms",
                input_data_config=INPUT,
                encryption_configuration=EncryptionConfiguration(kms_key=KEY),
            )
        )

    assert created == CreateLanguageModelResponse(
        language_code=CLMLanguageCode.EN_US,
        base_model_name=BaseModelName.WIDEBAND,
        model_name="legal-terms",
        input_data_config=INPUT,
        model_status=ModelStatus.IN_PROGRESS,
    )


async def test_describe_answers_the_model_typed() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "describe_language_model",
            {"LanguageModel": MODEL_ON_WIRE},
            {"ModelName": "legal-terms"},
        )
        described = await client.describe_language_model(
            DescribeLanguageModelRequest(model_name="legal-terms")
        )

    assert described.language_model == MODEL


async def test_list_sends_its_filters_and_answers_models() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "list_language_models",
            {"Models": [MODEL_ON_WIRE]},
            {"StatusEquals": "COMPLETED", "NameContains": "legal"},
        )
        listed = await client.list_language_models(
            ListLanguageModelsRequest(status_equals=ModelStatus.COMPLETED, name_contains="legal")
        )

    assert listed.models == [MODEL]
    assert listed.next_token is None


async def test_update_sends_the_new_key() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "update_language_model",
            {"ModelName": "legal-terms", "ModelStatus": "COMPLETED", "LastModifiedTime": MODIFIED},
            {
                "ModelName": "legal-terms",
                "DataAccessRoleArn": ROLE,
                "EncryptionConfiguration": {
                    "KMSKey": KEY,
                    "KMSEncryptionContext": {"department": "legal"},
                },
            },
        )
        updated = await client.update_language_model(
            UpdateLanguageModelRequest(
                model_name="legal-terms",
                data_access_role_arn=ROLE,
                encryption_configuration=EncryptionConfiguration(
                    kms_key=KEY, kms_encryption_context={"department": "legal"}
                ),
            )
        )

    assert updated == UpdateLanguageModelResponse(
        model_name="legal-terms", model_status=ModelStatus.COMPLETED, last_modified_time=MODIFIED
    )


async def test_delete_sends_the_name() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response("delete_language_model", {}, {"ModelName": "legal-terms"})
        deleted = await client.delete_language_model(
            DeleteLanguageModelRequest(model_name="legal-terms")
        )

    assert deleted == DeleteLanguageModelResponse()


async def test_missing_model_is_a_not_found_error() -> None:
    async with stubbed_client() as (client, stubber):
        add_service_error(
            stubber,
            "describe_language_model",
            "NotFoundException",
            "The requested language model couldn't be found.",
            expected_params={"ModelName": "absent"},
        )
        await expect_service_error(
            client.describe_language_model(DescribeLanguageModelRequest(model_name="absent")),
            NotFoundError,
            code="NotFoundException",
            operation_name="DescribeLanguageModel",
        )


async def test_too_many_models_is_a_limit_exceeded_error() -> None:
    async with stubbed_client() as (client, stubber):
        add_service_error(
            stubber,
            "create_language_model",
            "LimitExceededException",
            "You have reached the maximum number of custom language models.",
        )
        error = await expect_service_error(
            client.create_language_model(
                CreateLanguageModelRequest(
                    language_code=CLMLanguageCode.EN_US,
                    base_model_name=BaseModelName.NARROWBAND,
                    model_name="one-too-many",
                    input_data_config=INPUT,
                )
            ),
            LimitExceededError,
            code="LimitExceededException",
            operation_name="CreateLanguageModel",
        )

    assert "maximum number" in error.message
