"""The kinds of resource the local backend keeps: one row each, in :data:`KINDS`.

What the service says of a kind (operations, wire names of its members, statuses, ARN
type, not-found answer, where a job reports its documents, its quota, its events) comes
from the registry of kinds (:mod:`transcribe_kit._kinds`): each row of a kind there is
built from its entry by :func:`_registered`. Written here is only what is the backend's
own: the public name a test scripts the kind by, how it names the kind in messages,
where a job's documents go and which document it makes, what a resource gains as it is
made and started, which request members name other resources, and which other resources a
job records when it starts. Vocabulary filters
and Call Analytics categories, which do not move through statuses, are not in the
registry and are written out whole. The store (:mod:`transcribe_kit.testing._resources`),
the output writer and the front server read nothing about a kind from anywhere else.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any, Final

from attrs import define

from transcribe_kit import _kinds as registry
from transcribe_kit._kinds import JobKind, ResourceKind, StateChangeEvent
from transcribe_kit.testing._outputs import Location, Site

Fields = dict[str, Any]
Request = Mapping[str, Any]
#: Sets members a resource gains at a step (creation, start): ``(fields, request, site)``.
Hook = Callable[[Fields, Request, Site], None]
#: Where a job's documents go: ``(name, request, site, redaction)``, ``redaction`` being the
#: request's redaction settings (``None`` without).
Outputs = Callable[[str, Request, Site, "Mapping[str, Any] | None"], "JobOutputs"]


def _nothing(fields: Fields, request: Request, site: Site) -> None:
    pass


@define(frozen=True, kw_only=True)
class JobOutputs:
    """Where a completed job's documents are; ``None`` for one it does not write."""

    transcript: Location | None = None
    redacted: Location | None = None
    subtitles: tuple[tuple[str, Location], ...] = ()
    clinical: Location | None = None


@define(frozen=True, kw_only=True)
class JobFacts:
    """What only jobs have: their documents, where they go and how many may run."""

    document: str
    """The document made: ``transcript``, ``call_analytics`` or ``medical_scribe``."""
    outputs: Outputs
    uri_members: Mapping[str, tuple[str, ...]]
    """Where each output's URI is in the job (``transcript`` -> Transcript.TranscriptFileUri)."""
    concurrent_limit: int
    """The service's default quota of jobs of this kind running at once."""
    deferrable: bool = False
    """Whether ``JobExecutionSettings.AllowDeferredExecution`` may queue a job past the limit."""
    redaction_member: tuple[str, ...] = ()
    """Where the request asks for PII redaction (``ContentRedaction``), if it can."""
    sample_rate: int = 44100
    channel_roles: tuple[str, str] = ("spk_0", "spk_1")


@define(frozen=True, kw_only=True, eq=False)
class Kind:
    """One kind of resource: its names, operations and statuses (each row is unique)."""

    key: str
    """The public name of the kind (``transcribe::transcriptionjob``)."""
    shape: str
    """The model's structure for the whole resource; records are shaped like it."""
    name_field: str
    noun: str
    """What the backend's messages call one (``job``, ``vocabulary``)."""
    arn_type: str
    operations: tuple[str, ...]
    missing_code: str = "NotFoundException"
    missing_message: str = ""
    status_field: str | None = None
    statuses: tuple[str, ...] = ()
    """The statuses in the order a resource goes through them; the last is success."""
    failed_status: str = "FAILED"
    created_field: str | None = None
    modified_field: str | None = None
    """Stamped at creation, update and every change of status."""
    started_field: str | None = None
    completed_field: str | None = None
    status_filter: str | None = None
    """The List request's member that filters on the status."""
    newest_first: bool = False
    references: tuple[tuple[tuple[str, ...], str], ...] = ()
    """Members that name another resource, and that resource's kind key."""
    recorded_at_start: tuple[str, ...] = ()
    """The kinds whose live resources one records when it starts (a Call Analytics job
    applies the categories that exist then)."""
    remade_on_update: bool = False
    """Whether an update makes the resource again, through its statuses from the first."""
    on_create: Hook = _nothing
    on_start: Hook = _nothing
    job: JobFacts | None = None
    events: tuple[StateChangeEvent, ...] = ()
    """The events the service publishes when one ends (see :mod:`._events`)."""
    entry: ResourceKind[Any, Any] | None = None
    """The registry's entry the row is built from (``None``: a kind the registry lacks)."""


