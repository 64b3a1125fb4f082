"""What differs between the kinds of resource the local backend keeps: one table, :data:`KINDS`.

Each :class:`Kind` row names a resource's operations, the wire names of its name and
status members, its statuses, how it is missing, and, for a job, where its documents go
and which document it writes. The store (:mod:`transcribe_kit.testing._resources`), the
output writer and the front server read nothing about a kind from anywhere else.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any, Final

from attrs import define, field

from transcribe_kit.testing._outputs import Location, Site

JOB_NOT_FOUND: Final = "The requested job couldn't be found. Check the job name and try again."

Fields = dict[str, Any]
Request = Mapping[str, Any]
#: Sets members a resource gains at a step (creation, start): ``(fields, request, site)``.
Hook = Callable[[Fields, Request, Site], None]


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
    """The document written: ``transcript``, ``call_analytics`` or ``medical_scribe``."""
    outputs: Callable[[str, Request, Site], JobOutputs]
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
    arn_type: str
    operations: tuple[str, ...]
    missing_code: str = "NotFoundException"
    missing_message: str = ""
    status_field: str | None = None
    statuses: tuple[str, ...] = ()
    """The statuses shown in turn when moved by reads; the last is the successful end."""
    waiting_status: str | None = None
    """The status of a job waiting for a free slot (``QUEUED``)."""
    failed_status: str = "FAILED"
    created_field: str | None = None
    modified_field: str | None = None
    """Stamped at creation, update and every change of status."""
    started_field: str | None = None
    completed_field: str | None = None
    status_filters: tuple[str, ...] = ("Status", "StateEquals", "StatusEquals")
    newest_first: bool = False
    references: tuple[tuple[tuple[str, ...], str], ...] = ()
    """Members that name another resource, and that resource's kind key."""
    remade_on_update: bool = False
    """Whether an update makes the resource again, through its statuses from the first."""
    on_create: Hook = _nothing
    on_start: Hook = _nothing
    job: JobFacts | None = field(default=None)

    @property
    def running_status(self) -> str | None:
        """The status while the resource is being made (IN_PROGRESS, PENDING)."""
        return self.statuses[-2] if len(self.statuses) >= 2 else None

    @property
    def done_status(self) -> str | None:
        """The status of success (COMPLETED, READY)."""
        return self.statuses[-1] if self.statuses else None

    @property
    def operation_verbs(self) -> dict[str, str]:
        """Each operation by its verb (``Start``, ``Get``, ``List``, ...)."""
        return {_verb(operation): operation for operation in self.operations}


def _verb(operation: str) -> str:
    for verb in ("Create", "Start", "Get", "Describe", "List", "Update", "Delete"):
        if operation.startswith(verb):
            return "Get" if verb == "Describe" else verb
    raise ValueError(operation)


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


def member(request: Request, path: tuple[str, ...]) -> Any:
    """The member at ``path`` in ``request`` (``None`` if it is missing, or ``path`` is empty)."""
    value: Any = request if path else None
    for name in path:
        value = value.get(name) if isinstance(value, Mapping) else None
    return value


def _with_redaction(transcript: Location, redaction: Mapping[str, Any] | None) -> JobOutputs:
    if not redaction:
        return JobOutputs(transcript=transcript)
    both = redaction.get("RedactionOutput") == "redacted_and_unredacted"
    return JobOutputs(transcript=transcript if both else None, redacted=_redacted(transcript))


def _transcription_outputs(name: str, request: Request, site: Site) -> JobOutputs:
    bucket = request.get("OutputBucketName")
    transcript = (
        Location(bucket, _customer_key(name, request.get("OutputKey")))
        if bucket
        else _service_location(site, name, "asrOutput.json")
    )
    outputs = _with_redaction(transcript, member(request, TRANSCRIPTION_REDACTION))
    formats = (request.get("Subtitles") or {}).get("Formats") or ()
    subtitles = tuple((fmt, _with_extension(transcript, f".{fmt}")) for fmt in formats)
    return JobOutputs(transcript=outputs.transcript, redacted=outputs.redacted, subtitles=subtitles)


def _medical_outputs(name: str, request: Request, site: Site) -> JobOutputs:
    key = _customer_key(name, request.get("OutputKey"), default_prefix="medical")
    return JobOutputs(transcript=Location(request["OutputBucketName"], key))


def _call_analytics_outputs(name: str, request: Request, site: Site) -> JobOutputs:
    location = request.get("OutputLocation")
    if location:
        bucket, _, prefix = location.removeprefix("s3://").partition("/")
        transcript = Location(bucket, _customer_key(name, prefix))
    else:
        transcript = _service_location(site, name, "analytics.json")
    return _with_redaction(transcript, member(request, CALL_ANALYTICS_REDACTION))


TRANSCRIPTION_REDACTION: Final = ("ContentRedaction",)
CALL_ANALYTICS_REDACTION: Final = ("Settings", "ContentRedaction")


def _medical_scribe_outputs(name: str, request: Request, site: Site) -> JobOutputs:
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


