"""The in-process stand-ins every unit test uses: an aiobotocore client, a clock, service errors."""

from __future__ import annotations

import asyncio
import inspect
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from types import SimpleNamespace
from typing import Any

from botocore import xform_name
from botocore.exceptions import ClientError

from transcribe_kit import ServiceError
from transcribe_kit._error_mapping import translate

#: What the service answers for a job or vocabulary that does not exist.
NOT_FOUND_MESSAGE = "The requested job couldn't be found. Check the job name and try again."

Answer = (
    dict[str, Any]
    | BaseException
    | Callable[[dict[str, Any]], dict[str, Any]]
    | Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]
)


def service_error(
    code: str = "BadRequestException",
    message: str | None = None,
    *,
    operation: str = "GetTranscriptionJob",
    status: int | None = 400,
    request_id: str | None = "req-1",
    headers: dict[str, str] | None = None,
    reason: str | None = None,
) -> ClientError:
    """The ``ClientError`` botocore raises for an error answer with this code and message."""
    response: dict[str, Any] = {"Error": {"Code": code, "Message": message or f"{code}."}}
    metadata: dict[str, Any] = {}
    if status is not None:
        metadata["HTTPStatusCode"] = status
    if request_id is not None:
        metadata["RequestId"] = request_id
    if headers is not None:
        metadata["HTTPHeaders"] = headers
    if metadata:
        response["ResponseMetadata"] = metadata
    if reason is not None:
        response["Reason"] = reason
    return ClientError(response, operation)


def typed_error(
    code: str = "BadRequestException", message: str | None = None, **answer: Any
) -> Any:
    """The typed error the client raises for :func:`service_error`'s answer."""
    raised = service_error(code, message, **answer)
    mapped = translate(raised, answer.get("operation", "GetTranscriptionJob"))
    assert isinstance(mapped, ServiceError)
    return mapped


def not_found(operation: str = "GetTranscriptionJob") -> ClientError:
    """The error the service answers for a job or vocabulary that does not exist."""
    return service_error("BadRequestException", NOT_FOUND_MESSAGE, operation=operation)


async def never_answers(params: dict[str, Any]) -> dict[str, Any]:
    """An answer that never comes (a server that keeps the connection open, silent)."""
    await asyncio.Event().wait()
    raise AssertionError("unreachable")


class FakeAioClient:
    """An aiobotocore Transcribe client that answers from a script and records every call.

    ``script(operation_name, *answers)`` queues answers: a response dict, an exception to
    raise, or a function (plain or async) of the request params. The last answer of an
    operation repeats. ``default`` answers every operation nothing is scripted for; without
    one, such a call fails the test.
    """

    #: Where the client says it is (a subclass may say otherwise).
    meta = SimpleNamespace(region_name="us-east-1", endpoint_url="http://127.0.0.1:9")

    def __init__(self, default: Answer | None = None) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._answers: dict[str, deque[Answer]] = {}
        self._default = default

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
            if queue:
                answer = queue.popleft() if len(queue) > 1 else queue[0]
            elif self._default is not None:
                answer = self._default
            else:
                raise AssertionError(f"unexpected call to {method}({params})")
            if isinstance(answer, BaseException):
                raise answer
            if callable(answer):
                result = answer(params)
                return await result if inspect.isawaitable(result) else result
            return answer

        return call


class FakeClock:
    """A clock whose sleeps return at once and move its time forward by the amount asked.

    With ``blocking=True`` every sleep blocks until :meth:`release` (or a cancellation);
    ``sleeping`` is set once one has begun: for tests that stop a waiter while it waits.
    With ``advances=False`` sleeps leave the time where it is (callers arriving together).
    """

    def __init__(
        self, start: float = 1000.0, *, blocking: bool = False, advances: bool = True
    ) -> None:
        self.now = start
        self.sleeps: list[float] = []
        self.blocking = blocking
        self.advances = advances
        self.sleeping = asyncio.Event()
        self._released = asyncio.Event()

    def monotonic(self) -> float:
        return self.now

    def __call__(self) -> float:
        """The time, for code that takes a plain clock function (a wall clock)."""
        return self.now

    def release(self) -> None:
        """Let every blocked sleep, and every later one, return."""
        self._released.set()

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.sleeping.set()
        if self.blocking:
            await self._released.wait()
        if self.advances:
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


class JobTable:
    """Transcription jobs whose statuses follow a FakeClock, served as List and Get answers.

    Each job is QUEUED until ``runs_at``, then IN_PROGRESS until ``ends_at``, then its final
    status. List answers newest first (as the service does) with offset tokens.
    """

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.jobs: dict[str, tuple[float, float, float, str]] = {}

    def add(self, name: str, *, runs_at: float, ends_at: float, final: str = "COMPLETED") -> None:
        self.jobs[name] = (self.clock.now, runs_at, ends_at, final)

    def status(self, name: str) -> str:
        _, runs_at, ends_at, final = self.jobs[name]
        now = self.clock.now
        return "QUEUED" if now < runs_at else "IN_PROGRESS" if now < ends_at else final

    def running(self) -> int:
        """How many jobs are QUEUED or IN_PROGRESS."""
        return sum(1 for name in self.jobs if self.status(name) in ("QUEUED", "IN_PROGRESS"))

    def summary(self, name: str) -> dict[str, Any]:
        created = self.jobs[name][0]
        status = self.status(name)
        summary: dict[str, Any] = {
            "TranscriptionJobName": name,
            "CreationTime": created,
            "TranscriptionJobStatus": status,
        }
        if status in ("COMPLETED", "FAILED"):
            summary["CompletionTime"] = self.jobs[name][2]
        if status == "FAILED":
            summary["FailureReason"] = f"{name} could not be read"
        return summary

    def list_answer(self, params: dict[str, Any]) -> dict[str, Any]:
        newest_first = sorted(self.jobs, key=lambda name: self.jobs[name][0], reverse=True)
        matching = [
            n for n in newest_first if self.status(n) == params.get("Status", self.status(n))
        ]
        start = int(params.get("NextToken", "0"))
        end = start + params.get("MaxResults", 5)
        answer: dict[str, Any] = {
            "TranscriptionJobSummaries": [self.summary(n) for n in matching[start:end]]
        }
        if end < len(matching):
            answer["NextToken"] = str(end)
        return answer

    def get_answer(self, params: dict[str, Any]) -> dict[str, Any]:
        name = params["TranscriptionJobName"]
        if name not in self.jobs:
            raise not_found("GetTranscriptionJob")
        return {"TranscriptionJob": self.summary(name)}

    def serve(self, fake: FakeAioClient) -> FakeAioClient:
        return fake.script("ListTranscriptionJobs", self.list_answer).script(
            "GetTranscriptionJob", self.get_answer
        )
