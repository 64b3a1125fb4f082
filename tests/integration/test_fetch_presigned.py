"""Presigned links fetched over real HTTP from a loopback server standing in for S3.

The client's configured endpoint is the loopback server, the one plain-http origin a
document may come from; every other origin must be https on an S3 endpoint.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp import web

from tests.documents import HEALTHSCRIBE, OLDER_SPEAKERS
from tests.loopback import serve
from transcribe_kit import (
    ConnectError,
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
        self.authorizations: list[str | None] = []
        self.release = asyncio.Event()
        self.failures_before_success = 0
        self.cuts_before_success = 0
        self.url = ""
        app = web.Application()
        app.router.add_get("/doc/{name}", self.document)
        app.router.add_get("/expired", self.expired)
        app.router.add_get("/stall", self.stall)
        app.router.add_get("/stall/{name}", self.stall)
        app.router.add_get("/streamed", self.streamed)
        app.router.add_get("/redirect", self.redirect)
        app.router.add_get("/flaky/{name}", self.flaky)
        app.router.add_get("/cut/{name}", self.cut)
        self.runner = web.AppRunner(app)

    async def start(self) -> None:
        self.url = await serve(self.runner)

    async def stop(self) -> None:
        self.release.set()
        await self.runner.cleanup()

    def link(self, path: str) -> str:
        return f"{self.url}{path}?{QUERY}"

    async def document(self, request: web.Request) -> web.Response:
        self.requests.append(request.path)
        self.authorizations.append(request.headers.get("Authorization"))
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

    async def cut(self, request: web.Request) -> web.StreamResponse:
        """The document, or while ``cuts_before_success`` lasts, half of it and a hang-up."""
        self.requests.append(request.path)
        body = self.documents[request.match_info["name"]]
        if self.cuts_before_success == 0:
            return web.Response(body=body)
        self.cuts_before_success -= 1
        response = web.StreamResponse()
        response.content_length = len(body)
        await response.prepare(request)
        await response.write(body[: len(body) // 2])
        assert request.transport is not None
        request.transport.close()
        return response


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


@pytest.mark.parametrize(
    "path",
    [pytest.param("/stall", id="presigned-link"), pytest.param("/stall/object", id="s3-object")],
)
async def test_a_fetch_gets_only_the_time_left_of_the_retry_deadline(
    tk: TranscribeClient, server: FakeS3Server, path: str
) -> None:
    bounded = tk.with_options(retry_policy=RetryPolicy(total_timeout=0.5))
    uri = server.link(path) if path == "/stall" else f"{server.url}{path}"
    started = time.monotonic()

    with pytest.raises(RequestTimeoutError) as caught:
        await bounded.fetch_transcript(uri)

    assert time.monotonic() - started < 1.5
    assert "total_timeout" in str(caught.value)
    assert SIGNATURE not in str(caught.value)


@pytest.mark.parametrize("url", ["https://[::1", "https://[::1/k.json?X-Amz-Signature=0ff"])
async def test_a_url_that_is_no_url_is_a_fetch_error(tk: TranscribeClient, url: str) -> None:
    with pytest.raises(UntrustedUrlError) as caught:
        await tk.fetch_transcript(url)

    assert "0ff" not in str(caught.value)


@pytest.fixture
def netrc_everywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A home whose ``~/.netrc`` has a ``default`` entry, which matches any host."""
    netrc = tmp_path / ".netrc"
    netrc.write_text("default login someone password machine-secret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("NETRC", str(netrc))


@pytest.mark.usefixtures("netrc_everywhere")
async def test_a_link_is_fetched_without_the_machines_netrc_credentials(
    tk: TranscribeClient, server: FakeS3Server
) -> None:
    await tk.fetch_transcript(server.link("/doc/transcript"))

    assert server.authorizations == [None]


class FakeProxy:
    """An HTTP proxy on 127.0.0.1 that answers for every URL itself, and records each request."""

    def __init__(self, document: bytes) -> None:
        self.document = document
        self.seen: list[tuple[str, str | None, str | None]] = []
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self.handle)
        self.runner = web.AppRunner(app)
        self.url = ""

    async def handle(self, request: web.Request) -> web.Response:
        headers = request.headers
        self.seen.append(
            (request.raw_path, headers.get("Proxy-Authorization"), headers.get("Authorization"))
        )
        return web.Response(body=self.document)

    async def __aenter__(self) -> FakeProxy:
        self.url = await serve(self.runner)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.runner.cleanup()


@pytest.mark.usefixtures("netrc_everywhere")
async def test_the_environments_proxy_is_used_with_the_credentials_of_its_url(
    tk: TranscribeClient, server: FakeS3Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    async with FakeProxy(OLDER_SPEAKERS) as proxy:
        address = proxy.url.replace("http://", "http://user:proxy-pass@")
        monkeypatch.setenv("HTTP_PROXY", address)
        monkeypatch.setenv("http_proxy", address)

        document = await tk.fetch_transcript(server.link("/doc/transcript"))

    assert isinstance(document, Transcript)
    assert server.requests == []
    [(url, proxy_authorization, authorization)] = proxy.seen
    assert url == server.link("/doc/transcript")
    assert proxy_authorization == "Basic " + base64.b64encode(b"user:proxy-pass").decode()
    assert authorization is None


async def test_no_proxy_exempts_a_host(
    tk: TranscribeClient, server: FakeS3Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with FakeProxy(b"{}") as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        monkeypatch.setenv("http_proxy", proxy.url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        monkeypatch.setenv("no_proxy", "127.0.0.1")

        await tk.fetch_transcript(server.link("/doc/transcript"))

    assert proxy.seen == []
    assert server.requests == ["/doc/transcript"]


CUT_PATHS = [
    pytest.param(True, id="presigned-link"),
    pytest.param(False, id="s3-object"),
]


def _cut_uri(server: FakeS3Server, presigned: bool) -> str:
    return server.link("/cut/transcript") if presigned else f"{server.url}/cut/transcript"


@pytest.mark.parametrize("presigned", CUT_PATHS)
async def test_a_body_cut_off_mid_way_is_retried(
    tk: TranscribeClient, server: FakeS3Server, presigned: bool
) -> None:
    server.cuts_before_success = 1
    retrying = tk.with_options(
        retry_policy=RetryPolicy(max_attempts=2, initial_backoff=0, jitter=0)
    )

    document = await retrying.fetch_transcript(_cut_uri(server, presigned))

    assert isinstance(document, Transcript)
    assert server.requests == ["/cut/transcript", "/cut/transcript"]


@pytest.mark.parametrize("presigned", CUT_PATHS)
async def test_a_body_cut_off_every_time_ends_as_a_connect_error(
    tk: TranscribeClient, server: FakeS3Server, presigned: bool
) -> None:
    server.cuts_before_success = 3
    retrying = tk.with_options(
        retry_policy=RetryPolicy(max_attempts=3, initial_backoff=0, jitter=0)
    )

    with pytest.raises(ConnectError) as caught:
        await retrying.fetch_transcript(_cut_uri(server, presigned))

    assert server.requests == ["/cut/transcript"] * 3
    assert SIGNATURE not in str(caught.value)
