"""The local backend's front server: the operations moto lacks, everything else forwarded.

A WSGI server on ``127.0.0.1`` that speaks Transcribe's JSON protocol (``POST /``,
``X-Amz-Target: Transcribe.<Operation>``, a JSON body; errors as HTTP 400 with
``{"__type": <code>, "Message": ...}``). It answers, from a :class:`ResourceStore`:

- vocabulary filters, language models, Call Analytics categories and jobs and medical
  scribe jobs (see :mod:`transcribe_kit.testing._resources`);
- ``TagResource``, ``UntagResource`` and ``ListTagsForResource`` on the ARN of any
  resource it knows: its own, and moto's jobs and vocabularies created through it (the
  ``Tags`` of those Create and Start requests are kept here, as moto keeps none);
- ``UpdateVocabulary`` and ``UpdateMedicalVocabulary`` as a delete and a create in moto,
  so the vocabulary goes through moto's statuses again (PENDING, then READY), as an
  updated vocabulary does in the service; its tags are kept;
- ``TranscribeAudio`` with the transcript registered in advance (it transcribes nothing).

Every other request (moto's Transcribe operations, S3, ``/moto-api/...``) goes to moto
unchanged; ``/moto-api/reset`` also empties the store.
"""

from __future__ import annotations

import http.client
import json
import threading
import urllib.parse
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.wrappers import Request, Response

from transcribe_kit.testing._resources import (
    OPERATIONS,
    ResourceStore,
    ServiceFaultError,
    fault_for,
    project,
    service_model,
)

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

#: Request headers that describe one hop, not the message: never forwarded.
_REQUEST_HOP_HEADERS: Final = frozenset(
    {"host", "content-length", "transfer-encoding", "connection", "keep-alive", "expect"}
)
#: Answer headers not copied back (the body is read whole, so its length is kept).
_ANSWER_HOP_HEADERS: Final = frozenset({"transfer-encoding", "connection", "keep-alive"})
_JSON: Final = "application/x-amz-json-1.1"
_UPSTREAM_TIMEOUT: Final = 60.0

#: moto's resources that can be tagged: ARN type, name member, creating and deleting call.
_MOTO_RESOURCES: Final = (
    (
        "transcription-job",
        "TranscriptionJobName",
        "StartTranscriptionJob",
        "DeleteTranscriptionJob",
    ),
    (
        "medical-transcription-job",
        "MedicalTranscriptionJobName",
        "StartMedicalTranscriptionJob",
        "DeleteMedicalTranscriptionJob",
    ),
    ("vocabulary", "VocabularyName", "CreateVocabulary", "DeleteVocabulary"),
    ("medical-vocabulary", "VocabularyName", "CreateMedicalVocabulary", "DeleteMedicalVocabulary"),
)
_MOTO_CREATES: Final = {create: (arn, name) for arn, name, create, _ in _MOTO_RESOURCES}
_MOTO_DELETES: Final = {delete: (arn, name) for arn, name, _, delete in _MOTO_RESOURCES}
#: An update done in moto as a delete and a create.
_VOCABULARY_UPDATES: Final = {
    "UpdateVocabulary": ("DeleteVocabulary", "CreateVocabulary"),
    "UpdateMedicalVocabulary": ("DeleteMedicalVocabulary", "CreateMedicalVocabulary"),
}

Answer = tuple[int, dict[str, Any]]


