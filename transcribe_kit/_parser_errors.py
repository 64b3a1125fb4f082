"""Failures of botocore's response parser, as :class:`~transcribe_kit.MalformedResponseError`.

botocore reads an answer against the model before transcribe_kit sees it, and a wrong
shape stops it with whatever Python raised on the way: ``AttributeError`` for a list
where an object belongs, ``TypeError`` for a number where a list belongs, ``ValueError``
or ``OverflowError`` from a timestamp, ``RecursionError`` for nesting thousands deep. Those
surface from the aiobotocore call (so does a ``TypeError`` from looking up an error code
that is not a string, after the parser). :func:`parser_failure` recognises them by the
parser's frames in the traceback and reads the member path from those frames' locals
(the member being parsed, the index reached in a list, the key in a map). The path is
best effort: a botocore release that renames those locals gives a shorter path, never a
wrong error.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from types import FrameType, TracebackType
from typing import Any, Final

import aiobotocore.endpoint
import aiobotocore.parsers
import botocore.parsers

from transcribe_kit._converter import shown
from transcribe_kit.errors import MalformedResponseError
from transcribe_kit.shapes._base import dotted_path

_PARSER_FILES: Final = frozenset({botocore.parsers.__file__, aiobotocore.parsers.__file__})
#: Reading an error answer goes on after the parser: the endpoint looks its code up.
_ENDPOINT_READING: Final = (aiobotocore.endpoint.__file__, "_add_modeled_error_fields")

#: What was expected where each handler failed, and the local holding what it got.
_EXPECTED_BY_HANDLER: Final[Mapping[str, tuple[str, str]]] = {
    "_handle_structure": ("an object", "value"),
    "_has_unknown_tagged_union_member": ("an object", "value"),
    "_inject_response_metadata": ("an object", "parsed"),
    "_handle_map": ("an object", "value"),
    "_handle_list": ("a list", "node"),
    "_handle_timestamp": ("a timestamp", "value"),
    "_handle_blob": ("base64 text", "value"),
    "_parse_body_as_json": ("a JSON document nested less deeply", "body_contents"),
    "_add_modeled_error_fields": ("an error code", "error_code"),
}

_PARSING_ERRORS: Final = (
    AttributeError,
    TypeError,
    ValueError,
    KeyError,
    IndexError,
    OverflowError,
    RecursionError,
    botocore.parsers.ResponseParserError,
    MalformedResponseError,
)


def _parser_frames(traceback: TracebackType | None) -> Iterator[FrameType]:
    while traceback is not None:
        code = traceback.tb_frame.f_code
        if (
            code.co_filename in _PARSER_FILES
            or (code.co_filename, code.co_name) == _ENDPOINT_READING
        ):
            yield traceback.tb_frame
        traceback = traceback.tb_next


def _segment(frame: FrameType) -> str | None:
    """The path segment a parser frame was working on when a call below it failed."""
    name = frame.f_code.co_name
    local: dict[str, Any] = frame.f_locals
    if name == "_handle_structure" and "member_name" in local:
        member = local["member_name"]
        shapes = local.get("member_shapes") or {}
        serialization = getattr(shapes.get(member), "serialization", {})
        return str(serialization.get("name", member))
    if name == "_handle_list" and isinstance(local.get("parsed"), list):
        return f"[{len(local['parsed'])}]"
    if name == "_handle_map" and "key" in local:
        return f"[{json.dumps(local['key'], default=str)}]"
    return None


def _reason(error: Exception, frame: FrameType) -> str:
    if isinstance(error, RecursionError):
        return "nested too deeply to read"
    if isinstance(error, botocore.parsers.ResponseParserError):
        return str(error)
    expected = _EXPECTED_BY_HANDLER.get(frame.f_code.co_name)
    if expected is None:
        return f"botocore could not read it ({type(error).__name__}: {error})"
    what, local = expected
    got = frame.f_locals.get(local)
    return f"expected {what}, got {shown(got)}"


def parser_failure(error: Exception, operation_name: str) -> MalformedResponseError | None:
    """The typed error for ``error`` if botocore's response parser raised it, else ``None``."""
    if not isinstance(error, _PARSING_ERRORS):
        return None
    frames = list(_parser_frames(error.__traceback__))
    if not frames:
        return None
    # Every frame but the one that failed names the member it was reading.
    segments = [segment for frame in frames[:-1] if (segment := _segment(frame)) is not None]
    path = dotted_path(segments)
    reason = error.reason if isinstance(error, MalformedResponseError) else None
    return MalformedResponseError(
        path, reason or _reason(error, frames[-1]), operation_name=operation_name
    )
