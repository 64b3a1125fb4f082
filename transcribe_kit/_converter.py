"""The one converter between shapes and the dicts aiobotocore takes and returns.

Rules, all kept here and nowhere else:

- a field's wire name comes from its metadata (``wire("OutputEncryptionKMSKeyId")``);
- ``None`` members are left out of request dicts; an enum member is sent as its value,
  and so is a string among the enum's values (validation lets only those through);
- answers are read strictly: a member of the wrong type (``"false"`` for a boolean,
  ``2.9`` for an integer, an object for a string), a required member missing, a timestamp
  that is no time or a number out of range raises
  :class:`~transcribe_kit.MalformedResponseError` naming the member's wire path, never
  a value coerced into something the service did not say;
- keys the model does not know are ignored, and enum values it does not know are kept
  (see :class:`~transcribe_kit.shapes._base.OpenEnum`), so a newer service never breaks
  an answer;
- timestamps come out as ``datetime`` objects in UTC, through
  :func:`~transcribe_kit._timestamps.parse_timestamp`; blobs as ``bytes``. Both are read
  from botocore's parsed values and from the wire's own (epoch numbers, base64 text).

A page of 100 job summaries is converted on every List call, so each class gets one
straight-line function, generated at first use, that reads its members, checks their
types inline and fills the instance's slots directly (the frozen ``__init__`` costs
twice as much).
"""

from __future__ import annotations

import base64
import binascii
import json
import linecache
import threading
import types
import typing
from collections.abc import Callable
from datetime import datetime
from typing import Any, Final, TypeVar, Union

import attrs

from transcribe_kit._timestamps import UTC, parse_timestamp
from transcribe_kit.errors import MalformedResponseError
from transcribe_kit.shapes._base import OpenEnum, WrongValueError, wire_name

T = TypeVar("T")

#: The integers any member of the model can hold (its ``long`` is 64 bits).
_INT_LIMIT: Final = 2**63


def shown(value: object) -> str:
    """A value of an answer as its JSON, cut short: what an error says was found."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if value is None or isinstance(value, (str, int, float)):
        try:
            text = json.dumps(value)
        except ValueError:  # an integer too long to print
            text = "a number of more than 4300 digits"
        return text if len(text) <= 40 else text[:37] + '..."'
    return type(value).__name__


def _expected(what: str, value: object) -> WrongValueError:
    return WrongValueError(f"expected {what}, got {shown(value)}")


# Conversions off the fast path: each returns the value to store or raises WrongValueError.


def _to_int(value: object) -> int:
    if type(value) is int:
        raise _expected("an integer between -2**63 and 2**63", value)
    raise _expected("an integer", value)


def _to_float(value: object) -> float:
    if type(value) is int:
        try:
            return float(value)
        except OverflowError:
            raise _expected("a finite number", value) from None
    if type(value) is float:
        raise _expected("a finite number", value)
    raise _expected("a number", value)


def _to_timestamp(value: object) -> datetime:
    try:
        return parse_timestamp(value)
    except MalformedResponseError:
        raise _expected("a timestamp", value) from None


def _to_blob(value: object) -> bytes:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    if isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            pass
    raise _expected("base64 text", value)


def _to_str(value: object) -> str:
    raise _expected("a string", value)


def _to_bool(value: object) -> bool:
    raise _expected("true or false", value)


def _enum_reader(enum_type: type[OpenEnum]) -> Callable[[object], OpenEnum]:
    members = enum_type._value2member_map_

    def read(value: object) -> OpenEnum:
        if value.__class__ is not str:
            raise _expected("a string", value)
        # The value map first: ``EnumMeta.__call__`` costs several times more, and an
        # unknown value still goes through it (which adds the value to that map).
        member: OpenEnum | None = members.get(value)  # type: ignore[assignment]
        return member if member is not None else enum_type(value)

    return read


def _list_reader(read: Callable[[object], Any]) -> Callable[[object], list[Any]]:
    def read_list(value: object) -> list[Any]:
        if value.__class__ is not list:
            raise _expected("a list", value)
        try:
            return list(map(read, value))
        except WrongValueError:
            pass
        # Found again one by one, only to name the index of the wrong element.
        for index, item in enumerate(value):
            try:
                read(item)
            except WrongValueError as error:
                raise error.at(f"[{index}]") from None
        raise AssertionError("unreachable")  # pragma: no cover

    return read_list


def _map_reader(
    read_key: Callable[[object], Any], read_value: Callable[[object], Any]
) -> Callable[[object], dict[Any, Any]]:
    def read_map(value: object) -> dict[Any, Any]:
        if value.__class__ is not dict:
            raise _expected("an object", value)
        read: dict[Any, Any] = {}
        for key, item in value.items():
            try:
                read[read_key(key)] = read_value(item)
            except WrongValueError as error:
                raise error.at(f"[{json.dumps(key)}]") from None
        return read

    return read_map


def strip_optional(annotation: Any) -> Any:
    """``X`` for an annotation ``X | None``; any other annotation as it is."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported union {annotation!r}")
        return inner[0]
    return annotation


