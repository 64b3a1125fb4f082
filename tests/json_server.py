"""A loopback HTTP server that answers every Transcribe call with the body a test sets.

It runs in the test's own event loop on 127.0.0.1, on a port the system picks, and is
reached through a real aiobotocore client (``endpoint_url``), so that an answer goes
through HTTP, botocore's parser and transcribe_kit exactly as a service's would.
"""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from aiobotocore.session import get_session
from aiohttp import web
from botocore.config import Config
from botocore.model import Shape

from tests.loopback import serve
from transcribe_kit import RateLimits, RetryPolicy, TranscribeClient

CREDENTIALS: dict[str, Any] = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


class JsonServer:
    """Answers each request with :attr:`status` and :attr:`body`; records the targets."""

    def __init__(self) -> None:
        self.status = 200
        self.body = b"{}"
        self.targets: list[str] = []
        self.endpoint_url = ""

    def answer(self, body: object, status: int = 200) -> None:
        """Answer ``body`` (JSON-encoded unless bytes) with ``status`` from now on."""
        self.body = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.status = status

    async def _handle(self, request: web.Request) -> web.Response:
        await request.read()
        self.targets.append(request.headers.get("X-Amz-Target", ""))
        return web.Response(
            body=self.body,
            status=self.status,
            content_type="application/x-amz-json-1.1",
            headers={"x-amzn-RequestId": "00000000-0000-4000-8000-000000000001"},
        )


@asynccontextmanager
async def json_server() -> AsyncIterator[JsonServer]:
    """A :class:`JsonServer` listening on 127.0.0.1 until the block ends."""
    server = JsonServer()
    app = web.Application()
    app.router.add_post("/", server._handle)
    runner = web.AppRunner(app, access_log=None)
    server.endpoint_url = await serve(runner)
    try:
        yield server
    finally:
        await runner.cleanup()


#: How the TranscribeClient gets its aiobotocore client: made by itself (``"own"``), or
#: passed in from a plain aiobotocore session (``"plain"``: botocore's own timestamp
#: parser, local time, and the older model of the installed botocore).
FLAVOURS = ("own", "plain")


@asynccontextmanager
async def client_for(server: JsonServer, flavour: str = "own") -> AsyncIterator[TranscribeClient]:
    """An open TranscribeClient on ``server``: one try per call, no rate limits."""
    settings: dict[str, Any] = {
        "retry_policy": RetryPolicy.none(),
        "rate_limits": RateLimits.disabled(),
    }
    if flavour == "own":
        async with TranscribeClient(
            region_name="us-east-1", endpoint_url=server.endpoint_url, **CREDENTIALS, **settings
        ) as client:
            yield client
        return
    async with (
        get_session().create_client(
            "transcribe",
            region_name="us-east-1",
            endpoint_url=server.endpoint_url,
            config=Config(retries={"total_max_attempts": 1}),
            **CREDENTIALS,
        ) as raw,
        TranscribeClient(client=raw, **settings) as client,
    ):
        yield client


def to_json(shape: Shape, value: Any) -> Any:
    """``value`` (as botocore parses a member of ``shape``) as the JSON protocol writes it."""
    kind = shape.type_name
    if kind == "structure":
        return {name: to_json(shape.members[name], item) for name, item in value.items()}
    if kind == "list":
        return [to_json(shape.member, item) for item in value]
    if kind == "map":
        return {key: to_json(shape.value, item) for key, item in value.items()}
    if kind == "timestamp" and isinstance(value, datetime):
        return value.timestamp()
    if kind == "blob" and isinstance(value, bytes):
        return base64.b64encode(value).decode()
    return value
