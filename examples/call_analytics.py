"""A Call Analytics job: a support call's turns by participant, their sentiment, its categories.

Creates a category (negative customer sentiment), runs a Call Analytics job on a
two-channel call (agent on channel 0, customer on 1), prints each turn with its
sentiment and the categories the call matched, and deletes what it made. Locally, the
customer complains, so the call matches the category.

    python examples/call_analytics.py
    python examples/call_analytics.py --aws --media-uri s3://my-bucket/call.wav \
        --output-location s3://my-bucket/analytics/ \
        --role-arn arn:aws:iam::123456789012:role/TranscribeCallAnalytics
"""

from __future__ import annotations

import asyncio
import uuid

from _setup import open_client, parser

from transcribe_kit import (
    ChannelDefinition,
    CreateCallAnalyticsCategoryRequest,
    DeleteCallAnalyticsCategoryRequest,
    DeleteCallAnalyticsJobRequest,
    Media,
    ParticipantRole,
    Rule,
    SentimentFilter,
    SentimentValue,
    StartCallAnalyticsJobRequest,
)

LOCAL_MEDIA = "s3://example-media/support-call.wav"
LOCAL_OUTPUT = "s3://example-analytics/calls/"
LOCAL_ROLE = "arn:aws:iam::123456789012:role/TranscribeCallAnalytics"
#: What the local backend hears in the call; it judges each turn's sentiment by its words.
LOCAL_SAYS = """\
AGENT: Thank you for calling Anchor Bank, this is Daniel. How can I help you today?
CUSTOMER: I was charged twice for my last order, and I'm really upset about it.
AGENT: I'm sorry to hear that. I can see the duplicate charge and I have refunded it.
CUSTOMER: Thanks, that was quick.
"""
CHANNELS = [
    ChannelDefinition(channel_id=0, participant_role=ParticipantRole.AGENT),
    ChannelDefinition(channel_id=1, participant_role=ParticipantRole.CUSTOMER),
]


async def main() -> None:
    arguments = parser(__doc__)
    arguments.add_argument("--media-uri", default=LOCAL_MEDIA)
    arguments.add_argument("--output-location", default=LOCAL_OUTPUT)
    arguments.add_argument("--role-arn", default=LOCAL_ROLE, help="lets the service read S3")
    args = arguments.parse_args()
    suffix = uuid.uuid4().hex[:8]
    category = f"example-unhappy-{suffix}"
    job_name = f"example-call-{suffix}"
    async with open_client(args) as (tk, backend):
        if backend is not None:
            backend.set_transcript(args.media_uri, LOCAL_SAYS)
        # A category applies to jobs started after it exists.
        await tk.create_call_analytics_category(
            CreateCallAnalyticsCategoryRequest(
                category_name=category,
                rules=[
                    Rule(
                        sentiment_filter=SentimentFilter(
                            sentiments=[SentimentValue.NEGATIVE],
                            participant_role=ParticipantRole.CUSTOMER,
                        )
                    )
                ],
            )
        )
        try:
            await tk.start_call_analytics_job(
                StartCallAnalyticsJobRequest(
                    call_analytics_job_name=job_name,
                    media=Media(media_file_uri=args.media_uri),
                    output_location=args.output_location,
                    data_access_role_arn=args.role_arn,
                    channel_definitions=CHANNELS,
                )
            )
            job = await tk.wait_for_call_analytics_job(job_name)
            analysis = await tk.fetch_transcript(job)
            for turn in analysis.transcript:
                print(f"{turn.participant_role} ({turn.sentiment}): {turn.content}")
            matched = analysis.categories.matched_categories if analysis.categories else ()
            print(f"categories matched: {', '.join(matched) or 'none'}")
            await tk.delete_call_analytics_job(
                DeleteCallAnalyticsJobRequest(call_analytics_job_name=job_name)
            )
        finally:
            await tk.delete_call_analytics_category(
                DeleteCallAnalyticsCategoryRequest(category_name=category)
            )
        print("deleted the job and the category")


if __name__ == "__main__":
    asyncio.run(main())
