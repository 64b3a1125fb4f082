"""Every example in ``examples/`` runs as a user runs it, against the local backend it starts.

Each runs in a process of its own (a backend of its own, too), bounded in time; the
checks are on what it prints that a reader of the example is promised.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
#: The longest one example may take (each starts a backend, about a second of jobs).
BOUND = 240.0


def _run(*argv: str, cwd: Path = EXAMPLES) -> str:
    done = subprocess.run(
        [sys.executable, *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=BOUND,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return done.stdout


def test_every_example_script_is_run_here() -> None:
    scripts = {path.name for path in EXAMPLES.glob("*.py") if not path.name.startswith("_")}
    assert scripts == {
        "quickstart.py",
        "batch_with_progress.py",
        "vocabulary_and_filter.py",
        "meeting_subtitles.py",
        "call_analytics.py",
        "medical.py",
        "scale_out.py",
    }


def test_quickstart() -> None:
    out = _run("quickstart.py")

    assert re.search(r"^vocabulary \S+: READY$", out, re.M)
    assert "deleted the job and the vocabulary" in out


def test_batch_with_progress_hands_back_each_job_and_the_failed_one() -> None:
    out = _run("batch_with_progress.py", "--max-running", "2")

    completed = re.findall(r"^s3://example-media/standup-(\w+)\.wav: Standup on \1", out, re.M)
    assert sorted(completed) == sorted(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    )
    assert re.search(r"standup-broken\.wav: failed: .*media format is not supported", out)
    running = [int(n) for n in re.findall(r"progress: \d/7 done, (\d) running", out)]
    assert running
    assert max(running) == 2
    assert out.rstrip().endswith("6 of 7 completed")


def test_vocabulary_and_filter_masks_the_filtered_word() -> None:
    out = _run("vocabulary_and_filter.py")

    assert "transcript: Thanks for calling Transcribe Kit support. My *** export fails." in out
    assert "deleted the job, the vocabulary and the filter" in out


def test_meeting_subtitles_name_the_speakers(tmp_path: Path) -> None:
    out = _run("meeting_subtitles.py", "--output-dir", str(tmp_path))

    assert "speakers: spk_0, spk_1, spk_2" in out
    srt_text = (tmp_path / "meeting.srt").read_text()
    vtt_text = (tmp_path / "meeting.vtt").read_text()
    assert re.search(r"^Ana: Good morning\.", srt_text, re.M)
    assert "Chloe: I will, right after the call." in srt_text
    assert vtt_text.startswith("WEBVTT")
    assert "<v Ben>The pipeline is ready for review." in vtt_text


def test_call_analytics_prints_each_turn_and_the_category_the_complaint_matched() -> None:
    out = _run("call_analytics.py")

    roles = re.findall(r"^(AGENT|CUSTOMER) \((?:POSITIVE|NEGATIVE|NEUTRAL|MIXED)\): ", out, re.M)
    assert {"AGENT", "CUSTOMER"} <= set(roles)
    assert re.search(r"^CUSTOMER \(NEGATIVE\): I was charged twice", out, re.M)
    assert re.search(r"^categories matched: example-unhappy-\w+$", out, re.M)
    assert "deleted the job and the category" in out


def test_medical_prints_the_visit_by_speaker() -> None:
    out = _run("medical.py")

    assert re.search(r"^spk_1 \d+\.\ds: Better\. The headaches stopped", out, re.M)
    assert "deleted the job" in out


def test_scale_out_fetches_every_transcript_its_workers_started() -> None:
    out = _run("scale_out.py", "--workers", "2", "--jobs", "2", "--timeout", "60")

    assert sorted(re.findall(r"^worker (\d): started 2 jobs", out, re.M)) == ["0", "1"]
    fetched = re.findall(r"^(scale-out-\w+-w\d-\d): 'Nightly batch, part one\.", out, re.M)
    assert len(set(fetched)) == 4  # the one whose event was lost among them, by the sweep
    assert "4 of 4 jobs completed, their transcripts fetched" in out


def test_a_users_own_tests_with_the_plugin_pass() -> None:
    project = EXAMPLES / "testing_with_pytest"

    out = _run("-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=project)

    assert re.search(r"\b4 passed\b", out)


@pytest.mark.parametrize(
    "script",
    ["batch_with_progress.py", "meeting_subtitles.py", "call_analytics.py", "scale_out.py"],
)
def test_an_example_explains_its_aws_flag(script: str) -> None:
    out = _run(script, "--help")

    assert "--aws" in out
