"""A loopback HTTP server that answers Transcribe calls with canned, model-valid JSON.

Run as ``python -m bench.canned_server``: it binds ``127.0.0.1`` on a port the system
picks, prints that port on one line, and serves until its standard input closes (so it
stops by itself when the process that started it exits).
"""

from __future__ import annotations

import asyncio
import json
import socket
import sys
from typing import Any, Final

from aiohttp import web

CREATED: Final = 1_767_225_600.123
STARTED: Final = CREATED + 2.5
COMPLETED: Final = CREATED + 95.25

#: Summaries in one page of ``ListTranscriptionJobs`` (the service's maximum page size).
PAGE_SIZE: Final = 100


def transcription_job(name: str) -> dict[str, Any]:
    """A completed job as ``GetTranscriptionJob`` describes it."""
    return {
        "TranscriptionJobName": name,
        "TranscriptionJobStatus": "COMPLETED",
        "LanguageCode": "en-US",
        "MediaSampleRateHertz": 44100,
        "MediaFormat": "mp3",
        "Media": {"MediaFileUri": f"s3://media-bucket/calls/{name}.mp3"},
        "Transcript": {
            "TranscriptFileUri": f"https://s3.us-east-1.amazonaws.com/transcripts/{name}.json"
        },
        "StartTime": STARTED,
        "CreationTime": CREATED,
        "CompletionTime": COMPLETED,
        "Settings": {
            "ShowSpeakerLabels": True,
            "MaxSpeakerLabels": 4,
            "ChannelIdentification": False,
            "ShowAlternatives": False,
        },
        "JobExecutionSettings": {"AllowDeferredExecution": False},
        "Subtitles": {"Formats": ["srt", "vtt"], "OutputStartIndex": 1},
        "Tags": [{"Key": "team", "Value": "support"}],
    }


def job_summary(index: int) -> dict[str, Any]:
    """One summary of a ``ListTranscriptionJobs`` page."""
    return {
        "TranscriptionJobName": f"call-{index:05d}",
        "CreationTime": CREATED + index,
        "StartTime": STARTED + index,
        "CompletionTime": COMPLETED + index,
        "LanguageCode": "en-US",
        "TranscriptionJobStatus": "COMPLETED",
        "OutputLocationType": "CUSTOMER_BUCKET",
    }


ANSWERS: Final[dict[str, bytes]] = {
    "Transcribe.GetTranscriptionJob": json.dumps(
        {"TranscriptionJob": transcription_job("call-00042")}
    ).encode(),
    "Transcribe.ListTranscriptionJobs": json.dumps(
        {
            "Status": "COMPLETED",
            "NextToken": "page-2",
            "TranscriptionJobSummaries": [job_summary(index) for index in range(PAGE_SIZE)],
        }
    ).encode(),
}


async def _answer(request: web.Request) -> web.Response:
    await request.read()
    body = ANSWERS.get(request.headers.get("X-Amz-Target", ""))
    if body is None:
        body, status = b'{"__type":"BadRequestException","Message":"not canned"}', 400
    else:
        status = 200
    return web.Response(
        body=body,
        status=status,
        content_type="application/x-amz-json-1.1",
        headers={"x-amzn-RequestId": "00000000-0000-4000-8000-000000000000"},
    )


async def serve() -> None:
    """Serve on 127.0.0.1 until standard input reaches its end."""
    app = web.Application()
    app.router.add_post("/", _answer)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    await web.SockSite(runner, listener).start()
    print(listener.getsockname()[1], flush=True)
    try:
        await asyncio.to_thread(sys.stdin.read)
    finally:
        await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(serve())
