"""The Transcribe service model as tests read it: both versions, and values built from it.

Two models: the one the installed botocore has, and the newer one the package ships
(``transcribe_kit/_data``), which the shapes mirror. Tests compare the shapes with both,
so upgrading botocore says exactly what changed.
"""

from __future__ import annotations

import asyncio
import functools
import re
import typing
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any, Final

import attrs
import botocore
import botocore.session
from botocore.model import ServiceModel, Shape

import transcribe_kit.shapes
from transcribe_kit._session import new_session
from transcribe_kit.shapes._base import OpenEnum, wire_name

INSTALLED: Final = f"botocore-{botocore.__version__}"
BUNDLED: Final = "bundled"
MODEL_NAMES: Final = (INSTALLED, BUNDLED)


@functools.cache
def model(name: str) -> ServiceModel:
    """The Transcribe service model called ``name`` (:data:`INSTALLED` or :data:`BUNDLED`)."""
    if name == INSTALLED:
        return botocore.session.get_session().get_service_model("transcribe")
    # The aiobotocore session loads models through a coroutine.
    loaded: ServiceModel = asyncio.run(new_session().get_service_model("transcribe"))
    return loaded


def all_shapes(service: ServiceModel) -> list[Shape]:
    """Every named shape of ``service``."""
    return [service.shape_for(name) for name in service.shape_names]


def is_error(shape: Shape) -> bool:
    """Whether ``shape`` is one of the model's error shapes."""
    return bool(shape.metadata.get("exception"))


def structures(service: ServiceModel) -> list[Shape]:
    """The non-error structures of ``service``."""
    return [s for s in all_shapes(service) if s.type_name == "structure" and not is_error(s)]


def error_shapes(service: ServiceModel) -> list[Shape]:
    """The error shapes of ``service``."""
    return [s for s in all_shapes(service) if s.type_name == "structure" and is_error(s)]


def enums(service: ServiceModel) -> list[Shape]:
    """The enum (string with values) shapes of ``service``."""
    return [s for s in all_shapes(service) if s.type_name == "string" and s.enum]


def empty_output_operations(service: ServiceModel) -> list[str]:
    """The operations without an output shape (their response class is empty)."""
    return [
        name
        for name in service.operation_names
        if service.operation_model(name).output_shape is None
    ]


def shape_class(name: str) -> type[Any] | None:
    """The class of ``transcribe_kit.shapes`` named ``name``, if there is one."""
    found = getattr(transcribe_kit.shapes, name, None)
    return found if isinstance(found, type) else None


def fields_by_wire_name(cls: type[Any]) -> dict[str, attrs.Attribute[Any]]:
    """The attrs fields of a shape class, keyed by their wire name."""
    return {wire_name(a): a for a in attrs.fields(cls)}


def python_type(shape: Shape) -> Any:
    """The Python type a member of ``shape`` has in the shapes (without ``| None``)."""
    kind = shape.type_name
    if kind == "string":
        return shape_class(shape.name) if shape.enum else str
    if kind == "structure":
        return shape_class(shape.name)
    if kind == "list":
        return list[python_type(shape.member)]  # type: ignore[misc]
    if kind == "map":
        return dict[python_type(shape.key), python_type(shape.value)]  # type: ignore[misc]
    return {
        "integer": int,
        "long": int,
        "float": float,
        "double": float,
        "boolean": bool,
        "timestamp": datetime,
        "blob": bytes,
    }[kind]


def class_for(shape: Shape) -> type[Any]:
    """The shape class of structure ``shape``; fails the lookup loudly."""
    cls = shape_class(shape.name)
    if cls is None:
        raise LookupError(f"no class {shape.name} in transcribe_kit.shapes")
    return cls


def enum_class(shape: Shape) -> type[OpenEnum]:
    """The enum class of enum ``shape``."""
    cls = shape_class(shape.name)
    if cls is None or not issubclass(cls, OpenEnum):
        raise LookupError(f"no enum {shape.name} in transcribe_kit.shapes")
    return cls


