"""The one timestamp parser: every form the service or a saved answer writes, in UTC."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transcribe_kit import MalformedResponseError
from transcribe_kit._timestamps import parse_timestamp

INSTANT = datetime(2026, 1, 1, 0, 0, 0, 123000, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(1_767_225_600.123, id="epoch-seconds"),
        pytest.param("1767225600.123", id="epoch-text"),
        pytest.param("2026-01-01T00:00:00.123Z", id="iso-z"),
        pytest.param("2026-01-01T01:00:00.123+01:00", id="iso-offset"),
        pytest.param("2026-01-01T00:00:00.123", id="iso-naive-as-utc"),
        pytest.param(datetime(2026, 1, 1, 0, 0, 0, 123000), id="naive-datetime-as-utc"),
        pytest.param(
            datetime(2026, 1, 1, 5, 30, 0, 123000, tzinfo=timezone(timedelta(hours=5, minutes=30))),
            id="aware-datetime",
        ),
    ],
)
def test_every_form_gives_the_same_utc_instant(value: object) -> None:
    parsed = parse_timestamp(value)

    assert parsed == INSTANT
    assert parsed.tzinfo is timezone.utc


def test_whole_epoch_seconds_parse() -> None:
    assert parse_timestamp(1_767_225_600) == INSTANT.replace(microsecond=0)


def test_http_dates_parse() -> None:
    assert parse_timestamp("Thu, 01 Jan 2026 00:00:00 GMT") == INSTANT.replace(microsecond=0)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(True, id="boolean"),
        pytest.param(None, id="null"),
        pytest.param(float("nan"), id="nan"),
        pytest.param(float("inf"), id="infinity"),
        pytest.param("nan", id="nan-text"),
        pytest.param(1e300, id="beyond-year-9999"),
        pytest.param(-1e300, id="before-year-1"),
        pytest.param(10**400, id="huge-integer"),
        pytest.param("9" * 400, id="huge-epoch-text"),
        pytest.param("yesterday", id="words"),
        pytest.param("", id="empty"),
        pytest.param("2026-13-45T00:00:00Z", id="no-such-day"),
        pytest.param([2026], id="list"),
        pytest.param({"seconds": 1}, id="object"),
    ],
)
def test_what_is_no_timestamp_raises_a_typed_error(value: object) -> None:
    with pytest.raises(MalformedResponseError) as caught:
        parse_timestamp(value)

    assert caught.value.reason.startswith("expected a timestamp, got ")
    assert caught.value.path == ""


JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    st.datetimes(timezones=st.none() | st.timezones()),
)


@given(value=JSON_SCALARS | st.lists(JSON_SCALARS, max_size=2))
def test_any_value_parses_to_utc_or_raises_the_typed_error(value: object) -> None:
    try:
        parsed = parse_timestamp(value)
    except MalformedResponseError:
        return
    assert parsed.tzinfo is timezone.utc


@pytest.mark.parametrize(
    "instant",
    [
        datetime.min.replace(tzinfo=timezone.utc),
        datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone.utc),
    ],
    ids=["first-instant", "last-second"],
)
def test_the_first_and_last_instants_a_datetime_holds_parse(instant: datetime) -> None:
    assert parse_timestamp(instant.timestamp()) == instant
