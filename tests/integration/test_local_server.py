"""``python -m transcribe_kit.local``: one local backend that shell commands share."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiobotocore.session import AioSession

from transcribe_kit import TranscribeClient, TranscriptionJobOptions

#: What ``serve`` prints on stdout: one ``export NAME=VALUE`` line per variable.
EXPORTS = 7


class Server:
    """The server process and the environment its ``export`` lines give."""

    def __init__(self, process: subprocess.Popen[str], environment: dict[str, str]) -> None:
        self.process = process
        self.environment = environment

    def stop(self) -> int:
        """Stop it as a service manager would (SIGTERM); its exit status."""
        self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=30)
        finally:
            if self.process.stdout is not None:
                self.process.stdout.close()

    @property
    def endpoint_url(self) -> str:
        return self.environment["AWS_ENDPOINT_URL"]

    def run(self, *argv: str) -> subprocess.CompletedProcess[str]:
        """``python -m transcribe_kit ARGV`` in another process, configured by the exports."""
        env = {**os.environ, **self.environment}
        env.pop("AWS_PROFILE", None)
        return subprocess.run(
            [sys.executable, "-m", "transcribe_kit", *argv],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )


def _exports(process: subprocess.Popen[str]) -> dict[str, str]:
    lines: list[str] = []

    def read() -> None:
        assert process.stdout is not None
        lines.extend(process.stdout.readline() for _ in range(EXPORTS))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(60)
    pairs = [line.removeprefix("export ").strip().partition("=") for line in lines]
    return {name: value for name, _, value in pairs if name}


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[list[Server]]:
    """Starts ``python -m transcribe_kit.local`` with the arguments given; stops it after."""
    started: list[Server] = []
    yield started
    for server in started:
        server.stop()


def _start(started: list[Server], *argv: str) -> Server:
    process = subprocess.Popen(
        [sys.executable, "-m", "transcribe_kit.local", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    server = Server(process, _exports(process))
    started.append(server)
    assert server.endpoint_url.startswith("http://127.0.0.1:")
    return server


async def _make_bucket(server: Server, bucket: str) -> None:
    settings = {
        "endpoint_url": server.endpoint_url,
        "region_name": server.environment["AWS_REGION"],
        "aws_access_key_id": server.environment["AWS_ACCESS_KEY_ID"],
        "aws_secret_access_key": server.environment["AWS_SECRET_ACCESS_KEY"],
    }
    async with AioSession().create_client("s3", **settings) as s3:
        await s3.create_bucket(Bucket=bucket)


async def test_shell_commands_share_the_server_and_its_registered_transcripts(
    serve: list[Server], tmp_path: Path
) -> None:
    media = tmp_path / "standup.wav"
    media.write_bytes(b"RIFF\x00\x00\x00\x00WAVE" + bytes(32))
    words = tmp_path / "standup.txt"
    words.write_text("spk_0: Yesterday I fixed the build.\nspk_1: Great, thanks.\n")
    server = _start(serve, "--transcript", f"{media}={words}")
    await _make_bucket(server, "media")

    transcribed = server.run("transcribe", str(media), "--mode", "job", "--bucket", "media")
    listed = server.run("jobs", "list")

    assert transcribed.returncode == 0, transcribed.stderr
    assert transcribed.stdout.strip() == "Yesterday I fixed the build. Great, thanks."
    assert "COMPLETED" in listed.stdout


async def test_register_adds_a_transcript_to_a_running_server(
    serve: list[Server], tmp_path: Path
) -> None:
    words = tmp_path / "call.txt"
    words.write_text("Thanks for calling.\n")
    server = _start(serve)

    registered = server.run("local", "register", "s3://calls/one.wav", str(words))
    async with TranscribeClient(
        endpoint_url=server.endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    ) as tk:
        result = await tk.transcribe(
            "s3://calls/one.wav",
            language_code="en-US",
            mode="job",
            job=TranscriptionJobOptions(),
        )

    assert registered.returncode == 0, registered.stderr
    assert result.transcript.text == "Thanks for calling."


def test_the_server_stops_cleanly_on_sigterm(serve: list[Server]) -> None:
    server = _start(serve)
    serve.clear()

    assert server.stop() == 0
