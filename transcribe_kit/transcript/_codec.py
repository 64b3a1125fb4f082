"""Reading and writing the result documents: msgspec Structs, decoded in one pass.

The document classes are msgspec ``Struct`` s (frozen, not tracked by the garbage collector),
and a document is read by one of two paths that give the same objects:

- the fast path: msgspec decodes the bytes straight into the classes, checking every value
  on the way (in C, about a third of the time ``json.loads`` takes to build plain dicts).
  Numbers the service writes as strings (``"0.250"``, ``"1.0E-4"``) become floats there;
- the careful path, for a document the fast path refuses: decoded with ``json.loads``, the
  keys the classes do not model are set aside into the ``extra`` of the object they belong
  to, msgspec converts the rest, and a wrong value is located and named in a
  :class:`~transcribe_kit.errors.TranscriptParseError`
  (``results.items[12].alternatives[0].confidence: expected a number, got "abc"``).

A parsed document keeps the JSON text it was read from, so ``to_dict()`` gives back exactly
what the service wrote (``"0.910"`` stays ``"0.910"``); a document built in code is written
from its fields instead.
"""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Final, TypeAlias, TypeVar

import msgspec
import msgspec.inspect as mi

from transcribe_kit.errors import TranscriptParseError

T = TypeVar("T")

#: Any JSON value, as ``json.loads`` returns it.
JsonValue: TypeAlias = bool | int | float | str | list["JsonValue"] | dict[str, "JsonValue"] | None

if TYPE_CHECKING:
    #: A member kept as the JSON it is (msgspec cannot resolve the recursive alias).
    RawJson: TypeAlias = JsonValue
else:
    RawJson = object

_LARGEST: Final = sys.float_info.max
#: A number the service writes as a JSON string (``"0.250"``): a finite float here.
TextNumber = Annotated[float, msgspec.Meta(ge=-_LARGEST, le=_LARGEST, extra={"text": True})]
#: A number written as a JSON number: a finite float here.
Number = Annotated[float, msgspec.Meta(ge=-_LARGEST, le=_LARGEST)]

#: The ``extra`` of an object that has nothing beyond its modelled keys.
NO_EXTRA: Final[Mapping[str, JsonValue]] = types.MappingProxyType({})
# The wire name of ``extra``: never a key of a real document, so that the fast path
# refuses every document with a key the classes do not model.
_EXTRA_KEY: Final = "~transcribe_kit.extra"
_EXTRA: Final = "extra"


class DocumentPart(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    gc=False,
    forbid_unknown_fields=True,
    repr_omit_defaults=True,
):
    """A part of a result document; ``extra`` holds the keys its class does not model."""

    extra: Mapping[str, RawJson] = msgspec.field(default=NO_EXTRA, name=_EXTRA_KEY)


class DocumentRoot(DocumentPart, frozen=True, gc=True, dict=True):
    """A whole result document: it remembers the JSON text it was read from."""

    def to_dict(self) -> dict[str, JsonValue]:
        """The document as JSON data again, exactly as read (from the fields if built in code)."""
        source: bytes | str | None = self.__dict__.get(_SOURCE)
        if source is None:
            written: dict[str, JsonValue] = _unstructure(self)
            return written
        data: dict[str, JsonValue] = json.loads(source)
        return data


_SOURCE: Final = "_source"

D = TypeVar("D", bound=DocumentRoot)


# Errors ------------------------------------------------------------------------------------


