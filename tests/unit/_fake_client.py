"""A stand-in for an aiobotocore Transcribe client that records the calls it gets."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any


class RecordingClient:
    """Answers every operation with ``answer`` (or raises it), recording name and params."""

    def __init__(self, answer: dict[str, Any] | Exception | None = None) -> None:
        self.answer = {} if answer is None else answer
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def __getattr__(self, name: str) -> Callable[..., Awaitable[dict[str, Any]]]:
        if name.startswith("_"):
            raise AttributeError(name)

        async def call(**params: Any) -> dict[str, Any]:
            self.calls.append((name, params))
            if isinstance(self.answer, Exception):
                raise self.answer
            return self.answer

        return call
