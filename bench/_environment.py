"""What every benchmark prints beside its figures: the machine, the versions, the load."""

from __future__ import annotations

import contextlib
import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path

#: The distributions whose versions move the figures.
DISTRIBUTIONS = ("aiobotocore", "botocore", "aiohttp", "attrs", "msgspec", "tenacity")


def version(distribution: str) -> str:
    """The installed version of ``distribution`` ("not installed" if it is not)."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def revision() -> str:
    """The repository's commit (``-dirty`` with uncommitted changes), or "unknown"."""
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        found = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
            cwd=Path(__file__).parent,
        )
        return found.stdout.strip()
    return "unknown"


def machine() -> str:
    """The processor, its cores, the system and the load average now."""
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{_cpu()}, {os.cpu_count()} cores, {platform.system()} {platform.release()},"
        f" load average {load}"
    )


def versions() -> str:
    """Python's, transcribe_kit's revision and the dependencies' versions."""
    found = ", ".join(f"{name} {version(name)}" for name in DISTRIBUTIONS)
    return f"Python {platform.python_version()}, transcribe_kit {revision()}, {found}"


def environment(rounds: str) -> list[str]:
    """Lines naming the machine, the versions and ``rounds`` (how the figures were taken)."""
    return [f"machine: {machine()}", f"versions: {versions()}", f"rounds: {rounds}"]
