"""What every kind of job and vocabulary on the local backend does alike, tested for each."""

from __future__ import annotations

import pytest

from tests.integration._kind_calls import VARIANTS, KindCalls
from tests.integration._support import expect_service_error
from transcribe_kit import (
    ConflictError,
    NotFoundError,
    RequestValidationError,
    ResourceNotFoundError,
    TranscribeClient,
)

#: These operations run against moto's own server as well (see conftest.py).
ALSO_AGAINST_MOTO = True


@pytest.fixture(params=VARIANTS, ids=lambda variant: variant.kind.noun)
def resources(request: pytest.FixtureRequest) -> KindCalls:
    variant: KindCalls = request.param
    return variant


async def test_a_deleted_one_is_gone(tk: TranscribeClient, resources: KindCalls) -> None:
    await resources.create(tk, "short-lived")

    await resources.call(tk, "delete", resources.kind.delete_request("short-lived"))

    assert await resources.listed_names(tk) == []
    with pytest.raises(NotFoundError):
        await resources.get(tk, "short-lived")


@pytest.mark.parametrize("role", ["get", "delete"])
async def test_a_missing_one_is_a_not_found_error(
    tk: TranscribeClient, resources: KindCalls, role: str
) -> None:
    kind = resources.kind
    request = kind.get_request("nothing") if role == "get" else kind.delete_request("nothing")

    await expect_service_error(
        resources.call(tk, role, request),
        ResourceNotFoundError,
        code="BadRequestException",
        operation_name=getattr(kind.operations, role),
    )


async def test_a_name_taken_is_a_conflict(tk: TranscribeClient, resources: KindCalls) -> None:
    await resources.create(tk, "taken")

    await expect_service_error(
        resources.create(tk, "taken"),
        ConflictError,
        code="ConflictException",
        operation_name=resources.kind.operations.create,
    )


async def test_an_invalid_request_is_refused_before_sending(
    tk: TranscribeClient, resources: KindCalls
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        await resources.call(tk, "create", resources.invalid_request)

    assert caught.value.field == resources.invalid_field
    assert caught.value.operation_name == resources.kind.operations.create
    assert await resources.listed_names(tk) == []
