"""moto's own server, for a second opinion on the Transcribe operations moto implements.

The local backend answers every Transcribe operation itself. moto implements 18 of them
(start/get/list/delete of transcription and medical transcription jobs, create/get/
list/delete of vocabularies and medical vocabularies); the test modules of those
operations (``ALSO_AGAINST_MOTO = True``) run against moto's server as well, through
this stand-in with the part of :class:`~transcribe_kit.testing.LocalBackend` they use.
"""

from __future__ import annotations

import json
import logging
import urllib.request
import uuid
from collections.abc import Iterable
from typing import Any, Final

from transcribe_kit import TranscribeClient
from transcribe_kit._session import new_session

#: The state-manager names of moto's Transcribe resources.
MOTO_MODELS: Final = (
    "transcribe::transcriptionjob",
    "transcribe::medicaltranscriptionjob",
    "transcribe::vocabulary",
    "transcribe::medicalvocabulary",
)


class MotoServer:
    """moto's ``ThreadedMotoServer`` on a free loopback port, driven like a LocalBackend.

    moto's state is shared by the whole process (other tests use moto too): instead of
    emptying it, :meth:`reset` moves the clients it makes to an account of their own
    (moto keys its backends by the ``x-moto-account-id`` header), and :meth:`restore`
    gives the transitions back their defaults.
    """

    region_name = "us-east-1"

    def __init__(self) -> None:
        self.account_id = ""
        from moto.server import ThreadedMotoServer

        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint_url = f"http://{host}:{port}"

    def stop(self) -> None:
        self._server.stop()

    @property
    def client_settings(self) -> dict[str, Any]:
        return {
            "region_name": self.region_name,
            "endpoint_url": self.endpoint_url,
            "aws_access_key_id": "testing",
            "aws_secret_access_key": "testing",
        }

    def client(self, **settings: Any) -> TranscribeClient:
        session = new_session()
        session.register("before-sign.transcribe", self._in_account)
        return TranscribeClient(session=session, **{**self.client_settings, **settings})

    def _in_account(self, request: Any, **_: Any) -> None:
        request.headers["x-moto-account-id"] = self.account_id

    def reset(self) -> None:
        """An account no test used yet, where each resource moves one status per Get."""
        self.account_id = str(uuid.uuid4().int)[:12].rjust(12, "1")
        self.restore()

    def restore(self) -> None:
        """Give moto's Transcribe transitions back their defaults (one status per Get)."""
        for model in MOTO_MODELS:
            self._post("/moto-api/state-manager/unset-transition", {"model_name": model})

    def set_progression(
        self,
        models: Iterable[str] = MOTO_MODELS[:2],
        *,
        seconds: float | None = None,
        reads: int | None = None,
    ) -> None:
        if reads is not None:
            transition: dict[str, Any] = {"progression": "manual", "times": reads}
        elif seconds is not None:
            transition = {"progression": "time", "seconds": seconds}
        else:
            transition = {"progression": "immediate"}
        for model in models:
            if model in MOTO_MODELS:
                body = {"model_name": model, "transition": transition}
                self._post("/moto-api/state-manager/set-transition", body)

    def _post(self, path: str, body: dict[str, Any]) -> None:
        request = urllib.request.Request(
            self.endpoint_url + path, data=json.dumps(body).encode(), method="POST"
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            answer.read()
