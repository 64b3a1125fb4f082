"""Rate limits shared by every process of an account: token buckets in a DynamoDB table.

Transcribe's request quotas are per account and region. Each
:class:`~transcribe_kit.TranscribeClient` paces itself with token buckets; by default they
live in its process (:class:`InProcessRateLimitBackend`), so N worker processes that each
keep to the quota send N times the quota. Give every worker the same
:class:`DynamoDBRateLimitBackend` and they draw from one bucket per operation::

    from transcribe_kit import TranscribeClient
    from transcribe_kit.rate_limiting import DynamoDBRateLimitBackend

    async with (
        DynamoDBRateLimitBackend("transcribe-rate-limits", region_name="us-east-1") as shared,
        TranscribeClient(region_name="us-east-1", rate_limit_backend=shared) as tk,
    ):
        ...

No service to run: the table holds one item per bucket, changed only by conditional
writes, so two processes never spend the same token. A process that finds its bucket
empty takes a token on credit and sleeps until it is due, as the in-process bucket does,
so waiters across processes are served in order without polling; the coroutines of one
process that want tokens at the same moment share one write. Every process must use the
same :class:`~transcribe_kit.RateLimits`, and the hosts' clocks must agree (NTP): a clock
``d`` seconds ahead lets ``rate * d`` extra tokens through once.

A process holds a token only once its write has come back, so tokens granted together
may leave up to one round trip to DynamoDB late, next to tokens granted after them. So
that this never puts more than rate + burst requests into one second, a shared bucket
holds ``rate * round trip`` fewer tokens than the in-process one (the slowest of the
last few calls; a fraction of a token at DynamoDB's usual few milliseconds).

For "at most N jobs running" across workers, do not count in a shared store: ask the
service to queue them (``JobExecutionSettings.AllowDeferredExecution``, up to 10,000
queued jobs per account), which no worker crash can leave miscounted.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Any, Final

import attrs
from botocore.config import Config

from transcribe_kit import _companion
from transcribe_kit._clock import Clock
from transcribe_kit._error_mapping import is_condition_failed, is_not_found
from transcribe_kit._rate_limit import (
    InProcessRateLimitBackend,
    RateLimitBackend,
    RateLimitBucket,
)
from transcribe_kit.errors import ServiceError, TranscribeError
from transcribe_kit.retry import RetryPolicy

__all__ = [
    "DynamoDBRateLimitBackend",
    "InProcessRateLimitBackend",
    "RateLimitBackend",
    "RateLimitBucket",
]

#: The table's partition key: ``<namespace>/<operation name>``.
KEY_ATTRIBUTE: Final = "bucket"
_NAMES: Final = {"#tokens": "tokens", "#updated": "updated", "#version": "version"}


@attrs.frozen
class _BucketState:
    """A bucket's item: tokens left (negative: owed), when it was counted, its version."""

    tokens: float
    updated: float
    version: int


def _state_of(item: Mapping[str, Any] | None) -> _BucketState | None:
    """The state an item holds, or ``None`` for no item (or one this library did not write)."""
    try:
        return _BucketState(
            float(item["tokens"]["N"]),  # type: ignore[index]
            float(item["updated"]["N"]),  # type: ignore[index]
            int(item["version"]["N"]),  # type: ignore[index]
        )
    except (KeyError, TypeError, ValueError):
        return None


def _number(value: float) -> dict[str, str]:
    return {"N": repr(float(value))}


