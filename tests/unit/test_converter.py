"""The converter: wire names, omitted None, timestamps in UTC, enums that keep unknown values."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone

import attrs
import cattrs
import pytest
from botocore.utils import parse_timestamp

import transcribe_kit.shapes
from transcribe_kit import (
    GetTranscriptionJobResponse,
    LanguageCode,
    MalformedResponseError,
    Media,
    MediaFormat,
    Settings,
    StartTranscriptionJobRequest,
    SyncMedia,
    TranscriptionJobStatus,
    TranscriptionJobSummary,
)
from transcribe_kit._converter import compiled_once, converter, from_wire, to_wire
from transcribe_kit.shapes._base import OpenEnum, wire

ENUM_CLASSES = [
    value
    for value in (getattr(transcribe_kit.shapes, name) for name in transcribe_kit.shapes.__all__)
    if isinstance(value, type) and issubclass(value, OpenEnum) and value is not OpenEnum
]

EXPECTED = datetime(2020, 9, 1, 14, 23, 40, 96000, tzinfo=timezone.utc)


def _summary_time(value: object) -> datetime | None:
    summary = from_wire({"CreationTime": value}, TranscriptionJobSummary)
    return summary.creation_time


def _assert_utc(value: datetime | None, expected: datetime) -> None:
    assert value is not None
    assert value.tzinfo is timezone.utc
    assert value == expected


# Wire names and omitted None


def test_request_uses_wire_names_and_leaves_out_none() -> None:
    request = StartTranscriptionJobRequest(
        transcription_job_name="job-1",
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri="s3://bucket/a.mp3"),
        output_encryption_kms_key_id="alias/key-1",
        settings=Settings(show_speaker_labels=True, max_speaker_labels=4),
    )

    assert to_wire(request) == {
        "TranscriptionJobName": "job-1",
        "LanguageCode": "en-US",
        "Media": {"MediaFileUri": "s3://bucket/a.mp3"},
        "OutputEncryptionKMSKeyId": "alias/key-1",
        "Settings": {"ShowSpeakerLabels": True, "MaxSpeakerLabels": 4},
    }


def test_false_and_empty_values_are_sent() -> None:
    settings = Settings(show_alternatives=False, channel_identification=False)

    assert to_wire(settings) == {"ShowAlternatives": False, "ChannelIdentification": False}


def test_response_reads_wire_names_into_fields() -> None:
    response = from_wire(
        {
            "TranscriptionJob": {
                "TranscriptionJobName": "job-1",
                "TranscriptionJobStatus": "IN_PROGRESS",
                "MediaSampleRateHertz": 16000,
                "Settings": {"MaxSpeakerLabels": 3, "ShowSpeakerLabels": True},
            }
        },
        GetTranscriptionJobResponse,
    )

    job = response.transcription_job
    assert job is not None
    assert job.transcription_job_name == "job-1"
    assert job.transcription_job_status is TranscriptionJobStatus.IN_PROGRESS
    assert job.media_sample_rate_hertz == 16000
    assert job.settings == Settings(max_speaker_labels=3, show_speaker_labels=True)
    assert job.media is None


def test_empty_response_reads_as_all_none() -> None:
    assert from_wire({}, GetTranscriptionJobResponse) == GetTranscriptionJobResponse()


# Timestamps


@pytest.fixture
def local_time_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process's local time zone set to one far from UTC for the test."""
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("local_time_zone")
def test_botocore_local_time_comes_out_utc() -> None:
    parsed = parse_timestamp(1598970220.096)
    assert parsed.utcoffset() == timedelta(hours=5, minutes=30)

    _assert_utc(_summary_time(parsed), EXPECTED)


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(1598970220.096, id="epoch-seconds-as-the-wire-has-them"),
        pytest.param("2020-09-01T19:53:40.096+05:30", id="iso-text-as-a-saved-answer-has-it"),
    ],
)
def test_timestamps_come_out_aware_utc(value: object) -> None:
    # Every form is read by the one timestamp parser (see test_timestamps).
    _assert_utc(_summary_time(value), EXPECTED)


def test_whole_epoch_seconds_come_out_aware_utc() -> None:
    _assert_utc(_summary_time(1598970220), EXPECTED.replace(microsecond=0))


