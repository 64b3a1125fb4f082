"""The corpus of real documents: found at the path given by ``--corpus`` (or
``TRANSCRIBE_KIT_CORPUS``), its kinds read from the ``PROVENANCE.md`` beside the files.

Without a path every test here is skipped with one line saying how to run them; a path
that is given but holds no corpus fails the run, so CI cannot pass over a missing corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

#: A kind is declared in PROVENANCE.md as a file name prefix in backquotes: `std-*`.
_KIND = re.compile(r"`([a-z0-9][a-z0-9-]*-)\*`")


@attrs.frozen
class Corpus:
    """The files of a corpus and the kinds its provenance declares."""

    directory: Path
    #: The file name prefixes of the kinds, longest first (``medical-scribe-`` before ``medical-``).
    kinds: tuple[str, ...]

    @classmethod
    def at(cls, directory: Path) -> Corpus:
        provenance = directory / "PROVENANCE.md"
        if not provenance.is_file():
            raise pytest.UsageError(f"--corpus {directory}: no PROVENANCE.md there")
        text = provenance.read_text(encoding="utf-8")
        section = text.split("Kinds", 1)[-1].split("\n\n", 1)[0]
        kinds = sorted(set(_KIND.findall(section)), key=len, reverse=True)
        if not kinds:
            raise pytest.UsageError(f"{provenance}: no kinds (`prefix-*`) under 'Kinds'")
        return cls(directory, tuple(kinds))

    def files(self) -> list[str]:
        """The names of the JSON files, sorted."""
        return sorted(path.name for path in self.directory.glob("*.json"))

    def kind_of(self, name: str) -> str | None:
        """The kind (its prefix) of the file ``name``: the longest declared prefix it has."""
        return next((kind for kind in self.kinds if name.startswith(kind)), None)

    def files_of(self, *kinds: str) -> list[str]:
        """The names of the files of the given kinds."""
        return [name for name in self.files() if self.kind_of(name) in kinds]


def _corpus(config: pytest.Config) -> Corpus | None:
    option = config.getoption("corpus")
    if not option:
        return None
    directory = Path(option).expanduser().resolve()
    if not directory.is_dir():
        raise pytest.UsageError(f"--corpus {option}: no such directory")
    return Corpus.at(directory)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "corpus_kinds(*prefixes): run once per corpus file of these kinds"
    )
    config.stash[_CORPUS_KEY] = _corpus(config)


_CORPUS_KEY = pytest.StashKey[Corpus | None]()


def corpus_of(config: pytest.Config) -> Corpus | None:
    """The corpus given for this run, if any."""
    return config.stash.get(_CORPUS_KEY, None)


_NO_CORPUS = pytest.mark.skip(
    reason="no corpus of real documents given (--corpus DIR or TRANSCRIBE_KIT_CORPUS)"
)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize ``name`` over the corpus files of the kinds a test is marked with."""
    marker = metafunc.definition.get_closest_marker("corpus_kinds")
    if marker is None or "name" not in metafunc.fixturenames:
        return
    found = corpus_of(metafunc.config)
    if found is None:
        metafunc.parametrize("name", [pytest.param("", id="no-corpus", marks=_NO_CORPUS)])
        return
    metafunc.parametrize("name", found.files_of(*marker.args))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if corpus_of(config) is not None:
        return
    here = Path(__file__).parent
    for item in items:
        if here in item.path.parents and not item.get_closest_marker("skip"):
            item.add_marker(_NO_CORPUS)


@pytest.fixture(scope="session")
def corpus(pytestconfig: pytest.Config) -> Corpus:
    found = corpus_of(pytestconfig)
    assert found is not None  # the tests are skipped otherwise
    return found
