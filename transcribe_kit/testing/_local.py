"""LocalBackend: a local Transcribe and S3 in a child process, and the methods that script it."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Final

from botocore import xform_name

from transcribe_kit._client import TranscribeClient
from transcribe_kit._converter import from_wire, to_wire
from transcribe_kit._kinds import JOB_KINDS
from transcribe_kit.shapes.transcribe_audio import SyncItem
from transcribe_kit.shapes.transcription_jobs import GetTranscriptionJobResponse, TranscriptionJob
from transcribe_kit.testing._documents import sync_items
from transcribe_kit.testing._front import CONTROL_PREFIX
from transcribe_kit.testing._kinds import JOB_KEYS, LANGUAGE_MODEL_KEYS, VOCABULARY_KEYS
from transcribe_kit.testing._script import DEFAULT_FAILURE_REASON, DEFAULT_SECONDS
from transcribe_kit.transcript._document import (
    ResultDocument,
    Transcript,
    document_to_dict,
    parse_transcript,
)
from transcribe_kit.transcript._fetch import AnyJob, subtitles_uri, transcript_source
from transcribe_kit.transcript._location import s3_object

#: The kinds of job, by the names the scripting methods take: transcription, medical
#: transcription, Call Analytics and medical scribe (HealthScribe) jobs.
JOB_MODELS: Final = JOB_KEYS
#: Vocabularies and medical vocabularies.
VOCABULARY_MODELS: Final = VOCABULARY_KEYS
#: Custom language models.
LANGUAGE_MODEL_MODELS: Final = LANGUAGE_MODEL_KEYS

_DUMMY_CREDENTIALS: Final = {
    "aws_access_key_id": "testing",
    "aws_secret_access_key": "testing",
}
#: How long the child process may take to start serving.
_START_TIMEOUT: Final = 60.0


def _check_seconds(seconds: float) -> float:
    if not (isinstance(seconds, (int, float)) and math.isfinite(seconds) and seconds >= 0):
        raise ValueError(f"seconds must be a finite number of 0 or more, got {seconds!r}")
    return float(seconds)


def _check_count(name: str, value: int, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{name} must be an integer of {minimum} or more, got {value!r}")
    return value


class LocalClock:
    """The clock of a :class:`LocalBackend`, which statuses and timestamps follow.

    It runs with wall time until :meth:`freeze` or :meth:`advance`; then it moves only when
    the test moves it. :meth:`LocalBackend.reset` makes it run with wall time again.
    """

    def __init__(self, backend: LocalBackend) -> None:
        self._backend = backend

    def now(self) -> float:
        """The backend's time, in seconds since the epoch."""
        return float(self._backend._command("clock", {})["now"])

    def freeze(self) -> float:
        """Stop the clock where it is; returns its time."""
        return float(self._backend._command("clock", {"action": "freeze"})["now"])

    def advance(self, seconds: float) -> float:
        """Move the clock on by ``seconds`` (freezing it first); returns its time.

        Every resource whose time is up by then has moved on (and written its documents)
        when this returns.
        """
        body = {"action": "advance", "seconds": _check_seconds(seconds)}
        return float(self._backend._command("clock", body)["now"])

    def resume(self) -> float:
        """Let the clock run with wall time again, from where it stands; returns its time."""
        return float(self._backend._command("clock", {"action": "resume"})["now"])


