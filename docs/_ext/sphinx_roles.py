"""Sphinx roles in docstrings, rewritten as mkdocs-autorefs cross-references.

The docstrings are written for editors, in reStructuredText's roles
(``:class:`~transcribe_kit.RequestValidationError```); the site renders Markdown, where
mkdocs-autorefs turns ``[title][identifier]`` into a link. :func:`rewrite_roles` does the
translation for one docstring; what a target means is left to the ``resolve`` function
given to it (the Griffe extension resolves against the package's public modules).
:func:`rewrite_literal_markers` does the same for reStructuredText's ``::`` that opens a
literal block (the indented block after it is already a code block in Markdown).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

ROLES = ("class", "meth", "func", "attr", "data", "mod", "exc", "obj", "const")

# :role:`target`, :role:`~target`, :role:`title <target>`, with or without the py: domain.
ROLE = re.compile(r":(?:py:)?(?P<role>" + "|".join(ROLES) + r"):`(?P<body>[^`]+)`")
_EXPLICIT = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)

# Sphinx writes parentheses after the name of a function or method (add_function_parentheses).
_CALLABLE_ROLES = frozenset({"meth", "func"})


class External:
    """A target outside the package (``asyncio.sleep``): shown as code, without a link."""


EXTERNAL = External()

#: What ``resolve(target, role)`` gives: the identifier to link to, ``EXTERNAL``, or
#: ``None`` when the target means nothing it knows.
Resolution = str | External | None


@dataclass(frozen=True)
class Role:
    """One role as written: its kind, target and the title Sphinx would show."""

    role: str
    target: str
    title: str


def parse_role(role: str, body: str) -> Role:
    """Split a role's body into its target and title, as Sphinx reads it."""
    explicit = _EXPLICIT.match(body)
    if explicit:
        return Role(role, explicit["target"].strip(), explicit["title"].strip())
    target = body.strip()
    shown = target
    if target.startswith("!"):  # "no link" in Sphinx; the target is still the name
        target = shown = target[1:]
    if target.startswith("~"):
        target = target[1:]
        shown = target.rsplit(".", 1)[-1]
    if role in _CALLABLE_ROLES:
        shown += "()"
    return Role(role, target.lstrip("."), shown)


def rewrite_roles(text: str, resolve: Callable[[str, str], Resolution]) -> tuple[str, list[Role]]:
    """``text`` with every role replaced, and the roles ``resolve`` knew nothing of.

    A resolved role becomes ``[`title`][identifier]``; an external one ``` `title` ```.
    An unresolved one becomes a reference to its target as written, so that autorefs
    fails a strict build on the page that shows it (with the docstring's file and line),
    and is also returned for the caller to report.
    """
    unresolved: list[Role] = []

    def replace(match: re.Match[str]) -> str:
        role = parse_role(match["role"], match["body"])
        found = resolve(role.target, role.role)
        if isinstance(found, External):
            return f"`{role.title}`"
        if found is None:
            unresolved.append(role)
            found = role.target
        return f"[`{role.title}`][{found}]"

    return ROLE.sub(replace, text), unresolved


# "text::" then a blank line opens a literal block: Sphinx shows "text:"; "::" alone, nothing.
_LITERAL_MARKER = re.compile(r"(?m)^(?P<text>.*?)(?P<space>\s?)::[ \t]*$(?=\n[ \t]*\n)")


def rewrite_literal_markers(text: str) -> str:
    """``text`` with each literal block's ``::`` marker shown as Sphinx shows it."""

    def replace(match: re.Match[str]) -> str:
        before = match["text"]
        if not before.strip():
            return ""
        return before + ("" if match["space"] else ":")

    return _LITERAL_MARKER.sub(replace, text)
