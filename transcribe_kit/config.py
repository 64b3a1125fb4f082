"""The policy values, together: how calls are retried, paced, waited for and read.

Each is a small frozen value, built once and passed to
:class:`~transcribe_kit.TranscribeClient` (or to one call):

- :class:`RetryPolicy`: which failed calls are tried again, how often, how long in all;
- :class:`RateLimits`: requests per second per operation (the published quotas by default);
- :class:`WaitPolicy`: how waiters and watchers pace their polls, and when they give up;
- :class:`EventWaitPolicy`: how a watch fed by job-state events falls back to polling;
- :class:`FetchLimits`: the size and time a result document may take to read;
- :class:`CaptionOptions`: how a transcript is cut into subtitle cues.

Every duration is in seconds and is checked when the value is built: NaN, an infinity or
a negative number raises ``ValueError`` at once (a NaN deadline would never pass, and an
infinite one is spelled ``None``).
"""

from __future__ import annotations

import math
import random
from collections.abc import Awaitable, Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from transcribe_kit.errors import (
    InternalFailureError,
    LimitExceededError,
    ThrottlingError,
    TranscribeError,
    TransportError,
)

if TYPE_CHECKING:
    from tenacity import AsyncRetrying

    from transcribe_kit._clock import Clock

# This module imports no more than attrs and the errors, so that reading a transcript (which
# needs CaptionOptions) loads neither asyncio nor the HTTP stack: what a retry needs is
# imported when a policy is first used to retry.

__all__ = [
    "DEFAULT_RETRYABLE_ERRORS",
    "DEFAULT_WAIT_POLICY",
    "EventWaitPolicy",
    "PUBLISHED_RATE_LIMITS",
    "CaptionOptions",
    "FetchLimits",
    "RateLimits",
    "RetryPolicy",
    "WaitPolicy",
]

T = TypeVar("T")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def check_number(
    name: str, value: object, minimum: float, *, strict: bool, optional: bool = False
) -> None:
    """Raise unless ``value`` is a finite number at least (``strict``: more than) ``minimum``.

    ``optional`` also lets ``None`` through. Every value here refuses NaN, infinities and
    out-of-range numbers through this one check, in the same words.
    """
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value) or not (value > minimum if strict else value >= minimum):
        bound = f"more than {minimum:g}" if strict else f"at least {minimum:g}"
        raise ValueError(f"{name} must be a finite number {bound}, got {value!r}")


