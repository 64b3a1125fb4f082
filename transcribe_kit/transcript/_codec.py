"""Structure and unstructure functions for the result documents, compiled from field metadata.

The documents use the shapes' conventions (a field's wire name in its metadata, see
:func:`~transcribe_kit.shapes._base.wire`), with three differences that the cattrs
converter of the API shapes does not cover, which is why they have their own functions:

- numbers written as strings (``"start_time": "1.23"``) come out as floats, and go back
  as strings (fields marked ``text_number``);
- keys a class does not model, and known keys whose value is ``null``, are kept in the
  class's ``extra`` mapping and written back, so nothing in a document is lost;
- a malformed document raises :class:`~transcribe_kit.errors.TranscriptParseError` naming
  the path of the wrong value (``results.items[12].alternatives[0].confidence``).

A 10,000-item transcript is structured on every parse, so each class gets one straight-line
function generated at first use (as cattrs does) instead of a loop over its fields.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeAlias, TypeVar, Union

import attrs

from transcribe_kit.errors import TranscriptParseError
from transcribe_kit.shapes._base import OpenEnum, wire, wire_name

T = TypeVar("T")

#: Any JSON value, as ``json.loads`` returns it.
JsonValue: TypeAlias = bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"] | None

_TEXT_NUMBER: Final = "transcribe_kit.text_number"
_RAW: Final = "transcribe_kit.raw"
_EXTRA: Final = "transcribe_kit.extra"

#: The ``extra`` mapping of an object that has nothing beyond its modelled keys.
NO_EXTRA: Final[Mapping[str, JsonValue]] = types.MappingProxyType({})


def member(name: str, *, text_number: bool = False, raw: bool = False) -> dict[str, Any]:
    """Field metadata of a document member.

    ``text_number``: the service writes this number as a JSON string (``"0.250"``).
    ``raw``: the value is kept as the JSON it is, not structured.
    """
    return {**wire(name), _TEXT_NUMBER: text_number, _RAW: raw}


def extra_field() -> Any:
    """The ``extra`` field of a document class: keys it does not model, kept verbatim."""
    return attrs.field(factory=lambda: NO_EXTRA, metadata={_EXTRA: True}, repr=False)


class _PathError(Exception):
    """A wrong value, with the path to it collected while the error travels up."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.segments: list[str] = []

    def at(self, segment: str) -> _PathError:
        self.segments.append(segment)
        return self

    def path(self) -> str:
        path = ""
        for segment in reversed(self.segments):
            path += segment if segment.startswith("[") or not path else "." + segment
        return path


def _show(value: object) -> str:
    if isinstance(value, (dict, list)):
        return "an object" if isinstance(value, dict) else "a list"
    shown = json.dumps(value)
    return shown if len(shown) <= 40 else shown[:37] + '..."'


def expected(what: str, value: object) -> _PathError:
    """The error for a value of the wrong type or form."""
    return _PathError(f"expected {what}, got {_show(value)}")


def _missing(key: str) -> _PathError:
    return _PathError(f'missing required key "{key}"')


def _to_int(value: object) -> int:
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    if type(value) is str:
        try:
            return int(value)
        except ValueError:
            pass
    raise expected("an integer", value)


def _to_float(value: object) -> float:
    if type(value) in _NUMBER_TYPES:
        try:
            return float(value)  # type: ignore[arg-type]
        except ValueError:
            pass
    raise expected("a number", value)


def _to_str(value: object) -> str:
    if type(value) is str:
        return value
    raise expected("a string", value)


def _to_bool(value: object) -> bool:
    if type(value) is bool:
        return value
    raise expected("true or false", value)


def _raw(value: object) -> object:
    return value


def _in_list(values: list[object], convert: Callable[[object], object]) -> tuple[object, ...]:
    try:
        return tuple(map(convert, values))
    except _PathError:
        # Found again one by one, only to name the index of the wrong element.
        for index, value in enumerate(values):
            try:
                convert(value)
            except _PathError as error:
                raise error.at(f"[{index}]") from None
        raise


_NUMBER_TYPES: Final = frozenset({str, int, float})
_SCALARS: Final[Mapping[object, Callable[[Any], object]]] = {
    str: _to_str,
    int: _to_int,
    float: _to_float,
    bool: _to_bool,
}


def _optional(convert: Callable[[object], object]) -> Callable[[object], object]:
    def convert_optional(value: object) -> object:
        return None if value is None else convert(value)

    return convert_optional


def _list_of(convert: Callable[[object], object]) -> Callable[[object], object]:
    def convert_list(value: object) -> object:
        if type(value) is not list:
            raise expected("a list", value)
        return _in_list(value, convert)

    return convert_list


