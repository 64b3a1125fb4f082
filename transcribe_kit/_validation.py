"""Checks a request against the model's constraints and documented rules before sending.

Three kinds of check, all run on every request the client sends:

- each member's type, as annotated (see :func:`validate` for the one allowance);
- the constraints the model states on each member (length, size, numeric range,
  pattern matched against the whole value), read from the field metadata;
- rules the documentation states across members (``ShowSpeakerLabels`` and
  ``ChannelIdentification`` are exclusive, a union has exactly one member set, ...),
  listed in :data:`RULES`.

All violations are collected; the error names the first and carries the rest. A compiled
yes/no check per shape runs first, and the walk that names violations only when it says no.
"""

from __future__ import annotations

import functools
import math
import re
import reprlib
import typing
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, Final

import attrs

from transcribe_kit._converter import compile_function, compiled_once, strip_optional
from transcribe_kit.errors import RequestValidationError
from transcribe_kit.shapes._base import Constraints, OpenEnum, constraints, wire_name

Violation = tuple[str, str]
"""A dotted member path and the rule it breaks."""

Rule_ = Callable[[Any], Iterator[Violation]]


def _is_set(value: object) -> bool:
    return value is not None and value is not False


def exactly_one(*names: str) -> Rule_:
    """Exactly one of the members is set (a union, or documented alternatives)."""

    def check(shape: Any) -> Iterator[Violation]:
        chosen = [name for name in names if getattr(shape, name) is not None]
        if len(chosen) != 1:
            found = ", ".join(chosen) if chosen else "none"
            yield names[0], f"exactly one of {', '.join(names)} must be set (found {found})"

    return check


def at_most_one(*names: str) -> Rule_:
    """At most one of the members is set (or true)."""

    def check(shape: Any) -> Iterator[Violation]:
        chosen = [name for name in names if _is_set(getattr(shape, name))]
        if len(chosen) > 1:
            yield chosen[1], f"cannot be used together with {chosen[0]}"

    return check


def at_least_one(*names: str) -> Rule_:
    """At least one of the members is set (or true)."""

    def check(shape: Any) -> Iterator[Violation]:
        if not any(_is_set(getattr(shape, name)) for name in names):
            yield names[0], f"one of {', '.join(names)} must be set"

    return check


def requires(name: str, *needed: str, true: bool = False) -> Rule_:
    """When ``name`` is set (or true), one of ``needed`` must be set too (or be true)."""

    def check(shape: Any) -> Iterator[Violation]:
        if not _is_set(getattr(shape, name)):
            return
        values = [getattr(shape, other) for other in needed]
        if not any((value is True) if true else (value is not None) for value in values):
            must = "set to true" if true else "set"
            yield name, f"requires {' or '.join(needed)} to be {must}"

    return check


def entries_require(entries: str, name: str, needed: str) -> Rule_:
    """When a value of the map ``entries`` sets ``name``, the dotted path ``needed`` is set."""

    def check(shape: Any) -> Iterator[Violation]:
        target: Any = shape
        for part in needed.split("."):
            target = None if target is None else getattr(target, part)
        if target is not None:
            return
        for key, value in (getattr(shape, entries) or {}).items():
            if getattr(value, name) is not None:
                yield f"{entries}[{str(key)!r}].{name}", f"requires {needed} to be set"

    return check


def same_kind(entries: str, *kinds: str) -> Rule_:
    """All entries of a list use the same one of ``kinds`` (all by name or all inline)."""

    def check(shape: Any) -> Iterator[Violation]:
        values = getattr(shape, entries) or []
        used = {kind for value in values for kind in kinds if getattr(value, kind) is not None}
        if len(used) > 1:
            yield entries, f"entries must all use the same one of {', '.join(kinds)}"

    return check