class FrontServer:
    """A loopback server in front of moto at ``upstream`` (``http://host:port``).

    :meth:`start` binds a free port and gives the URL; :meth:`stop` closes it. Each
    request runs in its own thread; one lock guards the store.
    """

    def __init__(self, upstream: str, store: ResourceStore) -> None:
        self.store = store
        self._upstream = urllib.parse.urlsplit(upstream)
        self._lock = threading.Lock()
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._local: dict[str, Callable[[str, dict[str, Any], Request], Answer]] = {
            **dict.fromkeys(OPERATIONS, self._resource),
            **dict.fromkeys(_VOCABULARY_UPDATES, self._update_vocabulary),
            "TagResource": self._tag,
            "UntagResource": self._untag,
            "ListTagsForResource": self._list_tags,
            "TranscribeAudio": self._transcribe_audio,
        }

    def start(self) -> str:
        """Serve on a free port of ``127.0.0.1``; return the server's URL."""
        self._server = make_server("127.0.0.1", 0, self, threaded=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="transcribe-kit-front", daemon=True
        )
        self._thread.start()
        return f"http://127.0.0.1:{self._server.server_port}"

    def stop(self) -> None:
        """Stop serving and close the port."""
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        request = Request(environ)
        service, _, operation = request.headers.get("X-Amz-Target", "").partition(".")
        body = request.get_data()
        if request.method == "POST" and service == "Transcribe" and operation in self._local:
            response = self._answer(operation, body, request)
        else:
            if request.path == "/moto-api/reset":
                with self._lock:
                    self.store.reset()
            status, headers, payload = self._send(
                request.method, environ.get("RAW_URI") or request.full_path, body, request.headers
            )
            if service == "Transcribe" and status == 200:
                self._observe(operation, body)
            response = Response(payload, status, headers)
        return response(environ, start_response)

    def _answer(self, operation: str, body: bytes, request: Request) -> Response:
        try:
            params = json.loads(body or b"{}")
            with self._lock:
                status, answer = self._local[operation](operation, params, request)
        except ServiceFaultError as fault:
            status, answer = 400, {"__type": fault.code, "Message": fault.message}
        except (KeyError, TypeError, ValueError) as error:
            status, answer = 400, {"__type": "BadRequestException", "Message": repr(error)}
        return Response(
            json.dumps(answer, default=_epoch_seconds),
            status,
            {"Content-Type": _JSON, "x-amzn-RequestId": str(uuid.uuid4())},
        )

    def _resource(self, operation: str, params: dict[str, Any], request: Request) -> Answer:
        return 200, self.store.answer(operation, OPERATIONS[operation], params)

    def _tag(self, operation: str, params: dict[str, Any], request: Request) -> Answer:
        arn = self.store.resolve(operation, params["ResourceArn"])
        self.store.tags[arn].update({tag["Key"]: tag["Value"] for tag in params["Tags"]})
        return 200, {}

    def _untag(self, operation: str, params: dict[str, Any], request: Request) -> Answer:
        tags = self.store.tags[self.store.resolve(operation, params["ResourceArn"])]
        for key in params["TagKeys"]:
            tags.pop(key, None)
        return 200, {}

    def _list_tags(self, operation: str, params: dict[str, Any], request: Request) -> Answer:
        arn = self.store.resolve(operation, params["ResourceArn"])
        tags = [{"Key": key, "Value": value} for key, value in self.store.tags[arn].items()]
        return 200, {"ResourceArn": arn, "Tags": tags}

    def _transcribe_audio(self, operation: str, params: dict[str, Any], request: Request) -> Answer:
        if self.store.sync_answer is None:
            raise ServiceFaultError(
                "BadRequestException",
                "The local backend transcribes nothing: register the transcript TranscribeAudio "
                "answers with LocalBackend.set_sync_transcript(...) first.",
            )
        answer: dict[str, Any] = {"TranscriptResponse": self.store.sync_answer}
        if "OutputConfiguration" in params:
            answer["OutputConfiguration"] = params["OutputConfiguration"]
        return 200, answer

    def _update_vocabulary(
        self, operation: str, params: dict[str, Any], request: Request
    ) -> Answer:
        """A delete and a create in moto; moto's error is answered as it is."""
        if operation == "UpdateVocabulary" and ("Phrases" in params) == (
            "VocabularyFileUri" in params
        ):
            raise fault_for(
                operation,
                "BadRequestException",
                "Either Phrases or VocabularyFileUri field should be provided.",
            )
        delete, create = _VOCABULARY_UPDATES[operation]
        status, answer = self._call_moto(
            delete, {"VocabularyName": params["VocabularyName"]}, request
        )
        if status == 200:
            create_input = service_model().operation_model(create).input_shape
            status, answer = self._call_moto(create, project(params, create_input), request)
        if status != 200:
            return status, answer
        answer.setdefault("VocabularyState", "PENDING")
        return 200, project(answer, service_model().operation_model(operation).output_shape)

    def _call_moto(self, operation: str, params: dict[str, Any], request: Request) -> Answer:
        headers = {**request.headers, "X-Amz-Target": f"Transcribe.{operation}"}
        status, _, payload = self._send("POST", "/", json.dumps(params).encode(), headers)
        return status, json.loads(payload or b"{}")

    def _observe(self, operation: str, body: bytes) -> None:
        """Keep the ARN (and the tags) of a moto resource created or deleted through here."""
        if operation not in _MOTO_CREATES and operation not in _MOTO_DELETES:
            return
        params = json.loads(body or b"{}")
        arn_type, name_member = _MOTO_CREATES.get(operation) or _MOTO_DELETES[operation]
        arn = self.store.arn(arn_type, params[name_member])
        with self._lock:
            if operation in _MOTO_DELETES:
                self.store.tags.pop(arn, None)
            else:
                tags = params.get("Tags") or ()
                self.store.tags[arn] = {tag["Key"]: tag["Value"] for tag in tags}

    def _send(
        self, method: str, target: str, body: bytes, headers: Mapping[str, str] | Any
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        """One request to moto; its status, headers (less the hop ones) and body."""
        forwarded = {
            key: value for key, value in headers.items() if key.lower() not in _REQUEST_HOP_HEADERS
        }
        connection = http.client.HTTPConnection(
            self._upstream.hostname or "127.0.0.1",
            self._upstream.port,
            timeout=_UPSTREAM_TIMEOUT,
        )
        try:
            connection.request(method, target, body=body, headers=forwarded)
            upstream = connection.getresponse()
            payload = upstream.read()
            kept = [
                (key, value)
                for key, value in upstream.getheaders()
                if key.lower() not in _ANSWER_HOP_HEADERS
            ]
            return upstream.status, kept, payload
        finally:
            connection.close()


def _epoch_seconds(value: object) -> float:
    """JSON for the timestamps of an answer: seconds since the epoch, as the service sends."""
    if isinstance(value, datetime):
        return value.timestamp()
    raise TypeError(f"not JSON serializable: {value!r}")