def _mapping_of(convert: Callable[[object], object]) -> Callable[[object], object]:
    def convert_mapping(value: object) -> object:
        if type(value) is not dict:
            raise expected("an object", value)
        converted = {}
        for key, item in value.items():
            try:
                converted[key] = convert(item)
            except _PathError as error:
                raise error.at(key) from None
        return converted

    return convert_mapping


def _enum(enum_type: type[OpenEnum]) -> Callable[[object], object]:
    def convert_enum(value: object) -> object:
        if type(value) is not str:
            raise expected("a string", value)
        return enum_type(value)

    return convert_enum


def _converter_for(annotation: Any) -> Callable[[object], object]:
    """The function that structures one JSON value into ``annotation``."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (Union, types.UnionType):
        inner = [arg for arg in args if arg is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported union {annotation!r}")
        return _optional(_converter_for(inner[0]))
    if origin is tuple:
        return _list_of(_converter_for(args[0]))
    if origin in (Mapping, dict):
        return _mapping_of(_converter_for(args[1]))
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    if isinstance(annotation, type) and issubclass(annotation, OpenEnum):
        return _enum(annotation)
    if attrs.has(annotation):
        return structure_function(annotation)
    raise TypeError(f"no conversion for {annotation!r}")


def _unstructurer_for(annotation: Any, text_number: bool) -> Callable[[Any], object]:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (Union, types.UnionType):
        inner = _unstructurer_for(next(a for a in args if a is not type(None)), text_number)
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        element = _unstructurer_for(args[0], text_number)
        return lambda value: [element(item) for item in value]
    if origin in (Mapping, dict):
        element = _unstructurer_for(args[1], text_number)
        return lambda value: {key: element(item) for key, item in value.items()}
    if isinstance(annotation, type) and issubclass(annotation, OpenEnum):
        return lambda value: value.value
    if attrs.has(annotation):
        return unstructure_function(annotation)
    if text_number and annotation in (float, int):
        return repr
    return _raw


_STRUCTURE: dict[type, Callable[[object], Any]] = {}
_UNSTRUCTURE: dict[type, Callable[[Any], dict[str, JsonValue]]] = {}


def _fields(cls: type) -> tuple[list[attrs.Attribute[Any]], attrs.Attribute[Any] | None]:
    attrs.resolve_types(cls)
    members = [a for a in attrs.fields(cls) if not a.metadata.get(_EXTRA)]
    extra = next((a for a in attrs.fields(cls) if a.metadata.get(_EXTRA)), None)
    return members, extra


# Inline code for the common scalar fields: a 10,000-item transcript converts ~60,000 of them.
_INLINE: Final[Mapping[object, str]] = {
    str: "if type(v) is not str: raise expected('a string', v)",
    # float() takes exactly the JSON values wanted here (numbers and numeric strings), and
    # booleans, which are turned away first.
    float: (
        "if v is True or v is False: raise expected('a number', v)\n"
        "try: v = float(v)\n"
        "except (ValueError, TypeError): raise expected('a number', v) from None"
    ),
    bool: "if type(v) is not bool: raise expected('true or false', v)",
    # Only integers written otherwise (1.0, "1") need the call.
    int: "if type(v) is not int: v = to_int(v)",
}


def _inline_code(annotation: Any, index: int, namespace: dict[str, Any]) -> str:
    if annotation in _INLINE:
        return _INLINE[annotation]
    if isinstance(annotation, type) and issubclass(annotation, OpenEnum):
        namespace[f"members_{index}"] = annotation._value2member_map_
        namespace[f"enum_{index}"] = annotation
        return (
            "if type(v) is not str: raise expected('a string', v)\n"
            f"v = members_{index}.get(v) or enum_{index}(v)"
        )
    if typing.get_origin(annotation) is tuple and typing.get_args(annotation)[0] is int:
        # The ids of an audio segment's items: one pass over their types, in C, instead of
        # a call per id.
        return (
            "if type(v) is not list: raise expected('a list', v)\n"
            "v = tuple(v) if ONLY_INT.issuperset(map(type, v)) else in_list(v, to_int)"
        )
    if typing.get_origin(annotation) is tuple and attrs.has(typing.get_args(annotation)[0]):
        namespace[f"c_{index}"] = structure_function(typing.get_args(annotation)[0])
        return (
            "if type(v) is not list: raise expected('a list', v)\n"
            # Most lists of alternatives hold one.
            f"try: v = (c_{index}(v[0]),) if len(v) == 1 else tuple(map(c_{index}, v))\n"
            f"except PathError: in_list(v, c_{index})"
        )
    namespace[f"convert_{index}"] = _converter_for(annotation)
    return f"v = convert_{index}(v)"


def structure_function(cls: type[T]) -> Callable[[object], T]:
    """The function that builds a ``cls`` from a decoded JSON object (compiled once)."""
    if cls in _STRUCTURE:
        return _STRUCTURE[cls]
    # Registered before compiling, so that a class that contains itself resolves.
    _STRUCTURE[cls] = lambda value: _STRUCTURE[cls](value)
    members, extra = _fields(cls)
    namespace: dict[str, Any] = {
        "cls": cls,
        "expected": expected,
        "missing": _missing,
        "PathError": _PathError,
        "in_list": _in_list,
        "to_int": _to_int,
        "ONLY_INT": frozenset({int}),
        "NO_EXTRA": NO_EXTRA,
        "KNOWN": frozenset(wire_name(a) for a in members),
    }
    lines = [
        "def structure(d):",
        "    if type(d) is not dict: raise expected('an object', d)",
        "    n = 0",
    ]
    for index, field in enumerate(members):
        key = wire_name(field)
        annotation = field.type
        required = field.default is attrs.NOTHING
        inner = _strip_optional(annotation)
        convert = "pass" if field.metadata.get(_RAW) else _inline_code(inner, index, namespace)
        lines.append(f"    v = d.get({key!r})")
        if required:
            lines.append("    if v is None:")
            lines.append(f"        if {key!r} not in d: raise missing({key!r})")
            lines.append(f"        raise expected('a value', v).at({key!r})")
            lines.append("    n += 1")
            body_indent = "    "
        else:
            lines.append("    if v is not None:")
            lines.append("        n += 1")
            body_indent = "        "
        lines.append(f"{body_indent}try:")
        lines.extend(f"{body_indent}    {line}" for line in convert.splitlines())
        lines.append(f"{body_indent}except PathError as e: raise e.at({key!r}) from None")
        lines.append(f"    f_{index} = v")
    values = {a.name: f"f_{index}" for index, a in enumerate(members)}
    if extra is not None:
        lines.append("    extra = NO_EXTRA if n == len(d) else {")
        lines.append("        k: x for k, x in d.items() if x is None or k not in KNOWN}")
        values[extra.name] = "extra"
    lines.extend(_construction(cls, values, namespace))
    # The source is built above from field metadata only.
    exec("\n".join(lines), namespace)
    function: Callable[[object], T] = namespace["structure"]
    _STRUCTURE[cls] = function
    return function


def _construction(cls: type, values: Mapping[str, str], namespace: dict[str, Any]) -> list[str]:
    """The lines that build the instance from the converted values.

    A slotted class is filled through its slots without calling ``__init__``, which for a
    frozen class sets each field through ``object.__setattr__`` at twice the cost: a
    document class has no validators or converters for ``__init__`` to run.
    """
    slots = {name: vars(cls).get(name) for name in values}
    if not all(isinstance(slot, types.MemberDescriptorType) for slot in slots.values()):
        arguments = ", ".join(f"{name}={value}" for name, value in values.items())
        return [f"    return cls({arguments})"]
    lines = ["    o = new(cls)"]
    for index, (name, value) in enumerate(values.items()):
        namespace[f"set_{index}"] = slots[name].__set__  # type: ignore[union-attr]
        lines.append(f"    set_{index}(o, {value})")
    namespace["new"] = object.__new__
    return [*lines, "    return o"]


def _strip_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(inner) == 1:
            return inner[0]
    return annotation


def unstructure_function(cls: type[T]) -> Callable[[T], dict[str, JsonValue]]:
    """The function that writes a ``cls`` back as the JSON object it was read from."""
    if cls in _UNSTRUCTURE:
        return _UNSTRUCTURE[cls]
    _UNSTRUCTURE[cls] = lambda value: _UNSTRUCTURE[cls](value)
    members, extra = _fields(cls)
    converters = [
        (
            a.name,
            wire_name(a),
            _raw
            if a.metadata.get(_RAW)
            else _unstructurer_for(a.type, bool(a.metadata.get(_TEXT_NUMBER))),
        )
        for a in members
    ]
    extra_name = extra.name if extra is not None else None

    def unstructure(value: T) -> dict[str, JsonValue]:
        data: dict[str, Any] = {}
        for name, key, convert in converters:
            item = getattr(value, name)
            if item is not None:
                data[key] = convert(item)
        if extra_name is not None:
            data.update(getattr(value, extra_name))
        return data

    _UNSTRUCTURE[cls] = unstructure
    return unstructure


def structure_document(data: object, cls: type[T]) -> T:
    """A ``cls`` built from decoded JSON; a wrong value raises ``TranscriptParseError``."""
    try:
        return structure_function(cls)(data)
    except _PathError as error:
        raise TranscriptParseError(error.path(), error.reason) from None


def unstructure_document(document: object) -> dict[str, JsonValue]:
    """The JSON object a document was read from (numbers may be written differently)."""
    return unstructure_function(type(document))(document)