RULES: Final[Mapping[str, Sequence[Rule_]]] = {
    "SyncMedia": [exactly_one("media_bytes", "media_file_uri")],
    "Rule": [
        exactly_one(
            "non_talk_time_filter", "interruption_filter", "transcript_filter", "sentiment_filter"
        )
    ],
    "Settings": [
        at_most_one("show_speaker_labels", "channel_identification"),
        requires("max_speaker_labels", "show_speaker_labels", true=True),
        requires("show_speaker_labels", "max_speaker_labels"),
        requires("max_alternatives", "show_alternatives", true=True),
        requires("show_alternatives", "max_alternatives"),
        requires("vocabulary_filter_name", "vocabulary_filter_method"),
    ],
    "MedicalTranscriptionSetting": [
        at_most_one("show_speaker_labels", "channel_identification"),
        requires("max_speaker_labels", "show_speaker_labels", true=True),
        requires("show_speaker_labels", "max_speaker_labels"),
        requires("max_alternatives", "show_alternatives", true=True),
        requires("show_alternatives", "max_alternatives"),
    ],
    "MedicalScribeSettings": [
        at_least_one("show_speaker_labels", "channel_identification"),
        at_most_one("show_speaker_labels", "channel_identification"),
        requires("max_speaker_labels", "show_speaker_labels", true=True),
        requires("show_speaker_labels", "max_speaker_labels"),
        requires("vocabulary_filter_name", "vocabulary_filter_method"),
    ],
    "CallAnalyticsJobSettings": [
        requires("vocabulary_filter_name", "vocabulary_filter_method"),
        entries_require(
            "language_id_settings", "vocabulary_filter_name", "vocabulary_filter_method"
        ),
    ],
    "JobExecutionSettings": [
        requires("allow_deferred_execution", "data_access_role_arn"),
        requires("data_access_role_arn", "allow_deferred_execution", true=True),
    ],
    "AbsoluteTimeRange": [requires("start_time", "end_time"), requires("end_time", "start_time")],
    "RelativeTimeRange": [
        requires("start_percentage", "end_percentage"),
        requires("end_percentage", "start_percentage"),
    ],
    "StartTranscriptionJobRequest": [
        at_least_one("language_code", "identify_language", "identify_multiple_languages"),
        at_most_one("language_code", "identify_language", "identify_multiple_languages"),
        requires("language_id_settings", "language_options"),
        requires("language_options", "identify_language", "identify_multiple_languages", true=True),
        entries_require(
            "language_id_settings", "vocabulary_filter_name", "settings.vocabulary_filter_method"
        ),
    ],
    "CreateVocabularyRequest": [exactly_one("phrases", "vocabulary_file_uri")],
    "UpdateVocabularyRequest": [exactly_one("phrases", "vocabulary_file_uri")],
    "CreateVocabularyFilterRequest": [exactly_one("words", "vocabulary_filter_file_uri")],
    "UpdateVocabularyFilterRequest": [exactly_one("words", "vocabulary_filter_file_uri")],
    "TranscribeAudioRequest": [
        at_most_one("language", "language_detection_mode"),
        at_most_one("show_speaker_labels", "channel_identification"),
        requires("show_speaker_labels", "max_speaker_labels"),
        requires("max_speaker_labels", "show_speaker_labels", true=True),
        requires("language_detection_mode", "language_options"),
        same_kind("vocabulary_settings", "vocabulary_name", "phrases"),
    ],
    "VocabularySettingsEntry": [exactly_one("vocabulary_name", "phrases")],
    "VocabularyFilterEntry": [exactly_one("vocabulary_filter_name", "words")],
    "VocabularyFilterSettings": [same_kind("filters", "vocabulary_filter_name", "words")],
}
"""The documented cross-member rules, by the name of the shape they apply to.

Keyed by name so that no shape module is imported for them: each is read when a shape of
its module is validated."""


# Types. A member of the wrong type is named with what it must be and what was given; the
# rules of a shape run only when every member below it has its type, since they read them.


@attrs.frozen
class _Kind:
    """What a member's annotation allows: its description, its test, what it contains."""

    expected: str
    accepts: Callable[[object], bool]
    #: The class of a shape, the item kind of a list, the key and value kinds of a map.
    shape: type | None = None
    items: tuple[_Kind, ...] = ()
    container: str = ""


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    # Every int is finite; math.isfinite would overflow on a huge one.
    return _is_int(value) or (isinstance(value, float) and math.isfinite(value))


_SCALAR_KINDS: Final[Mapping[object, _Kind]] = {
    str: _Kind("a string", lambda value: isinstance(value, str)),
    int: _Kind("an int", _is_int),
    float: _Kind("a finite number", _is_number),
    bool: _Kind("True or False", lambda value: value.__class__ is bool),
    datetime: _Kind("a datetime", lambda value: isinstance(value, datetime)),
    bytes: _Kind("bytes", lambda value: isinstance(value, (bytes, bytearray))),
}


def _enum_kind(enum_type: type[OpenEnum]) -> _Kind:
    known = frozenset(member.value for member in enum_type)

    def accepts(value: object) -> bool:
        if isinstance(value, enum_type):
            return True
        try:
            return isinstance(value, str) and value in known
        except TypeError:  # unhashable: not a value
            return False

    return _Kind(f"a {enum_type.__name__} or one of its values", accepts)


