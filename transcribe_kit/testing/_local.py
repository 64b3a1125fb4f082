"""LocalBackend: moto's server behind a front server on a free loopback port."""

from __future__ import annotations

import json
import logging
import re
import urllib.request
from collections.abc import Mapping, Sequence
from types import TracebackType
from typing import Any, Final

from transcribe_kit._client import TranscribeClient
from transcribe_kit._converter import from_wire, to_wire
from transcribe_kit.shapes.call_analytics import GetCallAnalyticsJobResponse
from transcribe_kit.shapes.medical import GetMedicalTranscriptionJobResponse
from transcribe_kit.shapes.medical_scribe import GetMedicalScribeJobResponse
from transcribe_kit.shapes.transcribe_audio import SyncItem
from transcribe_kit.shapes.transcription_jobs import GetTranscriptionJobResponse, TranscriptionJob
from transcribe_kit.testing._front import FrontServer
from transcribe_kit.testing._resources import STATE_MODELS, ResourceStore
from transcribe_kit.transcript._document import (
    ResultDocument,
    Transcript,
    document_to_dict,
    parse_transcript,
)
from transcribe_kit.transcript._fetch import AnyJob, subtitles_uri, transcript_source
from transcribe_kit.transcript._location import s3_object

#: The state-manager names of the Transcribe resources that move through statuses: moto's
#: own jobs and vocabularies, and the jobs and language models the front server keeps.
JOB_MODELS: Final = (
    "transcribe::transcriptionjob",
    "transcribe::medicaltranscriptionjob",
    "transcribe::callanalyticsjob",
    "transcribe::medicalscribejob",
)
VOCABULARY_MODELS: Final = ("transcribe::vocabulary", "transcribe::medicalvocabulary")
LANGUAGE_MODEL_MODELS: Final = ("transcribe::languagemodel",)
#: How each moves until set otherwise: one status per Get call, as moto's own do.
_DEFAULT_TRANSITION: Final = {"progression": "manual", "times": 1}

_DUMMY_CREDENTIALS: Final = {
    "aws_access_key_id": "testing",
    "aws_secret_access_key": "testing",
}


