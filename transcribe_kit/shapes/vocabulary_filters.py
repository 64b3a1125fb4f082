"""Custom vocabulary filters: create, get, list, update and delete."""

from __future__ import annotations

from datetime import datetime

from attrs import define, field

from transcribe_kit.shapes._base import Shape, uri_repr, wire
from transcribe_kit.shapes.common import EncryptionConfiguration, Tag
from transcribe_kit.shapes.enums import LanguageCode


@define(frozen=True, kw_only=True, eq=False, repr=False)
class VocabularyFilterInfo(Shape):
    """Provides information about a custom vocabulary filter, including the language of the filter,
    when it was last modified, and its name.
    """

    #: A unique name, chosen by you, for your custom vocabulary filter.
    vocabulary_filter_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyFilterName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The language code that represents the language of the entries in your vocabulary filter.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The date and time the specified custom vocabulary filter was last modified.
    last_modified_time: datetime | None = field(default=None, metadata=wire("LastModifiedTime"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CreateVocabularyFilterRequest(Shape):
    """The request of ``CreateVocabularyFilter``.

    Creates a new custom vocabulary filter.
    """

    #: A unique name, chosen by you, for your new custom vocabulary filter.
    vocabulary_filter_name: str = field(
        metadata=wire(
            "VocabularyFilterName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The language code that represents the language of the entries in your vocabulary filter.
    language_code: LanguageCode = field(metadata=wire("LanguageCode"))

    #: Use this parameter if you want to create your custom vocabulary filter by including all
    #: desired terms, as comma-separated values, within your request.
    words: list[str] | None = field(default=None, metadata=wire("Words", min_length=1))

    #: The Amazon S3 location of the text file that contains your custom vocabulary filter terms.
    vocabulary_filter_file_uri: str | None = field(
        repr=uri_repr,
        default=None,
        metadata=wire(
            "VocabularyFilterFileUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )

    #: Adds one or more custom tags, each in the form of a key:value pair, to a new custom
    #: vocabulary filter at the time you create this new vocabulary filter.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )

    #: The Amazon Resource Name (ARN) of an IAM role that has permissions to access the Amazon S3
    #: bucket that contains your input files (in this case, your custom vocabulary filter).
    data_access_role_arn: str | None = field(
        default=None,
        metadata=wire(
            "DataAccessRoleArn",
            min_length=20,
            max_length=2048,
            pattern="^arn:(aws|aws-cn|aws-us-gov|aws-iso-{0,1}[a-z]{0,1}):iam::[0-9]{0,63}:role/[A-Za-z0-9:_/+=,@.-]{0,1024}$",
        ),
    )

    #: Specifies the encryption configuration for your custom vocabulary filter.
    encryption_configuration: EncryptionConfiguration | None = field(
        default=None,
        metadata=wire("EncryptionConfiguration"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CreateVocabularyFilterResponse(Shape):
    """The response of ``CreateVocabularyFilter``."""

    #: The name you chose for your custom vocabulary filter.
    vocabulary_filter_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyFilterName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The language code you selected for your custom vocabulary filter.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The date and time you created your custom vocabulary filter.
    last_modified_time: datetime | None = field(default=None, metadata=wire("LastModifiedTime"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteVocabularyFilterRequest(Shape):
    """The request of ``DeleteVocabularyFilter``.

    Deletes a custom vocabulary filter.
    """

    #: The name of the custom vocabulary filter you want to delete.
    vocabulary_filter_name: str = field(
        metadata=wire(
            "VocabularyFilterName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteVocabularyFilterResponse(Shape):
    """The empty response of ``DeleteVocabularyFilter``."""


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetVocabularyFilterRequest(Shape):
    """The request of ``GetVocabularyFilter``.

    Provides information about the specified custom vocabulary filter.
    """

    #: The name of the custom vocabulary filter you want information about.
    vocabulary_filter_name: str = field(
        metadata=wire(
            "VocabularyFilterName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetVocabularyFilterResponse(Shape):
    """The response of ``GetVocabularyFilter``."""

    #: The name of the custom vocabulary filter you requested information about.
    vocabulary_filter_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyFilterName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The language code you selected for your custom vocabulary filter.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The date and time the specified custom vocabulary filter was last modified.
    last_modified_time: datetime | None = field(default=None, metadata=wire("LastModifiedTime"))

    #: The Amazon S3 location where the custom vocabulary filter is stored; use this URI to view
    #: or download the custom vocabulary filter.
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

    #: The encryption configuration used for your custom vocabulary filter.
    encryption_configuration: EncryptionConfiguration | None = field(
        default=None,
        metadata=wire("EncryptionConfiguration"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListVocabularyFiltersRequest(Shape):
    """The request of ``ListVocabularyFilters``.

    Provides a list of custom vocabulary filters that match the specified criteria.
    """

    #: If your ListVocabularyFilters request returns more results than can be displayed,
    #: NextToken is displayed in the response with an associated string.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: The maximum number of custom vocabulary filters to return in each page of results.
    max_results: int | None = field(
        default=None,
        metadata=wire("MaxResults", minimum=1, maximum=100),
    )

    #: Returns only the custom vocabulary filters that contain the specified string.
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
class ListVocabularyFiltersResponse(Shape):
    """The response of ``ListVocabularyFilters``."""

    #: If NextToken is present in your response, it indicates that not all results are displayed.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: Provides information about the custom vocabulary filters that match the criteria specified
    #: in your request.
    vocabulary_filters: list[VocabularyFilterInfo] | None = field(
        default=None,
        metadata=wire("VocabularyFilters"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class UpdateVocabularyFilterRequest(Shape):
    """The request of ``UpdateVocabularyFilter``.

    Updates an existing custom vocabulary filter with a new list of words.
    """

    #: The name of the custom vocabulary filter you want to update.
    vocabulary_filter_name: str = field(
        metadata=wire(
            "VocabularyFilterName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: Use this parameter if you want to update your custom vocabulary filter by including all
    #: desired terms, as comma-separated values, within your request.
    words: list[str] | None = field(default=None, metadata=wire("Words", min_length=1))

    #: The Amazon S3 location of the text file that contains your custom vocabulary filter terms.
    vocabulary_filter_file_uri: str | None = field(
        repr=uri_repr,
        default=None,
        metadata=wire(
            "VocabularyFilterFileUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )

    #: The Amazon Resource Name (ARN) of an IAM role that has permissions to access the Amazon S3
    #: bucket that contains your input files (in this case, your custom vocabulary filter).
    data_access_role_arn: str | None = field(
        default=None,
        metadata=wire(
            "DataAccessRoleArn",
            min_length=20,
            max_length=2048,
            pattern="^arn:(aws|aws-cn|aws-us-gov|aws-iso-{0,1}[a-z]{0,1}):iam::[0-9]{0,63}:role/[A-Za-z0-9:_/+=,@.-]{0,1024}$",
        ),
    )

    #: Specifies the encryption configuration for your custom vocabulary filter.
    encryption_configuration: EncryptionConfiguration | None = field(
        default=None,
        metadata=wire("EncryptionConfiguration"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class UpdateVocabularyFilterResponse(Shape):
    """The response of ``UpdateVocabularyFilter``."""

    #: The name of the updated custom vocabulary filter.
    vocabulary_filter_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyFilterName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The language code you selected for your custom vocabulary filter.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The date and time the specified custom vocabulary filter was last updated.
    last_modified_time: datetime | None = field(default=None, metadata=wire("LastModifiedTime"))


__all__ = [
    "CreateVocabularyFilterRequest",
    "CreateVocabularyFilterResponse",
    "DeleteVocabularyFilterRequest",
    "DeleteVocabularyFilterResponse",
    "GetVocabularyFilterRequest",
    "GetVocabularyFilterResponse",
    "ListVocabularyFiltersRequest",
    "ListVocabularyFiltersResponse",
    "UpdateVocabularyFilterRequest",
    "UpdateVocabularyFilterResponse",
    "VocabularyFilterInfo",
]
