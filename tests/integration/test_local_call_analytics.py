"""Call Analytics categories and jobs over real HTTP, answered by the local backend."""

from __future__ import annotations

from tests.fakes import FakeClock
from tests.integration._support import checked_client, expect_service_error
from transcribe_kit import (
    CALL_ANALYTICS_JOBS,
    CallAnalyticsJobStatus,
    CallAnalyticsTranscript,
    ChannelDefinition,
    ConflictError,
    CreateCallAnalyticsCategoryRequest,
    DeleteCallAnalyticsCategoryRequest,
    DeleteCallAnalyticsJobRequest,
    GetCallAnalyticsCategoryRequest,
    GetCallAnalyticsJobRequest,
    InputType,
    InterruptionFilter,
    ListCallAnalyticsCategoriesRequest,
    ListCallAnalyticsJobsRequest,
    Media,
    NotFoundError,
    ParticipantRole,
    ResourceNotFoundError,
    Rule,
    SentimentFilter,
    SentimentValue,
    StartCallAnalyticsJobRequest,
    TranscribeClient,
    TranscriptFilter,
    TranscriptFilterType,
    UpdateCallAnalyticsCategoryRequest,
)
from transcribe_kit.testing import LocalBackend

ROLE = "arn:aws:iam::123456789012:role/CallAnalytics"
NEGATIVE = Rule(
    sentiment_filter=SentimentFilter(
        sentiments=[SentimentValue.NEGATIVE], participant_role=ParticipantRole.CUSTOMER
    )
)
POSITIVE = Rule(sentiment_filter=SentimentFilter(sentiments=[SentimentValue.POSITIVE]))
CHANNELS = [
    ChannelDefinition(channel_id=0, participant_role=ParticipantRole.AGENT),
    ChannelDefinition(channel_id=1, participant_role=ParticipantRole.CUSTOMER),
]


CALL = """AGENT: Thank you for calling, how can I help?
CUSTOMER: My card was charged twice and I am really upset about it.
AGENT: I can refund the second charge right now.
CUSTOMER: Great, thanks.
"""


async def _category(tk: TranscribeClient, name: str, *rules: Rule) -> None:
    await tk.create_call_analytics_category(
        CreateCallAnalyticsCategoryRequest(category_name=name, rules=list(rules))
    )


async def _analysis(tk: TranscribeClient, name: str) -> CallAnalyticsTranscript:
    job = await tk.wait_for_call_analytics_job(name)
    analysis = await tk.fetch_transcript(job)
    assert isinstance(analysis, CallAnalyticsTranscript)
    return analysis


async def _start(tk: TranscribeClient, *names: str, output: str | None = None) -> None:
    for name in names:
        await tk.start_call_analytics_job(
            StartCallAnalyticsJobRequest(
                call_analytics_job_name=name,
                media=Media(media_file_uri=f"s3://calls/{name}.wav"),
                output_location=output,
                data_access_role_arn=ROLE,
                channel_definitions=CHANNELS,
            )
        )


async def test_a_category_is_created_read_updated_and_deleted(tk: TranscribeClient) -> None:
    created = await tk.create_call_analytics_category(
        CreateCallAnalyticsCategoryRequest(category_name="churn-risk", rules=[NEGATIVE])
    )
    updated = await tk.update_call_analytics_category(
        UpdateCallAnalyticsCategoryRequest(category_name="churn-risk", rules=[POSITIVE])
    )
    got = await tk.get_call_analytics_category(
        GetCallAnalyticsCategoryRequest(category_name="churn-risk")
    )
    await tk.delete_call_analytics_category(
        DeleteCallAnalyticsCategoryRequest(category_name="churn-risk")
    )

    assert created.category_properties is not None
    assert created.category_properties.rules == [NEGATIVE]
    assert created.category_properties.input_type is InputType.POST_CALL
    assert updated.category_properties is not None
    assert updated.category_properties.rules == [POSITIVE]
    assert got.category_properties == updated.category_properties
    listed = await tk.list_call_analytics_categories(ListCallAnalyticsCategoriesRequest())
    assert listed.categories == []


async def test_a_taken_category_name_is_a_conflict(tk: TranscribeClient) -> None:
    request = CreateCallAnalyticsCategoryRequest(category_name="churn-risk", rules=[NEGATIVE])
    await tk.create_call_analytics_category(request)

    await expect_service_error(
        tk.create_call_analytics_category(request),
        ConflictError,
        code="ConflictException",
        operation_name="CreateCallAnalyticsCategory",
    )


