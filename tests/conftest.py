from __future__ import annotations

import os
from pathlib import Path

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

#: Real Transcribe output documents and API responses, kept beside the project.
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--corpus",
        metavar="DIR",
        default=os.environ.get("TRANSCRIBE_KIT_CORPUS") or None,
        help="a corpus of real Transcribe documents with its PROVENANCE.md; the tests under "
        "tests/corpus run on it (default: $TRANSCRIBE_KIT_CORPUS; skipped without one)",
    )


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the corpus of real documents is missing: {CORPUS}")
    return CORPUS
