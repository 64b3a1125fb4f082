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

MODEL_DIRECTORY: Final = Path(__file__).parent / "_data"


def new_session(profile_name: str | None = None) -> Any:
    """A new aiobotocore session whose data path starts with the bundled model."""
    session = AioSession(profile=profile_name)
    existing = session.get_config_variable("data_path")
    paths = [str(MODEL_DIRECTORY)] + ([existing] if existing else [])
    session.set_config_variable("data_path", os.pathsep.join(paths))
    return session
