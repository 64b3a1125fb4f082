"""The S3 client of result documents: opened on first use, once, and closed with the client."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from transcribe_kit import TranscribeClient
from transcribe_kit._documents import DocumentReader


class FakeS3:
    def __init__(self) -> None:
        self.opened = 0
        self.closed = 0

    @contextlib.asynccontextmanager
    async def client(self) -> AsyncIterator[FakeS3]:
        self.opened += 1
        try:
            yield self
        finally:
            self.closed += 1


async def test_the_s3_client_is_opened_once_on_first_use() -> None:
    fake = FakeS3()
    reader = DocumentReader(fake.client, endpoint_url=None)
    assert fake.opened == 0

    clients = await asyncio.gather(*(reader.s3_client() for _ in range(5)))

    assert fake.opened == 1
    assert all(client is fake for client in clients)


async def test_closing_the_reader_closes_the_s3_client() -> None:
    fake = FakeS3()
    reader = DocumentReader(fake.client, endpoint_url=None)
    await reader.s3_client()

    await reader.close()
    await reader.close()

    assert fake.closed == 1


async def test_closing_the_transcribe_client_closes_its_document_reader() -> None:
    fake = FakeS3()
    async with TranscribeClient(
        region_name="us-east-1",
        endpoint_url="http://127.0.0.1:9",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ) as tk:
        tk._documents = DocumentReader(fake.client, endpoint_url=None)
        await tk.with_options(fetch_limits=None)._document_reader().s3_client()
        await tk.with_options().close()
        assert fake.closed == 0

    assert fake.closed == 1
