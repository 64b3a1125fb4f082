"""Creates aiobotocore sessions that know every operation this library mirrors.

The pinned botocore (1.43.x, the newest aiobotocore allows) predates ``TranscribeAudio``
and ``BadRequestException.Reason``. The package ships the Transcribe model of botocore
1.44.8 (``_data/``, the JSON protocol selected) and puts it on the data path of the
sessions it creates, so all 45 operations work through the pinned aiobotocore.

Those sessions also parse timestamps straight to UTC, with the library's one timestamp
parser (:func:`~transcribe_kit._timestamps.parse_timestamp`). botocore's default parser
converts every timestamp to the local zone through dateutil's ``tzlocal``, which costs
about two thirds of the CPU of a ``ListTranscriptionJobs`` page of 100 jobs;
transcribe_kit hands out UTC datetimes in any case. Sessions and clients a caller passes
in are used as they are.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Final

from aiobotocore.session import AioSession
from botocore.config import Config

from transcribe_kit._timestamps import parse_timestamp

MODEL_DIRECTORY: Final = Path(__file__).parent / "_data"


def new_session(profile_name: str | None = None) -> Any:
    """A new aiobotocore session: the bundled model first on its data path, UTC timestamps."""
    session = AioSession(profile=profile_name)
    existing = session.get_config_variable("data_path")
    paths = [str(MODEL_DIRECTORY)] + ([existing] if existing else [])
    session.set_config_variable("data_path", os.pathsep.join(paths))
    session.get_component("response_parser_factory").set_parser_defaults(
        timestamp_parser=parse_timestamp
    )
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