class _PathError(Exception):
    """A wrong value, with the path to it collected while the error travels up."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.segments: list[str] = []

    def at(self, segment: str | int) -> _PathError:
        self.segments.append(f"[{segment}]" if isinstance(segment, int) else segment)
        return self

    def path(self) -> str:
        path = ""
        for segment in reversed(self.segments):
            path += segment if segment.startswith("[") or not path else "." + segment
        return path


def _show(value: object) -> str:
    if isinstance(value, (dict, list)):
        return "an object" if isinstance(value, dict) else "a list"
    try:
        shown = json.dumps(value)
    except ValueError:  # an integer too long to write
        shown = "a number too long to show"
    return shown if len(shown) <= 40 else shown[:37] + '..."'


def _expected(what: str, value: object) -> _PathError:
    return _PathError(f"expected {what}, got {_show(value)}")


# Decoding ----------------------------------------------------------------------------------


@cache
def _decoder(cls: type[T]) -> msgspec.json.Decoder[T]:
    # Not strict: numbers written as strings become numbers, as the documents need.
    return msgspec.json.Decoder(cls, strict=False)


def decode_fast(data: bytes | str, cls: type[D]) -> D | None:
    """``cls`` decoded straight from ``data``; ``None`` if the fast path refuses it."""
    try:
        document: D = _decoder(cls).decode(data)
    except (msgspec.DecodeError, RecursionError):
        return None
    document.__dict__[_SOURCE] = data
    return document


def _refuse_constant(name: str) -> object:
    raise ValueError(f"{name} is not a JSON value")


def decode_json(data: bytes | str) -> JsonValue:
    """The JSON value of ``data``; ``TranscriptParseError`` for anything that is not JSON."""
    try:
        decoded: JsonValue = json.loads(data, parse_constant=_refuse_constant)
    except UnicodeDecodeError as error:
        raise TranscriptParseError("", f"undecodable text: {error.reason}") from None
    except json.JSONDecodeError as error:
        raise TranscriptParseError(
            "", f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"
        ) from None
    except RecursionError:
        raise TranscriptParseError("", "invalid JSON: nested too deeply") from None
    except ValueError as error:  # NaN or Infinity, an integer of thousands of digits
        raise TranscriptParseError("", f"invalid JSON: {error}") from None
    if too_deep(decoded):
        raise TranscriptParseError("", "invalid JSON: nested too deeply")
    return decoded


#: How deep a document may nest (a real one nests fewer than ten levels). Deeper data is
#: refused by this count, not by Python's recursion limit, which differs between versions.
MAX_DEPTH: Final = 256


def too_deep(value: object, limit: int = MAX_DEPTH) -> bool:
    """Whether lists and objects nest more than ``limit`` levels deep in ``value``."""
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, Mapping):
            children: Any = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, _CONTAINERS))
    return False


_CONTAINERS = (Mapping, list, tuple)


def encode_json(data: Mapping[str, Any]) -> bytes:
    """JSON data given as Python objects, written as JSON text to keep as a document's source."""
    if too_deep(data):
        raise TranscriptParseError("", "nested too deeply")
    try:
        return json.dumps(data, ensure_ascii=False, allow_nan=False).encode()
    except RecursionError:
        raise TranscriptParseError("", "invalid JSON: nested too deeply") from None
    except (TypeError, ValueError) as error:
        raise TranscriptParseError("", f"not JSON data: {error}") from None


def structure(data: Mapping[str, Any], cls: type[D], source: bytes | str) -> D:
    """``cls`` from decoded JSON: unknown keys kept in ``extra``, a wrong value located."""
    extras: list[tuple[_Path, dict[str, Any]]] = []
    cleaned = _set_aside(data, _fields_of(cls), (), extras)
    try:
        document = msgspec.convert(cleaned, cls, strict=False)
    except msgspec.ValidationError as error:
        raise _located(data, cls, error) from None
    except RecursionError:
        raise TranscriptParseError("", "nested too deeply") from None
    for path, extra in extras:
        part: Any = document
        for step in path:
            if isinstance(step, str):
                part = getattr(part, step)
            else:
                part = part[step[0] if isinstance(step, tuple) else step]
        msgspec.structs.force_setattr(part, _EXTRA, types.MappingProxyType(extra))
    document.__dict__[_SOURCE] = source
    return document


# Where an object is in a document: attribute names, list indexes, and (key,) for mappings.
_Path: TypeAlias = tuple[str | int | tuple[str], ...]

# What the careful path knows of each class: its fields by wire name, with their type info.
_Fields: TypeAlias = Mapping[str, tuple[str, mi.Type]]


@cache
def _fields_of(cls: type) -> _Fields:
    info = mi.type_info(cls)
    assert isinstance(info, mi.StructType)
    return {f.encode_name: (f.name, f.type) for f in info.fields if f.name != _EXTRA}


def _struct_type(kind: mi.Type) -> type | None:
    if isinstance(kind, mi.UnionType):
        inner = [t for t in kind.types if not isinstance(t, mi.NoneType)]
        return _struct_type(inner[0]) if len(inner) == 1 else None
    return kind.cls if isinstance(kind, mi.StructType) else None


def _set_aside(
    value: object,
    fields: _Fields,
    path: _Path,
    extras: list[tuple[_Path, dict[str, Any]]],
) -> object:
    """``value`` without the keys its class does not model (copied only where it changes)."""
    if type(value) is not dict:
        return value  # msgspec names the wrong type
    cleaned = value
    if not fields.keys() >= value.keys():
        extras.append((path, {k: v for k, v in value.items() if k not in fields}))
        cleaned = {k: v for k, v in value.items() if k in fields}
    for key, item in value.items():
        if key not in fields:
            continue
        name, kind = fields[key]
        changed = _set_aside_in(item, kind, (*path, name), extras)
        if changed is not item:
            if cleaned is value:
                cleaned = dict(value)
            cleaned[key] = changed
    return cleaned


def _set_aside_in(
    value: object,
    kind: mi.Type,
    path: _Path,
    extras: list[tuple[_Path, dict[str, Any]]],
) -> object:
    if isinstance(kind, mi.UnionType):
        inner = [t for t in kind.types if not isinstance(t, mi.NoneType)]
        return value if len(inner) != 1 else _set_aside_in(value, inner[0], path, extras)
    if isinstance(kind, mi.StructType):
        return _set_aside(value, _fields_of(kind.cls), path, extras)
    if isinstance(kind, (mi.VarTupleType, mi.ListType)) and type(value) is list:
        element = kind.item_type
        if _struct_type(element) is None:
            return value
        items = [_set_aside_in(v, element, (*path, i), extras) for i, v in enumerate(value)]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(kind, mi.DictType) and type(value) is dict:
        element = kind.value_type
        if _struct_type(element) is None:
            return value
        # A mapping's values are reached by key: the key is the path step.
        changed = {k: _set_aside_in(v, element, (*path, (k,)), extras) for k, v in value.items()}
        return value if all(changed[k] is value[k] for k in value) else changed
    return value


