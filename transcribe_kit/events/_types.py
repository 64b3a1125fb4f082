"""The events Amazon Transcribe publishes to EventBridge, as typed shapes.

Transcribe sends them to the account's default bus, source ``aws.transcribe``, best
effort, when a job, vocabulary or language model reaches a final state. Every event is an
EventBridge envelope (:class:`TranscribeEvent`) whose ``detail`` has one shape per
``detail-type``. They go through the one converter like every other shape: wire names in
the field metadata, statuses as the open enums, keys nobody knows ignored, and every
member optional (local stand-ins omit some). An event of a detail type not listed here,
or one whose detail does not fit its shape, is kept raw as :class:`UnknownDetail`; the
whole decoded event is always in :attr:`TranscribeEvent.raw`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any, ClassVar, Final

from attrs import define, field

from transcribe_kit._converter import from_wire
from transcribe_kit.errors import EventParseError
from transcribe_kit.shapes._base import wire
from transcribe_kit.shapes.call_analytics import CallAnalyticsJobDetails
from transcribe_kit.shapes.common import Media, Transcript
from transcribe_kit.shapes.enums import (
    CallAnalyticsJobStatus,
    ModelStatus,
    TranscriptionJobStatus,
    VocabularyState,
)

SOURCE: Final = "aws.transcribe"
"""The ``source`` of every event Amazon Transcribe publishes."""


@define(frozen=True, kw_only=True)
class TranscriptionJobStateChange:
    """``Transcribe Job State Change``: a transcription job reached COMPLETED or FAILED."""

    DETAIL_TYPE: ClassVar[str] = "Transcribe Job State Change"

    transcription_job_name: str | None = field(default=None, metadata=wire("TranscriptionJobName"))
    transcription_job_status: TranscriptionJobStatus | None = field(
        default=None, metadata=wire("TranscriptionJobStatus")
    )
    #: Why the job failed (FAILED only).
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    @property
    def resource_name(self) -> str | None:
        """The job's name."""
        return self.transcription_job_name

    @property
    def status(self) -> str | None:
        """The job's status."""
        return self.transcription_job_status


@define(frozen=True, kw_only=True)
class _LanguageIdentification:
    """The members of both language identification events."""

    #: ``TranscriptionJob`` for transcription jobs.
    job_type: str | None = field(default=None, metadata=wire("JobType"))
    job_name: str | None = field(default=None, metadata=wire("JobName"))
    language_identification_status: TranscriptionJobStatus | None = field(
        default=None, metadata=wire("LanguageIdentificationStatus")
    )
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    @property
    def resource_name(self) -> str | None:
        """The job's name."""
        return self.job_name

    @property
    def status(self) -> str | None:
        """The status of the language identification."""
        return self.language_identification_status


@define(frozen=True, kw_only=True)
class LanguageIdentificationStateChange(_LanguageIdentification):
    """``Language Identification State Change``: a job's language identification finished."""

    DETAIL_TYPE: ClassVar[str] = "Language Identification State Change"


@define(frozen=True, kw_only=True)
class MultipleLanguageIdentificationStateChange(_LanguageIdentification):
    """``Multiple Language Identification State Change``: multi-language identification finished.

    The service documents the detail type but not its members; they are read as those of
    :class:`LanguageIdentificationStateChange` (the event's ``raw`` keeps whatever came).
    """

    DETAIL_TYPE: ClassVar[str] = "Multiple Language Identification State Change"


@define(frozen=True, kw_only=True)
class CallAnalyticsJobStateChange:
    """``Call Analytics Job State Change``: a Call Analytics job reached COMPLETED or FAILED."""

    DETAIL_TYPE: ClassVar[str] = "Call Analytics Job State Change"

    job_name: str | None = field(default=None, metadata=wire("JobName"))
    job_status: CallAnalyticsJobStatus | None = field(default=None, metadata=wire("JobStatus"))
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))
    #: The analytics features skipped, if any.
    analytics_job_details: CallAnalyticsJobDetails | None = field(
        default=None, metadata=wire("AnalyticsJobDetails")
    )

    @property
    def resource_name(self) -> str | None:
        """The job's name."""
        return self.job_name

    @property
    def status(self) -> str | None:
        """The job's status."""
        return self.job_status


