from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator

import pytest
import pytest_asyncio

from tests.integration._moto import MotoServer
from tests.integration._support import checked_client
from transcribe_kit import TranscribeClient
from transcribe_kit.testing import LocalBackend


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # The modules of operations moto implements run against moto's server as well; not in
    # Python's development mode, whose strict HTTP parser (in aiohttp) refuses moto's
    # answers: they carry a Server header twice.
    if (
        getattr(metafunc.module, "ALSO_AGAINST_MOTO", False)
        and "transcribe_backend" in metafunc.fixturenames
        and not sys.flags.dev_mode
    ):
        metafunc.parametrize("transcribe_backend", ["local", "moto"], indirect=True)


@pytest.fixture(scope="session")
def moto_server() -> Iterator[MotoServer]:
    server = MotoServer()
    yield server
    server.stop()


@pytest.fixture
def transcribe_backend(
    request: pytest.FixtureRequest, local_backend: LocalBackend
) -> Iterator[LocalBackend]:
    """The emptied local backend, or moto's server where a module asks for it too."""
    if getattr(request, "param", "local") == "moto":
        server: MotoServer = request.getfixturevalue("moto_server")
        server.reset()
        yield server  # type: ignore[misc]  # the part of LocalBackend the tests use
        server.restore()
        return
    local_backend.reset()
    yield local_backend


@pytest_asyncio.fixture
async def tk(transcribe_backend: LocalBackend) -> AsyncIterator[TranscribeClient]:
    """A client on the emptied local backend whose every answer is checked against the model."""
    async with checked_client(transcribe_backend) as client:
        yield client
