"""Waiters: poll a job, vocabulary or language model until it reaches a final status.

The seven conditions are botocore's (``TranscriptionJobCompleted``, ``VocabularyReady``,
...), with these differences:

- the delay between polls starts short and grows with jitter to a cap (a
  :class:`WaitPolicy`), instead of a fixed 10 s (120 s for language models);
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

import asyncio
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import Any, Final, Generic, Protocol, TypeVar

import attrs

from transcribe_kit.errors import ResourceFailedError, TranscribeError, WaitTimeoutError
from transcribe_kit.shapes.call_analytics import CallAnalyticsJob, GetCallAnalyticsJobResponse
from transcribe_kit.shapes.language_models import DescribeLanguageModelResponse, LanguageModel
from transcribe_kit.shapes.medical import (
    GetMedicalTranscriptionJobResponse,
    GetMedicalVocabularyResponse,
    MedicalTranscriptionJob,
)
from transcribe_kit.shapes.medical_scribe import GetMedicalScribeJobResponse, MedicalScribeJob
from transcribe_kit.shapes.transcription_jobs import GetTranscriptionJobResponse, TranscriptionJob
from transcribe_kit.shapes.vocabularies import GetVocabularyResponse


class Clock(Protocol):
    """Where waiters read the time and sleep; replace it to test without waiting."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary origin that never go backwards."""

    async def sleep(self, seconds: float) -> None:
        """Return after ``seconds``."""


class SystemClock:
    """The real clock: :func:`time.monotonic` and :func:`asyncio.sleep`."""

    def monotonic(self) -> float:
        """:func:`time.monotonic`."""
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        """:func:`asyncio.sleep`."""
        await asyncio.sleep(seconds)


