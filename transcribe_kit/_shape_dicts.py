"""Shapes to and from the dicts of the service's wire format: :func:`to_dict`, :func:`from_dict`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from transcribe_kit._converter import from_wire, to_wire

T = TypeVar("T")


def to_dict(shape: object) -> dict[str, Any]:
    """A shape as the dict boto3 takes and returns: wire member names, ``None`` members left out.

    Enums become their values; timestamps stay ``datetime`` objects and blobs ``bytes``,
    as boto3 has them (give ``json.dumps`` a ``default`` for them).
    """
    return to_wire(shape)


def from_dict(data: Mapping[str, Any], shape_type: type[T]) -> T:
    """The shape ``shape_type`` made from a dict in wire member names (a boto3 answer, say).

    Keys the model does not know are ignored and enum values it does not know are kept;
    timestamps may be ``datetime`` objects, ISO 8601 strings or epoch seconds.
    """
    return from_wire(dict(data), shape_type)
