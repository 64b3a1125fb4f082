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

:data:`converter` is a ``cattrs.Converter``, configured once below; :func:`to_wire` and
:func:`from_wire` go through it. cattrs does the dispatch: it finds the hook for a type,
caches it, makes the hooks of shape classes (:func:`~transcribe_kit.shapes._base.is_shape`)
with the factories registered here, and makes them again after any hook is registered on
it, so the shapes that hold a type honour a hook registered for it. cattrs's own hooks
serve lists and maps when writing, and ``Optional`` and whatever else a caller asks of it.

What the hooks here add: strict hooks for ``str``, ``bool``, ``int``, ``float``,
``datetime`` (the one timestamp parser), ``bytes`` (base64) and open enums, where cattrs's
call ``str(v)``, ``int(v)``, ``bool(v)`` (``"false"`` read as True, 2.9 as 2); lists and
maps read strictly, naming the wrong element; and, for each shape class, one straight-line
function per direction, generated when cattrs asks for its hook. The function resolves
each member's hook through the converter at generation time: the converter's own scalar
and enum hooks are written inline, any other (a nested shape, a list, a hook registered
by hand) is called directly, so no value is dispatched while an answer is read. It
checks each member inline, adds the wire path only on the way up from a failure, and
fills the instance's slots directly (the frozen ``__init__`` costs twice as much).

Why not cattrs's ``make_dict_structure_fn`` / ``make_dict_unstructure_fn`` with
``override(rename=...)`` and the same strict hooks: measured on the bench's answers (a job
of ``GetTranscriptionJob``, a ``ListTranscriptionJobs`` page of 100 summaries), their
functions take 1.5 to 1.7 times as long to read an answer and about twice as long to
write one (a hook call for every member, ``key in o`` then ``o[key]``, ``__init__`` with
keywords, ``!=`` against each default), which is about 8 % more CPU on a List call and
1 % on a Get, whose ratio to the raw client is at the 1.05 budget; and their errors name
attributes, not wire paths.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
import linecache
import threading
import types
import typing
from collections.abc import Callable
from datetime import datetime
from typing import Any, Final, TypeVar, Union

import attrs
import cattrs
from cattrs.fns import identity

from transcribe_kit._timestamps import UTC, parse_timestamp
from transcribe_kit.errors import MalformedResponseError
from transcribe_kit.shapes._base import OpenEnum, WrongValueError, is_shape, wire_name

T = TypeVar("T")

#: A structure hook as cattrs calls it: the value, then the type it is read into.
StructureHook = Callable[[Any, Any], Any]
#: An unstructure hook as cattrs calls it.
UnstructureHook = Callable[[Any], Any]

#: The integers any member of the model can hold (its ``long`` is 64 bits).
_INT_LIMIT: Final = 2**63

#: The converter between shapes and wire dicts, configured once in this module.
converter: Final = cattrs.Converter()


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


# The strict structure hooks of scalars and enums. A shape's function writes their checks
# inline (_INLINE_READS); they are called as they are for the items of lists and maps.


def _structure_str(value: object, _: object = None) -> str:
    return value if type(value) is str else _to_str(value)


def _structure_bool(value: object, _: object = None) -> bool:
    return value if type(value) is bool else _to_bool(value)


def _structure_int(value: object, _: object = None) -> int:
    if type(value) is int and -_INT_LIMIT <= value < _INT_LIMIT:
        return value
    return _to_int(value)


def _structure_float(value: object, _: object = None) -> float:
    # ``v - v`` is 0.0 for every finite float, NaN for NaN and the infinities.
    if type(value) is float and value - value == 0.0:
        return value
    return _to_float(value)


def _structure_datetime(value: object, _: object = None) -> datetime:
    # botocore's parse (in transcribe_kit's sessions) is UTC already; the rest (the wire's
    # epoch seconds, botocore's local time in other sessions) goes to the one parser.
    if type(value) is datetime and value.tzinfo is UTC:
        return value
    return _to_timestamp(value)


def _structure_bytes(value: object, _: object = None) -> bytes:
    return value if type(value) is bytes else _to_blob(value)


def _structure_enum(value: object, enum_type: type[OpenEnum]) -> OpenEnum:
    if type(value) is not str:
        raise _expected("a string", value)
    # The value map first: ``EnumMeta.__call__`` costs several times more, and an unknown
    # value still goes through it (which adds the value to that map).
    member: OpenEnum | None = enum_type._value2member_map_.get(value)  # type: ignore[assignment]
    return member if member is not None else enum_type(value)


