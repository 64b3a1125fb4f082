from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["transcribe_kit.testing.pytest_plugin"]

#: Real Transcribe output documents and API responses, kept beside the project.
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the corpus of real documents is missing: {CORPUS}")
    return CORPUS
