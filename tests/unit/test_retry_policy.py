from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import pytest

from tests.fakes import NOT_FOUND_MESSAGE, FakeClock, typed_error
from transcribe_kit import (
    ConnectError,
    RequestTimeoutError,
    RequestValidationError,
    RetryPolicy,
    ServiceError,
    ThrottlingError,
)
from transcribe_kit._error_mapping import retry_after_from_headers
from transcribe_kit.retry import redact_urls, retry_after_seconds


def _service_error(
    code: str = "ThrottlingException",
    *,
    status: int = 400,
    headers: dict[str, str] | None = None,
    message: str = "Rate exceeded",
) -> ServiceError:
    error: ServiceError = typed_error(code, message, status=status, headers=headers or {})
    return error


class FailingCall:
    """Raises the given errors in turn, then answers ``"done"``."""

    def __init__(self, *errors: BaseException) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def __call__(self) -> str:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return "done"


def _always(error_factory: Callable[[], BaseException], times: int = 50) -> FailingCall:
    return FailingCall(*(error_factory() for _ in range(times)))


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


async def _run(policy: RetryPolicy, call: FailingCall, clock: FakeClock) -> Any:
    return await policy.call("GetTranscriptionJob", call, clock=clock)


RETRIED = [
    lambda: _service_error("ThrottlingException"),
    lambda: _service_error("LimitExceededException"),
    lambda: _service_error("InternalFailureException", status=500),
    lambda: _service_error("ServiceUnavailable", status=503),
    lambda: ConnectError("connection closed"),
    lambda: RequestTimeoutError("read timeout"),
]
NOT_RETRIED = [
    lambda: _service_error("BadRequestException"),
    lambda: _service_error("ConflictException"),
    lambda: _service_error("BadRequestException", message=NOT_FOUND_MESSAGE),
    lambda: _service_error("NotFoundException", status=404),
    lambda: _service_error("AccessDeniedException", status=403),
    lambda: RequestValidationError("media", "required"),
    lambda: ValueError("a bug"),
]


@pytest.mark.parametrize("make_error", RETRIED)
async def test_transient_errors_are_retried_until_success(
    make_error: Callable[[], BaseException], fake_clock: FakeClock
) -> None:
    call = FailingCall(make_error(), make_error())

    assert await _run(RetryPolicy(jitter=0), call, fake_clock) == "done"
    assert call.calls == 3


@pytest.mark.parametrize("make_error", NOT_RETRIED)
async def test_permanent_errors_are_raised_at_once(
    make_error: Callable[[], BaseException], fake_clock: FakeClock
) -> None:
    error = make_error()
    call = FailingCall(error)

    with pytest.raises(type(error)) as caught:
        await _run(RetryPolicy(), call, fake_clock)
    assert caught.value is error
    assert call.calls == 1
    assert fake_clock.sleeps == []


async def test_last_error_surfaces_typed_after_the_last_attempt(fake_clock: FakeClock) -> None:
    call = _always(lambda: _service_error("ThrottlingException"))

    with pytest.raises(ThrottlingError):
        await _run(RetryPolicy(max_attempts=3, jitter=0), call, fake_clock)
    assert call.calls == 3


async def test_none_tries_once(fake_clock: FakeClock) -> None:
    call = _always(lambda: ConnectError("dropped"))

    with pytest.raises(ConnectError):
        await _run(RetryPolicy.none(), call, fake_clock)
    assert call.calls == 1


async def test_backoff_doubles_up_to_its_cap(fake_clock: FakeClock) -> None:
    policy = RetryPolicy(
        max_attempts=6, initial_backoff=1, max_backoff=5, jitter=0, total_timeout=None
    )

    with pytest.raises(ThrottlingError):
        await _run(policy, _always(lambda: _service_error()), fake_clock)
    assert fake_clock.sleeps == [1, 2, 4, 5, 5]


async def test_jitter_adds_at_most_its_bound(fake_clock: FakeClock) -> None:
    policy = RetryPolicy(
        max_attempts=5, initial_backoff=1, max_backoff=100, jitter=0.5, total_timeout=None
    )

    with pytest.raises(ThrottlingError):
        await _run(policy, _always(lambda: _service_error()), fake_clock)
    for base, slept in zip([1, 2, 4, 8], fake_clock.sleeps, strict=True):
        assert base <= slept <= base + 0.5


async def test_no_retry_begins_past_the_deadline(fake_clock: FakeClock) -> None:
    policy = RetryPolicy(max_attempts=10, initial_backoff=1, jitter=0, total_timeout=4)
    call = _always(lambda: _service_error())

    with pytest.raises(ThrottlingError):
        await _run(policy, call, fake_clock)
    # Tries at 0 s, 1 s and 3 s; the next would begin at 7 s.
    assert call.calls == 3
    assert fake_clock.sleeps == [1, 2]


