"""Hypothesis strategies for wire dicts, built from the service model.

Values are valid for the model's constraints (lengths, ranges, patterns), unions have
exactly one member, optional members come and go at random. Sizes are kept small: the
properties are about conversion, not about volume.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any, Final

from botocore.model import Shape
from hypothesis import strategies as st

#: Lists and maps hold at most this many entries; strings without a pattern this many
#: characters (or the model's minimum, if larger).
MAX_ITEMS: Final = 2
MAX_TEXT: Final = 12

#: What `st.data().draw` or a composite strategy's `draw` is.
Draw = Callable[[st.SearchStrategy[Any]], Any]

_INTEGER_LIMITS: Final = {"integer": 2**31 - 1, "long": 2**63 - 1}
LATEST_TIME: Final = datetime(9999, 12, 30)

#: Keys that no structure of the model has: upper camel case, like the model's, but
#: starting with a marker.
UNKNOWN_KEYS: Final = st.from_regex(r"Zz[A-Za-z]{1,8}", fullmatch=True)
JSON_VALUES: Final = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.text(max_size=5),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def _string(shape: Shape) -> st.SearchStrategy[str]:
    low = shape.metadata.get("min", 0)
    high = shape.metadata.get("max")
    pattern = shape.metadata.get("pattern")
    if pattern is None:
        return st.text(min_size=low, max_size=max(low, min(high or MAX_TEXT, MAX_TEXT)))
    compiled = re.compile(pattern)
    return st.from_regex(compiled, fullmatch=True).filter(
        lambda value: low <= len(value) <= (high or len(value))
    )


def unknown_enum_values(shape: Shape) -> st.SearchStrategy[str]:
    """Strings that are not a value of enum ``shape``."""
    return st.text(min_size=1, max_size=MAX_TEXT).filter(lambda value: value not in shape.enum)


@functools.cache
def wire_values(shape: Shape, *, unknown_enums: bool = False) -> st.SearchStrategy[Any]:
    """Wire values of ``shape``; with ``unknown_enums``, every enum value is an unknown one."""
    kind = shape.type_name
    meta = shape.metadata
    if kind == "structure":
        return wire_dicts(shape, unknown_enums=unknown_enums)
    if kind == "string" and shape.enum:
        return unknown_enum_values(shape) if unknown_enums else st.sampled_from(shape.enum)
    if kind == "string":
        return _string(shape)
    if kind == "list":
        low = meta.get("min", 0)
        return st.lists(
            wire_values(shape.member, unknown_enums=unknown_enums),
            min_size=low,
            max_size=max(low, min(meta.get("max", MAX_ITEMS), MAX_ITEMS)),
        )
    if kind == "map":
        low = meta.get("min", 0)
        return st.dictionaries(
            wire_values(shape.key, unknown_enums=unknown_enums),
            wire_values(shape.value, unknown_enums=unknown_enums),
            min_size=low,
            max_size=max(low, min(meta.get("max", MAX_ITEMS), MAX_ITEMS)),
        )
    if kind in _INTEGER_LIMITS:
        limit = _INTEGER_LIMITS[kind]
        return st.integers(meta.get("min", -limit - 1), meta.get("max", limit))
    if kind in ("float", "double"):
        return st.floats(allow_nan=False, allow_infinity=False)
    if kind == "boolean":
        return st.booleans()
    if kind == "timestamp":
        # Up to a day before the last a datetime holds: written as epoch seconds (a float
        # keeps about 16 digits), a later instant may round into the year 10000.
        return st.datetimes(max_value=LATEST_TIME, timezones=st.just(timezone.utc))
    if kind == "blob":
        return st.binary(min_size=max(1, meta.get("min", 0)), max_size=16)
    raise AssertionError(f"unexpected shape type {kind} ({shape.name})")


@functools.cache
def wire_dicts(shape: Shape, *, unknown_enums: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    """Wire dicts of structure ``shape``: required members always, optional ones at random."""
    members = {
        name: wire_values(member, unknown_enums=unknown_enums)
        for name, member in shape.members.items()
    }
    if shape.metadata.get("union"):
        return st.one_of(*(st.fixed_dictionaries({name: value}) for name, value in members.items()))
    required = set(shape.required_members)
    return st.fixed_dictionaries(
        {name: value for name, value in members.items() if name in required},
        optional={name: value for name, value in members.items() if name not in required},
    )


def with_unknown_keys(draw: Draw, shape: Shape, value: Any) -> Any:
    """``value`` (a wire value of ``shape``) with unknown keys added to every structure."""
    kind = shape.type_name
    if kind == "structure":
        extra = draw(st.dictionaries(UNKNOWN_KEYS, JSON_VALUES, min_size=1, max_size=2))
        known = {
            name: with_unknown_keys(draw, shape.members[name], member)
            for name, member in value.items()
        }
        return {**extra, **known}
    if kind == "list":
        return [with_unknown_keys(draw, shape.member, item) for item in value]
    if kind == "map":
        return {key: with_unknown_keys(draw, shape.value, item) for key, item in value.items()}
    return value
