"""Waiters: poll a job, vocabulary or language model until it reaches a final status.

The seven conditions are botocore's (``TranscriptionJobCompleted``, ``VocabularyReady``,
...), with these differences:

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

import attrs

from transcribe_kit._clock import Clock, DeadlineExceededError, SystemClock
from transcribe_kit._pacing import Pacing
from transcribe_kit.config import DEFAULT_WAIT_POLICY, WaitPolicy
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

__all__ = ["DEFAULT_WAIT_POLICY", "Clock", "SystemClock", "WaitPolicy", "Waiter"]


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
        condition = self._condition
        pacing = Pacing(self._policy, self._clock)
        previous: str | object | None = _NOTHING_SEEN
        last: ResourceT | None = None
        async for _ in pacing:
            try:
                resource = await pacing.within(self._read())
            except DeadlineExceededError:
                raise self._timed_out(pacing, last) from None
            last = resource
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
        raise self._timed_out(pacing, last)

    def _timed_out(self, pacing: Pacing, last: ResourceT | None) -> WaitTimeoutError:
        condition = self._condition
        attempts_ran_out = pacing.exhausted == "attempts"
        why = f"{pacing.attempts} polls" if attempts_ran_out else f"{self._policy.timeout:g} s"
        state = "gave no answer" if last is None else f"was still {condition.status_of(last)}"
        return WaitTimeoutError(
            f"{condition.kind} {self._name!r} {state} after {why}",
            last_seen=last,
            attempts=pacing.attempts,
            elapsed=pacing.elapsed,
            operation_name=condition.operation_name,
        )


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
