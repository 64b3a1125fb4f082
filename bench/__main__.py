"""Every benchmark, one after the other: ``python -m bench`` (``--only NAME`` for one).

Each runs in a process of its own, so that one's garbage and caches do not weigh on the
next, and prints its own side-by-side table:

- ``client_overhead``: client CPU per call, raw aiobotocore against TranscribeClient;
- ``transcripts``: parsing and rendering a one-hour transcript, as ratios to json.loads;
- ``watch_jobs``: API calls and detection delay to see 10, 100 and 1000 jobs complete;
- ``import_time``: ``import transcribe_kit`` and its entry points against aiobotocore's;
- ``shared_rate_limits``: requests a second from four processes sharing a DynamoDB limit.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from typing import Final

BENCHMARKS: Final = (
    "client_overhead",
    "transcripts",
    "import_time",
    "watch_jobs",
    "shared_rate_limits",
)

#: Generous bounds: each benchmark stops by itself well before.
TIME_LIMIT_SECONDS: Final = 900


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=BENCHMARKS, action="append")
    names = parser.parse_args().only or list(BENCHMARKS)
    failed = 0
    for name in names:
        print(f"== {name}", flush=True)
        completed = subprocess.run(
            [sys.executable, "-m", f"bench.{name}"], check=False, timeout=TIME_LIMIT_SECONDS
        )
        failed += completed.returncode != 0
        print(flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
