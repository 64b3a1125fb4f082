"""Call Analytics categories and jobs, which moto lacks, against botocore's stubber."""

from __future__ import annotations

from datetime import datetime, timezone

from tests.integration._support import add_service_error, expect_service_error, stubbed_client
from transcribe_kit import (
    AbsoluteTimeRange,
    BadRequestError,
    CallAnalyticsJob,
    CallAnalyticsJobSettings,
    CallAnalyticsJobStatus,
    CallAnalyticsJobSummary,
    CategoryProperties,
    ChannelDefinition,
    CreateCallAnalyticsCategoryRequest,
    DeleteCallAnalyticsCategoryRequest,
    DeleteCallAnalyticsCategoryResponse,
    DeleteCallAnalyticsJobRequest,
    DeleteCallAnalyticsJobResponse,
    GetCallAnalyticsCategoryRequest,
    GetCallAnalyticsJobRequest,
    InputType,
    LanguageCode,
    LimitExceededError,
    ListCallAnalyticsCategoriesRequest,
    ListCallAnalyticsJobsRequest,
    Media,
    MediaFormat,
    NotFoundError,
    ParticipantRole,
    ResourceNotFoundError,
    Rule,
    SentimentFilter,
    SentimentValue,
    StartCallAnalyticsJobRequest,
    Summarization,
    TranscriptFilter,
    TranscriptFilterType,
    UpdateCallAnalyticsCategoryRequest,
)
from transcribe_kit.shapes import Transcript

CREATED = datetime(2026, 5, 6, 8, 0, tzinfo=timezone.utc)
UPDATED = datetime(2026, 5, 7, 8, 0, tzinfo=timezone.utc)
ROLE = "arn:aws:iam::123456789012:role/CallAnalytics"

RULES = [
    Rule(
        transcript_filter=TranscriptFilter(
            transcript_filter_type=TranscriptFilterType.EXACT,
            targets=["cancel my subscription"],
            participant_role=ParticipantRole.CUSTOMER,
            absolute_time_range=AbsoluteTimeRange(first=60000),
        )
    ),
    Rule(
        sentiment_filter=SentimentFilter(
            sentiments=[SentimentValue.NEGATIVE], participant_role=ParticipantRole.CUSTOMER
        )
    ),
]
RULES_ON_WIRE = [
    {
        "TranscriptFilter": {
            "TranscriptFilterType": "EXACT",
            "Targets": ["cancel my subscription"],
            "ParticipantRole": "CUSTOMER",
            "AbsoluteTimeRange": {"First": 60000},
        }
    },
    {"SentimentFilter": {"Sentiments": ["NEGATIVE"], "ParticipantRole": "CUSTOMER"}},
]
CATEGORY_ON_WIRE = {
    "CategoryName": "churn-risk",
    "Rules": RULES_ON_WIRE,
    "CreateTime": CREATED,
    "LastUpdateTime": UPDATED,
    "InputType": "POST_CALL",
}
CATEGORY = CategoryProperties(
    category_name="churn-risk",
    rules=RULES,
    create_time=CREATED,
    last_update_time=UPDATED,
    input_type=InputType.POST_CALL,
)
JOB_ON_WIRE = {
    "CallAnalyticsJobName": "call-0001",
    "CallAnalyticsJobStatus": "COMPLETED",
    "LanguageCode": "en-US",
    "MediaSampleRateHertz": 8000,
    "MediaFormat": "wav",
    "Media": {"MediaFileUri": "s3://calls/0001.wav"},
    "Transcript": {"TranscriptFileUri": "s3://analytics/call-0001.json"},
    "CreationTime": CREATED,
    "StartTime": CREATED,
    "CompletionTime": UPDATED,
    "DataAccessRoleArn": ROLE,
    "ChannelDefinitions": [
        {"ChannelId": 0, "ParticipantRole": "AGENT"},
        {"ChannelId": 1, "ParticipantRole": "CUSTOMER"},
    ],
}
CHANNELS = [
    ChannelDefinition(channel_id=0, participant_role=ParticipantRole.AGENT),
    ChannelDefinition(channel_id=1, participant_role=ParticipantRole.CUSTOMER),
]
JOB = CallAnalyticsJob(
    call_analytics_job_name="call-0001",
    call_analytics_job_status=CallAnalyticsJobStatus.COMPLETED,
    language_code=LanguageCode.EN_US,
    media_sample_rate_hertz=8000,
    media_format=MediaFormat.WAV,
    media=Media(media_file_uri="s3://calls/0001.wav"),
    transcript=Transcript(transcript_file_uri="s3://analytics/call-0001.json"),
    creation_time=CREATED,
    start_time=CREATED,
    completion_time=UPDATED,
    data_access_role_arn=ROLE,
    channel_definitions=CHANNELS,
)


