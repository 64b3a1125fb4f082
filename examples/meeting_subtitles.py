"""A meeting with several speakers, to SubRip (SRT) and WebVTT subtitles that name them.

Runs a job with speaker labels, then writes ``meeting.srt`` and ``meeting.vtt`` into
``--output-dir`` with each cue's speaker named (``spk_0`` becomes "Ana").

    python examples/meeting_subtitles.py --output-dir /tmp/subtitles
    python examples/meeting_subtitles.py --aws --media-uri s3://my-bucket/meeting.mp4
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from _setup import open_client, parser

from transcribe_kit import CaptionOptions, LanguageCode, Settings

LOCAL_MEDIA = "s3://example-media/meeting.mp4"
LOCAL_SAYS = """\
spk_0: Good morning. Let's start with the release.
spk_1: The pipeline is ready for review. We finished the last tests yesterday.
spk_0: Great. Who sends the notes?
spk_2: I will, right after the call.
"""
NAMES = {"spk_0": "Ana", "spk_1": "Ben", "spk_2": "Chloe"}


async def main() -> None:
    arguments = parser(__doc__)
    arguments.add_argument("--media-uri", default=LOCAL_MEDIA)
    arguments.add_argument("--output-dir", type=Path, default=Path("."))
    args = arguments.parse_args()
    async with open_client(args) as (tk, backend):
        if backend is not None:
            backend.set_transcript(args.media_uri, LOCAL_SAYS)
        result = await tk.transcribe(
            args.media_uri,
            language_code=LanguageCode.EN_US,
            settings=Settings(show_speaker_labels=True, max_speaker_labels=3),
            mode="job",
            on_change=lambda job: print(f"  {job.transcription_job_status}"),
        )
    transcript = result.transcript
    speakers = sorted({turn.speaker or "-" for turn in transcript.speaker_turns()})
    print(f"speakers: {', '.join(speakers)}")
    options = CaptionOptions(speakers=True, speaker_names=NAMES, max_duration=6.0)
    args.output_dir.mkdir(parents=True, exist_ok=True)
    for name, text in (
        ("meeting.srt", transcript.to_srt(options)),
        ("meeting.vtt", transcript.to_vtt(options)),
    ):
        path = args.output_dir / name
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    print(transcript.to_srt(options).split("\n\n")[0])


if __name__ == "__main__":
    asyncio.run(main())
