"""The local backend's front server: Transcribe itself, S3 (and the rest) through moto.

A WSGI server on ``127.0.0.1`` that speaks Transcribe's JSON protocol (``POST /``,
``X-Amz-Target: Transcribe.<Operation>``, a JSON body; errors as HTTP 400, or the status
a scripted fault gives, with ``{"__type": <code>, "Message": ...}``). It answers every
Transcribe operation from its :class:`~transcribe_kit.testing._resources.ResourceStore`:
jobs of every kind, vocabularies, filters, language models, Call Analytics categories,
tags, and ``TranscribeAudio`` (with the transcript registered in advance).

Besides that it serves:

- the presigned-style links to documents in the service's bucket (checked, then read
  from moto's S3);
- the documents of completed jobs, made before any S3 request that may look at them
  (:mod:`._pending`);
- ``/_transcribe_kit/<command>``: the backend's control API (:mod:`._control`);
- ``/moto-api/reset``, which empties this backend (Transcribe state, S3, scripts), and
  moto's ``state-manager/set-transition`` for the Transcribe model names, which sets how
  those resources move here;

and forwards every other request (S3, and any other service moto has) to moto's server
unchanged, answering moto's answer less the headers that describe one hop, or that the
front server sets itself (``Server``, ``Date``: sent twice they break strict clients).
"""

from __future__ import annotations

import http.client
import json
import logging
import re
import threading
import urllib.parse
import uuid
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.wrappers import Request, Response

from transcribe_kit.testing._control import Control, ControlError
from transcribe_kit.testing._kinds import BY_KEY, OPERATIONS
from transcribe_kit.testing._outputs import SIGNED_HEADERS
from transcribe_kit.testing._pending import PendingDocuments
from transcribe_kit.testing._resources import ResourceStore, ServiceFaultError, fault_for

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

#: Request headers that describe one hop, not the message: never forwarded. ``Host`` is:
#: moto builds the URLs it answers (SQS queue URLs) on it, so they name this server.
_REQUEST_HOP_HEADERS: Final = frozenset(
    {"content-length", "transfer-encoding", "connection", "keep-alive", "expect"}
)
#: Answer headers not copied back: hop headers (the body is read whole, so its length is
#: kept), and those the front server's own HTTP server writes.
_ANSWER_DROPPED_HEADERS: Final = frozenset(
    {"transfer-encoding", "connection", "keep-alive", "server", "date"}
)
_JSON: Final = "application/x-amz-json-1.1"
_IPV4: Final = re.compile(r"[0-9]+(\.[0-9]+){3}")
_UPSTREAM_TIMEOUT: Final = 60.0
CONTROL_PREFIX: Final = "/_transcribe_kit/"
_VOCABULARY_SOURCES: Final = ("CreateVocabulary", "UpdateVocabulary")

Answer = tuple[int, dict[str, Any]]
_log = logging.getLogger(__name__)


