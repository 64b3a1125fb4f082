"""The README's benchmark tables, each replaced by what its benchmark prints now.

A table in README.md is the fenced block right after a line ``<!-- bench: NAME -->``;
``python -m bench --readme`` runs benchmark NAME and writes its standard output there,
leaving every other line of the README as it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Final

README: Final = Path(__file__).resolve().parent.parent / "README.md"

_MARKER: Final = re.compile(r"^<!-- bench: (?P<name>[a-z_]+) -->$")
_FENCE: Final = "```"


def tables(text: str) -> list[str]:
    """The names of the benchmarks whose tables ``text`` holds, in order."""
    return [m["name"] for line in text.splitlines() if (m := _MARKER.match(line))]


def replace_tables(text: str, output_of: Callable[[str], str | None]) -> str:
    """``text`` with each benchmark's table replaced by ``output_of(name)`` (``None``: kept)."""
    lines = text.splitlines(keepends=True)
    result: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        result.append(line)
        index += 1
        found = _MARKER.match(line.rstrip("\n"))
        if found is None:
            continue
        if index >= len(lines) or not lines[index].startswith(_FENCE):
            raise ValueError(f"no fenced block after the marker of {found['name']!r}")
        end = next((i for i in range(index + 1, len(lines)) if lines[i].startswith(_FENCE)), None)
        if end is None:
            raise ValueError(f"the table of {found['name']!r} is not closed")
        output = output_of(found["name"])
        if output is None:
            result.extend(lines[index : end + 1])
        else:
            result.extend([lines[index], output.rstrip("\n") + "\n", lines[end]])
        index = end + 1
    return "".join(result)
