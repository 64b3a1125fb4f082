"""Presigned links fetched over real HTTP from a loopback server standing in for S3.

The client's configured endpoint is the loopback server, the one plain-http origin a
document may come from; every other origin must be https on an AWS host.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from aiohttp import web

from tests.documents import HEALTHSCRIBE, OLDER_SPEAKERS
from transcribe_kit import (
    FetchLimits,
    GetMedicalScribeJobResponse,
    MedicalScribeJob,
    MedicalScribeJobStatus,
    MedicalScribeOutput,
    MedicalScribeTranscript,
    MedicalTranscript,
    MedicalTranscriptionJob,
    RequestTimeoutError,
    RetryPolicy,
    TranscribeClient,
    Transcript,
    TranscriptFetchError,
    TranscriptionJobStatus,
    TranscriptLinkExpiredError,
    TranscriptTooLargeError,
    UntrustedUrlError,
)

SIGNATURE = "d3adb33fc0ffee"
QUERY = f"X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIA%2Fx&X-Amz-Signature={SIGNATURE}"
EXPIRED = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code>'
    b"<Message>Request has expired</Message><RequestId>R1</RequestId></Error>"
)


class FakeS3Server:
    """Serves documents, errors and stalls on 127.0.0.1; counts the requests per path."""

    def __init__(self, documents: dict[str, bytes]) -> None:
        self.documents = documents
        self.requests: list[str] = []
        self.release = asyncio.Event()
        self.failures_before_success = 0
        self.url = ""
        app = web.Application()
        app.router.add_get("/doc/{name}", self.document)
        app.router.add_get("/expired", self.expired)
        app.router.add_get("/stall", self.stall)
        app.router.add_get("/streamed", self.streamed)
        app.router.add_get("/redirect", self.redirect)
        app.router.add_get("/flaky/{name}", self.flaky)
        self.runner = web.AppRunner(app)

    async def start(self) -> None:
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        host, port = self.runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"

    async def stop(self) -> None:
        self.release.set()
        await self.runner.cleanup()

    def link(self, path: str) -> str:
        return f"{self.url}{path}?{QUERY}"

    async def document(self, request: web.Request) -> web.Response:
        self.requests.append(request.path)
        return web.Response(body=self.documents[request.match_info["name"]])

    async def expired(self, request: web.Request) -> web.Response:
        self.requests.append(request.path)
        return web.Response(status=403, body=EXPIRED, content_type="application/xml")

    async def stall(self, request: web.Request) -> web.Response:
        self.requests.append(request.path)
        await self.release.wait()
        return web.Response(body=b"{}")

    async def streamed(self, request: web.Request) -> web.StreamResponse:
        """A body without Content-Length, larger than any cap the tests set."""
        self.requests.append(request.path)
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(64):
            await response.write(b"x" * 1024)
        await response.write_eof()
        return response

    async def redirect(self, request: web.Request) -> web.Response:
        self.requests.append(request.path)
        raise web.HTTPFound("https://example.com/elsewhere")

    async def flaky(self, request: web.Request) -> web.Response:
        self.requests.append(request.path)
        if self.failures_before_success > 0:
            self.failures_before_success -= 1
            return web.Response(status=503, body=b"<Error><Code>SlowDown</Code></Error>")
        return web.Response(body=self.documents[request.match_info["name"]])


@pytest_asyncio.fixture
async def server() -> AsyncIterator[FakeS3Server]:
    fake = FakeS3Server({"transcript": OLDER_SPEAKERS, "scribe": json.dumps(HEALTHSCRIBE).encode()})
    await fake.start()
    yield fake
    await fake.stop()


@pytest_asyncio.fixture
async def tk(server: FakeS3Server) -> AsyncIterator[TranscribeClient]:
    async with TranscribeClient(
        region_name="us-east-1",
        endpoint_url=server.url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        retry_policy=RetryPolicy.none(),
    ) as client:
        yield client


async def test_a_presigned_link_on_the_configured_endpoint_is_fetched(
    tk: TranscribeClient, server: FakeS3Server
) -> None:
    document = await tk.fetch_transcript(server.link("/doc/transcript"))

    assert isinstance(document, Transcript)
    assert document.speaker_turns()
    assert server.requests == ["/doc/transcript"]


async def test_the_job_kind_picks_the_document_type(
    tk: TranscribeClient, server: FakeS3Server
) -> None:
    medical = MedicalTranscriptionJob(
        medical_transcription_job_name="m",
        transcription_job_status=TranscriptionJobStatus.COMPLETED,
        transcript=MedicalTranscript(transcript_file_uri=server.link("/doc/transcript")),
    )
    scribe = GetMedicalScribeJobResponse(
        medical_scribe_job=MedicalScribeJob(
            medical_scribe_job_name="s",
            medical_scribe_job_status=MedicalScribeJobStatus.COMPLETED,
            medical_scribe_output=MedicalScribeOutput(
                transcript_file_uri=server.link("/doc/scribe"),
                clinical_document_uri=server.link("/doc/clinical"),
            ),
        )
    )

    assert isinstance(await tk.fetch_transcript(medical), Transcript)
    assert isinstance(await tk.fetch_transcript(scribe), MedicalScribeTranscript)


async def test_plain_http_off_the_configured_endpoint_is_refused_unsent(
    tk: TranscribeClient, server: FakeS3Server
) -> None:
    elsewhere = server.link("/doc/transcript").replace("127.0.0.1", "localhost")

    with pytest.raises(UntrustedUrlError):
        await tk.fetch_transcript(elsewhere)
    assert server.requests == []


async def test_an_expired_link_says_to_get_the_job_again(
    tk: TranscribeClient, server: FakeS3Server
) -> None:
    with pytest.raises(TranscriptLinkExpiredError) as caught:
        await tk.fetch_transcript(server.link("/expired"))

    error = caught.value
    assert error.http_status == 403
    assert error.code == "AccessDenied"
    assert "get the job again" in str(error)
    assert "Request has expired" in str(error)
    assert SIGNATURE not in str(error)
    assert error.uri == f"{server.url}/expired?<redacted>"
    assert error.__cause__ is None
    assert error.__suppress_context__


async def test_a_document_declared_over_the_limit_is_refused(
    tk: TranscribeClient, server: FakeS3Server
) -> None:
    limited = tk.with_options(fetch_limits=FetchLimits(max_bytes=1000))

    with pytest.raises(TranscriptTooLargeError) as caught:
        await limited.fetch_transcript(server.link("/doc/transcript"))
    assert SIGNATURE not in str(caught.value)


async def test_a_streamed_document_is_cut_at_the_limit(
    tk: TranscribeClient, server: FakeS3Server
) -> None:
    limited = tk.with_options(fetch_limits=FetchLimits(max_bytes=10_000))

    with pytest.raises(TranscriptTooLargeError):
        await limited.fetch_transcript(server.link("/streamed"))


async def test_a_stalled_answer_times_out(tk: TranscribeClient, server: FakeS3Server) -> None:
    limited = tk.with_options(fetch_limits=FetchLimits(timeout=0.05))

    with pytest.raises(RequestTimeoutError) as caught:
        await limited.fetch_transcript(server.link("/stall"))
    assert SIGNATURE not in str(caught.value)
    assert server.requests == ["/stall"]


async def test_a_redirect_is_not_followed(tk: TranscribeClient, server: FakeS3Server) -> None:
    with pytest.raises(TranscriptFetchError) as caught:
        await tk.fetch_transcript(server.link("/redirect"))
    assert caught.value.http_status == 302


async def test_server_errors_are_retried_and_logged_without_the_signature(
    tk: TranscribeClient, server: FakeS3Server, caplog: pytest.LogCaptureFixture
) -> None:
    server.failures_before_success = 1
    policy = RetryPolicy(max_attempts=2, initial_backoff=0, jitter=0)
    retrying = tk.with_options(retry_policy=policy)

    with caplog.at_level(logging.WARNING, logger="transcribe_kit"):
        document = await retrying.fetch_transcript(server.link("/flaky/transcript"))

    assert isinstance(document, Transcript)
    assert server.requests == ["/flaky/transcript", "/flaky/transcript"]
    assert "SlowDown" in caplog.text
    assert SIGNATURE not in caplog.text
