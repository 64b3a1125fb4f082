"""Clients of the other AWS services the library uses beside Transcribe, and calls on them.

Job-state events need SQS and EventBridge, shared rate limits DynamoDB. Their clients are
made like the S3 client that reads transcripts: from the Transcribe client's session,
region, credentials and botocore ``Config`` (botocore's retries off), and its endpoint
when that is a local server (an endpoint on an AWS host belongs to Transcribe alone).
Every call goes through a :class:`~transcribe_kit.RetryPolicy` and comes out with the
typed errors of :mod:`transcribe_kit.errors`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager
from typing import Any

from botocore import xform_name

from transcribe_kit._clock import SYSTEM_CLOCK, Clock
from transcribe_kit._error_mapping import translated
from transcribe_kit._session import new_session, single_attempt_config
from transcribe_kit.errors import TranscribeError
from transcribe_kit.retry import RetryPolicy
from transcribe_kit.transcript._location import is_aws_endpoint


def companion_client(
    service_name: str,
    transcribe_client: Any,
    *,
    session: Any | None,
    settings: Mapping[str, Any] | None,
) -> AbstractAsyncContextManager[Any]:
    """An aiobotocore client of ``service_name`` with the Transcribe client's settings.

    ``session`` and ``settings`` are those the Transcribe client was made with; ``None``
    for a client made elsewhere, whose region and endpoint are then used with the default
    credentials.
    """
    if session is None or settings is None:
        meta = transcribe_client.meta
        session = new_session()
        settings = {"region_name": meta.region_name, "endpoint_url": meta.endpoint_url}
    return open_client(service_name, session=session, settings=settings)


def open_client(
    service_name: str, *, session: Any | None, settings: Mapping[str, Any]
) -> AbstractAsyncContextManager[Any]:
    """An aiobotocore client of ``service_name`` from ``settings`` (``create_client`` keywords).

    ``session`` defaults to a new one (:func:`~transcribe_kit._session.new_session`);
    the endpoint is kept only when it is not an AWS host of another service.
    """
    arguments = {key: value for key, value in settings.items() if value}
    config = single_attempt_config(arguments.pop("config", None))
    endpoint_url = arguments.pop("endpoint_url", None)
    if endpoint_url is not None and not is_aws_endpoint(endpoint_url):
        arguments["endpoint_url"] = endpoint_url
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
