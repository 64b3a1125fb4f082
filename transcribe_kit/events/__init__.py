"""Job-state events: what Amazon Transcribe publishes to EventBridge, typed and consumed.

Past one process, polling does not scale: every process that lists jobs shares the
account's ``ListTranscriptionJobs`` quota of 5 requests a second. Transcribe publishes
an event to the default EventBridge bus when a job reaches COMPLETED or FAILED; a rule
sends those of your jobs to an SQS queue, and any number of workers consume it:

- :meth:`TranscribeClient.ensure_job_events <transcribe_kit.TranscribeClient.ensure_job_events>`
  creates or checks the queue, its dead-letter queue, the rule and the policy, and
  returns the queue's URL;
- :meth:`TranscribeClient.events <transcribe_kit.TranscribeClient.events>` reads the
  queue as an :class:`EventStream` of :class:`Delivery` objects, each deleted only after
  its block succeeded;
- :func:`sqs_batch_response` does the same in an AWS Lambda function;
- ``as_completed``, ``wait_all`` and ``JobSubmitter`` take ``events=`` (the queue's URL
  or a :class:`JobEventSource`) and sweep with List only for jobs whose event is late
  (:class:`~transcribe_kit.EventWaitPolicy`);
- :func:`parse_event` types one event (:class:`TranscribeEvent`, with a detail shape per
  detail type, or :class:`UnknownDetail`).

Delivery is best effort and at least once: an event may be lost, duplicated, out of
order, or arrive before the worker that started the job has recorded it. The
scaling-out guide says what the library does about each.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from transcribe_kit._lazy import lazy_attributes

if TYPE_CHECKING:
    from transcribe_kit.events._consumer import (
        Delivery,
        EventStream,
        EventStreamStats,
        FinishedJob,
    )
    from transcribe_kit.events._lambda import (
        BatchResponse,
        sqs_batch_response,
        sqs_batch_response_async,
    )
    from transcribe_kit.events._setup import JOB_STATE_CHANGES, NAME_MEMBERS, JobEventsWiring
    from transcribe_kit.events._types import (
        DETAIL_SHAPES,
        SOURCE,
        CallAnalyticsJobStateChange,
        CallAnalyticsPostCallJobStateChange,
        EventDetail,
        KnownDetail,
        LanguageIdentificationStateChange,
        LanguageModelStateChange,
        MultipleLanguageIdentificationStateChange,
        TranscribeEvent,
        TranscriptionJobStateChange,
        UnknownDetail,
        VocabularyStateChange,
        event_key,
        parse_event,
    )
    from transcribe_kit.events._watch import JobEventDelivery, JobEventSource

__all__ = [
    "BatchResponse",
    "CallAnalyticsJobStateChange",
    "CallAnalyticsPostCallJobStateChange",
    "DETAIL_SHAPES",
    "Delivery",
    "EventDetail",
    "EventStream",
    "EventStreamStats",
    "FinishedJob",
    "JOB_STATE_CHANGES",
    "JobEventDelivery",
    "JobEventSource",
    "JobEventsWiring",
    "KnownDetail",
    "LanguageIdentificationStateChange",
    "LanguageModelStateChange",
    "MultipleLanguageIdentificationStateChange",
    "NAME_MEMBERS",
    "SOURCE",
    "TranscribeEvent",
    "TranscriptionJobStateChange",
    "UnknownDetail",
    "VocabularyStateChange",
    "event_key",
    "parse_event",
    "sqs_batch_response",
    "sqs_batch_response_async",
]

#: The home module of each name above: imported when the name is first read (PEP 562), so
#: that a client, which inherits the event methods, loads the event shapes only when used.
_HOMES: Final[dict[str, tuple[str, ...]]] = {
    "transcribe_kit.events._consumer": (
        "Delivery",
        "EventStream",
        "EventStreamStats",
        "FinishedJob",
    ),
    "transcribe_kit.events._lambda": (
        "BatchResponse",
        "sqs_batch_response",
        "sqs_batch_response_async",
    ),
    "transcribe_kit.events._setup": (
        "JOB_STATE_CHANGES",
        "NAME_MEMBERS",
        "JobEventsWiring",
    ),
    "transcribe_kit.events._types": (
        "DETAIL_SHAPES",
        "SOURCE",
        "CallAnalyticsJobStateChange",
        "CallAnalyticsPostCallJobStateChange",
        "EventDetail",
        "KnownDetail",
        "LanguageIdentificationStateChange",
        "LanguageModelStateChange",
        "MultipleLanguageIdentificationStateChange",
        "TranscribeEvent",
        "TranscriptionJobStateChange",
        "UnknownDetail",
        "VocabularyStateChange",
        "event_key",
        "parse_event",
    ),
    "transcribe_kit.events._watch": (
        "JobEventDelivery",
        "JobEventSource",
    ),
}

if not TYPE_CHECKING:
    # Hidden from type checkers, which would otherwise take any name as defined here.
    __getattr__ = lazy_attributes(__name__, _HOMES)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
