"""The local backend's control API: what a test (or a shell user) scripts, over HTTP.

``POST <endpoint>/_transcribe_kit/<command>`` with a JSON object; the answer is a JSON
object, or HTTP 400 with ``{"error": ...}``. :class:`~transcribe_kit.testing.LocalBackend`
wraps every command in a method; ``python -m transcribe_kit.local register`` uses one.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping
from typing import Any

from transcribe_kit.testing._kinds import BY_KEY
from transcribe_kit.testing._resources import ResourceStore
from transcribe_kit.testing._script import Fault, Progression
from transcribe_kit.testing._writer import Source, Transcripts, media_location


class ControlError(Exception):
    """A command the backend cannot follow."""


def _kinds(body: Mapping[str, Any]) -> list[str]:
    kinds = list(body.get("kinds") or ())
    unknown = [kind for kind in kinds if kind not in BY_KEY]
    if unknown or not kinds:
        raise ControlError(f"unknown kinds {unknown or kinds}; known: {sorted(BY_KEY)}")
    return kinds


def _seconds(value: object) -> float:
    seconds = float(value)  # type: ignore[arg-type]
    if not 0 <= seconds < float("inf"):
        raise ControlError(f"seconds must be a finite number of 0 or more, got {value}")
    return seconds


class Control:
    """Runs control commands against ``store``; ``reset_upstream`` empties moto's state."""

    def __init__(
        self,
        store: ResourceStore,
        transcripts: Transcripts,
        *,
        reset_upstream: Callable[[], None],
    ) -> None:
        self._store = store
        self._transcripts = transcripts
        self._reset_upstream = reset_upstream
        self._default = Progression()
        self._commands: dict[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
            "reset": self._reset,
            "default": self._set_default,
            "progression": self._progression,
            "fail": self._fail,
            "duration": self._duration,
            "limit": self._limit,
            "fault": self._fault,
            "events": self._events,
            "transcript": self._transcript,
            "sync-transcript": self._sync_transcript,
            "clock": self._clock,
        }

    def run(self, command: str, body: Mapping[str, Any]) -> dict[str, Any]:
        """The answer to ``command``; raises ControlError."""
        handler = self._commands.get(command)
        if handler is None:
            raise ControlError(f"unknown command {command!r}; known: {sorted(self._commands)}")
        return handler(body)

    def _reset(self, body: Mapping[str, Any]) -> dict[str, Any]:
        self._store.reset()
        self._store.script.default = self._default
        self._transcripts.clear()
        self._store.clock.reset()
        self._reset_upstream()
        return {}

    def _set_default(self, body: Mapping[str, Any]) -> dict[str, Any]:
        self._default = Progression(seconds=_seconds(body["seconds"]))
        self._store.script.default = self._default
        return {}

    def _progression(self, body: Mapping[str, Any]) -> dict[str, Any]:
        kinds = _kinds(body)
        script = self._store.script
        if body.get("reads") is not None:
            reads = int(body["reads"])
            if reads < 1:
                raise ControlError(f"reads must be 1 or more, got {reads}")
            script.set_progression(kinds, Progression(reads=reads))
        elif body.get("seconds") is not None:
            script.set_progression(kinds, Progression(seconds=_seconds(body["seconds"])))
        else:
            for kind in kinds:
                script.progressions.pop(kind, None)
        return {}

    def _fail(self, body: Mapping[str, Any]) -> dict[str, Any]:
        self._store.script.fail(str(body["name"]), _kinds(body), str(body["reason"]))
        return {}

    def _duration(self, body: Mapping[str, Any]) -> dict[str, Any]:
        self._store.script.take(_seconds(body["seconds"]), str(body["name"]), _kinds(body))
        return {}

    def _limit(self, body: Mapping[str, Any]) -> dict[str, Any]:
        limit = int(body["limit"])
        if limit < 0:
            raise ControlError(f"limit must be 0 or more, got {limit}")
        for kind in _kinds(body):
            self._store.script.limits[kind] = limit
        return {}

    def _fault(self, body: Mapping[str, Any]) -> dict[str, Any]:
        times = int(body["times"])
        status = int(body["status"])
        if times < 1 or not 400 <= status <= 599:
            raise ControlError(f"times must be 1 or more and status 4xx or 5xx: {times}, {status}")
        self._store.script.faults.append(
            Fault(
                pattern=str(body["operation"]),
                times=times,
                code=str(body["code"]),
                message=str(body["message"]),
                http_status=status,
            )
        )
        return {}

    def _events(self, body: Mapping[str, Any]) -> dict[str, Any]:
        copies = int(body["copies"])
        if copies < 0:
            raise ControlError(f"copies must be 0 or more, got {copies}")
        self._store.script.publish(str(body["name"]), _kinds(body), copies)
        return {}

    def _transcript(self, body: Mapping[str, Any]) -> dict[str, Any]:
        if body.get("document") is not None:
            source = Source(document=base64.b64decode(body["document"]))
        else:
            source = Source(text=str(body["text"]))
        if body.get("digest"):
            self._transcripts.register_digest(str(body["digest"]), source)
            return {}
        location = media_location(str(body["uri"]))
        if location is None:
            raise ControlError(f"not an S3 URI of a media file: {body['uri']}")
        self._transcripts.by_uri[str(location)] = source
        return {}

    def _sync_transcript(self, body: Mapping[str, Any]) -> dict[str, Any]:
        self._store.sync_answer = dict(body["answer"])
        return {}

    def _clock(self, body: Mapping[str, Any]) -> dict[str, Any]:
        clock = self._store.clock
        action = body.get("action")
        if action == "freeze":
            clock.freeze()
        elif action == "advance":
            clock.advance(_seconds(body["seconds"]))
        elif action == "resume":
            clock.resume()
        elif action is not None:
            raise ControlError(f"unknown clock action {action!r}: freeze, advance or resume")
        self._store.advance()
        return {"now": clock(), "frozen": clock.frozen}
