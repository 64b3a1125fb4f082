from __future__ import annotations

import asyncio
from datetime import datetime, timezone

import pytest

from transcribe_kit._session import new_session, parse_timestamp_utc


@pytest.mark.parametrize(
    "value",
    [
        1_767_225_600.123,
        "2026-01-01T00:00:00.123Z",
        "2026-01-01T01:00:00.123+01:00",
        "2026-01-01T00:00:00.123",
    ],
)
def test_timestamps_parse_to_the_same_utc_instant(value: object) -> None:
    parsed = parse_timestamp_utc(value)

    assert parsed.tzinfo is timezone.utc
    assert parsed == datetime(2026, 1, 1, 0, 0, 0, 123000, tzinfo=timezone.utc)


def test_whole_epoch_seconds_parse_to_utc() -> None:
    assert parse_timestamp_utc(1_767_225_600) == datetime(2026, 1, 1, tzinfo=timezone.utc)


def test_sessions_know_every_operation_of_the_bundled_model() -> None:
    model = asyncio.run(new_session().get_service_model("transcribe"))

    assert "TranscribeAudio" in model.operation_names
    assert model.metadata["protocol"] == "json"


def test_sessions_parse_timestamps_with_the_utc_parser() -> None:
    factory = new_session().get_component("response_parser_factory")

    parser = factory.create_parser("json")

    assert parser._timestamp_parser is parse_timestamp_utc