class LocalBackend:
    """A local Transcribe and S3 on ``127.0.0.1``, on a port the system picks.

    Use it as a context manager; :meth:`client` gives a :class:`TranscribeClient` bound to
    it. The backend runs in a child process of its own, so every backend is isolated from
    every other, in one process or many. It answers all 45 Transcribe operations itself
    (jobs of every kind, vocabularies, filters, language models, categories, tags,
    ``TranscribeAudio``), and S3, SQS and EventBridge through moto's server.

    Jobs take ``seconds`` of its clock (default 1 s) from start to completion; vocabularies
    and language models as long to be ready. A completed job has written its documents
    where the service would (see :meth:`set_transcript` for what they say). A job,
    vocabulary or language model that ends publishes the service's ``aws.transcribe``
    events to the default EventBridge bus, whose rules (those
    :meth:`~TranscribeClient.ensure_job_events` makes) route them to SQS. The scripting
    methods make jobs fail, calls fail, limits bind and events go missing or come twice;
    :meth:`reset` forgets everything.
    """

    def __init__(self, *, region_name: str = "us-east-1", seconds: float = DEFAULT_SECONDS):
        self.region_name = region_name
        self.seconds = _check_seconds(seconds)
        self.clock = LocalClock(self)
        self._process: subprocess.Popen[bytes] | None = None
        self._endpoint_url: str | None = None
        self._botocore_session: Any | None = None

    # Lifecycle

    def start(self) -> None:
        """Start the server (a no-op if it runs already)."""
        if self._process is not None:
            return
        command = [
            sys.executable,
            "-m",
            "transcribe_kit.testing._server",
            "--region",
            self.region_name,
            "--seconds",
            repr(self.seconds),
        ]
        process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=_child_environment()
        )
        self._process = process
        assert process.stdout is not None
        lines: list[bytes] = []
        reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()))  # type: ignore[union-attr]
        reader.start()
        reader.join(_START_TIMEOUT)
        ready = json.loads(lines[0]) if lines and lines[0].strip() else None
        if not isinstance(ready, dict):
            self.stop()
            raise RuntimeError(
                f"the local backend did not start (exit status {process.poll()}); "
                "its errors are on stderr"
            )
        self._endpoint_url = str(ready["endpoint_url"])

    def stop(self) -> None:
        """Stop the server and its process."""
        process, self._process = self._process, None
        self._endpoint_url = None
        if process is None:
            return
        assert process.stdin is not None
        try:
            process.stdin.close()
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
        finally:
            if process.stdout is not None:
                process.stdout.close()

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

    def _command(self, command: str, body: Mapping[str, Any]) -> dict[str, Any]:
        return control_command(self.endpoint_url, command, body)

    # Scripting

    def reset(self) -> None:
        """Forget every resource, object, tag, script and registered transcript.

        The clock runs with wall time again.
        """
        self._command("reset", {})

    def set_progression(
        self,
        models: Iterable[str] = JOB_MODELS,
        *,
        seconds: float | None = None,
        reads: int | None = None,
    ) -> None:
        """Set how resources made from now on move through their statuses.

        ``models`` names the kinds (default :data:`JOB_MODELS`, every kind of job;
        :data:`VOCABULARY_MODELS`, :data:`LANGUAGE_MODEL_MODELS`). With ``seconds``, each
        takes that long (of the backend's clock) from start to its final status, seen by
        Get and List; with ``reads``, each status is shown by that many Get calls before
        the next (List calls never move it); with neither, each is final from the next
        call on. Until set (and after :meth:`reset`) each takes the backend's ``seconds``.
        """
        body: dict[str, Any] = {"kinds": list(models)}
        if reads is not None:
            body["reads"] = _check_count("reads", reads, 1)
        else:
            body["seconds"] = 0.0 if seconds is None else _check_seconds(seconds)
        self._command("progression", body)

    def set_job_duration(
        self, seconds: float, name: str = "*", *, kinds: Iterable[str] = JOB_MODELS
    ) -> None:
        """Make the jobs called ``name`` (a name or a pattern: ``slow-*``) take ``seconds``.

        Applies to jobs started from now on; ``kinds`` may name vocabularies and language
        models too.
        """
        body = {"name": name, "kinds": list(kinds), "seconds": _check_seconds(seconds)}
        self._command("duration", body)

    def fail_jobs(
        self,
        name: str,
        reason: str = DEFAULT_FAILURE_REASON,
        *,
        kinds: Iterable[str] = JOB_MODELS,
    ) -> None:
        """Make the jobs called ``name`` (a name or a pattern: ``bad-*``) fail with ``reason``.

        A matching job that finishes from now on ends FAILED with ``reason`` as its
        ``FailureReason`` and writes no documents. ``kinds`` may name vocabularies and
        language models too.
        """
        self._command("fail", {"name": name, "reason": reason, "kinds": list(kinds)})

    def throttle(
        self,
        operation: str,
        times: int = 1,
        *,
        code: str = "ThrottlingException",
        message: str = "Rate exceeded",
    ) -> None:
        """Make the next ``times`` calls of ``operation`` (or a pattern: ``Get*``) throttled.

        Each answers HTTP 400 with ``code``; then the operation answers normally again.
        """
        self._fault(operation, times, code, message, 400)

    def fail_calls(
        self,
        operation: str,
        times: int = 1,
        *,
        status: int = 500,
        code: str = "InternalFailureException",
        message: str = "An internal error occurred.",
    ) -> None:
        """Make the next ``times`` calls of ``operation`` (or a pattern) answer an error.

        By default HTTP 500 ``InternalFailureException``; the call does nothing else.
        """
        self._fault(operation, times, code, message, status)

    def _fault(self, operation: str, times: int, code: str, message: str, status: int) -> None:
        if not 400 <= status <= 599:
            raise ValueError(f"status must be an HTTP error status (4xx or 5xx), got {status}")
        body = {
            "operation": operation,
            "times": _check_count("times", times, 1),
            "code": code,
            "message": message,
            "status": status,
        }
        self._command("fault", body)

    def set_job_limit(self, limit: int, *, kinds: Iterable[str] = JOB_MODELS) -> None:
        """Let at most ``limit`` jobs of each of ``kinds`` run at once.

        A start beyond it answers ``LimitExceededException``, as the service does; a
        transcription job started with ``JobExecutionSettings(allow_deferred_execution=True)``
        waits QUEUED for a free slot instead. The defaults are the service's quotas (250
        jobs; 100 Call Analytics jobs).
        """
        self._command("limit", {"limit": _check_count("limit", limit, 0), "kinds": list(kinds)})

    def drop_events(self, name: str = "*", *, kinds: Iterable[str] = JOB_MODELS) -> None:
        """Publish no events for the jobs called ``name`` (a name or a pattern: ``lost-*``).

        The service's delivery is best effort: a consumer must catch a job whose event
        never comes. Applies to jobs that end from now on; where several rules match a
        name, the one given last wins. ``kinds`` may name vocabularies and language models.
        """
        self._script_events(name, 0, kinds)

    def duplicate_events(
        self, name: str = "*", copies: int = 2, *, kinds: Iterable[str] = JOB_MODELS
    ) -> None:
        """Publish each event of the jobs called ``name`` ``copies`` times (1: once, as usual).

        EventBridge and SQS deliver at least once: a consumer must handle a job once however
        often its event comes. Each copy is a separate event (its own ``id``), as a repeated
        delivery can be. Applies as :meth:`drop_events` does.
        """
        self._script_events(name, _check_count("copies", copies, 1), kinds)

    def _script_events(self, name: str, copies: int, kinds: Iterable[str]) -> None:
        self._command("events", {"name": name, "copies": copies, "kinds": list(kinds)})

    def set_transcript(
        self,
        media: str | bytes | os.PathLike[str],
        transcript: str | bytes | Mapping[str, Any] | ResultDocument,
    ) -> None:
        """Make jobs of ``media`` write ``transcript`` (until :meth:`reset`).

        ``media`` is an S3 URI (``s3://bucket/key``), or the media's content (bytes, or a
        local file's path): a job matches when the object its media URI names has that
        content, so a file registered here is found however it is uploaded later.
        ``transcript`` is the words spoken (text: one utterance per line, ``spk_1: ...``
        to say who speaks), or a result document (bytes, a JSON text, a dict, a parsed
        document), written as it is by jobs of its type. Without one, a job reads
        ``<media key>.transcript.json`` or ``<media key>.transcript.txt`` next to its media
        in the local S3, or else says a conversation of its own.
        """
        self._command("transcript", transcript_command(media, transcript))

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
            sync_items(transcript)
            if items is None
            else [to_wire(item) if isinstance(item, SyncItem) else dict(item) for item in items]
        )
        answer = {
            "Metadata": {"LanguageCode": language_code},
            "Results": {"Transcript": transcript, "Items": wire_items},
        }
        self._command("sync-transcript", {"answer": answer})

    # Writing documents by hand

    def publish_transcript(
        self,
        job: str | AnyJob,
        document: bytes | str | Mapping[str, Any] | ResultDocument,
        *,
        subtitles: bool = True,
    ) -> str:
        """Write ``document`` where a completed job's ``TranscriptFileUri`` points; return that URI.

        Completed jobs write their documents themselves (see :meth:`set_transcript`); this
        replaces one afterwards. ``job`` is a completed job of any kind, its Get response,
        its name, or an S3 URI. ``document`` is the file's bytes or text, a decoded dict or
        a parsed document. With ``subtitles``, the SubRip and WebVTT files a transcription
        job lists are written too, rendered from the transcript.
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
        try:
            for kind in JOB_KINDS:
                get = kind.operations.get
                try:
                    answer = getattr(client, xform_name(get))(**{kind.members.name: name})
                except client.exceptions.BadRequestException:
                    continue
                job: AnyJob = from_wire(answer, kind.response_type(get))
                return job
            raise LookupError(f"no job called {name!r}")
        finally:
            client.close()

    def _put(self, uri: str, data: bytes) -> None:
        location = s3_object(uri.split("?", 1)[0], endpoint_url=self.endpoint_url)
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


def _child_environment() -> dict[str, str]:
    """The environment of the child: ours, with this copy of the package first on its path.

    So that the child imports the package this process did, however it found it (an
    install, or a checkout on ``sys.path``).
    """
    root = str(Path(__file__).resolve().parents[2])
    inherited = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([root, inherited] if inherited else [root])}


def control_command(endpoint_url: str, command: str, body: Mapping[str, Any]) -> dict[str, Any]:
    """Run a control command on the local backend at ``endpoint_url``; its answer.

    Raises ValueError with the backend's reason when it refuses the command.
    """
    request = urllib.request.Request(
        endpoint_url + CONTROL_PREFIX + command,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        reason = json.loads(error.read() or b"{}").get("error", str(error))
        raise ValueError(f"the local backend refused {command}: {reason}") from None
    assert isinstance(answer, dict)
    return answer


def transcript_command(
    media: str | bytes | os.PathLike[str],
    transcript: str | bytes | Mapping[str, Any] | ResultDocument,
) -> dict[str, Any]:
    """The control command that registers ``transcript`` for ``media`` (see ``set_transcript``)."""
    body: dict[str, Any] = {}
    if isinstance(media, str):
        if s3_object(media) is None:
            raise ValueError(f"media must be an S3 URI, bytes or a file's path, got {media!r}")
        body["uri"] = media
    else:
        content = media if isinstance(media, bytes) else _read(media)
        body["digest"] = hashlib.sha256(content).hexdigest()
    if isinstance(transcript, str) and not _is_json_object(transcript):
        body["text"] = transcript
    else:
        body["document"] = base64.b64encode(_document_bytes(transcript)).decode()
    return body


def _read(path: os.PathLike[str]) -> bytes:
    with open(path, "rb") as file:
        return file.read()


def _is_json_object(text: str) -> bool:
    if not text.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


def _document_bytes(document: bytes | str | Mapping[str, Any] | ResultDocument) -> bytes:
    if isinstance(document, bytes):
        return document
    if isinstance(document, str):
        return document.encode()
    if isinstance(document, Mapping):
        return json.dumps(document).encode()
    return json.dumps(document_to_dict(document)).encode()
