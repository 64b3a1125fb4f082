"""The one cattrs converter between shapes and the dicts aiobotocore takes and returns.

Rules, all kept here and nowhere else:

- a field's wire name comes from its metadata (``wire("OutputEncryptionKMSKeyId")``);
- ``None`` members are left out of request dicts;
- keys the model does not know are ignored, and enum values it does not know are kept
  (see :class:`~transcribe_kit.shapes._base.OpenEnum`), so a newer service never breaks
  a response;
- timestamps come out as ``datetime`` objects in UTC (botocore already parses them; an
  ISO string or epoch number, as found in saved responses, is parsed too).
"""

from __future__ import annotations

import types
from datetime import datetime, timezone
from typing import Any, TypeVar, Union, get_args, get_origin

import attrs
from botocore.utils import parse_timestamp
from cattrs import Converter
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from transcribe_kit.shapes._base import OpenEnum, wire_name

T = TypeVar("T")


def _structure_datetime(value: object, _: object) -> datetime:
    if isinstance(value, bool) or not isinstance(value, (datetime, str, int, float)):
        raise TypeError(f"expected a timestamp, got {type(value).__name__}")
    # botocore's own parser: epoch numbers and every ISO 8601 form, on every Python.
    parsed = value if isinstance(value, datetime) else parse_timestamp(value)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def _structure_optional_datetime(value: object, _: object) -> datetime | None:
    # What botocore parses, an aware datetime (already UTC in the sessions transcribe_kit
    # creates), is the case worth a short path.
    if value.__class__ is datetime and value.tzinfo is not None:
        return value if value.tzinfo is timezone.utc else value.astimezone(timezone.utc)
    return None if value is None else _structure_datetime(value, datetime)


def _structure_open_enum(value: object, enum_type: type[OpenEnum]) -> OpenEnum:
    # The enum's own value map first: ``EnumMeta.__call__`` costs several times more, and
    # an unknown value still goes through it (which adds the value to that map).
    try:
        member: OpenEnum | None = enum_type._value2member_map_.get(value)  # type: ignore[assignment]
    except TypeError:
        member = None
    return member if member is not None else enum_type(value)


def _optional_open_enum_hook(enum_type: type[OpenEnum]) -> Any:
    members = enum_type._value2member_map_

    def structure(value: object, _: object) -> OpenEnum | None:
        try:
            member: OpenEnum | None = members.get(value)  # type: ignore[assignment]
        except TypeError:
            member = None
        if member is not None:
            return member
        return None if value is None else enum_type(value)

    return structure


def _optional_call_hook(cls: type[Any]) -> Any:
    def structure(value: object, _: object) -> object:
        return None if value is None else cls(value)

    return structure


def _is_optional(type_: object) -> bool:
    args = get_args(type_)
    return (
        get_origin(type_) in (Union, types.UnionType) and len(args) == 2 and types.NoneType in args
    )


def _optional_structure_hook(type_: Any) -> Any:
    # cattrs' own hook for ``X | None`` looks up the hook of X on every value; nearly every
    # response member is optional, so the lookup is done once here instead, and the leaf
    # types (timestamps, enums, scalars) get one function that also handles ``None``.
    inner_type = next(arg for arg in get_args(type_) if arg is not types.NoneType)
    if inner_type is datetime:
        return _structure_optional_datetime
    if isinstance(inner_type, type) and issubclass(inner_type, OpenEnum):
        return _optional_open_enum_hook(inner_type)
    if inner_type in (str, int, float, bool):
        return _optional_call_hook(inner_type)
    inner = converter.get_structure_hook(inner_type)

    def structure(value: object, _: object) -> object:
        return None if value is None else inner(value, inner_type)

    return structure


def _is_shape(cls: type) -> bool:
    return attrs.has(cls) and cls.__module__.startswith("transcribe_kit.")


def _renames(cls: type[Any]) -> dict[str, Any]:
    return {a.name: override(rename=wire_name(a)) for a in attrs.fields(cls)}


def _shape_structure_hook(cls: type[Any]) -> Any:
    return make_dict_structure_fn(cls, converter, **_renames(cls))


def _shape_unstructure_hook(cls: type[Any]) -> Any:
    return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True, **_renames(cls))


def _build() -> Converter:
    built = Converter(detailed_validation=False)
    built.register_structure_hook(datetime, _structure_datetime)
    built.register_unstructure_hook(datetime, lambda value: value)
    built.register_structure_hook(bytes, lambda value, _: value)
    built.register_unstructure_hook(bytes, lambda value: value)
    # Registered on the base class: single dispatch then serves every enum, ahead of the
    # identity hook that cattrs has for their ``str`` base.
    built.register_structure_hook(OpenEnum, _structure_open_enum)
    built.register_unstructure_hook(OpenEnum, lambda value: value.value)
    return built


converter = _build()
converter.register_structure_hook_factory(_is_shape, _shape_structure_hook)
converter.register_unstructure_hook_factory(_is_shape, _shape_unstructure_hook)
converter.register_structure_hook_factory(_is_optional, _optional_structure_hook)


def to_wire(shape: object) -> dict[str, Any]:
    """The request dict aiobotocore takes for ``shape``, with ``None`` members left out."""
    unstructured: dict[str, Any] = converter.unstructure(shape)
    return unstructured


def from_wire(data: dict[str, Any], shape_type: type[T]) -> T:
    """The shape ``shape_type`` built from a response dict; unknown keys are ignored."""
    return converter.structure(data, shape_type)
