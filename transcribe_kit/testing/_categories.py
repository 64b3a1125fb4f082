"""Call Analytics categories, matched against a post-call job's document as the service does.

A category matches a call when every one of its rules does. A rule is one filter:

- ``TranscriptFilter``: one of its ``Targets`` is said, as an exact phrase (words compared
  without case or punctuation), by ``ParticipantRole`` (either, if none);
- ``SentimentFilter``: a turn of the role has one of the ``Sentiments``;
- ``InterruptionFilter``: the role (as the interrupter) interrupts for more than
  ``Threshold`` milliseconds in all (for any time at all, without one);
- ``NonTalkTimeFilter``: a silence of the call lasts at least ``Threshold`` milliseconds
  (the model gives this filter no participant role).

``Negate`` turns a filter around (the phrases are not said, a turn has none of the
sentiments, no such interruptions or silence), and ``AbsoluteTimeRange`` (milliseconds)
or ``RelativeTimeRange`` (percent of the call) limit where in the call it looks: a turn,
phrase, interruption or silence counts if it overlaps that range. Sentiments,
interruptions and silences are read from the document's turns and its
``ConversationCharacteristics``. A matched category's ``PointsOfInterest`` are the turns
where its transcript filters found their phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from attrs import define

#: The categories a batch (post-call) job applies; ``REAL_TIME`` ones are for streaming.
POST_CALL: Final = "POST_CALL"
_WORD: Final = re.compile(r"[\w']+")

Span = tuple[int, int]
"""A stretch of the call, ``(begin, end)`` in milliseconds."""


@define(frozen=True, kw_only=True)
class Category:
    """A category as a job recorded it when it started: its name and rules (wire names)."""

    name: str
    rules: tuple[Mapping[str, Any], ...]
    input_type: str = POST_CALL

    @classmethod
    def of(cls, properties: Mapping[str, Any]) -> Category:
        """The category of a ``CategoryProperties`` record."""
        return cls(
            name=str(properties["CategoryName"]),
            rules=tuple(properties.get("Rules") or ()),
            input_type=str(properties.get("InputType") or POST_CALL),
        )


def post_call(records: Iterable[Mapping[str, Any]]) -> tuple[Category, ...]:
    """The categories of ``records`` (``CategoryProperties``) that apply to batch jobs."""
    found = (Category.of(record) for record in records)
    return tuple(category for category in found if category.input_type == POST_CALL)


def categorize(document: Mapping[str, Any], categories: Sequence[Category]) -> dict[str, Any]:
    """The ``Categories`` member of a Call Analytics document: what matched, and where."""
    call = _Call.of(document)
    matched: list[str] = []
    details: dict[str, Any] = {}
    for category in categories:
        points: list[Span] = []
        if category.rules and all(call.matches(rule, points) for rule in category.rules):
            matched.append(category.name)
            details[category.name] = {
                "PointsOfInterest": [
                    {"BeginOffsetMillis": begin, "EndOffsetMillis": end}
                    for begin, end in sorted(set(points))
                ]
            }
    return {"MatchedDetails": details, "MatchedCategories": matched}


@define(frozen=True, kw_only=True)
class _Turn:
    role: str
    span: Span
    words: tuple[str, ...]
    sentiment: str


def _overlaps(span: Span, window: Span) -> bool:
    # A zero-length span (a one-instant event) counts where it falls.
    if span[0] == span[1]:
        return window[0] <= span[0] < window[1]
    return span[0] < window[1] and span[1] > window[0]


def _words(turn: Mapping[str, Any]) -> tuple[str, ...]:
    items = turn.get("Items")
    if items:
        text = " ".join(
            str(item.get("Content", "")) for item in items if item.get("Type") != "punctuation"
        )
    else:
        text = str(turn.get("Content", ""))
    return tuple(word.lower() for word in _WORD.findall(text))


def _instances(values: Iterable[Mapping[str, Any]]) -> tuple[Span, ...]:
    return tuple(
        (int(value.get("BeginOffsetMillis", 0)), int(value.get("EndOffsetMillis", 0)))
        for value in values
    )


@define(frozen=True, kw_only=True)
class _Call:
    """What rules look at in a document: turns, interruptions by interrupter, silences."""

    duration: int
    turns: tuple[_Turn, ...]
    interruptions: Mapping[str, tuple[Span, ...]]
    silences: tuple[Span, ...]

    @classmethod
    def of(cls, document: Mapping[str, Any]) -> _Call:
        turns = tuple(
            _Turn(
                role=str(turn.get("ParticipantRole", "")),
                span=(int(turn.get("BeginOffsetMillis", 0)), int(turn.get("EndOffsetMillis", 0))),
                words=_words(turn),
                sentiment=str(turn.get("Sentiment", "")),
            )
            for turn in document.get("Transcript") or ()
        )
        characteristics = document.get("ConversationCharacteristics") or {}
        interruptions = (characteristics.get("Interruptions") or {}).get(
            "InterruptionsByInterrupter"
        ) or {}
        silences = (characteristics.get("NonTalkTime") or {}).get("Instances") or ()
        duration = characteristics.get("TotalConversationDurationMillis")
        return cls(
            duration=int(duration or max((turn.span[1] for turn in turns), default=0)),
            turns=turns,
            interruptions={str(role): _instances(found) for role, found in interruptions.items()},
            silences=_instances(silences),
        )

    def window(self, rule: Mapping[str, Any]) -> Span:
        """Where in the call ``rule`` looks (the whole call, without a time range)."""
        absolute = rule.get("AbsoluteTimeRange")
        if absolute:
            return _range(absolute, self.duration, 1.0)
        relative = rule.get("RelativeTimeRange")
        if relative:
            return _range(relative, self.duration, self.duration / 100, percent=True)
        return (0, self.duration)

    def matches(self, rule: Mapping[str, Any], points: list[Span]) -> bool:
        """Whether the call matches ``rule``; adds the turns a transcript filter found."""
        for member, judge in _JUDGES.items():
            body = rule.get(member)
            if body is not None:
                return judge(self, body, self.window(body), points)
        return False

    def _turns(self, body: Mapping[str, Any], window: Span) -> list[_Turn]:
        role = body.get("ParticipantRole")
        return [
            turn
            for turn in self.turns
            if (role is None or turn.role == role) and _overlaps(turn.span, window)
        ]

    def said(self, body: Mapping[str, Any], window: Span, points: list[Span]) -> bool:
        targets = [tuple(w.lower() for w in _WORD.findall(str(t))) for t in body["Targets"]]
        where = [
            turn.span
            for turn in self._turns(body, window)
            if any(target and _contains(turn.words, target) for target in targets)
        ]
        if body.get("Negate"):
            return not where
        points.extend(where)
        return bool(where)

    def felt(self, body: Mapping[str, Any], window: Span, points: list[Span]) -> bool:
        listed = set(body.get("Sentiments") or ())
        # Negate asks for a turn with a sentiment the filter does not list.
        negate = bool(body.get("Negate"))
        return any((turn.sentiment in listed) != negate for turn in self._turns(body, window))

    def interrupted(self, body: Mapping[str, Any], window: Span, points: list[Span]) -> bool:
        role = body.get("ParticipantRole")
        spans = [
            span
            for interrupter, found in self.interruptions.items()
            if role is None or interrupter == role
            for span in found
            if _overlaps(span, window)
        ]
        total = sum(end - begin for begin, end in spans)
        found = bool(spans) and total > int(body.get("Threshold") or 0)
        return found != bool(body.get("Negate"))

    def silent(self, body: Mapping[str, Any], window: Span, points: list[Span]) -> bool:
        threshold = int(body.get("Threshold") or 0)
        found = any(
            _overlaps(span, window) and span[1] - span[0] >= threshold for span in self.silences
        )
        return found != bool(body.get("Negate"))


def _range(values: Mapping[str, Any], duration: int, unit: float, *, percent: bool = False) -> Span:
    """``(begin, end)`` of an absolute (``unit`` 1) or relative time range, in milliseconds."""
    start = "StartPercentage" if percent else "StartTime"
    end = "EndPercentage" if percent else "EndTime"
    if values.get(start) is not None and values.get(end) is not None:
        return (round(values[start] * unit), round(values[end] * unit))
    if values.get("First") is not None:
        return (0, round(values["First"] * unit))
    if values.get("Last") is not None:
        # ``Last`` is the final stretch of the call of that length.
        return (max(0, duration - round(values["Last"] * unit)), duration)
    return (0, duration)


def _contains(words: Sequence[str], phrase: Sequence[str]) -> bool:
    size = len(phrase)
    return any(tuple(words[i : i + size]) == tuple(phrase) for i in range(len(words) - size + 1))


_JUDGES: Final = {
    "TranscriptFilter": _Call.said,
    "SentimentFilter": _Call.felt,
    "InterruptionFilter": _Call.interrupted,
    "NonTalkTimeFilter": _Call.silent,
}
