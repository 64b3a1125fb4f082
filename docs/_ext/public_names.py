"""The public names of transcribe_kit, and which of them the built site documents.

A public module is one whose dotted path has no part starting with an underscore; its
public names are its ``__all__``. A name is documented when the site has an anchor for it
under any path of the same object (``transcribe_kit.StartTranscriptionJobRequest`` is
documented by its entry in ``transcribe_kit.shapes.transcription_jobs``). The mkdocs hook
fails the build on what :func:`undocumented` returns; run this file on a built site to see
the numbers::

    python docs/_ext/public_names.py SITE_DIR
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "transcribe_kit"

# Every element id of a page; mkdocstrings gives each documented object one (its path).
_ID = re.compile(r'\bid="([^"]+)"')


@dataclass(frozen=True, order=True)
class PublicName:
    """A name in the ``__all__`` of a public module."""

    module: str
    name: str

    @property
    def path(self) -> str:
        """The name's dotted path through its module."""
        return f"{self.module}.{self.name}"


def public_modules(package: str = PACKAGE) -> dict[str, list[str] | None]:
    """Each public module of ``package`` (imported) with its ``__all__``, or ``None``."""
    root = importlib.import_module(package)
    names = [package]
    for info in pkgutil.walk_packages(root.__path__, f"{package}."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            names.append(info.name)
    modules: dict[str, list[str] | None] = {}
    for name in sorted(names):
        exported = getattr(importlib.import_module(name), "__all__", None)
        modules[name] = list(exported) if exported is not None else None
    return modules


def public_names(modules: Mapping[str, Iterable[str] | None]) -> list[PublicName]:
    """Every name of every module's ``__all__`` (modules without one have none)."""
    return sorted(
        PublicName(module, name) for module, exported in modules.items() for name in exported or ()
    )


def anchors_in(html: str) -> set[str]:
    """The element ids of a page."""
    return set(_ID.findall(html))


def site_anchors(site_dir: Path) -> set[str]:
    """The element ids of every page of a built site."""
    anchors: set[str] = set()
    for page in site_dir.rglob("*.html"):
        anchors |= anchors_in(page.read_text(encoding="utf-8"))
    return anchors


def undocumented(
    names: Iterable[PublicName],
    anchors: Iterable[str],
    paths_of: Callable[[str], Iterable[str]],
) -> list[PublicName]:
    """The names for which no path of the same object is an anchor.

    ``paths_of(path)`` gives every path of the object at ``path`` (itself, its canonical
    path, the other modules that export it); a path it does not know gives nothing.
    """
    anchors = set(anchors)
    return [
        public
        for public in names
        if public.path not in anchors and anchors.isdisjoint(paths_of(public.path))
    ]


def griffe_paths_of(package: str = PACKAGE) -> Callable[[str], Iterable[str]]:
    """``paths_of`` for :func:`undocumented`, from Griffe's view of ``package``."""
    import griffe

    loaded = griffe.load(package, resolve_aliases=True)
    collection = loaded.modules_collection

    def paths_of(path: str) -> Iterator[str]:
        try:
            found = collection[path]
            yield found.path
            yield found.canonical_path
            yield from found.aliases
        except (KeyError, griffe.AliasResolutionError):
            return

    return paths_of


def raw_roles(site_dir: Path) -> int:
    """How many Sphinx roles the pages of a built site show as text."""
    role = re.compile(r":(?:class|meth|func|attr|data|mod|exc|obj|const):(?:`|<code>)")
    return sum(
        len(role.findall(page.read_text(encoding="utf-8"))) for page in site_dir.rglob("*.html")
    )


def _report(site_dir: Path) -> int:
    modules = public_modules()
    names = public_names(modules)
    paths_of = griffe_paths_of()
    missing = set(undocumented(names, site_anchors(site_dir), paths_of))
    print(f"{'module':44} {'__all__':>7} {'documented':>10} {'missing':>7}")
    for module, exported in modules.items():
        if exported is None:
            print(f"{module:44} {'-':>7}   (no __all__: not checked)")
            continue
        gone = sum(1 for public in missing if public.module == module)
        print(f"{module:44} {len(exported):>7} {len(exported) - gone:>10} {gone:>7}")

    def canonical(public: PublicName) -> str:
        paths = list(paths_of(public.path))  # its own path, then its canonical one
        return paths[1] if len(paths) > 1 else public.path

    objects = {canonical(public) for public in names}
    missing_objects = {canonical(public) for public in missing}
    print(
        f"\n{len(names)} names in the __all__ of {sum(e is not None for e in modules.values())}"
        f" public modules, {len(objects)} distinct objects: {len(missing)} names"
        f" ({len(missing_objects)} objects) without an entry"
    )
    print(f"Sphinx roles shown as raw text: {raw_roles(site_dir)}")
    for public in sorted(missing):
        print(f"  missing: {public.path}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(_report(Path(sys.argv[1])))
