"""Every benchmark, one after the other: ``python -m bench`` (``--only NAME`` for one).

``--readme`` runs those whose tables README.md shows and writes their output there (see
``bench/_readme.py``); a benchmark that fails leaves its table as it was.

Each runs in a process of its own, so that one's garbage and caches do not weigh on the
next, and prints its own side-by-side table:

- ``client_overhead``: client CPU per call, raw aiobotocore against TranscribeClient;
- ``transcripts``: parsing and rendering a one-hour transcript, as ratios to json.loads;
- ``watch_jobs``: API calls and detection delay to see 100, 1,000 and 10,000 jobs finish;
- ``import_time``: ``import transcribe_kit`` and its entry points against aiobotocore's;
- ``shared_rate_limits``: requests a second from four processes sharing a DynamoDB limit;
- ``event_watch``: calls and detection lag with job events and a sweep, against polling.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Final

from bench import _readme

BENCHMARKS: Final = (
    "client_overhead",
    "transcripts",
    "import_time",
    "watch_jobs",
    "shared_rate_limits",
    "event_watch",
)

#: Generous bounds: each benchmark stops by itself well before.
TIME_LIMIT_SECONDS: Final = 900


def run(name: str, *, capture: bool) -> subprocess.CompletedProcess[str]:
    """Run benchmark ``name`` in a process of its own (its output kept if ``capture``)."""
    return subprocess.run(
        [sys.executable, "-m", f"bench.{name}"],
        check=False,
        timeout=TIME_LIMIT_SECONDS,
        stdout=subprocess.PIPE if capture else None,
        text=True,
    )


def update_readme(names: list[str]) -> int:
    """Rewrite the README's tables of ``names``; the number of benchmarks that failed."""
    failed: list[str] = []

    def output_of(name: str) -> str | None:
        if name not in names:
            return None
        print(f"== {name}", flush=True)
        completed = run(name, capture=True)
        print(completed.stdout, flush=True)
        if completed.returncode != 0:
            failed.append(name)
            return None
        return completed.stdout

    text = _readme.README.read_text(encoding="utf-8")
    _readme.README.write_text(_readme.replace_tables(text, output_of), encoding="utf-8")
    for name in failed:
        print(f"{name} failed: its table in README.md is unchanged", file=sys.stderr)
    return len(failed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=BENCHMARKS, action="append")
    parser.add_argument(
        "--readme", action="store_true", help="rewrite README.md's tables from fresh runs"
    )
    arguments = parser.parse_args()
    if arguments.readme:
        shown = _readme.tables(_readme.README.read_text(encoding="utf-8"))
        return 1 if update_readme([n for n in shown if n in (arguments.only or shown)]) else 0
    failed = 0
    for name in arguments.only or list(BENCHMARKS):
        print(f"== {name}", flush=True)
        failed += run(name, capture=False).returncode != 0
        print(flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
