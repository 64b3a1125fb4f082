"""The resources the local backend keeps itself: the Transcribe operations moto lacks.

One generic in-memory store serves vocabulary filters, language models, Call Analytics
categories and jobs and medical scribe jobs; a :class:`Kind` row says what differs
between them (names, ARN type, statuses, the error for a missing one). A resource is
kept as one record in wire names, shaped like the model's structure for it
(``LanguageModel``, ``CallAnalyticsJob``, ...); every answer is that record projected
onto the output shape the service model names, so it carries only members the model
allows.

Statuses move as moto moves its own: the transition set for the kind's model name in
moto's state manager (``transcribe::callanalyticsjob``, ...; by reads, by time or
immediate) applies here too, so ``LocalBackend.set_progression`` drives both.
"""

from __future__ import annotations

import functools
import re
import time
import uuid
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any, Final

from attrs import define
from botocore.loaders import Loader
from botocore.model import ServiceModel, Shape, StructureShape

from transcribe_kit._session import MODEL_DIRECTORY

#: moto's default account, in which every ARN here lives.
ACCOUNT_ID: Final = "123456789012"
#: The page size of a List call without ``MaxResults`` (the service's documented default).
DEFAULT_PAGE_SIZE: Final = 5
JOB_NOT_FOUND: Final = "The requested job couldn't be found. Check the job name and try again."


@functools.cache
def service_model() -> ServiceModel:
    """The Transcribe model the package ships (the one the shapes mirror)."""
    loader = Loader(extra_search_paths=[str(MODEL_DIRECTORY)])
    return ServiceModel(loader.load_service_model("transcribe", "service-2"), "transcribe")


class ServiceFaultError(Exception):
    """An error answer: HTTP 400 with ``{"__type": code, "Message": message}``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def fault_for(operation: str, code: str, message: str) -> ServiceFaultError:
    """``code`` if the model lists it among the operation's errors, else BadRequestException."""
    errors = {shape.name for shape in service_model().operation_model(operation).error_shapes}
    return ServiceFaultError(code if code in errors else "BadRequestException", message)


@define(kw_only=True)
class Record:
    """One resource: its members in wire names, and where it is in its statuses."""

    name: str
    fields: dict[str, Any]
    request: dict[str, Any]
    order: int
    step: int = 0
    reads: int = 0
    moved_at: float = 0.0


Hook = Callable[["Record", "ResourceStore"], None]


def _no_hook(record: Record, store: ResourceStore) -> None:
    pass


@define(frozen=True, kw_only=True)
class Kind:
    """What one kind of resource is called, how it is found, and how its status moves."""

    shape: str
    """The model's structure for the whole resource; records are shaped like it."""
    name_field: str
    noun: str
    arn_type: str
    operations: tuple[str, ...]
    missing_code: str = "NotFoundException"
    missing_message: str = ""
    status_field: str | None = None
    statuses: tuple[str, ...] = ()
    state_model: str | None = None
    """The model name in moto's state manager that sets how the status moves."""
    created_field: str | None = None
    modified_field: str | None = None
    newest_first: bool = False
    on_create: Hook = _no_hook
    on_status: Callable[[Record, str, ResourceStore], None] = lambda record, status, store: None

    def missing(self, operation: str, name: str) -> ServiceFaultError:
        message = self.missing_message or (
            f"The requested {self.noun} couldn't be found. Check the name and try again."
        )
        return fault_for(operation, self.missing_code, message)


def now() -> datetime:
    """The current time, as the service stamps resources."""
    return datetime.now(timezone.utc)


def _s3_url(store: ResourceStore, bucket: str, key: str) -> str:
    return f"https://s3.{store.region_name}.amazonaws.com/{bucket}/{key}"


def _service_bucket_url(store: ResourceStore, name: str, file: str) -> str:
    bucket = f"aws-transcribe-{store.region_name}-prod"
    return _s3_url(store, bucket, f"{ACCOUNT_ID}/{name}/{uuid.uuid4()}/{file}")


def _output_url(store: ResourceStore, location: str, name: str) -> str:
    """Where a job writes ``name``.json under an ``s3://bucket/prefix`` location."""
    bucket, _, key = location.removeprefix("s3://").partition("/")
    if not key.endswith(".json"):
        key = f"{key.rstrip('/')}/{name}.json".lstrip("/")
    return _s3_url(store, bucket, key)