def strip_optional(annotation: Any) -> tuple[Any, bool]:
    """``(X, True)`` for ``X | None``, ``(annotation, False)`` otherwise."""
    args = typing.get_args(annotation)
    if type(None) in args:
        rest = tuple(arg for arg in args if arg is not type(None))
        return (rest[0] if len(rest) == 1 else typing.Union[rest]), True  # noqa: UP007
    return annotation, False


# A fully populated value for every member: values chosen to satisfy every pattern the
# model uses, then padded or cut to the member's length limits.
_SAMPLES_BY_PATTERN: Final[dict[str, str]] = {
    "(s3://|http(s*)://).+": "s3://bucket/media/file.wav",
    ".*\\S.*": "a value",
    ".+": "a value",
    "[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9]": "bucket-name",
    "[a-zA-Z0-9-_.!*'()/]{1,1024}$": "prefix/key",
    "^[0-9a-zA-Z._-]+": "name-1",
    "^[A-Za-z0-9][A-Za-z0-9:_/+=,@.-]{0,2048}$": "alias/key-1",
    "^[\\x20-\\x7E]+$": "printable",
    "^arn:(aws|aws-cn|aws-us-gov|aws-iso-{0,1}[a-z]{0,1}):iam::[0-9]{0,63}:role/"
    "[A-Za-z0-9:_/+=,@.-]{0,1024}$": "arn:aws:iam::123456789012:role/transcribe",
    "arn:aws(-[^:]+)?:transcribe:[a-zA-Z0-9-]*:[0-9]{12}:[a-zA-Z-]*/[0-9a-zA-Z._-]+": (
        "arn:aws:transcribe:us-east-1:123456789012:transcription-job/name-1"
    ),
}

SAMPLE_TIME: Final = datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=timezone.utc)


def sample_string(shape: Shape) -> str:
    """A string valid for ``shape``'s pattern and length limits."""
    pattern = shape.metadata.get("pattern")
    value: str = _SAMPLES_BY_PATTERN[pattern] if pattern is not None else "text"
    low = shape.metadata.get("min", 1)
    high = shape.metadata.get("max", 10_000)
    value = (value + "x" * low)[: max(low, len(value))][:high]
    if pattern is not None and not re.fullmatch(pattern, value):
        raise AssertionError(f"no valid sample for {shape.name}: {value!r} vs {pattern!r}")
    return value


def full_wire_value(shape: Shape) -> Any:
    """A wire value of ``shape`` with every member set, recursively, and valid throughout."""
    kind = shape.type_name
    meta = shape.metadata
    if kind == "structure":
        return full_wire_dict(shape)
    if kind == "string":
        return shape.enum[0] if shape.enum else sample_string(shape)
    if kind == "list":
        return [full_wire_value(shape.member) for _ in range(max(1, meta.get("min", 1)))]
    if kind == "map":
        return {full_wire_value(shape.key): full_wire_value(shape.value)}
    if kind in ("integer", "long"):
        return int(meta.get("max", meta.get("min", 7)))
    if kind in ("float", "double"):
        return 0.5
    if kind == "boolean":
        return True
    if kind == "timestamp":
        return SAMPLE_TIME
    if kind == "blob":
        return b"\x00audio\xff"
    raise AssertionError(f"unexpected shape type {kind} ({shape.name})")


def full_wire_dict(shape: Shape) -> dict[str, Any]:
    """A wire dict of structure ``shape`` with every member set (unions included)."""
    return {name: full_wire_value(member) for name, member in shape.members.items()}


def walk_structures(shape: Shape) -> Iterator[Shape]:
    """Every structure reachable from ``shape``, ``shape`` included, each once."""
    seen: set[str] = set()
    pending = [shape]
    while pending:
        current = pending.pop()
        if current.name in seen:
            continue
        seen.add(current.name)
        if current.type_name == "structure":
            yield current
            pending.extend(current.members.values())
        elif current.type_name == "list":
            pending.append(current.member)
        elif current.type_name == "map":
            pending.extend((current.key, current.value))
