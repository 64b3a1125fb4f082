"""The registry of resource kinds: everything specific to a kind of job or model, declared once.

Four kinds of job (transcription, medical transcription, Call Analytics, medical scribe)
and three kinds of custom model (vocabularies, medical vocabularies, language models) move
through statuses until they are done. Each is one entry here: its operations and their
request and response classes, the members that hold its name, status and failure reason,
its statuses in order, the events the service publishes when one ends, and for a job
where its output documents are, how each is parsed and the account's quota of unfinished
ones. Members are named as on the wire (the
service model's names); the Python attribute behind each is read from the shapes'
metadata. An entry names its classes and parse functions, which are imported when first
read: a client that never waits for a Call Analytics job never builds its classes.
``tests/unit/test_kinds.py`` checks every entry against its classes.

Everything else derives from these entries: the ``wait_for_*`` waiters and the
many-jobs watcher (``TranscribeClient.as_completed``), exactly-once starts,
``JobSubmitter``, and which document ``fetch_transcript`` reads and how. A local backend
(``transcribe_kit.testing``) reads the same entries at the wire level: operations, members,
statuses, ARN types, not-found answers, document locations, quotas and events.

Adding a kind the service brings out is one entry below (and its shapes), plus tests.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar, cast

import attrs

from transcribe_kit.shapes._base import OpenEnum, wire_name

if TYPE_CHECKING:
    from transcribe_kit.shapes.call_analytics import CallAnalyticsJob, CallAnalyticsJobSummary
    from transcribe_kit.shapes.common import VocabularyInfo
    from transcribe_kit.shapes.language_models import LanguageModel
    from transcribe_kit.shapes.medical import (
        GetMedicalVocabularyResponse,
        MedicalTranscriptionJob,
        MedicalTranscriptionJobSummary,
    )
    from transcribe_kit.shapes.medical_scribe import MedicalScribeJob, MedicalScribeJobSummary
    from transcribe_kit.shapes.transcription_jobs import (
        TranscriptionJob,
        TranscriptionJobSummary,
    )
    from transcribe_kit.shapes.vocabularies import GetVocabularyResponse
    from transcribe_kit.transcript import ClinicalDocument, ResultDocument

__all__ = [
    "CALL_ANALYTICS_JOBS",
    "JOB_KINDS",
    "KINDS",
    "LANGUAGE_MODELS",
    "MEDICAL_SCRIBE_JOBS",
    "MEDICAL_TRANSCRIPTION_JOBS",
    "MEDICAL_VOCABULARIES",
    "TRANSCRIPTION_JOBS",
    "VOCABULARIES",
    "Documents",
    "JobKind",
    "StateChangeEvent",
    "Members",
    "Operations",
    "Quota",
    "ResourceKind",
    "job_kind_of",
    "job_kind_starting",
]

ResourceT = TypeVar("ResourceT")
SummaryT = TypeVar("SummaryT")

JOB_NOT_FOUND_CODE: Final = "BadRequestException"
"""What the service answers for a job or vocabulary that does not exist (with its text)."""
JOB_NOT_FOUND_MESSAGE: Final = (
    "The requested job couldn't be found. Check the job name and try again."
)
"""The text of the service's answer for a job that does not exist."""
EVENT_SOURCE: Final = "aws.transcribe"
"""The ``source`` of the events the service publishes to EventBridge."""


_ATTRIBUTES: Final[dict[type, Mapping[str, str]]] = {}
_SHARED: Final[dict[tuple[type, type], tuple[str, ...]]] = {}


def _attributes(cls: type) -> Mapping[str, str]:
    """The Python attribute of each wire member of the shape ``cls``."""
    found = _ATTRIBUTES.get(cls)
    if found is None:
        found = _ATTRIBUTES[cls] = {wire_name(field): field.name for field in attrs.fields(cls)}
    return found


def _member(item: object, wire: str) -> Any:
    """The value of the member called ``wire`` on the wire, of a shape instance."""
    return getattr(item, _attributes(type(item))[wire])


