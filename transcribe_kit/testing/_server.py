"""The local backend's server: moto's server, and the front server before it, in one process.

:class:`BackendServer` runs in the process that owns it: ``python -m transcribe_kit.local``
runs one in the foreground, and every :class:`~transcribe_kit.testing.LocalBackend` runs
one in a child process of its own (``python -m transcribe_kit.testing._server``), so that
no state is shared between backends through moto's process-wide backends (S3 bucket names
among them), however many run in one test process.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import threading
import urllib.request
from collections.abc import Sequence
from typing import Any, Final

from transcribe_kit.testing._clock import Clock
from transcribe_kit.testing._control import Control
from transcribe_kit.testing._events import EventPublisher
from transcribe_kit.testing._front import FrontServer, Ticker
from transcribe_kit.testing._outputs import S3Store, Site
from transcribe_kit.testing._pending import PendingDocuments
from transcribe_kit.testing._resources import ACCOUNT_ID, ResourceStore
from transcribe_kit.testing._script import DEFAULT_SECONDS
from transcribe_kit.testing._writer import JobWriter, Transcripts

_READY: Final = "endpoint_url"


class BackendServer:
    """moto's server on a free loopback port, and the front server on ``port`` (0: free)."""

    def __init__(
        self, *, region_name: str = "us-east-1", port: int = 0, seconds: float = DEFAULT_SECONDS
    ) -> None:
        self.region_name = region_name
        self._port = port
        self._seconds = seconds
        self._moto: Any | None = None
        self._front: FrontServer | None = None
        self._ticker: Ticker | None = None
        self.endpoint_url = ""

    def start(self) -> str:
        """Start both servers; return the front server's URL."""
        from moto.server import ThreadedMotoServer

        # The servers' access logs would interleave a line per request with the caller's output.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        moto.start()
        self._moto = moto
        host, port = moto.get_host_and_port()
        upstream = f"http://{host}:{port}"

        store = ResourceStore(site=Site(self.region_name, ACCOUNT_ID), clock=Clock())
        transcripts = Transcripts()
        s3 = S3Store(account_id=ACCOUNT_ID, region_name=self.region_name)
        pending = PendingDocuments(s3)
        store.write_outputs = JobWriter(store, s3, transcripts, pending)
        store.observers.append(EventPublisher(store))

        def reset_upstream() -> None:
            pending.clear()
            _post(upstream, "/moto-api/reset")

        control = Control(store, transcripts, reset_upstream=reset_upstream)
        control.run("default", {"seconds": self._seconds})
        lock = threading.Lock()
        ticker = Ticker(store, lock)
        store.clock.listener = ticker.wake
        self._front = FrontServer(
            upstream,
            store,
            control,
            lock,
            pending=pending,
            on_change=ticker.wake,
            on_s3_change=transcripts.found.clear,
        )
        self.endpoint_url = self._front.start(self._port)
        store.site = Site(self.region_name, ACCOUNT_ID, self.endpoint_url)
        self._ticker = ticker
        ticker.start()
        return self.endpoint_url

    def stop(self) -> None:
        """Stop both servers."""
        ticker, self._ticker = self._ticker, None
        if ticker is not None:
            ticker.stop()
        front, self._front = self._front, None
        if front is not None:
            front.stop()
        moto, self._moto = self._moto, None
        if moto is not None:
            moto.stop()


def _post(base: str, path: str) -> None:
    request = urllib.request.Request(base + path, data=b"{}", method="POST")
    with urllib.request.urlopen(request, timeout=30) as answer:
        answer.read()


def main(argv: Sequence[str] | None = None) -> None:
    """Serve as a LocalBackend's child: the URL on the first line of stdout, until stdin ends."""
    parser = argparse.ArgumentParser(prog="python -m transcribe_kit.testing._server")
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--seconds", type=float, default=DEFAULT_SECONDS)
    args = parser.parse_args(argv)
    server = BackendServer(region_name=args.region, seconds=args.seconds)
    endpoint_url = server.start()
    sys.stdout.write(json.dumps({_READY: endpoint_url}) + "\n")
    sys.stdout.flush()
    # Nothing else may go to the pipe the parent stops reading.
    sys.stdout = sys.stderr
    # The parent closes stdin to stop this server, and so does its death. All state dies
    # with the process: it ends at once, without waiting for the servers' threads.
    sys.stdin.buffer.read()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
