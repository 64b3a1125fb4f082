"""No signing parameter of a presigned link survives redaction, however the link is written.

Links with and without a scheme, with whitespace or ``#`` before the ``?``, percent-encoded
or not, alone or inside other text; then through the places that put a URL in front of a
person: the message and repr of every library error, a retry's log line and the log line
of a Lambda handler that failed.
"""

from __future__ import annotations

import logging
import string

import aiohttp
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.test_event_lambda import batch, record
from transcribe_kit import (
    ConnectError,
    RequestTimeoutError,
    RetryPolicy,
    TranscribeError,
    TranscriptFetchError,
)
from transcribe_kit._clock import Clock
from transcribe_kit._error_mapping import translate
from transcribe_kit._redact import SIGNATURE_PARAMETERS, redact_urls
from transcribe_kit.events import TranscribeEvent, sqs_batch_response

#: Characters a signature, a credential scope or a session token is written with.
VALUE_CHARACTERS = string.ascii_letters + string.digits + "%/+=-_."
SECRET_PREFIX = "SeCrEt"

secrets = st.text(VALUE_CHARACTERS, min_size=4, max_size=24).map(lambda v: SECRET_PREFIX + v)
names = st.sampled_from(sorted(SIGNATURE_PARAMETERS)).flatmap(
    # The service writes X-Amz-Signature; people and tools write any case.
    lambda name: st.sampled_from([name, name.upper(), name.title()])
)
harmless = st.tuples(
    st.sampled_from(["versionId", "response-content-type", "X-Amz-Date", "X-Amz-Expires"]),
    st.text(string.ascii_letters + string.digits, max_size=8),
)
path_text = st.text(string.ascii_letters + string.digits + "/._-~ \t#", max_size=16)


@st.composite
def signed_links(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A presigned link written some way, and the secret values in it."""
    signing = draw(st.lists(st.tuples(names, secrets), min_size=1, max_size=3))
    others = draw(st.lists(harmless, max_size=2))
    parameters = draw(st.permutations(signing + others))
    equals = draw(st.sampled_from(["=", "%3D", "%3d"]))
    query = "&".join(f"{name}{equals}{value}" for name, value in parameters)
    scheme = draw(st.sampled_from(["https://", "http://", "s3://", "//", ""]))
    host = draw(st.sampled_from(["s3.us-east-1.amazonaws.com", "bucket.s3.amazonaws.com", ""]))
    link = f"{scheme}{host}/{draw(path_text)}?{query}{draw(st.sampled_from(['', '#top']))}"
    return link, [value for _, value in signing]


@st.composite
def texts_with_links(draw: st.DrawFn) -> tuple[str, list[str]]:
    link, found = draw(signed_links())
    before = draw(st.sampled_from(["", "reading ", "failed: '", "url=<", '{"uri": "']))
    after = draw(st.sampled_from(["", " failed", "'", ">", '"}', "\n"]))
    return f"{before}{link}{after}", found


def _leaked(text: str, found: list[str]) -> list[str]:
    return [value for value in found if value in text]


@settings(max_examples=300)
@given(texts_with_links())
def test_redaction_leaves_no_signing_value(case: tuple[str, list[str]]) -> None:
    text, found = case

    redacted = redact_urls(text)

    assert SECRET_PREFIX not in redacted, (text, redacted)
    assert _leaked(redacted, found) == []


@settings(max_examples=100)
@given(texts_with_links())
def test_redaction_twice_is_redaction_once(case: tuple[str, list[str]]) -> None:
    once = redact_urls(case[0])

    assert redact_urls(once) == once


@settings(max_examples=100)
@given(texts_with_links())
def test_a_connect_error_names_no_signing_value(case: tuple[str, list[str]]) -> None:
    text, found = case
    raised = aiohttp.ClientConnectionError(f"Cannot connect to {text}")

    mapped = translate(raised, "GetObject")

    assert isinstance(mapped, ConnectError)
    assert _leaked(str(mapped), found) == []


@settings(max_examples=100)
@given(
    texts_with_links(),
    st.sampled_from([TranscribeError, ConnectError, RequestTimeoutError, TranscriptFetchError]),
)
def test_no_library_error_keeps_a_signing_value(
    case: tuple[str, list[str]], error_type: type[TranscribeError]
) -> None:
    text, found = case

    error = error_type(f"reading {text} failed")

    assert _leaked(str(error), found) == []
    assert _leaked(repr(error), found) == []


class _InstantClock:
    def monotonic(self) -> float:
        return 0.0

    async def sleep(self, seconds: float) -> None:
        return None


@pytest.mark.parametrize(
    "link",
    [
        "https://s3.amazonaws.com/b/my key.json?X-Amz-Signature=SeCrEt1&X-Amz-Credential=SeCrEt2",
        "https://s3.amazonaws.com/b/k.json#part?X-Amz-Security-Token=SeCrEt3",
        "s3.amazonaws.com/b/k.json?X-Amz-Signature=SeCrEt4",
    ],
)
async def test_a_retry_log_line_names_no_signing_value(
    link: str, caplog: pytest.LogCaptureFixture
) -> None:
    attempts = 0

    async def attempt() -> None:
        nonlocal attempts
        attempts += 1
        if attempts == 1:
            mapped = translate(aiohttp.ClientConnectionError(f"reading {link}"), "GetObject")
            assert mapped is not None
            raise mapped

    clock: Clock = _InstantClock()
    with caplog.at_level(logging.WARNING, logger="transcribe_kit"):
        await RetryPolicy(max_attempts=2).call("GetObject", attempt, clock=clock)

    assert "failed on attempt 1" in caplog.text
    assert SECRET_PREFIX not in caplog.text


def test_a_lambda_handlers_failure_is_logged_without_a_signing_value(
    caplog: pytest.LogCaptureFixture,
) -> None:
    link = "https://s3.amazonaws.com/b/k.json?X-Amz-Signature=SeCrEt5"

    def handle(event: TranscribeEvent) -> None:
        raise RuntimeError(f"could not read {link}")

    with caplog.at_level(logging.WARNING, logger="transcribe_kit"):
        answer = sqs_batch_response(batch(record("m1", "a")), handle)

    assert answer == {"batchItemFailures": [{"itemIdentifier": "m1"}]}
    assert "could not read https://s3.amazonaws.com/b/k.json?<redacted>" in caplog.text
    assert SECRET_PREFIX not in caplog.text
