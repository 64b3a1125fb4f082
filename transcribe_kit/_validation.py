"""Checks a request against the model's constraints and documented rules before sending.

Two kinds of check, both run on every request the client sends:

- the constraints the model states on each member (length, size, numeric range,
  pattern matched against the whole value), read from the field metadata;
- rules the documentation states across members (``ShowSpeakerLabels`` and
  ``ChannelIdentification`` are exclusive, a union has exactly one member set, ...),
  listed in :data:`RULES`.

All violations are collected; the error names the first and carries the rest.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Final

import attrs

from transcribe_kit.errors import RequestValidationError
from transcribe_kit.shapes._base import Constraints, constraints, wire_name
from transcribe_kit.shapes.call_analytics import (
    AbsoluteTimeRange,
    CallAnalyticsJobSettings,
    RelativeTimeRange,
    Rule,
)
from transcribe_kit.shapes.medical import MedicalTranscriptionSetting
from transcribe_kit.shapes.medical_scribe import MedicalScribeSettings
from transcribe_kit.shapes.transcribe_audio import (
    SyncMedia,
    TranscribeAudioRequest,
    VocabularyFilterEntry,
    VocabularyFilterSettings,
    VocabularySettingsEntry,
)
from transcribe_kit.shapes.transcription_jobs import (
    JobExecutionSettings,
    Settings,
    StartTranscriptionJobRequest,
)
from transcribe_kit.shapes.vocabularies import CreateVocabularyRequest, UpdateVocabularyRequest
from transcribe_kit.shapes.vocabulary_filters import (
    CreateVocabularyFilterRequest,
    UpdateVocabularyFilterRequest,
)

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


RULES: Final[Mapping[type, Sequence[Rule_]]] = {
    SyncMedia: [exactly_one("media_bytes", "media_file_uri")],
    Rule: [
        exactly_one(
            "non_talk_time_filter", "interruption_filter", "transcript_filter", "sentiment_filter"
        )
    ],
    Settings: [
        at_most_one("show_speaker_labels", "channel_identification"),
        requires("max_speaker_labels", "show_speaker_labels", true=True),
        requires("show_speaker_labels", "max_speaker_labels"),
        requires("max_alternatives", "show_alternatives", true=True),
        requires("show_alternatives", "max_alternatives"),
        requires("vocabulary_filter_name", "vocabulary_filter_method"),
    ],
    MedicalTranscriptionSetting: [
        at_most_one("show_speaker_labels", "channel_identification"),
        requires("max_speaker_labels", "show_speaker_labels", true=True),
        requires("show_speaker_labels", "max_speaker_labels"),
        requires("max_alternatives", "show_alternatives", true=True),
        requires("show_alternatives", "max_alternatives"),
    ],
    MedicalScribeSettings: [
        at_least_one("show_speaker_labels", "channel_identification"),
        at_most_one("show_speaker_labels", "channel_identification"),
        requires("max_speaker_labels", "show_speaker_labels", true=True),
        requires("show_speaker_labels", "max_speaker_labels"),
        requires("vocabulary_filter_name", "vocabulary_filter_method"),
    ],
    CallAnalyticsJobSettings: [
        requires("vocabulary_filter_name", "vocabulary_filter_method"),
        entries_require(
            "language_id_settings", "vocabulary_filter_name", "vocabulary_filter_method"
        ),
    ],
    JobExecutionSettings: [
        requires("allow_deferred_execution", "data_access_role_arn"),
        requires("data_access_role_arn", "allow_deferred_execution", true=True),
    ],
    AbsoluteTimeRange: [requires("start_time", "end_time"), requires("end_time", "start_time")],
    RelativeTimeRange: [
        requires("start_percentage", "end_percentage"),
        requires("end_percentage", "start_percentage"),
    ],
    StartTranscriptionJobRequest: [
        at_least_one("language_code", "identify_language", "identify_multiple_languages"),
        at_most_one("language_code", "identify_language", "identify_multiple_languages"),
        requires("language_id_settings", "language_options"),
        requires("language_options", "identify_language", "identify_multiple_languages", true=True),
        entries_require(
            "language_id_settings", "vocabulary_filter_name", "settings.vocabulary_filter_method"
        ),
    ],
    CreateVocabularyRequest: [exactly_one("phrases", "vocabulary_file_uri")],
    UpdateVocabularyRequest: [exactly_one("phrases", "vocabulary_file_uri")],
    CreateVocabularyFilterRequest: [exactly_one("words", "vocabulary_filter_file_uri")],
    UpdateVocabularyFilterRequest: [exactly_one("words", "vocabulary_filter_file_uri")],
    TranscribeAudioRequest: [
        at_most_one("language", "language_detection_mode"),
        at_most_one("show_speaker_labels", "channel_identification"),
        requires("show_speaker_labels", "max_speaker_labels"),
        requires("max_speaker_labels", "show_speaker_labels", true=True),
        requires("language_detection_mode", "language_options"),
        same_kind("vocabulary_settings", "vocabulary_name", "phrases"),
    ],
    VocabularySettingsEntry: [exactly_one("vocabulary_name", "phrases")],
    VocabularyFilterEntry: [exactly_one("vocabulary_filter_name", "words")],
    VocabularyFilterSettings: [same_kind("filters", "vocabulary_filter_name", "words")],
}
"""The documented cross-member rules, by shape."""


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _check_value(path: str, value: object, limits: Constraints) -> Iterator[Violation]:
    if isinstance(value, (str, bytes, list, dict)):
        size = len(value)
        unit = (
            "characters"
            if isinstance(value, str)
            else "bytes"
            if isinstance(value, bytes)
            else "items"
        )
        if limits.min_length is not None and size < limits.min_length:
            yield path, f"must have at least {limits.min_length} {unit} (has {size})"
        if limits.max_length is not None and size > limits.max_length:
            yield path, f"must have at most {limits.max_length} {unit} (has {size})"
    pattern = limits.pattern
    if isinstance(value, str) and pattern is not None and not _compiled(pattern).fullmatch(value):
        yield path, f"must match the pattern {limits.pattern!r}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if limits.minimum is not None and value < limits.minimum:
            yield path, f"must be at least {limits.minimum:g} (is {value})"
        if limits.maximum is not None and value > limits.maximum:
            yield path, f"must be at most {limits.maximum:g} (is {value})"


def _violations(shape: Any, prefix: str) -> Iterator[Violation]:
    for rule in RULES.get(type(shape), ()):
        for name, message in rule(shape):
            yield f"{prefix}{name}", message
    for attribute in attrs.fields(type(shape)):
        value = getattr(shape, attribute.name)
        path = f"{prefix}{attribute.name}"
        if value is None:
            if attribute.default is attrs.NOTHING:
                yield path, f"is required ({wire_name(attribute)})"
            continue
        yield from _check_value(path, value, constraints(attribute))
        yield from _nested(path, value)


def _nested(path: str, value: object) -> Iterator[Violation]:
    if attrs.has(type(value)):
        yield from _violations(value, f"{path}.")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nested(f"{path}[{index}]", item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _nested(f"{path}[{str(key)!r}]", item)


def violations(shape: object) -> list[Violation]:
    """Every constraint or rule that ``shape`` (a request or part of one) breaks."""
    return list(_violations(shape, ""))


def validate(shape: object, operation_name: str | None = None) -> None:
    """Raise :class:`RequestValidationError` if ``shape`` breaks any constraint or rule."""
    found = violations(shape)
    if found:
        field, rule = found[0]
        raise RequestValidationError(
            field, rule, operation_name=operation_name, errors=tuple(found)
        )
