"""Tags over real HTTP on the resources the local backend knows, moto's jobs included."""

from __future__ import annotations

from tests.integration._support import expect_service_error
from tests.jobs import MEDIA
from transcribe_kit import (
    CreateCallAnalyticsCategoryRequest,
    CreateVocabularyFilterRequest,
    DeleteTranscriptionJobRequest,
    GetCallAnalyticsCategoryRequest,
    LanguageCode,
    ListTagsForResourceRequest,
    NotFoundError,
    Rule,
    SentimentFilter,
    SentimentValue,
    StartTranscriptionJobRequest,
    Tag,
    TagResourceRequest,
    TranscribeClient,
    UntagResourceRequest,
)

ACCOUNT = "arn:aws:transcribe:us-east-1:123456789012"
RULE = Rule(sentiment_filter=SentimentFilter(sentiments=[SentimentValue.NEGATIVE]))


async def _tags(tk: TranscribeClient, arn: str) -> dict[str, str]:
    listed = await tk.list_tags_for_resource(ListTagsForResourceRequest(resource_arn=arn))
    assert listed.resource_arn == arn
    return {tag.key: tag.value for tag in listed.tags or []}


async def test_tags_given_at_creation_are_listed_and_changed(tk: TranscribeClient) -> None:
    arn = f"{ACCOUNT}:vocabulary-filter/profanity"
    await tk.create_vocabulary_filter(
        CreateVocabularyFilterRequest(
            vocabulary_filter_name="profanity",
            language_code=LanguageCode.EN_US,
            words=["darn"],
            tags=[Tag(key="team", value="support")],
        )
    )

    created = await _tags(tk, arn)
    await tk.tag_resource(
        TagResourceRequest(
            resource_arn=arn,
            tags=[Tag(key="team", value="sales"), Tag(key="cost-centre", value="42")],
        )
    )
    tagged = await _tags(tk, arn)
    await tk.untag_resource(UntagResourceRequest(resource_arn=arn, tag_keys=["team"]))

    assert created == {"team": "support"}
    assert tagged == {"team": "sales", "cost-centre": "42"}
    assert await _tags(tk, arn) == {"cost-centre": "42"}


async def test_a_resource_that_carries_tags_answers_them(tk: TranscribeClient) -> None:
    await tk.create_call_analytics_category(
        CreateCallAnalyticsCategoryRequest(category_name="churn-risk", rules=[RULE])
    )
    await tk.tag_resource(
        TagResourceRequest(
            resource_arn=f"{ACCOUNT}:analytics-category/churn-risk",
            tags=[Tag(key="team", value="retention")],
        )
    )

    got = await tk.get_call_analytics_category(
        GetCallAnalyticsCategoryRequest(category_name="churn-risk")
    )

    assert got.category_properties is not None
    assert got.category_properties.tags == [Tag(key="team", value="retention")]


async def test_a_moto_job_is_tagged_until_it_is_deleted(tk: TranscribeClient) -> None:
    arn = f"{ACCOUNT}:transcription-job/meeting-42"
    await tk.start_transcription_job(
        StartTranscriptionJobRequest(
            transcription_job_name="meeting-42",
            language_code=LanguageCode.EN_US,
            media=MEDIA,
            tags=[Tag(key="team", value="sales")],
        )
    )
    await tk.tag_resource(
        TagResourceRequest(resource_arn=arn, tags=[Tag(key="quarter", value="q3")])
    )

    assert await _tags(tk, arn) == {"team": "sales", "quarter": "q3"}

    await tk.delete_transcription_job(
        DeleteTranscriptionJobRequest(transcription_job_name="meeting-42")
    )
    await expect_service_error(
        _tags(tk, arn),
        NotFoundError,
        code="NotFoundException",
        operation_name="ListTagsForResource",
    )


async def test_tagging_an_unknown_resource_is_not_found(tk: TranscribeClient) -> None:
    await expect_service_error(
        tk.tag_resource(
            TagResourceRequest(
                resource_arn=f"{ACCOUNT}:language-model/absent",
                tags=[Tag(key="team", value="sales")],
            )
        ),
        NotFoundError,
        code="NotFoundException",
        operation_name="TagResource",
    )