def _positive(instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and value <= 0:
        raise ValueError(f"{attribute.name} must be positive (is {value})")


def _fraction(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if not 0 <= value < 1:
        raise ValueError(f"{attribute.name} must be at least 0 and less than 1 (is {value})")


@attrs.frozen(kw_only=True)
class WaitPolicy:
    """How a waiter paces its polls and when it gives up.

    The n-th delay is ``min(max_delay, initial_delay * multiplier ** n)``, shortened by a
    random fraction of up to ``jitter`` so that many waiters do not poll in step. The
    waiter gives up after ``timeout`` seconds in all (``None``: never) or
    ``max_attempts`` polls (``None``: no limit), whichever comes first; the last sleep is
    cut short to poll once more at the deadline. Seconds throughout.
    """

    initial_delay: float = attrs.field(default=1.0, validator=_positive)
    max_delay: float = attrs.field(default=20.0, validator=_positive)
    multiplier: float = attrs.field(default=2.0, validator=_positive)
    jitter: float = attrs.field(default=0.2, validator=_fraction)
    #: Six hours: audio may be four hours long and jobs may queue first.
    timeout: float | None = attrs.field(default=6 * 3600.0, validator=_positive)
    max_attempts: int | None = attrs.field(default=None, validator=_positive)

    def delays(self, rng: random.Random | None = None) -> Iterator[float]:
        """The delays between polls, in order (an endless iterator)."""
        draw = (rng or random).random
        base = self.initial_delay
        while True:
            capped = min(base, self.max_delay)
            yield capped * (1 - self.jitter * draw())
            base = capped * self.multiplier


DEFAULT_WAIT_POLICY: Final = WaitPolicy()

ResponseT = TypeVar("ResponseT")
ResourceT = TypeVar("ResourceT")


@attrs.frozen
class Condition(Generic[ResponseT, ResourceT]):
    """What one waiter reads: the resource in a Get response, its status and final values."""

    kind: str
    operation_name: str
    resource_of: Callable[[ResponseT], ResourceT | None]
    status_of: Callable[[ResourceT], str | None]
    failure_reason_of: Callable[[ResourceT], str | None]
    success: str
    failure: str


TRANSCRIPTION_JOB_COMPLETED: Final[Condition[GetTranscriptionJobResponse, TranscriptionJob]] = (
    Condition(
        "transcription job",
        "GetTranscriptionJob",
        lambda response: response.transcription_job,
        lambda job: job.transcription_job_status,
        lambda job: job.failure_reason,
        "COMPLETED",
        "FAILED",
    )
)
MEDICAL_TRANSCRIPTION_JOB_COMPLETED: Final[
    Condition[GetMedicalTranscriptionJobResponse, MedicalTranscriptionJob]
] = Condition(
    "medical transcription job",
    "GetMedicalTranscriptionJob",
    lambda response: response.medical_transcription_job,
    lambda job: job.transcription_job_status,
    lambda job: job.failure_reason,
    "COMPLETED",
    "FAILED",
)
CALL_ANALYTICS_JOB_COMPLETED: Final[Condition[GetCallAnalyticsJobResponse, CallAnalyticsJob]] = (
    Condition(
        "Call Analytics job",
        "GetCallAnalyticsJob",
        lambda response: response.call_analytics_job,
        lambda job: job.call_analytics_job_status,
        lambda job: job.failure_reason,
        "COMPLETED",
        "FAILED",
    )
)
MEDICAL_SCRIBE_JOB_COMPLETED: Final[Condition[GetMedicalScribeJobResponse, MedicalScribeJob]] = (
    Condition(
        "medical scribe job",
        "GetMedicalScribeJob",
        lambda response: response.medical_scribe_job,
        lambda job: job.medical_scribe_job_status,
        lambda job: job.failure_reason,
        "COMPLETED",
        "FAILED",
    )
)
VOCABULARY_READY: Final[Condition[GetVocabularyResponse, GetVocabularyResponse]] = Condition(
    "vocabulary",
    "GetVocabulary",
    lambda response: response,
    lambda vocabulary: vocabulary.vocabulary_state,
    lambda vocabulary: vocabulary.failure_reason,
    "READY",
    "FAILED",
)
MEDICAL_VOCABULARY_READY: Final[
    Condition[GetMedicalVocabularyResponse, GetMedicalVocabularyResponse]
] = Condition(
    "medical vocabulary",
    "GetMedicalVocabulary",
    lambda response: response,
    lambda vocabulary: vocabulary.vocabulary_state,
    lambda vocabulary: vocabulary.failure_reason,
    "READY",
    "FAILED",
)
LANGUAGE_MODEL_COMPLETED: Final[Condition[DescribeLanguageModelResponse, LanguageModel]] = (
    Condition(
        "language model",
        "DescribeLanguageModel",
        lambda response: response.language_model,
        lambda model: model.model_status,
        lambda model: model.failure_reason,
        "COMPLETED",
        "FAILED",
    )
)


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
        condition: Condition[ResponseT, ResourceT],
        name: str,
        get: Callable[[], Awaitable[ResponseT]],
        *,
        policy: WaitPolicy,
        clock: Clock,
        on_change: Callable[[ResourceT], object] | None = None,
    ) -> None:
        self._read = _reader(condition, name, get)
        self._condition: Condition[Any, ResourceT] = condition
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
        condition, policy, clock = self._condition, self._policy, self._clock
        started = clock.monotonic()
        deadline = None if policy.timeout is None else started + policy.timeout
        delays = policy.delays()
        attempts = 0
        previous: str | object | None = _NOTHING_SEEN
        while True:
            resource = await self._read()
            attempts += 1
            status = condition.status_of(resource)
            if status != previous:
                previous = status
                if self._on_change is not None:
                    self._on_change(resource)
                if status == condition.failure:
                    reason = condition.failure_reason_of(resource)
                    raise ResourceFailedError(
                        f"{condition.kind} {self._name!r} failed: {reason or 'no reason given'}",
                        name=self._name,
                        resource=resource,
                        failure_reason=reason,
                        operation_name=condition.operation_name,
                    )
                yield resource
            if status == condition.success:
                return
            now = clock.monotonic()
            out_of_attempts = policy.max_attempts is not None and attempts >= policy.max_attempts
            if out_of_attempts or (deadline is not None and now >= deadline):
                why = f"{attempts} polls" if out_of_attempts else f"{policy.timeout:g} s"
                raise WaitTimeoutError(
                    f"{condition.kind} {self._name!r} was still {status} after {why}",
                    last_seen=resource,
                    attempts=attempts,
                    elapsed=now - started,
                    operation_name=condition.operation_name,
                )
            delay = next(delays)
            await clock.sleep(delay if deadline is None else min(delay, deadline - now))


_NOTHING_SEEN: Final = object()


def _reader(
    condition: Condition[ResponseT, ResourceT], name: str, get: Callable[[], Awaitable[ResponseT]]
) -> Callable[[], Awaitable[ResourceT]]:
    async def read() -> ResourceT:
        resource = condition.resource_of(await get())
        if resource is None:
            raise TranscribeError(
                f"{condition.operation_name} answered without the {condition.kind} {name!r}",
                operation_name=condition.operation_name,
            )
        return resource

    return read
