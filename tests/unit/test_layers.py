"""The layers stay apart: planning modules and the transcript package do no I/O of their own."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "transcribe_kit"

#: Modules that send requests, read documents, retry, or translate transport errors.
#: (``transcribe_kit.config`` is not one: its policies import the retry machinery when used.)
IO_MODULES = frozenset(
    {
        "aiobotocore",
        "aiohttp",
        "botocore",
        "tenacity",
        "transcribe_kit._client",
        "transcribe_kit._documents",
        "transcribe_kit._error_mapping",
        "transcribe_kit._retrying",
        "transcribe_kit._session",
        "transcribe_kit.retry",
    }
)

PURE = [
    *sorted(path.relative_to(PACKAGE.parent) for path in (PACKAGE / "transcript").glob("*.py")),
    Path("transcribe_kit/_kinds.py"),
    Path("transcribe_kit/_transcribe_plan.py"),
]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("module", PURE, ids=str)
def test_a_planning_module_imports_nothing_that_does_io(module: Path) -> None:
    imported = _imports(PACKAGE.parent / module)

    assert not {
        name
        for name in imported
        if any(name == io or name.startswith(f"{io}.") for io in IO_MODULES)
    }