async def test_create_category_sends_nested_rules_and_answers_typed() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "create_call_analytics_category",
            {"CategoryProperties": CATEGORY_ON_WIRE},
            {"CategoryName": "churn-risk", "Rules": RULES_ON_WIRE, "InputType": "POST_CALL"},
        )
        created = await client.create_call_analytics_category(
            CreateCallAnalyticsCategoryRequest(
                category_name="churn-risk", rules=RULES, input_type=InputType.POST_CALL
            )
        )

    assert created.category_properties == CATEGORY


async def test_get_category_answers_it_typed() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "get_call_analytics_category",
            {"CategoryProperties": CATEGORY_ON_WIRE},
            {"CategoryName": "churn-risk"},
        )
        got = await client.get_call_analytics_category(
            GetCallAnalyticsCategoryRequest(category_name="churn-risk")
        )

    assert got.category_properties == CATEGORY


async def test_list_categories_answers_a_page() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "list_call_analytics_categories",
            {"Categories": [CATEGORY_ON_WIRE], "NextToken": "next"},
            {"MaxResults": 1},
        )
        listed = await client.list_call_analytics_categories(
            ListCallAnalyticsCategoriesRequest(max_results=1)
        )

    assert listed.categories == [CATEGORY]
    assert listed.next_token == "next"


async def test_update_category_sends_the_new_rules() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "update_call_analytics_category",
            {"CategoryProperties": {**CATEGORY_ON_WIRE, "Rules": RULES_ON_WIRE[:1]}},
            {"CategoryName": "churn-risk", "Rules": RULES_ON_WIRE[:1]},
        )
        updated = await client.update_call_analytics_category(
            UpdateCallAnalyticsCategoryRequest(category_name="churn-risk", rules=RULES[:1])
        )

    assert updated.category_properties is not None
    assert updated.category_properties.rules == RULES[:1]


async def test_delete_category_sends_the_name() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response("delete_call_analytics_category", {}, {"CategoryName": "churn-risk"})
        deleted = await client.delete_call_analytics_category(
            DeleteCallAnalyticsCategoryRequest(category_name="churn-risk")
        )

    assert deleted == DeleteCallAnalyticsCategoryResponse()


async def test_missing_category_is_a_not_found_error() -> None:
    async with stubbed_client() as (client, stubber):
        add_service_error(
            stubber,
            "get_call_analytics_category",
            "NotFoundException",
            "The requested category couldn't be found.",
            expected_params={"CategoryName": "absent"},
        )
        await expect_service_error(
            client.get_call_analytics_category(
                GetCallAnalyticsCategoryRequest(category_name="absent")
            ),
            NotFoundError,
            code="NotFoundException",
            operation_name="GetCallAnalyticsCategory",
        )


