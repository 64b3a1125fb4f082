"""LocalBackend: moto's server on a free loopback port, for tests and examples."""

from __future__ import annotations

import json
import logging
import urllib.request
from types import TracebackType
from typing import Any, Final

from transcribe_kit._client import TranscribeClient

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
    """

    def __init__(self, *, region_name: str = "us-east-1") -> None:
        self.region_name = region_name
        self._server: Any | None = None
        self._endpoint_url: str | None = None

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