# Inline code for a member's value ``v``: it leaves the converted value in ``v`` or raises
# WrongValueError. Only what a correct answer needs runs; anything else takes a slow path.
_SCALAR_CODE: Final[dict[Any, str]] = {
    str: "if v.__class__ is not str: v = to_str(v)",
    bool: "if v.__class__ is not bool: v = to_bool(v)",
    int: "if v.__class__ is not int or not -INT_LIMIT <= v < INT_LIMIT: v = to_int(v)",
    # ``v - v`` is 0.0 for every finite float, NaN for NaN and the infinities.
    float: "if v.__class__ is not float or v - v != 0.0: v = to_float(v)",
    # botocore's parse (in transcribe_kit's sessions) is UTC already; the rest (the wire's
    # epoch seconds, botocore's local time in other sessions) goes to the one parser.
    datetime: (
        "if v.__class__ is not datetime or v.tzinfo is not UTC:\n"
        "    try: v = parse_timestamp(v)\n"
        "    except MalformedResponseError: raise expected('a timestamp', v) from None"
    ),
    bytes: "if v.__class__ is not bytes: v = to_blob(v)",
}


def _read_str(value: object) -> str:
    return value if type(value) is str else _to_str(value)


def _read_bool(value: object) -> bool:
    return value if type(value) is bool else _to_bool(value)


def _read_int(value: object) -> int:
    if type(value) is int and -_INT_LIMIT <= value < _INT_LIMIT:
        return value
    return _to_int(value)


def _read_float(value: object) -> float:
    if type(value) is float and value - value == 0.0:
        return value
    return _to_float(value)


# The same checks as functions, for the items of lists and maps.
_SCALAR_READERS: Final[dict[Any, Callable[[object], object]]] = {
    str: _read_str,
    bool: _read_bool,
    int: _read_int,
    float: _read_float,
    datetime: _to_timestamp,
    bytes: _to_blob,
}


def _reader(annotation: Any) -> Callable[[object], Any]:
    """The function that reads one wire value into ``annotation`` (not ``None``)."""
    if annotation in _SCALAR_READERS:
        return _SCALAR_READERS[annotation]
    if isinstance(annotation, type) and issubclass(annotation, OpenEnum):
        return _enum_reader(annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        return _list_reader(_reader(typing.get_args(annotation)[0]))
    if origin is dict:
        key_type, value_type = typing.get_args(annotation)
        return _map_reader(_reader(key_type), _reader(value_type))
    if attrs.has(annotation):
        return structure_function(annotation)
    raise TypeError(f"no conversion for {annotation!r}")


def _read_code(annotation: Any, index: int, namespace: dict[str, Any]) -> str:
    if annotation in _SCALAR_CODE:
        return _SCALAR_CODE[annotation]
    if isinstance(annotation, type) and issubclass(annotation, OpenEnum):
        namespace[f"members_{index}"] = annotation._value2member_map_.get
        namespace[f"enum_{index}"] = annotation
        return (
            f"if v.__class__ is not str: v = to_str(v)\nv = members_{index}(v) or enum_{index}(v)"
        )
    namespace[f"read_{index}"] = _reader(annotation)
    return f"v = read_{index}(v)"


_STRUCTURE: dict[type, Callable[[object], Any]] = {}
_UNSTRUCTURE: dict[type, Callable[[Any], dict[str, Any]]] = {}


def _fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    attrs.resolve_types(cls)
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    return fields


def compile_function(name: str, lines: list[str], namespace: dict[str, Any], label: str) -> Any:
    """The function ``name`` defined by ``lines``, its source kept for tracebacks."""
    source = "\n".join(lines) + "\n"
    filename = f"<transcribe_kit {label}>"
    # As attrs and cattrs do: tracebacks and debuggers then show the generated lines.
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)
    return namespace[name]


FunctionT = TypeVar("FunctionT", bound=Callable[..., Any])

#: Held while a function is made: a class that contains itself comes back in the same
#: thread (hence re-entrant); another thread waits instead of meeting a half-made one.
_MAKING: Final = threading.RLock()
#: While a function is made: a forwarder to it, by its cache and class.
_FORWARDERS: Final[dict[tuple[int, type], Callable[..., Any]]] = {}


def compiled_once(
    cache: dict[type, FunctionT], cls: type, build: Callable[[Any], FunctionT]
) -> FunctionT:
    """``cache[cls]``, made by ``build(cls)`` the first time it is asked for.

    While it is being made, asking again (from the function of a class that contains
    ``cls``) gives a forwarder that calls it once it is made.
    """
    found = cache.get(cls)
    if found is not None:
        return found
    with _MAKING:
        key = (id(cache), cls)
        found = cache.get(cls) or typing.cast("FunctionT | None", _FORWARDERS.get(key))
        if found is not None:
            return found
        _FORWARDERS[key] = lambda value: cache[cls](value)
        try:
            built = build(cls)
        finally:
            del _FORWARDERS[key]
        cache[cls] = built
        return built


