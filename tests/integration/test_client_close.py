"""Closing a client while calls are in flight: those callers get ClientClosedError, at once.

A loopback server holds every request until the test ends, standing in for a slow
Transcribe endpoint and a slow S3 object.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
import pytest_asyncio
from aiohttp import web

from tests.loopback import serve
from transcribe_kit import (
    ClientClosedError,
    GetTranscriptionJobRequest,
    RetryPolicy,
    TranscribeClient,
)

#: Long enough that a retried call could not end within the tests' bound.
BACKOFF = RetryPolicy(max_attempts=4, initial_backoff=30, jitter=0)
BOUND = 10.0


class HoldingServer:
    """Answers nothing until released; records each request's method and path."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.arrived = asyncio.Event()
        self.release = asyncio.Event()
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self.hold)
        self.runner = web.AppRunner(app)
        self.url = ""

    async def hold(self, request: web.Request) -> web.Response:
        self.requests.append(f"{request.method} {request.path}")
        self.arrived.set()
        await self.release.wait()
        return web.Response(status=503)

    async def start(self) -> None:
        self.url = await serve(self.runner)

    async def stop(self) -> None:
        self.release.set()
        await self.runner.cleanup()


@pytest_asyncio.fixture
async def server() -> AsyncIterator[HoldingServer]:
    holding = HoldingServer()
    await holding.start()
    yield holding
    await holding.stop()


def _client(server: HoldingServer) -> TranscribeClient:
    return TranscribeClient(
        region_name="us-east-1",
        endpoint_url=server.url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        retry_policy=BACKOFF,
    )


Call = Callable[[TranscribeClient, str], Awaitable[Any]]


def _get_job(tk: TranscribeClient, endpoint: str) -> Awaitable[Any]:
    return tk.get_transcription_job(GetTranscriptionJobRequest(transcription_job_name="j"))


def _read_object(tk: TranscribeClient, endpoint: str) -> Awaitable[Any]:
    # A path-style URL on the client's endpoint names an S3 object (a local S3).
    return tk.fetch_transcript(f"{endpoint}/bucket/t.json")


def _view_get_job(tk: TranscribeClient, endpoint: str) -> Awaitable[Any]:
    return _get_job(tk.with_options(retry_policy=BACKOFF), endpoint)


CALLS = [
    pytest.param(_get_job, id="transcribe-call"),
    pytest.param(_view_get_job, id="call-through-a-view"),
    pytest.param(_read_object, id="s3-document-read"),
]


@pytest.mark.parametrize("call", CALLS)
async def test_a_call_in_flight_when_the_client_closes_raises_client_closed(
    server: HoldingServer, call: Call, caplog: pytest.LogCaptureFixture
) -> None:
    tk = await _client(server).__aenter__()
    in_flight = asyncio.ensure_future(call(tk, server.url))
    await asyncio.wait_for(server.arrived.wait(), BOUND)

    with caplog.at_level(logging.WARNING, logger="transcribe_kit"):
        await tk.close()
        with pytest.raises(ClientClosedError, match=r"closed while \w+ was in flight"):
            await asyncio.wait_for(in_flight, BOUND)

    # Not retried: one request, and no retry announced.
    assert len(server.requests) == 1
    assert "retrying" not in caplog.text


@pytest.mark.parametrize("call", CALLS)
async def test_a_call_after_close_raises_client_closed(server: HoldingServer, call: Call) -> None:
    async with _client(server) as tk:
        pass

    with pytest.raises(ClientClosedError, match="not open"):
        await asyncio.wait_for(call(tk, server.url), BOUND)

    assert server.requests == []