def member(request: Request, path: tuple[str, ...]) -> Any:
    """The member at ``path`` in ``request`` (``None`` if it is missing, or ``path`` is empty)."""
    value: Any = request if path else None
    for name in path:
        value = value.get(name) if isinstance(value, Mapping) else None
    return value


# Where documents go.


def _customer_key(name: str, output_key: str | None, default_prefix: str = "") -> str:
    """The key of ``name``.json under ``OutputKey`` (a file name, a prefix, or none)."""
    if output_key and output_key.endswith(".json"):
        return output_key
    prefix = (output_key or default_prefix).strip("/")
    return f"{prefix}/{name}.json" if prefix else f"{name}.json"


def _beside(location: Location, file_name: str) -> Location:
    directory, _, _ = location.key.rpartition("/")
    return Location(location.bucket, f"{directory}/{file_name}" if directory else file_name)


def _with_extension(location: Location, extension: str) -> Location:
    return Location(location.bucket, location.key.removesuffix(".json") + extension)


def _redacted(location: Location) -> Location:
    return _beside(location, "redacted-" + location.key.rpartition("/")[2])


def _service_location(site: Site, name: str, file_name: str) -> Location:
    key = f"{site.account_id}/{name}/{uuid.uuid4()}/{file_name}"
    return Location(site.service_bucket, key, presigned=True)


def _with_redaction(transcript: Location, redaction: Mapping[str, Any] | None) -> JobOutputs:
    if not redaction:
        return JobOutputs(transcript=transcript)
    both = redaction.get("RedactionOutput") == "redacted_and_unredacted"
    return JobOutputs(transcript=transcript if both else None, redacted=_redacted(transcript))


def _transcription_outputs(
    name: str, request: Request, site: Site, redaction: Mapping[str, Any] | None
) -> JobOutputs:
    bucket = request.get("OutputBucketName")
    transcript = (
        Location(bucket, _customer_key(name, request.get("OutputKey")))
        if bucket
        else _service_location(site, name, "asrOutput.json")
    )
    outputs = _with_redaction(transcript, redaction)
    formats = (request.get("Subtitles") or {}).get("Formats") or ()
    subtitles = tuple((fmt, _with_extension(transcript, f".{fmt}")) for fmt in formats)
    return JobOutputs(transcript=outputs.transcript, redacted=outputs.redacted, subtitles=subtitles)


def _medical_outputs(
    name: str, request: Request, site: Site, redaction: Mapping[str, Any] | None
) -> JobOutputs:
    key = _customer_key(name, request.get("OutputKey"), default_prefix="medical")
    return JobOutputs(transcript=Location(request["OutputBucketName"], key))


def _call_analytics_outputs(
    name: str, request: Request, site: Site, redaction: Mapping[str, Any] | None
) -> JobOutputs:
    location = request.get("OutputLocation")
    if location:
        bucket, _, prefix = location.removeprefix("s3://").partition("/")
        transcript = Location(bucket, _customer_key(name, prefix))
    else:
        transcript = _service_location(site, name, "analytics.json")
    return _with_redaction(transcript, redaction)


def _medical_scribe_outputs(
    name: str, request: Request, site: Site, redaction: Mapping[str, Any] | None
) -> JobOutputs:
    bucket = request["OutputBucketName"]
    return JobOutputs(
        transcript=Location(bucket, f"{name}/transcript.json"),
        clinical=Location(bucket, f"{name}/summary.json"),
    )


# What resources gain as they are made and run.


def _dictionary_uri(site: Site, name: str, folder: str = "") -> str:
    bucket = f"aws-transcribe-dictionary-model-{site.region_name}-prod"
    return site.s3_url(bucket, f"{site.account_id}/{folder}{name}/{uuid.uuid4()}/input.txt")


def _vocabulary_created(fields: Fields, request: Request, site: Site) -> None:
    fields["DownloadUri"] = _dictionary_uri(site, request["VocabularyName"])


def _medical_vocabulary_created(fields: Fields, request: Request, site: Site) -> None:
    fields["DownloadUri"] = _dictionary_uri(site, request["VocabularyName"], "medical/")


