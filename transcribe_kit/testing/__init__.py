"""Test helpers: a local Transcribe and S3 backend, and a pytest plugin.

Needs the ``local`` extra (``pip install 'transcribe-kit[local]'``), which brings moto's
server. Enable the fixtures with ``pytest_plugins = ["transcribe_kit.testing.pytest_plugin"]``.
"""

from __future__ import annotations

from transcribe_kit.testing._local import (
    JOB_MODELS,
    LANGUAGE_MODEL_MODELS,
    VOCABULARY_MODELS,
    LocalBackend,
    LocalClock,
)
from transcribe_kit.testing._script import DEFAULT_FAILURE_REASON, DEFAULT_SECONDS

__all__ = [
    "DEFAULT_FAILURE_REASON",
    "DEFAULT_SECONDS",
    "JOB_MODELS",
    "LANGUAGE_MODEL_MODELS",
    "VOCABULARY_MODELS",
    "LocalBackend",
    "LocalClock",
]
