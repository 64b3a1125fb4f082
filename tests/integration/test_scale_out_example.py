"""examples/scale_out.py runs end to end on a local backend: workers, shared limits, events."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "scale_out.py"


def test_the_scale_out_example_fetches_every_transcript_its_workers_started() -> None:
    run = subprocess.run(
        [sys.executable, str(EXAMPLE), "--workers", "2", "--jobs", "2", "--timeout", "60"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )

    assert run.returncode == 0, run.stdout + run.stderr
    assert "4 of 4 jobs completed, their transcripts fetched" in run.stdout
    assert run.stdout.count("worker ") == 2
