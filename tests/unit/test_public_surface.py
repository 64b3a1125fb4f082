"""The public surface is made by rule: every shape is re-exported, the top level at a glance."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import datetime, timezone

import attrs
import pytest

import transcribe_kit
import transcribe_kit.shapes
from transcribe_kit import (
    GetTranscriptionJobResponse,
    Media,
    StartTranscriptionJobRequest,
    TranscriptionJob,
    from_dict,
    to_dict,
)
from transcribe_kit.shapes._base import OpenEnum

SHAPE_MODULES = sorted(
    module.name
    for module in pkgutil.iter_modules(transcribe_kit.shapes.__path__)
    if not module.name.startswith("_")
)


def test_there_are_shape_modules_to_read() -> None:
    assert "transcription_jobs" in SHAPE_MODULES
    assert "enums" in SHAPE_MODULES


def test_the_package_looks_for_shapes_in_every_shape_module() -> None:
    assert sorted(transcribe_kit.shapes.MODULES) == SHAPE_MODULES


@pytest.mark.parametrize("module_name", SHAPE_MODULES)
def test_a_shape_module_exports_every_class_it_defines(module_name: str) -> None:
    module = importlib.import_module(f"transcribe_kit.shapes.{module_name}")
    defined = {
        name
        for name, value in vars(module).items()
        if isinstance(value, type)
        and value.__module__ == module.__name__
        and (attrs.has(value) or issubclass(value, OpenEnum))
    }
    exported = set(module.__all__)
    if module_name == "common":
        # The model's Transcript structure goes by a name the transcript document lacks.
        defined = defined - {"Transcript"} | {"TranscriptLocation"}
    assert exported == defined


def test_every_shape_is_importable_from_the_top_level_as_the_same_object() -> None:
    for name in transcribe_kit.shapes.__all__:
        assert getattr(transcribe_kit, name) is getattr(transcribe_kit.shapes, name), name
    assert set(transcribe_kit.shapes.__all__) <= set(transcribe_kit.__all__)


def test_the_two_transcripts_go_by_two_names() -> None:
    assert transcribe_kit.Transcript is transcribe_kit.transcript.Transcript
    assert transcribe_kit.TranscriptLocation is transcribe_kit.shapes.Transcript
    assert "Transcript" not in transcribe_kit.shapes.__all__


def test_every_public_name_exists_once() -> None:
    names = transcribe_kit.__all__
    assert len(names) == len(set(names))
    assert all(hasattr(transcribe_kit, name) for name in names)


def test_to_dict_gives_wire_names_and_from_dict_reads_them_back() -> None:
    created = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    request = StartTranscriptionJobRequest(
        transcription_job_name="meeting-42", media=Media(media_file_uri="s3://media/a.mp3")
    )
    answer = {
        "TranscriptionJob": {
            "TranscriptionJobName": "meeting-42",
            "TranscriptionJobStatus": "QUEUED",
            "CreationTime": created.isoformat(),
            "SomethingNew": 1,
        }
    }

    assert to_dict(request) == {
        "TranscriptionJobName": "meeting-42",
        "Media": {"MediaFileUri": "s3://media/a.mp3"},
    }
    response = from_dict(answer, GetTranscriptionJobResponse)
    assert response.transcription_job == TranscriptionJob(
        transcription_job_name="meeting-42",
        transcription_job_status=transcribe_kit.TranscriptionJobStatus.QUEUED,
        creation_time=created,
    )
    assert to_dict(response)["TranscriptionJob"]["CreationTime"] == created
