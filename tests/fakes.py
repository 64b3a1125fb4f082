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

    def __call__(self) -> float:
        """The time, for code that takes a plain clock function."""
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

    def summary(self, name: str) -> dict[str, Any]:
        created = self.jobs[name][0]
        status = self.status(name)
        summary: dict[str, Any] = {
            "TranscriptionJobName": name,
            "CreationTime": created,
            "TranscriptionJobStatus": status,
        }
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
