"""Call Analytics jobs and categories (rules on interruptions, non-talk time, sentiment, transcript content)."""

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
    CallAnalyticsFeature,
    CallAnalyticsJobStatus,
    CallAnalyticsSkippedReasonCode,
    InputType,
    LanguageCode,
    MediaFormat,
    ParticipantRole,
    SentimentValue,
    TranscriptFilterType,
    VocabularyFilterMethod,
)


@define(frozen=True, kw_only=True, eq=False, repr=False)
class AbsoluteTimeRange(Shape):
    """A time range, in milliseconds, between two points in your media file."""

    #: The time, in milliseconds, when Amazon Transcribe starts searching for the specified
    #: criteria in your audio.
    start_time: int | None = field(
        default=None,
        metadata=wire("StartTime", minimum=0, maximum=14400000),
    )

    #: The time, in milliseconds, when Amazon Transcribe stops searching for the specified
    #: criteria in your audio.
    end_time: int | None = field(
        default=None,
        metadata=wire("EndTime", minimum=0, maximum=14400000),
    )

    #: The time, in milliseconds, from the start of your media file until the specified value.
    first: int | None = field(default=None, metadata=wire("First", minimum=0, maximum=14400000))

    #: The time, in milliseconds, from the specified value until the end of your media file.
    last: int | None = field(default=None, metadata=wire("Last", minimum=0, maximum=14400000))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CallAnalyticsSkippedFeature(Shape):
    """Represents a skipped analytics feature during the analysis of a call analytics job."""

    #: Indicates the type of analytics feature that was skipped during the analysis of a call
    #: analytics job.
    feature: CallAnalyticsFeature | None = field(default=None, metadata=wire("Feature"))

    #: Provides a code indicating the reason why a specific analytics feature was skipped during
    #: the analysis of a call analytics job.
    reason_code: CallAnalyticsSkippedReasonCode | None = field(
        default=None,
        metadata=wire("ReasonCode"),
    )

    #: Contains additional information or a message explaining why a specific analytics feature
    #: was skipped during the analysis of a call analytics job.
    message: str | None = field(default=None, metadata=wire("Message"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CallAnalyticsJobDetails(Shape):
    """Contains details about a call analytics job, including information about skipped analytics
    features.
    """

    #: Contains information about any skipped analytics features during the analysis of a call
    #: analytics job.
    skipped: list[CallAnalyticsSkippedFeature] | None = field(
        default=None,
        metadata=wire("Skipped"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class Summarization(Shape):
    """Contains GenerateAbstractiveSummary, which is a required parameter if you want to enable
    Generative call summarization in your Call Analytics request.
    """

    #: Enables Generative call summarization in your Call Analytics request Generative call
    #: summarization provides a summary of the transcript including important components
    #: discussed in the conversation.
    generate_abstractive_summary: bool = field(metadata=wire("GenerateAbstractiveSummary"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CallAnalyticsJobSettings(Shape):
    """Provides additional optional settings for your request, including content redaction,
    automatic language identification; allows you to apply custom language models, custom
    vocabulary filters, and custom vocabularies.
    """

    #: The name of the custom vocabulary you want to include in your Call Analytics transcription
    #: request.
    vocabulary_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The name of the custom vocabulary filter you want to include in your Call Analytics
    #: transcription request.
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

    #: The name of the custom language model you want to use when processing your Call Analytics
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

    content_redaction: ContentRedaction | None = field(
        default=None,
        metadata=wire("ContentRedaction"),
    )

    #: You can specify two or more language codes that represent the languages you think may be
    #: present in your media.
    language_options: list[LanguageCode] | None = field(
        default=None,
        metadata=wire("LanguageOptions", min_length=1),
    )

    #: If using automatic language identification in your request and you want to apply a custom
    #: language model, a custom vocabulary, or a custom vocabulary filter, include
    #: LanguageIdSettings with the relevant sub-parameters (VocabularyName, LanguageModelName,
    #: and VocabularyFilterName).
    language_id_settings: dict[LanguageCode, LanguageIdSettings] | None = field(
        default=None,
        metadata=wire("LanguageIdSettings", min_length=1, max_length=5),
    )

    #: Contains GenerateAbstractiveSummary, which is a required parameter if you want to enable
    #: Generative call summarization in your Call Analytics request.
    summarization: Summarization | None = field(default=None, metadata=wire("Summarization"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ChannelDefinition(Shape):
    """Makes it possible to specify which speaker is on which channel."""

    #: Specify the audio channel you want to define.
    channel_id: int | None = field(default=None, metadata=wire("ChannelId", minimum=0, maximum=1))

    #: Specify the speaker you want to define.
    participant_role: ParticipantRole | None = field(default=None, metadata=wire("ParticipantRole"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CallAnalyticsJob(Shape):
    """Provides detailed information about a Call Analytics job."""

    #: The name of the Call Analytics job.
    call_analytics_job_name: str | None = field(
        default=None,
        metadata=wire(
            "CallAnalyticsJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: Provides the status of the specified Call Analytics job.
    call_analytics_job_status: CallAnalyticsJobStatus | None = field(
        default=None,
        metadata=wire("CallAnalyticsJobStatus"),
    )

    #: Provides detailed information about a call analytics job, including information about
    #: skipped analytics features.
    call_analytics_job_details: CallAnalyticsJobDetails | None = field(
        default=None,
        metadata=wire("CallAnalyticsJobDetails"),
    )

    #: The language code used to create your Call Analytics job.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The sample rate, in hertz, of the audio track in your input media file.
    media_sample_rate_hertz: int | None = field(
        default=None,
        metadata=wire("MediaSampleRateHertz", minimum=8000, maximum=48000),
    )

    #: The format of the input media file.
    media_format: MediaFormat | None = field(default=None, metadata=wire("MediaFormat"))

    #: Provides the Amazon S3 location of the media file you used in your Call Analytics request.
    media: Media | None = field(default=None, metadata=wire("Media"))

    transcript: Transcript | None = field(default=None, metadata=wire("Transcript"))

    #: The date and time the specified Call Analytics job began processing.
    start_time: datetime | None = field(default=None, metadata=wire("StartTime"))

    #: The date and time the specified Call Analytics job request was made.
    creation_time: datetime | None = field(default=None, metadata=wire("CreationTime"))

    #: The date and time the specified Call Analytics job finished processing.
    completion_time: datetime | None = field(default=None, metadata=wire("CompletionTime"))

    #: If CallAnalyticsJobStatus is FAILED, FailureReason contains information about why the
    #: Call Analytics job request failed.
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    #: The Amazon Resource Name (ARN) you included in your request.
    data_access_role_arn: str | None = field(
        default=None,
        metadata=wire(
            "DataAccessRoleArn",
            min_length=20,
            max_length=2048,
            pattern="^arn:(aws|aws-cn|aws-us-gov|aws-iso-{0,1}[a-z]{0,1}):iam::[0-9]{0,63}:role/[A-Za-z0-9:_/+=,@.-]{0,1024}$",
        ),
    )

    #: The confidence score associated with the language identified in your media file.
    identified_language_score: float | None = field(
        default=None,
        metadata=wire("IdentifiedLanguageScore"),
    )

    #: Provides information on any additional settings that were included in your request.
    settings: CallAnalyticsJobSettings | None = field(default=None, metadata=wire("Settings"))

    #: Indicates which speaker is on which channel.
    channel_definitions: list[ChannelDefinition] | None = field(
        default=None,
        metadata=wire("ChannelDefinitions", min_length=2, max_length=2),
    )

    #: The tags, each in the form of a key:value pair, assigned to the specified call analytics
    #: job.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CallAnalyticsJobSummary(Shape):
    """Provides detailed information about a specific Call Analytics job."""

    #: The name of the Call Analytics job.
    call_analytics_job_name: str | None = field(
        default=None,
        metadata=wire(
            "CallAnalyticsJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The date and time the specified Call Analytics job request was made.
    creation_time: datetime | None = field(default=None, metadata=wire("CreationTime"))

    #: The date and time your Call Analytics job began processing.
    start_time: datetime | None = field(default=None, metadata=wire("StartTime"))

    #: The date and time the specified Call Analytics job finished processing.
    completion_time: datetime | None = field(default=None, metadata=wire("CompletionTime"))

    #: The language code used to create your Call Analytics transcription.
    language_code: LanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: Provides the status of your Call Analytics job.
    call_analytics_job_status: CallAnalyticsJobStatus | None = field(
        default=None,
        metadata=wire("CallAnalyticsJobStatus"),
    )

    #: Provides detailed information about a call analytics job, including information about
    #: skipped analytics features.
    call_analytics_job_details: CallAnalyticsJobDetails | None = field(
        default=None,
        metadata=wire("CallAnalyticsJobDetails"),
    )

    #: If CallAnalyticsJobStatus is FAILED, FailureReason contains information about why the
    #: Call Analytics job failed.
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class RelativeTimeRange(Shape):
    """A time range, in percentage, between two points in your media file."""

    #: The time, in percentage, when Amazon Transcribe starts searching for the specified
    #: criteria in your media file.
    start_percentage: int | None = field(
        default=None,
        metadata=wire("StartPercentage", minimum=0, maximum=100),
    )

    #: The time, in percentage, when Amazon Transcribe stops searching for the specified criteria
    #: in your media file.
    end_percentage: int | None = field(
        default=None,
        metadata=wire("EndPercentage", minimum=0, maximum=100),
    )

    #: The time, in percentage, from the start of your media file until the specified value.
    first: int | None = field(default=None, metadata=wire("First", minimum=0, maximum=100))

    #: The time, in percentage, from the specified value until the end of your media file.
    last: int | None = field(default=None, metadata=wire("Last", minimum=0, maximum=100))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class InterruptionFilter(Shape):
    """Flag the presence or absence of interruptions in your Call Analytics transcription output."""

    #: Specify the duration of the interruptions in milliseconds.
    threshold: int | None = field(
        default=None,
        metadata=wire("Threshold", minimum=0, maximum=14400000),
    )

    #: Specify the interrupter that you want to flag.
    participant_role: ParticipantRole | None = field(default=None, metadata=wire("ParticipantRole"))

    #: Makes it possible to specify a time range (in milliseconds) in your audio, during which
    #: you want to search for an interruption.
    absolute_time_range: AbsoluteTimeRange | None = field(
        default=None,
        metadata=wire("AbsoluteTimeRange"),
    )

    #: Makes it possible to specify a time range (in percentage) in your media file, during which
    #: you want to search for an interruption.
    relative_time_range: RelativeTimeRange | None = field(
        default=None,
        metadata=wire("RelativeTimeRange"),
    )

    #: Set to TRUE to flag speech that does not contain interruptions.
    negate: bool | None = field(default=None, metadata=wire("Negate"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class NonTalkTimeFilter(Shape):
    """Flag the presence or absence of periods of silence in your Call Analytics transcription
    output.
    """

    #: Specify the duration, in milliseconds, of the period of silence that you want to flag.
    threshold: int | None = field(
        default=None,
        metadata=wire("Threshold", minimum=0, maximum=14400000),
    )

    #: Makes it possible to specify a time range (in milliseconds) in your audio, during which
    #: you want to search for a period of silence.
    absolute_time_range: AbsoluteTimeRange | None = field(
        default=None,
        metadata=wire("AbsoluteTimeRange"),
    )

    #: Makes it possible to specify a time range (in percentage) in your media file, during which
    #: you want to search for a period of silence.
    relative_time_range: RelativeTimeRange | None = field(
        default=None,
        metadata=wire("RelativeTimeRange"),
    )

    #: Set to TRUE to flag periods of speech.
    negate: bool | None = field(default=None, metadata=wire("Negate"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class SentimentFilter(Shape):
    """Flag the presence or absence of specific sentiments detected in your Call Analytics
    transcription output.
    """

    #: Specify the sentiments that you want to flag.
    sentiments: list[SentimentValue] = field(
        metadata=wire("Sentiments", min_length=1, max_length=1),
    )

    #: Makes it possible to specify a time range (in milliseconds) in your audio, during which
    #: you want to search for the specified sentiments.
    absolute_time_range: AbsoluteTimeRange | None = field(
        default=None,
        metadata=wire("AbsoluteTimeRange"),
    )

    #: Makes it possible to specify a time range (in percentage) in your media file, during which
    #: you want to search for the specified sentiments.
    relative_time_range: RelativeTimeRange | None = field(
        default=None,
        metadata=wire("RelativeTimeRange"),
    )

    #: Specify the participant that you want to flag.
    participant_role: ParticipantRole | None = field(default=None, metadata=wire("ParticipantRole"))

    #: Set to TRUE to flag the sentiments that you didn't include in your request.
    negate: bool | None = field(default=None, metadata=wire("Negate"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class TranscriptFilter(Shape):
    """Flag the presence or absence of specific words or phrases detected in your Call Analytics
    transcription output.
    """

    #: Flag the presence or absence of an exact match to the phrases that you specify.
    transcript_filter_type: TranscriptFilterType = field(metadata=wire("TranscriptFilterType"))

    #: Specify the phrases that you want to flag.
    targets: list[str] = field(metadata=wire("Targets", min_length=1))

    #: Makes it possible to specify a time range (in milliseconds) in your audio, during which
    #: you want to search for the specified key words or phrases.
    absolute_time_range: AbsoluteTimeRange | None = field(
        default=None,
        metadata=wire("AbsoluteTimeRange"),
    )

    #: Makes it possible to specify a time range (in percentage) in your media file, during which
    #: you want to search for the specified key words or phrases.
    relative_time_range: RelativeTimeRange | None = field(
        default=None,
        metadata=wire("RelativeTimeRange"),
    )

    #: Specify the participant that you want to flag.
    participant_role: ParticipantRole | None = field(default=None, metadata=wire("ParticipantRole"))

    #: Set to TRUE to flag the absence of the phrase that you specified in your request.
    negate: bool | None = field(default=None, metadata=wire("Negate"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class Rule(Shape):
    """A rule is a set of criteria that you can specify to flag an attribute in your Call Analytics
    output. A union: set exactly one member.
    """

    #: Flag the presence or absence of periods of silence in your Call Analytics transcription
    #: output.
    non_talk_time_filter: NonTalkTimeFilter | None = field(
        default=None,
        metadata=wire("NonTalkTimeFilter"),
    )

    #: Flag the presence or absence of interruptions in your Call Analytics transcription output.
    interruption_filter: InterruptionFilter | None = field(
        default=None,
        metadata=wire("InterruptionFilter"),
    )

    #: Flag the presence or absence of specific words or phrases in your Call Analytics
    #: transcription output.
    transcript_filter: TranscriptFilter | None = field(
        default=None,
        metadata=wire("TranscriptFilter"),
    )

    #: Flag the presence or absence of specific sentiments in your Call Analytics transcription
    #: output.
    sentiment_filter: SentimentFilter | None = field(default=None, metadata=wire("SentimentFilter"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CategoryProperties(Shape):
    """Provides you with the properties of the Call Analytics category you specified in your
    request.
    """

    #: The name of the Call Analytics category.
    category_name: str | None = field(
        default=None,
        metadata=wire(
            "CategoryName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The rules used to define a Call Analytics category.
    rules: list[Rule] | None = field(
        default=None,
        metadata=wire("Rules", min_length=1, max_length=20),
    )

    #: The date and time the specified Call Analytics category was created.
    create_time: datetime | None = field(default=None, metadata=wire("CreateTime"))

    #: The date and time the specified Call Analytics category was last updated.
    last_update_time: datetime | None = field(default=None, metadata=wire("LastUpdateTime"))

    #: The tags, each in the form of a key:value pair, assigned to the specified call analytics
    #: category.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )

    #: The input type associated with the specified category.
    input_type: InputType | None = field(default=None, metadata=wire("InputType"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CreateCallAnalyticsCategoryRequest(Shape):
    """The request of ``CreateCallAnalyticsCategory``.

    Creates a new Call Analytics category.
    """

    #: A unique name, chosen by you, for your Call Analytics category.
    category_name: str = field(
        metadata=wire("CategoryName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )

    #: Rules define a Call Analytics category.
    rules: list[Rule] = field(metadata=wire("Rules", min_length=1, max_length=20))

    #: Adds one or more custom tags, each in the form of a key:value pair, to a new call
    #: analytics category at the time you start this new job.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )

    #: Choose whether you want to create a real-time or a post-call category for your Call
    #: Analytics transcription.
    input_type: InputType | None = field(default=None, metadata=wire("InputType"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class CreateCallAnalyticsCategoryResponse(Shape):
    """The response of ``CreateCallAnalyticsCategory``."""

    #: Provides you with the properties of your new category, including its associated rules.
    category_properties: CategoryProperties | None = field(
        default=None,
        metadata=wire("CategoryProperties"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteCallAnalyticsCategoryRequest(Shape):
    """The request of ``DeleteCallAnalyticsCategory``.

    Deletes a Call Analytics category.
    """

    #: The name of the Call Analytics category you want to delete.
    category_name: str = field(
        metadata=wire("CategoryName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteCallAnalyticsCategoryResponse(Shape):
    """The response of ``DeleteCallAnalyticsCategory``."""


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteCallAnalyticsJobRequest(Shape):
    """The request of ``DeleteCallAnalyticsJob``.

    Deletes a Call Analytics job.
    """

    #: The name of the Call Analytics job you want to delete.
    call_analytics_job_name: str = field(
        metadata=wire(
            "CallAnalyticsJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class DeleteCallAnalyticsJobResponse(Shape):
    """The response of ``DeleteCallAnalyticsJob``."""


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetCallAnalyticsCategoryRequest(Shape):
    """The request of ``GetCallAnalyticsCategory``.

    Provides information about the specified Call Analytics category.
    """

    #: The name of the Call Analytics category you want information about.
    category_name: str = field(
        metadata=wire("CategoryName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetCallAnalyticsCategoryResponse(Shape):
    """The response of ``GetCallAnalyticsCategory``."""

    #: Provides you with the properties of the Call Analytics category you specified in your
    #: GetCallAnalyticsCategory request.
    category_properties: CategoryProperties | None = field(
        default=None,
        metadata=wire("CategoryProperties"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetCallAnalyticsJobRequest(Shape):
    """The request of ``GetCallAnalyticsJob``.

    Provides information about the specified Call Analytics job.
    """

    #: The name of the Call Analytics job you want information about.
    call_analytics_job_name: str = field(
        metadata=wire(
            "CallAnalyticsJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class GetCallAnalyticsJobResponse(Shape):
    """The response of ``GetCallAnalyticsJob``."""

    #: Provides detailed information about the specified Call Analytics job, including job status
    #: and, if applicable, failure reason.
    call_analytics_job: CallAnalyticsJob | None = field(
        default=None,
        metadata=wire("CallAnalyticsJob"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListCallAnalyticsCategoriesRequest(Shape):
    """The request of ``ListCallAnalyticsCategories``.

    Provides a list of Call Analytics categories, including all rules that make up each
    category.
    """

    #: If your ListCallAnalyticsCategories request returns more results than can be displayed,
    #: NextToken is displayed in the response with an associated string.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: The maximum number of Call Analytics categories to return in each page of results.
    max_results: int | None = field(
        default=None,
        metadata=wire("MaxResults", minimum=1, maximum=100),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListCallAnalyticsCategoriesResponse(Shape):
    """The response of ``ListCallAnalyticsCategories``."""

    #: If NextToken is present in your response, it indicates that not all results are displayed.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: Provides detailed information about your Call Analytics categories, including all the
    #: rules associated with each category.
    categories: list[CategoryProperties] | None = field(default=None, metadata=wire("Categories"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListCallAnalyticsJobsRequest(Shape):
    """The request of ``ListCallAnalyticsJobs``.

    Provides a list of Call Analytics jobs that match the specified criteria.
    """

    #: Returns only Call Analytics jobs with the specified status.
    status: CallAnalyticsJobStatus | None = field(default=None, metadata=wire("Status"))

    #: Returns only the Call Analytics jobs that contain the specified string.
    job_name_contains: str | None = field(
        default=None,
        metadata=wire(
            "JobNameContains",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: If your ListCallAnalyticsJobs request returns more results than can be displayed,
    #: NextToken is displayed in the response with an associated string.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: The maximum number of Call Analytics jobs to return in each page of results.
    max_results: int | None = field(
        default=None,
        metadata=wire("MaxResults", minimum=1, maximum=100),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class ListCallAnalyticsJobsResponse(Shape):
    """The response of ``ListCallAnalyticsJobs``."""

    #: Lists all Call Analytics jobs that have the status specified in your request.
    status: CallAnalyticsJobStatus | None = field(default=None, metadata=wire("Status"))

    #: If NextToken is present in your response, it indicates that not all results are displayed.
    next_token: str | None = field(
        default=None,
        metadata=wire("NextToken", max_length=8192, pattern=".+"),
    )

    #: Provides a summary of information about each result.
    call_analytics_job_summaries: list[CallAnalyticsJobSummary] | None = field(
        default=None,
        metadata=wire("CallAnalyticsJobSummaries"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class StartCallAnalyticsJobRequest(Shape):
    """The request of ``StartCallAnalyticsJob``.

    Transcribes the audio from a customer service call and applies any additional Request
    Parameters you choose to include in your request.
    """

    #: A unique name, chosen by you, for your Call Analytics job.
    call_analytics_job_name: str = field(
        metadata=wire(
            "CallAnalyticsJobName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: Describes the Amazon S3 location of the media file you want to use in your Call Analytics
    #: request.
    media: Media = field(metadata=wire("Media"))

    #: The Amazon S3 location where you want your Call Analytics transcription output stored.
    output_location: str | None = field(
        repr=uri_repr,
        default=None,
        metadata=wire(
            "OutputLocation",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )

    #: The Amazon Resource Name (ARN) of a KMS key that you want to use to encrypt your Call
    #: Analytics output.
    output_encryption_kms_key_id: str | None = field(
        default=None,
        metadata=wire(
            "OutputEncryptionKMSKeyId",
            min_length=1,
            max_length=2048,
            pattern="^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$",
        ),
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

    #: Specify additional optional settings in your request, including content redaction; allows
    #: you to apply custom language models, vocabulary filters, and custom vocabularies to your
    #: Call Analytics job.
    settings: CallAnalyticsJobSettings | None = field(default=None, metadata=wire("Settings"))

    #: Adds one or more custom tags, each in the form of a key:value pair, to a new call
    #: analytics job at the time you start this new job.
    tags: list[Tag] | None = field(
        default=None,
        metadata=wire("Tags", min_length=1, max_length=200),
    )

    #: Makes it possible to specify which speaker is on which channel.
    channel_definitions: list[ChannelDefinition] | None = field(
        default=None,
        metadata=wire("ChannelDefinitions", min_length=2, max_length=2),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class StartCallAnalyticsJobResponse(Shape):
    """The response of ``StartCallAnalyticsJob``."""

    #: Provides detailed information about the current Call Analytics job, including job status
    #: and, if applicable, failure reason.
    call_analytics_job: CallAnalyticsJob | None = field(
        default=None,
        metadata=wire("CallAnalyticsJob"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class UpdateCallAnalyticsCategoryRequest(Shape):
    """The request of ``UpdateCallAnalyticsCategory``.

    Updates the specified Call Analytics category with new rules.
    """

    #: The name of the Call Analytics category you want to update.
    category_name: str = field(
        metadata=wire("CategoryName", min_length=1, max_length=200, pattern="^[0-9a-zA-Z._-]+"),
    )

    #: The rules used for the updated Call Analytics category.
    rules: list[Rule] = field(metadata=wire("Rules", min_length=1, max_length=20))

    #: Choose whether you want to update a real-time or a post-call category.
    input_type: InputType | None = field(default=None, metadata=wire("InputType"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class UpdateCallAnalyticsCategoryResponse(Shape):
    """The response of ``UpdateCallAnalyticsCategory``."""

    #: Provides you with the properties of the Call Analytics category you specified in your
    #: UpdateCallAnalyticsCategory request.
    category_properties: CategoryProperties | None = field(
        default=None,
        metadata=wire("CategoryProperties"),
    )


__all__ = [
    "AbsoluteTimeRange",
    "CallAnalyticsJob",
    "CallAnalyticsJobDetails",
    "CallAnalyticsJobSettings",
    "CallAnalyticsJobSummary",
    "CallAnalyticsSkippedFeature",
    "CategoryProperties",
    "ChannelDefinition",
    "CreateCallAnalyticsCategoryRequest",
    "CreateCallAnalyticsCategoryResponse",
    "DeleteCallAnalyticsCategoryRequest",
    "DeleteCallAnalyticsCategoryResponse",
    "DeleteCallAnalyticsJobRequest",
    "DeleteCallAnalyticsJobResponse",
    "GetCallAnalyticsCategoryRequest",
    "GetCallAnalyticsCategoryResponse",
    "GetCallAnalyticsJobRequest",
    "GetCallAnalyticsJobResponse",
    "InterruptionFilter",
    "ListCallAnalyticsCategoriesRequest",
    "ListCallAnalyticsCategoriesResponse",
    "ListCallAnalyticsJobsRequest",
    "ListCallAnalyticsJobsResponse",
    "NonTalkTimeFilter",
    "RelativeTimeRange",
    "Rule",
    "SentimentFilter",
    "StartCallAnalyticsJobRequest",
    "StartCallAnalyticsJobResponse",
    "Summarization",
    "TranscriptFilter",
    "UpdateCallAnalyticsCategoryRequest",
    "UpdateCallAnalyticsCategoryResponse",
]