async def test_a_missing_category_is_not_found(tk: TranscribeClient) -> None:
    await expect_service_error(
        tk.update_call_analytics_category(
            UpdateCallAnalyticsCategoryRequest(category_name="absent", rules=[NEGATIVE])
        ),
        NotFoundError,
        code="NotFoundException",
        operation_name="UpdateCallAnalyticsCategory",
    )


async def test_the_paginator_pages_categories(tk: TranscribeClient) -> None:
    names = [f"category-{index:02d}" for index in range(7)]
    for name in names:
        await tk.create_call_analytics_category(
            CreateCallAnalyticsCategoryRequest(category_name=name, rules=[NEGATIVE])
        )

    seen = [c.category_name async for c in tk.paginate_call_analytics_categories(page_size=2)]

    assert seen == names


async def test_a_job_moves_one_status_per_read_and_says_where_its_transcript_is(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    transcribe_backend.set_progression(reads=1)
    await _start(tk, "call-0001", output="s3://analytics-out/calls/")

    statuses = []
    for _ in range(3):
        got = await tk.get_call_analytics_job(
            GetCallAnalyticsJobRequest(call_analytics_job_name="call-0001")
        )
        assert got.call_analytics_job is not None
        statuses.append(got.call_analytics_job.call_analytics_job_status)
    job = got.call_analytics_job
    assert job is not None

    assert statuses == ["QUEUED", "IN_PROGRESS", "COMPLETED"]
    assert job.channel_definitions == CHANNELS
    assert job.data_access_role_arn == ROLE
    assert job.media_format == "wav"
    assert job.start_time is not None
    assert job.completion_time is not None
    assert job.transcript is not None
    assert job.transcript.transcript_file_uri == (
        "https://s3.us-east-1.amazonaws.com/analytics-out/calls/call-0001.json"
    )


async def test_the_waiter_follows_a_job_to_completed(transcribe_backend: LocalBackend) -> None:
    transcribe_backend.set_progression(reads=2)
    seen: list[CallAnalyticsJobStatus | None] = []
    async with checked_client(transcribe_backend, clock=FakeClock()) as tk:
        await _start(tk, "call-0001")
        job = await tk.wait_for_call_analytics_job(
            "call-0001", on_change=lambda job: seen.append(job.call_analytics_job_status)
        )

    assert job.call_analytics_job_status is CallAnalyticsJobStatus.COMPLETED
    assert seen == ["QUEUED", "IN_PROGRESS", "COMPLETED"]


async def test_the_watcher_sees_jobs_complete_through_list(
    transcribe_backend: LocalBackend,
) -> None:
    transcribe_backend.set_progression()
    async with checked_client(transcribe_backend, clock=FakeClock()) as tk:
        await _start(tk, "call-a", "call-b", "call-c")
        done = await tk.wait_all(["call-c", "call-a"], kind=CALL_ANALYTICS_JOBS)

    assert [job.call_analytics_job_name for job in done] == ["call-c", "call-a"]
    assert {job.call_analytics_job_status for job in done} == {"COMPLETED"}


async def test_a_taken_job_name_is_a_conflict(tk: TranscribeClient) -> None:
    await _start(tk, "call-0001")

    await expect_service_error(
        _start(tk, "call-0001"),
        ConflictError,
        code="ConflictException",
        operation_name="StartCallAnalyticsJob",
    )


async def test_a_missing_job_is_a_bad_request_that_couldnt_be_found(
    tk: TranscribeClient,
) -> None:
    await _start(tk, "call-0001")
    await tk.delete_call_analytics_job(
        DeleteCallAnalyticsJobRequest(call_analytics_job_name="call-0001")
    )

    error = await expect_service_error(
        tk.get_call_analytics_job(GetCallAnalyticsJobRequest(call_analytics_job_name="call-0001")),
        ResourceNotFoundError,
        code="BadRequestException",
        operation_name="GetCallAnalyticsJob",
    )

    assert "couldn't be found" in error.message


async def test_list_filters_by_status_and_name_newest_first(
    transcribe_backend: LocalBackend,
) -> None:
    transcribe_backend.set_progression(reads=1)
    async with checked_client(transcribe_backend) as tk:
        await _start(tk, "sales-1", "sales-2", "support-1", "sales-3")
        for _ in range(3):
            await tk.get_call_analytics_job(
                GetCallAnalyticsJobRequest(call_analytics_job_name="sales-2")
            )
        sales = await tk.list_call_analytics_jobs(
            ListCallAnalyticsJobsRequest(job_name_contains="sales")
        )
        completed = await tk.list_call_analytics_jobs(
            ListCallAnalyticsJobsRequest(status=CallAnalyticsJobStatus.COMPLETED)
        )

    assert [j.call_analytics_job_name for j in sales.call_analytics_job_summaries or []] == [
        "sales-3",
        "sales-2",
        "sales-1",
    ]
    assert completed.status is CallAnalyticsJobStatus.COMPLETED
    assert [j.call_analytics_job_name for j in completed.call_analytics_job_summaries or []] == [
        "sales-2"
    ]


async def test_the_paginator_sees_each_job_once(tk: TranscribeClient) -> None:
    names = [f"call-{index:02d}" for index in range(11)]
    await _start(tk, *names)

    seen = [j.call_analytics_job_name async for j in tk.paginate_call_analytics_jobs(page_size=4)]

    assert seen == names[::-1]


async def test_a_job_lists_the_categories_its_call_matched(
    transcribe_backend: LocalBackend,
) -> None:
    transcribe_backend.set_progression(reads=2)
    transcribe_backend.set_transcript("s3://calls/call-0001.wav", CALL)
    charged_twice = Rule(
        transcript_filter=TranscriptFilter(
            transcript_filter_type=TranscriptFilterType.EXACT,
            targets=["charged twice"],
            participant_role=ParticipantRole.CUSTOMER,
        )
    )
    async with checked_client(transcribe_backend, clock=FakeClock()) as tk:
        await _category(tk, "unhappy-customer", NEGATIVE)
        await _category(tk, "double-charge", charged_twice, NEGATIVE)
        await _category(
            tk,
            "agent-unhappy",
            Rule(
                sentiment_filter=SentimentFilter(
                    sentiments=[SentimentValue.NEGATIVE], participant_role=ParticipantRole.AGENT
                )
            ),
        )
        await _start(tk, "call-0001")
        analysis = await _analysis(tk, "call-0001")

    complaint = analysis.transcript[1]
    assert complaint.sentiment == "NEGATIVE"
    assert analysis.categories is not None
    assert analysis.categories.matched_categories == ("unhappy-customer", "double-charge")
    details = analysis.categories.matched_details or {}
    assert set(details) == {"unhappy-customer", "double-charge"}
    assert details["unhappy-customer"].points_of_interest == ()
    [point] = details["double-charge"].points_of_interest
    assert (point.begin_offset_millis, point.end_offset_millis) == (
        complaint.begin_offset_millis,
        complaint.end_offset_millis,
    )


async def test_a_category_made_after_a_job_started_does_not_apply_to_it(
    transcribe_backend: LocalBackend,
) -> None:
    transcribe_backend.set_progression(reads=2)
    transcribe_backend.set_transcript("s3://calls/call-0001.wav", CALL)
    async with checked_client(transcribe_backend, clock=FakeClock()) as tk:
        await _start(tk, "call-0001")
        await _category(tk, "unhappy-customer", NEGATIVE)
        analysis = await _analysis(tk, "call-0001")

    assert analysis.categories is not None
    assert analysis.categories.matched_categories == ()


async def test_a_registered_document_is_judged_on_its_own_characteristics(
    transcribe_backend: LocalBackend,
) -> None:
    turn = {"ParticipantRole": "AGENT", "BeginOffsetMillis": 0, "EndOffsetMillis": 9000}
    document = {
        "JobStatus": "COMPLETED",
        "Transcript": [{**turn, "Content": "Let me finish.", "Sentiment": "NEUTRAL"}],
        "Categories": {"MatchedDetails": {}, "MatchedCategories": []},
        "ConversationCharacteristics": {
            "TotalConversationDurationMillis": 9000,
            "Interruptions": {
                "InterruptionsByInterrupter": {
                    "AGENT": [{"BeginOffsetMillis": 1000, "EndOffsetMillis": 7000}]
                }
            },
        },
    }
    transcribe_backend.set_progression(reads=2)
    transcribe_backend.set_transcript("s3://calls/call-0001.wav", document)
    talks_over = Rule(
        interruption_filter=InterruptionFilter(
            participant_role=ParticipantRole.AGENT, threshold=5000
        )
    )
    async with checked_client(transcribe_backend, clock=FakeClock()) as tk:
        await _category(tk, "agent-talks-over", talks_over)
        await _start(tk, "call-0001")
        analysis = await _analysis(tk, "call-0001")

    assert analysis.categories is not None
    assert analysis.categories.matched_categories == ("agent-talks-over",)
    assert analysis.transcript[0].content == "Let me finish."
