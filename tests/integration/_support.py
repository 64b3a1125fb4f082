"""Shared checks, a checked local client and a stubbed client for the integration tests."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import pytest
from aiobotocore.stub import AioStubber
from botocore.validate import ParamValidator

from transcribe_kit import RateLimits, RetryPolicy, ServiceError, TranscribeClient
from transcribe_kit._session import new_session
from transcribe_kit.testing import LocalBackend

ErrorT = TypeVar("ErrorT", bound=ServiceError)

#: The request id a stubbed error response carries.
STUB_REQUEST_ID = "1a2b3c4d-0000-4000-8000-000000000001"


async def expect_service_error(
    call: Awaitable[object],
    error_type: type[ErrorT],
    *,
    code: str,
    operation_name: str,
    http_status: int = 400,
) -> ErrorT:
    """``call`` raises ``error_type`` carrying the code, operation, HTTP status and a request id."""
    with pytest.raises(error_type) as caught:
        await call
    error = caught.value
    assert error.code == code
    assert error.operation_name == operation_name
    assert error.http_status == http_status
    assert error.request_id
    return error


def add_service_error(
    stubber: AioStubber,
    method: str,
    code: str,
    message: str,
    *,
    http_status: int = 400,
    expected_params: dict[str, Any] | None = None,
) -> None:
    """Queue an error answer for ``method`` that carries :data:`STUB_REQUEST_ID`."""
    stubber.add_client_error(
        method,
        code,
        message,
        http_status,
        expected_params=expected_params,
        response_meta={"RequestId": STUB_REQUEST_ID},
    )


@asynccontextmanager
async def stubbed_client() -> AsyncIterator[tuple[TranscribeClient, AioStubber]]:
    """A TranscribeClient over a stubbed aiobotocore client that carries the bundled model.

    aiobotocore's ``AioStubber`` is botocore's ``Stubber`` with awaitable HTTP responses: it
    checks each request against the model and the expected parameters, and every queued
    response against the model. On exit every queued response must have been used. Each
    call is tried once, so that one queued answer is one call's answer.
    """
    session = new_session()
    async with session.create_client(
        "transcribe",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ) as raw:
        with AioStubber(raw) as stubber:
            async with TranscribeClient(
                client=raw, retry_policy=RetryPolicy.none(), rate_limits=RateLimits.disabled()
            ) as client:
                yield client, stubber
            stubber.assert_no_pending_responses()


@asynccontextmanager
async def checked_client(backend: LocalBackend, **settings: Any) -> AsyncIterator[TranscribeClient]:
    """A client bound to ``backend`` (with ``settings``) that checks every answer it gets.

    Each answer is validated (botocore's ``ParamValidator``, as its stubber validates a
    queued response) against the operation's output shape in the bundled model; on exit,
    no answer may have broken it.
    """
    broken: list[str] = []

    def check(http_response: Any, parsed: dict[str, Any], model: Any, **_: Any) -> None:
        if http_response.status_code != 200:
            return
        answer = {k: v for k, v in parsed.items() if k != "ResponseMetadata"}
        if model.output_shape is None:
            if answer:
                broken.append(f"{model.name}: answers {answer} where the model has no output")
            return
        report = ParamValidator().validate(answer, model.output_shape)
        if report.has_errors():
            broken.append(f"{model.name}: {report.generate_report()}")

    async with backend.client(**{"rate_limits": RateLimits.disabled(), **settings}) as client:
        client.aiobotocore_client.meta.events.register("after-call.transcribe", check)
        yield client
    assert not broken, "answers that break the service model:\n" + "\n".join(broken)
