"""``python -m bench --readme`` rewrites the README's marked tables and nothing else."""

from __future__ import annotations

import pytest

from bench import _readme

README = """# Title

Some prose.

<!-- bench: watch_jobs -->
```
old table
of two lines
```

More prose.

<!-- bench: shared_rate_limits -->
```
another old table
```
"""


def test_the_marked_tables_are_listed_in_order() -> None:
    assert _readme.tables(README) == ["watch_jobs", "shared_rate_limits"]


def test_a_table_is_replaced_by_its_benchmarks_output_and_the_rest_kept() -> None:
    outputs = {"watch_jobs": "new table\n", "shared_rate_limits": None}

    updated = _readme.replace_tables(README, outputs.__getitem__)

    assert updated == README.replace("old table\nof two lines\n", "new table\n")


def test_a_marker_without_a_table_is_an_error() -> None:
    with pytest.raises(ValueError, match="no fenced block"):
        _readme.replace_tables("<!-- bench: watch_jobs -->\nprose\n", lambda name: "x")


def test_the_readme_marks_its_tables() -> None:
    assert "watch_jobs" in _readme.tables(_readme.README.read_text(encoding="utf-8"))
