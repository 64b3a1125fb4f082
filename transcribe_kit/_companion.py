"""Clients of the other AWS services the library uses beside Transcribe, and calls on them.

Result documents need S3, job-state events SQS and EventBridge, shared rate limits
DynamoDB. Their clients are all made here, alike: from the Transcribe client's session,
region, credentials and botocore ``Config`` (botocore's retries off), and its endpoint
when that is a local server (an endpoint on an AWS host belongs to Transcribe alone; a
local server serves S3 path style). The endpoint is the one the Transcribe client was
given, or else the one it resolved (``AWS_ENDPOINT_URL_TRANSCRIBE``, ``AWS_ENDPOINT_URL``
or the config file). Every call goes through a :class:`~transcribe_kit.RetryPolicy` and
comes out with the typed errors of :mod:`transcribe_kit.errors`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager
from typing import Any

from botocore import xform_name
from botocore.config import Config

from transcribe_kit._clock import SYSTEM_CLOCK, Clock
from transcribe_kit._error_mapping import translated
from transcribe_kit._session import new_session, single_attempt_config
from transcribe_kit.errors import TranscribeError
from transcribe_kit.retry import RetryPolicy
from transcribe_kit.transcript._location import is_aws_endpoint


def local_endpoint(endpoint_url: str | None) -> str | None:
    """``endpoint_url`` if it is a local server's rather than a host of AWS, else ``None``."""
    return endpoint_url if endpoint_url and not is_aws_endpoint(endpoint_url) else None


def companion_settings(
    transcribe_client: Any, *, session: Any | None, settings: Mapping[str, Any] | None
) -> tuple[Any, dict[str, Any]]:
    """The session and ``create_client`` settings of clients made beside a Transcribe client.

    ``session`` and ``settings`` are those the Transcribe client was made with; ``None``
    for a client made elsewhere, whose region and endpoint are then used with the default
    credentials. Without an endpoint in ``settings``, the client's resolved one is used.
    """
    meta = transcribe_client.meta
    if session is None or settings is None:
        return new_session(), {"region_name": meta.region_name, "endpoint_url": meta.endpoint_url}
    return session, {**settings, "endpoint_url": settings.get("endpoint_url") or meta.endpoint_url}


def companion_client(
    service_name: str,
    transcribe_client: Any,
    *,
    session: Any | None,
    settings: Mapping[str, Any] | None,
) -> AbstractAsyncContextManager[Any]:
    """An aiobotocore client of ``service_name`` with the Transcribe client's settings.

    ``session`` and ``settings`` as :func:`companion_settings` takes them.
    """
    chosen, arguments = companion_settings(transcribe_client, session=session, settings=settings)
    return open_client(service_name, session=chosen, settings=arguments)


def open_client(
    service_name: str, *, session: Any | None, settings: Mapping[str, Any]
) -> AbstractAsyncContextManager[Any]:
    """An aiobotocore client of ``service_name`` from ``settings`` (``create_client`` keywords).

    ``session`` defaults to a new one (:func:`~transcribe_kit._session.new_session`);
    the endpoint is kept only when it is a local server's (:func:`local_endpoint`), which
    serves S3 path style.
    """
    arguments = {key: value for key, value in settings.items() if value}
    config = single_attempt_config(arguments.pop("config", None))
    endpoint_url = local_endpoint(arguments.pop("endpoint_url", None))
    if endpoint_url is not None:
        arguments["endpoint_url"] = endpoint_url
        if service_name == "s3":
            config = config.merge(Config(s3={"addressing_style": "path"}))
    opened = (session or new_session()).create_client(service_name, config=config, **arguments)
    return opened  # type: ignore[no-any-return]


class OwnedClient:
    """An aiobotocore client made from settings and closed here, or one given and left open.

    ``settings`` are ``create_client`` keywords (``None`` values are left out); ``session``
    defaults to a new one for ``profile_name``. ``what`` names the owner in the error for
    use before :meth:`open`.
    """

    def __init__(
        self,
        service_name: str,
        *,
        what: str,
        settings: Mapping[str, Any],
        profile_name: str | None = None,
        session: Any | None = None,
        client: Any | None = None,
    ) -> None:
        if client is not None and (
            session is not None or settings.get("region_name") or settings.get("endpoint_url")
        ):
            raise ValueError("pass either client= or the settings to create one, not both")
        self._service_name = service_name
        self._what = what
        self._settings = dict(settings)
        self._profile_name = profile_name
        self._session = session
        self._client = client
        self._stack: contextlib.AsyncExitStack | None = None

    async def open(self) -> Any:
        """The client, created on the first call."""
        if self._client is None:
            stack = contextlib.AsyncExitStack()
            session = self._session or new_session(self._profile_name)
            self._client = await stack.enter_async_context(
                open_client(self._service_name, session=session, settings=self._settings)
            )
            self._stack = stack
        return self._client

    async def close(self) -> None:
        """Close the client if it was created here; a no-op otherwise."""
        stack, self._stack = self._stack, None
        if stack is not None:
            self._client = None
            await stack.aclose()

    def check_open(self) -> None:
        """Raise :class:`~transcribe_kit.TranscribeError` unless the client is open."""
        if self._client is None:
            raise TranscribeError(f"{self._what} is not open: use `async with`")

    @property
    def client(self) -> Any:
        """The open client (see :meth:`check_open`)."""
        self.check_open()
        return self._client


async def call(
    client: Any,
    operation_name: str,
    params: Mapping[str, Any],
    *,
    retry_policy: RetryPolicy,
    clock: Clock = SYSTEM_CLOCK,
) -> dict[str, Any]:
    """Call ``operation_name`` on an aiobotocore client, retried by ``retry_policy``.

    What botocore raises comes out as the typed errors of :mod:`transcribe_kit.errors`.
    """
    method = getattr(client, xform_name(operation_name))

    async def attempt() -> dict[str, Any]:
        response: dict[str, Any] = await translated(method(**params), operation_name)
        return response

    return await retry_policy.call(operation_name, attempt, clock=clock)
