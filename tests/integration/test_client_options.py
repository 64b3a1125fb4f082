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


def test_defaults_are_a_retry_policy_and_the_published_rates(
    transcribe_backend: LocalBackend,
) -> None:
    client = transcribe_backend.client()

    assert client.retry_policy == RetryPolicy()
    assert client.rate_limits == RateLimits()


async def test_a_view_shares_the_connection_and_closes_nothing(
    tk: TranscribeClient,
) -> None:
    view = tk.with_options(retry_policy=RetryPolicy.none(), rate_limits=RateLimits.disabled())

    assert view.aiobotocore_client is tk.aiobotocore_client
    assert view.retry_policy == RetryPolicy.none()
    assert view.rate_limits == RateLimits.disabled()
    assert tk.retry_policy == RetryPolicy()
    async with view:
        await view.list_transcription_jobs(ListTranscriptionJobsRequest())
    listed = await tk.list_transcription_jobs()
    assert listed.transcription_job_summaries == []


async def test_a_view_shares_the_token_buckets_unless_given_its_own(
    tk: TranscribeClient,
) -> None:
    same = tk.with_options(retry_policy=RetryPolicy.none())
    other = tk.with_options(rate_limits=RateLimits.disabled())

    assert same._rate_limiter is tk._rate_limiter
    assert other._rate_limiter is not tk._rate_limiter
    assert other.with_options().aiobotocore_client is tk.aiobotocore_client