def finite(minimum: float, *, strict: bool, optional: bool = False) -> Validator:
    """An attrs validator that applies :func:`check_number` to the field."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_number(attribute.name, value, minimum, strict=strict, optional=optional)

    return check


def _fraction(instance: object, attribute: attrs.Attribute[Any], value: float) -> None:
    check_number(attribute.name, value, 0, strict=False)
    if not value < 1:
        raise ValueError(f"{attribute.name} must be at least 0 and less than 1, got {value!r}")


# Retries

DEFAULT_RETRYABLE_ERRORS: Final[tuple[type[TranscribeError], ...]] = (
    ThrottlingError,
    LimitExceededError,
    InternalFailureError,
    TransportError,
)
"""The errors a :class:`RetryPolicy` retries unless told otherwise (and 5xx answers)."""


@attrs.frozen(kw_only=True)
class RetryPolicy:
    """How a failed call is retried: attempts, backoff, jitter, deadline, retryable errors.

    ``max_attempts`` counts every try, the first included (1 means no retry). The wait
    before retry ``n`` (1, 2, …) is ``initial_backoff * 2 ** (n - 1)`` plus a random
    ``0..jitter`` seconds, capped at ``max_backoff``. ``total_timeout`` bounds the whole
    call, its tries and waits included (``None``: no bound): no retry starts that would
    begin past it, and a try still in flight when it passes is cut off with
    :class:`~transcribe_kit.RequestTimeoutError`. ``retry_on`` lists the retried error
    classes; ``retry_server_errors`` also retries any answer with HTTP status 500 or more.
    ``Retry-After`` (if ``honor_retry_after``) replaces the computed wait when it asks for
    at most ``max_retry_after`` seconds.
    """

    max_attempts: int = attrs.field(default=4, validator=attrs.validators.ge(1))
    initial_backoff: float = attrs.field(default=0.5, validator=finite(0, strict=False))
    max_backoff: float = attrs.field(default=20.0, validator=finite(0, strict=False))
    jitter: float = attrs.field(default=0.5, validator=finite(0, strict=False))
    total_timeout: float | None = attrs.field(
        default=120.0, validator=finite(0, strict=True, optional=True)
    )
    retry_on: tuple[type[BaseException], ...] = DEFAULT_RETRYABLE_ERRORS
    retry_server_errors: bool = True
    honor_retry_after: bool = True
    max_retry_after: float = attrs.field(default=60.0, validator=finite(0, strict=False))

    @classmethod
    def none(cls) -> RetryPolicy:
        """A policy that tries every call once."""
        return cls(max_attempts=1)

    def should_retry(self, error: BaseException) -> bool:
        """Whether ``error`` is one this policy retries (attempts and deadline aside)."""
        from transcribe_kit._error_mapping import is_retryable

        return is_retryable(error, self.retry_on, server_errors=self.retry_server_errors)

    def retrying(
        self, operation_name: str, *, clock: Clock | None = None, started: float | None = None
    ) -> AsyncRetrying:
        """A tenacity ``AsyncRetrying`` for one call of ``operation_name``.

        ``started`` is when the call's first try began (default: now); the deadline counts
        from there. The last error is raised as it is once the policy gives up. ``clock``
        defaults to the system's.
        """
        from transcribe_kit import _retrying
        from transcribe_kit._clock import SYSTEM_CLOCK

        return _retrying.retrying(
            self, operation_name, clock=clock or SYSTEM_CLOCK, started=started
        )

    def call(
        self,
        operation_name: str,
        attempt: Callable[[], Awaitable[T]],
        *,
        clock: Clock | None = None,
    ) -> Awaitable[T]:
        """Await ``attempt()`` until it succeeds or this policy gives up (await the result).

        ``clock`` defaults to the system's.
        """
        from transcribe_kit import _retrying
        from transcribe_kit._clock import SYSTEM_CLOCK

        return _retrying.call_with_retries(
            self, operation_name, attempt, clock=clock or SYSTEM_CLOCK
        )


# Rate limits


PUBLISHED_RATE_LIMITS: Final[Mapping[str, float]] = MappingProxyType(
    {
        "StartTranscriptionJob": 25.0,
        "GetTranscriptionJob": 30.0,
        "ListTranscriptionJobs": 5.0,
        "DeleteTranscriptionJob": 5.0,
        "GetVocabulary": 20.0,
        "ListVocabularies": 5.0,
        "CreateVocabulary": 10.0,
        "UpdateVocabulary": 10.0,
        "StartCallAnalyticsJob": 10.0,
        "GetCallAnalyticsJob": 20.0,
    }
)
"""The default requests-per-second quotas Amazon Transcribe publishes, per operation."""


def _frozen_rates(rates: Mapping[str, float]) -> Mapping[str, float]:
    for operation_name, rate in rates.items():
        check_number(f"the rate of {operation_name}", rate, 0, strict=True)
    return MappingProxyType(dict(rates))


@attrs.frozen(kw_only=True)
class RateLimits:
    """Requests per second allowed for each operation, enforced by the client.

    On by default with the published quotas (:data:`PUBLISHED_RATE_LIMITS`: for example
    ``StartTranscriptionJob`` 25/s, ``GetTranscriptionJob`` 30/s,
    ``ListTranscriptionJobs`` 5/s). Operations not listed take ``default`` (``None``:
    unlimited). ``burst`` is how many seconds' worth of requests may go out at once after
    a quiet spell. Change some with :meth:`with_rates`, switch all off with
    :meth:`disabled`. Quotas are per account: clients that share an account share them,
    but each client counts only its own calls unless its buckets are shared
    (``TranscribeClient(rate_limit_backend=...)``, see :mod:`transcribe_kit.rate_limiting`).
    """

    per_operation: Mapping[str, float] = attrs.field(
        factory=lambda: PUBLISHED_RATE_LIMITS, converter=_frozen_rates, eq=False
    )
    default: float | None = attrs.field(
        default=None, validator=finite(0, strict=True, optional=True)
    )
    burst: float = attrs.field(default=1.0, validator=finite(0, strict=True))

    @classmethod
    def disabled(cls) -> RateLimits:
        """No limit on any operation."""
        return cls(per_operation={})

    def with_rates(self, **rates: float | None) -> RateLimits:
        """A copy with the given operations' rates set (``None`` removes an operation's limit).

        Keys are operation names: ``limits.with_rates(StartTranscriptionJob=10)``.
        """
        merged = {**self.per_operation, **rates}
        return attrs.evolve(self, per_operation={k: v for k, v in merged.items() if v is not None})

    def rate_for(self, operation_name: str) -> float | None:
        """Requests per second allowed for ``operation_name``, or ``None`` for no limit."""
        return self.per_operation.get(operation_name, self.default)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RateLimits):
            return NotImplemented
        return (dict(self.per_operation), self.default, self.burst) == (
            dict(other.per_operation),
            other.default,
            other.burst,
        )

    def __hash__(self) -> int:
        return hash((frozenset(self.per_operation.items()), self.default, self.burst))


# Waiting


@attrs.frozen(kw_only=True)
class WaitPolicy:
    """How a waiter or watcher paces its polls and when it gives up.

    The n-th delay is ``min(max_delay, initial_delay * multiplier ** n)``, shortened by a
    random fraction of up to ``jitter`` so that many waiters do not poll in step. The
    waiter gives up after ``timeout`` seconds in all (``None``: never) or
    ``max_attempts`` polls (``None``: no limit), whichever comes first. The deadline is
    hard: a poll still in flight when it passes is cut off, and the last delay is cut
    short so that a last poll starts a second before it. Seconds throughout.
    """

    initial_delay: float = attrs.field(default=1.0, validator=finite(0, strict=True))
    max_delay: float = attrs.field(default=20.0, validator=finite(0, strict=True))
    multiplier: float = attrs.field(default=2.0, validator=finite(0, strict=True))
    jitter: float = attrs.field(default=0.2, validator=_fraction)
    #: Six hours: audio may be four hours long and jobs may queue first.
    timeout: float | None = attrs.field(
        default=6 * 3600.0, validator=finite(0, strict=True, optional=True)
    )
    max_attempts: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.ge(1))
    )

    def delays(self, rng: random.Random | None = None) -> Iterator[float]:
        """The delays between polls, in order (an endless iterator)."""
        draw = (rng or random).random
        base = self.initial_delay
        while True:
            capped = min(base, self.max_delay)
            yield capped * (1 - self.jitter * draw())
            base = capped * self.multiplier


DEFAULT_WAIT_POLICY: Final = WaitPolicy()


@attrs.frozen(kw_only=True)
class EventWaitPolicy:
    """How a watch fed by job-state events falls back to the List watcher.

    A watched job no event arrived for within ``grace_period`` seconds of being watched is
    looked for by a sweep (one round of List calls for all such jobs). While sweeps find
    it running, each next one comes twice as long after, at most ``max_sweep_interval``
    seconds (10 minutes) apart: a long job costs a few sweeps, and a lost event is caught
    within that much of the job's end. The default grace, 30 s, is well past the few
    seconds EventBridge and SQS take to deliver on AWS; tests on a local backend may
    shorten it. ``sweep=False`` relies on the events alone (the watch's deadline is then
    the only backstop): for every process but one when several watch the same jobs. An
    event for a job the watch does not know is left for the other consumers of the queue,
    visible again after ``leave_delay`` seconds (0 to 43,200); each time a watch leaves it
    counts as a receive towards the queue's dead-letter limit.
    """

    grace_period: float = attrs.field(default=30.0, validator=finite(0, strict=True))
    max_sweep_interval: float = attrs.field(default=600.0, validator=finite(0, strict=True))
    sweep: bool = True
    leave_delay: int = attrs.field(default=30, validator=attrs.validators.in_(range(43201)))


# Reading result documents


@attrs.frozen(kw_only=True)
class FetchLimits:
    """Limits on reading a result document: its size in bytes and the seconds one try may take.

    The defaults (256 MiB, 120 s) hold the transcript of four hours of audio with
    alternatives many times over. A larger document raises
    :class:`~transcribe_kit.TranscriptTooLargeError`; a slower try raises
    :class:`~transcribe_kit.RequestTimeoutError`, which the retry policy retries.
    """

    max_bytes: int = attrs.field(default=256 * 1024 * 1024, validator=attrs.validators.ge(1))
    timeout: float = attrs.field(default=120.0, validator=finite(0, strict=True))


# Subtitles


@attrs.define(frozen=True, kw_only=True)
class CaptionOptions:
    """How transcripts are cut into subtitle cues; times in seconds.

    ``max_chars_per_line`` counts display columns (a full-width character counts two); by
    default it follows the transcript's script (42, or 13 full-width characters for
    Japanese, 16 for Chinese and Korean, 35 for Thai). ``speakers`` puts the speaker (or,
    without speaker labels, the channel) before each cue's text (``spk_0: ...`` in SRT, a
    ``<v spk_0>`` voice span in WebVTT); ``speaker_names`` maps labels to display names.
    ``media_duration`` (the length of the audio) keeps every cue within it; without it the
    end of the last segment or word of the transcript does.
    """

    max_chars_per_line: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.ge(1))
    )
    max_lines: int = attrs.field(default=2, validator=attrs.validators.ge(1))
    max_duration: float = attrs.field(default=7.0, validator=finite(0, strict=True))
    min_duration: float = attrs.field(default=1.0, validator=finite(0, strict=False))
    max_gap: float = attrs.field(default=2.0, validator=finite(0, strict=True))
    speakers: bool = False
    speaker_names: Mapping[str, str] = attrs.field(factory=dict)
    media_duration: float | None = attrs.field(
        default=None, validator=finite(0, strict=False, optional=True)
    )
