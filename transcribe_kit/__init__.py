"""transcribe_kit: a typed, async SDK for the Amazon Transcribe batch API.

At a glance, here: :class:`TranscribeClient` (one method per operation, paginators,
waiters, the many-jobs watcher, ``transcribe`` and ``fetch_transcript``) and
:class:`JobSubmitter`; the errors of :mod:`transcribe_kit.errors`; the policy values of
:mod:`transcribe_kit.config`; the result documents and their parse functions (see
:mod:`transcribe_kit.transcript`); :func:`to_dict` and :func:`from_dict`.

Every request, response, structure and enum of the service model lives in
:mod:`transcribe_kit.shapes` and is importable from here as well (re-exported from each
shape module's ``__all__``). ``Transcript`` here is the transcript document; the model's
structure of that name (a job's transcript file URIs) is ``TranscriptLocation``.

Each name is imported from its home module when it is first used (PEP 562), so that
``import transcribe_kit`` costs nothing a caller has not touched: the client, the
shapes, the transcript documents and the job events load on first use. Type checkers
and editors read the imports below as they are written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from transcribe_kit._lazy import lazy_attributes

__version__ = "0.1.0"

__all__ = [
    # The client and the service layer
    "TranscribeClient",
    "Paginator",
    "Waiter",
    "JobKind",
    "TRANSCRIPTION_JOBS",
    "MEDICAL_TRANSCRIPTION_JOBS",
    "CALL_ANALYTICS_JOBS",
    "MEDICAL_SCRIBE_JOBS",
    "JobSubmitter",
    "JobSubmission",
    "JobOutcome",
    "BatchProgress",
    "TranscribeMode",
    "TranscriptionJobOptions",
    "TranscriptionResult",
    # Policies (transcribe_kit.config) and the clock they run on
    "RetryPolicy",
    "RateLimits",
    "WaitPolicy",
    "EventWaitPolicy",
    "FetchLimits",
    "CaptionOptions",
    "Clock",
    "SystemClock",
    # Errors (transcribe_kit.errors)
    "TranscribeError",
    "ClientClosedError",
    "RequestValidationError",
    "UnsupportedOperationError",
    "TranscriptParseError",
    "DocumentTypeError",
    "TranscriptFetchError",
    "TranscriptNotReadyError",
    "TranscriptLinkExpiredError",
    "TranscriptTooLargeError",
    "UntrustedUrlError",
    "PaginationError",
    "WaitTimeoutError",
    "ResourceFailedError",
    "ServiceError",
    "MalformedResponseError",
    "BadRequestError",
    "ResourceNotFoundError",
    "ConflictError",
    "InternalFailureError",
    "LimitExceededError",
    "NotFoundError",
    "ThrottlingError",
    "AccessDeniedError",
    "TransportError",
    "ConnectError",
    "RequestTimeoutError",
    "JobSlotTimeoutError",
    # Result documents (transcribe_kit.transcript)
    "Transcript",
    "CallAnalyticsTranscript",
    "MedicalScribeTranscript",
    "ClinicalDocument",
    "ResultDocument",
    "SpeakerTurn",
    "Word",
    "Cue",
    "parse_transcript",
    "parse_medical_transcript",
    "parse_call_analytics_transcript",
    "parse_medical_scribe_transcript",
    "parse_clinical_document",
    "parse_document",
    # Shapes and their wire form
    "shapes",
    "to_dict",
    "from_dict",
    "__version__",
]
_AT_A_GLANCE: Final = tuple(__all__)

if TYPE_CHECKING:
    from transcribe_kit import shapes as shapes
    from transcribe_kit._client import TranscribeClient
    from transcribe_kit._clock import Clock, SystemClock
    from transcribe_kit._kinds import (
        CALL_ANALYTICS_JOBS,
        MEDICAL_SCRIBE_JOBS,
        MEDICAL_TRANSCRIPTION_JOBS,
        TRANSCRIPTION_JOBS,
        JobKind,
    )
    from transcribe_kit._shape_dicts import from_dict, to_dict
    from transcribe_kit._submit import BatchProgress, JobOutcome, JobSubmission, JobSubmitter
    from transcribe_kit._transcribe_plan import (
        TranscribeMode,
        TranscriptionJobOptions,
        TranscriptionResult,
    )
    from transcribe_kit.config import (
        CaptionOptions,
        EventWaitPolicy,
        FetchLimits,
        RateLimits,
        RetryPolicy,
        WaitPolicy,
    )
    from transcribe_kit.errors import (
        AccessDeniedError,
        BadRequestError,
        ClientClosedError,
        ConflictError,
        ConnectError,
        DocumentTypeError,
        InternalFailureError,
        JobSlotTimeoutError,
        LimitExceededError,
        MalformedResponseError,
        NotFoundError,
        PaginationError,
        RequestTimeoutError,
        RequestValidationError,
        ResourceFailedError,
        ResourceNotFoundError,
        ServiceError,
        ThrottlingError,
        TranscribeError,
        TranscriptFetchError,
        TranscriptLinkExpiredError,
        TranscriptNotReadyError,
        TranscriptParseError,
        TranscriptTooLargeError,
        TransportError,
        UnsupportedOperationError,
        UntrustedUrlError,
        WaitTimeoutError,
    )
    from transcribe_kit.paginators import Paginator
    from transcribe_kit.shapes import call_analytics as _call_analytics
    from transcribe_kit.shapes import common as _common
    from transcribe_kit.shapes import enums as _enums
    from transcribe_kit.shapes import language_models as _language_models
    from transcribe_kit.shapes import medical as _medical
    from transcribe_kit.shapes import medical_scribe as _medical_scribe
    from transcribe_kit.shapes import tags as _tags
    from transcribe_kit.shapes import transcribe_audio as _transcribe_audio
    from transcribe_kit.shapes import transcription_jobs as _transcription_jobs
    from transcribe_kit.shapes import vocabularies as _vocabularies
    from transcribe_kit.shapes import vocabulary_filters as _vocabulary_filters
    from transcribe_kit.shapes.call_analytics import *  # noqa: F403
    from transcribe_kit.shapes.common import *  # noqa: F403
    from transcribe_kit.shapes.enums import *  # noqa: F403
    from transcribe_kit.shapes.language_models import *  # noqa: F403
    from transcribe_kit.shapes.medical import *  # noqa: F403
    from transcribe_kit.shapes.medical_scribe import *  # noqa: F403
    from transcribe_kit.shapes.tags import *  # noqa: F403
    from transcribe_kit.shapes.transcribe_audio import *  # noqa: F403
    from transcribe_kit.shapes.transcription_jobs import *  # noqa: F403
    from transcribe_kit.shapes.vocabularies import *  # noqa: F403
    from transcribe_kit.shapes.vocabulary_filters import *  # noqa: F403
    from transcribe_kit.transcript import (
        CallAnalyticsTranscript,
        ClinicalDocument,
        Cue,
        MedicalScribeTranscript,
        ResultDocument,
        SpeakerTurn,
        Transcript,
        Word,
        parse_call_analytics_transcript,
        parse_clinical_document,
        parse_document,
        parse_medical_scribe_transcript,
        parse_medical_transcript,
        parse_transcript,
    )
    from transcribe_kit.waiters import Waiter

    __all__ += _call_analytics.__all__
    __all__ += _common.__all__
    __all__ += _enums.__all__
    __all__ += _language_models.__all__
    __all__ += _medical.__all__
    __all__ += _medical_scribe.__all__
    __all__ += _tags.__all__
    __all__ += _transcribe_audio.__all__
    __all__ += _transcription_jobs.__all__
    __all__ += _vocabularies.__all__
    __all__ += _vocabulary_filters.__all__
else:
    # The shapes' names are known once the shapes are imported: the full list is made
    # on first use, by __getattr__.
    del __all__

#: The home module of each name listed above, but the shapes (found in ``shapes``).
_HOMES: Final[dict[str, tuple[str, ...]]] = {
    "transcribe_kit._client": ("TranscribeClient",),
    "transcribe_kit._clock": ("Clock", "SystemClock"),
    "transcribe_kit._kinds": (
        "CALL_ANALYTICS_JOBS",
        "MEDICAL_SCRIBE_JOBS",
        "MEDICAL_TRANSCRIPTION_JOBS",
        "TRANSCRIPTION_JOBS",
        "JobKind",
    ),
    "transcribe_kit._shape_dicts": ("from_dict", "to_dict"),
    "transcribe_kit._submit": ("BatchProgress", "JobOutcome", "JobSubmission", "JobSubmitter"),
    "transcribe_kit._transcribe_plan": (
        "TranscribeMode",
        "TranscriptionJobOptions",
        "TranscriptionResult",
    ),
    "transcribe_kit.config": (
        "CaptionOptions",
        "EventWaitPolicy",
        "FetchLimits",
        "RateLimits",
        "RetryPolicy",
        "WaitPolicy",
    ),
    "transcribe_kit.errors": (
        "AccessDeniedError",
        "BadRequestError",
        "ClientClosedError",
        "ConflictError",
        "ConnectError",
        "DocumentTypeError",
        "InternalFailureError",
        "JobSlotTimeoutError",
        "LimitExceededError",
        "MalformedResponseError",
        "NotFoundError",
        "PaginationError",
        "RequestTimeoutError",
        "RequestValidationError",
        "ResourceFailedError",
        "ResourceNotFoundError",
        "ServiceError",
        "ThrottlingError",
        "TranscribeError",
        "TranscriptFetchError",
        "TranscriptLinkExpiredError",
        "TranscriptNotReadyError",
        "TranscriptParseError",
        "TranscriptTooLargeError",
        "TransportError",
        "UnsupportedOperationError",
        "UntrustedUrlError",
        "WaitTimeoutError",
    ),
    "transcribe_kit.paginators": ("Paginator",),
    "transcribe_kit.transcript": (
        "CallAnalyticsTranscript",
        "ClinicalDocument",
        "Cue",
        "MedicalScribeTranscript",
        "ResultDocument",
        "SpeakerTurn",
        "Transcript",
        "Word",
        "parse_call_analytics_transcript",
        "parse_clinical_document",
        "parse_document",
        "parse_medical_scribe_transcript",
        "parse_medical_transcript",
        "parse_transcript",
    ),
    "transcribe_kit.waiters": ("Waiter",),
}

#: The package's public modules: attributes of it, as any imported module would be.
_SUBMODULES: Final = frozenset(
    {"config", "errors", "events", "paginators", "rate_limiting", "retry", "shapes"}
    | {"testing", "transcript", "waiters"}
)


def _shape_or_all(name: str) -> Any:
    """A shape re-exported from ``transcribe_kit.shapes``, or the full ``__all__``."""
    from transcribe_kit import shapes

    if name == "__all__":
        return [*_AT_A_GLANCE, *shapes.__all__]
    try:
        # Only the shape modules up to the one that has it are imported.
        return shapes.exported(name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


if not TYPE_CHECKING:
    # Hidden from type checkers, which would otherwise take any name as defined here.
    __getattr__ = lazy_attributes(__name__, _HOMES, submodules=_SUBMODULES, fallback=_shape_or_all)


def __dir__() -> list[str]:
    return sorted({*globals(), *_shape_or_all("__all__")})
