"""A package's public names imported from their home modules on first use (PEP 562).

``transcribe_kit`` and ``transcribe_kit.transcript`` list their names under
``if TYPE_CHECKING:`` imports, which type checkers and editors read as they are written,
and give the same names to :func:`lazy_attributes` for the interpreter: a name is
imported the first time it is read, then kept in the package like any other.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Collection, Mapping
from typing import Any


def lazy_attributes(
    package: str,
    homes: Mapping[str, Collection[str]],
    *,
    submodules: Collection[str] = (),
    fallback: Callable[[str], Any] | None = None,
) -> Callable[[str], Any]:
    """The module ``__getattr__`` of ``package``: each name of ``homes`` from its module.

    ``homes`` maps a module to the names it gives; ``submodules`` are modules of the
    package read as its attributes (``transcribe_kit.errors``). A name found nowhere
    else goes to ``fallback``, which returns its value or raises ``AttributeError``.
    """
    home_of = {name: module for module, names in homes.items() for name in names}
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:  # noqa: N807 - the module hook of PEP 562
        home = home_of.get(name)
        if home is not None:
            value = getattr(importlib.import_module(home), name)
        elif name in submodules:
            value = importlib.import_module(f"{package}.{name}")
        elif fallback is not None:
            value = fallback(name)
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        namespace[name] = value
        return value

    return __getattr__