def _filter_created(record: Record, store: ResourceStore) -> None:
    name = record.fields["VocabularyFilterName"]
    bucket = f"aws-transcribe-dictionary-model-{store.region_name}-prod"
    key = f"{ACCOUNT_ID}/{name}/{uuid.uuid4()}/input.txt"
    record.fields["DownloadUri"] = _s3_url(store, bucket, key)


def _model_created(record: Record, store: ResourceStore) -> None:
    record.fields["UpgradeAvailability"] = False


def _model_status(record: Record, status: str, store: ResourceStore) -> None:
    record.fields["LastModifiedTime"] = now()


def _category_created(record: Record, store: ResourceStore) -> None:
    record.fields.setdefault("InputType", "POST_CALL")


def _scribe_created(record: Record, store: ResourceStore) -> None:
    record.fields["LanguageCode"] = "en-US"
    record.fields["MedicalScribeContextProvided"] = "MedicalScribeContext" in record.request


_MEDIA_FORMATS: Final = ("mp3", "mp4", "wav", "flac", "ogg", "amr", "webm", "m4a")


def _job_status(record: Record, status: str, store: ResourceStore) -> None:
    """What a job gains as it runs: media details, times, and where its output went."""
    fields, request = record.fields, record.request
    if status == "IN_PROGRESS":
        fields["StartTime"] = now()
        extension = fields["Media"].get("MediaFileUri", "").rpartition(".")[2].lower()
        fields["MediaFormat"] = extension if extension in _MEDIA_FORMATS else "wav"
        fields["MediaSampleRateHertz"] = 8000
        options = (request.get("Settings") or {}).get("LanguageOptions") or ["en-US"]
        fields.setdefault("LanguageCode", options[0])
    elif status == "COMPLETED":
        fields["CompletionTime"] = now()
        name = record.name
        if "OutputBucketName" in request:  # a medical scribe job
            bucket = request["OutputBucketName"]
            fields["MedicalScribeOutput"] = {
                "TranscriptFileUri": _s3_url(store, bucket, f"{name}/transcript.json"),
                "ClinicalDocumentUri": _s3_url(store, bucket, f"{name}/summary.json"),
            }
        elif "OutputLocation" in request:
            fields["Transcript"] = {
                "TranscriptFileUri": _output_url(store, request["OutputLocation"], name)
            }
        else:
            fields["Transcript"] = {
                "TranscriptFileUri": _service_bucket_url(store, name, "analytics.json")
            }


VOCABULARY_FILTERS: Final = Kind(
    shape="GetVocabularyFilterResponse",
    name_field="VocabularyFilterName",
    noun="vocabulary filter",
    arn_type="vocabulary-filter",
    operations=(
        "CreateVocabularyFilter",
        "GetVocabularyFilter",
        "ListVocabularyFilters",
        "UpdateVocabularyFilter",
        "DeleteVocabularyFilter",
    ),
    modified_field="LastModifiedTime",
    on_create=_filter_created,
)
LANGUAGE_MODELS: Final = Kind(
    shape="LanguageModel",
    name_field="ModelName",
    noun="language model",
    arn_type="language-model",
    operations=(
        "CreateLanguageModel",
        "DescribeLanguageModel",
        "ListLanguageModels",
        "UpdateLanguageModel",
        "DeleteLanguageModel",
    ),
    status_field="ModelStatus",
    statuses=("IN_PROGRESS", "COMPLETED"),
    state_model="transcribe::languagemodel",
    created_field="CreateTime",
    modified_field="LastModifiedTime",
    on_create=_model_created,
    on_status=_model_status,
)
CALL_ANALYTICS_CATEGORIES: Final = Kind(
    shape="CategoryProperties",
    name_field="CategoryName",
    noun="category",
    arn_type="analytics-category",
    operations=(
        "CreateCallAnalyticsCategory",
        "GetCallAnalyticsCategory",
        "ListCallAnalyticsCategories",
        "UpdateCallAnalyticsCategory",
        "DeleteCallAnalyticsCategory",
    ),
    created_field="CreateTime",
    modified_field="LastUpdateTime",
    on_create=_category_created,
)