class DynamoDBRateLimitBackend:
    """Token buckets in a DynamoDB table, shared by every process that uses the table.

    Use it as an async context manager and pass it to each client as
    ``TranscribeClient(rate_limit_backend=...)``. It creates its DynamoDB client from
    ``region_name``, ``endpoint_url``, ``profile_name``, credentials and a botocore
    ``Config`` (or the aiobotocore ``session`` given), or uses ``client=`` as it is (never
    closed here). The table (create it with :meth:`ensure_table` or the CloudFormation in
    the scaling-out guide) has a string partition key ``bucket``; each bucket's item is
    ``<namespace>/<operation>``. ``namespace`` defaults to the DynamoDB client's region:
    give the Transcribe region when workers of several regions share one table, since
    quotas are per region.

    Calls to DynamoDB are retried by ``retry_policy`` (default
    :class:`~transcribe_kit.RetryPolicy`); when DynamoDB cannot be reached the Transcribe
    call that wanted a token fails with the typed error, rather than going out unpaced.
    ``wall_clock`` is the shared timeline (seconds since the epoch; replace it in tests).
    A waiter cancelled while it sleeps does not give its token back: the limiter errs
    towards fewer requests.
    """

    def __init__(
        self,
        table_name: str,
        *,
        namespace: str | None = None,
        region_name: str | None = None,
        endpoint_url: str | None = None,
        profile_name: str | None = None,
        aws_access_key_id: str | None = None,
        aws_secret_access_key: str | None = None,
        aws_session_token: str | None = None,
        config: Config | None = None,
        session: Any | None = None,
        client: Any | None = None,
        retry_policy: RetryPolicy | None = None,
        wall_clock: Callable[[], float] = time.time,
        max_conflicts: int = 100,
    ) -> None:
        if not table_name:
            raise ValueError("table_name must not be empty")
        if max_conflicts < 1:
            raise ValueError(f"max_conflicts must be at least 1, got {max_conflicts}")
        self.table_name = table_name
        self._namespace = namespace
        self._dynamodb = _companion.OwnedClient(
            "dynamodb",
            what="the rate limit backend",
            settings={
                "region_name": region_name,
                "endpoint_url": endpoint_url,
                "aws_access_key_id": aws_access_key_id,
                "aws_secret_access_key": aws_secret_access_key,
                "aws_session_token": aws_session_token,
                "config": config,
            },
            profile_name=profile_name,
            session=session,
            client=client,
        )
        self.retry_policy = retry_policy or RetryPolicy()
        self.wall_clock = wall_clock
        self.max_conflicts = max_conflicts
        self._round_trips: deque[float] = deque(maxlen=8)

    @property
    def round_trip(self) -> float:
        """The slowest of the last eight calls to DynamoDB, in seconds (0 before any)."""
        return max(self._round_trips, default=0.0)

    async def __aenter__(self) -> DynamoDBRateLimitBackend:
        await self._dynamodb.open()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the DynamoDB client this object created; a no-op otherwise."""
        await self._dynamodb.close()

    @property
    def dynamodb_client(self) -> Any:
        """The aiobotocore DynamoDB client (open only inside ``async with``)."""
        return self._dynamodb.client

    @property
    def namespace(self) -> str:
        """The prefix of this backend's bucket keys (known once open, unless given)."""
        if self._namespace is not None:
            return self._namespace
        return str(self._dynamodb.client.meta.region_name or "default")

    def bucket(
        self,
        name: str,
        rate: float,
        capacity: float,
        *,
        clock: Clock,
    ) -> RateLimitBucket:
        """The shared bucket of ``name`` (it sleeps on ``clock``; it keeps wall time)."""
        if rate <= 0 or capacity < 1:
            raise ValueError("a token bucket needs a positive rate and room for one token")
        self._dynamodb.check_open()
        return _SharedBucket(self, f"{self.namespace}/{name}", rate, capacity, clock.sleep)

    async def ensure_table(self) -> None:
        """Create the table (on-demand capacity) unless it exists, and wait until it is active."""
        try:
            described = await self._call("DescribeTable", TableName=self.table_name)
        except ServiceError as error:
            if not is_not_found(error):
                raise
            described = await self._call(
                "CreateTable",
                TableName=self.table_name,
                AttributeDefinitions=[{"AttributeName": KEY_ATTRIBUTE, "AttributeType": "S"}],
                KeySchema=[{"AttributeName": KEY_ATTRIBUTE, "KeyType": "HASH"}],
                BillingMode="PAY_PER_REQUEST",
            )
        # A new table takes a few seconds to become ACTIVE; two minutes is generous.
        for _ in range(120):
            description = described.get("Table") or described.get("TableDescription") or {}
            if description.get("TableStatus") == "ACTIVE":
                return
            await asyncio.sleep(1.0)
            described = await self._call("DescribeTable", TableName=self.table_name)
        raise TranscribeError(f"the DynamoDB table {self.table_name} did not become ACTIVE")

    async def _call(self, operation_name: str, **params: Any) -> dict[str, Any]:
        started = self.wall_clock()
        try:
            return await _companion.call(
                self._dynamodb.client, operation_name, params, retry_policy=self.retry_policy
            )
        finally:
            self._round_trips.append(max(0.0, self.wall_clock() - started))

    async def _write(self, key: str, state: _BucketState, previous_version: int) -> None:
        """Store ``state`` if the item is still at ``previous_version`` (0: no item yet)."""
        values = {
            ":tokens": _number(state.tokens),
            ":updated": _number(state.updated),
            ":next": {"N": str(state.version)},
        }
        if previous_version:
            values[":version"] = {"N": str(previous_version)}
            condition = "#version = :version"
        else:
            condition = "attribute_not_exists(#version)"
        await self._call(
            "UpdateItem",
            TableName=self.table_name,
            Key={KEY_ATTRIBUTE: {"S": key}},
            UpdateExpression="SET #tokens = :tokens, #updated = :updated, #version = :next",
            ConditionExpression=condition,
            ExpressionAttributeNames=_NAMES,
            ExpressionAttributeValues=values,
            ReturnValuesOnConditionCheckFailure="ALL_OLD",
        )

    async def _read(self, key: str) -> _BucketState | None:
        answer = await self._call(
            "GetItem",
            TableName=self.table_name,
            Key={KEY_ATTRIBUTE: {"S": key}},
            ConsistentRead=True,
        )
        return _state_of(answer.get("Item"))


