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
"""

from __future__ import annotations

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