async def test_retry_after_header_sets_the_wait(fake_clock: FakeClock) -> None:
    call = FailingCall(_service_error(headers={"retry-after": "7"}))

    assert await _run(RetryPolicy(jitter=0), call, fake_clock) == "done"
    assert fake_clock.sleeps == [7.0]


async def test_retry_after_beyond_its_cap_falls_back_to_backoff(fake_clock: FakeClock) -> None:
    call = FailingCall(_service_error(headers={"Retry-After": "3600"}))

    assert await _run(RetryPolicy(jitter=0, initial_backoff=0.5), call, fake_clock) == "done"
    assert fake_clock.sleeps == [0.5]


async def test_retry_after_is_ignored_when_told(fake_clock: FakeClock) -> None:
    call = FailingCall(_service_error(headers={"retry-after": "7"}))
    policy = RetryPolicy(jitter=0, initial_backoff=0.5, honor_retry_after=False)

    assert await _run(policy, call, fake_clock) == "done"
    assert fake_clock.sleeps == [0.5]


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2026, 11, 25, 12, 0, 0, tzinfo=timezone.utc)
    date = {"retry-after": "Wed, 25 Nov 2026 12:00:09 GMT"}

    assert retry_after_from_headers(date, now=now) == 9.0
    assert retry_after_from_headers({"Retry-After": " 2 "}) == 2.0
    assert retry_after_from_headers({"retry-after": "nan"}) is None
    assert retry_after_seconds(_service_error(headers={"retry-after": "1.5"})) == 1.5
    assert retry_after_seconds(_service_error(headers={"retry-after": "soon"})) is None
    assert retry_after_seconds(_service_error()) is None
    assert retry_after_seconds(ConnectError("dropped")) is None


async def test_each_retry_is_logged_without_url_queries(
    fake_clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    presigned = "https://bucket.s3.amazonaws.com/a.json?X-Amz-Signature=s3cr3t&X-Amz-Credential=AK"
    call = FailingCall(ConnectError(f"Could not connect to {presigned}"), _service_error())

    with caplog.at_level(logging.WARNING, logger="transcribe_kit"):
        await _run(RetryPolicy(jitter=0, initial_backoff=0.25), call, fake_clock)

    records = [r for r in caplog.records if r.name == "transcribe_kit"]
    assert [(r.operation_name, r.attempt, r.error_code, r.wait) for r in records] == [  # type: ignore[attr-defined]
        ("GetTranscriptionJob", 1, "ConnectError", 0.25),
        ("GetTranscriptionJob", 2, "ThrottlingException", 0.5),
    ]
    assert "GetTranscriptionJob failed on attempt 1 of 4" in records[0].getMessage()
    assert "s3cr3t" not in caplog.text
    assert "X-Amz-Credential" not in caplog.text
    assert "https://bucket.s3.amazonaws.com/a.json?<redacted>" in caplog.text


def test_redact_urls_keeps_everything_but_queries() -> None:
    text = 'see "https://h.example/p?sig=1" and s3://b/k then http://h/x?a=b&c=d.'

    assert redact_urls(text) == (
        'see "https://h.example/p?<redacted>" and s3://b/k then http://h/x?<redacted>'
    )


def test_policy_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="max_attempts"):
        RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError, match="initial_backoff"):
        RetryPolicy(initial_backoff=-1)


def test_policy_is_a_comparable_value() -> None:
    assert RetryPolicy() == RetryPolicy()
    assert RetryPolicy.none() == RetryPolicy(max_attempts=1)
    assert RetryPolicy().should_retry(_service_error("ThrottlingException"))
    assert not RetryPolicy(retry_on=()).should_retry(_service_error("ThrottlingException"))


async def test_the_total_deadline_cuts_off_a_try_still_in_flight(fake_clock: FakeClock) -> None:
    tries = 0

    async def never_answers() -> str:
        nonlocal tries
        tries += 1
        await asyncio.Event().wait()
        return "never"

    policy = RetryPolicy(total_timeout=0.2)
    with pytest.raises(RequestTimeoutError, match="total_timeout"):
        await asyncio.wait_for(
            policy.call("GetTranscriptionJob", never_answers, clock=fake_clock), 10
        )
    assert tries == 1


async def test_a_retry_gets_only_the_time_left(fake_clock: FakeClock) -> None:
    started = asyncio.get_running_loop().time()
    answers: list[BaseException] = [_service_error()]

    async def throttled_then_silent() -> str:
        if answers:
            raise answers.pop()
        await asyncio.Event().wait()
        return "never"

    # The first try fails at once and the backoff takes 0.5 of the 0.8 s (on the fake
    # clock): the second try has 0.3 s left, not another 0.8.
    policy = RetryPolicy(total_timeout=0.8, initial_backoff=0.5, jitter=0)
    with pytest.raises(RequestTimeoutError):
        await asyncio.wait_for(
            policy.call("GetTranscriptionJob", throttled_then_silent, clock=fake_clock), 10
        )
    assert asyncio.get_running_loop().time() - started < 0.7
