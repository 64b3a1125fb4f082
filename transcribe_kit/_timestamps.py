"""The one timestamp parser: what the service (or a saved answer) writes, to UTC datetimes.

Every place that reads a timestamp uses :func:`parse_timestamp`: botocore's response
parser in the sessions transcribe_kit creates (for Transcribe and for the S3 clients made
from them), the converter, and the comparison of creation times when a start is retried.
The Transcribe JSON protocol writes epoch seconds; S3 writes ISO 8601 in its bodies and
HTTP dates in its headers; saved answers may hold ISO 8601 text; botocore's own parser, in
sessions made elsewhere, gives datetimes in the local zone.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Final

from transcribe_kit.errors import MalformedResponseError

UTC: Final = timezone.utc

# The instants a datetime can hold (years 1 to 9999), as epoch seconds. Outside them, and
# at their very edges on some platforms, ``fromtimestamp`` raises OverflowError, OSError or
# ValueError, which the parser turns into its own error too.
_EARLIEST: Final = datetime.min.replace(tzinfo=UTC).timestamp()
_LATEST: Final = datetime.max.replace(tzinfo=UTC).timestamp()

_EPOCH_TEXT: Final = re.compile(r"[+-]?[0-9]+(\.[0-9]*)?")


def _invalid(value: object) -> MalformedResponseError:
    shown = (
        json.dumps(value)
        if value is None or isinstance(value, (str, int, float))
        else type(value).__name__
    )
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return MalformedResponseError("", f"expected a timestamp, got {shown}")


def _from_epoch(seconds: float) -> datetime:
    # The comparison is false for NaN too.
    if _EARLIEST <= seconds <= _LATEST:
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            pass
    raise _invalid(seconds)


def _from_text(text: str) -> datetime:
    stripped = text.strip()
    if _EPOCH_TEXT.fullmatch(stripped):
        return _from_epoch(float(stripped))
    if stripped[-1:] in ("Z", "z"):
        # Python 3.10's fromisoformat does not read the "Z" suffix.
        stripped = stripped[:-1] + "+00:00"
    try:
        parsed = datetime.fromisoformat(stripped)
    except ValueError:
        try:
            # HTTP dates, as S3 writes in headers (the sessions' S3 clients use this too).
            parsed = parsedate_to_datetime(stripped)
        except (TypeError, ValueError, IndexError, OverflowError):
            raise _invalid(text) from None
    return _to_utc(parsed, text)


def _to_utc(value: datetime, original: object) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        # An instant in the first or last hours of the calendar with an offset.
        raise _invalid(original) from None


def parse_timestamp(value: object) -> datetime:
    """An aware UTC ``datetime`` from epoch seconds, ISO 8601 or HTTP-date text, a ``datetime``.

    Epoch seconds may be a number or its text; a ``datetime`` or text without a zone is
    taken as UTC. Anything else (a boolean, NaN, an instant outside years
    1-9999, text that is no timestamp) raises
    :class:`~transcribe_kit.MalformedResponseError` with an empty path, which the caller
    that knows where the value came from fills in.
    """
    kind = value.__class__
    if kind is float or kind is int:
        # Read here rather than by _from_epoch: a page of job summaries has hundreds.
        if _EARLIEST <= value <= _LATEST:  # type: ignore[operator]
            try:
                return datetime.fromtimestamp(value, UTC)  # type: ignore[arg-type]
            except (OverflowError, OSError, ValueError):
                pass
        raise _invalid(value)
    if isinstance(value, datetime):
        if value.tzinfo is UTC:
            return value
        return _to_utc(value, value)
    if isinstance(value, str):
        return _from_text(value)
    raise _invalid(value)