@define(frozen=True, kw_only=True)
class CallAnalyticsPostCallJobStateChange:
    """``Call Analytics Post Call Job State Change``: post-call analytics of a stream finished.

    These concern streaming sessions, not batch jobs; a COMPLETED one says where the
    transcript and the media were written.
    """

    DETAIL_TYPE: ClassVar[str] = "Call Analytics Post Call Job State Change"

    streaming_session_id: str | None = field(default=None, metadata=wire("StreamingSessionId"))
    post_call_status: CallAnalyticsJobStatus | None = field(
        default=None, metadata=wire("PostCallStatus")
    )
    transcript: Transcript | None = field(default=None, metadata=wire("Transcript"))
    media: Media | None = field(default=None, metadata=wire("Media"))
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    @property
    def resource_name(self) -> str | None:
        """The streaming session's id."""
        return self.streaming_session_id

    @property
    def status(self) -> str | None:
        """The post-call job's status."""
        return self.post_call_status


@define(frozen=True, kw_only=True)
class VocabularyStateChange:
    """``Vocabulary State Change``: a custom vocabulary reached READY or FAILED."""

    DETAIL_TYPE: ClassVar[str] = "Vocabulary State Change"

    vocabulary_name: str | None = field(default=None, metadata=wire("VocabularyName"))
    vocabulary_state: VocabularyState | None = field(default=None, metadata=wire("VocabularyState"))
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    @property
    def resource_name(self) -> str | None:
        """The vocabulary's name."""
        return self.vocabulary_name

    @property
    def status(self) -> str | None:
        """The vocabulary's state."""
        return self.vocabulary_state


@define(frozen=True, kw_only=True)
class LanguageModelStateChange:
    """``Transcribe Language Model State Change``: a custom language model finished training.

    The service documents the detail type but not its members; they are read by the names
    of the ``LanguageModel`` shape (``ModelName``, ``ModelStatus``), and the event's
    ``raw`` keeps whatever came.
    """

    DETAIL_TYPE: ClassVar[str] = "Transcribe Language Model State Change"

    model_name: str | None = field(default=None, metadata=wire("ModelName"))
    model_status: ModelStatus | None = field(default=None, metadata=wire("ModelStatus"))
    failure_reason: str | None = field(default=None, metadata=wire("FailureReason"))

    @property
    def resource_name(self) -> str | None:
        """The language model's name."""
        return self.model_name

    @property
    def status(self) -> str | None:
        """The language model's status."""
        return self.model_status


@define(frozen=True, kw_only=True)
class UnknownDetail:
    """The detail of an event this library has no shape for, kept as it came."""

    detail_type: str
    data: Mapping[str, object] = field(factory=dict)

    @property
    def resource_name(self) -> str | None:
        """Unknown: ``None``."""
        return None

    @property
    def status(self) -> str | None:
        """Unknown: ``None``."""
        return None


KnownDetail = (
    TranscriptionJobStateChange
    | LanguageIdentificationStateChange
    | MultipleLanguageIdentificationStateChange
    | CallAnalyticsJobStateChange
    | CallAnalyticsPostCallJobStateChange
    | VocabularyStateChange
    | LanguageModelStateChange
)
"""The detail of an event of a documented detail type."""

EventDetail = KnownDetail | UnknownDetail
"""The ``detail`` of a :class:`TranscribeEvent`."""

DETAIL_SHAPES: Final[Mapping[str, type[KnownDetail]]] = {
    shape.DETAIL_TYPE: shape
    for shape in (
        TranscriptionJobStateChange,
        LanguageIdentificationStateChange,
        MultipleLanguageIdentificationStateChange,
        CallAnalyticsJobStateChange,
        CallAnalyticsPostCallJobStateChange,
        VocabularyStateChange,
        LanguageModelStateChange,
    )
}
"""The shape of each documented detail type, by its ``detail-type``."""


