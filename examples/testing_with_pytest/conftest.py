"""Turns on transcribe_kit's pytest plugin: a local backend and a client bound to it."""

pytest_plugins = ["transcribe_kit.testing.pytest_plugin"]