class _SharedBucket:
    """One operation's bucket in the table; this process remembers the item it last saw.

    The coroutines of one process that want tokens at the same time are served by one
    conditional write for all of them: the tokens get consecutive due times, as they
    would one by one, and the processes contend for the item once per write rather
    than once per request.
    """

    def __init__(
        self,
        backend: DynamoDBRateLimitBackend,
        key: str,
        rate: float,
        capacity: float,
        sleep: Callable[[float], Awaitable[None]],
    ) -> None:
        self.key = key
        self.rate = rate
        self.capacity = capacity
        self._backend = backend
        self._sleep = sleep
        self._known: _BucketState | None = None
        # The coroutines waiting for a token; whoever holds the lock writes for them all.
        self._waiting: list[asyncio.Future[float]] = []
        self._lock = asyncio.Lock()

    async def acquire(self) -> float:
        """Take one token, waiting until it is due; returns the seconds waited for."""
        waiter: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self._waiting.append(waiter)
        try:
            # One turn of the loop first, so that coroutines asking at the same moment
            # share the write.
            await asyncio.sleep(0)
            async with self._lock:
                if not waiter.done():
                    await self._serve_waiting(waiter)
        except asyncio.CancelledError:
            if waiter in self._waiting:
                self._waiting.remove(waiter)
            raise
        due = await waiter
        # Until the time the token is due, not for a span: the write and the turns of the
        # lock since the reservation are already spent.
        wait = max(0.0, due - self._backend.wall_clock())
        if wait > 0:
            await self._sleep(wait)
        return wait

    async def _serve_waiting(self, own: asyncio.Future[float]) -> None:
        """Reserve a token for every waiting coroutine with one write; tell each when it is due."""
        batch = [waiter for waiter in self._waiting if not waiter.done()]
        self._waiting = []
        try:
            due_times = await self._reserve(len(batch))
        except asyncio.CancelledError:
            # This coroutine is going away: the others wait for the next holder of the lock.
            self._waiting[:0] = [waiter for waiter in batch if waiter is not own]
            raise
        except Exception as error:
            for waiter in batch:
                if not waiter.done():
                    waiter.set_exception(error)
            return
        for waiter, due in zip(batch, due_times, strict=True):
            if not waiter.done():
                waiter.set_result(due)

    async def _reserve(self, count: int) -> list[float]:
        """Take ``count`` tokens (on credit if too few are left); the wall time each is due."""
        backend = self._backend
        if self._known is None:
            # First use in this process: read the item (which also times a round trip).
            self._known = await backend._read(self.key)
        for _ in range(backend.max_conflicts):
            now = backend.wall_clock()
            seen = self._known or _BucketState(self.capacity, now, 0)
            # Room for what the rate adds while the write is under way (see the module).
            capacity = max(1.0, self.capacity - self.rate * backend.round_trip)
            # A host whose clock is behind the last writer's adds no time to the bucket.
            tokens = min(capacity, seen.tokens + max(0.0, now - seen.updated) * self.rate)
            taken = _BucketState(tokens - count, max(now, seen.updated), seen.version + 1)
            try:
                await backend._write(self.key, taken, seen.version)
            except ServiceError as error:
                if not is_condition_failed(error):
                    raise
                # Another process wrote first: start again from what it wrote, which the
                # failed write answers with (a read if it does not).
                self._known = _state_of(error.response.get("Item")) or await backend._read(self.key)
                continue
            self._known = taken
            # The i-th token takes the bucket from ``tokens - i`` to ``tokens - i - 1``.
            return [now + max(0.0, (index + 1 - tokens) / self.rate) for index in range(count)]
        raise TranscribeError(
            f"the shared rate limit {self.key} changed under {backend.max_conflicts} writes "
            "in a row; too many processes share it for one table item"
        )
