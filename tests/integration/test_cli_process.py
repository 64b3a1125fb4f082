"""The transcribe-kit console script run as a user runs it: in a process, piped or on a terminal.

Each test starts the installed console script against the local backend (the test
session's, or one ``python -m transcribe_kit.local`` runs) with the environment its
``export`` lines set, and bounds every wait.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import srt

from transcribe_kit import (
    LanguageCode,
    Media,
    RateLimits,
    StartTranscriptionJobRequest,
)
from transcribe_kit.cli import EXIT_BROKEN_PIPE, EXIT_JOB_FAILED
from transcribe_kit.local import environment
from transcribe_kit.testing import LocalBackend

#: The longest any one command here may take.
COMMAND_BOUND = 120.0
SCRIPT = shutil.which("transcribe-kit", path=str(Path(sys.executable).parent))
BUCKET = "batch-media"
SAYS = {
    "standup": "Yesterday I fixed the build.\nToday I review the release.",
    "retro": "What went well?\nThe tests ran fast.",
    "planning": "Next week we ship.",
}


def _user_env(**extra: str) -> dict[str, str]:
    """Our environment as a user's shell has it, with ``extra`` applied.

    Without asyncio's debug mode, which CI turns on for the test process: it writes its own
    warnings (a slow callback) to the stderr whose lines these tests read.
    """
    env = {**os.environ, **extra}
    for name in ("AWS_PROFILE", "PYTHONASYNCIODEBUG", "PYTHONDEVMODE"):
        env.pop(name, None)
    return env


def _env(backend: LocalBackend, **extra: str) -> dict[str, str]:
    """A user's environment with the local backend's ``export`` lines applied."""
    return _user_env(**environment(backend.endpoint_url, backend.region_name), **extra)


def _script(*argv: str) -> list[str]:
    assert SCRIPT is not None, "the transcribe-kit console script is not installed"
    return [SCRIPT, *argv]


@pytest.fixture
def quick_jobs(transcribe_backend: LocalBackend) -> LocalBackend:
    transcribe_backend.set_progression(seconds=0.3)
    return transcribe_backend


def _start_jobs(backend: LocalBackend, count: int) -> None:
    async def start() -> None:
        async with backend.client(rate_limits=RateLimits.disabled()) as tk:
            for i in range(count):
                await tk.start_transcription_job(
                    StartTranscriptionJobRequest(
                        transcription_job_name=f"listed-{i:04}",
                        language_code=LanguageCode.EN_US,
                        media=Media(media_file_uri=f"s3://media/listed-{i:04}.wav"),
                    )
                )

    asyncio.run(start())


# A closed stdout


def test_output_to_a_closed_pipe_exits_quietly(transcribe_backend: LocalBackend) -> None:
    _start_jobs(transcribe_backend, 1)
    read, write = os.pipe()
    os.close(read)  # nobody will read: the first write fails
    try:
        done = subprocess.run(
            _script("jobs", "list", "--json"),
            stdout=write,
            stderr=subprocess.PIPE,
            env=_env(transcribe_backend),
            timeout=COMMAND_BOUND,
            check=False,
        )
    finally:
        os.close(write)

    assert done.stderr == b""
    assert done.returncode == EXIT_BROKEN_PIPE


def test_jobs_list_json_into_head_prints_one_line_and_no_traceback(
    transcribe_backend: LocalBackend,
) -> None:
    # More than a pipe holds (64 KiB), so that the listing is still being written when
    # head has read its line and gone.
    _start_jobs(transcribe_backend, 400)
    command = " ".join(_script("jobs", "list", "--json"))

    done = subprocess.run(
        ["bash", "-c", f'{command} | head -1; echo "exit=${{PIPESTATUS[0]}}" >&2'],
        capture_output=True,
        text=True,
        env=_env(transcribe_backend),
        timeout=COMMAND_BOUND,
        check=False,
    )

    assert done.stdout == "[\n"
    # Whether a write is refused depends on when head leaves: a write the pipe took in
    # part before it left returns without an error (exit 0); a later one is refused
    # (141). Either way nothing but the exit status reaches stderr.
    assert done.stderr in ("exit=0\n", f"exit={EXIT_BROKEN_PIPE}\n")


# batch


@pytest.fixture
def media(tmp_path: Path, quick_jobs: LocalBackend) -> list[Path]:
    """Three local files, each registered with what its jobs say."""
    files = []
    for name, said in SAYS.items():
        path = tmp_path / f"{name}.wav"
        path.write_bytes(f"RIFF {name}".encode())
        quick_jobs.set_transcript(path, said)
        files.append(path)
    return files


@pytest.fixture
def media_bucket(quick_jobs: LocalBackend) -> str:
    async def create() -> None:
        from aiobotocore.session import AioSession

        async with AioSession().create_client("s3", **quick_jobs.client_settings) as s3:
            await s3.create_bucket(Bucket=BUCKET)

    asyncio.run(create())
    return BUCKET


def _s3_text(backend: LocalBackend, key: str) -> str:
    async def read() -> str:
        from aiobotocore.session import AioSession

        async with AioSession().create_client("s3", **backend.client_settings) as s3:
            answer = await s3.get_object(Bucket=BUCKET, Key=key)
            async with answer["Body"] as body:
                data: bytes = await body.read()
        return data.decode()

    return asyncio.run(read())


def test_batch_piped_writes_each_result_beside_its_source_with_plain_lines(
    quick_jobs: LocalBackend, media: list[Path], media_bucket: str
) -> None:
    quick_jobs.set_transcript(f"s3://{BUCKET}/calls/weekly.wav", "Weekly sync starts now.")
    sources = [*map(str, media), f"s3://{BUCKET}/calls/weekly.wav"]

    done = subprocess.run(
        _script(
            "--local", "batch", *sources, "--bucket", media_bucket, "-j", "2", "--format", "srt"
        ),
        capture_output=True,
        text=True,
        env=_env(quick_jobs),
        timeout=COMMAND_BOUND,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    written = [str(path.with_suffix(".srt")) for path in media]
    assert sorted(done.stdout.splitlines()) == sorted([*written, f"s3://{BUCKET}/calls/weekly.srt"])
    for path in media:
        [*cues] = srt.parse(path.with_suffix(".srt").read_text())
        assert " ".join(cue.content.replace("\n", " ") for cue in cues) == " ".join(
            SAYS[path.stem].split("\n")
        )
    assert "Weekly sync starts now." in _s3_text(quick_jobs, "calls/weekly.srt")
    lines = done.stderr.splitlines()
    progress = [
        re.fullmatch(r"transcribe-kit: \[(\d)/4\] (.+): completed", line) for line in lines[:-1]
    ]
    assert all(progress), lines
    assert [match[1] for match in progress if match] == ["1", "2", "3", "4"]
    assert sorted(match[2] for match in progress if match) == sorted(sources)
    assert re.fullmatch(r"transcribe-kit: 4 of 4 completed in \d+:\d\d", lines[-1])
    assert "\r" not in done.stderr
    assert "\x1b" not in done.stderr


def test_batch_with_a_failed_job_prints_its_error_line_and_exits_3(
    quick_jobs: LocalBackend, media: list[Path], media_bucket: str
) -> None:
    quick_jobs.fail_jobs("transcribe-kit-retro-*", "The media format is not supported.")

    done = subprocess.run(
        _script("--local", "batch", *map(str, media), "--bucket", media_bucket),
        capture_output=True,
        text=True,
        env=_env(quick_jobs),
        timeout=COMMAND_BOUND,
        check=False,
    )

    assert done.returncode == EXIT_JOB_FAILED
    assert sorted(done.stdout.splitlines()) == sorted(
        str(path.with_suffix(".txt")) for path in media if path.stem != "retro"
    )
    [failure] = [line for line in done.stderr.splitlines() if "retro" in line]
    assert re.fullmatch(
        r"transcribe-kit: \[\d/3\] \S+retro\.wav: transcription job 'transcribe-kit-retro-\w+' "
        r"failed: The media format is not supported\.",
        failure,
    )
    assert done.stderr.splitlines()[-1].startswith("transcribe-kit: 2 of 3 completed, 1 failed")
    assert not (media[1].with_suffix(".txt")).exists()


def test_batch_refuses_local_files_without_a_bucket_before_any_job(
    quick_jobs: LocalBackend, media: list[Path]
) -> None:
    done = subprocess.run(
        _script("--local", "batch", *map(str, media)),
        capture_output=True,
        text=True,
        env=_env(quick_jobs),
        timeout=COMMAND_BOUND,
        check=False,
    )

    assert done.returncode == 2
    assert done.stderr.startswith("transcribe-kit: --bucket: ")
    assert len(done.stderr.splitlines()) == 1


def _read_terminal(fd: int, process: subprocess.Popen[bytes], bound: float) -> bytes:
    """All the terminal shows until ``process`` ends (it must end within ``bound``)."""
    shown = bytearray()
    deadline = time.monotonic() + bound
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # the other end closed: the process has ended
                break
            if not chunk:
                break
            shown += chunk
        elif process.poll() is not None:
            break
    else:
        process.kill()
        pytest.fail(f"the command ran past {bound} s; it showed: {bytes(shown)!r}")
    process.wait(timeout=bound)
    return bytes(shown)


def test_batch_on_a_terminal_keeps_a_live_status_line(
    quick_jobs: LocalBackend, media: list[Path], media_bucket: str
) -> None:
    quick_jobs.set_job_duration(1.5, "transcribe-kit-planning-*")
    main, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            _script("--local", "batch", *map(str, media), "--bucket", media_bucket, "-j", "2"),
            stdin=terminal,
            stdout=terminal,
            stderr=terminal,
            env=_env(quick_jobs, TERM="xterm", COLUMNS="100"),
            close_fds=True,
        )
        os.close(terminal)
        shown = _read_terminal(main, process, COMMAND_BOUND).decode()
    finally:
        os.close(main)
        with contextlib.suppress(OSError):
            os.close(terminal)

    assert process.returncode == 0, shown
    # The status line is drawn in place: erased and drawn again, bar, counts and clock.
    assert "\r\x1b[K[" in shown
    assert re.search(r"\[#*-*\] [0-3]/3  [0-2] running  \d:\d\d", shown)
    assert re.search(r"\[#{24}\] 3/3  0 running  \d:\d\d", shown)
    # Every result's path was printed, above the status line.
    for path in media:
        assert str(path.with_suffix(".txt")) in shown
        assert path.with_suffix(".txt").read_text() == SAYS[path.stem].replace("\n", " ") + "\n"
    # The last line is the summary, the status line erased before it.
    assert re.search(r"\r\x1b\[Ktranscribe-kit: 3 of 3 completed in \d:\d\d\r?\n$", shown)


# --local with the server python -m transcribe_kit.local runs


@contextlib.contextmanager
def _local_server() -> Iterator[dict[str, str]]:
    """``python -m transcribe_kit.local``, running; the variables its export lines set."""
    # As a context manager, the process's stdout pipe is closed when it has ended.
    with subprocess.Popen(
        [sys.executable, "-m", "transcribe_kit.local", "--seconds", "0.2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as server:
        try:
            assert server.stdout is not None
            exported: dict[str, str] = {}
            deadline = time.monotonic() + COMMAND_BOUND
            while "AWS_REGION" not in exported and time.monotonic() < deadline:
                line = server.stdout.readline()
                if not line:
                    break
                name, _, value = line.removeprefix("export ").strip().partition("=")
                exported[name] = value
            assert "AWS_ENDPOINT_URL_TRANSCRIBE" in exported, exported
            yield exported
        finally:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=30)


def test_local_finds_the_server_from_its_export_lines(tmp_path: Path) -> None:
    with _local_server() as exported:
        env = _user_env(**exported)
        listed = subprocess.run(
            _script("--local", "jobs", "list", "--json"),
            capture_output=True,
            text=True,
            env=env,
            timeout=COMMAND_BOUND,
            check=False,
        )

    assert listed.returncode == 0, listed.stderr
    assert listed.stdout == "[]\n"
