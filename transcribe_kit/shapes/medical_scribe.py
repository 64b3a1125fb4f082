"""AWS HealthScribe (medical scribe) jobs."""

from __future__ import annotations

from datetime import datetime

from attrs import define, field

from transcribe_kit.shapes._base import Shape, uri_repr, wire
from transcribe_kit.shapes.common import Media, Tag
from transcribe_kit.shapes.enums import (
    MedicalScribeJobStatus,
    MedicalScribeLanguageCode,
    MedicalScribeNoteTemplate,
    MedicalScribeParticipantRole,
    Pronouns,
    VocabularyFilterMethod,
)


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ClinicalNoteGenerationSettings(Shape):
    """The output configuration for clinical note generation."""

    #: Specify one of the following templates to use for the clinical note summary.
    note_template: MedicalScribeNoteTemplate | None = field(
        default=None,
        metadata=wire("NoteTemplate"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class MedicalScribeChannelDefinition(Shape):
    """Indicates which speaker is on which channel."""

    #: Specify the audio channel you want to define.
    channel_id: int = field(metadata=wire("ChannelId", minimum=0, maximum=1))

    #: Specify the participant that you want to flag.
    participant_role: MedicalScribeParticipantRole = field(metadata=wire("ParticipantRole"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class MedicalScribePatientContext(Shape):
    """Contains patient-specific information used to customize the clinical note generation."""

    #: The patient's preferred pronouns that the user wants to provide as a context for clinical
    #: note generation.
    pronouns: Pronouns | None = field(default=None, metadata=wire("Pronouns"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class MedicalScribeContext(Shape):
    """The MedicalScribeContext object that contains contextual information used to generate
    customized clinical notes.
    """

    #: Contains patient-specific information.
    patient_context: MedicalScribePatientContext | None = field(
        default=None,
        metadata=wire("PatientContext"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class MedicalScribeOutput(Shape):
    """The location of the output of your Medical Scribe job."""

    #: Holds the Amazon S3 URI for the Transcript.
    transcript_file_uri: str = field(
        repr=uri_repr,
        metadata=wire(
            "TranscriptFileUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )

    #: Holds the Amazon S3 URI for the Clinical Document.
    clinical_document_uri: str = field(
        repr=uri_repr,
        metadata=wire(
            "ClinicalDocumentUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class MedicalScribeSettings(Shape):
    """Makes it possible to control how your Medical Scribe job is processed using a
    MedicalScribeSettings object.
    """

    #: Enables speaker partitioning (diarization) in your Medical Scribe output.
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

    #: The name of the custom vocabulary you want to include in your Medical Scribe request.
    vocabulary_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The name of the custom vocabulary filter you want to include in your Medical Scribe
    #: request.
    vocabulary_filter_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyFilterName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: Specify how you want your custom vocabulary filter applied to your transcript.
    vocabulary_filter_method: VocabularyFilterMethod | None = field(
        default=None,
        metadata=wire("VocabularyFilterMethod"),
    )

    #: Specify settings for the clinical note generation.
    clinical_note_generation_settings: ClinicalNoteGenerationSettings | None = field(
        default=None,
        metadata=wire("ClinicalNoteGenerationSettings"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class MedicalScribeJob(Shape):
    """Provides detailed information about a Medical Scribe job."""

    #: The name of the Medical Scribe job.
    medical_scribe_job_name: str | None = field(
        default=None,
        metadata=wire(
            "MedicalScribeJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: Provides the status of the specified Medical Scribe job.
    medical_scribe_job_status: MedicalScribeJobStatus | None = field(
        default=None,
        metadata=wire("MedicalScribeJobStatus"),
    )

    #: The language code used to create your Medical Scribe job.
    language_code: MedicalScribeLanguageCode | None = field(
        default=None,
        metadata=wire("LanguageCode"),
    )

    media: Media | None = field(default=None, metadata=wire("Media"))

    #: The location of the output of your Medical Scribe job.
    medical_scribe_output: MedicalScribeOutput | None = field(
        default=None,
        metadata=wire("MedicalScribeOutput"),
    )

    #: The date and time your Medical Scribe job began processing.
    start_time: datetime | None = field(default=None, metadata=wire("StartTime"))

    #: The date and time the specified Medical Scribe job request was made.
    creation_time: datetime | None = field(default=None, metadata=wire("CreationTime"))

    #: The date and time the specified Medical Scribe job finished processing.
    completion_time: datetime | None = field(default=None, metadata=wire("CompletionTime"))

    #: If MedicalScribeJobStatus is FAILED, FailureReason contains information about why the
    #: transcription job failed.
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    #: Makes it possible to control how your Medical Scribe job is processed using a
    #: MedicalScribeSettings object.
    settings: MedicalScribeSettings | None = field(default=None, metadata=wire("Settings"))

    #: The Amazon Resource Name (ARN) of an IAM role that has permissions to access the Amazon S3
    #: bucket that contains your input files, write to the output bucket, and use your KMS key if
    #: supplied.
    data_access_role_arn: str | None = field(
        default=None,
        metadata=wire(
            "DataAccessRoleArn",
            min_length=20,
            max_length=2048,
            pattern="^arn:(aws|aws-cn|aws-us-gov|aws-iso-{0,1}[a-z]{0,1}):iam::[0-9]{0,63}:role/[A-Za-z0-9:_/+=,@.-]{0,1024}$",
        ),
    )

    #: Makes it possible to specify which speaker is on which channel.
    channel_definitions: list[MedicalScribeChannelDefinition] | None = field(
        default=None,
        metadata=wire("ChannelDefinitions", min_length=2, max_length=2),
    )

    #: Indicates whether the MedicalScribeContext object was provided when the Medical Scribe job
    #: was started.
    medical_scribe_context_provided: bool | None = field(
        default=None,
        metadata=wire("MedicalScribeContextProvided"),
    )

    #: Adds one or more custom tags, each in the form of a key:value pair, to the Medical Scribe
    #: job.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class MedicalScribeJobSummary(Shape):
    """Provides detailed information about a specific Medical Scribe job."""

    #: The name of the Medical Scribe job.
    medical_scribe_job_name: str | None = field(
        default=None,
        metadata=wire(
            "MedicalScribeJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The date and time the specified Medical Scribe job request was made.
    creation_time: datetime | None = field(default=None, metadata=wire("CreationTime"))

    #: The date and time your Medical Scribe job began processing.
    start_time: datetime | None = field(default=None, metadata=wire("StartTime"))

    #: The date and time the specified Medical Scribe job finished processing.
    completion_time: datetime | None = field(default=None, metadata=wire("CompletionTime"))

    #: The language code used to create your Medical Scribe job.
    language_code: MedicalScribeLanguageCode | None = field(
        default=None,
        metadata=wire("LanguageCode"),
    )

    #: Provides the status of the specified Medical Scribe job.
    medical_scribe_job_status: MedicalScribeJobStatus | None = field(
        default=None,
        metadata=wire("MedicalScribeJobStatus"),
    )

    #: If MedicalScribeJobStatus is FAILED, FailureReason contains information about why the
    #: transcription job failed.
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteMedicalScribeJobRequest(Shape):
    """The request of ``DeleteMedicalScribeJob``.

    Deletes a Medical Scribe job.
    """

    #: The name of the Medical Scribe job you want to delete.
    medical_scribe_job_name: str = field(
        metadata=wire(
            "MedicalScribeJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteMedicalScribeJobResponse(Shape):
    """The empty response of ``DeleteMedicalScribeJob``."""


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetMedicalScribeJobRequest(Shape):
    """The request of ``GetMedicalScribeJob``.

    Provides information about the specified Medical Scribe job.
    """

    #: The name of the Medical Scribe job you want information about.
    medical_scribe_job_name: str = field(
        metadata=wire(
            "MedicalScribeJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetMedicalScribeJobResponse(Shape):
    """The response of ``GetMedicalScribeJob``."""

    #: Provides detailed information about the specified Medical Scribe job, including job status
    #: and, if applicable, failure reason
    medical_scribe_job: MedicalScribeJob | None = field(
        default=None,
        metadata=wire("MedicalScribeJob"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListMedicalScribeJobsRequest(Shape):
    """The request of ``ListMedicalScribeJobs``.

    Provides a list of Medical Scribe jobs that match the specified criteria.
    """

    #: Returns only Medical Scribe jobs with the specified status.
    status: MedicalScribeJobStatus | None = field(default=None, metadata=wire("Status"))

    #: Returns only the Medical Scribe jobs that contain the specified string.
    job_name_contains: str | None = field(
        default=None,
        metadata=wire(
            "JobNameContains",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: If your ListMedicalScribeJobs request returns more results than can be displayed,
    #: NextToken is displayed in the response with an associated string.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: The maximum number of Medical Scribe jobs to return in each page of results.
    max_results: int | None = field(
        default=None,
        metadata=wire("MaxResults", minimum=1, maximum=100),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListMedicalScribeJobsResponse(Shape):
    """The response of ``ListMedicalScribeJobs``."""

    #: Lists all Medical Scribe jobs that have the status specified in your request.
    status: MedicalScribeJobStatus | None = field(default=None, metadata=wire("Status"))

    #: If NextToken is present in your response, it indicates that not all results are displayed.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: Provides a summary of information about each result.
    medical_scribe_job_summaries: list[MedicalScribeJobSummary] | None = field(
        default=None,
        metadata=wire("MedicalScribeJobSummaries"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class StartMedicalScribeJobRequest(Shape):
    """The request of ``StartMedicalScribeJob``.

    Transcribes patient-clinician conversations and generates clinical notes.
    """

    #: A unique name, chosen by you, for your Medical Scribe job.
    medical_scribe_job_name: str = field(
        metadata=wire(
            "MedicalScribeJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    media: Media = field(metadata=wire("Media"))

    #: The name of the Amazon S3 bucket where you want your Medical Scribe output stored.
    output_bucket_name: str = field(
        metadata=wire(
            "OutputBucketName",
            max_length=64,
            pattern="[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]",
        ),
    )

    #: The Amazon Resource Name (ARN) of an IAM role that has permissions to access the Amazon S3
    #: bucket that contains your input files, write to the output bucket, and use your KMS key if
    #: supplied.
    data_access_role_arn: str = field(
        metadata=wire(
            "DataAccessRoleArn",
            min_length=20,
            max_length=2048,
            pattern="^arn:(aws|aws-cn|aws-us-gov|aws-iso-{0,1}[a-z]{0,1}):iam::[0-9]{0,63}:role/[A-Za-z0-9:_/+=,@.-]{0,1024}$",
        ),
    )

    #: Makes it possible to control how your Medical Scribe job is processed using a
    #: MedicalScribeSettings object.
    settings: MedicalScribeSettings = field(metadata=wire("Settings"))

    #: The Amazon Resource Name (ARN) of a KMS key that you want to use to encrypt your Medical
    #: Scribe output.
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

    #: Makes it possible to specify which speaker is on which channel.
    channel_definitions: list[MedicalScribeChannelDefinition] | None = field(
        default=None,
        metadata=wire("ChannelDefinitions", min_length=2, max_length=2),
    )

    #: Adds one or more custom tags, each in the form of a key:value pair, to the Medical Scribe
    #: job.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )

    #: The MedicalScribeContext object that contains contextual information which is used during
    #: clinical note generation to add relevant context to the note.
    medical_scribe_context: MedicalScribeContext | None = field(
        default=None,
        metadata=wire("MedicalScribeContext"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class StartMedicalScribeJobResponse(Shape):
    """The response of ``StartMedicalScribeJob``."""

    #: Provides detailed information about the current Medical Scribe job, including job status
    #: and, if applicable, failure reason.
    medical_scribe_job: MedicalScribeJob | None = field(
        default=None,
        metadata=wire("MedicalScribeJob"),
    )


__all__ = [
    "ClinicalNoteGenerationSettings",
    "DeleteMedicalScribeJobRequest",
    "DeleteMedicalScribeJobResponse",
    "GetMedicalScribeJobRequest",
    "GetMedicalScribeJobResponse",
    "ListMedicalScribeJobsRequest",
    "ListMedicalScribeJobsResponse",
    "MedicalScribeChannelDefinition",
    "MedicalScribeContext",
    "MedicalScribeJob",
    "MedicalScribeJobSummary",
    "MedicalScribeOutput",
    "MedicalScribePatientContext",
    "MedicalScribeSettings",
    "StartMedicalScribeJobRequest",
    "StartMedicalScribeJobResponse",
]