def _job(
    shape: str,
    key: str,
    arn_type: str,
    job: JobFacts,
    *,
    status_field: str | None = None,
    references: tuple[tuple[tuple[str, ...], str], ...] = (),
    on_create: Hook = _nothing,
) -> Kind:
    """A kind of job: Start/Get/List/Delete, QUEUED to COMPLETED, newest listed first."""
    return Kind(
        key=key,
        shape=shape,
        name_field=f"{shape}Name",
        noun="job",
        arn_type=arn_type,
        operations=(f"Start{shape}", f"Get{shape}", f"List{shape}s", f"Delete{shape}"),
        missing_code="BadRequestException",
        missing_message=JOB_NOT_FOUND,
        status_field=status_field or f"{shape}Status",
        statuses=("QUEUED", "IN_PROGRESS", "COMPLETED"),
        waiting_status="QUEUED",
        created_field="CreationTime",
        started_field="StartTime",
        completed_field="CompletionTime",
        newest_first=True,
        references=references,
        on_create=on_create,
        on_start=_job_started(job.sample_rate),
        job=job,
    )


def _vocabulary(shape_prefix: str, key: str, arn_type: str, on_create: Hook) -> Kind:
    noun = "vocabulary"
    return Kind(
        key=key,
        shape=f"Get{shape_prefix}Response",
        name_field="VocabularyName",
        noun=noun,
        arn_type=arn_type,
        operations=(
            f"Create{shape_prefix}",
            f"Get{shape_prefix}",
            f"List{shape_prefix.replace('Vocabulary', 'Vocabularies')}",
            f"Update{shape_prefix}",
            f"Delete{shape_prefix}",
        ),
        # As the service answers for a missing vocabulary, on every operation.
        missing_code="BadRequestException",
        missing_message=(
            "The requested vocabulary couldn't be found. Check the vocabulary name and try "
            "your request again."
        ),
        status_field="VocabularyState",
        statuses=("PENDING", "READY"),
        modified_field="LastModifiedTime",
        remade_on_update=True,
        on_create=on_create,
    )


VOCABULARIES: Final = _vocabulary(
    "Vocabulary", "transcribe::vocabulary", "vocabulary", _vocabulary_created
)
MEDICAL_VOCABULARIES: Final = _vocabulary(
    "MedicalVocabulary",
    "transcribe::medicalvocabulary",
    "medical-vocabulary",
    _medical_vocabulary_created,
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
LANGUAGE_MODELS: Final = Kind(
    key="transcribe::languagemodel",
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
    created_field="CreateTime",
    modified_field="LastModifiedTime",
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

#: Where a job with a ``Transcript`` member reports its transcript and the redacted one.
_TRANSCRIPT_URIS: Final = {
    "transcript": ("Transcript", "TranscriptFileUri"),
    "redacted": ("Transcript", "RedactedTranscriptFileUri"),
}
_SETTINGS_REFERENCES: Final = (
    (("Settings", "VocabularyName"), VOCABULARIES.key),
    (("Settings", "VocabularyFilterName"), VOCABULARY_FILTERS.key),
)
TRANSCRIPTION_JOBS: Final = _job(
    "TranscriptionJob",
    "transcribe::transcriptionjob",
    "transcription-job",
    JobFacts(
        document="transcript",
        outputs=_transcription_outputs,
        uri_members={**_TRANSCRIPT_URIS, "subtitles": ("Subtitles", "SubtitleFileUris")},
        concurrent_limit=250,
        deferrable=True,
        redaction_member=TRANSCRIPTION_REDACTION,
    ),
    references=(
        *_SETTINGS_REFERENCES,
        (("ModelSettings", "LanguageModelName"), LANGUAGE_MODELS.key),
    ),
    on_create=_transcription_created,
)
MEDICAL_TRANSCRIPTION_JOBS: Final = _job(
    "MedicalTranscriptionJob",
    "transcribe::medicaltranscriptionjob",
    "medical-transcription-job",
    JobFacts(
        document="transcript",
        outputs=_medical_outputs,
        uri_members={"transcript": ("Transcript", "TranscriptFileUri")},
        concurrent_limit=250,
    ),
    status_field="TranscriptionJobStatus",
    references=((("Settings", "VocabularyName"), MEDICAL_VOCABULARIES.key),),
    on_create=_medical_created,
)
CALL_ANALYTICS_JOBS: Final = _job(
    "CallAnalyticsJob",
    "transcribe::callanalyticsjob",
    "analytics",
    JobFacts(
        document="call_analytics",
        outputs=_call_analytics_outputs,
        uri_members=_TRANSCRIPT_URIS,
        concurrent_limit=100,
        redaction_member=CALL_ANALYTICS_REDACTION,
        sample_rate=8000,
        channel_roles=("AGENT", "CUSTOMER"),
    ),
    references=(
        *_SETTINGS_REFERENCES,
        (("Settings", "LanguageModelName"), LANGUAGE_MODELS.key),
    ),
)
MEDICAL_SCRIBE_JOBS: Final = _job(
    "MedicalScribeJob",
    "transcribe::medicalscribejob",
    "medical-scribe-job",
    JobFacts(
        document="medical_scribe",
        outputs=_medical_scribe_outputs,
        uri_members={
            "transcript": ("MedicalScribeOutput", "TranscriptFileUri"),
            "clinical": ("MedicalScribeOutput", "ClinicalDocumentUri"),
        },
        concurrent_limit=250,
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
