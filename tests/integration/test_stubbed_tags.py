"""Tags, which moto lacks, against botocore's stubber."""

from __future__ import annotations

import pytest

from tests.integration._support import add_service_error, expect_service_error, stubbed_client
from transcribe_kit import (
    BadRequestError,
    ListTagsForResourceRequest,
    ListTagsForResourceResponse,
    RequestValidationError,
    Tag,
    TagResourceRequest,
    TagResourceResponse,
    UntagResourceRequest,
    UntagResourceResponse,
)

JOB_ARN = "arn:aws:transcribe:us-east-1:123456789012:transcription-job/meeting-42"


async def test_tag_resource_sends_the_tags() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "tag_resource",
            {},
            {
                "ResourceArn": JOB_ARN,
                "Tags": [{"Key": "team", "Value": "sales"}, {"Key": "cost-centre", "Value": "42"}],
            },
        )
        tagged = await client.tag_resource(
            TagResourceRequest(
                resource_arn=JOB_ARN,
                tags=[Tag(key="team", value="sales"), Tag(key="cost-centre", value="42")],
            )
        )

    assert tagged == TagResourceResponse()


async def test_list_tags_answers_them_typed() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "list_tags_for_resource",
            {"ResourceArn": JOB_ARN, "Tags": [{"Key": "team", "Value": "sales"}]},
            {"ResourceArn": JOB_ARN},
        )
        listed = await client.list_tags_for_resource(
            ListTagsForResourceRequest(resource_arn=JOB_ARN)
        )

    assert listed == ListTagsForResourceResponse(
        resource_arn=JOB_ARN, tags=[Tag(key="team", value="sales")]
    )


async def test_untag_resource_sends_the_keys() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "untag_resource", {}, {"ResourceArn": JOB_ARN, "TagKeys": ["team", "cost-centre"]}
        )
        untagged = await client.untag_resource(
            UntagResourceRequest(resource_arn=JOB_ARN, tag_keys=["team", "cost-centre"])
        )

    assert untagged == UntagResourceResponse()


async def test_a_bad_resource_is_a_bad_request_error() -> None:
    async with stubbed_client() as (client, stubber):
        add_service_error(
            stubber,
            "list_tags_for_resource",
            "BadRequestException",
            "The ARN isn't valid for this operation.",
        )
        await expect_service_error(
            client.list_tags_for_resource(ListTagsForResourceRequest(resource_arn=JOB_ARN)),
            BadRequestError,
            code="BadRequestException",
            operation_name="ListTagsForResource",
        )


async def test_an_empty_tag_list_is_refused_before_sending() -> None:
    async with stubbed_client() as (client, _):
        with pytest.raises(RequestValidationError) as caught:
            await client.tag_resource(TagResourceRequest(resource_arn=JOB_ARN, tags=[]))

    assert caught.value.field == "tags"
