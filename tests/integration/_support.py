"""Shared checks and a stubbed client for the integration tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiobotocore.stub import AioStubber

from transcribe_kit import ServiceError, TranscribeClient
from transcribe_kit._session import new_session

#: The request id a stubbed error response carries.
STUB_REQUEST_ID = "1a2b3c4d-0000-4000-8000-000000000001"


def assert_service_error(
    error: ServiceError, *, code: str, operation_name: str, http_status: int = 400
) -> None:
    """The error carries the service's code, the operation, the HTTP status and a request id."""
    assert error.code == code
    assert error.operation_name == operation_name
    assert error.http_status == http_status
    assert error.request_id


@asynccontextmanager
async def stubbed_client() -> AsyncIterator[tuple[TranscribeClient, AioStubber]]:
    """A TranscribeClient over a stubbed aiobotocore client that carries the bundled model.

    aiobotocore's ``AioStubber`` is botocore's ``Stubber`` with awaitable HTTP responses: it
    checks each request against the model and the expected parameters, and every queued
    response against the model. On exit every queued response must have been used.
    """
    session = new_session()
    async with session.create_client(
        "transcribe",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ) as raw:
        with AioStubber(raw) as stubber:
            async with TranscribeClient(client=raw) as client:
                yield client, stubber
            stubber.assert_no_pending_responses()