def _path(item: object, path: str) -> Any:
    """The value at a dotted path of wire members (``Transcript.TranscriptFileUri``)."""
    for wire in path.split("."):
        if item is None:
            return None
        item = _member(item, wire)
    return item


def _build(cls: type[Any], values: Mapping[str, object]) -> Any:
    """A shape ``cls`` with the given wire members set."""
    names = _attributes(cls)
    return cls(**{names[wire]: value for wire, value in values.items()})


@attrs.frozen(kw_only=True)
class Operations:
    """The names of a kind's operations (as the service model names them)."""

    create: str
    """The operation that starts a job or creates a model (``StartTranscriptionJob``)."""
    get: str
    list: str
    delete: str
    update: str | None = None

    @classmethod
    def named(cls, create: str, noun: str, plural: str, *, update: bool = False) -> Operations:
        """The operations named as most are: ``<create><noun>``, ``Get<noun>``, ``List<plural>``."""
        return cls(
            create=f"{create}{noun}",
            get=f"Get{noun}",
            list=f"List{plural}",
            delete=f"Delete{noun}",
            update=f"Update{noun}" if update else None,
        )


@attrs.frozen(kw_only=True)
class Members:
    """Where a kind keeps what the library reads of it, by wire member names.

    ``name``, ``status`` and ``failure_reason`` are members of the resource and of its
    summary alike; ``created`` holds when one was requested (jobs, language models),
    ``modified`` when it last changed, ``started`` and ``completed`` (jobs) when it started
    and ended. ``resource`` is the member of the Get answer that holds the resource
    (``None``: the answer is the resource), ``summaries`` the member of a List answer that
    holds its summaries, and ``status_filter`` the List request's filter on the status.
    """

    name: str
    status: str
    summaries: str
    status_filter: str
    resource: str | None = None
    failure_reason: str = "FailureReason"
    created: str | None = None
    modified: str | None = None
    started: str | None = None
    completed: str | None = None


@attrs.frozen(kw_only=True)
class Quota:
    """An account quota of the service: its name and its published default."""

    name: str
    default: int


@attrs.frozen(kw_only=True)
class StateChangeEvent:
    """An event the service publishes to EventBridge when a resource of a kind ends.

    Published to the account's default bus, source :data:`EVENT_SOURCE`, as ``detail_type``,
    best effort and only on a final status (success or failure). Its detail holds the
    resource's name in the member ``name``, the final status in ``status``, the reason in
    ``failure_reason`` when it failed, and the members ``fixed`` (``JobType``). With
    ``requested_by`` it is published only for a resource whose request set that member
    (``IdentifyLanguage``); the envelope's ``resources`` is empty.
    """

    detail_type: str
    name: str
    status: str
    failure_reason: str = "FailureReason"
    fixed: tuple[tuple[str, str], ...] = ()
    requested_by: str | None = None

    def detail(self, name: str, status: str, failure_reason: str | None = None) -> dict[str, str]:
        """The event's detail for the resource ``name`` that ended in ``status``."""
        detail = {**dict(self.fixed), self.name: name, self.status: status}
        if failure_reason is not None:
            detail[self.failure_reason] = failure_reason
        return detail


@attrs.frozen(kw_only=True)
class Documents:
    """Where a completed job's output documents are, and how its transcript is parsed.

    Each location is a dotted path of wire members of the job
    (``Transcript.TranscriptFileUri``): the member holds the document's URI (a list of
    them for ``subtitles``); ``None`` where the kind writes no such document. ``parser``
    and ``clinical_parser`` name the functions of :mod:`transcribe_kit.transcript` that
    parse its transcript and its clinical document (:attr:`parse`,
    :attr:`parse_clinical_document`).
    """

    transcript: str
    parser: str
    redacted_transcript: str | None = None
    subtitles: str | None = None
    clinical_document: str | None = None
    clinical_parser: str | None = None
    redaction_request: str | None = None
    """The dotted path of the start request's member that asks for a redacted transcript."""

    @property
    def parse(self) -> Callable[[bytes], ResultDocument]:
        """The function that parses the kind's transcript."""
        return cast("Callable[[bytes], ResultDocument]", _transcript_function(self.parser))

    @property
    def parse_clinical_document(self) -> Callable[[bytes], ClinicalDocument] | None:
        """The function that parses the kind's clinical document, if it writes one."""
        if self.clinical_parser is None:
            return None
        return cast(
            "Callable[[bytes], ClinicalDocument]", _transcript_function(self.clinical_parser)
        )

    @property
    def uri_members(self) -> Mapping[str, tuple[str, ...]]:
        """Each document the kind writes, by short name, and the member path of its URI.

        ``{"transcript": ("Transcript", "TranscriptFileUri"), "redacted": ..., ...}``: the
        wire-level form a backend that writes the documents reads.
        """
        paths = {
            "transcript": self.transcript,
            "redacted": self.redacted_transcript,
            "subtitles": self.subtitles,
            "clinical": self.clinical_document,
        }
        return {name: tuple(path.split(".")) for name, path in paths.items() if path}


