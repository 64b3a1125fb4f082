"""pytest fixtures over :class:`~transcribe_kit.testing.LocalBackend`.

Enable with ``pytest_plugins = ["transcribe_kit.testing.pytest_plugin"]`` in a
``conftest.py``. The async fixtures are ``pytest_asyncio`` fixtures: they work in
pytest-asyncio's ``auto`` mode and, with ``@pytest.mark.asyncio`` on the tests, in its
``strict`` mode.

- ``local_backend`` (session scope) runs one backend for the whole test session;
- ``transcribe_backend`` resets it before each test (resources, objects, scripts, clock)
  and gives the same object, whose methods script the test's outcomes;
- ``transcribe_client`` is an open :class:`~transcribe_kit.TranscribeClient` bound to it,
  whose waiters and watchers poll every 0.1 to 0.5 s and give up after a minute
  (:data:`LOCAL_WAIT_POLICY`), as suits jobs that take a second;
- ``local_s3`` is an open aiobotocore S3 client bound to its S3, and ``local_bucket`` the
  name of a bucket made there for the test;
- ``local_clock`` is the backend's clock, frozen for the test: jobs move only when the
  test advances it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Final

import pytest
import pytest_asyncio

from transcribe_kit._client import TranscribeClient
from transcribe_kit.testing._local import LocalBackend, LocalClock
from transcribe_kit.waiters import WaitPolicy

#: The wait policy of the ``transcribe_client`` fixture.
LOCAL_WAIT_POLICY: Final = WaitPolicy(initial_delay=0.1, max_delay=0.5, timeout=60.0)
#: The bucket ``local_bucket`` makes.
LOCAL_BUCKET: Final = "transcribe-kit-tests"


@pytest.fixture(scope="session")
def local_backend() -> Iterator[LocalBackend]:
    """One local Transcribe + S3 backend for the test session."""
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
    async with transcribe_backend.client(wait_policy=LOCAL_WAIT_POLICY) as client:
        yield client


@pytest_asyncio.fixture
async def local_s3(transcribe_backend: LocalBackend) -> AsyncIterator[Any]:
    """An open aiobotocore S3 client bound to the emptied local backend's S3."""
    from aiobotocore.session import AioSession

    async with AioSession().create_client("s3", **transcribe_backend.client_settings) as client:
        yield client


@pytest_asyncio.fixture
async def local_bucket(local_s3: Any, transcribe_backend: LocalBackend) -> str:
    """The name of an empty bucket in the local backend's S3."""
    extra: dict[str, Any] = {}
    if transcribe_backend.region_name != "us-east-1":
        extra["CreateBucketConfiguration"] = {"LocationConstraint": transcribe_backend.region_name}
    await local_s3.create_bucket(Bucket=LOCAL_BUCKET, **extra)
    return LOCAL_BUCKET


@pytest.fixture
def local_clock(transcribe_backend: LocalBackend) -> LocalClock:
    """The local backend's clock, frozen: statuses move only as the test advances it."""
    transcribe_backend.clock.freeze()
    return transcribe_backend.clock
