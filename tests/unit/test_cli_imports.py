"""``transcribe-kit --help`` answers at once: the command line loads nothing heavy to parse.

Measured in a fresh interpreter each, since this one has loaded everything already.
"""

from __future__ import annotations

import json
import subprocess
import sys

#: Modules the parser must not need; the commands load them when one runs.
HEAVY = ("aiobotocore", "botocore", "aiohttp", "attrs", "cattrs", "tenacity")


def _loaded_by(code: str) -> set[str]:
    """The modules that ``code``, run in a fresh interpreter, adds to those the package loads."""
    program = (
        "import sys, json, contextlib, io\n"
        "import transcribe_kit\n"
        "before = set(sys.modules)\n"
        f"{code}\n"
        "print(json.dumps(sorted(set(sys.modules) - before)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=120, check=True
    )
    added: list[str] = json.loads(done.stdout.splitlines()[-1])
    return set(added)


def _heavy(modules: set[str]) -> set[str]:
    return {name for name in modules if name.split(".")[0] in HEAVY}


def test_importing_the_command_line_loads_no_more_of_the_sdk() -> None:
    added = _loaded_by("import transcribe_kit.cli")

    assert _heavy(added) == set()
    assert {name for name in added if name.startswith("transcribe_kit.")} == {"transcribe_kit.cli"}


def test_help_parses_without_loading_the_commands() -> None:
    added = _loaded_by(
        "from transcribe_kit.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['--help']) == 0\n"
        "    assert main(['batch', '--help']) == 0"
    )

    assert _heavy(added) == set()
    assert "transcribe_kit._cli_commands" not in added