def _transcript_function(name: str) -> Any:
    """A function of :mod:`transcribe_kit.transcript`, which is imported on first use."""
    return getattr(importlib.import_module("transcribe_kit.transcript"), name)


def _shape_class(module: str, name: str) -> type[Any]:
    """The class of the service model's shape ``name`` (``GetTranscriptionJobRequest``).

    Looked for in the shape module ``module`` (``transcription_jobs``), imported on first use.
    """
    cls: type[Any] = getattr(importlib.import_module(f"transcribe_kit.shapes.{module}"), name)
    return cls


@attrs.frozen(kw_only=True)
class ResourceKind(Generic[ResourceT, SummaryT]):
    """One kind of resource that moves through statuses until it is done.

    Its classes are named, and imported from the shape module ``shape_module`` when first
    read: ``resource_type`` (``resource_shape``) is what its Get answer holds,
    ``summary_type`` (``summary_shape``) what its List answers hold, and ``members`` where
    (:class:`Members`); ``status_type`` is the enum ``status_enum``. ``statuses`` are its
    statuses in the order it goes through them, the last the one it succeeds in;
    ``failure`` is the one it fails in. The request and response classes of each operation
    are the shapes named after it (``GetVocabularyRequest``). ``events`` are those the
    service publishes when one ends, in the order it publishes them.
    """

    noun: str
    operations: Operations
    shape_module: str
    resource_shape: str
    summary_shape: str
    members: Members
    status_enum: str
    statuses: tuple[str, ...]
    failure: str = "FAILED"
    arn_type: str
    """The resource type in its ARN (``arn:aws:transcribe:<region>:<account>:<type>/<name>``)."""
    missing_code: str = JOB_NOT_FOUND_CODE
    """The error code the service answers for one that does not exist."""
    missing_message: str = JOB_NOT_FOUND_MESSAGE
    """The text of that answer."""
    events: tuple[StateChangeEvent, ...] = ()

    @property
    def shape(self) -> str:
        """The name of the service model's structure for the resource."""
        return self.resource_shape

    @property
    def resource_type(self) -> type[ResourceT]:
        """The class of the resource (what its Get answer holds)."""
        return _shape_class(self.shape_module, self.resource_shape)

    @property
    def summary_type(self) -> type[SummaryT]:
        """The class of its summaries (what its List answers hold)."""
        return _shape_class(self.shape_module, self.summary_shape)

    @property
    def status_type(self) -> type[OpenEnum]:
        """The enum of its statuses."""
        return _shape_class("enums", self.status_enum)

    @property
    def success(self) -> str:
        """The status it succeeds in."""
        return self.statuses[-1]

    @property
    def final_statuses(self) -> tuple[str, str]:
        """The statuses that end it: success and failure."""
        return (self.success, self.failure)

    @property
    def running_statuses(self) -> tuple[str, ...]:
        """The statuses it goes through before a final one."""
        return self.statuses[:-1]

    def request_type(self, operation_name: str) -> type[Any]:
        """The request class of one of its operations."""
        return _shape_class(self.shape_module, f"{operation_name}Request")

    def response_type(self, operation_name: str) -> type[Any]:
        """The response class of one of its operations."""
        return _shape_class(self.shape_module, f"{operation_name}Response")

    def is_final(self, status: str | None) -> bool:
        """Whether ``status`` ends it."""
        return status in self.final_statuses

    def resource_of(self, response: object) -> ResourceT | None:
        """The resource in a Get answer (``None`` if it lacks one); a resource is itself."""
        if isinstance(response, self.resource_type):
            return response
        member = self.members.resource
        found = None if member is None else _member(response, member)
        return found if isinstance(found, self.resource_type) else None

    def name_of(self, item: object) -> str | None:
        """The name of a resource, a summary or a request."""
        name: str | None = _member(item, self.members.name)
        return name

    def status_of(self, item: object) -> str | None:
        """The status of a resource or a summary, as the service wrote it."""
        status = _member(item, self.members.status)
        return None if status is None else str(status)

    def failure_reason_of(self, item: object) -> str | None:
        """Why a resource or summary failed, if it did."""
        reason: str | None = _member(item, self.members.failure_reason)
        return reason

    def get_request(self, name: str) -> Any:
        """The Get request for the resource ``name``."""
        return _build(self.request_type(self.operations.get), {self.members.name: name})

    def delete_request(self, name: str) -> Any:
        """The Delete request for the resource ``name``."""
        return _build(self.request_type(self.operations.delete), {self.members.name: name})

    def list_request(self, status: str | None = None) -> Any:
        """The List request for the resources in ``status`` (all of them for ``None``)."""
        filters = {} if status is None else {self.members.status_filter: self.status_type(status)}
        return _build(self.request_type(self.operations.list), filters)

    def summaries_of(self, page: object) -> list[SummaryT]:
        """The summaries of one List answer."""
        return list(_member(page, self.members.summaries) or [])

    def summary_of(self, resource: ResourceT) -> SummaryT:
        """The summary of a resource: the members both have, taken as they are."""
        if isinstance(resource, self.summary_type):
            return resource
        shared = _shared_attributes(type(resource), self.summary_type)
        summary: SummaryT = self.summary_type(**{name: getattr(resource, name) for name in shared})
        return summary

    def missing_summary(self, name: str, reason: str) -> SummaryT:
        """The summary of a resource that no longer exists: failed, for ``reason``."""
        summary: SummaryT = _build(
            self.summary_type,
            {
                self.members.name: name,
                self.members.status: self.status_type(self.failure),
                self.members.failure_reason: reason,
            },
        )
        return summary


