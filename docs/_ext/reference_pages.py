"""Reference pages written by rule: one per shape module, and the command line.

A shape module's page lists its operations (each with its request and response, and the
client method that sends them), then its other structures, then the enums that only its
structures use; an enum that several areas use is on the page of the common shapes. The
command line's page is each command's ``--help``, from the parser itself.
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import importlib
import inspect
import os
import pkgutil
import re
import typing
from collections.abc import Iterator

SHAPES = "transcribe_kit.shapes"
ENUMS = f"{SHAPES}.enums"
COMMON = "common"
CLIENT = "transcribe_kit.TranscribeClient"

# Page titles; a module not named here is titled after its name.
TITLES = {
    "transcription_jobs": "Transcription jobs",
    "medical": "Medical transcription jobs and vocabularies",
    "vocabularies": "Custom vocabularies",
    "vocabulary_filters": "Vocabulary filters",
    "language_models": "Custom language models",
    "call_analytics": "Call Analytics jobs and categories",
    "medical_scribe": "AWS HealthScribe jobs",
    "tags": "Tags",
    "transcribe_audio": "TranscribeAudio (synchronous)",
    COMMON: "Common structures and shared enums",
}
# The order the shape pages come in; any other module follows, alphabetically.
AREAS = tuple(TITLES)

# Operations in the order a user meets them.
_VERBS = ("Start", "TranscribeAudio", "Create", "Get", "Describe", "List", "Update", "Tag", "Untag")
_ACTION = re.compile(r"(Request|Response)$")


def shape_modules() -> list[str]:
    """The shape modules that get a page: every public one but the enums."""
    shapes = importlib.import_module(SHAPES)
    # From the files: the package imports a module only when one of its names is read.
    names = [
        module.name
        for module in pkgutil.iter_modules(shapes.__path__)
        if not module.name.startswith("_") and f"{SHAPES}.{module.name}" != ENUMS
    ]
    return sorted(
        names, key=lambda name: (AREAS.index(name) if name in AREAS else len(AREAS), name)
    )


def _enums_in(annotation: object) -> Iterator[type[enum.Enum]]:
    if inspect.isclass(annotation) and issubclass(annotation, enum.Enum):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _enums_in(argument)


def enum_areas() -> dict[str, str]:
    """Each enum's page: the one shape module whose structures use it, else the common one."""
    users: dict[str, set[str]] = {name: set() for name in importlib.import_module(ENUMS).__all__}
    for area in shape_modules():
        module = importlib.import_module(f"{SHAPES}.{area}")
        for name in module.__all__:
            shape = getattr(module, name)
            if inspect.isclass(shape):
                for hint in typing.get_type_hints(shape).values():
                    for found in _enums_in(hint):
                        users.setdefault(found.__name__, set()).add(area)
    return {name: next(iter(areas)) if len(areas) == 1 else COMMON for name, areas in users.items()}


def _operation_key(operation: str) -> tuple[int, str]:
    verb = next((v for v in _VERBS if operation.startswith(v)), None)
    return (_VERBS.index(verb) if verb else len(_VERBS), operation)


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _block(path: str, heading_level: int, **options: object) -> str:
    lines = [f"::: {path}", "    options:", f"      heading_level: {heading_level}"]
    lines += [f"      {key}: {str(value).lower()}" for key, value in options.items()]
    return "\n".join(lines) + "\n"


def shape_page(area: str, enums_here: list[str], shared_enums: list[str]) -> str:
    """The Markdown of the page of ``transcribe_kit.shapes.<area>``."""
    client = importlib.import_module("transcribe_kit").TranscribeClient
    module_path = f"{SHAPES}.{area}"
    module = importlib.import_module(module_path)
    title = TITLES.get(area, area.replace("_", " ").capitalize())
    out = [f"# {title}\n", _block(module_path, 2, members=False, show_root_heading=False)]

    operations: dict[str, list[str]] = {}
    structures: list[str] = []
    for name in module.__all__:
        if _ACTION.search(name):
            operations.setdefault(_ACTION.sub("", name), []).append(name)
        else:
            structures.append(name)
    if operations:
        out.append("## Operations\n")
    for operation in sorted(operations, key=_operation_key):
        out.append(f"### {operation}\n")
        method = _snake(operation)
        if hasattr(client, method):
            out.append(f"Sent by [`TranscribeClient.{method}`][{CLIENT}.{method}].\n")
        for name in sorted(operations[operation], key=lambda n: n.endswith("Response")):
            out.append(_block(f"{module_path}.{name}", 4, show_bases=False))
    if structures:
        out.append("## Structures\n")
    for name in structures:
        value = getattr(module, name)
        if inspect.isclass(value) and value.__name__ != name:
            # Exported under another name (TranscriptLocation): the class and the name.
            out.append(_block(f"{module_path}.{value.__name__}", 3, show_bases=False))
        out.append(_block(f"{module_path}.{name}", 3, show_bases=False))
    if enums_here or shared_enums:
        out.append("## Enums\n")
    if shared_enums:
        links = ", ".join(f"[`{name}`][{ENUMS}.{name}]" for name in shared_enums)
        out.append(f"Used here as well, and on the common page: {links}.\n")
    for name in enums_here:
        out.append(_block(f"{ENUMS}.{name}", 3))
    return "\n".join(out)


def shape_pages() -> dict[str, str]:
    """Every shape page by its file name (``transcription_jobs.md``)."""
    areas = enum_areas()
    used_by: dict[str, list[str]] = {}
    for area in shape_modules():
        module = importlib.import_module(f"{SHAPES}.{area}")
        for name in module.__all__:
            shape = getattr(module, name)
            if inspect.isclass(shape):
                for hint in typing.get_type_hints(shape).values():
                    for found in _enums_in(hint):
                        if areas.get(found.__name__) == COMMON:
                            used_by.setdefault(area, []).append(found.__name__)
    return {
        f"{area}.md": shape_page(
            area,
            sorted(name for name, home in areas.items() if home == area),
            sorted(set(used_by.get(area, ()))) if area != COMMON else [],
        )
        for area in shape_modules()
    }


@contextlib.contextmanager
def _columns(width: int) -> Iterator[None]:
    """Help as wide everywhere: argparse wraps it to the terminal's width."""
    before = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(width)
    try:
        yield
    finally:
        if before is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = before


def _commands(
    parser: argparse.ArgumentParser, words: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield words, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*words, name))


def cli_page() -> str:
    """The command line's page: the ``--help`` of every command."""
    cli = importlib.import_module("transcribe_kit.cli")
    parser = cli.build_parser()
    out = [
        "# Command line\n",
        "Every command's `--help`, as the installed `transcribe-kit` prints it. The guide's"
        " [command line page](../guide/cli.md) shows them at work.\n",
    ]
    with _columns(88):
        for words, command in _commands(parser):
            name = " ".join((parser.prog, *words))
            level = "#" * min(2 + len(words), 4) if words else "##"
            out.append(f"{level} `{name}`\n")
            out.append(f"```text\n{command.format_help().rstrip()}\n```\n")
    return "\n".join(out)