@functools.cache
def _kind(annotation: Any) -> _Kind:
    annotation = strip_optional(annotation)
    if annotation in _SCALAR_KINDS:
        return _SCALAR_KINDS[annotation]
    if isinstance(annotation, type) and issubclass(annotation, OpenEnum):
        return _enum_kind(annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        (item,) = typing.get_args(annotation)
        return _Kind(
            "a list",
            lambda value: isinstance(value, (list, tuple)),
            items=(_kind(item),),
            container="list",
        )
    if origin is dict:
        key, item = typing.get_args(annotation)
        return _Kind(
            "a dict",
            lambda value: isinstance(value, dict),
            items=(_kind(key), _kind(item)),
            container="dict",
        )
    if attrs.has(annotation):
        return _Kind(
            f"a {annotation.__name__}",
            lambda value: isinstance(value, annotation),
            shape=annotation,
        )
    raise TypeError(f"no validation for {annotation!r}")


@functools.cache
def _fields(cls: Any) -> tuple[tuple[attrs.Attribute[Any], _Kind, Constraints], ...]:
    attrs.resolve_types(cls)
    return tuple((field, _kind(field.type), constraints(field)) for field in attrs.fields(cls))


def _given(value: object) -> str:
    return f"{reprlib.repr(value)} ({type(value).__name__})"


# The full walk: every violation, with its path. It runs only when the compiled check
# below says that something is wrong.


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _check_value(path: str, value: object, limits: Constraints) -> Iterator[Violation]:
    if isinstance(value, (str, bytes, bytearray, list, tuple, dict)):
        size = len(value)
        unit = (
            "characters"
            if isinstance(value, str)
            else "bytes"
            if isinstance(value, (bytes, bytearray))
            else "items"
        )
        if limits.min_length is not None and size < limits.min_length:
            yield path, f"must have at least {limits.min_length} {unit} (has {size})"
        if limits.max_length is not None and size > limits.max_length:
            yield path, f"must have at most {limits.max_length} {unit} (has {size})"
    pattern = limits.pattern
    if isinstance(value, str) and pattern is not None and not _compiled(pattern).fullmatch(value):
        yield path, f"must match the pattern {limits.pattern!r}"
    if _is_int(value) or isinstance(value, float):
        if limits.minimum is not None and value < limits.minimum:  # type: ignore[operator]
            yield path, f"must be at least {limits.minimum:g} (is {value})"
        if limits.maximum is not None and value > limits.maximum:  # type: ignore[operator]
            yield path, f"must be at most {limits.maximum:g} (is {value})"


_NO_LIMITS: Final = Constraints()


class _Walk:
    """The violations found so far, and how many of them are of a member's type."""

    def __init__(self) -> None:
        self.type_errors = 0

    def shape(self, shape: Any, prefix: str) -> list[Violation]:
        before = self.type_errors
        found: list[Violation] = []
        for field, kind, limits in _fields(shape.__class__):
            value = getattr(shape, field.name)
            path = f"{prefix}{field.name}"
            if value is None:
                if field.default is attrs.NOTHING:
                    found.append((path, f"is required ({wire_name(field)})"))
                continue
            found += self.value(path, value, kind, limits)
        if self.type_errors > before:
            return found
        rules = [
            (f"{prefix}{name}", message)
            for rule in RULES.get(type(shape).__name__, ())
            for name, message in rule(shape)
        ]
        return rules + found

    def value(self, path: str, value: object, kind: _Kind, limits: Constraints) -> list[Violation]:
        if not kind.accepts(value):
            self.type_errors += 1
            return [(path, f"must be {kind.expected}, got {_given(value)}")]
        found = list(_check_value(path, value, limits))
        if kind.shape is not None:
            found += self.shape(value, f"{path}.")
        elif kind.container == "list":
            for index, item in enumerate(typing.cast("Sequence[object]", value)):
                found += self.value(f"{path}[{index}]", item, kind.items[0], _NO_LIMITS)
        elif kind.container == "dict":
            key_kind, item_kind = kind.items
            for key, item in typing.cast("Mapping[object, object]", value).items():
                where = f"{path}[{str(key)!r}]"
                if not key_kind.accepts(key):
                    self.type_errors += 1
                    found.append((where, f"the key must be {key_kind.expected}, got {_given(key)}"))
                found += self.value(where, item, item_kind, _NO_LIMITS)
        return found


def violations(shape: object) -> list[Violation]:
    """Every type, constraint or rule that ``shape`` (a request or part of one) breaks."""
    return _Walk().shape(shape, "")


# The compiled check: one function per shape that only answers "valid or not"; almost
# every request is valid, and the walk above, which names what is wrong, is dearer.

_CHECKS: dict[type, Callable[[Any], bool]] = {}


def _item_check(kind: _Kind) -> Callable[[object], bool]:
    """Whether a list item, map key or map value is of ``kind`` and valid throughout."""
    if kind.shape is not None:
        nested = check_function(kind.shape)
        shape_type = kind.shape
        return lambda value: isinstance(value, shape_type) and nested(value)
    if kind.container == "list":
        item = _item_check(kind.items[0])
        return lambda value: kind.accepts(value) and all(map(item, value))  # type: ignore[call-overload]
    if kind.container == "dict":
        key, item = map(_item_check, kind.items)
        return lambda value: (
            kind.accepts(value)
            and all(
                key(k) and item(v)
                for k, v in value.items()  # type: ignore[attr-defined]
            )
        )
    return kind.accepts


def _limit_code(index: int, limits: Constraints, namespace: dict[str, Any]) -> list[str]:
    lines = []
    if limits.min_length is not None:
        lines.append(f"if len(v) < {limits.min_length}: return False")
    if limits.max_length is not None:
        lines.append(f"if len(v) > {limits.max_length}: return False")
    if limits.pattern is not None:
        namespace[f"fullmatch_{index}"] = _compiled(limits.pattern).fullmatch
        lines.append(f"if fullmatch_{index}(v) is None: return False")
    if limits.minimum is not None:
        lines.append(f"if v < {limits.minimum!r}: return False")
    if limits.maximum is not None:
        lines.append(f"if v > {limits.maximum!r}: return False")
    return lines


def check_function(cls: type) -> Callable[[Any], bool]:
    """Whether an instance of ``cls`` breaks nothing (compiled once per class).

    It may raise on a value of a wrong type inside; :func:`validate` takes that as "no".
    """
    return compiled_once(_CHECKS, cls, _compile_check)


def _compile_check(cls: type) -> Callable[[Any], bool]:
    namespace: dict[str, Any] = {"next": next}
    lines = ["def check(o):"]
    for index, (field, kind, limits) in enumerate(_fields(cls)):
        namespace[f"accepts_{index}"] = _item_check(kind)
        body = [f"if not accepts_{index}(v): return False", *_limit_code(index, limits, namespace)]
        lines.append(f"    v = o.{field.name}")
        if field.default is attrs.NOTHING:
            lines.append("    if v is None: return False")
            lines += [f"    {line}" for line in body]
        else:
            lines.append("    if v is not None:")
            lines += [f"        {line}" for line in body]
    for index, rule in enumerate(RULES.get(cls.__name__, ())):
        namespace[f"rule_{index}"] = rule
        lines.append(f"    if next(rule_{index}(o), None) is not None: return False")
    lines.append("    return True")
    function: Callable[[Any], bool] = compile_function(
        "check", lines, namespace, f"check {cls.__qualname__}"
    )
    return function


_REQUESTS: Final[dict[tuple[type, str], bool]] = {}


def _is_request(cls: type, operation_name: str) -> bool:
    """Whether ``cls`` is (or derives from) the request class of ``operation_name``.

    Read from the class's own bases, so that no other shape module is imported for it.
    """
    found = _REQUESTS.get((cls, operation_name))
    if found is None:
        name = f"{operation_name}Request"
        found = _REQUESTS[(cls, operation_name)] = any(
            base.__name__ == name and base.__module__.startswith("transcribe_kit.shapes.")
            for base in cls.__mro__
        )
    return found


def _is_valid(shape: object) -> bool:
    try:
        return check_function(type(shape))(shape)
    except Exception:  # a value of a wrong type inside: the walk names it
        return False


def validate(shape: object, operation_name: str | None = None) -> None:
    """Raise :class:`RequestValidationError` if ``shape`` breaks any type, constraint or rule.

    Members must have their annotated types, with one allowance: an enum member may be
    given as a string that is one of the enum's values (``language_code="en-US"``, as in
    boto3), and is sent as that value; a string that is not one of them, a value the
    library does not know yet, must be written as the enum's member
    (``LanguageCode("xx-XX")``). Lists may be tuples; integers are not booleans; numbers
    are finite. With ``operation_name``, ``shape`` must be that operation's request class.
    Every violation is collected: the error names the first and lists all in ``errors``.
    """
    if not attrs.has(type(shape)) or (
        operation_name is not None and not _is_request(type(shape), operation_name)
    ):
        what = f"{operation_name}Request" if operation_name else "request shape"
        raise RequestValidationError(
            "request", f"must be a {what}, got {_given(shape)}", operation_name=operation_name
        )
    if _is_valid(shape):
        return
    found = violations(shape)
    if found:
        field, rule = found[0]
        raise RequestValidationError(
            field, rule, operation_name=operation_name, errors=tuple(found)
        )
