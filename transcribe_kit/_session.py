"""Creates aiobotocore sessions that know every operation this library mirrors.

The pinned botocore (1.43.x, the newest aiobotocore allows) predates ``TranscribeAudio``
and ``BadRequestException.Reason``. The package ships the Transcribe model of botocore
1.44.8 (``_data/``, the JSON protocol selected) and puts it on the data path of the
sessions it creates, so all 45 operations work through the pinned aiobotocore. Sessions
and clients a caller passes in are used as they are.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final

from aiobotocore.session import AioSession
from botocore.config import Config

MODEL_DIRECTORY: Final = Path(__file__).parent / "_data"


def new_session(profile_name: str | None = None) -> Any:
    """A new aiobotocore session whose data path starts with the bundled model."""
    session = AioSession(profile=profile_name)
    existing = session.get_config_variable("data_path")
    paths = [str(MODEL_DIRECTORY)] + ([existing] if existing else [])
    session.set_config_variable("data_path", os.pathsep.join(paths))
    return session


def single_attempt_config(config: Config | None) -> Config:
    """``config`` with botocore's retries turned off (one attempt per call).

    transcribe_kit's :class:`~transcribe_kit.RetryPolicy` retries instead; two layers of
    retries would multiply the attempts. The caller's retry ``mode`` is kept.
    """
    retries = dict((config.retries if config is not None else None) or {})
    retries.pop("max_attempts", None)
    retries["total_max_attempts"] = 1
    single = Config(retries=retries)
    return single if config is None else config.merge(single)
