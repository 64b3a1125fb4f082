"""Every request, response and structure of the Transcribe service model, and its enums.

Grouped by resource: ``transcription_jobs``, ``medical`` (medical jobs and vocabularies),
``vocabularies``, ``vocabulary_filters``, ``language_models``, ``call_analytics``,
``medical_scribe``, ``tags``, ``transcribe_audio`` (the synchronous call), ``common``
(shared by several) and ``enums``. Field names are snake_case; each field's metadata
holds its wire name (``wire("OutputEncryptionKMSKeyId")``) and the model's constraints.

Everything here is re-exported from each module's ``__all__``, and from the package's
top level too. The model's ``Transcript`` structure (a job's transcript file URIs) is
exported as :data:`TranscriptLocation` (``transcribe_kit.shapes.Transcript`` also works),
so that ``transcribe_kit.Transcript`` can be the transcript document.

A module is imported when one of its names is first read (PEP 562): building the model's
~150 classes is most of what importing the library would cost, and a caller of one
operation needs the classes of one or two modules. Type checkers read the imports below
as they are written.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from transcribe_kit.shapes import (
        call_analytics,
        common,
        enums,
        language_models,
        medical,
        medical_scribe,
        tags,
        transcribe_audio,
        transcription_jobs,
        vocabularies,
        vocabulary_filters,
    )
    from transcribe_kit.shapes.call_analytics import *  # noqa: F403
    from transcribe_kit.shapes.common import *  # noqa: F403
    from transcribe_kit.shapes.common import Transcript as Transcript
    from transcribe_kit.shapes.enums import *  # noqa: F403
    from transcribe_kit.shapes.language_models import *  # noqa: F403
    from transcribe_kit.shapes.medical import *  # noqa: F403
    from transcribe_kit.shapes.medical_scribe import *  # noqa: F403
    from transcribe_kit.shapes.tags import *  # noqa: F403
    from transcribe_kit.shapes.transcribe_audio import *  # noqa: F403
    from transcribe_kit.shapes.transcription_jobs import *  # noqa: F403
    from transcribe_kit.shapes.vocabularies import *  # noqa: F403
    from transcribe_kit.shapes.vocabulary_filters import *  # noqa: F403

    __all__: list[str] = []
    __all__ += call_analytics.__all__
    __all__ += common.__all__
    __all__ += enums.__all__
    __all__ += language_models.__all__
    __all__ += medical.__all__
    __all__ += medical_scribe.__all__
    __all__ += tags.__all__
    __all__ += transcribe_audio.__all__
    __all__ += transcription_jobs.__all__
    __all__ += vocabularies.__all__
    __all__ += vocabulary_filters.__all__

#: The shape modules, in the order a name is looked for: those most callers need first
#: (a transcription job's module brings ``common`` and ``enums`` with it).
MODULES: Final = (
    "common",
    "enums",
    "transcription_jobs",
    "vocabularies",
    "medical",
    "vocabulary_filters",
    "language_models",
    "tags",
    "transcribe_audio",
    "medical_scribe",
    "call_analytics",
)

#: Names a module gives besides its ``__all__``.
_ALIASES: Final = {"Transcript": "common"}


def _module(name: str) -> Any:
    return importlib.import_module(f"{__name__}.{name}")


def exported(name: str) -> Any:
    """The shape or enum ``name`` of a module's ``__all__``: modules are imported in turn."""
    if not name.startswith("_"):
        for module_name in MODULES:
            module = _module(module_name)
            if name in module.__all__:
                return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _find(name: str) -> Any:
    """A shape module, the full ``__all__``, or a name one of the modules gives."""
    if name in MODULES:
        return _module(name)
    if name == "__all__":
        return [shape for module in MODULES for shape in _module(module).__all__]
    home = _ALIASES.get(name)
    if home is not None:
        return getattr(_module(home), name)
    return exported(name)


if not TYPE_CHECKING:

    def __getattr__(name: str) -> Any:
        value = _find(name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *MODULES, *_find("__all__")})