def test_a_non_timestamp_is_rejected_naming_the_member() -> None:
    with pytest.raises(MalformedResponseError) as caught:
        _summary_time([2020])

    assert (caught.value.path, caught.value.reason) == (
        "CreationTime",
        "expected a timestamp, got a list",
    )


# Enums


def test_unknown_enum_value_is_kept() -> None:
    summary = from_wire({"TranscriptionJobStatus": "PAUSED"}, TranscriptionJobSummary)

    status = summary.transcription_job_status
    assert isinstance(status, TranscriptionJobStatus)
    assert status.is_known is False
    assert status == "PAUSED"
    assert to_wire(summary) == {"TranscriptionJobStatus": "PAUSED"}


def test_unknown_enum_value_formats_as_its_string() -> None:
    status = TranscriptionJobStatus("PAUSED")

    assert str(status) == "PAUSED"
    assert f"{status}" == "PAUSED"
    assert f"[{status:>8}]" == "[  PAUSED]"


def test_unknown_enum_value_is_cached() -> None:
    assert LanguageCode("xx-XX") is LanguageCode("xx-XX")
    assert from_wire({"LanguageCode": "xx-XX"}, TranscriptionJobSummary).language_code is (
        LanguageCode("xx-XX")
    )


def test_unknown_enum_values_are_not_members() -> None:
    LanguageCode("yy-YY")

    assert "yy-YY" not in {member.value for member in LanguageCode}
    assert len(LanguageCode.__members__) == 117


@pytest.mark.parametrize(
    ("enum_type", "value"),
    [(LanguageCode, "EN_US"), (MediaFormat, "MP3"), (TranscriptionJobStatus, "queued")],
)
def test_a_value_spelled_like_a_member_name_is_unknown(
    enum_type: type[OpenEnum], value: str
) -> None:
    unknown = enum_type(value)

    assert unknown.is_known is False
    assert unknown == value
    assert all(member.is_known for member in enum_type)


def test_enum_value_that_is_not_a_string_is_rejected() -> None:
    with pytest.raises(ValueError, match="42"):
        LanguageCode(42)


@pytest.mark.parametrize("enum_type", ENUM_CLASSES, ids=lambda cls: cls.__name__)
def test_every_enum_member_prints_as_its_value(enum_type: type[OpenEnum]) -> None:
    members = list(enum_type)

    assert members
    assert [str(m) for m in members] == [m.value for m in members]
    assert [f"{m}" for m in members] == [m.value for m in members]
    assert all(m.is_known and m == m.value for m in members)


# Functions made once per class


def test_a_class_that_contains_itself_gets_a_forwarder_while_it_is_made() -> None:
    cache: dict[type, Callable[[int], int]] = {}

    def build(cls: type) -> Callable[[int], int]:
        inner = compiled_once(cache, cls, build)
        return lambda value: value if value == 0 else inner(value - 1) + 1

    function = compiled_once(cache, int, build)

    assert function(3) == 3
    assert cache[int] is function


def test_another_thread_waits_for_the_function_being_made() -> None:
    cache: dict[type, Callable[[int], int]] = {}
    building, calling = threading.Event(), threading.Event()
    got: list[Callable[[int], int]] = []

    def build(cls: type) -> Callable[[int], int]:
        building.set()
        calling.wait(timeout=5)
        return abs

    def ask() -> None:
        building.wait(timeout=5)
        calling.set()
        got.append(compiled_once(cache, int, build))

    other = threading.Thread(target=ask)
    other.start()
    made = compiled_once(cache, int, build)
    other.join(timeout=5)

    assert got == [made]
    assert made is abs


def test_a_function_that_fails_to_be_made_is_not_kept() -> None:
    cache: dict[type, Callable[[int], int]] = {}

    def build(cls: type) -> Callable[[int], int]:
        raise TypeError("no conversion")

    with pytest.raises(TypeError):
        compiled_once(cache, int, build)

    assert cache == {}


# Blobs


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(b"RIFF", id="bytes-as-botocore-gives"),
        pytest.param("UklGRg==", id="base64-as-the-wire-has"),
    ],
)
def test_blobs_come_out_as_bytes(value: object) -> None:
    assert from_wire({"MediaBytes": value}, SyncMedia).media_bytes == b"RIFF"