def _job_kind(shape: str, arn_type: str, on_create: Hook = _no_hook) -> Kind:
    """A kind of job: Start/Get/List/Delete, QUEUED to COMPLETED, newest listed first."""
    return Kind(
        shape=shape,
        name_field=f"{shape}Name",
        noun="job",
        arn_type=arn_type,
        operations=(f"Start{shape}", f"Get{shape}", f"List{shape}s", f"Delete{shape}"),
        missing_code="BadRequestException",
        missing_message=JOB_NOT_FOUND,
        status_field=f"{shape}Status",
        statuses=("QUEUED", "IN_PROGRESS", "COMPLETED"),
        state_model=f"transcribe::{shape.lower()}",
        created_field="CreationTime",
        newest_first=True,
        on_create=on_create,
        on_status=_job_status,
    )


CALL_ANALYTICS_JOBS: Final = _job_kind("CallAnalyticsJob", "analytics")
MEDICAL_SCRIBE_JOBS: Final = _job_kind("MedicalScribeJob", "medical-scribe-job", _scribe_created)

KINDS: Final = (
    VOCABULARY_FILTERS,
    LANGUAGE_MODELS,
    CALL_ANALYTICS_CATEGORIES,
    CALL_ANALYTICS_JOBS,
    MEDICAL_SCRIBE_JOBS,
)
#: The state-manager model names of the resources kept here whose status moves.
STATE_MODELS: Final = tuple(kind.state_model for kind in KINDS if kind.state_model)

_ARN: Final = re.compile(r"arn:aws[^:]*:transcribe:[^:]*:[0-9]{12}:([a-zA-Z-]+)/(.+)")


def project(values: Mapping[str, Any], shape: Shape) -> dict[str, Any]:
    """The members of ``values`` that ``shape`` (a structure) has."""
    assert isinstance(shape, StructureShape)
    return {key: value for key, value in values.items() if key in shape.members}


