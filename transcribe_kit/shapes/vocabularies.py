"""Custom vocabularies: create, get, list, update and delete."""

from __future__ import annotations

from datetime import datetime

from attrs import define, field

from transcribe_kit.shapes._base import Shape, uri_repr, wire
from transcribe_kit.shapes.common import EncryptionConfiguration, Tag, VocabularyInfo
from transcribe_kit.shapes.enums import LanguageCode, VocabularyState


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CreateVocabularyRequest(Shape):
    """The request of ``CreateVocabulary``.

    Creates a new custom vocabulary.
    """

    #: A unique name, chosen by you, for your new custom vocabulary.
    vocabulary_name: str = field(
        metadata=wire("VocabularyName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )

    #: The language code that represents the language of the entries in your custom vocabulary.
    language_code: LanguageCode = field(metadata=wire("LanguageCode"))

    #: Use this parameter if you want to create your custom vocabulary by including all desired
    #: terms, as comma-separated values, within your request.
    phrases: list[str] | None = field(default=None, metadata=wire("Phrases"))

    #: The Amazon S3 location of the text file that contains your custom vocabulary.
    vocabulary_file_uri: str | None = field(
        repr=uri_repr,
        default=None,
        metadata=wire(
            "VocabularyFileUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )

    #: Adds one or more custom tags, each in the form of a key:value pair, to a new custom
    #: vocabulary at the time you create this new custom vocabulary.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )

    #: The Amazon Resource Name (ARN) of an IAM role that has permissions to access the Amazon S3
    #: bucket that contains your input files (in this case, your custom vocabulary).
    data_access_role_arn: str | None = field(
        default=None,
        metadata=wire(
            "DataAccessRoleArn",
            min_length=20,
            max_length=2048,
            pattern="^arn:(aws|aws-cn|aws-us-gov|aws-iso-{0,1}[a-z]{0,1}):iam::[0-9]{0,63}:role/[A-Za-z0-9:_/+=,@.-]{0,1024}$",
        ),
    )

    #: Specifies the encryption configuration for your custom vocabulary.
    encryption_configuration: EncryptionConfiguration | None = field(
        default=None,
        metadata=wire("EncryptionConfiguration"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CreateVocabularyResponse(Shape):
    """The response of ``CreateVocabulary``."""

    #: The name you chose for your custom vocabulary.
    vocabulary_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The language code you selected for your custom vocabulary.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The processing state of your custom vocabulary.
    vocabulary_state: VocabularyState | None = field(default=None, metadata=wire("VocabularyState"))

    #: The date and time you created your custom vocabulary.
    last_modified_time: datetime | None = field(default=None, metadata=wire("LastModifiedTime"))

    #: If VocabularyState is FAILED, FailureReason contains information about why the custom
    #: vocabulary request failed.
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteVocabularyRequest(Shape):
    """The request of ``DeleteVocabulary``.

    Deletes a custom vocabulary.
    """

    #: The name of the custom vocabulary you want to delete.
    vocabulary_name: str = field(
        metadata=wire("VocabularyName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteVocabularyResponse(Shape):
    """The empty response of ``DeleteVocabulary``."""


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetVocabularyRequest(Shape):
    """The request of ``GetVocabulary``.

    Provides information about the specified custom vocabulary.
    """

    #: The name of the custom vocabulary you want information about.
    vocabulary_name: str = field(
        metadata=wire("VocabularyName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetVocabularyResponse(Shape):
    """The response of ``GetVocabulary``."""

    #: The name of the custom vocabulary you requested information about.
    vocabulary_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The language code you selected for your custom vocabulary.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The processing state of your custom vocabulary.
    vocabulary_state: VocabularyState | None = field(default=None, metadata=wire("VocabularyState"))

    #: The date and time the specified custom vocabulary was last modified.
    last_modified_time: datetime | None = field(default=None, metadata=wire("LastModifiedTime"))

    #: If VocabularyState is FAILED, FailureReason contains information about why the custom
    #: vocabulary request failed.
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    #: The Amazon S3 location where the custom vocabulary is stored; use this URI to view or
    #: download the custom vocabulary.
    download_uri: str | None = field(
        repr=uri_repr,
        default=None,
        metadata=wire(
            "DownloadUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )

    #: The Amazon Resource Name (ARN) of the IAM role used to access the Amazon S3 bucket that
    #: contains your input files and, if applicable, the KMS key specified in
    #: EncryptionConfiguration.
    data_access_role_arn: str | None = field(
        default=None,
        metadata=wire(
            "DataAccessRoleArn",
            min_length=20,
            max_length=2048,
            pattern="^arn:(aws|aws-cn|aws-us-gov|aws-iso-{0,1}[a-z]{0,1}):iam::[0-9]{0,63}:role/[A-Za-z0-9:_/+=,@.-]{0,1024}$",
        ),
    )

    #: The encryption configuration used for your custom vocabulary.
    encryption_configuration: EncryptionConfiguration | None = field(
        default=None,
        metadata=wire("EncryptionConfiguration"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListVocabulariesRequest(Shape):
    """The request of ``ListVocabularies``.

    Provides a list of custom vocabularies that match the specified criteria.
    """

    #: If your ListVocabularies request returns more results than can be displayed, NextToken is
    #: displayed in the response with an associated string.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: The maximum number of custom vocabularies to return in each page of results.
    max_results: int | None = field(
        default=None,
        metadata=wire("MaxResults", minimum=1, maximum=100),
    )

    #: Returns only custom vocabularies with the specified state.
    state_equals: VocabularyState | None = field(default=None, metadata=wire("StateEquals"))

    #: Returns only the custom vocabularies that contain the specified string.
    name_contains: str | None = field(
        default=None,
        metadata=wire(
            "NameContains",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListVocabulariesResponse(Shape):
    """The response of ``ListVocabularies``."""

    #: Lists all custom vocabularies that have the status specified in your request.
    status: VocabularyState | None = field(default=None, metadata=wire("Status"))

    #: If NextToken is present in your response, it indicates that not all results are displayed.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: Provides information about the custom vocabularies that match the criteria specified in
    #: your request.
    vocabularies: list[VocabularyInfo] | None = field(default=None, metadata=wire("Vocabularies"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class UpdateVocabularyRequest(Shape):
    """The request of ``UpdateVocabulary``.

    Updates an existing custom vocabulary with new values.
    """

    #: The name of the custom vocabulary you want to update.
    vocabulary_name: str = field(
        metadata=wire("VocabularyName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )

    #: The language code that represents the language of the entries in the custom vocabulary you
    #: want to update.
    language_code: LanguageCode = field(metadata=wire("LanguageCode"))

    #: Use this parameter if you want to update your custom vocabulary by including all desired
    #: terms, as comma-separated values, within your request.
    phrases: list[str] | None = field(default=None, metadata=wire("Phrases"))

    #: The Amazon S3 location of the text file that contains your custom vocabulary.
    vocabulary_file_uri: str | None = field(
        repr=uri_repr,
        default=None,
        metadata=wire(
            "VocabularyFileUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )

    #: The Amazon Resource Name (ARN) of an IAM role that has permissions to access the Amazon S3
    #: bucket that contains your input files (in this case, your custom vocabulary).
    data_access_role_arn: str | None = field(
        default=None,
        metadata=wire(
            "DataAccessRoleArn",
            min_length=20,
            max_length=2048,
            pattern="^arn:(aws|aws-cn|aws-us-gov|aws-iso-{0,1}[a-z]{0,1}):iam::[0-9]{0,63}:role/[A-Za-z0-9:_/+=,@.-]{0,1024}$",
        ),
    )

    #: Specifies the encryption configuration for your custom vocabulary.
    encryption_configuration: EncryptionConfiguration | None = field(
        default=None,
        metadata=wire("EncryptionConfiguration"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class UpdateVocabularyResponse(Shape):
    """The response of ``UpdateVocabulary``."""

    #: The name of the updated custom vocabulary.
    vocabulary_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The language code you selected for your custom vocabulary.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The date and time the specified custom vocabulary was last updated.
    last_modified_time: datetime | None = field(default=None, metadata=wire("LastModifiedTime"))

    #: The processing state of your custom vocabulary.
    vocabulary_state: VocabularyState | None = field(default=None, metadata=wire("VocabularyState"))


__all__ = [
    "CreateVocabularyRequest",
    "CreateVocabularyResponse",
    "DeleteVocabularyRequest",
    "DeleteVocabularyResponse",
    "GetVocabularyRequest",
    "GetVocabularyResponse",
    "ListVocabulariesRequest",
    "ListVocabulariesResponse",
    "UpdateVocabularyRequest",
    "UpdateVocabularyResponse",
]
