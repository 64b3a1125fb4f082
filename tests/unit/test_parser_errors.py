"""What botocore's response parser raises on a malformed answer becomes MalformedResponseError.

The answers are parsed by botocore's own JSON parser, as aiobotocore does for an error
answer (and for every answer of a call made on the aiobotocore client directly), in a
session of transcribe_kit and in a plain one.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from aiobotocore.session import get_session
from botocore.model import OperationModel

from transcribe_kit import MalformedResponseError
from transcribe_kit._error_mapping import translate
from transcribe_kit._session import new_session

SESSIONS = {"transcribe_kit": new_session, "plain": get_session}


def _operation(name: str) -> OperationModel:
    model = asyncio.run(new_session().get_service_model("transcribe"))
    return model.operation_model(name)


def _parse_failure(session: str, operation: str, body: bytes, status: int = 200) -> Exception:
    """What botocore's parser raises for ``body`` as the answer to ``operation``."""
    parser = SESSIONS[session]().get_component("response_parser_factory").create_parser("json")
    headers = {"x-amzn-requestid": "00000000-0000-4000-8000-000000000001"}
    answer: dict[str, Any] = {"body": body, "headers": headers, "status_code": status}
    try:
        asyncio.run(parser.parse(answer, _operation(operation).output_shape))
    except Exception as error:  # whatever botocore raises is the subject here
        return error
    raise AssertionError(f"botocore parsed {body!r}")


@pytest.mark.parametrize("session", SESSIONS)
@pytest.mark.parametrize(
    ("operation", "body", "path", "reason"),
    [
        pytest.param(
            "GetTranscriptionJob",
            b'{"TranscriptionJob": ["job-1"]}',
            "TranscriptionJob",
            "expected an object, got a list",
            id="list-for-structure",
        ),
        pytest.param(
            "GetTranscriptionJob",
            b'{"TranscriptionJob": {"Settings": 5}}',
            "TranscriptionJob.Settings",
            "expected an object, got 5",
            id="number-for-nested-structure",
        ),
        pytest.param(
            "ListTranscriptionJobs",
            b'{"TranscriptionJobSummaries": 7}',
            "TranscriptionJobSummaries",
            "expected a list, got 7",
            id="number-for-list",
        ),
        pytest.param(
            "ListTranscriptionJobs",
            b'{"TranscriptionJobSummaries": [{}, {"CreationTime": "soon"}]}',
            "TranscriptionJobSummaries[1].CreationTime",
            'expected a timestamp, got "soon"',
            id="timestamp-in-list",
        ),
        pytest.param(
            "GetTranscriptionJob",
            b'{"TranscriptionJob": {"LanguageIdSettings": ["en-US"]}}',
            "TranscriptionJob.LanguageIdSettings",
            "expected an object, got a list",
            id="list-for-map",
        ),
        pytest.param(
            "GetTranscriptionJob",
            b"null",
            "",
            "expected an object, got null",
            id="null-body",
        ),
    ],
)
def test_a_parser_failure_is_named_by_operation_and_path(
    session: str, operation: str, body: bytes, path: str, reason: str
) -> None:
    mapped = translate(_parse_failure(session, operation, body), operation)

    assert isinstance(mapped, MalformedResponseError)
    assert (mapped.operation_name, mapped.path, mapped.reason) == (operation, path, reason)


def test_nesting_too_deep_for_the_parser_is_malformed() -> None:
    body = b"[" * 100_000 + b"]" * 100_000

    mapped = translate(_parse_failure("plain", "GetTranscriptionJob", body), "GetTranscriptionJob")

    assert isinstance(mapped, MalformedResponseError)
    assert mapped.reason == "nested too deeply to read"


def test_an_error_answer_that_is_no_object_is_malformed() -> None:
    error = _parse_failure("plain", "GetTranscriptionJob", b"[1]", status=400)

    mapped = translate(error, "GetTranscriptionJob")

    assert isinstance(mapped, MalformedResponseError)
    assert mapped.path == ""


def _attribute_error() -> AttributeError:
    try:
        None.get  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as error:
        return error
    raise AssertionError("None has no attributes")


def test_the_same_exception_raised_elsewhere_is_not_a_malformed_answer() -> None:
    assert translate(_attribute_error(), "GetTranscriptionJob") is None
