"""At the wire boundary only the documented errors come out, whatever goes in.

Requests: a member of any kind given a value of another type raises
RequestValidationError naming that member, before anything is sent. Answers: JSON of the
right shape served over real HTTP (a loopback server, a real aiobotocore client) reads as
botocore would read it; a member of the wrong type, or a required member left out, raises
MalformedResponseError naming the operation and the member; any JSON at all gives a
response or MalformedResponseError; an error answer gives a ServiceError or
MalformedResponseError. Nothing else escapes.
"""

from __future__ import annotations

import json
import math
import typing
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, Final

import attrs
import pytest
import pytest_asyncio
from botocore import xform_name
from botocore.model import Shape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests._model import (
    BUNDLED,
    INSTALLED,
    class_for,
    full_wire_dict,
    model,
    strip_optional,
)
from tests.fakes import FakeAioClient
from tests.json_server import FLAVOURS, JsonServer, client_for, json_server, to_json
from tests.property._strategies import Draw, wire_dicts
from transcribe_kit import (
    GetTranscriptionJobRequest,
    GetVocabularyRequest,
    LanguageCode,
    ListCallAnalyticsJobsRequest,
    ListTranscriptionJobsRequest,
    MalformedResponseError,
    Media,
    RequestValidationError,
    ServiceError,
    StartTranscriptionJobRequest,
    SyncMedia,
    TranscribeAudioRequest,
    TranscribeClient,
)
from transcribe_kit._converter import from_wire
from transcribe_kit._session import new_session
from transcribe_kit._validation import validate
from transcribe_kit.shapes._base import OpenEnum

SERVICE = model(BUNDLED)

#: Every example is one call over loopback HTTP; a handful per operation says enough.
ANSWERS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
REQUESTS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Requests


def _kind(shape: Shape) -> str:
    if shape.type_name == "string":
        return "enum" if shape.enum else "string"
    if shape.type_name == "structure" and shape.metadata.get("union"):
        return "union"
    kind: str = shape.type_name
    return {"long": "integer", "double": "float"}.get(kind, kind)


Path = tuple[str, ...]


def _members(shape: Shape, path: Path = ()) -> list[tuple[Path, Shape]]:
    """Every member below structure ``shape``, by the attribute path to it (depth first)."""
    cls = class_for(shape)
    by_wire = {
        field.metadata["transcribe_kit.wire_name"]: field.name for field in attrs.fields(cls)
    }
    found = []
    for name, member in shape.members.items():
        here = (*path, by_wire[name])
        found.append((here, member))
        if member.type_name == "structure" and len(here) < 4:
            found += _members(member, here)
    return found


def _operations_with_input() -> list[str]:
    return [name for name in SERVICE.operation_names if SERVICE.operation_model(name).input_shape]


def _request_members() -> dict[str, list[tuple[str, Path]]]:
    by_kind: dict[str, list[tuple[str, Path]]] = {}
    for operation in _operations_with_input():
        for path, member in _members(SERVICE.operation_model(operation).input_shape):
            by_kind.setdefault(_kind(member), []).append((operation, path))
    return by_kind


def _structure_members() -> dict[str, list[tuple[str, Path]]]:
    """Members of the structures of answers, for the kinds no request has."""
    by_kind: dict[str, list[tuple[str, Path]]] = {}
    for name in SERVICE.shape_names:
        shape = SERVICE.shape_for(name)
        if shape.type_name != "structure" or shape.metadata.get("exception"):
            continue
        for path, member in _members(shape):
            if len(path) == 1:
                by_kind.setdefault(_kind(member), []).append((name, path))
    return by_kind


REQUEST_MEMBERS: Final = _request_members()
STRUCTURE_MEMBERS: Final = _structure_members()
# Timestamps and floats appear in answers only: their members are checked on the
# structures that hold them (validation serves any shape).
KINDS: Final = sorted(set(REQUEST_MEMBERS) | {"timestamp", "float"})


def test_every_kind_of_member_is_covered() -> None:
    assert set(KINDS) == {
        "blob", "boolean", "enum", "float", "integer", "list", "map", "string",
        "structure", "timestamp", "union",
    }  # fmt: skip


