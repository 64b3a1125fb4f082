"""In-process stand-ins for an aiobotocore Transcribe client and for the clock."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from botocore import xform_name
from botocore.exceptions import ClientError

Answer = dict[str, Any] | Exception | Callable[[dict[str, Any]], dict[str, Any]]


def not_found(operation_name: str) -> ClientError:
    """The error the service answers for a job or vocabulary that does not exist."""
    return ClientError(
        {
            "Error": {
                "Code": "BadRequestException",
                "Message": "The requested job couldn't be found. Check the job name.",
            },
            "ResponseMetadata": {"HTTPStatusCode": 400, "RequestId": "req-1"},
        },
        operation_name,
    )


class FakeAioClient:
    """Answers each operation from a script of responses and records every call.

    ``script(operation_name, *answers)`` queues answers: a response dict, an exception to
    raise, or a function of the request params. The last answer of an operation repeats.
    An operation called with nothing scripted fails the test.
    """

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._answers: dict[str, deque[Answer]] = {}

    def script(self, operation_name: str, *answers: Answer) -> FakeAioClient:
        self._answers.setdefault(xform_name(operation_name), deque()).extend(answers)
        return self

    def calls_to(self, operation_name: str) -> list[dict[str, Any]]:
        method = xform_name(operation_name)
        return [params for name, params in self.calls if name == method]

    def __getattr__(self, method: str) -> Callable[..., Awaitable[dict[str, Any]]]:
        if method.startswith("_"):
            raise AttributeError(method)

        async def call(**params: Any) -> dict[str, Any]:
            self.calls.append((method, params))
            queue = self._answers.get(method)
            if not queue:
                raise AssertionError(f"unexpected call to {method}({params})")
            answer = queue.popleft() if len(queue) > 1 else queue[0]
            if isinstance(answer, Exception):
                raise answer
            if callable(answer):
                return answer(params)
            return answer

        return call


class FakeClock:
    """A clock whose sleeps return at once and move its time forward by the amount asked."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds
        # Let other tasks (a canceller, a timeout) run as a real sleep would.
        await asyncio.sleep(0)


def pages(items: Iterable[dict[str, Any]], key: str, size: int) -> list[dict[str, Any]]:
    """``items`` cut into List responses of ``size`` items, chained by offset tokens."""
    every = list(items)
    answers = []
    for start in range(0, max(len(every), 1), size):
        page: dict[str, Any] = {key: every[start : start + size]}
        if start + size < len(every):
            page["NextToken"] = f"token-{start + size}"
        answers.append(page)
    return answers
