"""Random sequences of transport and service faults on the wire, through the real stack.

Each example puts a fault (or none) on each attempt of one call, between the client and
the local backend, and checks what the caller relies on: the call succeeds when an
attempt gets through within the policy, or raises the typed error of the last fault;
exactly the attempts the policy allows reach the wire; a start creates the job at most
once and returns it only when it exists. ``SLOW`` faults, which cost a read timeout each,
are left to the example tests of ``test_faults.py``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable
from typing import Final, TypeVar

import pytest_asyncio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.integration.fault_proxy import Fault, FaultKind, FaultProxy
from tests.integration.test_faults import QUICK_RETRIES, _job_names_on_backend, _start_request
from tests.integration.test_faults import _through_proxy as through_proxy
from transcribe_kit import (
    ConnectError,
    InternalFailureError,
    LimitExceededError,
    ThrottlingError,
    TranscribeClient,
    TranscribeError,
)
from transcribe_kit.testing import LocalBackend

T = TypeVar("T")

ERROR_OF: Final[dict[FaultKind, type[TranscribeError]]] = {
    FaultKind.THROTTLE: ThrottlingError,
    FaultKind.LIMIT_EXCEEDED: LimitExceededError,
    FaultKind.SERVER_ERROR: InternalFailureError,
    FaultKind.DROP_BEFORE: ConnectError,
    FaultKind.DROP_AFTER: ConnectError,
}
ATTEMPTS: Final = QUICK_RETRIES.max_attempts

#: A fault, or ``None`` for an attempt that goes through, for each attempt of the policy.
plans = st.lists(
    st.one_of(st.none(), st.sampled_from(sorted(ERROR_OF, key=lambda kind: kind.name))),
    min_size=ATTEMPTS,
    max_size=ATTEMPTS,
)

FAULT_SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest_asyncio.fixture
async def wire(local_backend: LocalBackend) -> AsyncIterator[tuple[FaultProxy, TranscribeClient]]:
    """One proxy and client for all the examples of a test; each example sets its faults."""
    async with through_proxy(local_backend, ()) as (proxy, client):
        yield proxy, client


def _plan_faults(
    proxy: FaultProxy, backend: LocalBackend, operation: str, plan: list[FaultKind | None]
) -> None:
    """An empty backend, and the faults of ``plan`` on the calls of ``operation`` from now."""
    backend.reset()
    proxy.calls.clear()
    proxy.injected.clear()
    proxy.faults = [
        Fault(operation, kind, frozenset({call}))
        for call, kind in enumerate(plan, start=1)
        if kind is not None
    ]


def _tried(plan: list[FaultKind | None]) -> list[FaultKind | None]:
    """The attempts the policy makes: up to the first that gets through, or all."""
    through = plan.index(None) if None in plan else len(plan) - 1
    return plan[: through + 1]


async def _outcome(call: Awaitable[T]) -> T | TranscribeError:
    """What ``call`` returned, or the library error it raised (anything else escapes)."""
    try:
        return await call
    except TranscribeError as error:
        return error


def _check(outcome: object, tried: list[FaultKind | None], operation_name: str) -> None:
    """A success if the last attempt got through; else the error of the last fault."""
    last = tried[-1]
    if last is None:
        assert not isinstance(outcome, TranscribeError), outcome
    else:
        assert type(outcome) is ERROR_OF[last]
        assert isinstance(outcome, TranscribeError)
        assert outcome.operation_name == operation_name


@FAULT_SETTINGS
@given(plan=plans)
async def test_a_list_call_under_faults_succeeds_or_raises_the_last_faults_error(
    local_backend: LocalBackend,
    wire: tuple[FaultProxy, TranscribeClient],
    plan: list[FaultKind | None],
) -> None:
    proxy, client = wire
    _plan_faults(proxy, local_backend, "ListTranscriptionJobs", plan)
    tried = _tried(plan)

    outcome = await _outcome(client.list_transcription_jobs())

    assert proxy.calls["ListTranscriptionJobs"] == len(tried)
    _check(outcome, tried, "ListTranscriptionJobs")
    if not isinstance(outcome, TranscribeError):
        assert outcome.transcription_job_summaries == []


@FAULT_SETTINGS
@given(plan=plans)
async def test_a_start_under_faults_creates_its_job_at_most_once_and_returns_only_that(
    local_backend: LocalBackend,
    wire: tuple[FaultProxy, TranscribeClient],
    plan: list[FaultKind | None],
) -> None:
    proxy, client = wire
    _plan_faults(proxy, local_backend, "StartTranscriptionJob", plan)
    tried = _tried(plan)

    outcome = await _outcome(client.start_transcription_job(_start_request("faulted")))

    _check(outcome, tried, "StartTranscriptionJob")
    succeeded = not isinstance(outcome, TranscribeError)
    if not isinstance(outcome, TranscribeError):
        assert outcome.transcription_job is not None
        assert outcome.transcription_job.transcription_job_name == "faulted"

    proxy.faults = []
    names = await _job_names_on_backend(client)
    # The job exists when an attempt got through, or when one was carried out before its
    # answer was lost; never twice.
    reached = succeeded or FaultKind.DROP_AFTER in tried
    assert names == (["faulted"] if reached else [])
    assert proxy.calls["StartTranscriptionJob"] == len(tried)
