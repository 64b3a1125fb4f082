"""Waiters: poll a job, vocabulary or language model until it reaches a final status.

The seven waiters are botocore's (``TranscriptionJobCompleted``, ``VocabularyReady``,
...), each reading what its kind of resource is from the registry of kinds (its Get
operation, status member and final statuses), with these differences:

- the delay between polls starts short and grows with jitter to a cap (a
  :class:`WaitPolicy`), instead of a fixed 10 s (120 s for language models);
- the deadline is hard: a poll still in flight when it passes is cut off;
- success returns the final typed resource; FAILED raises
  :class:`~transcribe_kit.ResourceFailedError` with the resource and its
  ``FailureReason``; the deadline or the attempt limit raises
  :class:`~transcribe_kit.WaitTimeoutError` with the last state seen; a resource that
  disappears raises the client's not-found error;
- ``on_change`` is called with each new status seen, and iterating a :class:`Waiter`
  yields them::

      job = await tk.wait_for_transcription_job("meeting-42")

      async for job in tk.wait_for_transcription_job("meeting-42"):
          print(job.transcription_job_status)

A waiter is a plain coroutine: cancelling it (or ``asyncio.timeout``) stops polling at
once and leaves nothing running.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from typing import Any, Final, Generic, TypeVar

from transcribe_kit._clock import Clock, DeadlineExceededError, SystemClock
from transcribe_kit._kinds import ResourceKind
from transcribe_kit._pacing import Pacing
from transcribe_kit.config import DEFAULT_WAIT_POLICY, WaitPolicy
from transcribe_kit.errors import ResourceFailedError, TranscribeError, WaitTimeoutError

__all__ = ["DEFAULT_WAIT_POLICY", "Clock", "SystemClock", "WaitPolicy", "Waiter"]


ResourceT = TypeVar("ResourceT")


class Waiter(Generic[ResourceT]):
    """Polls one resource: ``await`` it for the final state, or iterate the changes.

    Awaiting returns the resource once its status is the success status. Iterating
    (``async for``) yields the resource each time its status differs from the last one
    seen, the final one included. Either way a FAILED status raises
    :class:`~transcribe_kit.ResourceFailedError`, running out of time or attempts
    :class:`~transcribe_kit.WaitTimeoutError`, and errors of the Get call (the
    not-found error of a deleted resource among them) propagate.
    """

    def __init__(
        self,
        kind: ResourceKind[ResourceT, Any],
        name: str,
        get: Callable[[], Awaitable[object]],
        *,
        policy: WaitPolicy,
        clock: Clock,
        on_change: Callable[[ResourceT], object] | None = None,
    ) -> None:
        self._read = _reader(kind, name, get)
        self._kind = kind
        self._name = name
        self._policy = policy
        self._clock = clock
        self._on_change = on_change

    def __await__(self) -> Generator[Any, None, ResourceT]:
        return self._final().__await__()

    def __aiter__(self) -> AsyncIterator[ResourceT]:
        return self._changes()

    async def _final(self) -> ResourceT:
        async for resource in self._changes():
            last = resource
        return last

    async def _changes(self) -> AsyncIterator[ResourceT]:
        kind = self._kind
        pacing = Pacing(self._policy, self._clock)
        previous: str | object | None = _NOTHING_SEEN
        last: ResourceT | None = None
        async for _ in pacing:
            try:
                resource = await pacing.within(self._read())
            except DeadlineExceededError:
                raise self._timed_out(pacing, last) from None
            last = resource
            status = kind.status_of(resource)
            if status != previous:
                previous = status
                if self._on_change is not None:
                    self._on_change(resource)
                if status == kind.failure:
                    reason = kind.failure_reason_of(resource)
                    raise ResourceFailedError(
                        f"{kind.noun} {self._name!r} failed: {reason or 'no reason given'}",
                        name=self._name,
                        resource=resource,
                        failure_reason=reason,
                        operation_name=kind.operations.get,
                    )
                yield resource
            if status == kind.success:
                return
        raise self._timed_out(pacing, last)

    def _timed_out(self, pacing: Pacing, last: ResourceT | None) -> WaitTimeoutError:
        kind = self._kind
        attempts_ran_out = pacing.exhausted == "attempts"
        why = f"{pacing.attempts} polls" if attempts_ran_out else f"{self._policy.timeout:g} s"
        state = "gave no answer" if last is None else f"was still {kind.status_of(last)}"
        return WaitTimeoutError(
            f"{kind.noun} {self._name!r} {state} after {why}",
            last_seen=last,
            attempts=pacing.attempts,
            elapsed=pacing.elapsed,
            operation_name=kind.operations.get,
        )


_NOTHING_SEEN: Final = object()


def _reader(
    kind: ResourceKind[ResourceT, Any], name: str, get: Callable[[], Awaitable[object]]
) -> Callable[[], Awaitable[ResourceT]]:
    async def read() -> ResourceT:
        resource = kind.resource_of(await get())
        if resource is None:
            raise TranscribeError(
                f"{kind.operations.get} answered without the {kind.noun} {name!r}",
                operation_name=kind.operations.get,
            )
        return resource

    return read
