"""Real API responses (the corpus's ``api-*`` kind) structure with every field kept."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest
from botocore.model import Shape

import transcribe_kit.shapes
from tests._model import BUNDLED, model
from tests.corpus.conftest import Corpus
from transcribe_kit import (
    GetTranscriptionJobResponse,
    ListTranscriptionJobsResponse,
    TranscriptionJobStatus,
)
from transcribe_kit._converter import from_wire, to_wire


def _response_names() -> list[str]:
    """The output shapes of the model, those of reading operations first."""
    service = model(BUNDLED)
    outputs = [
        (name, service.operation_model(name).output_shape) for name in service.operation_names
    ]
    reading = ("Get", "Describe", "List")
    ordered = sorted(outputs, key=lambda pair: (not pair[0].startswith(reading), pair[0]))
    return [shape.name for _, shape in ordered if shape is not None]


def response_type_of(original: dict[str, Any]) -> type[Any]:
    """The response class whose members hold every top-level key of ``original``."""
    service = model(BUNDLED)
    for name in _response_names():
        if set(original) <= set(service.shape_for(name).members):
            found: type[Any] = getattr(transcribe_kit.shapes, name)
            return found
    pytest.fail(f"no response shape has the members {sorted(original)}")


def _same_instant(original: Any, produced: datetime) -> bool:
    if isinstance(original, str):
        return produced.isoformat() == original.replace("Z", "+00:00")
    return abs(produced.timestamp() - float(original)) < 1e-6


def _differences(shape: Shape, original: Any, produced: Any, path: str) -> list[str]:
    """Where ``produced`` does not hold the data of ``original`` (timestamps as instants)."""
    kind = shape.type_name
    if kind == "timestamp":
        ok = isinstance(produced, datetime) and produced.tzinfo is timezone.utc
        return [] if ok and _same_instant(original, produced) else [f"{path}: {produced!r}"]
    if kind in ("structure", "map"):
        if set(original) != set(produced):
            return [f"{path}: keys {sorted(original)} became {sorted(produced)}"]
        return [
            gap
            for key in original
            for gap in _differences(
                shape.members[key] if kind == "structure" else shape.value,
                original[key],
                produced[key],
                f"{path}.{key}" if kind == "structure" else f"{path}[{key}]",
            )
        ]
    if kind == "list":
        if len(original) != len(produced):
            return [f"{path}: {len(original)} items became {len(produced)}"]
        return [
            gap
            for index, (a, b) in enumerate(zip(original, produced, strict=True))
            for gap in _differences(shape.member, a, b, f"{path}[{index}]")
        ]
    return [] if original == produced else [f"{path}: {original!r} became {produced!r}"]


def _load(corpus: Corpus, name: str) -> dict[str, Any]:
    path = corpus.directory / name
    if not path.is_file():
        pytest.skip(f"{name} is not in this corpus")
    loaded: dict[str, Any] = json.loads(path.read_text())
    return loaded


@pytest.mark.corpus_kinds("api-")
def test_corpus_response_keeps_every_field(corpus: Corpus, name: str) -> None:
    original = _load(corpus, name)
    response_type = response_type_of(original)

    produced = to_wire(from_wire(original, response_type))

    shape = model(BUNDLED).shape_for(response_type.__name__)
    assert _differences(shape, original, produced, shape.name) == []


def test_get_response_reads_typed(corpus: Corpus) -> None:
    original = _load(corpus, "api-get-transcription-job-langid-awscli.json")

    job = from_wire(original, GetTranscriptionJobResponse).transcription_job

    assert job is not None
    assert job.transcription_job_status is TranscriptionJobStatus.COMPLETED
    assert job.identify_language is True
    assert job.identified_language_score == pytest.approx(0.8672199249267578)
    assert job.completion_time == datetime(2020, 9, 18, 22, 28, 21, 197000, tzinfo=timezone.utc)
    assert job.settings is not None
    assert job.settings.channel_identification is False


def test_list_response_with_epoch_times_reads_typed(corpus: Corpus) -> None:
    original = _load(corpus, "api-list-transcription-jobs-langid-epoch-docs.json")

    response = from_wire(original, ListTranscriptionJobsResponse)

    assert response.next_token is None
    [summary] = response.transcription_job_summaries or []
    assert summary.creation_time == datetime(2020, 9, 1, 14, 23, 40, 96000, tzinfo=timezone.utc)
    assert summary.identified_language_score == pytest.approx(0.8672199249267578)
