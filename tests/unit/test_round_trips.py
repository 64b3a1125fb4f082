"""Every structure survives wire dict → shape → wire dict, with every member set."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from botocore.model import Shape

from tests._model import MODEL_NAMES, class_for, full_wire_dict, model, structures
from transcribe_kit._converter import from_wire, to_wire

STRUCTURES = [
    pytest.param(shape, id=f"{name}-{shape.name}")
    for name in MODEL_NAMES
    for shape in structures(model(name))
]


def _unset_fields(value: Any, path: str) -> list[str]:
    """The dotted paths of the fields left ``None`` anywhere in ``value``."""
    if attrs.has(type(value)):
        found = []
        for field in attrs.fields(type(value)):
            member = getattr(value, field.name)
            if member is None:
                found.append(f"{path}.{field.name}")
            else:
                found += _unset_fields(member, f"{path}.{field.name}")
        return found
    if isinstance(value, list):
        return [
            gap
            for index, item in enumerate(value)
            for gap in _unset_fields(item, f"{path}[{index}]")
        ]
    if isinstance(value, dict):
        return [gap for key, item in value.items() for gap in _unset_fields(item, f"{path}[{key}]")]
    return []


@pytest.mark.parametrize("shape", STRUCTURES)
def test_fully_populated_structure_round_trips(shape: Shape) -> None:
    wire = full_wire_dict(shape)

    assert to_wire(from_wire(wire, class_for(shape))) == wire


@pytest.mark.parametrize("shape", STRUCTURES)
def test_every_member_is_read(shape: Shape) -> None:
    built = from_wire(full_wire_dict(shape), class_for(shape))

    assert _unset_fields(built, shape.name) == []