def structure_function(cls: type[T]) -> Callable[[object], T]:
    """The function that builds a ``cls`` from its wire dict (compiled once per class).

    It raises ``WrongValueError`` for a wrong value, with the path below ``cls``.
    """
    function: Callable[[object], T] = compiled_once(_STRUCTURE, cls, _compile_structure)
    return function


def _setter(cls: type, name: str) -> Callable[[object, object], None]:
    """What sets field ``name`` of a new ``cls``: its slot's own setter where it has one.

    A frozen class's ``__setattr__`` refuses, and its ``__init__`` costs a keyword call
    and a lookup per field more. The slot may be a base class's.
    """
    for klass in cls.__mro__:
        slot = klass.__dict__.get(name)
        if isinstance(slot, types.MemberDescriptorType):
            setter: Callable[[object, object], None] = slot.__set__
            return setter
    # A class without slots keeps its fields in the instance's __dict__.
    return lambda instance, value: object.__setattr__(instance, name, value)


def _compile_structure(cls: type[T]) -> Callable[[object], T]:
    namespace: dict[str, Any] = {
        "cls": cls,
        "new": object.__new__,
        "WrongValueError": WrongValueError,
        "expected": _expected,
        "UTC": UTC,
        "datetime": datetime,
        "INT_LIMIT": _INT_LIMIT,
        "parse_timestamp": parse_timestamp,
        "MalformedResponseError": MalformedResponseError,
        "to_str": _to_str,
        "to_bool": _to_bool,
        "to_int": _to_int,
        "to_float": _to_float,
        "to_blob": _to_blob,
    }
    lines = [
        "def structure(d):",
        "    if d.__class__ is not dict: raise expected('an object', d)",
        "    get = d.get",
    ]
    fields = _fields(cls)
    for index, field in enumerate(fields):
        key = wire_name(field)
        read = _read_code(strip_optional(field.type), index, namespace)
        lines += [
            f"    v = get({key!r})",
            "    if v is not None:",
            "        try:",
            *(f"            {line}" for line in read.splitlines()),
            "        except WrongValueError as error:",
            f"            raise error.at({key!r}) from None",
        ]
        if field.default is attrs.NOTHING:
            lines.append(
                f"    else: raise WrongValueError('a required member is missing').at({key!r})"
            )
        lines.append(f"    a{index} = v")
        namespace[f"set_{index}"] = _setter(cls, field.name)
    lines.append("    o = new(cls)")
    lines += [f"    set_{index}(o, a{index})" for index in range(len(fields))]
    lines.append("    return o")
    function: Callable[[object], T] = compile_function(
        "structure", lines, namespace, f"structure {cls.__qualname__}"
    )
    return function


def _write_expression(annotation: Any, value: str, namespace: dict[str, Any]) -> str:
    """An expression for the wire form of ``value``, an instance of ``annotation``."""
    if isinstance(annotation, type) and issubclass(annotation, OpenEnum):
        # A string among the enum's values is sent as it is.
        return f"({value} if {value}.__class__ is str else {value}._value_)"
    origin = typing.get_origin(annotation)
    if origin is list:
        item = _write_expression(typing.get_args(annotation)[0], "x", namespace)
        return f"[{item} for x in {value}]"
    if origin is dict:
        key_type, value_type = typing.get_args(annotation)
        key = _write_expression(key_type, "k", namespace)
        item = _write_expression(value_type, "x", namespace)
        return f"{{{key}: {item} for k, x in {value}.items()}}"
    if attrs.has(annotation):
        name = f"write_{len(namespace)}"
        namespace[name] = unstructure_function(annotation)
        return f"{name}({value})"
    return value


def unstructure_function(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    """The function that gives the wire dict of a ``cls`` (compiled once per class)."""
    return compiled_once(_UNSTRUCTURE, cls, _compile_unstructure)


def _compile_unstructure(cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
    namespace: dict[str, Any] = {}
    lines = ["def unstructure(o):", "    d = {}"]
    for field in _fields(cls):
        expression = _write_expression(strip_optional(field.type), "v", namespace)
        lines += [
            f"    v = o.{field.name}",
            f"    if v is not None: d[{wire_name(field)!r}] = {expression}",
        ]
    lines.append("    return d")
    function: Callable[[Any], dict[str, Any]] = compile_function(
        "unstructure", lines, namespace, f"unstructure {cls.__qualname__}"
    )
    return function


def to_wire(shape: object) -> dict[str, Any]:
    """The request dict aiobotocore takes for ``shape``, with ``None`` members left out."""
    return unstructure_function(type(shape))(shape)


def from_wire(data: object, shape_type: type[T], *, operation_name: str | None = None) -> T:
    """The shape ``shape_type`` read from an answer; unknown keys are ignored.

    Raises :class:`~transcribe_kit.MalformedResponseError` naming ``operation_name`` and the
    wire path of a value that does not match the model.
    """
    try:
        return structure_function(shape_type)(data)
    except WrongValueError as error:
        raise MalformedResponseError(
            error.path(), error.reason, operation_name=operation_name
        ) from None