def _unstructure_enum(value: OpenEnum) -> str:
    # A string among the enum's values is sent as it is.
    return value if value.__class__ is str else value._value_


#: Inline code for a member's value ``v``, by the hook it stands for: it leaves the
#: converted value in ``v`` or raises WrongValueError. Only what a correct answer needs
#: runs; anything else takes a slow path.
_INLINE_READS: Final[tuple[tuple[StructureHook, str], ...]] = (
    (_structure_str, "if v.__class__ is not str: v = to_str(v)"),
    (_structure_bool, "if v.__class__ is not bool: v = to_bool(v)"),
    (
        _structure_int,
        "if v.__class__ is not int or not -INT_LIMIT <= v < INT_LIMIT: v = to_int(v)",
    ),
    (_structure_float, "if v.__class__ is not float or v - v != 0.0: v = to_float(v)"),
    (
        _structure_datetime,
        "if v.__class__ is not datetime or v.tzinfo is not UTC:\n"
        "    try: v = parse_timestamp(v)\n"
        "    except MalformedResponseError: raise expected('a timestamp', v) from None",
    ),
    (_structure_bytes, "if v.__class__ is not bytes: v = to_blob(v)"),
)

for _scalar_type, _hook in (
    (str, _structure_str),
    (bool, _structure_bool),
    (int, _structure_int),
    (float, _structure_float),
    (datetime, _structure_datetime),
    (bytes, _structure_bytes),
    # Registered by class, so that cattrs's hook for ``str`` does not take the enums.
    (OpenEnum, _structure_enum),
):
    converter.register_structure_hook(_scalar_type, _hook)
converter.register_unstructure_hook(OpenEnum, _unstructure_enum)


def strip_optional(annotation: Any) -> Any:
    """``X`` for an annotation ``X | None``; any other annotation as it is."""
    if typing.get_origin(annotation) in (Union, types.UnionType):
        inner = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported union {annotation!r}")
        return inner[0]
    return annotation


# Lists and maps: cattrs's own structure hooks take any iterable (a string becomes a list
# of its letters) and name no element, so they are read here; cattrs's unstructure hooks
# write them.


def _is_list(annotation: object) -> bool:
    return typing.get_origin(annotation) is list


def _is_map(annotation: object) -> bool:
    return typing.get_origin(annotation) is dict


@converter.register_structure_hook_factory(_is_list)
def _structure_list_hook(list_type: Any, conv: cattrs.Converter) -> StructureHook:
    (item_type,) = typing.get_args(list_type)
    read = conv.get_structure_hook(item_type)

    def structure_list(value: object, _: object = None) -> list[Any]:
        if value.__class__ is not list:
            raise _expected("a list", value)
        try:
            return list(map(read, value, itertools.repeat(item_type)))
        except WrongValueError:
            pass
        # Found again one by one, only to name the index of the wrong element.
        for index, item in enumerate(value):
            try:
                read(item, item_type)
            except WrongValueError as error:
                raise error.at(f"[{index}]") from None
        raise AssertionError("unreachable")  # pragma: no cover

    return structure_list


@converter.register_structure_hook_factory(_is_map)
def _structure_map_hook(map_type: Any, conv: cattrs.Converter) -> StructureHook:
    key_type, value_type = typing.get_args(map_type)
    read_key = conv.get_structure_hook(key_type)
    read_value = conv.get_structure_hook(value_type)

    def structure_map(value: object, _: object = None) -> dict[Any, Any]:
        if value.__class__ is not dict:
            raise _expected("an object", value)
        read: dict[Any, Any] = {}
        for key, item in value.items():
            try:
                read[read_key(key, key_type)] = read_value(item, value_type)
            except WrongValueError as error:
                raise error.at(f"[{json.dumps(key)}]") from None
        return read

    return structure_map


# Functions made for each shape class.


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


HookT = TypeVar("HookT", StructureHook, UnstructureHook)

#: The functions being made: direction, converter and shape class.
_BEING_MADE: Final[set[tuple[str, int, type]]] = set()


def _made_once(key: tuple[str, int, type], build: Callable[[], HookT], forwarder: HookT) -> HookT:
    """``build()``, or ``forwarder`` when asked again while it runs (a class within itself).

    The converter keeps what this returns, and asks again only after a hook is registered.
    """
    with _MAKING:
        if key in _BEING_MADE:
            return forwarder
        _BEING_MADE.add(key)
        try:
            return build()
        finally:
            _BEING_MADE.discard(key)