def _filter_created(fields: Fields, request: Request, site: Site) -> None:
    fields["DownloadUri"] = _dictionary_uri(site, request["VocabularyFilterName"])


def _model_created(fields: Fields, request: Request, site: Site) -> None:
    fields["UpgradeAvailability"] = False


def _category_created(fields: Fields, request: Request, site: Site) -> None:
    fields.setdefault("InputType", "POST_CALL")


def _transcription_created(fields: Fields, request: Request, site: Site) -> None:
    bucket = request.get("OutputBucketName")
    fields["OutputLocationType"] = "CUSTOMER_BUCKET" if bucket else "SERVICE_BUCKET"


def _medical_created(fields: Fields, request: Request, site: Site) -> None:
    fields["OutputLocationType"] = "CUSTOMER_BUCKET"


def _scribe_created(fields: Fields, request: Request, site: Site) -> None:
    fields["LanguageCode"] = "en-US"
    fields["MedicalScribeContextProvided"] = "MedicalScribeContext" in request


_MEDIA_FORMATS: Final = ("mp3", "mp4", "wav", "flac", "ogg", "amr", "webm", "m4a")
#: What the service reports for an identified language (one of the LanguageOptions).
IDENTIFIED_LANGUAGE_SCORE: Final = 0.9986


def _job_started(sample_rate: int) -> Hook:
    """A hook for a job that starts: its media details and its language, if identified."""

    def started(fields: Fields, request: Request, site: Site) -> None:
        media = fields.get("Media") or {}
        extension = str(media.get("MediaFileUri", "")).rpartition(".")[2].lower()
        fields.setdefault("MediaFormat", extension if extension in _MEDIA_FORMATS else "wav")
        fields.setdefault("MediaSampleRateHertz", sample_rate)
        settings = request.get("Settings") or {}
        options = request.get("LanguageOptions") or settings.get("LanguageOptions")
        if "LanguageCode" not in fields:
            fields["LanguageCode"] = (options or ["en-US"])[0]
            if request.get("IdentifyLanguage") or request.get("IdentifyMultipleLanguages"):
                fields["IdentifiedLanguageScore"] = IDENTIFIED_LANGUAGE_SCORE

    return started


# The rows


@define(frozen=True, kw_only=True)
class JobMaking:
    """How the backend plays a kind of job: where its documents go, which it makes."""

    document: str
    outputs: Outputs
    sample_rate: int = 44100
    channel_roles: tuple[str, str] = ("spk_0", "spk_1")


def _operations(entry: ResourceKind[Any, Any]) -> tuple[str, ...]:
    operations = entry.operations
    names = (operations.create, operations.get, operations.list, operations.update)
    return (*filter(None, names), operations.delete)


def _registered(
    entry: ResourceKind[Any, Any],
    key: str,
    noun: str,
    *,
    job: JobMaking | None = None,
    references: tuple[tuple[tuple[str, ...], str], ...] = (),
    recorded_at_start: tuple[str, ...] = (),
    remade_on_update: bool = False,
    on_create: Hook = _nothing,
) -> Kind:
    """The row of the registry's ``entry``: its facts, and the backend's own given here."""
    members = entry.members
    facts = None
    if isinstance(entry, JobKind):
        assert job is not None, f"{entry.noun}: a job needs its documents"
        redaction = entry.documents.redaction_request
        facts = JobFacts(
            document=job.document,
            outputs=job.outputs,
            uri_members=entry.documents.uri_members,
            concurrent_limit=entry.concurrent_quota.default,
            deferrable=entry.deferrable,
            redaction_member=tuple(redaction.split(".")) if redaction else (),
            sample_rate=job.sample_rate,
            channel_roles=job.channel_roles,
        )
    return Kind(
        key=key,
        shape=entry.shape,
        name_field=members.name,
        noun=noun,
        arn_type=entry.arn_type,
        operations=_operations(entry),
        missing_code=entry.missing_code,
        missing_message=entry.missing_message,
        status_field=members.status,
        statuses=entry.statuses,
        failed_status=entry.failure,
        created_field=members.created,
        modified_field=members.modified,
        started_field=members.started,
        completed_field=members.completed,
        status_filter=members.status_filter,
        newest_first=facts is not None,
        references=references,
        recorded_at_start=recorded_at_start,
        remade_on_update=remade_on_update,
        on_create=on_create,
        on_start=_nothing if job is None else _job_started(job.sample_rate),
        job=facts,
        events=entry.events,
        entry=entry,
    )


