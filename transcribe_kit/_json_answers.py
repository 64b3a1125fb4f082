"""Answers to TranscribeClient's own calls read from their JSON, not through botocore's walk.

botocore parses every answer into a dict by walking the body against the model (a call
per member, timestamps and blobs converted); the converter would then walk that dict
again to build the shapes. For a page of 100 job summaries botocore's walk is most of the
CPU of the call. So, for the calls TranscribeClient itself makes, the converter reads the
decoded JSON straight into the shape (with the same strict checks, see
:mod:`transcribe_kit._converter`), and botocore gets the shape's wire dict, which is what
its own walk would have produced.

It uses botocore's public ``before-parse`` event. For a 2xx JSON answer to a call made in
an :class:`JsonAnswer` block, the handler decodes the body, reads it into the shape,
gives botocore the shape's wire dict as the customised part of its parsed response, and
leaves it an empty body to parse. Everything else stays botocore's: retries,
``ResponseMetadata``, errors (an answer with a status of 300 or more is parsed by botocore
as before). Handlers of ``after-call``, ``needs-retry`` or ``response-received`` see the
parsed dict they would have seen (timestamps as datetimes, blobs as bytes; in UTC, also
for a client from a session made elsewhere, which would give local time). Calls made on
the aiobotocore client directly are not touched, and a handler registered on
``before-parse`` after the first call through TranscribeClient sees an empty body for
TranscribeClient's calls.
"""

from __future__ import annotations

import json
import logging
from contextvars import ContextVar, Token
from types import TracebackType
from typing import Any, Final, Generic, TypeVar
from weakref import WeakSet

from transcribe_kit._converter import from_wire, to_wire
from transcribe_kit.errors import MalformedResponseError

T = TypeVar("T")

#: The answer TranscribeClient awaits in this task, if any.
_AWAITED: Final[ContextVar[JsonAnswer[Any] | None]] = ContextVar(
    "transcribe_kit_awaited_answer", default=None
)

_HANDLER_ID: Final = "transcribe_kit.read_json_answers"
_METADATA: Final = "ResponseMetadata"
#: The event emitters of the clients the handler is registered on.
_PREPARED: Final[WeakSet[Any]] = WeakSet()
#: botocore's parser logs each body it parses at DEBUG; the bodies read here are logged
#: there too, so that its debug output still shows them.
_PARSER_LOG: Final = logging.getLogger("botocore.parsers")


def _decoded(body: bytes, operation_name: str) -> dict[str, Any]:
    if not body:
        return {}
    try:
        data = json.loads(body)
    except RecursionError:
        raise MalformedResponseError(
            "", "the body is nested too deeply to read", operation_name=operation_name
        ) from None
    except ValueError as error:
        raise MalformedResponseError(
            "", f"the body is not JSON ({error})", operation_name=operation_name
        ) from None
    if data.__class__ is not dict:
        got = "a list" if isinstance(data, list) else json.dumps(data)[:40]
        raise MalformedResponseError(
            "", f"expected a JSON object, got {got}", operation_name=operation_name
        )
    members: dict[str, Any] = data
    return members


def _read_json_answer(
    operation_model: Any,
    response_dict: dict[str, Any],
    customized_response_dict: dict[str, Any],
    **_: Any,
) -> None:
    awaited = _AWAITED.get()
    if (
        awaited is None
        or awaited.operation_name != operation_model.name
        or response_dict.get("status_code", 500) >= 300
    ):
        return
    body = response_dict.get("body")
    if body.__class__ is not bytes or operation_model.has_event_stream_output:
        return
    if operation_model.service_model.resolved_protocol != "json":
        return
    if _PARSER_LOG.isEnabledFor(logging.DEBUG):
        _PARSER_LOG.debug("Response body:\n%r", body)
    customized_response_dict.update(awaited.read(body))
    response_dict["body"] = b""


class JsonAnswer(Generic[T]):
    """The answer to one TranscribeClient call, read from its JSON where botocore allows.

    Use it around the call; :meth:`shape_of` then gives the shape of what the call
    returned, read once.
    """

    __slots__ = ("_events", "_token", "members", "operation_name", "response_type", "shape")

    def __init__(self, client: Any, operation_name: str, response_type: type[T]) -> None:
        self.operation_name = operation_name
        self.response_type = response_type
        self.shape: T | None = None
        self.members: dict[str, Any] | None = None
        # A stand-in without botocore's events has no parsing to skip.
        self._events = getattr(getattr(client, "meta", None), "events", None)
        self._token: Token[JsonAnswer[Any] | None] | None = None

    def __enter__(self) -> JsonAnswer[T]:
        events = self._events
        if events is not None and events not in _PREPARED:
            events.register("before-parse.transcribe", _read_json_answer, _HANDLER_ID)
            _PREPARED.add(events)
        self._token = _AWAITED.set(self)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._token is not None:
            _AWAITED.reset(self._token)

    def read(self, body: bytes) -> dict[str, Any]:
        """Read an answer's body into the shape; its wire dict, botocore's parse of it."""
        members = _decoded(body, self.operation_name)
        self.shape = from_wire(members, self.response_type, operation_name=self.operation_name)
        self.members = to_wire(self.shape)
        return self.members

    def shape_of(self, response: dict[str, Any]) -> T:
        """The shape of ``response``, the dict the call returned."""
        shape, members = self.shape, self.members
        # The shape read last is this response's if its members are those handed to
        # botocore (a retried start may return a job that another call read).
        if (
            shape is not None
            and members is not None
            and len(response) - (_METADATA in response) == len(members)
        ):
            for key, value in members.items():
                if response.get(key) is not value:
                    break
            else:
                return shape
        return from_wire(response, self.response_type, operation_name=self.operation_name)