@define(frozen=True, kw_only=True)
class _Envelope:
    """The EventBridge members of an event, as they come on the wire."""

    version: str | None = field(default=None, metadata=wire("version"))
    id: str | None = field(default=None, metadata=wire("id"))
    detail_type: str | None = field(default=None, metadata=wire("detail-type"))
    source: str | None = field(default=None, metadata=wire("source"))
    account: str | None = field(default=None, metadata=wire("account"))
    time: datetime | None = field(default=None, metadata=wire("time"))
    region: str | None = field(default=None, metadata=wire("region"))
    resources: list[str] | None = field(default=None, metadata=wire("resources"))


@define(frozen=True, kw_only=True)
class TranscribeEvent:
    """One EventBridge event from Amazon Transcribe: the envelope and its typed ``detail``.

    Every envelope member but ``detail_type`` may be ``None`` (local stand-ins omit some).
    ``raw`` is the whole event as decoded, unknown members included.
    """

    detail_type: str
    detail: EventDetail
    id: str | None = None
    source: str | None = None
    account: str | None = None
    region: str | None = None
    #: When the event happened (UTC).
    time: datetime | None = None
    resources: list[str] | None = None
    version: str | None = None
    raw: Mapping[str, object] = field(factory=dict, eq=False, repr=False)

    @property
    def resource_name(self) -> str | None:
        """The name of the job (or vocabulary, model, streaming session) the event is about."""
        return self.detail.resource_name

    @property
    def status(self) -> str | None:
        """The status it reached, as the service spells it (``COMPLETED``, ``FAILED``, ...)."""
        return self.detail.status


def parse_event(data: Mapping[str, Any] | str | bytes) -> TranscribeEvent:
    """The typed event from an EventBridge event: a decoded dict, or its JSON text.

    An SQS message body that EventBridge delivered, or the ``event`` a Lambda function
    receives from a rule, is such JSON. Raises :class:`~transcribe_kit.errors.EventParseError`
    when ``data`` is not an EventBridge event (not a JSON object, no ``detail-type``, a
    ``detail`` that is not an object); an unknown or malformed detail is kept raw instead.
    """
    decoded = _decoded(data)
    detail_type = decoded.get("detail-type")
    if not isinstance(detail_type, str):
        raise EventParseError("not an EventBridge event: no detail-type")
    detail = decoded.get("detail", {})
    if not isinstance(detail, Mapping):
        raise EventParseError(f"not an EventBridge event: its detail is {type(detail).__name__}")
    try:
        envelope = from_wire(dict(decoded), _Envelope)
    except Exception as error:
        raise EventParseError(f"not an EventBridge event: {error}") from error
    return TranscribeEvent(
        detail_type=detail_type,
        detail=_detail(detail_type, detail),
        id=envelope.id,
        source=envelope.source,
        account=envelope.account,
        region=envelope.region,
        time=envelope.time,
        resources=envelope.resources,
        version=envelope.version,
        raw=decoded,
    )


def _decoded(data: Mapping[str, Any] | str | bytes) -> Mapping[str, Any]:
    if isinstance(data, Mapping):
        return data
    try:
        decoded = json.loads(data)
    except (TypeError, ValueError) as error:
        raise EventParseError(f"not an EventBridge event: {error}") from None
    if not isinstance(decoded, dict):
        raise EventParseError(f"not an EventBridge event: a JSON {type(decoded).__name__}")
    return decoded


def _detail(detail_type: str, detail: Mapping[str, Any]) -> EventDetail:
    shape = DETAIL_SHAPES.get(detail_type)
    if shape is not None:
        try:
            return from_wire(dict(detail), shape)
        except Exception:
            # A member of an unexpected type: keep the event rather than lose it.
            pass
    return UnknownDetail(detail_type=detail_type, data=detail)


def event_key(event: TranscribeEvent) -> tuple[str, ...]:
    """What makes two deliveries the same event: its detail type, resource and final status.

    Transcribe may publish a job's final state more than once and SQS may deliver a message
    more than once; both come out with the same key. An event without a resource name
    (an unknown detail type) is keyed by its EventBridge id.
    """
    name = event.resource_name
    if name is None:
        return (
            event.detail_type,
            "id",
            event.id or json.dumps(event.raw, sort_keys=True, default=str),
        )
    return (event.detail_type, name, str(event.status))