VOCABULARIES: Final = _registered(
    registry.VOCABULARIES,
    "transcribe::vocabulary",
    "vocabulary",
    remade_on_update=True,
    on_create=_vocabulary_created,
)
MEDICAL_VOCABULARIES: Final = _registered(
    registry.MEDICAL_VOCABULARIES,
    "transcribe::medicalvocabulary",
    "vocabulary",
    remade_on_update=True,
    on_create=_medical_vocabulary_created,
)
VOCABULARY_FILTERS: Final = Kind(
    key="transcribe::vocabularyfilter",
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
LANGUAGE_MODELS: Final = _registered(
    registry.LANGUAGE_MODELS,
    "transcribe::languagemodel",
    "language model",
    on_create=_model_created,
)
CALL_ANALYTICS_CATEGORIES: Final = Kind(
    key="transcribe::callanalyticscategory",
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

_SETTINGS_REFERENCES: Final = (
    (("Settings", "VocabularyName"), VOCABULARIES.key),
    (("Settings", "VocabularyFilterName"), VOCABULARY_FILTERS.key),
)
TRANSCRIPTION_JOBS: Final = _registered(
    registry.TRANSCRIPTION_JOBS,
    "transcribe::transcriptionjob",
    "job",
    job=JobMaking(document="transcript", outputs=_transcription_outputs),
    references=(
        *_SETTINGS_REFERENCES,
        (("ModelSettings", "LanguageModelName"), LANGUAGE_MODELS.key),
    ),
    on_create=_transcription_created,
)
MEDICAL_TRANSCRIPTION_JOBS: Final = _registered(
    registry.MEDICAL_TRANSCRIPTION_JOBS,
    "transcribe::medicaltranscriptionjob",
    "job",
    job=JobMaking(document="transcript", outputs=_medical_outputs),
    references=((("Settings", "VocabularyName"), MEDICAL_VOCABULARIES.key),),
    on_create=_medical_created,
)
CALL_ANALYTICS_JOBS: Final = _registered(
    registry.CALL_ANALYTICS_JOBS,
    "transcribe::callanalyticsjob",
    "job",
    job=JobMaking(
        document="call_analytics",
        outputs=_call_analytics_outputs,
        sample_rate=8000,
        channel_roles=("AGENT", "CUSTOMER"),
    ),
    references=(
        *_SETTINGS_REFERENCES,
        (("Settings", "LanguageModelName"), LANGUAGE_MODELS.key),
    ),
    recorded_at_start=(CALL_ANALYTICS_CATEGORIES.key,),
)
MEDICAL_SCRIBE_JOBS: Final = _registered(
    registry.MEDICAL_SCRIBE_JOBS,
    "transcribe::medicalscribejob",
    "job",
    job=JobMaking(
        document="medical_scribe",
        outputs=_medical_scribe_outputs,
        sample_rate=16000,
        channel_roles=("CLINICIAN", "PATIENT"),
    ),
    on_create=_scribe_created,
)

#: Every kind the local backend keeps.
KINDS: Final = (
    TRANSCRIPTION_JOBS,
    MEDICAL_TRANSCRIPTION_JOBS,
    CALL_ANALYTICS_JOBS,
    MEDICAL_SCRIBE_JOBS,
    VOCABULARIES,
    MEDICAL_VOCABULARIES,
    VOCABULARY_FILTERS,
    LANGUAGE_MODELS,
    CALL_ANALYTICS_CATEGORIES,
)
BY_KEY: Final = {kind.key: kind for kind in KINDS}
#: Operations answered from the store, and the kind each works on.
OPERATIONS: Final = {operation: kind for kind in KINDS for operation in kind.operations}

#: The public names of the kinds that move through statuses, by group.
JOB_KEYS: Final = tuple(kind.key for kind in KINDS if kind.job is not None)
VOCABULARY_KEYS: Final = (VOCABULARIES.key, MEDICAL_VOCABULARIES.key)
LANGUAGE_MODEL_KEYS: Final = (LANGUAGE_MODELS.key,)
