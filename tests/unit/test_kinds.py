"""Every entry of the registry of kinds agrees with the service model and with itself.

A new kind is one entry in ``transcribe_kit._kinds``; these tests take it up by themselves.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from botocore.model import Shape

from tests._model import BUNDLED, full_wire_dict, model
from transcribe_kit import TranscribeClient, events
from transcribe_kit._converter import from_wire
from transcribe_kit._kinds import (
    EVENT_SOURCE,
    JOB_KINDS,
    KINDS,
    MEDICAL_SCRIBE_JOBS,
    MEDICAL_TRANSCRIPTION_JOBS,
    JobKind,
    ResourceKind,
    check_kind,
    job_kind_of,
)
from transcribe_kit.shapes._base import wire_name
from transcribe_kit.testing import _kinds as local_kinds

ids = [kind.noun for kind in KINDS]
job_ids = [kind.noun for kind in JOB_KINDS]


@pytest.mark.parametrize("kind", KINDS, ids=ids)
def test_every_class_and_member_an_entry_names_exists(kind: ResourceKind[Any, Any]) -> None:
    check_kind(kind)  # raises TypeError naming the class and the missing member


def test_an_entry_that_names_a_missing_member_is_refused() -> None:
    wrong = attrs.evolve(KINDS[0], members=attrs.evolve(KINDS[0].members, status="Nope"))

    with pytest.raises(TypeError, match="has no member Nope"):
        check_kind(wrong)


def _operations(kind: ResourceKind[Any, Any]) -> dict[str, str]:
    named = {
        "create": kind.operations.create,
        "get": kind.operations.get,
        "list": kind.operations.list,
        "delete": kind.operations.delete,
    }
    if kind.operations.update is not None:
        named["update"] = kind.operations.update
    return named


def _member_at(shape: Shape, path: str) -> Shape:
    for wire in path.split("."):
        shape = shape.members[wire]
        if shape.type_name == "list":
            shape = shape.member
    return shape


@pytest.mark.parametrize("kind", KINDS, ids=ids)
def test_its_operations_and_their_classes_are_the_models(kind: ResourceKind[Any, Any]) -> None:
    service = model(BUNDLED)
    for operation_name in _operations(kind).values():
        operation = service.operation_model(operation_name)
        assert kind.request_type(operation_name).__name__ == operation.input_shape.name
        output = operation.output_shape
        response = kind.response_type(operation_name)
        assert response.__name__ == (output.name if output else f"{operation_name}Response")


@pytest.mark.parametrize("kind", KINDS, ids=ids)
def test_its_members_and_statuses_are_the_models(kind: ResourceKind[Any, Any]) -> None:
    service = model(BUNDLED)
    resource = service.shape_for(kind.shape)
    assert kind.resource_type.__name__ == kind.shape
    status = resource.members[kind.members.status]
    assert set(kind.statuses) | {kind.failure} == set(status.enum)
    assert status.name == kind.status_type.__name__
    assert kind.members.name in resource.members
    assert kind.members.failure_reason in resource.members
    get = service.operation_model(kind.operations.get)
    if kind.members.resource is not None:
        assert get.output_shape.members[kind.members.resource].name == kind.shape
    listing = service.operation_model(kind.operations.list)
    assert listing.input_shape.members[kind.members.status_filter].name == status.name
    items = listing.output_shape.members[kind.members.summaries].member
    assert items.name == kind.summary_type.__name__
    assert {kind.members.name, kind.members.status} <= set(items.members)
    assert kind.missing_code in {error.name for error in get.error_shapes}


@pytest.mark.parametrize("kind", JOB_KINDS, ids=job_ids)
def test_its_documents_are_where_the_model_says_a_job_reports_them(kind: JobKind[Any, Any]) -> None:
    resource = model(BUNDLED).shape_for(kind.shape)
    documents = kind.documents
    paths = [documents.transcript, documents.redacted_transcript, documents.subtitles]
    paths.append(documents.clinical_document)
    for path in filter(None, paths):
        assert _member_at(resource, path).type_name == "string", path
    assert kind.members.created in resource.members


@pytest.mark.parametrize("kind", JOB_KINDS, ids=job_ids)
def test_a_summary_shares_its_members_with_the_job_type_for_type(kind: JobKind[Any, Any]) -> None:
    job = {
        field.name: field.type for field in attrs.fields(attrs.resolve_types(kind.resource_type))
    }
    summary = attrs.fields(attrs.resolve_types(kind.summary_type))

    shared = [field for field in summary if field.name in job]
    assert shared
    assert all(field.type == job[field.name] for field in shared)


@pytest.mark.parametrize("kind", JOB_KINDS, ids=job_ids)
def test_a_job_read_from_a_full_answer_gives_its_documents_and_summary(
    kind: JobKind[Any, Any],
) -> None:
    service = model(BUNDLED)
    answer = full_wire_dict(service.operation_model(kind.operations.get).output_shape)
    response = from_wire(answer, kind.response_type(kind.operations.get))
    job = kind.resource_of(response)

    assert job is not None
    assert job_kind_of(job) is kind
    assert job_kind_of(response) is kind
    assert kind.document_uri(job, "transcript")
    summary = kind.summary_of(job)
    assert isinstance(summary, kind.summary_type)
    assert kind.name_of(summary) == kind.name_of(job)
    assert kind.status_of(summary) == kind.status_of(job)
    assert kind.created_of(summary) == kind.created_of(job)


@pytest.mark.parametrize("kind", KINDS, ids=ids)
def test_requests_are_built_from_a_name_and_a_status(kind: ResourceKind[Any, Any]) -> None:
    assert kind.name_of(kind.get_request("name-1")) == "name-1"
    assert kind.name_of(kind.delete_request("name-1")) == "name-1"
    listing = kind.list_request(kind.failure)
    everything = kind.request_type(kind.operations.list)()
    assert kind.list_request() == everything
    assert listing != everything


@pytest.mark.parametrize("kind", JOB_KINDS, ids=job_ids)
def test_a_vanished_job_reads_as_failed_for_its_reason(kind: JobKind[Any, Any]) -> None:
    summary = kind.missing_summary("gone", "The requested job couldn't be found.")

    assert kind.name_of(summary) == "gone"
    assert kind.status_of(summary) == kind.failure
    assert kind.failure_reason_of(summary) == "The requested job couldn't be found."


@pytest.mark.parametrize("kind", KINDS, ids=ids)
def test_the_client_has_a_waiter_for_it(kind: ResourceKind[Any, Any]) -> None:
    method = f"wait_for_{kind.noun.lower().replace(' ', '_')}"

    assert callable(getattr(TranscribeClient, method, None)), method


@pytest.mark.parametrize("kind", KINDS, ids=ids)
def test_the_local_backend_plays_the_kind_from_its_entry(kind: ResourceKind[Any, Any]) -> None:
    (row,) = [row for row in local_kinds.KINDS if row.entry is kind]

    assert (row.shape, row.name_field, row.status_field) == (
        kind.shape,
        kind.members.name,
        kind.members.status,
    )
    assert (row.statuses, row.failed_status, row.events) == (
        kind.statuses,
        kind.failure,
        kind.events,
    )
    assert set(row.operations) == set(_operations(kind).values())
    assert (row.job is not None) == isinstance(kind, JobKind)


def test_the_local_backend_writes_out_only_kinds_the_registry_lacks() -> None:
    unregistered = [row for row in local_kinds.KINDS if row.entry is None]
    service = model(BUNDLED)

    assert {row.shape for row in unregistered}.isdisjoint(kind.shape for kind in KINDS)
    for row in unregistered:
        assert row.name_field in service.shape_for(row.shape).members
        for operation in row.operations:
            assert service.operation_model(operation).name == operation


@pytest.mark.parametrize("kind", JOB_KINDS, ids=job_ids)
def test_what_a_job_start_asks_for_is_in_its_request(kind: JobKind[Any, Any]) -> None:
    start = model(BUNDLED).operation_model(kind.operations.create).input_shape
    redaction = kind.documents.redaction_request

    assert kind.deferrable == ("JobExecutionSettings" in start.members)
    if redaction is not None:
        assert _member_at(start, redaction).name == "ContentRedaction"


EVENT_KINDS = [kind for kind in KINDS if kind.events]


@pytest.mark.parametrize("kind", EVENT_KINDS, ids=[kind.noun for kind in EVENT_KINDS])
def test_its_events_are_those_the_event_consumer_reads(kind: ResourceKind[Any, Any]) -> None:
    start = model(BUNDLED).operation_model(kind.operations.create).input_shape
    for event in kind.events:
        shape = events.DETAIL_SHAPES[event.detail_type]
        wire = {wire_name(field) for field in attrs.fields(shape)}
        detail = event.detail("name-1", kind.failure, "a reason")

        assert events.NAME_MEMBERS[event.detail_type] == event.name
        assert set(detail) <= wire
        assert from_wire(detail, shape).resource_name == "name-1"
        assert from_wire(detail, shape).status == kind.failure
        if event.requested_by is not None:
            assert start.members[event.requested_by].type_name == "boolean"
    assert kind.events[-1].requested_by is None, "the last event is the resource's own"
    assert EVENT_SOURCE == events.SOURCE


def test_medical_jobs_and_scribe_jobs_publish_no_events() -> None:
    assert MEDICAL_TRANSCRIPTION_JOBS.events == ()
    assert MEDICAL_SCRIBE_JOBS.events == ()
