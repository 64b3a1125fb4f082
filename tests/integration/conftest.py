from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from tests.integration._support import checked_client
from transcribe_kit import TranscribeClient
from transcribe_kit.testing import LocalBackend


@pytest_asyncio.fixture
async def tk(transcribe_backend: LocalBackend) -> AsyncIterator[TranscribeClient]:
    """A client on the emptied local backend whose every answer is checked against the model."""
    async with checked_client(transcribe_backend) as client:
        yield client