def _shared_attributes(resource: type, summary: type) -> tuple[str, ...]:
    """The attributes of ``summary`` that ``resource`` has under the same wire name.

    The model gives a member the same type wherever it has the same name in a job and its
    summary (tests/unit/test_kinds.py checks it for every kind).
    """
    found = _SHARED.get((resource, summary))
    if found is None:
        of_resource = _attributes(resource)
        found = _SHARED[(resource, summary)] = tuple(
            name for wire, name in _attributes(summary).items() if of_resource.get(wire) == name
        )
    return found


@attrs.frozen(kw_only=True)
class JobKind(ResourceKind[ResourceT, SummaryT]):
    """One kind of job the service runs: a ``ResourceKind`` that writes documents.

    ``documents`` says where a completed job's output documents are and how they are
    parsed (the watcher lists jobs newest first down to the oldest it watches, by
    ``members.created``); ``concurrent_quota`` is how many unfinished jobs of the kind
    an account may have.
    """

    documents: Documents
    concurrent_quota: Quota
    unreported_start_members: frozenset[str]
    """Members of its start request that its Get answer does not report back.

    Read by exactly-once starts, which compare every other member a start asked for with
    the job the service reports. The model's job structure lacks the output location,
    its encryption key and context (and HealthScribe's ``MedicalScribeContext``, of which
    the job keeps only ``MedicalScribeContextProvided``); the job structure has ``Tags``,
    but the service documents a job's tags as read with ``ListTagsForResource``, and its
    Get answer may leave them out. ``tests/unit/test_exactly_once.py`` checks each entry
    against the model.
    """

    @property
    def deferrable(self) -> bool:
        """Whether a start may ask to wait in the service's queue past the quota.

        (``JobExecutionSettings.AllowDeferredExecution``: up to 10,000 jobs wait QUEUED.)
        """
        return "JobExecutionSettings" in _attributes(self.request_type(self.operations.create))

    def created_of(self, item: object) -> Any:
        """When a job (or its summary) was requested."""
        return _member(item, self.members.created or "CreationTime")

    def document_uri(self, job: ResourceT, document: str) -> str | None:
        """The URI of ``job``'s ``document`` (``"transcript"``, ``"clinical_document"``, ...)."""
        path: str | None = getattr(self.documents, document)
        uri: str | None = None if path is None else _path(job, path)
        return uri

    def subtitle_uris(self, job: ResourceT) -> tuple[str, ...]:
        """The URIs of the subtitle files ``job`` wrote."""
        path = self.documents.subtitles
        return tuple((_path(job, path) if path else None) or ())