class FrontServer:
    """The loopback server in front of moto at ``upstream`` (``http://host:port``).

    :meth:`start` binds ``port`` (0: a free one) and gives the URL; :meth:`stop` closes
    it. Each request runs in its own thread; ``lock`` guards the store, which a
    :class:`Ticker` also moves on between requests.
    """

    def __init__(
        self,
        upstream: str,
        store: ResourceStore,
        control: Control,
        lock: threading.Lock,
        *,
        pending: PendingDocuments,
        on_change: Callable[[], None] = lambda: None,
        on_s3_change: Callable[[], None] = lambda: None,
    ) -> None:
        self.store = store
        self._pending = pending
        self._on_s3_change = on_s3_change
        self._control = control
        self._upstream = urllib.parse.urlsplit(upstream)
        self._lock = lock
        self._on_change = on_change
        self._server: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._local: dict[str, Callable[[str, dict[str, Any]], Answer]] = {
            **dict.fromkeys(OPERATIONS, self._resource),
            "TagResource": self._tag,
            "UntagResource": self._untag,
            "ListTagsForResource": self._list_tags,
            "TranscribeAudio": self._transcribe_audio,
        }

    def start(self, port: int = 0) -> str:
        """Serve on ``port`` (0: a free one) of ``127.0.0.1``; return the server's URL."""
        self._server = make_server("127.0.0.1", port, self, threaded=True)
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
        if request.method == "POST" and service == "Transcribe":
            response = self._transcribe(operation, request.get_data())
        elif request.path.startswith(CONTROL_PREFIX):
            response = self._command(request.path[len(CONTROL_PREFIX) :], request.get_data())
        elif request.path.startswith("/moto-api/") and self._is_ours(request):
            response = self._moto_api(request)
        elif request.method in ("GET", "HEAD") and "X-Amz-Signature" in request.args:
            response = self._presigned(request, environ)
        else:
            response = self._forward(request, environ)
        return response(environ, start_response)

    # Transcribe

    def _transcribe(self, operation: str, body: bytes) -> Response:
        try:
            params = json.loads(body or b"{}")
            with self._lock:
                fault = self.store.script.fault(operation)
                if fault is not None:
                    raise ServiceFaultError(fault.code, fault.message, fault.http_status)
                handler = self._local.get(operation)
                if handler is None:
                    raise ServiceFaultError(
                        "UnknownOperationException", f"{operation} is not an operation"
                    )
                status, answer = handler(operation, params)
        except ServiceFaultError as error:
            status, answer = error.http_status, {"__type": error.code, "Message": error.message}
        except (KeyError, TypeError, ValueError) as error:
            status, answer = 400, {"__type": "BadRequestException", "Message": repr(error)}
        self._on_change()
        return Response(
            json.dumps(answer, default=_epoch_seconds),
            status,
            {"Content-Type": _JSON, "x-amzn-RequestId": str(uuid.uuid4())},
        )

    def _resource(self, operation: str, params: dict[str, Any]) -> Answer:
        if operation in _VOCABULARY_SOURCES and ("Phrases" in params) == (
            "VocabularyFileUri" in params
        ):
            raise fault_for(
                operation,
                "BadRequestException",
                "Either Phrases or VocabularyFileUri field should be provided.",
            )
        return 200, self.store.answer(operation, OPERATIONS[operation], params)

    def _tag(self, operation: str, params: dict[str, Any]) -> Answer:
        self.store.advance()
        arn = self.store.resolve(operation, params["ResourceArn"])
        self.store.tags[arn].update({tag["Key"]: tag["Value"] for tag in params["Tags"]})
        return 200, {}

    def _untag(self, operation: str, params: dict[str, Any]) -> Answer:
        tags = self.store.tags[self.store.resolve(operation, params["ResourceArn"])]
        for key in params["TagKeys"]:
            tags.pop(key, None)
        return 200, {}

    def _list_tags(self, operation: str, params: dict[str, Any]) -> Answer:
        arn = self.store.resolve(operation, params["ResourceArn"])
        tags = [{"Key": key, "Value": value} for key, value in self.store.tags[arn].items()]
        return 200, {"ResourceArn": arn, "Tags": tags}

    def _transcribe_audio(self, operation: str, params: dict[str, Any]) -> Answer:
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

    # The control API and moto's own

    def _command(self, command: str, body: bytes) -> Response:
        try:
            with self._lock:
                answer = self._control.run(command, json.loads(body or b"{}"))
            status = 200
        except ControlError as error:
            status, answer = 400, {"error": str(error)}
        except (KeyError, TypeError, ValueError) as error:
            status, answer = 400, {"error": f"{type(error).__name__}: {error}"}
        self._on_change()
        return Response(json.dumps(answer), status, {"Content-Type": "application/json"})

    def _is_ours(self, request: Request) -> bool:
        if request.path == "/moto-api/reset":
            return True
        if request.path.startswith("/moto-api/state-manager/"):
            model = (json.loads(request.get_data() or b"{}") or {}).get("model_name")
            return model in BY_KEY
        return False

    def _moto_api(self, request: Request) -> Response:
        if request.path == "/moto-api/reset":
            return self._command("reset", b"{}")
        body = json.loads(request.get_data())
        command: dict[str, Any] = {"kinds": [body["model_name"]]}
        transition = body.get("transition") or {}
        if request.path.endswith("/unset-transition"):
            pass  # no reads nor seconds: back to the backend's default
        elif transition.get("progression") == "manual":
            command["reads"] = int(transition["times"])
        else:  # "time" every N seconds, or "immediate"
            command["seconds"] = float(transition.get("seconds", 0))
        return self._command("progression", json.dumps(command).encode())

    # S3 and the rest

    def _presigned(self, request: Request, environ: WSGIEnvironment) -> Response:
        """A presigned-style link: one of ours is checked, then read without its query."""
        path = urllib.parse.quote(urllib.parse.unquote(request.path))
        bucket = request.path.lstrip("/").partition("/")[0]
        if bucket != self.store.site.service_bucket:
            return self._forward(request, environ)
        with self._lock:
            refusal = self.store.links.refusal(path, request.args, self.store.clock())
            if refusal is None:
                self._pending.make(bucket, urllib.parse.unquote(path).partition(bucket + "/")[2])
        if refusal is not None:
            code, message = refusal
            body = (
                f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code>'
                f"<Message>{message}</Message></Error>"
            )
            return Response(body, 403, {"Content-Type": "application/xml"})
        status, headers, payload = self._send(request.method, path, b"", SIGNED_HEADERS)
        return Response(payload, status, headers)

    def _forward(self, request: Request, environ: WSGIEnvironment) -> Response:
        # S3 speaks REST; a request with a target (SQS, EventBridge, ...) names no object.
        if self._pending and "X-Amz-Target" not in request.headers:
            with self._lock:
                _make_documents(self._pending, request)
        target = environ.get("RAW_URI") or request.full_path
        status, headers, payload = self._send(
            request.method, target, request.get_data(), request.headers
        )
        if request.method not in ("GET", "HEAD"):
            with self._lock:
                self._on_s3_change()
        return Response(payload, status, headers)

    def _send(
        self, method: str, target: str, body: bytes, headers: Mapping[str, str] | Any
    ) -> tuple[int, list[tuple[str, str]], bytes]:
        """One request to moto; its status, headers (less the dropped ones) and body."""
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
                if key.lower() not in _ANSWER_DROPPED_HEADERS
            ]
            return upstream.status, kept, payload
        finally:
            connection.close()


