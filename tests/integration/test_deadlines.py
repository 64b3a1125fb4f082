"""Deadlines are hard: a call that never answers does not stretch a wait past its timeout."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable

import pytest
import pytest_asyncio
from botocore.config import Config

from transcribe_kit import RateLimits, TranscribeClient, WaitPolicy, WaitTimeoutError


@pytest_asyncio.fixture
async def silent_endpoint() -> AsyncIterator[str]:
    """An HTTP endpoint on 127.0.0.1 that reads every request and never answers."""
    connections: list[asyncio.StreamWriter] = []

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(writer)
        while await reader.read(65536):
            pass

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        for writer in connections:
            writer.close()
        server.close()
        await server.wait_closed()


def _client(endpoint_url: str) -> TranscribeClient:
    # A read timeout of 4 s and the default retry policy: without a hard deadline, one
    # Get alone takes four tries of 4 s.
    return TranscribeClient(
        region_name="us-east-1",
        endpoint_url=endpoint_url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(read_timeout=4, connect_timeout=1),
        rate_limits=RateLimits.disabled(),
    )


async def _timed_out(wait: Awaitable[object]) -> tuple[WaitTimeoutError, float]:
    """The WaitTimeoutError ``wait`` raises, and the seconds it took to raise it."""
    started = time.monotonic()
    with pytest.raises(WaitTimeoutError) as caught:
        await asyncio.wait_for(wait, 30)
    return caught.value, time.monotonic() - started


async def test_a_waiter_whose_get_never_answers_gives_up_at_its_timeout(
    silent_endpoint: str,
) -> None:
    async with _client(silent_endpoint) as tk:
        error, elapsed = await _timed_out(
            tk.wait_for_transcription_job("meeting-42", policy=WaitPolicy(timeout=2))
        )

    assert 1.5 <= elapsed < 3.0
    assert error.last_seen is None
    assert error.attempts == 1


async def test_a_watcher_whose_lists_never_answer_gives_up_at_its_timeout(
    silent_endpoint: str,
) -> None:
    async with _client(silent_endpoint) as tk:
        error, elapsed = await _timed_out(
            tk.wait_all(["meeting-42", "meeting-43"], policy=WaitPolicy(timeout=2))
        )

    assert 1.5 <= elapsed < 3.0
    assert error.last_seen == {"meeting-42": None, "meeting-43": None}