# Locating a wrong value --------------------------------------------------------------------


def _located(data: object, cls: type, error: msgspec.ValidationError) -> TranscriptParseError:
    """The error naming the path and the reason of the first wrong value of ``data``."""
    try:
        _check(data, mi.type_info(cls))
    except _PathError as found:
        return TranscriptParseError(found.path(), found.reason)
    # Not found again value by value: msgspec's own words, with its path.
    message, _, where = str(error).partition(" - at `$")
    return TranscriptParseError(where.rstrip("`").lstrip("."), message)


def _check(value: object, kind: mi.Type) -> None:
    """Raises ``_PathError`` if ``value`` is not of ``kind`` (as msgspec would convert it)."""
    if isinstance(kind, mi.Metadata):
        kind = kind.type
    if isinstance(kind, mi.UnionType):
        if value is None and any(isinstance(t, mi.NoneType) for t in kind.types):
            return
        inner = [t for t in kind.types if not isinstance(t, mi.NoneType)]
        if len(inner) == 1:
            _check(value, inner[0])
        return
    if isinstance(kind, mi.StructType):
        if type(value) is not dict:
            raise _expected("an object", value)
        for field in kind.fields:
            if field.name == _EXTRA:
                continue
            if field.encode_name not in value:
                if field.required:
                    raise _PathError(f'missing required key "{field.encode_name}"')
                continue
            item = value[field.encode_name]
            try:
                if item is None and field.required:
                    raise _expected("a value", item)
                _check(item, field.type)
            except _PathError as error:
                raise error.at(field.encode_name) from None
        return
    if isinstance(kind, (mi.VarTupleType, mi.ListType)):
        if type(value) is not list:
            raise _expected("a list", value)
        for index, item in enumerate(value):
            try:
                _check(item, kind.item_type)
            except _PathError as error:
                raise error.at(index) from None
        return
    if isinstance(kind, mi.DictType):
        if type(value) is not dict:
            raise _expected("an object", value)
        for key, item in value.items():
            try:
                _check(item, kind.value_type)
            except _PathError as error:
                raise error.at(key) from None
        return
    _check_leaf(value, kind)


def _check_leaf(value: object, kind: mi.Type) -> None:
    annotation, what = _leaf(kind)
    if annotation is None:
        return
    try:
        msgspec.convert(value, annotation, strict=False)
    except msgspec.ValidationError:
        if what == "a number" and isinstance(value, (str, int, float)) and value is not True:
            try:
                float(value)
            except (ValueError, OverflowError):
                pass
            else:
                raise _expected("a finite number", value) from None
        raise _expected(what, value) from None


def _leaf(kind: mi.Type) -> tuple[Any, str]:
    if isinstance(kind, mi.FloatType):
        return Number, "a number"
    if isinstance(kind, mi.IntType):
        return int, "an integer"
    if isinstance(kind, mi.StrType):
        return str, "a string"
    if isinstance(kind, mi.BoolType):
        return bool, "true or false"
    if isinstance(kind, mi.EnumType):
        return kind.cls, "a string"
    return None, ""


# Writing a document built in code ----------------------------------------------------------


def _unstructure(value: object) -> Any:
    if isinstance(value, DocumentPart):
        written: dict[str, Any] = {}
        for name, kind in _writers(type(value)):
            item = getattr(value, name)
            if item is not None:
                written[name_of(type(value), name)] = kind(item)
        written.update(value.extra)
        return written
    return value


@cache
def _wire_names(cls: type) -> Mapping[str, str]:
    return {name: key for key, (name, _) in _fields_of(cls).items()}


def name_of(cls: type, name: str) -> str:
    """The wire name of the field ``name`` of the document class ``cls``."""
    return _wire_names(cls)[name]


@cache
def _writers(cls: type) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    info = mi.type_info(cls)
    assert isinstance(info, mi.StructType)
    return tuple((f.name, _writer(f.type)) for f in info.fields if f.name != _EXTRA)


def _writer(kind: mi.Type) -> Callable[[Any], Any]:
    if isinstance(kind, mi.UnionType):
        inner = [t for t in kind.types if not isinstance(t, mi.NoneType)]
        return _writer(inner[0]) if len(inner) == 1 else _unstructure
    if isinstance(kind, (mi.VarTupleType, mi.ListType)):
        element = _writer(kind.item_type)
        return lambda values: [element(v) for v in values]
    if isinstance(kind, mi.DictType):
        element = _writer(kind.value_type)
        return lambda values: {k: element(v) for k, v in values.items()}
    if isinstance(kind, mi.Metadata):
        return repr if (kind.extra or {}).get("text") else _writer(kind.type)
    if isinstance(kind, mi.EnumType):
        return lambda member: member.value
    return _unstructure
