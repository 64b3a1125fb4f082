"""The building blocks of every shape: wire-name metadata, open enums, and the error for
a value that does not fit its field.

A shape's field carries its wire name and the model's constraints in its ``attrs``
metadata, written next to the field::

    max_speaker_labels: int | None = field(
        default=None, metadata=wire("MaxSpeakerLabels", minimum=2, maximum=30)
    )

The converter reads the wire name from there (a class whose fields all have one is a
shape, see :func:`is_shape`); local validation reads the constraints.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any, Final

import attrs

from transcribe_kit._redact import redact_urls

WIRE_NAME: Final = "transcribe_kit.wire_name"
CONSTRAINTS: Final = "transcribe_kit.constraints"


@attrs.frozen(kw_only=True)
class Constraints:
    """The model's limits on one member: length or size, numeric range, pattern."""

    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None


def wire(
    name: str,
    *,
    min_length: int | None = None,
    max_length: int | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    pattern: str | None = None,
) -> dict[str, Any]:
    """Field metadata: the member's wire name and the model's constraints on it."""
    return {
        WIRE_NAME: name,
        CONSTRAINTS: Constraints(
            min_length=min_length,
            max_length=max_length,
            minimum=minimum,
            maximum=maximum,
            pattern=pattern,
        ),
    }


def uri_repr(value: object) -> str:
    """The ``repr`` of a URI member (or a list of them) without its signing parameters.

    The service answers presigned links (``TranscriptFileUri``, ``DownloadUri``, ...) whose
    query string signs them and names the credentials; printed whole in a log or a
    traceback they would let anyone read the document. The value itself is kept as it is.
    """
    return redact_urls(repr(value))


def wire_name(attribute: attrs.Attribute[Any]) -> str:
    """The wire name of a shape's field."""
    name: str = attribute.metadata[WIRE_NAME]
    return name


def is_shape(annotation: object) -> bool:
    """Whether ``annotation`` is a shape: an ``attrs`` class whose every field has a wire name."""
    if not isinstance(annotation, type) or not attrs.has(annotation):
        return False
    return all(WIRE_NAME in field.metadata for field in attrs.fields(annotation))


def constraints(attribute: attrs.Attribute[Any]) -> Constraints:
    """The model's constraints on a shape's field."""
    found: Constraints = attribute.metadata[CONSTRAINTS]
    return found


class OpenEnum(str, Enum):
    """A ``str`` enum that keeps values it does not know instead of failing.

    The service adds enum values (a language, a media format) before a release of this
    library knows them. ``LanguageCode("xx-XX")`` then gives a member whose
    ``is_known`` is false, which compares equal to its string and travels back to
    the service unchanged.
    """

    @classmethod
    def _missing_(cls, value: object) -> OpenEnum | None:
        if not isinstance(value, str):
            return None
        unknown = str.__new__(cls, value)
        unknown._name_ = value
        unknown._value_ = value
        # Cache it so that the same unknown value is the same object every time.
        cls._value2member_map_[value] = unknown
        return unknown

    @property
    def is_known(self) -> bool:
        """Whether this value is one of the members the model defines."""
        # By identity: an unknown value spelled like a member's name ("EN_US") is unknown.
        return type(self).__members__.get(self._name_) is self

    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, format_spec: str) -> str:
        return str.__format__(self, format_spec)


def dotted_path(segments: Iterable[str]) -> str:
    """Path segments joined as ``a.b[0].c``: a segment in brackets follows without a dot."""
    path = ""
    for segment in segments:
        path += segment if segment.startswith("[") or not path else "." + segment
    return path


class WrongValueError(Exception):
    """A value that does not fit its field, met while building a shape from data.

    The functions that build shapes raise it with ``reason``; each level it passes on the
    way up adds its segment with :meth:`at` (a member name, ``[3]``, ``["key"]``), so that
    the path costs nothing unless something is wrong.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.segments: list[str] = []

    def at(self, segment: str) -> WrongValueError:
        """Add the segment of the level above (which holds what was below) and give self."""
        self.segments.append(segment)
        return self

    def path(self) -> str:
        """The path from the outermost level to the wrong value."""
        return dotted_path(reversed(self.segments))


class Shape:
    """The base of every shape: equality, hashing and ``repr`` read the fields.

    attrs would write and compile these three methods for each of the model's ~150
    classes at import, which is most of what importing them costs; read from the
    fields (their values gathered by one ``operator.attrgetter`` per class) they cost
    nothing until used. ``__init__`` stays attrs' own.
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = _values(self.__class__)
        return values(self) == values(other)

    def __hash__(self) -> int:
        return hash((self.__class__, _values(self.__class__)(self)))

    def __repr__(self) -> str:
        cls: type[Any] = self.__class__
        shown = ", ".join(
            f"{field.name}={(field.repr if callable(field.repr) else repr)(getattr(self, field.name))}"
            for field in attrs.fields(cls)
            if field.repr
        )
        return f"{cls.__qualname__}({shown})"


_VALUES: Final[dict[type, Callable[[object], tuple[Any, ...]]]] = {}


def _values(cls: type[Any]) -> Callable[[object], tuple[Any, ...]]:
    """A function giving the values of the fields of ``cls`` that equality compares."""
    found = _VALUES.get(cls)
    if found is None:
        names = [field.name for field in attrs.fields(cls) if field.eq]
        if len(names) > 1:
            found = operator.attrgetter(*names)  # a tuple of the values, read in C
        else:
            found = functools.partial(_each_value, names)
        _VALUES[cls] = found
    return found


def _each_value(names: list[str], item: object) -> tuple[Any, ...]:
    return tuple(getattr(item, name) for name in names)