def _accepts(annotation: Any, value: object) -> bool:
    """Whether ``value`` is of the annotated type (the contract, restated here)."""
    args = typing.get_args(annotation)
    origin = typing.get_origin(annotation)
    if origin is list:
        return isinstance(value, (list, tuple)) and all(_accepts(args[0], v) for v in value)
    if origin is dict:
        return isinstance(value, dict) and all(
            _accepts(args[0], k) and _accepts(args[1], v) for k, v in value.items()
        )
    if isinstance(annotation, type) and issubclass(annotation, OpenEnum):
        known = {member.value for member in annotation}
        return isinstance(value, annotation) or (isinstance(value, str) and value in known)
    if annotation is bool:
        return isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if annotation is float:
        return (isinstance(value, int) and not isinstance(value, bool)) or (
            isinstance(value, float) and math.isfinite(value)
        )
    if annotation is bytes:
        return isinstance(value, (bytes, bytearray))
    return isinstance(value, annotation)


SCALARS = st.one_of(
    st.booleans(),
    st.integers(),
    st.integers(min_value=2**64, max_value=2**200),
    st.floats(),
    st.text(max_size=8),
    st.sampled_from(["en-US", "COMPLETED", "mp3", "s3://bucket/a.mp3"]),
    st.binary(min_size=1, max_size=4),
    st.datetimes(),
    st.sampled_from([LanguageCode.EN_US, Media(media_file_uri="s3://b/a.mp3"), SyncMedia()]),
)
ANY_VALUE = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=2) | st.dictionaries(st.text(max_size=3), inner, max_size=2)
    ),
    max_leaves=4,
)


def _with_value(shape: Any, path: Path, value: object) -> Any:
    first, *rest = path
    current = getattr(shape, first)
    return attrs.evolve(
        shape, **{first: _with_value(current, tuple(rest), value) if rest else value}
    )


def _annotation(cls: type, path: Path) -> Any:
    """The annotation of the member at ``path`` below ``cls``, without ``| None``."""
    for name in path:
        annotation = attrs.fields_dict(attrs.resolve_types(cls))[name].type
        cls, _ = strip_optional(annotation)
    return cls


def _sample(shape_name: str) -> Any:
    shape = SERVICE.shape_for(shape_name)
    return from_wire(full_wire_dict(shape), class_for(shape))


def _refused(error: RequestValidationError, path: Path) -> bool:
    """Whether ``error`` names the member at ``path`` (or an item of it) as of a wrong type."""
    dotted = ".".join(path)
    return any(
        (field == dotted or field.startswith(f"{dotted}["))
        and rule.startswith(("must be ", "the key must be "))
        for field, rule in error.errors
    )


def _wrong_value(data: st.DataObject, shape: Any, path: Path) -> Any:
    """``shape`` with the member at ``path`` given a value of another type."""
    annotation = _annotation(type(shape), path)
    value = data.draw(ANY_VALUE.filter(lambda v: not _accepts(annotation, v)))
    return _with_value(shape, path, value)


@pytest.mark.parametrize("kind", sorted(REQUEST_MEMBERS))
@REQUESTS
@given(data=st.data())
async def test_a_request_member_of_another_type_is_refused_before_sending(
    kind: str, data: st.DataObject
) -> None:
    operation, path = data.draw(st.sampled_from(REQUEST_MEMBERS[kind]))
    request = _wrong_value(data, _sample(SERVICE.operation_model(operation).input_shape.name), path)
    fake = FakeAioClient(default={})

    async with TranscribeClient(client=fake) as client:
        with pytest.raises(RequestValidationError) as caught:
            await getattr(client, xform_name(operation))(request)

    assert caught.value.operation_name == operation
    assert _refused(caught.value, path), caught.value.errors
    assert fake.calls == []


@pytest.mark.parametrize("kind", sorted(set(KINDS) - set(REQUEST_MEMBERS)))
@REQUESTS
@given(data=st.data())
def test_a_structure_member_of_another_type_is_refused(kind: str, data: st.DataObject) -> None:
    name, path = data.draw(st.sampled_from(STRUCTURE_MEMBERS[kind]))
    shape = _wrong_value(data, _sample(name), path)

    with pytest.raises(RequestValidationError) as caught:
        validate(shape)

    assert _refused(caught.value, path), caught.value.errors


