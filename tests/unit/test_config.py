"""The policy values refuse numbers that cannot be durations, rates or sizes when built."""

from __future__ import annotations

import math

import pytest

from transcribe_kit import FetchLimits, RateLimits, RetryPolicy, WaitPolicy

NOT_DURATIONS = [math.nan, math.inf, -math.inf, -1.0]

FIELDS = [
    (WaitPolicy, "initial_delay"),
    (WaitPolicy, "max_delay"),
    (WaitPolicy, "multiplier"),
    (WaitPolicy, "jitter"),
    (WaitPolicy, "timeout"),
    (RetryPolicy, "initial_backoff"),
    (RetryPolicy, "max_backoff"),
    (RetryPolicy, "jitter"),
    (RetryPolicy, "total_timeout"),
    (RetryPolicy, "max_retry_after"),
    (FetchLimits, "timeout"),
    (RateLimits, "default"),
    (RateLimits, "burst"),
]


@pytest.mark.parametrize("value", NOT_DURATIONS, ids=str)
@pytest.mark.parametrize(
    ("value_type", "field"), FIELDS, ids=lambda item: getattr(item, "__name__", item)
)
def test_nan_infinite_and_negative_numbers_are_refused(
    value_type: type, field: str, value: float
) -> None:
    with pytest.raises(ValueError, match=field):
        value_type(**{field: value})


@pytest.mark.parametrize("rate", [*NOT_DURATIONS, 0.0], ids=str)
def test_a_rate_must_be_a_finite_positive_number(rate: float) -> None:
    with pytest.raises(ValueError, match="StartTranscriptionJob"):
        RateLimits().with_rates(StartTranscriptionJob=rate)


def test_a_duration_that_is_no_number_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="timeout"):
        WaitPolicy(timeout="600")  # type: ignore[arg-type]


def test_no_deadline_is_spelled_none() -> None:
    assert WaitPolicy(timeout=None).timeout is None
    assert RetryPolicy(total_timeout=None).total_timeout is None
