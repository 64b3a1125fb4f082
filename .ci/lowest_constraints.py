"""Print pip constraints pinning every runtime dependency to the lowest version pyproject allows.

CI installs the package with them and runs the suite, so a floor in pyproject.toml is one the
code has been tested on. Runtime dependencies are ``project.dependencies`` and the extras
named on the command line (default: ``local``, the local backend users install).
"""

from __future__ import annotations

import sys
from pathlib import Path

import tomllib
from packaging.requirements import Requirement


def floors(requirements: list[str]) -> list[str]:
    """``name==floor`` (with its markers) for each requirement that has a lower bound."""
    pins = []
    for text in requirements:
        requirement = Requirement(text)
        lower = [s.version for s in requirement.specifier if s.operator in (">=", "==", "~=")]
        if not lower:
            raise SystemExit(f"{text}: no lower bound to test")
        marker = f"; {requirement.marker}" if requirement.marker else ""
        pins.append(f"{requirement.name}=={lower[0]}{marker}")
    return pins


def main() -> None:
    """Print the constraints for the runtime dependencies and the extras named."""
    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())["project"]
    extras = sys.argv[1:] or ["local"]
    requirements = list(project["dependencies"])
    for extra in extras:
        requirements += [
            r for r in project["optional-dependencies"][extra] if not r.startswith(project["name"])
        ]
    print("\n".join(floors(requirements)))


if __name__ == "__main__":
    main()