async def test_start_job_sends_channels_and_settings() -> None:
    queued = {
        "CallAnalyticsJobName": "call-0001",
        "CallAnalyticsJobStatus": "QUEUED",
        "Media": {"MediaFileUri": "s3://calls/0001.wav"},
        "CreationTime": CREATED,
    }
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "start_call_analytics_job",
            {"CallAnalyticsJob": queued},
            {
                "CallAnalyticsJobName": "call-0001",
                "Media": {"MediaFileUri": "s3://calls/0001.wav"},
                "OutputLocation": "s3://analytics/",
                "DataAccessRoleArn": ROLE,
                "Settings": {"Summarization": {"GenerateAbstractiveSummary": True}},
                "ChannelDefinitions": JOB_ON_WIRE["ChannelDefinitions"],
            },
        )
        started = await client.start_call_analytics_job(
            StartCallAnalyticsJobRequest(
                call_analytics_job_name="call-0001",
                media=Media(media_file_uri="s3://calls/0001.wav"),
                output_location="s3://analytics/",
                data_access_role_arn=ROLE,
                settings=CallAnalyticsJobSettings(
                    summarization=Summarization(generate_abstractive_summary=True)
                ),
                channel_definitions=CHANNELS,
            )
        )

    assert started.call_analytics_job == CallAnalyticsJob(
        call_analytics_job_name="call-0001",
        call_analytics_job_status=CallAnalyticsJobStatus.QUEUED,
        media=Media(media_file_uri="s3://calls/0001.wav"),
        creation_time=CREATED,
    )


async def test_get_job_answers_it_typed() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "get_call_analytics_job",
            {"CallAnalyticsJob": JOB_ON_WIRE},
            {"CallAnalyticsJobName": "call-0001"},
        )
        got = await client.get_call_analytics_job(
            GetCallAnalyticsJobRequest(call_analytics_job_name="call-0001")
        )

    assert got.call_analytics_job == JOB


async def test_list_jobs_sends_its_filters_and_answers_summaries() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "list_call_analytics_jobs",
            {
                "Status": "COMPLETED",
                "CallAnalyticsJobSummaries": [
                    {
                        "CallAnalyticsJobName": "call-0001",
                        "CallAnalyticsJobStatus": "COMPLETED",
                        "LanguageCode": "en-US",
                        "CreationTime": CREATED,
                        "CompletionTime": UPDATED,
                    }
                ],
            },
            {"Status": "COMPLETED", "JobNameContains": "call"},
        )
        listed = await client.list_call_analytics_jobs(
            ListCallAnalyticsJobsRequest(
                status=CallAnalyticsJobStatus.COMPLETED, job_name_contains="call"
            )
        )

    assert listed.status is CallAnalyticsJobStatus.COMPLETED
    assert listed.call_analytics_job_summaries == [
        CallAnalyticsJobSummary(
            call_analytics_job_name="call-0001",
            call_analytics_job_status=CallAnalyticsJobStatus.COMPLETED,
            language_code=LanguageCode.EN_US,
            creation_time=CREATED,
            completion_time=UPDATED,
        )
    ]


async def test_delete_job_sends_the_name() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response("delete_call_analytics_job", {}, {"CallAnalyticsJobName": "call-0001"})
        deleted = await client.delete_call_analytics_job(
            DeleteCallAnalyticsJobRequest(call_analytics_job_name="call-0001")
        )

    assert deleted == DeleteCallAnalyticsJobResponse()


async def test_missing_job_answered_as_bad_request_is_a_not_found_error() -> None:
    async with stubbed_client() as (client, stubber):
        add_service_error(
            stubber,
            "get_call_analytics_job",
            "BadRequestException",
            "The requested job couldn't be found. Check the job name and try your request again.",
        )
        error = await expect_service_error(
            client.get_call_analytics_job(GetCallAnalyticsJobRequest(call_analytics_job_name="x")),
            ResourceNotFoundError,
            code="BadRequestException",
            operation_name="GetCallAnalyticsJob",
        )

    assert isinstance(error, BadRequestError)
    assert isinstance(error, NotFoundError)


async def test_too_many_running_jobs_is_a_limit_exceeded_error() -> None:
    async with stubbed_client() as (client, stubber):
        add_service_error(
            stubber,
            "start_call_analytics_job",
            "LimitExceededException",
            "You have exceeded the maximum number of concurrent Call Analytics jobs.",
        )
        await expect_service_error(
            client.start_call_analytics_job(
                StartCallAnalyticsJobRequest(
                    call_analytics_job_name="call-0002",
                    media=Media(media_file_uri="s3://calls/0002.wav"),
                )
            ),
            LimitExceededError,
            code="LimitExceededException",
            operation_name="StartCallAnalyticsJob",
        )
