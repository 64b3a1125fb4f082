"""pytest fixtures over :class:`~transcribe_kit.testing.LocalBackend`.

``local_backend`` (session scope) runs one server for the whole test session;
``transcribe_backend`` resets it before each test and gives the same object;
``transcribe_client`` is an open :class:`~transcribe_kit.TranscribeClient` bound to it,
``local_s3`` an open aiobotocore S3 client bound to its S3.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import pytest_asyncio

from transcribe_kit._client import TranscribeClient
from transcribe_kit.testing._local import LocalBackend


@pytest.fixture(scope="session")
def local_backend() -> Iterator[LocalBackend]:
    """One local Transcribe + S3 server for the test session."""
    with LocalBackend() as backend:
        yield backend


@pytest.fixture
def transcribe_backend(local_backend: LocalBackend) -> LocalBackend:
    """The local backend, emptied before the test."""
    local_backend.reset()
    return local_backend


@pytest_asyncio.fixture
async def transcribe_client(transcribe_backend: LocalBackend) -> AsyncIterator[TranscribeClient]:
    """An open TranscribeClient bound to the emptied local backend."""
    async with transcribe_backend.client() as client:
        yield client


@pytest_asyncio.fixture
async def local_s3(transcribe_backend: LocalBackend) -> AsyncIterator[Any]:
    """An open aiobotocore S3 client bound to the emptied local backend's S3."""
    from aiobotocore.session import AioSession

    async with AioSession().create_client("s3", **transcribe_backend.client_settings) as client:
        yield client
