"""What the examples share: a client on a local backend started here, or on AWS (``--aws``).

On the local backend an example first says what its media will be heard to say
(``LocalBackend.set_transcript``), so that its output is the same on every run; on AWS
the media must exist, and the example's flags say where.
"""

from __future__ import annotations

import argparse
import contextlib
import os
from collections.abc import AsyncIterator

from transcribe_kit import TranscribeClient, WaitPolicy
from transcribe_kit.testing import LocalBackend

#: Local jobs take about a second: poll often. On AWS, jobs take minutes: back off to 30 s.
LOCAL_WAITS = WaitPolicy(initial_delay=0.2, max_delay=1.0, timeout=120.0)
AWS_WAITS = WaitPolicy(initial_delay=5.0, max_delay=30.0, timeout=4 * 3600.0)


def parser(doc: str | None) -> argparse.ArgumentParser:
    """An argument parser with ``--aws`` and ``--region``, described by ``doc``'s first line."""
    first = (doc or "").strip().splitlines()[0]
    parser = argparse.ArgumentParser(description=first)
    parser.add_argument(
        "--aws", action="store_true", help="use Amazon Transcribe with your AWS credentials"
    )
    parser.add_argument("--region", default=os.environ.get("AWS_REGION"))
    return parser


@contextlib.asynccontextmanager
async def open_client(
    args: argparse.Namespace,
) -> AsyncIterator[tuple[TranscribeClient, LocalBackend | None]]:
    """The client, and the local backend it is bound to (``None`` with ``--aws``)."""
    if args.aws:
        async with TranscribeClient(region_name=args.region, wait_policy=AWS_WAITS) as client:
            yield client, None
        return
    with LocalBackend(region_name=args.region or "us-east-1") as backend:
        async with backend.client(wait_policy=LOCAL_WAITS) as client:
            yield client, backend


async def create_bucket(backend: LocalBackend, bucket: str) -> None:
    """Make ``bucket`` in the local backend's S3 (on AWS, the flags name existing ones)."""
    from aiobotocore.session import AioSession

    async with AioSession().create_client("s3", **backend.client_settings) as s3:
        await s3.create_bucket(Bucket=bucket)
