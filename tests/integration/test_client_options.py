from __future__ import annotations

from botocore.config import Config

from transcribe_kit import (
    ListTranscriptionJobsRequest,
    RateLimits,
    RetryPolicy,
    TranscribeClient,
)
from transcribe_kit.testing import LocalBackend


async def test_created_clients_leave_retries_to_the_policy(
    transcribe_backend: LocalBackend,
) -> None:
    config = Config(read_timeout=7, retries={"mode": "standard", "max_attempts": 9})
    async with transcribe_backend.client(config=config) as client:
        botocore_config = client.aiobotocore_client.meta.config

    assert botocore_config.retries == {"mode": "standard", "total_max_attempts": 1}
    assert botocore_config.read_timeout == 7


async def test_defaults_are_a_retry_policy_and_the_published_rates(
    transcribe_client: TranscribeClient,
) -> None:
    assert transcribe_client.retry_policy == RetryPolicy()
    assert transcribe_client.rate_limits == RateLimits()


async def test_a_view_shares_the_connection_and_closes_nothing(
    transcribe_client: TranscribeClient,
) -> None:
    view = transcribe_client.with_options(
        retry_policy=RetryPolicy.none(), rate_limits=RateLimits.disabled()
    )

    assert view.aiobotocore_client is transcribe_client.aiobotocore_client
    assert view.retry_policy == RetryPolicy.none()
    assert view.rate_limits == RateLimits.disabled()
    assert transcribe_client.retry_policy == RetryPolicy()
    async with view:
        await view.list_transcription_jobs(ListTranscriptionJobsRequest())
    listed = await transcribe_client.list_transcription_jobs()
    assert listed.transcription_job_summaries == []


async def test_a_view_shares_the_token_buckets_unless_given_its_own(
    transcribe_client: TranscribeClient,
) -> None:
    same = transcribe_client.with_options(retry_policy=RetryPolicy.none())
    other = transcribe_client.with_options(rate_limits=RateLimits.disabled())

    assert same._rate_limiter is transcribe_client._rate_limiter
    assert other._rate_limiter is not transcribe_client._rate_limiter
    assert other.with_options().aiobotocore_client is transcribe_client.aiobotocore_client
