from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

# No per-example deadline on a shared 2-core machine; in CI the examples are derived from
# the test itself, so a run is repeatable and a failure shows again on a rerun.
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("ci", settings.get_profile("default"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

pytest_plugins = ["transcribe_kit.testing.pytest_plugin"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--corpus",
        metavar="DIR",
        default=os.environ.get("TRANSCRIBE_KIT_CORPUS") or None,
        help="a corpus of real Transcribe documents with its PROVENANCE.md; the tests under "
        "tests/corpus run on it (default: $TRANSCRIBE_KIT_CORPUS; skipped without one)",
    )