# Answers

CALLS: Final[dict[str, Callable[[TranscribeClient], Awaitable[object]]]] = {
    "GetTranscriptionJob": lambda tk: tk.get_transcription_job(
        GetTranscriptionJobRequest(transcription_job_name="job-1")
    ),
    "ListTranscriptionJobs": lambda tk: tk.list_transcription_jobs(ListTranscriptionJobsRequest()),
    "StartTranscriptionJob": lambda tk: tk.start_transcription_job(
        StartTranscriptionJobRequest(
            transcription_job_name="job-1",
            language_code=LanguageCode.EN_US,
            media=Media(media_file_uri="s3://bucket/a.mp3"),
        )
    ),
    "GetVocabulary": lambda tk: tk.get_vocabulary(GetVocabularyRequest(vocabulary_name="terms")),
    "ListCallAnalyticsJobs": lambda tk: tk.list_call_analytics_jobs(ListCallAnalyticsJobsRequest()),
    "TranscribeAudio": lambda tk: tk.transcribe_audio(
        TranscribeAudioRequest(media=SyncMedia(media_file_uri="s3://bucket/a.wav"))
    ),
}
#: Each operation through each kind of client (the ``tk`` fixture's parameter).
CASES: Final = [
    pytest.param(operation, flavour, id=f"{operation}-{flavour}")
    for operation in CALLS
    for flavour in FLAVOURS
    # The installed botocore, which a plain session uses, may predate the operation.
    if flavour == "own" or operation in model(INSTALLED).operation_names
]


#: Each test of answers runs for every operation of CASES, through its kind of client.
each_operation = pytest.mark.parametrize(("operation", "tk"), CASES, indirect=["tk"])


@pytest_asyncio.fixture
async def server() -> AsyncIterator[JsonServer]:
    async with json_server() as running:
        yield running


@pytest_asyncio.fixture
async def tk(server: JsonServer, request: pytest.FixtureRequest) -> AsyncIterator[TranscribeClient]:
    """One client for all the examples of a test: making one loads the service model."""
    async with client_for(server, request.param) as client:
        yield client


@each_operation
@ANSWERS
@given(data=st.data())
async def test_an_answer_of_the_right_shape_reads_as_botocore_reads_it(
    server: JsonServer, tk: TranscribeClient, operation: str, data: st.DataObject
) -> None:
    output = SERVICE.operation_model(operation).output_shape
    body = to_json(output, data.draw(wire_dicts(output)))
    parser = new_session().get_component("response_parser_factory").create_parser("json")
    encoded = json.dumps(body).encode()
    parsed = await parser.parse({"body": encoded, "headers": {}, "status_code": 200}, output)
    server.answer(encoded)

    response = await CALLS[operation](tk)

    assert response == from_wire(parsed, class_for(output))


def _wrong_json(shape: Shape) -> st.SearchStrategy[Any]:
    """JSON values that are not of the model type of ``shape``."""
    text = st.text(max_size=6)
    numbers = st.integers(-(2**70), 2**70) | st.floats(allow_nan=False)
    containers = st.lists(st.integers(), max_size=2) | st.dictionaries(
        text, st.integers(), max_size=2
    )
    kind = _kind(shape)
    if kind == "boolean":
        return numbers | text | containers
    if kind == "integer":
        return (
            st.booleans()
            | st.floats()
            | text
            | containers
            | st.integers(min_value=2**63, max_value=2**90)
        )
    if kind == "float":
        return (
            st.booleans()
            | text
            | containers
            | st.sampled_from([math.nan, math.inf, -math.inf, 10**400])
        )
    if kind in ("string", "enum"):
        return st.booleans() | numbers | containers
    if kind == "timestamp":
        words = st.sampled_from(["yesterday", "", "2026-13-45", "soon", "nan"])
        return (
            st.booleans() | containers | words | st.sampled_from([1e300, -1e300, math.nan, 2**70])
        )
    if kind == "blob":
        return st.booleans() | numbers | containers | st.sampled_from(["!!", "abc", "a=b="])
    if kind in ("structure", "union", "map"):
        return st.booleans() | numbers | text | st.lists(st.integers(), max_size=2)
    if kind == "list":
        return st.booleans() | numbers | text | st.dictionaries(text, st.integers(), max_size=2)
    raise AssertionError(kind)


