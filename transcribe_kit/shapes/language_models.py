"""Custom language models: create, describe, list, update and delete."""

from __future__ import annotations

from datetime import datetime

from attrs import define, field

from transcribe_kit.shapes._base import Shape, uri_repr, wire
from transcribe_kit.shapes.common import EncryptionConfiguration, Tag
from transcribe_kit.shapes.enums import BaseModelName, CLMLanguageCode, ModelStatus


@define(frozen=True, kw_only=True, eq=False, repr=False)
class InputDataConfig(Shape):
    """Contains the Amazon S3 location of the training data you want to use to create a new custom
    language model, and permissions to access this location.
    """

    #: The Amazon S3 location (URI) of the text files you want to use to train your custom
    #: language model.
    s3_uri: str = field(
        repr=uri_repr,
        metadata=wire("S3Uri", min_length=1, max_length=2000, pattern="(s3://|http(s*)://).+"),
    )

    #: The Amazon Resource Name (ARN) of an IAM role that has permissions to access the Amazon S3
    #: bucket that contains your input files.
    data_access_role_arn: str = field(
        metadata=wire(
            "DataAccessRoleArn",
            min_length=20,
            max_length=2048,
            pattern="^arn:(aws|aws-cn|aws-us-gov|aws-iso-{0,1}[a-z]{0,1}):iam::[0-9]{0,63}:role/[A-Za-z0-9:_/+=,@.-]{0,1024}$",
        ),
    )

    #: The Amazon S3 location (URI) of the text files you want to use to tune your custom
    #: language model.
    tuning_data_s3_uri: str | None = field(
        repr=uri_repr,
        default=None,
        metadata=wire(
            "TuningDataS3Uri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class LanguageModel(Shape):
    """Provides information about a custom language model, including: The base model name When the
    model was created The location of the files used to train the model When the model was last
    modified The name you chose for the model The model's language The model's processing state
    Any available upgrades for the base model
    """

    #: A unique name, chosen by you, for your custom language model.
    model_name: str | None = field(
        default=None,
        metadata=wire(
            "ModelName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The date and time the specified custom language model was created.
    create_time: datetime | None = field(default=None, metadata=wire("CreateTime"))

    #: The date and time the specified custom language model was last modified.
    last_modified_time: datetime | None = field(default=None, metadata=wire("LastModifiedTime"))

    #: The language code used to create your custom language model.
    language_code: CLMLanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The Amazon Transcribe standard language model, or base model, used to create your custom
    #: language model.
    base_model_name: BaseModelName | None = field(default=None, metadata=wire("BaseModelName"))

    #: The status of the specified custom language model.
    model_status: ModelStatus | None = field(default=None, metadata=wire("ModelStatus"))

    #: Shows if a more current base model is available for use with the specified custom language
    #: model.
    upgrade_availability: bool | None = field(default=None, metadata=wire("UpgradeAvailability"))

    #: If ModelStatus is FAILED, FailureReason contains information about why the custom
    #: language model request failed.
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    #: The Amazon S3 location of the input files used to train and tune your custom language
    #: model, in addition to the data access role ARN (Amazon Resource Name) that has permissions
    #: to access these data.
    input_data_config: InputDataConfig | None = field(
        default=None,
        metadata=wire("InputDataConfig"),
    )

    #: The encryption configuration used for your custom language model.
    encryption_configuration: EncryptionConfiguration | None = field(
        default=None,
        metadata=wire("EncryptionConfiguration"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CreateLanguageModelRequest(Shape):
    """The request of ``CreateLanguageModel``.

    Creates a new custom language model.
    """

    #: The language code that represents the language of your model.
    language_code: CLMLanguageCode = field(metadata=wire("LanguageCode"))

    #: The Amazon Transcribe standard language model, or base model, used to create your custom
    #: language model.
    base_model_name: BaseModelName = field(metadata=wire("BaseModelName"))

    #: A unique name, chosen by you, for your custom language model.
    model_name: str = field(
        metadata=wire("ModelName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )

    #: Contains the Amazon S3 location of the training data you want to use to create a new
    #: custom language model, and permissions to access this location.
    input_data_config: InputDataConfig = field(metadata=wire("InputDataConfig"))

    #: Specifies the encryption configuration for your custom language model.
    encryption_configuration: EncryptionConfiguration | None = field(
        default=None,
        metadata=wire("EncryptionConfiguration"),
    )

    #: Adds one or more custom tags, each in the form of a key:value pair, to a new custom
    #: language model at the time you create this new model.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CreateLanguageModelResponse(Shape):
    """The response of ``CreateLanguageModel``."""

    #: The language code you selected for your custom language model.
    language_code: CLMLanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The Amazon Transcribe standard language model, or base model, you specified when creating
    #: your custom language model.
    base_model_name: BaseModelName | None = field(default=None, metadata=wire("BaseModelName"))

    #: The name of your custom language model.
    model_name: str | None = field(
        default=None,
        metadata=wire(
            "ModelName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: Lists your data access role ARN (Amazon Resource Name) and the Amazon S3 locations you
    #: provided for your training (S3Uri) and tuning (TuningDataS3Uri) data.
    input_data_config: InputDataConfig | None = field(
        default=None,
        metadata=wire("InputDataConfig"),
    )

    #: The status of your custom language model.
    model_status: ModelStatus | None = field(default=None, metadata=wire("ModelStatus"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteLanguageModelRequest(Shape):
    """The request of ``DeleteLanguageModel``.

    Deletes a custom language model.
    """

    #: The name of the custom language model you want to delete.
    model_name: str = field(
        metadata=wire("ModelName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteLanguageModelResponse(Shape):
    """The empty response of ``DeleteLanguageModel``."""


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DescribeLanguageModelRequest(Shape):
    """The request of ``DescribeLanguageModel``.

    Provides information about the specified custom language model.
    """

    #: The name of the custom language model you want information about.
    model_name: str = field(
        metadata=wire("ModelName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DescribeLanguageModelResponse(Shape):
    """The response of ``DescribeLanguageModel``."""

    #: Provides information about the specified custom language model.
    language_model: LanguageModel | None = field(default=None, metadata=wire("LanguageModel"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListLanguageModelsRequest(Shape):
    """The request of ``ListLanguageModels``.

    Provides a list of custom language models that match the specified criteria.
    """

    #: Returns only custom language models with the specified status.
    status_equals: ModelStatus | None = field(default=None, metadata=wire("StatusEquals"))

    #: Returns only the custom language models that contain the specified string.
    name_contains: str | None = field(
        default=None,
        metadata=wire(
            "NameContains",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: If your ListLanguageModels request returns more results than can be displayed, NextToken
    #: is displayed in the response with an associated string.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: The maximum number of custom language models to return in each page of results.
    max_results: int | None = field(
        default=None,
        metadata=wire("MaxResults", minimum=1, maximum=100),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListLanguageModelsResponse(Shape):
    """The response of ``ListLanguageModels``."""

    #: If NextToken is present in your response, it indicates that not all results are displayed.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: Provides information about the custom language models that match the criteria specified in
    #: your request.
    models: list[LanguageModel] | None = field(default=None, metadata=wire("Models"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class UpdateLanguageModelRequest(Shape):
    """The request of ``UpdateLanguageModel``.

    Updates the encryption configuration for an existing custom language model.
    """

    #: The name of the custom language model you want to update.
    model_name: str = field(
        metadata=wire("ModelName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )

    #: The Amazon Resource Name (ARN) of an IAM role.
    data_access_role_arn: str | None = field(
        default=None,
        metadata=wire(
            "DataAccessRoleArn",
            min_length=20,
            max_length=2048,
            pattern="^arn:(aws|aws-cn|aws-us-gov|aws-iso-{0,1}[a-z]{0,1}):iam::[0-9]{0,63}:role/[A-Za-z0-9:_/+=,@.-]{0,1024}$",
        ),
    )

    #: Specifies the new encryption configuration for your custom language model.
    encryption_configuration: EncryptionConfiguration | None = field(
        default=None,
        metadata=wire("EncryptionConfiguration"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class UpdateLanguageModelResponse(Shape):
    """The response of ``UpdateLanguageModel``."""

    #: The name of the custom language model that was updated.
    model_name: str | None = field(
        default=None,
        metadata=wire(
            "ModelName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The status of the specified custom language model.
    model_status: ModelStatus | None = field(default=None, metadata=wire("ModelStatus"))

    #: The date and time the specified custom language model was last modified.
    last_modified_time: datetime | None = field(default=None, metadata=wire("LastModifiedTime"))


__all__ = [
    "CreateLanguageModelRequest",
    "CreateLanguageModelResponse",
    "DeleteLanguageModelRequest",
    "DeleteLanguageModelResponse",
    "DescribeLanguageModelRequest",
    "DescribeLanguageModelResponse",
    "InputDataConfig",
    "LanguageModel",
    "ListLanguageModelsRequest",
    "ListLanguageModelsResponse",
    "UpdateLanguageModelRequest",
    "UpdateLanguageModelResponse",
]