def test_a_blob_that_is_no_base64_is_malformed() -> None:
    with pytest.raises(MalformedResponseError) as caught:
        from_wire({"MediaBytes": "RIFF!"}, SyncMedia, operation_name="TranscribeAudio")

    assert (caught.value.operation_name, caught.value.path) == ("TranscribeAudio", "MediaBytes")
    assert caught.value.reason == 'expected base64 text, got "RIFF!"'


# Classes beyond the model's


@attrs.define(frozen=True, kw_only=True)
class _Base:
    name: str | None = attrs.field(default=None, metadata=wire("Name"))


@attrs.define(frozen=True, kw_only=True)
class _Derived(_Base):
    size: int | None = attrs.field(default=None, metadata=wire("Size"))


@attrs.define(frozen=True, kw_only=True, slots=False)
class _WithoutSlots:
    name: str | None = attrs.field(default=None, metadata=wire("Name"))


def test_members_inherited_from_a_base_class_are_read() -> None:
    assert from_wire({"Name": "a", "Size": 2}, _Derived) == _Derived(name="a", size=2)


def test_a_class_without_slots_is_read() -> None:
    assert from_wire({"Name": "a"}, _WithoutSlots) == _WithoutSlots(name="a")


# One cattrs converter, its hooks honoured


def test_to_wire_and_from_wire_are_the_cattrs_converters() -> None:
    answer = {"TranscriptionJobName": "job-1", "TranscriptionJobStatus": "PAUSED"}
    summary = from_wire(answer, TranscriptionJobSummary)

    assert isinstance(converter, cattrs.Converter)
    assert converter.structure(answer, TranscriptionJobSummary) == summary
    assert converter.unstructure(summary) == to_wire(summary) == answer


@attrs.define(frozen=True, kw_only=True)
class _Clip:
    length: timedelta | None = attrs.field(default=None, metadata=wire("LengthSeconds"))


@pytest.fixture
def seconds_as_timedelta() -> None:
    """Hooks for ``timedelta`` (no shape of the model has one) registered on the converter."""
    converter.register_structure_hook(timedelta, lambda value, _: timedelta(seconds=value))
    converter.register_unstructure_hook(timedelta, lambda value: value.total_seconds())


@pytest.mark.usefixtures("seconds_as_timedelta")
def test_a_hook_registered_on_the_converter_reads_members_of_its_type() -> None:
    assert from_wire({"LengthSeconds": 90.5}, _Clip) == _Clip(length=timedelta(seconds=90.5))


@pytest.mark.usefixtures("seconds_as_timedelta")
def test_a_hook_registered_on_the_converter_writes_members_of_its_type() -> None:
    assert to_wire(_Clip(length=timedelta(minutes=2))) == {"LengthSeconds": 120.0}


@attrs.define(frozen=True, kw_only=True)
class _Speaker:
    name: str | None = attrs.field(default=None, metadata=wire("Name"))


@attrs.define(frozen=True, kw_only=True)
class _Turn:
    speakers: list[_Speaker] | None = attrs.field(default=None, metadata=wire("Speakers"))


def test_a_hook_registered_for_a_shape_after_use_is_honoured_where_it_is_held() -> None:
    answer = {"Speakers": [{"Name": "alice"}]}
    assert from_wire(answer, _Turn) == _Turn(speakers=[_Speaker(name="alice")])

    converter.register_structure_hook(
        _Speaker, lambda value, _: _Speaker(name=value["Name"].upper())
    )

    assert from_wire(answer, _Turn) == _Turn(speakers=[_Speaker(name="ALICE")])


@attrs.define(frozen=True, kw_only=True)
class _Node:
    name: str = attrs.field(metadata=wire("Name"))
    children: list[_Node] | None = attrs.field(default=None, metadata=wire("Children"))


def test_a_shape_that_holds_itself_round_trips_at_every_depth() -> None:
    tree = {"Name": "a", "Children": [{"Name": "b", "Children": [{"Name": "c"}]}]}

    assert to_wire(from_wire(tree, _Node)) == tree


def test_a_shape_that_holds_itself_names_a_wrong_value_deep_inside() -> None:
    tree = {"Name": "a", "Children": [{"Name": "b", "Children": [{"Name": 3}]}]}

    with pytest.raises(MalformedResponseError) as caught:
        from_wire(tree, _Node)

    assert caught.value.path == "Children[0].Children[0].Name"
