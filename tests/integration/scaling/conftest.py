"""A moto server for SQS, EventBridge, DynamoDB and Transcribe, and helpers to drive it.

moto's server stands in for the services; as its Transcribe backend publishes no events,
the tests publish ``aws.transcribe`` events themselves with ``PutEvents`` (which moto
accepts from any source) and EventBridge routes them through the rule to the queue.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import pytest_asyncio
from aiobotocore.session import AioSession

from transcribe_kit import RateLimits, TranscribeClient

_CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture(scope="session")
def aws_settings() -> Iterator[dict[str, Any]]:
    """Client settings that point at a moto server on a free loopback port."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield {"region_name": "us-east-1", "endpoint_url": f"http://{host}:{port}", **_CREDENTIALS}
    finally:
        server.stop()


@pytest.fixture
def prefix() -> str:
    """A job-name prefix no other test uses (moto's state lives as long as the server)."""
    return f"t{uuid.uuid4().hex[:12]}"


@pytest_asyncio.fixture
async def tk(aws_settings: dict[str, Any]) -> AsyncIterator[TranscribeClient]:
    async with TranscribeClient(**aws_settings, rate_limits=RateLimits.disabled()) as client:
        yield client


@pytest_asyncio.fixture
async def sqs(aws_settings: dict[str, Any]) -> AsyncIterator[Any]:
    """A plain aiobotocore SQS client, to look at the queues from outside."""
    async with AioSession().create_client("sqs", **aws_settings) as client:
        yield client


@pytest_asyncio.fixture
async def eventbridge(aws_settings: dict[str, Any]) -> AsyncIterator[Any]:
    async with AioSession().create_client("events", **aws_settings) as client:
        yield client
