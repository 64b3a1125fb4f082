"""LocalBackend: moto's server on a free loopback port, for tests and examples."""

from __future__ import annotations

import json
import logging
import urllib.request
from collections.abc import Mapping
from types import TracebackType
from typing import Any, Final

from transcribe_kit._client import TranscribeClient
from transcribe_kit._converter import from_wire
from transcribe_kit.shapes.medical import GetMedicalTranscriptionJobResponse
from transcribe_kit.shapes.transcription_jobs import GetTranscriptionJobResponse, TranscriptionJob
from transcribe_kit.transcript._document import (
    ResultDocument,
    Transcript,
    document_to_dict,
    parse_transcript,
)
from transcribe_kit.transcript._fetch import TranscriptJob, subtitles_uri, transcript_source
from transcribe_kit.transcript._location import s3_object

#: The moto state-manager names of the Transcribe resources that move through statuses.
JOB_MODELS: Final = (
    "transcribe::transcriptionjob",
    "transcribe::medicaltranscriptionjob",
)
VOCABULARY_MODELS: Final = ("transcribe::vocabulary", "transcribe::medicalvocabulary")

_DUMMY_CREDENTIALS: Final = {
    "aws_access_key_id": "testing",
    "aws_secret_access_key": "testing",
}


class LocalBackend:
    """moto's server on ``127.0.0.1`` with a port the system picks: Transcribe and S3.

    Use it as a context manager; :meth:`client` gives a :class:`TranscribeClient` bound to
    it. moto implements start/get/list/delete of transcription and medical transcription
    jobs and create/get/list/delete of vocabularies and medical vocabularies; other
    operations answer HTTP 500. Its state lives in this process and outlives the server:
    call :meth:`reset` between tests.

    moto completes a job without writing its transcript: :meth:`publish_transcript` writes
    one where the job says it is, so that ``fetch_transcript`` has something to read.
    """

    def __init__(self, *, region_name: str = "us-east-1") -> None:
        self.region_name = region_name
        self._server: Any | None = None
        self._endpoint_url: str | None = None
        self._botocore_session: Any | None = None

    def start(self) -> None:
        """Start the server (a no-op if it runs already)."""
        if self._server is not None:
            return
        from moto.server import ThreadedMotoServer

        # The server's access log would interleave a line per request with the caller's output.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        self._server = server
        self._endpoint_url = f"http://{host}:{port}"

    def stop(self) -> None:
        """Stop the server."""
        server, self._server = self._server, None
        if server is not None:
            server.stop()

    def __enter__(self) -> LocalBackend:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def endpoint_url(self) -> str:
        """The server's base URL, ``http://127.0.0.1:<port>``."""
        if self._endpoint_url is None:
            raise RuntimeError("the local backend is not started")
        return self._endpoint_url

    @property
    def client_settings(self) -> dict[str, Any]:
        """Keyword arguments that point a TranscribeClient or aiobotocore client here."""
        return {
            "region_name": self.region_name,
            "endpoint_url": self.endpoint_url,
            **_DUMMY_CREDENTIALS,
        }

    def client(self, **settings: Any) -> TranscribeClient:
        """A :class:`TranscribeClient` bound to this backend (not yet open)."""
        return TranscribeClient(**{**self.client_settings, **settings})

    def reset(self) -> None:
        """Forget every resource and transition (moto's ``/moto-api/reset``)."""
        self._post("/moto-api/reset", {})
        # moto's reset keeps the transitions set before; go back to its defaults.
        for model in JOB_MODELS + VOCABULARY_MODELS:
            self._post("/moto-api/state-manager/unset-transition", {"model_name": model})

    def set_progression(
        self,
        models: tuple[str, ...] = JOB_MODELS,
        *,
        seconds: float | None = None,
        reads: int | None = None,
    ) -> None:
        """Make resources move through their statuses by time or by reads, not at once.

        With ``seconds``, a status advances every that many seconds (seen by Get and List);
        with ``reads``, every that many Get calls. With neither, statuses are final at once.
        """
        for model in models:
            if seconds is not None:
                transition: dict[str, Any] = {"progression": "time", "seconds": seconds}
            elif reads is not None:
                transition = {"progression": "manual", "times": reads}
            else:
                transition = {"progression": "immediate"}
            self._post(
                "/moto-api/state-manager/set-transition",
                {"model_name": model, "transition": transition},
            )

    def _post(self, path: str, body: dict[str, Any]) -> None:
        request = urllib.request.Request(
            self.endpoint_url + path,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()

    def publish_transcript(
        self,
        job: str | TranscriptJob,
        document: bytes | str | Mapping[str, Any] | ResultDocument,
        *,
        subtitles: bool = True,
    ) -> str:
        """Write ``document`` where a completed job's ``TranscriptFileUri`` points; return that URI.

        moto reports the URI of a transcript but writes no object there; this writes one in
        the local S3 (making the bucket if need be, the service's bucket included). ``job``
        is a completed transcription or medical transcription job, its Get response, its
        name (read with one Get call) or the URI itself. ``document`` is the file's bytes or
        text, a decoded dict or a parsed document. With ``subtitles``, the SubRip and WebVTT
        files a transcription job lists are written too, rendered from the transcript.
        """
        if isinstance(job, str) and "://" not in job:
            job = self._get_job(job)
        uri = job if isinstance(job, str) else transcript_source(job, redacted=False)[0]
        self._put(uri, _document_bytes(document))
        if subtitles and isinstance(job, (TranscriptionJob, GetTranscriptionJobResponse)):
            self._publish_subtitles(job, document)
        return uri

    def _publish_subtitles(
        self,
        job: TranscriptionJob | GetTranscriptionJobResponse,
        document: bytes | str | Mapping[str, Any] | ResultDocument,
    ) -> None:
        found = job.transcription_job if isinstance(job, GetTranscriptionJobResponse) else job
        formats = (found.subtitles.formats or []) if found and found.subtitles else []
        if not formats:
            return
        transcript = (
            document
            if isinstance(document, Transcript)
            else parse_transcript(_document_bytes(document))
        )
        for subtitle_format in formats:
            text = transcript.to_srt() if subtitle_format == "srt" else transcript.to_vtt()
            self._put(subtitles_uri(job, subtitle_format), text.encode())

    def _botocore_client(self, service_name: str) -> Any:
        import botocore.session
        from botocore.config import Config

        if self._botocore_session is None:
            self._botocore_session = botocore.session.get_session()
        return self._botocore_session.create_client(
            service_name,
            **self.client_settings,
            config=Config(s3={"addressing_style": "path"}),
        )

    def _get_job(self, name: str) -> TranscriptJob:
        client = self._botocore_client("transcribe")
        try:
            return from_wire(
                client.get_transcription_job(TranscriptionJobName=name),
                GetTranscriptionJobResponse,
            )
        except client.exceptions.BadRequestException:
            return from_wire(
                client.get_medical_transcription_job(MedicalTranscriptionJobName=name),
                GetMedicalTranscriptionJobResponse,
            )
        finally:
            client.close()

    def _put(self, uri: str, data: bytes) -> None:
        location = s3_object(uri, endpoint_url=self.endpoint_url)
        if location is None:
            raise ValueError(f"not an S3 object URI: {uri}")
        client = self._botocore_client("s3")
        try:
            try:
                client.head_bucket(Bucket=location.bucket)
            except client.exceptions.ClientError:
                extra = (
                    {}
                    if self.region_name == "us-east-1"
                    else {"CreateBucketConfiguration": {"LocationConstraint": self.region_name}}
                )
                client.create_bucket(Bucket=location.bucket, **extra)
            client.put_object(Bucket=location.bucket, Key=location.key, Body=data)
        finally:
            client.close()


def _document_bytes(document: bytes | str | Mapping[str, Any] | ResultDocument) -> bytes:
    if isinstance(document, bytes):
        return document
    if isinstance(document, str):
        return document.encode()
    if isinstance(document, Mapping):
        return json.dumps(document).encode()
    return json.dumps(document_to_dict(document)).encode()