def _make_documents(pending: PendingDocuments, request: Request) -> None:
    """Make the planned documents an S3 ``request`` may look at.

    Those it names (its object, the object it copies), or else those of the bucket it
    works on (under its ``prefix``, for a listing).
    """
    host = request.host.rpartition(":")[0] if ":" in request.host else request.host
    path = request.path.lstrip("/")
    if "." in host and not _IPV4.fullmatch(host):  # virtual-hosted: the bucket in the host
        bucket, key = host.partition(".")[0], path
    else:
        bucket, _, key = path.partition("/")
    if bucket and key:
        pending.make(bucket, key)
    elif bucket:
        pending.make(bucket, prefix=request.args.get("prefix", ""))
    source = request.headers.get("x-amz-copy-source")
    if source:
        source_bucket, _, source_key = (
            urllib.parse.unquote(source.partition("?")[0]).lstrip("/").partition("/")
        )
        pending.make(source_bucket, source_key)


def _epoch_seconds(value: object) -> float:
    """JSON for the timestamps of an answer: seconds since the epoch, as the service sends."""
    if isinstance(value, datetime):
        return value.timestamp()
    raise TypeError(f"not JSON serializable: {value!r}")


class Ticker:
    """Moves the store on when its next resource is due, between requests.

    So that documents are written, and (later) events sent, when a job's time is up even
    if nobody asks about it. Woken by :meth:`wake` whenever something may have changed.
    """

    def __init__(self, store: ResourceStore, lock: threading.Lock) -> None:
        self._store = store
        self._lock = lock
        self._wake = threading.Event()
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="transcribe-kit-ticker", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stopped = True
        self._wake.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stopped:
            with self._lock:
                try:
                    self._store.advance()
                except Exception:  # keep ticking: the next request shows the same error
                    _log.exception("moving the local backend's resources on failed")
                due = self._store.next_due()
                clock = self._store.clock
                timeout = None if due is None or clock.frozen else max(0.0, due - clock())
            self._wake.wait(timeout)
            self._wake.clear()