_BATCH_JOBS: Final = Quota(name="Concurrent batch transcription jobs", default=250)

# Where a start request says to write the output, and how to encrypt it: no job reports it.
_OUTPUT_TO_BUCKET: Final = (
    "OutputBucketName",
    "OutputKey",
    "OutputEncryptionKMSKeyId",
    "KMSEncryptionContext",
)


def _job(
    noun: str,
    shape_module: str,
    shape: str,
    *,
    status_enum: str,
    arn_type: str,
    documents: Documents,
    unreported_start_members: tuple[str, ...],
    status: str | None = None,
    concurrent_quota: Quota = _BATCH_JOBS,
    events: tuple[StateChangeEvent, ...] = (),
) -> JobKind[Any, Any]:
    """A kind of job, named as all of them are: ``Start<Shape>``, ``<Shape>Name``, ..."""
    return JobKind(
        noun=noun,
        operations=Operations.named("Start", shape, f"{shape}s"),
        shape_module=shape_module,
        resource_shape=shape,
        summary_shape=f"{shape}Summary",
        members=Members(
            name=f"{shape}Name",
            status=status or f"{shape}Status",
            resource=shape,
            summaries=f"{shape}Summaries",
            status_filter="Status",
            created="CreationTime",
            started="StartTime",
            completed="CompletionTime",
        ),
        status_enum=status_enum,
        statuses=("QUEUED", "IN_PROGRESS", "COMPLETED"),
        arn_type=arn_type,
        documents=documents,
        concurrent_quota=concurrent_quota,
        unreported_start_members=frozenset(unreported_start_members),
        events=events,
    )


def _vocabulary(
    noun: str,
    operation_infix: str,
    shape_module: str,
    arn_type: str,
    events: tuple[StateChangeEvent, ...] = (),
) -> ResourceKind[Any, Any]:
    """A kind of custom vocabulary: ``Create<Infix>Vocabulary``, PENDING until READY."""
    return ResourceKind(
        noun=noun,
        operations=Operations.named(
            "Create", f"{operation_infix}Vocabulary", f"{operation_infix}Vocabularies", update=True
        ),
        shape_module=shape_module,
        resource_shape=f"Get{operation_infix}VocabularyResponse",
        summary_shape="VocabularyInfo",
        members=Members(
            name="VocabularyName",
            status="VocabularyState",
            summaries="Vocabularies",
            status_filter="StateEquals",
            modified="LastModifiedTime",
        ),
        status_enum="VocabularyState",
        statuses=("PENDING", "READY"),
        arn_type=arn_type,
        missing_message=(
            "The requested vocabulary couldn't be found. Check the vocabulary name and try "
            "your request again."
        ),
        events=events,
    )


def _language_identification(detail_type: str, requested_by: str) -> StateChangeEvent:
    """The event of a transcription job's language identification ending."""
    return StateChangeEvent(
        detail_type=detail_type,
        name="JobName",
        status="LanguageIdentificationStatus",
        fixed=(("JobType", "TranscriptionJob"),),
        requested_by=requested_by,
    )


