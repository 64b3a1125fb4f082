"""The testing guide's example runs as the guide gives it: its files, its settings, pytest."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "guide" / "testing.md"
#: A fenced block the guide names as a file: ```python title="conftest.py"
_FILE_BLOCK = re.compile(r'^```\w+ title="(?P<name>[^"]+)"\n(?P<text>.*?)^```$', re.S | re.M)


def _files() -> dict[str, str]:
    return {m["name"]: m["text"] for m in _FILE_BLOCK.finditer(GUIDE.read_text())}


def test_the_guide_gives_a_conftest_its_settings_and_a_test_file() -> None:
    assert set(_files()) == {"conftest.py", "pytest.ini", "test_transcription.py"}


def test_the_guides_example_passes_as_written(tmp_path: Path) -> None:
    for name, text in _files().items():
        (tmp_path / name).write_text(text)

    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert re.search(r"\b5 passed\b", done.stdout)
