"""A loopback HTTP proxy in front of the local backend that injects faults on chosen calls."""

from __future__ import annotations

import asyncio
import contextlib
import enum
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Final

import aiohttp
from aiohttp import web

from tests.loopback import serve

#: Headers that describe one hop's framing, not the message: never copied across.
_HOP_HEADERS: Final = frozenset(
    {"host", "content-length", "transfer-encoding", "connection", "content-encoding"}
)

#: The longest a slow answer is held back; the client gives up long before.
SLOW_ANSWER_BOUND: Final = 30.0


class FaultKind(enum.Enum):
    THROTTLE = "a 400 ThrottlingException"
    LIMIT_EXCEEDED = "a 400 LimitExceededException"
    SERVER_ERROR = "a 500 InternalFailureException"
    DROP_BEFORE = "the connection dropped before the request is forwarded"
    DROP_AFTER = "the connection dropped after the request was carried out"
    SLOW = "the answer held back past the client's read timeout"


@dataclass(frozen=True)
class Fault:
    """``kind`` on the listed calls (1 is the first) of ``operation``."""

    operation: str
    kind: FaultKind
    on_calls: frozenset[int] = frozenset({1})
    retry_after: str | None = None


_ERROR_ANSWERS: Final = {
    FaultKind.THROTTLE: (400, "ThrottlingException", "Rate exceeded"),
    FaultKind.LIMIT_EXCEEDED: (400, "LimitExceededException", "Limit exceeded"),
    FaultKind.SERVER_ERROR: (500, "InternalFailureException", "Internal failure"),
}


class FaultProxy:
    """Forwards every request to ``upstream``, except the calls its faults name.

    Faults fire only on the call numbers they list, so every plan is finite. ``calls``
    counts the requests per operation that reached the proxy; ``injected`` lists the
    faults that fired.
    """

    def __init__(self, upstream: str, faults: Sequence[Fault] = ()) -> None:
        self.upstream = upstream
        self.faults = list(faults)
        self.calls: Counter[str] = Counter()
        self.injected: list[tuple[str, int, FaultKind]] = []
        self._release_slow_answers = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None
        self.url = ""

    async def __aenter__(self) -> FaultProxy:
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self._handle)
        self._runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=5)
        self.url = await serve(self._runner)
        self._session = aiohttp.ClientSession()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._release_slow_answers.set()
        if self._runner is not None:
            await self._runner.cleanup()
        if self._session is not None:
            await self._session.close()

    def _fault_for(self, operation: str, call: int) -> Fault | None:
        return next(
            (f for f in self.faults if f.operation == operation and call in f.on_calls), None
        )

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        operation = request.headers.get("X-Amz-Target", "").rpartition(".")[2]
        self.calls[operation] += 1
        call = self.calls[operation]
        body = await request.read()
        fault = self._fault_for(operation, call)
        if fault is None:
            return await self._forward(request, body)
        self.injected.append((operation, call, fault.kind))
        if fault.kind in _ERROR_ANSWERS:
            status, code, message = _ERROR_ANSWERS[fault.kind]
            headers = {"x-amzn-RequestId": f"fault-{operation}-{call}"}
            if fault.retry_after is not None:
                headers["Retry-After"] = fault.retry_after
            return web.Response(
                status=status,
                body=json.dumps({"__type": code, "message": message}).encode(),
                content_type="application/x-amz-json-1.1",
                headers=headers,
            )
        if fault.kind is FaultKind.DROP_BEFORE:
            return self._drop(request)
        answer = await self._forward(request, body)
        if fault.kind is FaultKind.DROP_AFTER:
            return self._drop(request)
        # SLOW: hold the answer until the proxy closes (bounded, should the client not go).
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._release_slow_answers.wait(), SLOW_ANSWER_BOUND)
        return answer

    @staticmethod
    def _drop(request: web.Request) -> web.StreamResponse:
        transport = request.transport
        assert transport is not None
        transport.abort()
        return web.Response(status=204)

    async def _forward(self, request: web.Request, body: bytes) -> web.Response:
        assert self._session is not None
        headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_HEADERS}
        async with self._session.request(
            request.method, self.upstream + request.path_qs, headers=headers, data=body
        ) as upstream:
            payload = await upstream.read()
            answer_headers = {
                k: v for k, v in upstream.headers.items() if k.lower() not in _HOP_HEADERS
            }
            return web.Response(status=upstream.status, body=payload, headers=answer_headers)