class LocalBackend:
    """A local Transcribe and S3 on ``127.0.0.1``, on a port the system picks.

    Use it as a context manager; :meth:`client` gives a :class:`TranscribeClient` bound to
    it. moto's server implements start/get/list/delete of transcription and medical
    transcription jobs, create/get/list/delete of vocabularies and medical vocabularies,
    and S3. A front server (:attr:`endpoint_url`) answers the rest of the Transcribe
    operations itself, from memory: vocabulary filters, language models, Call Analytics
    categories and jobs, medical scribe jobs, tags, vocabulary updates and
    ``TranscribeAudio`` (with the transcript :meth:`set_sync_transcript` registered); it
    forwards every other request to moto. State lives in this process and outlives the
    servers: call :meth:`reset` between tests.

    Nothing is transcribed: :meth:`publish_transcript` writes a document where a completed
    job says its transcript is, so that ``fetch_transcript`` has something to read.
    """

    def __init__(self, *, region_name: str = "us-east-1") -> None:
        self.region_name = region_name
        self._server: Any | None = None
        self._front: FrontServer | None = None
        self._endpoint_url: str | None = None
        self._botocore_session: Any | None = None

    def start(self) -> None:
        """Start the servers (a no-op if they run already)."""
        if self._server is not None:
            return
        from moto.moto_api import state_manager
        from moto.server import ThreadedMotoServer

        for model in STATE_MODELS:
            state_manager.register_default_transition(model, _DEFAULT_TRANSITION)

        # The server's access log would interleave a line per request with the caller's output.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        server.start()
        host, port = server.get_host_and_port()
        self._server = server
        self._front = FrontServer(
            f"http://{host}:{port}", ResourceStore(region_name=self.region_name)
        )
        self._endpoint_url = self._front.start()

    def stop(self) -> None:
        """Stop the servers."""
        front, self._front = self._front, None
        if front is not None:
            front.stop()
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
        """The front server's base URL, ``http://127.0.0.1:<port>``."""
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
        """Forget every resource, tag, transition and registered transcript."""
        self._post("/moto-api/reset", {})
        # moto's reset keeps the transitions set before; go back to the defaults.
        for model in JOB_MODELS + VOCABULARY_MODELS + LANGUAGE_MODEL_MODELS:
            self._post("/moto-api/state-manager/unset-transition", {"model_name": model})

    def set_progression(
        self,
        models: tuple[str, ...] = JOB_MODELS,
        *,
        seconds: float | None = None,
        reads: int | None = None,
    ) -> None:
        """Make resources move through their statuses by time or by reads, or at once.

        ``models`` names them (default :data:`JOB_MODELS`, every kind of job;
        :data:`VOCABULARY_MODELS`, :data:`LANGUAGE_MODEL_MODELS`). With ``seconds``, a
        status advances every that many seconds (seen by Get and List); with ``reads``,
        every that many Get calls. With neither, statuses are final from the first read.
        Until set (and after :meth:`reset`), each moves one status per Get call.
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

    def set_sync_transcript(
        self,
        transcript: str,
        items: Sequence[SyncItem | Mapping[str, Any]] | None = None,
        *,
        language_code: str = "en-US",
    ) -> None:
        """Make every later ``TranscribeAudio`` call answer ``transcript`` (until :meth:`reset`).

        ``items`` are the answer's items (typed or in wire names); without them, each word
        and punctuation mark of ``transcript`` is an item, words half a second each.
        ``language_code`` is the answer's ``Metadata.LanguageCode``. Without a registered
        transcript, ``TranscribeAudio`` answers ``BadRequestException``.
        """
        wire_items = (
            _items_of(transcript)
            if items is None
            else [to_wire(item) if isinstance(item, SyncItem) else dict(item) for item in items]
        )
        assert self._front is not None, "the local backend is not started"
        self._front.store.sync_answer = {
            "Metadata": {"LanguageCode": language_code},
            "Results": {"Transcript": transcript, "Items": wire_items},
        }

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
        job: str | AnyJob,
        document: bytes | str | Mapping[str, Any] | ResultDocument,
        *,
        subtitles: bool = True,
    ) -> str:
        """Write ``document`` where a completed job's ``TranscriptFileUri`` points; return that URI.

        moto reports the URI of a transcript but writes no object there; this writes one in
        the local S3 (making the bucket if need be, the service's bucket included). ``job``
        is a completed job of any kind, its Get response, its name (read with Get calls:
        each may move a job on a status) or the URI itself. ``document`` is the file's bytes or
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

    def _get_job(self, name: str) -> AnyJob:
        client = self._botocore_client("transcribe")
        reads: tuple[tuple[str, str, type[AnyJob]], ...] = (
            ("get_transcription_job", "TranscriptionJobName", GetTranscriptionJobResponse),
            (
                "get_medical_transcription_job",
                "MedicalTranscriptionJobName",
                GetMedicalTranscriptionJobResponse,
            ),
            ("get_call_analytics_job", "CallAnalyticsJobName", GetCallAnalyticsJobResponse),
            ("get_medical_scribe_job", "MedicalScribeJobName", GetMedicalScribeJobResponse),
        )
        try:
            for method, member, response_type in reads:
                try:
                    answer = getattr(client, method)(**{member: name})
                except client.exceptions.BadRequestException:
                    continue
                return from_wire(answer, response_type)
            raise LookupError(f"no job called {name!r}")
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


_ITEM_PATTERN: Final = re.compile(r"[\w'-]+|[^\w\s]")
_WORD_SECONDS: Final = 0.5


def _items_of(transcript: str) -> list[dict[str, Any]]:
    """TranscribeAudio items for the words and punctuation of ``transcript``."""
    items: list[dict[str, Any]] = []
    words = 0
    for content in _ITEM_PATTERN.findall(transcript):
        item: dict[str, Any] = {"Id": len(items), "Content": content}
        if content[0].isalnum():
            item.update(StartTime=words * _WORD_SECONDS, EndTime=(words + 1) * _WORD_SECONDS)
            words += 1
        items.append(item)
    return items