class ResourceStore:
    """The resources moto lacks, and the tags of every resource the backend knows.

    ``tags`` maps the ARN of every live resource (those kept here and the moto resources
    created through the front server) to its tags: a resource can be tagged when its ARN
    is there. ``clock`` (seconds) paces time-based progression. Not thread-safe: the
    caller holds a lock around every call.
    """

    def __init__(self, *, region_name: str, clock: Callable[[], float] = time.monotonic) -> None:
        self.region_name = region_name
        self.clock = clock
        self.tags: dict[str, dict[str, str]] = {}
        self.sync_answer: dict[str, Any] | None = None
        self._records: dict[Kind, dict[str, Record]] = {kind: {} for kind in KINDS}
        self._created = 0

    def reset(self) -> None:
        """Forget every resource, tag and registered transcript."""
        self.tags.clear()
        self.sync_answer = None
        for records in self._records.values():
            records.clear()

    def arn(self, arn_type: str, name: str) -> str:
        """The ARN of the resource ``name`` of ``arn_type`` (``vocabulary-filter``, ...)."""
        return f"arn:aws:transcribe:{self.region_name}:{ACCOUNT_ID}:{arn_type}/{name}"

    def answer(self, operation: str, kind: Kind, request: Mapping[str, Any]) -> dict[str, Any]:
        """The response of ``operation`` on a resource of ``kind``; raises ServiceFaultError."""
        verb = re.match(r"[A-Z][a-z]+", operation)
        assert verb is not None
        output = service_model().operation_model(operation).output_shape
        if verb[0] == "List":
            return self._page(operation, kind, request, output)
        name = request[kind.name_field]
        if verb[0] in ("Create", "Start"):
            record = self._create(operation, kind, request)
        elif verb[0] == "Update":
            record = self._update(operation, kind, request)
        elif verb[0] == "Delete":
            self._find(operation, kind, name)
            del self._records[kind][name]
            self.tags.pop(self.arn(kind.arn_type, name), None)
            return {}
        else:
            record = self._find(operation, kind, name)
            self._progress(kind, record, read=True)
        return self._shaped(kind, record, output)

    def _create(self, operation: str, kind: Kind, request: Mapping[str, Any]) -> Record:
        name = request[kind.name_field]
        if name in self._records[kind]:
            raise fault_for(
                operation,
                "ConflictException",
                f"The requested {kind.noun} name already exists. Use a different name.",
            )
        shape = service_model().shape_for(kind.shape)
        self._created += 1
        record = Record(
            name=name,
            fields=project(request, shape),
            request=dict(request),
            order=self._created,
            moved_at=self.clock(),
        )
        stamp = now()
        for stamped in (kind.created_field, kind.modified_field):
            if stamped:
                record.fields[stamped] = stamp
        if kind.status_field:
            record.fields[kind.status_field] = kind.statuses[0]
        kind.on_create(record, self)
        self._records[kind][name] = record
        self.tags[self.arn(kind.arn_type, name)] = {
            tag["Key"]: tag["Value"] for tag in request.get("Tags") or ()
        }
        return record

    def _update(self, operation: str, kind: Kind, request: Mapping[str, Any]) -> Record:
        record = self._find(operation, kind, request[kind.name_field])
        record.fields.update(project(request, service_model().shape_for(kind.shape)))
        record.request.update(request)
        if kind.modified_field:
            record.fields[kind.modified_field] = now()
        return record

    def _find(self, operation: str, kind: Kind, name: str) -> Record:
        record = self._records[kind].get(name)
        if record is None:
            raise kind.missing(operation, name)
        return record

    def _shaped(self, kind: Kind, record: Record, output: Shape) -> dict[str, Any]:
        """``record`` as ``output`` carries it: whole under one member, or flat."""
        assert isinstance(output, StructureShape)
        tags = self.tags.get(self.arn(kind.arn_type, record.fields[kind.name_field]))
        values = dict(record.fields)
        if tags:
            values["Tags"] = [{"Key": key, "Value": value} for key, value in tags.items()]
        for member, member_shape in output.members.items():
            if member_shape.name == kind.shape:
                return {member: project(values, member_shape)}
        return project(values, output)

    def _page(
        self, operation: str, kind: Kind, request: Mapping[str, Any], output: Shape
    ) -> dict[str, Any]:
        assert isinstance(output, StructureShape)
        items_member = next(m for m, s in output.members.items() if s.type_name == "list")
        summary = output.members[items_member].member
        status = request.get("Status") or request.get("StatusEquals")
        contains = (request.get("JobNameContains") or request.get("NameContains") or "").lower()
        records = sorted(
            self._records[kind].values(),
            key=lambda r: -r.order if kind.newest_first else r.fields[kind.name_field],
        )
        for record in records:
            self._progress(kind, record, read=False)
        matching = [
            record
            for record in records
            if contains in record.fields[kind.name_field].lower()
            and (status is None or record.fields.get(kind.status_field or "") == status)
        ]
        start = _page_start(operation, request.get("NextToken"), len(matching))
        end = start + int(request.get("MaxResults") or DEFAULT_PAGE_SIZE)
        page: dict[str, Any] = {
            items_member: [project(record.fields, summary) for record in matching[start:end]]
        }
        if end < len(matching):
            page["NextToken"] = str(end)
        if status is not None and "Status" in output.members:
            page["Status"] = status
        return page

    def _progress(self, kind: Kind, record: Record, *, read: bool) -> None:
        """Move ``record`` on as the kind's transition says (a Get is a ``read``)."""
        if kind.state_model is None or kind.status_field is None:
            return
        from moto.moto_api import state_manager

        transition = state_manager.get_transition(kind.state_model)
        last = len(kind.statuses) - 1
        target = record.step
        if transition["progression"] == "immediate":
            target = last
        elif transition["progression"] == "manual":
            record.reads += int(read)
            if record.reads >= int(transition["times"]):
                target, record.reads = target + 1, 0
        elif transition["progression"] == "time":
            elapsed = self.clock() - record.moved_at
            target += int(elapsed // float(transition["seconds"]))
        while record.step < min(target, last):
            record.step += 1
            record.moved_at = self.clock()
            status = kind.statuses[record.step]
            record.fields[kind.status_field] = status
            kind.on_status(record, status, self)

    def resolve(self, operation: str, arn: str) -> str:
        """``arn`` if it names a live resource; raises ServiceFaultError otherwise."""
        if _ARN.fullmatch(arn) is None:
            raise fault_for(operation, "BadRequestException", f"{arn} is not a valid ARN.")
        if arn not in self.tags:
            raise fault_for(
                operation,
                "NotFoundException",
                "The requested resource couldn't be found. Check the ARN and try again.",
            )
        return arn


def _page_start(operation: str, token: str | None, count: int) -> int:
    if token is None:
        return 0
    if not token.isdigit() or int(token) > count:
        raise fault_for(operation, "BadRequestException", "The NextToken is not valid.")
    return int(token)


#: Operations answered by the store, and the kind of resource each works on.
OPERATIONS: Final = {operation: kind for kind in KINDS for operation in kind.operations}
