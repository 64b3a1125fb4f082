"""Transcription jobs: start, get, list and delete."""

from __future__ import annotations

from datetime import datetime

from attrs import define, field

from transcribe_kit.shapes._base import Shape, uri_repr, wire
from transcribe_kit.shapes.common import (
    ContentRedaction,
    LanguageIdSettings,
    Media,
    Tag,
    Transcript,
)
from transcribe_kit.shapes.enums import (
    LanguageCode,
    MediaFormat,
    OutputLocationType,
    SubtitleFormat,
    ToxicityCategory,
    TranscriptionJobStatus,
    VocabularyFilterMethod,
)


@define(frozen=True, kw_only=True, eq=False, repr=False)
class JobExecutionSettings(Shape):
    """Makes it possible to control how your transcription job is processed."""

    #: Makes it possible to enable job queuing when your concurrent request limit is exceeded.
    allow_deferred_execution: bool | None = field(
        default=None,
        metadata=wire("AllowDeferredExecution"),
    )

    #: The Amazon Resource Name (ARN) of an IAM role that has permissions to access the Amazon S3
    #: bucket that contains your input files.
    data_access_role_arn: str | None = field(
        default=None,
        metadata=wire(
            "DataAccessRoleArn",
            min_length=20,
            max_length=2048,
            pattern="^arn:(aws|aws-cn|aws-us-gov|aws-iso-{0,1}[a-z]{0,1}):iam::[0-9]{0,63}:role/[A-Za-z0-9:_/+=,@.-]{0,1024}$",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class LanguageCodeItem(Shape):
    """Provides information on the speech contained in a discreet utterance when multi-language
    identification is enabled in your request.
    """

    #: Provides the language code for each language identified in your media.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: Provides the total time, in seconds, each identified language is spoken in your media.
    duration_in_seconds: float | None = field(default=None, metadata=wire("DurationInSeconds"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ModelSettings(Shape):
    """Provides the name of the custom language model that was included in the specified
    transcription job.
    """

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
class Settings(Shape):
    """Allows additional optional settings in your request, including channel identification,
    alternative transcriptions, and speaker partitioning.
    """

    #: The name of the custom vocabulary you want to use in your transcription job request.
    vocabulary_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

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

    #: Indicate the maximum number of alternative transcriptions you want Amazon Transcribe to
    #: include in your transcript.
    max_alternatives: int | None = field(
        default=None,
        metadata=wire("MaxAlternatives", minimum=2, maximum=10),
    )

    #: The name of the custom vocabulary filter you want to use in your transcription job
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


@define(frozen=True, kw_only=True, eq=False, repr=False)
class Subtitles(Shape):
    """Generate subtitles for your media file with your transcription request."""

    #: Specify the output format for your subtitle file; if you select both WebVTT (vtt) and
    #: SubRip (srt) formats, two output files are generated.
    formats: list[SubtitleFormat] | None = field(default=None, metadata=wire("Formats"))

    #: Specify the starting value that is assigned to the first subtitle segment.
    output_start_index: int | None = field(
        default=None,
        metadata=wire("OutputStartIndex", minimum=0, maximum=1),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class SubtitlesOutput(Shape):
    """Provides information about your subtitle file, including format, start index, and Amazon S3
    location.
    """

    #: Provides the format of your subtitle files.
    formats: list[SubtitleFormat] | None = field(default=None, metadata=wire("Formats"))

    #: The Amazon S3 location of your transcript.
    subtitle_file_uris: list[str] | None = field(
        repr=uri_repr, default=None, metadata=wire("SubtitleFileUris")
    )

    #: Provides the start index value for your subtitle files.
    output_start_index: int | None = field(
        default=None,
        metadata=wire("OutputStartIndex", minimum=0, maximum=1),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ToxicityDetectionSettings(Shape):
    """Contains ToxicityCategories, which is a required parameter if you want to enable toxicity
    detection (ToxicityDetection) in your transcription request.
    """

    #: If you include ToxicityDetection in your transcription request, you must also include
    #: ToxicityCategories.
    toxicity_categories: list[ToxicityCategory] = field(
        metadata=wire("ToxicityCategories", min_length=1, max_length=1),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class TranscriptionJob(Shape):
    """Provides detailed information about a transcription job."""

    #: The name of the transcription job.
    transcription_job_name: str | None = field(
        default=None,
        metadata=wire(
            "TranscriptionJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: Provides the status of the specified transcription job.
    transcription_job_status: TranscriptionJobStatus | None = field(
        default=None,
        metadata=wire("TranscriptionJobStatus"),
    )

    #: The language code used to create your transcription job.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The sample rate, in hertz, of the audio track in your input media file.
    media_sample_rate_hertz: int | None = field(
        default=None,
        metadata=wire("MediaSampleRateHertz", minimum=8000, maximum=48000),
    )

    #: The format of the input media file.
    media_format: MediaFormat | None = field(default=None, metadata=wire("MediaFormat"))

    #: Provides the Amazon S3 location of the media file you used in your request.
    media: Media | None = field(default=None, metadata=wire("Media"))

    #: Provides you with the Amazon S3 URI you can use to access your transcript.
    transcript: Transcript | None = field(default=None, metadata=wire("Transcript"))

    #: The date and time the specified transcription job began processing.
    start_time: datetime | None = field(default=None, metadata=wire("StartTime"))

    #: The date and time the specified transcription job request was made.
    creation_time: datetime | None = field(default=None, metadata=wire("CreationTime"))

    #: The date and time the specified transcription job finished processing.
    completion_time: datetime | None = field(default=None, metadata=wire("CompletionTime"))

    #: If TranscriptionJobStatus is FAILED, FailureReason contains information about why the
    #: transcription job request failed.
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    #: Provides information on any additional settings that were included in your request.
    settings: Settings | None = field(default=None, metadata=wire("Settings"))

    #: Provides information on the custom language model you included in your request.
    model_settings: ModelSettings | None = field(default=None, metadata=wire("ModelSettings"))

    #: Provides information about how your transcription job was processed.
    job_execution_settings: JobExecutionSettings | None = field(
        default=None,
        metadata=wire("JobExecutionSettings"),
    )

    #: Indicates whether redaction was enabled in your transcript.
    content_redaction: ContentRedaction | None = field(
        default=None,
        metadata=wire("ContentRedaction"),
    )

    #: Indicates whether automatic language identification was enabled (TRUE) for the specified
    #: transcription job.
    identify_language: bool | None = field(default=None, metadata=wire("IdentifyLanguage"))

    #: Indicates whether automatic multi-language identification was enabled (TRUE) for the
    #: specified transcription job.
    identify_multiple_languages: bool | None = field(
        default=None,
        metadata=wire("IdentifyMultipleLanguages"),
    )

    #: Provides the language codes you specified in your request.
    language_options: list[LanguageCode] | None = field(
        default=None,
        metadata=wire("LanguageOptions", min_length=1),
    )

    #: The confidence score associated with the language identified in your media file.
    identified_language_score: float | None = field(
        default=None,
        metadata=wire("IdentifiedLanguageScore"),
    )

    #: The language codes used to create your transcription job.
    language_codes: list[LanguageCodeItem] | None = field(
        default=None,
        metadata=wire("LanguageCodes"),
    )

    #: The tags, each in the form of a key:value pair, assigned to the specified transcription
    #: job.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )

    #: Indicates whether subtitles were generated with your transcription.
    subtitles: SubtitlesOutput | None = field(default=None, metadata=wire("Subtitles"))

    #: Provides the name and language of all custom language models, custom vocabularies, and
    #: custom vocabulary filters that you included in your request.
    language_id_settings: dict[LanguageCode, LanguageIdSettings] | None = field(
        default=None,
        metadata=wire("LanguageIdSettings", min_length=1, max_length=5),
    )

    #: Provides information about the toxicity detection settings applied to your transcription.
    toxicity_detection: list[ToxicityDetectionSettings] | None = field(
        default=None,
        metadata=wire("ToxicityDetection", min_length=1, max_length=1),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class TranscriptionJobSummary(Shape):
    """Provides detailed information about a specific transcription job."""

    #: The name of the transcription job.
    transcription_job_name: str | None = field(
        default=None,
        metadata=wire(
            "TranscriptionJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The date and time the specified transcription job request was made.
    creation_time: datetime | None = field(default=None, metadata=wire("CreationTime"))

    #: The date and time your transcription job began processing.
    start_time: datetime | None = field(default=None, metadata=wire("StartTime"))

    #: The date and time the specified transcription job finished processing.
    completion_time: datetime | None = field(default=None, metadata=wire("CompletionTime"))

    #: The language code used to create your transcription.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: Provides the status of your transcription job.
    transcription_job_status: TranscriptionJobStatus | None = field(
        default=None,
        metadata=wire("TranscriptionJobStatus"),
    )

    #: If TranscriptionJobStatus is FAILED, FailureReason contains information about why the
    #: transcription job failed.
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    #: Indicates where the specified transcription output is stored.
    output_location_type: OutputLocationType | None = field(
        default=None,
        metadata=wire("OutputLocationType"),
    )

    #: The content redaction settings of the transcription job.
    content_redaction: ContentRedaction | None = field(
        default=None,
        metadata=wire("ContentRedaction"),
    )

    model_settings: ModelSettings | None = field(default=None, metadata=wire("ModelSettings"))

    #: Indicates whether automatic language identification was enabled (TRUE) for the specified
    #: transcription job.
    identify_language: bool | None = field(default=None, metadata=wire("IdentifyLanguage"))

    #: Indicates whether automatic multi-language identification was enabled (TRUE) for the
    #: specified transcription job.
    identify_multiple_languages: bool | None = field(
        default=None,
        metadata=wire("IdentifyMultipleLanguages"),
    )

    #: The confidence score associated with the language identified in your media file.
    identified_language_score: float | None = field(
        default=None,
        metadata=wire("IdentifiedLanguageScore"),
    )

    #: The language codes used to create your transcription job.
    language_codes: list[LanguageCodeItem] | None = field(
        default=None,
        metadata=wire("LanguageCodes"),
    )

    #: Indicates whether toxicity detection was enabled for the specified transcription job.
    toxicity_detection: list[ToxicityDetectionSettings] | None = field(
        default=None,
        metadata=wire("ToxicityDetection", min_length=1, max_length=1),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteTranscriptionJobRequest(Shape):
    """The request of ``DeleteTranscriptionJob``.

    Deletes a transcription job.
    """

    #: The name of the transcription job you want to delete.
    transcription_job_name: str = field(
        metadata=wire(
            "TranscriptionJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteTranscriptionJobResponse(Shape):
    """The empty response of ``DeleteTranscriptionJob``."""


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetTranscriptionJobRequest(Shape):
    """The request of ``GetTranscriptionJob``.

    Provides information about the specified transcription job.
    """

    #: The name of the transcription job you want information about.
    transcription_job_name: str = field(
        metadata=wire(
            "TranscriptionJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetTranscriptionJobResponse(Shape):
    """The response of ``GetTranscriptionJob``."""

    #: Provides detailed information about the specified transcription job, including job status
    #: and, if applicable, failure reason.
    transcription_job: TranscriptionJob | None = field(
        default=None,
        metadata=wire("TranscriptionJob"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListTranscriptionJobsRequest(Shape):
    """The request of ``ListTranscriptionJobs``.

    Provides a list of transcription jobs that match the specified criteria.
    """

    #: Returns only transcription jobs with the specified status.
    status: TranscriptionJobStatus | None = field(default=None, metadata=wire("Status"))

    #: Returns only the transcription jobs that contain the specified string.
    job_name_contains: str | None = field(
        default=None,
        metadata=wire(
            "JobNameContains",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: If your ListTranscriptionJobs request returns more results than can be displayed,
    #: NextToken is displayed in the response with an associated string.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: The maximum number of transcription jobs to return in each page of results.
    max_results: int | None = field(
        default=None,
        metadata=wire("MaxResults", minimum=1, maximum=100),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListTranscriptionJobsResponse(Shape):
    """The response of ``ListTranscriptionJobs``."""

    #: Lists all transcription jobs that have the status specified in your request.
    status: TranscriptionJobStatus | None = field(default=None, metadata=wire("Status"))

    #: If NextToken is present in your response, it indicates that not all results are displayed.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: Provides a summary of information about each result.
    transcription_job_summaries: list[TranscriptionJobSummary] | None = field(
        default=None,
        metadata=wire("TranscriptionJobSummaries"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class StartTranscriptionJobRequest(Shape):
    """The request of ``StartTranscriptionJob``.

    Transcribes the audio from a media file and applies any additional Request Parameters you
    choose to include in your request.
    """

    #: A unique name, chosen by you, for your transcription job.
    transcription_job_name: str = field(
        metadata=wire(
            "TranscriptionJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: Describes the Amazon S3 location of the media file you want to use in your request.
    media: Media = field(metadata=wire("Media"))

    #: The language code that represents the language spoken in the input media file.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The sample rate, in hertz, of the audio track in your input media file.
    media_sample_rate_hertz: int | None = field(
        default=None,
        metadata=wire("MediaSampleRateHertz", minimum=8000, maximum=48000),
    )

    #: Specify the format of your input media file.
    media_format: MediaFormat | None = field(default=None, metadata=wire("MediaFormat"))

    #: The name of the Amazon S3 bucket where you want your transcription output stored.
    output_bucket_name: str | None = field(
        default=None,
        metadata=wire(
            "OutputBucketName",
            max_length=64,
            pattern="[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]",
        ),
    )

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

    #: The Amazon Resource Name (ARN) of a KMS key that you want to use to encrypt your
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
    #: alternative transcriptions, speaker partitioning.
    settings: Settings | None = field(default=None, metadata=wire("Settings"))

    #: Specify the custom language model you want to include with your transcription job.
    model_settings: ModelSettings | None = field(default=None, metadata=wire("ModelSettings"))

    #: Makes it possible to control how your transcription job is processed.
    job_execution_settings: JobExecutionSettings | None = field(
        default=None,
        metadata=wire("JobExecutionSettings"),
    )

    #: Makes it possible to redact specified personally identifiable information (PII) in your
    #: transcript.
    content_redaction: ContentRedaction | None = field(
        default=None,
        metadata=wire("ContentRedaction"),
    )

    #: Enables automatic language identification in your transcription job request.
    identify_language: bool | None = field(default=None, metadata=wire("IdentifyLanguage"))

    #: Enables automatic multi-language identification in your transcription job request.
    identify_multiple_languages: bool | None = field(
        default=None,
        metadata=wire("IdentifyMultipleLanguages"),
    )

    #: You can specify two or more language codes that represent the languages you think may be
    #: present in your media.
    language_options: list[LanguageCode] | None = field(
        default=None,
        metadata=wire("LanguageOptions", min_length=1),
    )

    #: Produces subtitle files for your input media.
    subtitles: Subtitles | None = field(default=None, metadata=wire("Subtitles"))

    #: Adds one or more custom tags, each in the form of a key:value pair, to a new transcription
    #: job at the time you start this new job.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )

    #: If using automatic language identification in your request and you want to apply a custom
    #: language model, a custom vocabulary, or a custom vocabulary filter, include
    #: LanguageIdSettings with the relevant sub-parameters (VocabularyName, LanguageModelName,
    #: and VocabularyFilterName).
    language_id_settings: dict[LanguageCode, LanguageIdSettings] | None = field(
        default=None,
        metadata=wire("LanguageIdSettings", min_length=1, max_length=5),
    )

    #: Enables toxic speech detection in your transcript.
    toxicity_detection: list[ToxicityDetectionSettings] | None = field(
        default=None,
        metadata=wire("ToxicityDetection", min_length=1, max_length=1),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class StartTranscriptionJobResponse(Shape):
    """The response of ``StartTranscriptionJob``."""

    #: Provides detailed information about the current transcription job, including job status
    #: and, if applicable, failure reason.
    transcription_job: TranscriptionJob | None = field(
        default=None,
        metadata=wire("TranscriptionJob"),
    )


__all__ = [
    "DeleteTranscriptionJobRequest",
    "DeleteTranscriptionJobResponse",
    "GetTranscriptionJobRequest",
    "GetTranscriptionJobResponse",
    "JobExecutionSettings",
    "LanguageCodeItem",
    "ListTranscriptionJobsRequest",
    "ListTranscriptionJobsResponse",
    "ModelSettings",
    "Settings",
    "StartTranscriptionJobRequest",
    "StartTranscriptionJobResponse",
    "Subtitles",
    "SubtitlesOutput",
    "ToxicityDetectionSettings",
    "TranscriptionJob",
    "TranscriptionJobSummary",
]