def _present(shape: Shape, value: Any, path: str) -> list[tuple[str, Shape, Any, Any]]:
    """Every value in a wire value: its wire path, shape, container and key there."""
    found = []
    if shape.type_name == "structure":
        for name, item in value.items():
            here = f"{path}.{name}" if path else name
            found.append((here, shape.members[name], value, name))
            found += _present(shape.members[name], item, here)
    elif shape.type_name == "list":
        for index, item in enumerate(value):
            found.append((f"{path}[{index}]", shape.member, value, index))
            found += _present(shape.member, item, f"{path}[{index}]")
    elif shape.type_name == "map":
        for key, item in value.items():
            here = f"{path}[{json.dumps(key)}]"
            found.append((here, shape.value, value, key))
            found += _present(shape.value, item, here)
    return found


@st.composite
def _broken_answer(draw: Draw, output: Shape) -> tuple[dict[str, Any], str, str]:
    """A right-shaped answer with one value of the wrong type, or a required member gone.

    Gives the answer, the wire path of the broken member and the start of the reason
    (empty when the answer has nothing to break).
    """
    body = to_json(output, draw(wire_dicts(output)))
    present = _present(output, body, "")
    structures = [("", output, body)] + [
        (path, shape, container[key])
        for path, shape, container, key in present
        if shape.type_name == "structure"
    ]
    required = [
        (f"{path}.{name}" if path else name, value, name)
        for path, shape, value in structures
        for name in shape.required_members
        if name in value
    ]
    choices = (["wrong"] if present else []) + (["missing"] if required else [])
    if not choices:
        return body, "", ""
    if draw(st.sampled_from(choices)) == "missing":
        path, container, name = draw(st.sampled_from(required))
        del container[name]
        return body, path, "a required member is missing"
    path, shape, container, key = draw(st.sampled_from(present))
    container[key] = draw(_wrong_json(shape))
    return body, path, "expected "


@each_operation
@ANSWERS
@given(data=st.data())
async def test_a_value_of_the_wrong_type_is_named(
    server: JsonServer, tk: TranscribeClient, operation: str, data: st.DataObject
) -> None:
    output = SERVICE.operation_model(operation).output_shape
    body, path, reason = data.draw(_broken_answer(output))
    server.answer(body)

    if not path:
        await CALLS[operation](tk)
        return
    with pytest.raises(MalformedResponseError) as caught:
        await CALLS[operation](tk)

    assert (caught.value.operation_name, caught.value.path) == (operation, path)
    assert caught.value.reason.startswith(reason)


def _json(keys: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    """Any JSON value, its object keys drawn from ``keys``."""
    return st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(keys, inner, max_size=3),
        max_leaves=8,
    )


def _noise(output: Shape) -> st.SearchStrategy[Any]:
    """Any JSON, the answer's member names likely among its keys."""
    return _json(st.sampled_from(sorted(output.members)) | st.text(max_size=6))


ERROR_KEYS = st.sampled_from(["__type", "message", "Message", "Reason"]) | st.text(max_size=6)


@each_operation
@ANSWERS
@given(data=st.data())
async def test_any_json_answer_gives_a_response_or_the_typed_error(
    server: JsonServer, tk: TranscribeClient, operation: str, data: st.DataObject
) -> None:
    output = SERVICE.operation_model(operation).output_shape
    server.answer(data.draw(_noise(output)))

    try:
        outcome: object = await CALLS[operation](tk)
    except MalformedResponseError as error:
        outcome = error.operation_name

    assert outcome == operation or isinstance(outcome, class_for(output))


@each_operation
@ANSWERS
@given(body=_json(ERROR_KEYS), status=st.sampled_from([400, 404, 409, 429]))
async def test_any_error_answer_gives_a_service_error_or_the_typed_error(
    server: JsonServer, tk: TranscribeClient, operation: str, body: Any, status: int
) -> None:
    server.answer(body, status=status)

    with pytest.raises((ServiceError, MalformedResponseError)) as caught:
        await CALLS[operation](tk)

    assert caught.value.operation_name == operation
