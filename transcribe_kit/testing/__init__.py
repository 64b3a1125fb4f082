"""Test helpers: a local Transcribe and S3 backend, and a pytest plugin.

Needs the ``local`` extra (``pip install 'transcribe-kit[local]'``), which brings moto's
server. Enable the fixtures with ``pytest_plugins = ["transcribe_kit.testing.pytest_plugin"]``.
"""

from __future__ import annotations

from transcribe_kit.testing._local import LocalBackend

__all__ = ["LocalBackend"]
