"""What a test has scripted on the local backend: how resources move, and what goes wrong.

Names are matched as shell-style patterns (``bad-*``, ``call-?``; a plain name matches
itself). Where several rules match, the one given last wins.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from typing import Final

from attrs import define, field

#: How long a job, vocabulary or language model takes by default, in seconds of the clock.
DEFAULT_SECONDS: Final = 1.0
#: The failure reason of a job scripted to fail without one given.
DEFAULT_FAILURE_REASON: Final = "Failed to parse audio file."


@define(frozen=True, kw_only=True)
class Progression:
    """How a resource moves: over ``seconds`` of the clock, or one status per ``reads`` Gets."""

    seconds: float = DEFAULT_SECONDS
    reads: int | None = None


@define(frozen=True)
class _Rule:
    pattern: str
    kinds: frozenset[str]

    def matches(self, kind: str, name: str) -> bool:
        return kind in self.kinds and fnmatch.fnmatchcase(name, self.pattern)


@define(kw_only=True)
class Fault:
    """An error answer for the next ``times`` calls of the operations ``pattern`` matches."""

    pattern: str
    times: int
    code: str
    message: str
    http_status: int


@define(kw_only=True)
class Script:
    """The scripted outcomes and progressions of one backend (until its reset)."""

    default: Progression = field(factory=Progression)
    progressions: dict[str, Progression] = field(factory=dict)
    failures: list[tuple[_Rule, str]] = field(factory=list)
    durations: list[tuple[_Rule, float]] = field(factory=list)
    limits: dict[str, int] = field(factory=dict)
    faults: list[Fault] = field(factory=list)
    event_rules: list[tuple[_Rule, int]] = field(factory=list)

    def progression(self, kind: str, name: str) -> Progression:
        """How the resource ``name`` of ``kind`` moves, decided when it is made."""
        progression = self.progressions.get(kind, self.default)
        if progression.reads is None:
            for rule, seconds in reversed(self.durations):
                if rule.matches(kind, name):
                    return Progression(seconds=seconds)
        return progression

    def set_progression(self, kinds: Iterable[str], progression: Progression) -> None:
        for kind in kinds:
            self.progressions[kind] = progression

    def fail(self, pattern: str, kinds: Iterable[str], reason: str) -> None:
        self.failures.append((_Rule(pattern, frozenset(kinds)), reason))

    def failure(self, kind: str, name: str) -> str | None:
        """The scripted failure reason of ``name``, if it is to fail."""
        for rule, reason in reversed(self.failures):
            if rule.matches(kind, name):
                return reason
        return None

    def take(self, seconds: float, pattern: str, kinds: Iterable[str]) -> None:
        self.durations.append((_Rule(pattern, frozenset(kinds)), seconds))

    def publish(self, pattern: str, kinds: Iterable[str], copies: int) -> None:
        self.event_rules.append((_Rule(pattern, frozenset(kinds)), copies))

    def event_copies(self, kind: str, name: str) -> int:
        """How many times each event of ``name`` is published (0: dropped; by default 1)."""
        for rule, copies in reversed(self.event_rules):
            if rule.matches(kind, name):
                return copies
        return 1

    def limit(self, kind: str, default: int) -> int:
        return self.limits.get(kind, default)

    def fault(self, operation: str) -> Fault | None:
        """The error the next call of ``operation`` answers, if one is scripted (used up)."""
        for fault in self.faults:
            if fault.times > 0 and fnmatch.fnmatchcase(operation, fault.pattern):
                fault.times -= 1
                return fault
        return None