TRANSCRIPTION_JOBS: Final[JobKind[TranscriptionJob, TranscriptionJobSummary]] = _job(
    "transcription job",
    "transcription_jobs",
    "TranscriptionJob",
    status_enum="TranscriptionJobStatus",
    arn_type="transcription-job",
    documents=Documents(
        transcript="Transcript.TranscriptFileUri",
        redacted_transcript="Transcript.RedactedTranscriptFileUri",
        subtitles="Subtitles.SubtitleFileUris",
        parser="parse_transcript",
        redaction_request="ContentRedaction",
    ),
    events=(
        _language_identification("Language Identification State Change", "IdentifyLanguage"),
        _language_identification(
            "Multiple Language Identification State Change", "IdentifyMultipleLanguages"
        ),
        StateChangeEvent(
            detail_type="Transcribe Job State Change",
            name="TranscriptionJobName",
            status="TranscriptionJobStatus",
        ),
    ),
    unreported_start_members=(*_OUTPUT_TO_BUCKET, "Tags"),
)
"""Transcription jobs (``StartTranscriptionJob``); their document is a ``Transcript``."""

MEDICAL_TRANSCRIPTION_JOBS: Final[
    JobKind[MedicalTranscriptionJob, MedicalTranscriptionJobSummary]
] = _job(
    "medical transcription job",
    "medical",
    "MedicalTranscriptionJob",
    status_enum="TranscriptionJobStatus",
    status="TranscriptionJobStatus",
    arn_type="medical-transcription-job",
    documents=Documents(
        transcript="Transcript.TranscriptFileUri", parser="parse_medical_transcript"
    ),
    unreported_start_members=(*_OUTPUT_TO_BUCKET, "Tags"),
)
"""Medical transcription jobs; their document is a ``Transcript`` as well (no events)."""

CALL_ANALYTICS_JOBS: Final[JobKind[CallAnalyticsJob, CallAnalyticsJobSummary]] = _job(
    "Call Analytics job",
    "call_analytics",
    "CallAnalyticsJob",
    status_enum="CallAnalyticsJobStatus",
    arn_type="analytics",
    documents=Documents(
        transcript="Transcript.TranscriptFileUri",
        redacted_transcript="Transcript.RedactedTranscriptFileUri",
        parser="parse_call_analytics_transcript",
        redaction_request="Settings.ContentRedaction",
    ),
    unreported_start_members=("OutputLocation", "OutputEncryptionKMSKeyId", "Tags"),
    concurrent_quota=Quota(name="Concurrent Call Analytics jobs", default=100),
    events=(
        StateChangeEvent(
            detail_type="Call Analytics Job State Change", name="JobName", status="JobStatus"
        ),
    ),
)
"""Call Analytics jobs; their document is a ``CallAnalyticsTranscript``."""

MEDICAL_SCRIBE_JOBS: Final[JobKind[MedicalScribeJob, MedicalScribeJobSummary]] = _job(
    "medical scribe job",
    "medical_scribe",
    "MedicalScribeJob",
    status_enum="MedicalScribeJobStatus",
    arn_type="medical-scribe-job",
    documents=Documents(
        transcript="MedicalScribeOutput.TranscriptFileUri",
        clinical_document="MedicalScribeOutput.ClinicalDocumentUri",
        parser="parse_medical_scribe_transcript",
        clinical_parser="parse_clinical_document",
    ),
    unreported_start_members=(
        "OutputBucketName",
        "OutputEncryptionKMSKeyId",
        "KMSEncryptionContext",
        "MedicalScribeContext",
        "Tags",
    ),
)
"""Medical scribe (HealthScribe) jobs: a ``MedicalScribeTranscript`` and a clinical note.

No events (the service documents none)."""

VOCABULARIES: Final[ResourceKind[GetVocabularyResponse, VocabularyInfo]] = _vocabulary(
    "vocabulary",
    "",
    "vocabularies",
    "vocabulary",
    events=(
        StateChangeEvent(
            detail_type="Vocabulary State Change", name="VocabularyName", status="VocabularyState"
        ),
    ),
)
"""Custom vocabularies."""

MEDICAL_VOCABULARIES: Final[ResourceKind[GetMedicalVocabularyResponse, VocabularyInfo]] = (
    _vocabulary("medical vocabulary", "Medical", "medical", "medical-vocabulary")
)
"""Custom medical vocabularies (no events: the service documents them for vocabularies only)."""

