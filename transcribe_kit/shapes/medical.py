"""Medical transcription jobs and medical custom vocabularies."""

from __future__ import annotations

from datetime import datetime

from attrs import define, field

from transcribe_kit.shapes._base import Shape, uri_repr, wire
from transcribe_kit.shapes.common import Media, Tag, VocabularyInfo
from transcribe_kit.shapes.enums import (
    LanguageCode,
    MediaFormat,
    MedicalContentIdentificationType,
    OutputLocationType,
    Specialty,
    TranscriptionJobStatus,
    Type,
    VocabularyState,
)


@define(frozen=True, kw_only=True, eq=False, repr=False)
class MedicalTranscript(Shape):
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


@define(frozen=True, kw_only=True, eq=False, repr=False)
class MedicalTranscriptionSetting(Shape):
    """Allows additional optional settings in your request, including channel identification,
    alternative transcriptions, and speaker partitioning.
    """

    #: Enables speaker partitioning (diarization) in your transcription output.
    show_speaker_labels: bool | None = field(default=None, metadata=wire("ShowSpeakerLabels"))

    #: Specify the maximum number of speakers you want to partition in your media.
    max_speaker_labels: int | None = field(
        default=None,
        metadata=wire("MaxSpeakerLabels", minimum=2, maximum=30),
    )

    #: Enables channel identification in multi-channel audio.
    channel_identification: bool | None = field(
        default=None,
        metadata=wire("ChannelIdentification"),
    )

    #: To include alternative transcriptions within your transcription output, include
    #: ShowAlternatives in your transcription request.
    show_alternatives: bool | None = field(default=None, metadata=wire("ShowAlternatives"))

    #: Indicate the maximum number of alternative transcriptions you want Amazon Transcribe
    #: Medical to include in your transcript.
    max_alternatives: int | None = field(
        default=None,
        metadata=wire("MaxAlternatives", minimum=2, maximum=10),
    )

    #: The name of the custom vocabulary you want to use when processing your medical
    #: transcription job.
    vocabulary_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class MedicalTranscriptionJob(Shape):
    """Provides detailed information about a medical transcription job."""

    #: The name of the medical transcription job.
    medical_transcription_job_name: str | None = field(
        default=None,
        metadata=wire(
            "MedicalTranscriptionJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: Provides the status of the specified medical transcription job.
    transcription_job_status: TranscriptionJobStatus | None = field(
        default=None,
        metadata=wire("TranscriptionJobStatus"),
    )

    #: The language code used to create your medical transcription job.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The sample rate, in hertz, of the audio track in your input media file.
    media_sample_rate_hertz: int | None = field(
        default=None,
        metadata=wire("MediaSampleRateHertz", minimum=16000, maximum=48000),
    )

    #: The format of the input media file.
    media_format: MediaFormat | None = field(default=None, metadata=wire("MediaFormat"))

    media: Media | None = field(default=None, metadata=wire("Media"))

    #: Provides you with the Amazon S3 URI you can use to access your transcript.
    transcript: MedicalTranscript | None = field(default=None, metadata=wire("Transcript"))

    #: The date and time the specified medical transcription job began processing.
    start_time: datetime | None = field(default=None, metadata=wire("StartTime"))

    #: The date and time the specified medical transcription job request was made.
    creation_time: datetime | None = field(default=None, metadata=wire("CreationTime"))

    #: The date and time the specified medical transcription job finished processing.
    completion_time: datetime | None = field(default=None, metadata=wire("CompletionTime"))

    #: If TranscriptionJobStatus is FAILED, FailureReason contains information about why the
    #: transcription job request failed.
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    #: Provides information on any additional settings that were included in your request.
    settings: MedicalTranscriptionSetting | None = field(default=None, metadata=wire("Settings"))

    #: Indicates whether content identification was enabled for your transcription request.
    content_identification_type: MedicalContentIdentificationType | None = field(
        default=None,
        metadata=wire("ContentIdentificationType"),
    )

    #: Describes the medical specialty represented in your media.
    specialty: Specialty | None = field(default=None, metadata=wire("Specialty"))

    #: Indicates whether the input media is a dictation or a conversation, as specified in the
    #: StartMedicalTranscriptionJob request.
    type: Type | None = field(default=None, metadata=wire("Type"))

    #: The tags, each in the form of a key:value pair, assigned to the specified medical
    #: transcription job.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class MedicalTranscriptionJobSummary(Shape):
    """Provides detailed information about a specific medical transcription job."""

    #: The name of the medical transcription job.
    medical_transcription_job_name: str | None = field(
        default=None,
        metadata=wire(
            "MedicalTranscriptionJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The date and time the specified medical transcription job request was made.
    creation_time: datetime | None = field(default=None, metadata=wire("CreationTime"))

    #: The date and time your medical transcription job began processing.
    start_time: datetime | None = field(default=None, metadata=wire("StartTime"))

    #: The date and time the specified medical transcription job finished processing.
    completion_time: datetime | None = field(default=None, metadata=wire("CompletionTime"))

    #: The language code used to create your medical transcription.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: Provides the status of your medical transcription job.
    transcription_job_status: TranscriptionJobStatus | None = field(
        default=None,
        metadata=wire("TranscriptionJobStatus"),
    )

    #: If TranscriptionJobStatus is FAILED, FailureReason contains information about why the
    #: transcription job failed.
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    #: Indicates where the specified medical transcription output is stored.
    output_location_type: OutputLocationType | None = field(
        default=None,
        metadata=wire("OutputLocationType"),
    )

    #: Provides the medical specialty represented in your media.
    specialty: Specialty | None = field(default=None, metadata=wire("Specialty"))

    #: Labels all personal health information (PHI) identified in your transcript.
    content_identification_type: MedicalContentIdentificationType | None = field(
        default=None,
        metadata=wire("ContentIdentificationType"),
    )

    #: Indicates whether the input media is a dictation or a conversation, as specified in the
    #: StartMedicalTranscriptionJob request.
    type: Type | None = field(default=None, metadata=wire("Type"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CreateMedicalVocabularyRequest(Shape):
    """The request of ``CreateMedicalVocabulary``.

    Creates a new custom medical vocabulary.
    """

    #: A unique name, chosen by you, for your new custom medical vocabulary.
    vocabulary_name: str = field(
        metadata=wire("VocabularyName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )

    #: The language code that represents the language of the entries in your custom vocabulary.
    language_code: LanguageCode = field(metadata=wire("LanguageCode"))

    #: The Amazon S3 location (URI) of the text file that contains your custom medical
    #: vocabulary.
    vocabulary_file_uri: str = field(
        repr=uri_repr,
        metadata=wire(
            "VocabularyFileUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )

    #: Adds one or more custom tags, each in the form of a key:value pair, to a new custom
    #: medical vocabulary at the time you create this new custom vocabulary.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CreateMedicalVocabularyResponse(Shape):
    """The response of ``CreateMedicalVocabulary``."""

    #: The name you chose for your custom medical vocabulary.
    vocabulary_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The language code you selected for your custom medical vocabulary.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The processing state of your custom medical vocabulary.
    vocabulary_state: VocabularyState | None = field(default=None, metadata=wire("VocabularyState"))

    #: The date and time you created your custom medical vocabulary.
    last_modified_time: datetime | None = field(default=None, metadata=wire("LastModifiedTime"))

    #: If VocabularyState is FAILED, FailureReason contains information about why the medical
    #: transcription job request failed.
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteMedicalTranscriptionJobRequest(Shape):
    """The request of ``DeleteMedicalTranscriptionJob``.

    Deletes a medical transcription job.
    """

    #: The name of the medical transcription job you want to delete.
    medical_transcription_job_name: str = field(
        metadata=wire(
            "MedicalTranscriptionJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteMedicalTranscriptionJobResponse(Shape):
    """The empty response of ``DeleteMedicalTranscriptionJob``."""


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteMedicalVocabularyRequest(Shape):
    """The request of ``DeleteMedicalVocabulary``.

    Deletes a custom medical vocabulary.
    """

    #: The name of the custom medical vocabulary you want to delete.
    vocabulary_name: str = field(
        metadata=wire("VocabularyName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteMedicalVocabularyResponse(Shape):
    """The empty response of ``DeleteMedicalVocabulary``."""


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetMedicalTranscriptionJobRequest(Shape):
    """The request of ``GetMedicalTranscriptionJob``.

    Provides information about the specified medical transcription job.
    """

    #: The name of the medical transcription job you want information about.
    medical_transcription_job_name: str = field(
        metadata=wire(
            "MedicalTranscriptionJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetMedicalTranscriptionJobResponse(Shape):
    """The response of ``GetMedicalTranscriptionJob``."""

    #: Provides detailed information about the specified medical transcription job, including job
    #: status and, if applicable, failure reason.
    medical_transcription_job: MedicalTranscriptionJob | None = field(
        default=None,
        metadata=wire("MedicalTranscriptionJob"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetMedicalVocabularyRequest(Shape):
    """The request of ``GetMedicalVocabulary``.

    Provides information about the specified custom medical vocabulary.
    """

    #: The name of the custom medical vocabulary you want information about.
    vocabulary_name: str = field(
        metadata=wire("VocabularyName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetMedicalVocabularyResponse(Shape):
    """The response of ``GetMedicalVocabulary``."""

    #: The name of the custom medical vocabulary you requested information about.
    vocabulary_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The language code you selected for your custom medical vocabulary.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The processing state of your custom medical vocabulary.
    vocabulary_state: VocabularyState | None = field(default=None, metadata=wire("VocabularyState"))

    #: The date and time the specified custom medical vocabulary was last modified.
    last_modified_time: datetime | None = field(default=None, metadata=wire("LastModifiedTime"))

    #: If VocabularyState is FAILED, FailureReason contains information about why the custom
    #: medical vocabulary request failed.
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    #: The Amazon S3 location where the specified custom medical vocabulary is stored; use this
    #: URI to view or download the custom vocabulary.
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


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListMedicalTranscriptionJobsRequest(Shape):
    """The request of ``ListMedicalTranscriptionJobs``.

    Provides a list of medical transcription jobs that match the specified criteria.
    """

    #: Returns only medical transcription jobs with the specified status.
    status: TranscriptionJobStatus | None = field(default=None, metadata=wire("Status"))

    #: Returns only the medical transcription jobs that contain the specified string.
    job_name_contains: str | None = field(
        default=None,
        metadata=wire(
            "JobNameContains",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: If your ListMedicalTranscriptionJobs request returns more results than can be displayed,
    #: NextToken is displayed in the response with an associated string.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: The maximum number of medical transcription jobs to return in each page of results.
    max_results: int | None = field(
        default=None,
        metadata=wire("MaxResults", minimum=1, maximum=100),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListMedicalTranscriptionJobsResponse(Shape):
    """The response of ``ListMedicalTranscriptionJobs``."""

    #: Lists all medical transcription jobs that have the status specified in your request.
    status: TranscriptionJobStatus | None = field(default=None, metadata=wire("Status"))

    #: If NextToken is present in your response, it indicates that not all results are displayed.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: Provides a summary of information about each result.
    medical_transcription_job_summaries: list[MedicalTranscriptionJobSummary] | None = field(
        default=None,
        metadata=wire("MedicalTranscriptionJobSummaries"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListMedicalVocabulariesRequest(Shape):
    """The request of ``ListMedicalVocabularies``.

    Provides a list of custom medical vocabularies that match the specified criteria.
    """

    #: If your ListMedicalVocabularies request returns more results than can be displayed,
    #: NextToken is displayed in the response with an associated string.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: The maximum number of custom medical vocabularies to return in each page of results.
    max_results: int | None = field(
        default=None,
        metadata=wire("MaxResults", minimum=1, maximum=100),
    )

    #: Returns only custom medical vocabularies with the specified state.
    state_equals: VocabularyState | None = field(default=None, metadata=wire("StateEquals"))

    #: Returns only the custom medical vocabularies that contain the specified string.
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
class ListMedicalVocabulariesResponse(Shape):
    """The response of ``ListMedicalVocabularies``."""

    #: Lists all custom medical vocabularies that have the status specified in your request.
    status: VocabularyState | None = field(default=None, metadata=wire("Status"))

    #: If NextToken is present in your response, it indicates that not all results are displayed.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: Provides information about the custom medical vocabularies that match the criteria
    #: specified in your request.
    vocabularies: list[VocabularyInfo] | None = field(default=None, metadata=wire("Vocabularies"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class StartMedicalTranscriptionJobRequest(Shape):
    """The request of ``StartMedicalTranscriptionJob``.

    Transcribes the audio from a medical dictation or conversation and applies any additional
    Request Parameters you choose to include in your request.
    """

    #: A unique name, chosen by you, for your medical transcription job.
    medical_transcription_job_name: str = field(
        metadata=wire(
            "MedicalTranscriptionJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The language code that represents the language spoken in the input media file.
    language_code: LanguageCode = field(metadata=wire("LanguageCode"))

    media: Media = field(metadata=wire("Media"))

    #: The name of the Amazon S3 bucket where you want your medical transcription output stored.
    output_bucket_name: str = field(
        metadata=wire(
            "OutputBucketName",
            max_length=64,
            pattern="[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]",
        ),
    )

    #: Specify the predominant medical specialty represented in your media.
    specialty: Specialty = field(metadata=wire("Specialty"))

    #: Specify whether your input media contains only one person (DICTATION) or contains a
    #: conversation between two people (CONVERSATION).
    type: Type = field(metadata=wire("Type"))

    #: The sample rate, in hertz, of the audio track in your input media file.
    media_sample_rate_hertz: int | None = field(
        default=None,
        metadata=wire("MediaSampleRateHertz", minimum=16000, maximum=48000),
    )

    #: Specify the format of your input media file.
    media_format: MediaFormat | None = field(default=None, metadata=wire("MediaFormat"))

    #: Use in combination with OutputBucketName to specify the output location of your transcript
    #: and, optionally, a unique name for your output file.
    output_key: str | None = field(
        default=None,
        metadata=wire(
            "OutputKey",
            min_length=1,
            max_length=1024,
            pattern="[a-zA-Z0-9-_.!*'()/]{1,1024}$",
        ),
    )

    #: The Amazon Resource Name (ARN) of a KMS key that you want to use to encrypt your medical
    #: transcription output.
    output_encryption_kms_key_id: str | None = field(
        default=None,
        metadata=wire(
            "OutputEncryptionKMSKeyId",
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

    #: Specify additional optional settings in your request, including channel identification,
    #: alternative transcriptions, and speaker partitioning.
    settings: MedicalTranscriptionSetting | None = field(default=None, metadata=wire("Settings"))

    #: Labels all personal health information (PHI) identified in your transcript.
    content_identification_type: MedicalContentIdentificationType | None = field(
        default=None,
        metadata=wire("ContentIdentificationType"),
    )

    #: Adds one or more custom tags, each in the form of a key:value pair, to a new medical
    #: transcription job at the time you start this new job.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class StartMedicalTranscriptionJobResponse(Shape):
    """The response of ``StartMedicalTranscriptionJob``."""

    #: Provides detailed information about the current medical transcription job, including job
    #: status and, if applicable, failure reason.
    medical_transcription_job: MedicalTranscriptionJob | None = field(
        default=None,
        metadata=wire("MedicalTranscriptionJob"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class UpdateMedicalVocabularyRequest(Shape):
    """The request of ``UpdateMedicalVocabulary``.

    Updates an existing custom medical vocabulary with new values.
    """

    #: The name of the custom medical vocabulary you want to update.
    vocabulary_name: str = field(
        metadata=wire("VocabularyName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )

    #: The language code that represents the language of the entries in the custom vocabulary you
    #: want to update.
    language_code: LanguageCode = field(metadata=wire("LanguageCode"))

    #: The Amazon S3 location of the text file that contains your custom medical vocabulary.
    vocabulary_file_uri: str = field(
        repr=uri_repr,
        metadata=wire(
            "VocabularyFileUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class UpdateMedicalVocabularyResponse(Shape):
    """The response of ``UpdateMedicalVocabulary``."""

    #: The name of the updated custom medical vocabulary.
    vocabulary_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The language code you selected for your custom medical vocabulary.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The date and time the specified custom medical vocabulary was last updated.
    last_modified_time: datetime | None = field(default=None, metadata=wire("LastModifiedTime"))

    #: The processing state of your custom medical vocabulary.
    vocabulary_state: VocabularyState | None = field(default=None, metadata=wire("VocabularyState"))


__all__ = [
    "CreateMedicalVocabularyRequest",
    "CreateMedicalVocabularyResponse",
    "DeleteMedicalTranscriptionJobRequest",
    "DeleteMedicalTranscriptionJobResponse",
    "DeleteMedicalVocabularyRequest",
    "DeleteMedicalVocabularyResponse",
    "GetMedicalTranscriptionJobRequest",
    "GetMedicalTranscriptionJobResponse",
    "GetMedicalVocabularyRequest",
    "GetMedicalVocabularyResponse",
    "ListMedicalTranscriptionJobsRequest",
    "ListMedicalTranscriptionJobsResponse",
    "ListMedicalVocabulariesRequest",
    "ListMedicalVocabulariesResponse",
    "MedicalTranscript",
    "MedicalTranscriptionJob",
    "MedicalTranscriptionJobSummary",
    "MedicalTranscriptionSetting",
    "StartMedicalTranscriptionJobRequest",
    "StartMedicalTranscriptionJobResponse",
    "UpdateMedicalVocabularyRequest",
    "UpdateMedicalVocabularyResponse",
]
