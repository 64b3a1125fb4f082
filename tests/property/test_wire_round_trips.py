"""Properties of the converter over wire dicts generated from the service model."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from botocore.model import Shape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests._model import BUNDLED, class_for, model
from tests.property._strategies import wire_dicts, with_unknown_keys
from transcribe_kit._converter import from_wire, to_wire
from transcribe_kit.shapes._base import OpenEnum

# Every structure is reachable from an operation's request or response, so these cover all.
TOP_LEVEL = [
    pytest.param(shape, id=shape.name)
    for operation in map(model(BUNDLED).operation_model, model(BUNDLED).operation_names)
    for shape in (operation.input_shape, operation.output_shape)
    if shape is not None
]

PROPERTY_SETTINGS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _enum_values(value: Any) -> list[OpenEnum]:
    """Every enum member anywhere in a structured shape (map keys included)."""
    if isinstance(value, OpenEnum):
        return [value]
    if attrs.has(type(value)):
        return [e for f in attrs.fields(type(value)) for e in _enum_values(getattr(value, f.name))]
    if isinstance(value, list):
        return [e for item in value for e in _enum_values(item)]
    if isinstance(value, dict):
        return [e for key, item in value.items() for e in _enum_values(key) + _enum_values(item)]
    return []


@pytest.mark.parametrize("shape", TOP_LEVEL)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_round_trip_is_identity(shape: Shape, data: st.DataObject) -> None:
    wire = data.draw(wire_dicts(shape))

    assert to_wire(from_wire(wire, class_for(shape))) == wire


@pytest.mark.parametrize("shape", TOP_LEVEL)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_unknown_keys_anywhere_are_ignored(shape: Shape, data: st.DataObject) -> None:
    wire = data.draw(wire_dicts(shape))
    noisy = with_unknown_keys(data.draw, shape, wire)

    built = from_wire(noisy, class_for(shape))

    assert built == from_wire(wire, class_for(shape))
    assert to_wire(built) == wire


@pytest.mark.parametrize("shape", TOP_LEVEL)
@PROPERTY_SETTINGS
@given(data=st.data())
def test_unknown_enum_values_survive_and_read_unknown(shape: Shape, data: st.DataObject) -> None:
    wire = data.draw(wire_dicts(shape, unknown_enums=True))

    built = from_wire(wire, class_for(shape))

    assert to_wire(built) == wire
    assert not [value for value in _enum_values(built) if value.is_known]