LANGUAGE_MODELS: Final[ResourceKind[LanguageModel, LanguageModel]] = ResourceKind(
    noun="language model",
    operations=Operations(
        create="CreateLanguageModel",
        get="DescribeLanguageModel",
        list="ListLanguageModels",
        delete="DeleteLanguageModel",
        update="UpdateLanguageModel",
    ),
    shape_module="language_models",
    resource_shape="LanguageModel",
    summary_shape="LanguageModel",
    members=Members(
        name="ModelName",
        status="ModelStatus",
        resource="LanguageModel",
        summaries="Models",
        status_filter="StatusEquals",
        created="CreateTime",
        modified="LastModifiedTime",
    ),
    status_enum="ModelStatus",
    statuses=("IN_PROGRESS", "COMPLETED"),
    arn_type="language-model",
    missing_code="NotFoundException",
    missing_message=(
        "The requested language model couldn't be found. Check the model name and try again."
    ),
    # The service documents the detail type but not its members: those of the model's shape.
    events=(
        StateChangeEvent(
            detail_type="Transcribe Language Model State Change",
            name="ModelName",
            status="ModelStatus",
        ),
    ),
)
"""Custom language models: IN_PROGRESS until COMPLETED."""

JOB_KINDS: Final[tuple[JobKind[Any, Any], ...]] = (
    TRANSCRIPTION_JOBS,
    MEDICAL_TRANSCRIPTION_JOBS,
    CALL_ANALYTICS_JOBS,
    MEDICAL_SCRIBE_JOBS,
)
"""Every kind of job."""

KINDS: Final[tuple[ResourceKind[Any, Any], ...]] = (
    *JOB_KINDS,
    VOCABULARIES,
    MEDICAL_VOCABULARIES,
    LANGUAGE_MODELS,
)
"""Every kind of resource that moves through statuses."""

_BY_START: Final = {kind.operations.create: kind for kind in JOB_KINDS}
#: Each job kind by its job's class and its Get answer's class, filled as they are imported.
_BY_TYPE: Final[dict[type, JobKind[Any, Any]]] = {}


def job_kind_starting(operation_name: str) -> JobKind[Any, Any] | None:
    """The kind of job ``operation_name`` starts, if it starts one."""
    return _BY_START.get(operation_name)


def job_kind_of(job: object) -> JobKind[Any, Any] | None:
    """The kind of ``job`` (a job or its Get answer), if it is one."""
    cls = type(job)
    found = _BY_TYPE.get(cls)
    if found is None:
        # Only the kind whose shape module defines the class can be it; no other is imported.
        module = cls.__module__.rpartition(".")[2]
        for kind in JOB_KINDS:
            if kind.shape_module == module and cls in (
                kind.resource_type,
                kind.response_type(kind.operations.get),
            ):
                found = _BY_TYPE[cls] = kind
    return found


def check_kind(kind: ResourceKind[Any, Any]) -> None:
    """Raise ``TypeError`` if an entry names a class or member the shapes do not have."""
    operations = kind.operations
    members = kind.members
    stamps = (members.created, members.modified, members.started, members.completed)
    requested = [event.requested_by for event in kind.events if event.requested_by]
    if isinstance(kind, JobKind) and kind.documents.redaction_request:
        requested.append(kind.documents.redaction_request.partition(".")[0])
    needs = {
        kind.resource_type: (
            members.name,
            members.status,
            members.failure_reason,
            *filter(None, stamps),
        ),
        kind.summary_type: (members.name, members.status),
        kind.request_type(operations.create): tuple(requested),
        kind.request_type(operations.get): (members.name,),
        kind.request_type(operations.delete): (members.name,),
        kind.request_type(operations.list): (members.status_filter,),
        kind.response_type(operations.list): (members.summaries,),
    }
    if members.resource is not None:
        needs[kind.response_type(operations.get)] = (members.resource,)
    for cls, wires in needs.items():
        missing = [wire for wire in wires if wire not in _attributes(cls)]
        if missing:
            raise TypeError(f"{kind.noun}: {cls.__name__} has no member {', '.join(missing)}")
