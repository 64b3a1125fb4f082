"""Shapes shared by several resources: media, output locations, redaction, settings."""

from __future__ import annotations

from datetime import datetime

from attrs import define, field

from transcribe_kit.shapes._base import Shape, uri_repr, wire
from transcribe_kit.shapes.enums import (
    LanguageCode,
    PiiEntityType,
    RedactionOutput,
    RedactionType,
    VocabularyState,
)


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ContentRedaction(Shape):
    """Makes it possible to redact specified personally identifiable information (PII) in your
    transcript.
    """

    #: Specify the category of information you want to redact; PII (personally identifiable
    #: information) is the only valid value.
    redaction_type: RedactionType = field(metadata=wire("RedactionType"))

    #: Specify if you want only a redacted transcript, or if you want a redacted and an
    #: unredacted transcript.
    redaction_output: RedactionOutput = field(metadata=wire("RedactionOutput"))

    #: Specify which types of personally identifiable information (PII) you want to redact in
    #: your transcript.
    pii_entity_types: list[PiiEntityType] | None = field(
        default=None,
        metadata=wire("PiiEntityTypes", min_length=0, max_length=29),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class EncryptionConfiguration(Shape):
    """The encryption configuration for your custom resource."""

    #: The Amazon Resource Name (ARN) of the KMS key you want to use to encrypt your resource
    #: artifacts.
    kms_key: str = field(
        metadata=wire(
            "KMSKey",
            min_length=1,
            max_length=2048,
            pattern="^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$",
        ),
    )

    #: A map of plain text, non-secret key:value pairs, known as encryption context pairs, that
    #: provide an added layer of security for your data.
    kms_encryption_context: dict[str, str] | None = field(
        default=None,
        metadata=wire("KMSEncryptionContext", min_length=1, max_length=10),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class LanguageIdSettings(Shape):
    """If using automatic language identification in your request and you want to apply a custom
    language model, a custom vocabulary, or a custom vocabulary filter, include
    LanguageIdSettings with the relevant sub-parameters (VocabularyName, LanguageModelName,
    and VocabularyFilterName).
    """

    #: The name of the custom vocabulary you want to use when processing your transcription job.
    vocabulary_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The name of the custom vocabulary filter you want to use when processing your
    #: transcription job.
    vocabulary_filter_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyFilterName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The name of the custom language model you want to use when processing your transcription
    #: job.
    language_model_name: str | None = field(
        default=None,
        metadata=wire(
            "LanguageModelName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class Media(Shape):
    """Describes the Amazon S3 location of the media file you want to use in your request."""

    #: The Amazon S3 location of the media file you want to transcribe.
    media_file_uri: str | None = field(
        repr=uri_repr,
        default=None,
        metadata=wire(
            "MediaFileUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )

    #: The Amazon S3 location of the media file you want to redact.
    redacted_media_file_uri: str | None = field(
        repr=uri_repr,
        default=None,
        metadata=wire(
            "RedactedMediaFileUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class Tag(Shape):
    """Adds metadata, in the form of a key:value pair, to the specified resource."""

    #: The first part of a key:value pair that forms a tag associated with a given resource.
    key: str = field(metadata=wire("Key", min_length=1, max_length=128))

    #: The second part of a key:value pair that forms a tag associated with a given resource.
    value: str = field(metadata=wire("Value", min_length=0, max_length=256))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class Transcript(Shape):
    """Provides you with the Amazon S3 URI you can use to access your transcript."""

    #: The Amazon S3 location of your transcript.
    transcript_file_uri: str | None = field(
        repr=uri_repr,
        default=None,
        metadata=wire(
            "TranscriptFileUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )

    #: The Amazon S3 location of your redacted transcript.
    redacted_transcript_file_uri: str | None = field(
        repr=uri_repr,
        default=None,
        metadata=wire(
            "RedactedTranscriptFileUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class VocabularyInfo(Shape):
    """Provides information about a custom vocabulary, including the language of the custom
    vocabulary, when it was last modified, its name, and the processing state.
    """

    #: A unique name, chosen by you, for your custom vocabulary.
    vocabulary_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The language code used to create your custom vocabulary.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The date and time the specified custom vocabulary was last modified.
    last_modified_time: datetime | None = field(default=None, metadata=wire("LastModifiedTime"))

    #: The processing state of your custom vocabulary.
    vocabulary_state: VocabularyState | None = field(default=None, metadata=wire("VocabularyState"))


TranscriptLocation = Transcript
"""The model's ``Transcript`` structure (where a job's transcript files are), under a name
that the transcript document's class, :class:`transcribe_kit.Transcript`, does not take."""

__all__ = [
    "ContentRedaction",
    "EncryptionConfiguration",
    "LanguageIdSettings",
    "Media",
    "Tag",
    "TranscriptLocation",
    "VocabularyInfo",
]