@converter.register_structure_hook_factory(is_shape)
def _structure_shape_hook(cls: type[Any], conv: cattrs.Converter) -> StructureHook:
    return _made_once(
        ("structure", id(conv), cls),
        lambda: _generate_structure(cls, conv),
        # Resolved at call time, when the class's own function is made.
        lambda data, _: conv.get_structure_hook(cls)(data, cls),
    )


@converter.register_unstructure_hook_factory(is_shape)
def _unstructure_shape_hook(cls: type[Any], conv: cattrs.Converter) -> UnstructureHook:
    return _made_once(
        ("unstructure", id(conv), cls),
        lambda: _generate_unstructure(cls, conv),
        lambda shape: conv.get_unstructure_hook(cls)(shape),
    )


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


def _read_code(
    conv: cattrs.Converter, annotation: Any, index: int, namespace: dict[str, Any]
) -> str:
    """Code that reads ``v`` into ``annotation`` with the converter's hook for it."""
    hook = conv.get_structure_hook(annotation)
    for own, code in _INLINE_READS:
        if hook is own:
            return code
    if hook is _structure_enum:
        namespace[f"members_{index}"] = annotation._value2member_map_.get
        namespace[f"enum_{index}"] = annotation
        return (
            f"if v.__class__ is not str: v = to_str(v)\nv = members_{index}(v) or enum_{index}(v)"
        )
    namespace[f"read_{index}"] = hook
    namespace[f"type_{index}"] = annotation
    return f"v = read_{index}(v, type_{index})"


def _generate_structure(cls: type[Any], conv: cattrs.Converter) -> StructureHook:
    namespace: dict[str, Any] = {
        "cls": cls,
        "new": object.__new__,
        "WrongValueError": WrongValueError,
        "expected": _expected,
        "UTC": UTC,
        "datetime": datetime,
        "INT_LIMIT": _INT_LIMIT,
        "to_str": _to_str,
        "to_bool": _to_bool,
        "to_int": _to_int,
        "to_float": _to_float,
        "parse_timestamp": parse_timestamp,
        "MalformedResponseError": MalformedResponseError,
        "to_blob": _to_blob,
    }
    lines = [
        # Called by cattrs with the type as well, and by from_wire and the functions of
        # other shapes.
        "def structure(d, _=None):",
        "    if d.__class__ is not dict: raise expected('an object', d)",
        "    get = d.get",
    ]
    fields = _fields(cls)
    for index, field in enumerate(fields):
        key = wire_name(field)
        read = _read_code(conv, strip_optional(field.type), index, namespace)
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
    function: StructureHook = compile_function(
        "structure", lines, namespace, f"structure {cls.__qualname__}"
    )
    return function


def _write_expression(
    conv: cattrs.Converter, annotation: Any, index: int, namespace: dict[str, Any]
) -> str:
    """An expression for the wire form of ``v``, with the converter's hook for ``annotation``."""
    hook = conv.get_unstructure_hook(annotation)
    if hook is identity:
        return "v"
    if hook is _unstructure_enum:
        return "(v if v.__class__ is str else v._value_)"
    namespace[f"write_{index}"] = hook
    return f"write_{index}(v)"


def _generate_unstructure(cls: type[Any], conv: cattrs.Converter) -> UnstructureHook:
    namespace: dict[str, Any] = {}
    lines = ["def unstructure(o):", "    d = {}"]
    for index, field in enumerate(_fields(cls)):
        expression = _write_expression(conv, strip_optional(field.type), index, namespace)
        lines += [
            f"    v = o.{field.name}",
            f"    if v is not None: d[{wire_name(field)!r}] = {expression}",
        ]
    lines.append("    return d")
    function: UnstructureHook = compile_function(
        "unstructure", lines, namespace, f"unstructure {cls.__qualname__}"
    )
    return function


def to_wire(shape: object) -> dict[str, Any]:
    """The request dict aiobotocore takes for ``shape``, with ``None`` members left out."""
    wire: dict[str, Any] = converter.unstructure(shape)
    return wire


def from_wire(data: object, shape_type: type[T], *, operation_name: str | None = None) -> T:
    """The shape ``shape_type`` read from an answer; unknown keys are ignored.

    Raises :class:`~transcribe_kit.MalformedResponseError` naming ``operation_name`` and the
    wire path of a value that does not match the model.
    """
    try:
        shape: T = converter.get_structure_hook(shape_type)(data, shape_type)
    except WrongValueError as error:
        raise MalformedResponseError(
            error.path(), error.reason, operation_name=operation_name
        ) from None
    return shape
