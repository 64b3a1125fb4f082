"""The transcribe-kit command line, run in-process against the local backend.

``main`` is called with the backend's endpoint; stdout and stderr are captured. Jobs move
on one status per Get here; the tests publish the transcript a completed job points at,
or register it for the job's media.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
from datetime import datetime
from pathlib import Path

import pytest
import srt
import webvtt

from tests.documents import TRANSCRIPTS
from transcribe_kit import (
    CreateVocabularyRequest,
    GetTranscriptionJobRequest,
    GetTranscriptionJobResponse,
    LanguageCode,
    Media,
    StartTranscriptionJobRequest,
    TranscribeClient,
    TranscriptionJob,
    TranscriptionJobStatus,
    parse_transcript,
)
from transcribe_kit.cli import (
    EXIT_INTERNAL,
    EXIT_JOB_FAILED,
    EXIT_NOT_FOUND,
    EXIT_STATUSES,
    EXIT_TIMEOUT,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    main,
)
from transcribe_kit.testing import LocalBackend

REGION = "us-east-1"
#: Jobs move one status on per Get here: QUEUED, IN_PROGRESS, COMPLETED.
GETS_TO_COMPLETE = 3


@pytest.fixture(autouse=True)
def _one_status_per_get(transcribe_backend: LocalBackend) -> None:
    transcribe_backend.set_progression(reads=1)


#: A medical transcript: "Professional answer.", one speaker.
SMALL = "medical"
SMALL_TURNS = ["spk_0 0.10-1.21: Professional answer."]
#: A call: several speakers, many turns.
CALL = "older-speakers"
TURN_LINE = re.compile(r"spk_\d+ \d+\.\d\d-\d+\.\d\d: \S.*")


class Cli:
    """Runs ``main`` against the local backend; gives the exit status, stdout and stderr."""

    def __init__(self, backend: LocalBackend, capsys: pytest.CaptureFixture[str]) -> None:
        self.backend = backend
        self._capsys = capsys

    def document(self, name: str) -> bytes:
        return TRANSCRIPTS[name]

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        self._capsys.readouterr()
        code = main(["--region", REGION, "--endpoint-url", self.backend.endpoint_url, *argv])
        out, err = self._capsys.readouterr()
        return code, out, err

    def start_jobs(self, *names: str) -> None:
        async def start() -> None:
            async with self.backend.client() as tk:
                for name in names:
                    await tk.start_transcription_job(
                        StartTranscriptionJobRequest(
                            transcription_job_name=name,
                            language_code=LanguageCode.EN_US,
                            media=Media(media_file_uri=f"s3://media/{name}.wav"),
                        )
                    )

        asyncio.run(start())

    def complete(self, name: str) -> None:
        """Reads the job until it has moved to COMPLETED."""

        async def read() -> None:
            async with self.backend.client() as tk:
                for _ in range(GETS_TO_COMPLETE):
                    got = await tk.get_transcription_job(
                        GetTranscriptionJobRequest(transcription_job_name=name)
                    )
                    assert got.transcription_job is not None
                    if got.transcription_job.transcription_job_status == "COMPLETED":
                        return
            pytest.fail(f"job {name} did not complete in {GETS_TO_COMPLETE} reads")

        asyncio.run(read())

    def completed_job_with_transcript(self, name: str, document: str = SMALL) -> str:
        """Starts a job, completes it and publishes ``document``; gives its URI."""
        self.start_jobs(name)
        self.complete(name)
        return self.backend.publish_transcript(name, self.document(document))


@pytest.fixture
def cli(
    transcribe_backend: LocalBackend,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Cli:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.delenv("AWS_ENDPOINT_URL_TRANSCRIBE", raising=False)
    return Cli(transcribe_backend, capsys)


def _single_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("transcribe-kit: ")
    return lines[0]


# jobs


def test_jobs_list_prints_a_table_of_the_jobs(cli: Cli) -> None:
    cli.start_jobs("alpha-1", "alpha-2", "beta-1")

    code, out, _ = cli("jobs", "list")

    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["NAME", "STATUS", "LANGUAGE", "CREATED"]
    assert sorted(row.split()[0] for row in rows) == ["alpha-1", "alpha-2", "beta-1"]
    assert all("en-US" in row.split() for row in rows)


def test_jobs_list_filters_by_name_and_stops_at_max(cli: Cli) -> None:
    cli.start_jobs("alpha-1", "alpha-2", "alpha-3", "beta-1")

    _, by_name, _ = cli("jobs", "list", "--name-contains", "beta")
    _, at_most_two, _ = cli("jobs", "list", "--max", "2")

    assert [row.split()[0] for row in by_name.splitlines()[1:]] == ["beta-1"]
    assert len(at_most_two.splitlines()[1:]) == 2


def test_jobs_list_filters_by_status(cli: Cli) -> None:
    cli.start_jobs("alpha-1", "alpha-2")
    cli.complete("alpha-1")

    _, completed, _ = cli("jobs", "list", "--status", "completed")

    assert [row.split()[:2] for row in completed.splitlines()[1:]] == [["alpha-1", "COMPLETED"]]


def test_jobs_list_json_gives_the_summaries_under_their_wire_names(cli: Cli) -> None:
    cli.start_jobs("alpha-1")

    code, out, _ = cli("jobs", "list", "--json")

    assert code == 0
    [summary] = json.loads(out)
    assert summary["TranscriptionJobName"] == "alpha-1"
    assert datetime.fromisoformat(summary["CreationTime"]).tzinfo is not None


def test_jobs_get_shows_the_job(cli: Cli) -> None:
    cli.start_jobs("alpha-1")

    code, out, _ = cli("jobs", "get", "alpha-1")

    assert code == 0
    assert "name: alpha-1" in out.splitlines()
    assert "media: s3://media/alpha-1.wav" in out.splitlines()


def test_jobs_get_json_gives_the_job(cli: Cli) -> None:
    cli.start_jobs("alpha-1")

    code, out, _ = cli("jobs", "get", "alpha-1", "--json")

    assert code == 0
    job = json.loads(out)
    assert job["TranscriptionJobName"] == "alpha-1"
    assert job["Media"] == {"MediaFileUri": "s3://media/alpha-1.wav"}
    assert datetime.fromisoformat(job["CreationTime"]).tzinfo is not None


def test_jobs_wait_prints_each_status_until_completed(cli: Cli) -> None:
    cli.start_jobs("alpha-1")

    code, out, _ = cli("jobs", "wait", "alpha-1")

    assert code == 0
    assert out.splitlines() == [
        "alpha-1: QUEUED",
        "alpha-1: IN_PROGRESS",
        "alpha-1: COMPLETED",
    ]


def test_jobs_wait_exits_5_when_the_timeout_passes(cli: Cli) -> None:
    cli.start_jobs("alpha-1")

    # One status per Get, polls at 0 s and 1 s: the job cannot complete before the deadline.
    # How many polls a loaded machine fits into 1.5 s varies (none, if opening the client
    # takes that long), so the statuses printed are a prefix of the job's progression.
    code, out, err = cli("jobs", "wait", "alpha-1", "--timeout", "1.5")

    assert code == EXIT_TIMEOUT
    statuses = out.splitlines()
    assert statuses == ["alpha-1: QUEUED", "alpha-1: IN_PROGRESS"][: len(statuses)]
    last_seen = statuses[-1].removeprefix("alpha-1: ") if statuses else None
    expected = "gave no answer" if last_seen is None else f"was still {last_seen}"
    assert expected in _single_error_line(err)


def test_jobs_wait_exits_3_when_the_job_fails(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    failed = TranscriptionJob(
        transcription_job_name="alpha-1",
        transcription_job_status=TranscriptionJobStatus.FAILED,
        failure_reason="The media format is not supported.",
    )

    async def get_failed(self: TranscribeClient, request: object) -> GetTranscriptionJobResponse:
        return GetTranscriptionJobResponse(transcription_job=failed)

    monkeypatch.setattr(TranscribeClient, "get_transcription_job", get_failed)

    code, out, err = cli("jobs", "wait", "alpha-1")

    assert code == EXIT_JOB_FAILED
    assert out.splitlines() == ["alpha-1: FAILED"]
    assert "The media format is not supported." in _single_error_line(err)


def test_jobs_delete_deletes_the_job(cli: Cli) -> None:
    cli.start_jobs("alpha-1")

    code, out, _ = cli("jobs", "delete", "alpha-1")

    assert code == 0
    assert out == "deleted alpha-1\n"
    assert cli("jobs", "get", "alpha-1")[0] == EXIT_NOT_FOUND


# transcript


def test_transcript_prints_the_text_by_default(cli: Cli) -> None:
    cli.completed_job_with_transcript("cli-job")

    code, out, _ = cli("transcript", "cli-job")

    assert code == 0
    assert out == "Professional answer.\n"


def test_transcript_turns_prints_speaker_times_and_text(cli: Cli) -> None:
    cli.completed_job_with_transcript("cli-job")

    code, out, _ = cli("transcript", "cli-job", "--format", "turns")

    assert code == 0
    assert out.splitlines() == SMALL_TURNS


def test_transcript_turns_prints_a_line_per_turn_of_a_call(cli: Cli) -> None:
    cli.completed_job_with_transcript("cli-job", CALL)

    _, out, _ = cli("transcript", "cli-job", "--format", "turns")

    lines = out.splitlines()
    assert len(lines) == len(parse_transcript(cli.document(CALL)).speaker_turns())
    assert all(TURN_LINE.fullmatch(line) for line in lines)
    assert len({line.split()[0] for line in lines}) > 1


def test_transcript_srt_is_valid_subrip(cli: Cli) -> None:
    cli.completed_job_with_transcript("cli-job")

    code, out, _ = cli("transcript", "cli-job", "--format", "srt")

    assert code == 0
    [subtitle] = srt.parse(out)
    assert subtitle.content == "Professional answer."
    assert subtitle.start.total_seconds() == pytest.approx(0.1)


def test_transcript_vtt_is_valid_webvtt(cli: Cli) -> None:
    cli.completed_job_with_transcript("cli-job")

    code, out, _ = cli("transcript", "cli-job", "--format", "vtt")

    assert code == 0
    [caption] = webvtt.from_string(out).captions
    assert caption.text == "Professional answer."


def test_transcript_json_gives_the_document(cli: Cli) -> None:
    cli.completed_job_with_transcript("cli-job")

    code, out, _ = cli("transcript", "cli-job", "--format", "json")

    assert code == 0
    document = json.loads(out)
    assert document["jobName"] == "job ID"
    assert document["results"]["transcripts"] == [{"transcript": "Professional answer."}]
    assert len(document["results"]["items"]) == 3


def test_transcript_reads_a_document_uri(cli: Cli) -> None:
    uri = cli.completed_job_with_transcript("cli-job")

    code, out, _ = cli("transcript", uri)

    assert code == 0
    assert out == "Professional answer.\n"


def test_transcript_redacted_of_a_job_without_redaction_is_one_error_line(cli: Cli) -> None:
    cli.completed_job_with_transcript("cli-job")

    code, out, err = cli("transcript", "cli-job", "--redacted")

    assert code == 1
    assert out == ""
    assert "redacted" in _single_error_line(err)


# transcribe


def test_transcribe_runs_a_job_and_prints_its_transcript(cli: Cli) -> None:
    cli.backend.set_transcript("s3://media/call.wav", cli.document(SMALL))

    code, out, err = cli(
        "transcribe",
        "s3://media/call.wav",
        "--mode",
        "job",
        "--job-name",
        "cli-job",
        "--output-bucket",
        "out",
        "--format",
        "turns",
    )

    assert code == 0, err
    assert out.splitlines() == SMALL_TURNS
    assert err.splitlines() == ["cli-job: QUEUED", "cli-job: IN_PROGRESS", "cli-job: COMPLETED"]


@pytest.mark.parametrize("mode", ["job", "auto"])
def test_transcribe_of_a_local_file_for_a_job_names_the_bucket_flag(
    cli: Cli, tmp_path: Path, mode: str
) -> None:
    media = tmp_path / "call.wav"
    media.write_bytes(b"RIFF")

    # auto: ta-IN is no TranscribeAudio language, so the file needs a job.
    code, out, err = cli("transcribe", str(media), "--mode", mode, "--language", "ta-IN")

    assert code == EXIT_USAGE
    assert out == ""
    line = _single_error_line(err)
    assert line.startswith("transcribe-kit: --bucket: ")
    assert "--bucket BUCKET" in line
    assert "TranscriptionJobOptions" not in line
    assert "job.bucket" not in line


def test_transcribe_names_the_flag_of_a_setting_the_service_refuses(cli: Cli) -> None:
    code, _, err = cli("transcribe", "s3://media/call.wav", "--mode", "job", "--max-speakers", "40")

    assert code == EXIT_USAGE
    assert _single_error_line(err).startswith("transcribe-kit: --max-speakers: ")


# vocabularies


def test_vocabularies_list_and_get(cli: Cli) -> None:
    async def create() -> None:
        async with cli.backend.client() as tk:
            await tk.create_vocabulary(
                CreateVocabularyRequest(
                    vocabulary_name="terms", language_code=LanguageCode.EN_US, phrases=["moto"]
                )
            )

    asyncio.run(create())

    _, listed, _ = cli("vocabularies", "list")
    code, got, _ = cli("vocabularies", "get", "terms", "--json")

    assert [row.split()[0] for row in listed.splitlines()] == ["NAME", "terms"]
    assert code == 0
    assert json.loads(got)["VocabularyName"] == "terms"


# errors and arguments


def test_a_missing_job_is_one_line_on_stderr_and_exit_4(cli: Cli) -> None:
    code, out, err = cli("jobs", "get", "no-such-job")

    assert code == EXIT_NOT_FOUND
    assert out == ""
    assert "couldn't be found" in _single_error_line(err)


def test_an_error_never_shows_a_presigned_signature(cli: Cli) -> None:
    code, _, err = cli("transcript", "https://example.com/t.json?X-Amz-Signature=abc123")

    assert code == 1
    line = _single_error_line(err)
    assert "abc123" not in line
    assert "example.com" in line


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["jobs"],
        ["jobs", "list", "--max", "0"],
        ["jobs", "list", "--status", "DONE"],
        ["jobs", "wait", "alpha-1", "--timeout", "soon"],
        ["transcript", "cli-job", "--format", "pdf"],
        ["transcribe", "s3://media/call.wav", "--mode", "fast"],
    ],
)
def test_bad_arguments_exit_2_with_usage(cli: Cli, argv: list[str]) -> None:
    code, out, err = cli(*argv)

    assert code == 2
    assert out == ""
    assert err.startswith("usage: transcribe-kit")


def test_endpoint_url_and_local_exclude_each_other(cli: Cli) -> None:
    assert cli("--local", "jobs", "list")[0] == 2


def test_the_endpoint_comes_from_the_environment(
    cli: Cli, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.start_jobs("alpha-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL_TRANSCRIBE", cli.backend.endpoint_url)

    code = main(["--region", REGION, "jobs", "list", "--json"])

    assert code == 0
    assert [job["TranscriptionJobName"] for job in json.loads(capsys.readouterr().out)] == [
        "alpha-1"
    ]


def test_help_lists_every_exit_status(cli: Cli) -> None:
    code, out, _ = cli("--help")

    assert code == 0
    listed = out.split("exit statuses:", 1)[1]
    for status, meaning in EXIT_STATUSES.items():
        assert re.search(rf"^ +{status} +{re.escape(meaning[:30])}", listed, re.M), status


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "-1", "0", "NaN"])
@pytest.mark.parametrize(
    "command",
    [
        ["jobs", "wait", "alpha-1"],
        ["transcribe", "s3://media/call.wav"],
        ["batch", "s3://media/call.wav"],
    ],
    ids=["jobs-wait", "transcribe", "batch"],
)
def test_a_duration_that_is_no_finite_positive_number_is_refused(
    cli: Cli, command: list[str], value: str
) -> None:
    code, out, err = cli(*command, f"--timeout={value}")

    assert code == EXIT_USAGE
    assert out == ""
    assert "--timeout: must be a finite number of seconds above 0" in err


# links stay hidden


def _completed_job_in_the_service_bucket(cli: Cli, name: str) -> None:
    """A completed job whose transcript is behind a presigned link (a signed query)."""
    cli.start_jobs(name)
    cli.complete(name)


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_jobs_get_hides_a_presigned_links_query(cli: Cli, as_json: bool) -> None:
    _completed_job_in_the_service_bucket(cli, "linked")

    code, out, _ = cli("jobs", "get", "linked", *(["--json"] if as_json else []))

    assert code == 0
    assert "/aws-transcribe-" in out
    assert "?<redacted>" in out
    assert "X-Amz-Signature" not in out
    assert "X-Amz-Credential" not in out


@pytest.mark.parametrize("as_json", [False, True], ids=["text", "json"])
def test_jobs_get_show_links_prints_the_link_whole(cli: Cli, as_json: bool) -> None:
    _completed_job_in_the_service_bucket(cli, "linked")

    code, out, _ = cli("jobs", "get", "linked", "--show-links", *(["--json"] if as_json else []))

    assert code == 0
    assert re.search(r"/aws-transcribe-\S+\?\S*X-Amz-Signature=\w+", out)


# transcript: speakers and channels


def test_transcript_srt_with_speakers_names_the_speaker_of_each_cue(cli: Cli) -> None:
    cli.completed_job_with_transcript("cli-job", CALL)

    code, out, _ = cli("transcript", "cli-job", "--format", "srt", "--speakers")

    assert code == 0
    cues = list(srt.parse(out))
    assert len(cues) > 1
    assert all(re.match(r"spk_\d+: \S", cue.content) for cue in cues)
    assert len({cue.content.split(":")[0] for cue in cues}) > 1


def test_transcript_vtt_with_speakers_gives_voice_spans(cli: Cli) -> None:
    cli.completed_job_with_transcript("cli-job", CALL)

    code, out, _ = cli("transcript", "cli-job", "--format", "vtt", "--speakers")

    assert code == 0
    captions = webvtt.from_string(out).captions
    assert all(caption.voice and caption.voice.startswith("spk_") for caption in captions)


def test_transcript_speakers_with_a_format_that_has_no_cues_is_refused(cli: Cli) -> None:
    cli.completed_job_with_transcript("cli-job", CALL)

    code, out, err = cli("transcript", "cli-job", "--format", "text", "--speakers")

    assert code == EXIT_USAGE
    assert out == ""
    assert _single_error_line(err).startswith("transcribe-kit: --speakers: ")


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("text", "Hi, my laptop won't start since the update. Okay. Yes, for ten seconds."),
        ("turns", "ch_1 3.40-"),
        ("srt", "ch_1: Hi, my laptop won't"),
    ],
)
def test_transcript_channel_gives_one_channels_track(cli: Cli, form: str, expected: str) -> None:
    cli.completed_job_with_transcript("cli-job", "channels")
    extra = ["--speakers"] if form == "srt" else []

    code, out, _ = cli("transcript", "cli-job", "--format", form, "--channel", "ch_1", *extra)

    assert code == 0
    assert expected in out
    assert "help desk" not in out


def test_transcript_of_a_channel_it_lacks_names_those_it_has(cli: Cli) -> None:
    cli.completed_job_with_transcript("cli-job", "channels")

    code, _, err = cli("transcript", "cli-job", "--channel", "ch_7")

    assert code == EXIT_USAGE
    assert "ch_0, ch_1" in _single_error_line(err)


# errors: one line, a status, a traceback only when asked


def test_verbose_prints_the_traceback_before_the_error_line(cli: Cli) -> None:
    code, _, err = cli("--verbose", "jobs", "get", "no-such-job")

    assert code == EXIT_NOT_FOUND
    assert err.startswith("Traceback (most recent call last):")
    assert err.splitlines()[-1].startswith("transcribe-kit: BadRequestException")


def _get_raises(monkeypatch: pytest.MonkeyPatch, error: Exception) -> None:
    async def get(self: TranscribeClient, request: object) -> GetTranscriptionJobResponse:
        raise error

    monkeypatch.setattr(TranscribeClient, "get_transcription_job", get)


def test_an_unexpected_error_is_one_line_with_its_own_status(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _get_raises(monkeypatch, RuntimeError("boom"))

    code, out, err = cli("jobs", "get", "alpha-1")

    assert code == EXIT_INTERNAL
    assert out == ""
    assert _single_error_line(err) == (
        "transcribe-kit: unexpected RuntimeError: boom (--verbose shows where)"
    )


def test_an_unexpected_error_with_verbose_shows_where(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    _get_raises(monkeypatch, RuntimeError("boom"))

    code, _, err = cli("--verbose", "jobs", "get", "alpha-1")

    assert code == EXIT_INTERNAL
    assert "Traceback" in err
    assert "raise error\nRuntimeError: boom" in err


def test_no_region_is_an_unreachable_service_with_the_flag_to_give(
    cli: Cli, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("AWS_REGION", "AWS_DEFAULT_REGION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-config"))

    code = main(["--endpoint-url", cli.backend.endpoint_url, "jobs", "list"])

    assert code == EXIT_UNREACHABLE
    err = capsys.readouterr().err
    assert "--region" in _single_error_line(err)


# --local: the long-lived local server


def _local(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``transcribe-kit --local ARGV``: its status, stdout and stderr."""
    code = main(["--local", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_local_uses_the_server_the_environment_names(
    cli: Cli, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.start_jobs("alpha-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL_TRANSCRIBE", cli.backend.endpoint_url)
    # Credentials of a real account are never sent to it.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALACCOUNTKEY00")

    code, out, _ = _local(capsys, "jobs", "list", "--json")

    assert code == 0
    assert [job["TranscriptionJobName"] for job in json.loads(out)] == ["alpha-1"]


def test_local_without_a_server_says_how_to_start_one(
    cli: Cli, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)

    code, out, err = _local(capsys, "jobs", "list")

    assert code == EXIT_UNREACHABLE
    assert out == ""
    assert "transcribe-kit local serve" in _single_error_line(err)


def test_local_refuses_an_endpoint_that_is_not_on_this_machine(
    cli: Cli, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_ENDPOINT_URL_TRANSCRIBE", "https://transcribe.us-east-1.amazonaws.com")

    code, _, err = _local(capsys, "jobs", "list")

    assert code == EXIT_UNREACHABLE
    assert "not a local server" in _single_error_line(err)


def test_local_when_nothing_answers_says_how_to_start_a_server(
    cli: Cli, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    monkeypatch.setenv("AWS_ENDPOINT_URL_TRANSCRIBE", f"http://127.0.0.1:{port}")

    code, _, err = _local(capsys, "jobs", "list")

    assert code == EXIT_UNREACHABLE
    line = _single_error_line(err)
    assert f"no local server answers at http://127.0.0.1:{port}" in line
    assert "transcribe-kit local serve" in line
