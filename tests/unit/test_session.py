from __future__ import annotations

import asyncio

from transcribe_kit._session import new_session
from transcribe_kit._timestamps import parse_timestamp


def test_sessions_know_every_operation_of_the_bundled_model() -> None:
    model = asyncio.run(new_session().get_service_model("transcribe"))

    assert "TranscribeAudio" in model.operation_names
    assert model.metadata["protocol"] == "json"


def test_sessions_parse_timestamps_with_the_utc_parser() -> None:
    factory = new_session().get_component("response_parser_factory")

    parser = factory.create_parser("json")

    assert parser._timestamp_parser is parse_timestamp
