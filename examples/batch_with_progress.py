"""A batch: many recordings transcribed, at most a few jobs at once, each handled as it finishes.

``JobSubmitter.as_completed`` starts the jobs under ``--max-running``, hands back each
one as it completes or fails, fetches its transcript, and reports progress.

    python examples/batch_with_progress.py                  # the local backend
    python examples/batch_with_progress.py --aws s3://my-bucket/calls/a.wav s3://...
"""

from __future__ import annotations

import asyncio
import uuid

from _setup import open_client, parser

from transcribe_kit import (
    BatchProgress,
    JobSubmitter,
    LanguageCode,
    Media,
    StartTranscriptionJobRequest,
)

#: What the local backend's jobs hear in each recording (one of them fails).
LOCAL_MEDIA = {
    f"s3://example-media/standup-{day}.wav": f"Standup on {day}: the build is green."
    for day in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
}
BROKEN = "s3://example-media/standup-broken.wav"


def stem(uri: str) -> str:
    """``standup-monday`` of ``s3://bucket/standup-monday.wav``."""
    return uri.rsplit("/", 1)[-1].rsplit(".", 1)[0]


def show_progress(progress: BatchProgress) -> None:
    """Print a line each time a count changes."""
    print(
        f"  progress: {progress.done}/{progress.total} done, {progress.running} running, "
        f"{progress.failed} failed"
    )


async def main() -> int:
    arguments = parser(__doc__)
    arguments.add_argument("media", nargs="*", help="S3 URIs of the recordings (with --aws)")
    arguments.add_argument("--max-running", type=int, default=3)
    args = arguments.parse_args()
    if args.aws and not args.media:
        arguments.error("--aws needs the S3 URIs of the recordings")
    async with open_client(args) as (tk, backend):
        media = list(args.media)
        if backend is not None:
            for uri, said in LOCAL_MEDIA.items():
                backend.set_transcript(uri, said)
            backend.fail_jobs("*broken*", "The media format is not supported.")
            media = [*LOCAL_MEDIA, BROKEN]
        batch = uuid.uuid4().hex[:8]
        requests = [
            StartTranscriptionJobRequest(
                transcription_job_name=f"example-{batch}-{index}-{stem(uri)}",
                language_code=LanguageCode.EN_US,
                media=Media(media_file_uri=uri),
            )
            for index, uri in enumerate(media)
        ]
        submitter = JobSubmitter(tk, max_running=args.max_running)
        failed = 0
        async for outcome in submitter.as_completed(
            requests, fetch_transcripts=True, on_progress=show_progress
        ):
            uri = outcome.request.media.media_file_uri or outcome.name
            if outcome.transcript is not None:
                print(f"{uri}: {outcome.transcript.text}")
            else:
                failed += 1
                print(f"{uri}: failed: {outcome.error}")
        print(f"{len(requests) - failed} of {len(requests)} completed")
        # Locally one recording is made to fail, to show what a failure looks like.
        expected_failures = 1 if backend is not None else 0
        return 0 if failed == expected_failures else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
