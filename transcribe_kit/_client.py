"""TranscribeClient: one typed async method per Transcribe operation."""

from __future__ import annotations

import contextlib
import copy
import os
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable, Sequence
from types import TracebackType
from typing import Any, TypeVar, overload

from botocore import xform_name
from botocore.config import Config

from transcribe_kit import _watcher
from transcribe_kit._converter import from_wire, to_wire
from transcribe_kit._error_mapping import translate
from transcribe_kit._exactly_once import StartGuard
from transcribe_kit._rate_limit import OperationRateLimiter, RateLimits
from transcribe_kit._session import new_session, single_attempt_config
from transcribe_kit._transcribe import (
    TranscribeMode,
    TranscriptionJobOptions,
    TranscriptionResult,
    transcribe,
)
from transcribe_kit._validation import validate
from transcribe_kit._watcher import TRANSCRIPTION_JOBS, JobKind, SummaryT
from transcribe_kit.errors import ConflictError, TranscribeError, UnsupportedOperationError
from transcribe_kit.paginators import DEFAULT_PAGE_SIZE, Paginator
from transcribe_kit.retry import RetryPolicy
from transcribe_kit.shapes.call_analytics import (
    CallAnalyticsJob,
    CallAnalyticsJobSummary,
    CategoryProperties,
    CreateCallAnalyticsCategoryRequest,
    CreateCallAnalyticsCategoryResponse,
    DeleteCallAnalyticsCategoryRequest,
    DeleteCallAnalyticsCategoryResponse,
    DeleteCallAnalyticsJobRequest,
    DeleteCallAnalyticsJobResponse,
    GetCallAnalyticsCategoryRequest,
    GetCallAnalyticsCategoryResponse,
    GetCallAnalyticsJobRequest,
    GetCallAnalyticsJobResponse,
    ListCallAnalyticsCategoriesRequest,
    ListCallAnalyticsCategoriesResponse,
    ListCallAnalyticsJobsRequest,
    ListCallAnalyticsJobsResponse,
    StartCallAnalyticsJobRequest,
    StartCallAnalyticsJobResponse,
    UpdateCallAnalyticsCategoryRequest,
    UpdateCallAnalyticsCategoryResponse,
)
from transcribe_kit.shapes.common import ContentRedaction, VocabularyInfo
from transcribe_kit.shapes.enums import (
    CallAnalyticsJobStatus,
    LanguageCode,
    MedicalScribeJobStatus,
    ModelStatus,
    SubtitleFormat,
    TranscriptionJobStatus,
    VocabularyState,
)
from transcribe_kit.shapes.language_models import (
    CreateLanguageModelRequest,
    CreateLanguageModelResponse,
    DeleteLanguageModelRequest,
    DeleteLanguageModelResponse,
    DescribeLanguageModelRequest,
    DescribeLanguageModelResponse,
    LanguageModel,
    ListLanguageModelsRequest,
    ListLanguageModelsResponse,
    UpdateLanguageModelRequest,
    UpdateLanguageModelResponse,
)
from transcribe_kit.shapes.medical import (
    CreateMedicalVocabularyRequest,
    CreateMedicalVocabularyResponse,
    DeleteMedicalTranscriptionJobRequest,
    DeleteMedicalTranscriptionJobResponse,
    DeleteMedicalVocabularyRequest,
    DeleteMedicalVocabularyResponse,
    GetMedicalTranscriptionJobRequest,
    GetMedicalTranscriptionJobResponse,
    GetMedicalVocabularyRequest,
    GetMedicalVocabularyResponse,
    ListMedicalTranscriptionJobsRequest,
    ListMedicalTranscriptionJobsResponse,
    ListMedicalVocabulariesRequest,
    ListMedicalVocabulariesResponse,
    MedicalTranscriptionJob,
    MedicalTranscriptionJobSummary,
    StartMedicalTranscriptionJobRequest,
    StartMedicalTranscriptionJobResponse,
    UpdateMedicalVocabularyRequest,
    UpdateMedicalVocabularyResponse,
)
from transcribe_kit.shapes.medical_scribe import (
    DeleteMedicalScribeJobRequest,
    DeleteMedicalScribeJobResponse,
    GetMedicalScribeJobRequest,
    GetMedicalScribeJobResponse,
    ListMedicalScribeJobsRequest,
    ListMedicalScribeJobsResponse,
    MedicalScribeJob,
    MedicalScribeJobSummary,
    StartMedicalScribeJobRequest,
    StartMedicalScribeJobResponse,
)
from transcribe_kit.shapes.tags import (
    ListTagsForResourceRequest,
    ListTagsForResourceResponse,
    TagResourceRequest,
    TagResourceResponse,
    UntagResourceRequest,
    UntagResourceResponse,
)
from transcribe_kit.shapes.transcribe_audio import (
    TranscribeAudioRequest,
    TranscribeAudioResponse,
)
from transcribe_kit.shapes.transcription_jobs import (
    DeleteTranscriptionJobRequest,
    DeleteTranscriptionJobResponse,
    GetTranscriptionJobRequest,
    GetTranscriptionJobResponse,
    ListTranscriptionJobsRequest,
    ListTranscriptionJobsResponse,
    Settings,
    StartTranscriptionJobRequest,
    StartTranscriptionJobResponse,
    TranscriptionJob,
    TranscriptionJobSummary,
)
from transcribe_kit.shapes.vocabularies import (
    CreateVocabularyRequest,
    CreateVocabularyResponse,
    DeleteVocabularyRequest,
    DeleteVocabularyResponse,
    GetVocabularyRequest,
    GetVocabularyResponse,
    ListVocabulariesRequest,
    ListVocabulariesResponse,
    UpdateVocabularyRequest,
    UpdateVocabularyResponse,
)
from transcribe_kit.shapes.vocabulary_filters import (
    CreateVocabularyFilterRequest,
    CreateVocabularyFilterResponse,
    DeleteVocabularyFilterRequest,
    DeleteVocabularyFilterResponse,
    GetVocabularyFilterRequest,
    GetVocabularyFilterResponse,
    ListVocabularyFiltersRequest,
    ListVocabularyFiltersResponse,
    UpdateVocabularyFilterRequest,
    UpdateVocabularyFilterResponse,
    VocabularyFilterInfo,
)
from transcribe_kit.transcript._call_analytics import CallAnalyticsTranscript
from transcribe_kit.transcript._document import ResultDocument, Transcript, parse_clinical_document
from transcribe_kit.transcript._fetch import (
    CallAnalyticsJobLike,
    DocumentReader,
    FetchLimits,
    MedicalScribeJobLike,
    TranscriptionJobLike,
    TranscriptJob,
    clinical_document_uri,
    document_reader,
    subtitles_uri,
    transcript_source,
)
from transcribe_kit.transcript._medical_scribe import ClinicalDocument, MedicalScribeTranscript
from transcribe_kit.waiters import (
    CALL_ANALYTICS_JOB_COMPLETED,
    DEFAULT_WAIT_POLICY,
    LANGUAGE_MODEL_COMPLETED,
    MEDICAL_SCRIBE_JOB_COMPLETED,
    MEDICAL_TRANSCRIPTION_JOB_COMPLETED,
    MEDICAL_VOCABULARY_READY,
    TRANSCRIPTION_JOB_COMPLETED,
    VOCABULARY_READY,
    Clock,
    Condition,
    SystemClock,
    Waiter,
    WaitPolicy,
)

ResponseT = TypeVar("ResponseT")
ResourceT = TypeVar("ResourceT")
ClientT = TypeVar("ClientT", bound="TranscribeClient")


class TranscribeClient:
    """An async, typed client for Amazon Transcribe.

    Use it as an async context manager::

        async with TranscribeClient(region_name="us-east-1") as tk:
            job = await tk.get_transcription_job(
                GetTranscriptionJobRequest(transcription_job_name="meeting-42")
            )

    It creates its own aiobotocore client from ``region_name``, ``endpoint_url``,
    ``profile_name``, credentials and a botocore ``Config`` (or from the aiobotocore
    ``session`` given), and closes it on exit. Pass ``client=`` to use an aiobotocore
    Transcribe client you already own: it is used as it is and never closed here.

    ``wait_policy`` paces the ``wait_for_*`` methods and :meth:`as_completed` unless a call
    passes its own; ``clock`` is where they read the time and sleep (replace it in tests).

    Every method validates its request locally (raising
    :class:`~transcribe_kit.RequestValidationError` before anything is sent), and maps
    service and transport failures to the typed errors of :mod:`transcribe_kit.errors`.

    Every call is retried by ``retry_policy`` (default :class:`~transcribe_kit.RetryPolicy`)
    and paced by ``rate_limits`` (default :class:`~transcribe_kit.RateLimits`: the
    published per-operation quotas); :meth:`with_options` changes them for some calls.
    A job start retried after a lost answer returns the job it started instead of a
    conflict. The clients created here make one attempt per call in botocore (its
    ``retries`` setting is replaced), so that retries are decided in one place; a client
    passed as ``client=`` keeps its own botocore retries, which then multiply with the
    policy's: give it ``Config(retries={"total_max_attempts": 1})`` or use
    ``RetryPolicy.none()``.
    """

    def __init__(
        self,
        *,
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
        rate_limits: RateLimits | None = None,
        wait_policy: WaitPolicy = DEFAULT_WAIT_POLICY,
        clock: Clock | None = None,
        fetch_limits: FetchLimits | None = None,
    ) -> None:
        if client is not None and (session is not None or region_name or endpoint_url):
            raise ValueError("pass either client= or the settings to create one, not both")
        self._client_settings: dict[str, Any] = {
            "region_name": region_name,
            "endpoint_url": endpoint_url,
            "aws_access_key_id": aws_access_key_id,
            "aws_secret_access_key": aws_secret_access_key,
            "aws_session_token": aws_session_token,
            "config": config,
        }
        self._profile_name = profile_name
        self._session = session
        self._client: Any | None = client
        self._owns_client = client is None
        self._exit_stack: contextlib.AsyncExitStack | None = None
        self._parent: TranscribeClient | None = None
        self._retry_policy = retry_policy or RetryPolicy()
        #: How the ``wait_for_*`` methods pace their polls, unless a call says otherwise.
        self.wait_policy = wait_policy
        #: Where waiters and watchers read the time and sleep.
        self.clock: Clock = clock or SystemClock()
        self._rate_limiter = OperationRateLimiter(
            rate_limits or RateLimits(), clock=self.clock.monotonic, sleep=self.clock.sleep
        )
        self._fetch_limits = fetch_limits or FetchLimits()
        self._active_session: Any | None = None
        self._documents: DocumentReader | None = None

    def with_options(
        self: ClientT,
        *,
        retry_policy: RetryPolicy | None = None,
        rate_limits: RateLimits | None = None,
        fetch_limits: FetchLimits | None = None,
    ) -> ClientT:
        """A view of this client with another retry policy, rate limits or fetch limits.

        The view shares this client's aiobotocore client (and is open while this client
        is) and, unless ``rate_limits`` is given, its token buckets. Closing the view
        closes nothing. ``tk.with_options(retry_policy=RetryPolicy.none())`` tries once.
        """
        view = copy.copy(self)
        view._parent = self._parent or self
        view._client = None
        view._owns_client = False
        view._exit_stack = None
        view._documents = None
        if fetch_limits is not None:
            view._fetch_limits = fetch_limits
        if retry_policy is not None:
            view._retry_policy = retry_policy
        if rate_limits is not None:
            view._rate_limiter = OperationRateLimiter(
                rate_limits, clock=self.clock.monotonic, sleep=self.clock.sleep
            )
        return view

    @property
    def retry_policy(self) -> RetryPolicy:
        """The retry policy applied to every call."""
        return self._retry_policy

    @property
    def rate_limits(self) -> RateLimits:
        """The per-operation request rates this client keeps to."""
        return self._rate_limiter.limits

    async def __aenter__(self: ClientT) -> ClientT:
        if self._owns_client and self._client is None:
            stack = contextlib.AsyncExitStack()
            session = self._session or new_session(self._profile_name)
            self._active_session = session
            settings = {key: value for key, value in self._client_settings.items() if value}
            settings["config"] = single_attempt_config(settings.get("config"))
            self._client = await stack.enter_async_context(
                session.create_client("transcribe", **settings)
            )
            self._exit_stack = stack
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the aiobotocore clients this object created; a no-op otherwise."""
        documents, self._documents = self._documents, None
        if documents is not None:
            await documents.close()
        stack, self._exit_stack = self._exit_stack, None
        if stack is not None:
            self._client = None
            await stack.aclose()

    @property
    def aiobotocore_client(self) -> Any:
        """The underlying aiobotocore Transcribe client, for anything not covered here."""
        if self._parent is not None:
            return self._parent.aiobotocore_client
        if self._client is None:
            raise TranscribeError("the client is not open: use `async with TranscribeClient(...)`")
        return self._client

    def __repr__(self) -> str:
        client = self._parent._client if self._parent is not None else self._client
        state = "open" if client is not None else "closed"
        region = client.meta.region_name if client is not None else None
        return f"<TranscribeClient {state} region={region!r}>"

    async def _invoke(
        self, operation_name: str, request: object, response_type: type[ResponseT]
    ) -> ResponseT:
        """Validate, convert and send one request; convert its response."""
        validate(request, operation_name)
        raw = await self._send(operation_name, to_wire(request))
        return from_wire(raw, response_type)

    async def _send(self, operation_name: str, params: dict[str, Any]) -> dict[str, Any]:
        """Call one operation under the rate limits and the retry policy."""
        guard = StartGuard.for_call(operation_name, params)

        async def attempt() -> dict[str, Any]:
            await self._rate_limiter.acquire(operation_name)
            try:
                return await self._send_once(operation_name, params)
            except ConflictError as conflict:
                if guard is None:
                    raise
                return await guard.resolve_conflict(conflict, self._send)
            except TranscribeError as error:
                if guard is not None:
                    guard.note_failure(error)
                raise

        return await self._retry_policy.call(
            operation_name, attempt, sleep=self.clock.sleep, clock=self.clock.monotonic
        )

    def _document_reader(self) -> DocumentReader:
        """The reader of result documents, made on first use and closed with this client."""
        owner = self._parent or self
        if owner._documents is None:
            owns = owner._owns_client
            owner._documents = document_reader(
                owner.aiobotocore_client,
                session=owner._active_session if owns else None,
                settings=owner._client_settings if owns else None,
            )
        return owner._documents

    async def _read_document(self, uri: str) -> bytes:
        """The bytes at ``uri`` (an S3 object or a presigned link), under this view's limits."""
        return await self._document_reader().read(
            uri,
            limits=self._fetch_limits,
            retry_policy=self._retry_policy,
            sleep=self.clock.sleep,
            clock=self.clock.monotonic,
        )

    async def _send_once(self, operation_name: str, params: dict[str, Any]) -> dict[str, Any]:
        """Call one operation once on the aiobotocore client, mapping its errors."""
        client = self.aiobotocore_client
        method = getattr(client, xform_name(operation_name), None)
        if method is None:
            raise UnsupportedOperationError(
                f"{operation_name} is not known to the installed botocore; create the client "
                "through TranscribeClient (which ships the newer model) or upgrade botocore",
                operation_name=operation_name,
            )
        try:
            response: dict[str, Any] = await method(**params)
        except Exception as exc:
            mapped = translate(exc, operation_name)
            if mapped is None:
                raise
            raise mapped from exc
        return response

    # Transcription jobs

    async def delete_transcription_job(
        self,
        request: DeleteTranscriptionJobRequest,
    ) -> DeleteTranscriptionJobResponse:
        """Delete a transcription job (``DeleteTranscriptionJob``).

        Deletes a transcription job.
        """
        return await self._invoke("DeleteTranscriptionJob", request, DeleteTranscriptionJobResponse)

    async def get_transcription_job(
        self,
        request: GetTranscriptionJobRequest,
    ) -> GetTranscriptionJobResponse:
        """Get a transcription job (``GetTranscriptionJob``).

        Provides information about the specified transcription job.
        """
        return await self._invoke("GetTranscriptionJob", request, GetTranscriptionJobResponse)

    async def list_transcription_jobs(
        self,
        request: ListTranscriptionJobsRequest | None = None,
    ) -> ListTranscriptionJobsResponse:
        """List transcription jobs (``ListTranscriptionJobs``).

        Provides a list of transcription jobs that match the specified criteria.
        """
        return await self._invoke(
            "ListTranscriptionJobs",
            request or ListTranscriptionJobsRequest(),
            ListTranscriptionJobsResponse,
        )

    async def start_transcription_job(
        self,
        request: StartTranscriptionJobRequest,
    ) -> StartTranscriptionJobResponse:
        """Start a transcription job (``StartTranscriptionJob``).

        Transcribes the audio from a media file and applies any additional Request Parameters
        you choose to include in your request.
        """
        return await self._invoke("StartTranscriptionJob", request, StartTranscriptionJobResponse)

    # Medical transcription jobs and medical vocabularies

    async def create_medical_vocabulary(
        self,
        request: CreateMedicalVocabularyRequest,
    ) -> CreateMedicalVocabularyResponse:
        """Create a medical vocabulary (``CreateMedicalVocabulary``).

        Creates a new custom medical vocabulary.
        """
        return await self._invoke(
            "CreateMedicalVocabulary", request, CreateMedicalVocabularyResponse
        )

    async def delete_medical_transcription_job(
        self,
        request: DeleteMedicalTranscriptionJobRequest,
    ) -> DeleteMedicalTranscriptionJobResponse:
        """Delete a medical transcription job (``DeleteMedicalTranscriptionJob``).

        Deletes a medical transcription job.
        """
        return await self._invoke(
            "DeleteMedicalTranscriptionJob", request, DeleteMedicalTranscriptionJobResponse
        )

    async def delete_medical_vocabulary(
        self,
        request: DeleteMedicalVocabularyRequest,
    ) -> DeleteMedicalVocabularyResponse:
        """Delete a medical vocabulary (``DeleteMedicalVocabulary``).

        Deletes a custom medical vocabulary.
        """
        return await self._invoke(
            "DeleteMedicalVocabulary", request, DeleteMedicalVocabularyResponse
        )

    async def get_medical_transcription_job(
        self,
        request: GetMedicalTranscriptionJobRequest,
    ) -> GetMedicalTranscriptionJobResponse:
        """Get a medical transcription job (``GetMedicalTranscriptionJob``).

        Provides information about the specified medical transcription job.
        """
        return await self._invoke(
            "GetMedicalTranscriptionJob", request, GetMedicalTranscriptionJobResponse
        )

    async def get_medical_vocabulary(
        self,
        request: GetMedicalVocabularyRequest,
    ) -> GetMedicalVocabularyResponse:
        """Get a medical vocabulary (``GetMedicalVocabulary``).

        Provides information about the specified custom medical vocabulary.
        """
        return await self._invoke("GetMedicalVocabulary", request, GetMedicalVocabularyResponse)

    async def list_medical_transcription_jobs(
        self,
        request: ListMedicalTranscriptionJobsRequest | None = None,
    ) -> ListMedicalTranscriptionJobsResponse:
        """List medical transcription jobs (``ListMedicalTranscriptionJobs``).

        Provides a list of medical transcription jobs that match the specified criteria.
        """
        return await self._invoke(
            "ListMedicalTranscriptionJobs",
            request or ListMedicalTranscriptionJobsRequest(),
            ListMedicalTranscriptionJobsResponse,
        )

    async def list_medical_vocabularies(
        self,
        request: ListMedicalVocabulariesRequest | None = None,
    ) -> ListMedicalVocabulariesResponse:
        """List medical vocabularies (``ListMedicalVocabularies``).

        Provides a list of custom medical vocabularies that match the specified criteria.
        """
        return await self._invoke(
            "ListMedicalVocabularies",
            request or ListMedicalVocabulariesRequest(),
            ListMedicalVocabulariesResponse,
        )

    async def start_medical_transcription_job(
        self,
        request: StartMedicalTranscriptionJobRequest,
    ) -> StartMedicalTranscriptionJobResponse:
        """Start a medical transcription job (``StartMedicalTranscriptionJob``).

        Transcribes the audio from a medical dictation or conversation and applies any
        additional Request Parameters you choose to include in your request.
        """
        return await self._invoke(
            "StartMedicalTranscriptionJob", request, StartMedicalTranscriptionJobResponse
        )

    async def update_medical_vocabulary(
        self,
        request: UpdateMedicalVocabularyRequest,
    ) -> UpdateMedicalVocabularyResponse:
        """Update a medical vocabulary (``UpdateMedicalVocabulary``).

        Updates an existing custom medical vocabulary with new values.
        """
        return await self._invoke(
            "UpdateMedicalVocabulary", request, UpdateMedicalVocabularyResponse
        )

    # Custom vocabularies

    async def create_vocabulary(self, request: CreateVocabularyRequest) -> CreateVocabularyResponse:
        """Create a vocabulary (``CreateVocabulary``).

        Creates a new custom vocabulary.
        """
        return await self._invoke("CreateVocabulary", request, CreateVocabularyResponse)

    async def delete_vocabulary(self, request: DeleteVocabularyRequest) -> DeleteVocabularyResponse:
        """Delete a vocabulary (``DeleteVocabulary``).

        Deletes a custom vocabulary.
        """
        return await self._invoke("DeleteVocabulary", request, DeleteVocabularyResponse)

    async def get_vocabulary(self, request: GetVocabularyRequest) -> GetVocabularyResponse:
        """Get a vocabulary (``GetVocabulary``).

        Provides information about the specified custom vocabulary.
        """
        return await self._invoke("GetVocabulary", request, GetVocabularyResponse)

    async def list_vocabularies(
        self,
        request: ListVocabulariesRequest | None = None,
    ) -> ListVocabulariesResponse:
        """List vocabularies (``ListVocabularies``).

        Provides a list of custom vocabularies that match the specified criteria.
        """
        return await self._invoke(
            "ListVocabularies", request or ListVocabulariesRequest(), ListVocabulariesResponse
        )

    async def update_vocabulary(self, request: UpdateVocabularyRequest) -> UpdateVocabularyResponse:
        """Update a vocabulary (``UpdateVocabulary``).

        Updates an existing custom vocabulary with new values.
        """
        return await self._invoke("UpdateVocabulary", request, UpdateVocabularyResponse)

    # Vocabulary filters

    async def create_vocabulary_filter(
        self,
        request: CreateVocabularyFilterRequest,
    ) -> CreateVocabularyFilterResponse:
        """Create a vocabulary filter (``CreateVocabularyFilter``).

        Creates a new custom vocabulary filter.
        """
        return await self._invoke("CreateVocabularyFilter", request, CreateVocabularyFilterResponse)

    async def delete_vocabulary_filter(
        self,
        request: DeleteVocabularyFilterRequest,
    ) -> DeleteVocabularyFilterResponse:
        """Delete a vocabulary filter (``DeleteVocabularyFilter``).

        Deletes a custom vocabulary filter.
        """
        return await self._invoke("DeleteVocabularyFilter", request, DeleteVocabularyFilterResponse)

    async def get_vocabulary_filter(
        self,
        request: GetVocabularyFilterRequest,
    ) -> GetVocabularyFilterResponse:
        """Get a vocabulary filter (``GetVocabularyFilter``).

        Provides information about the specified custom vocabulary filter.
        """
        return await self._invoke("GetVocabularyFilter", request, GetVocabularyFilterResponse)

    async def list_vocabulary_filters(
        self,
        request: ListVocabularyFiltersRequest | None = None,
    ) -> ListVocabularyFiltersResponse:
        """List vocabulary filters (``ListVocabularyFilters``).

        Provides a list of custom vocabulary filters that match the specified criteria.
        """
        return await self._invoke(
            "ListVocabularyFilters",
            request or ListVocabularyFiltersRequest(),
            ListVocabularyFiltersResponse,
        )

    async def update_vocabulary_filter(
        self,
        request: UpdateVocabularyFilterRequest,
    ) -> UpdateVocabularyFilterResponse:
        """Update a vocabulary filter (``UpdateVocabularyFilter``).

        Updates an existing custom vocabulary filter with a new list of words.
        """
        return await self._invoke("UpdateVocabularyFilter", request, UpdateVocabularyFilterResponse)

    # Custom language models

    async def create_language_model(
        self,
        request: CreateLanguageModelRequest,
    ) -> CreateLanguageModelResponse:
        """Create a language model (``CreateLanguageModel``).

        Creates a new custom language model.
        """
        return await self._invoke("CreateLanguageModel", request, CreateLanguageModelResponse)

    async def delete_language_model(
        self,
        request: DeleteLanguageModelRequest,
    ) -> DeleteLanguageModelResponse:
        """Delete a language model (``DeleteLanguageModel``).

        Deletes a custom language model.
        """
        return await self._invoke("DeleteLanguageModel", request, DeleteLanguageModelResponse)

    async def describe_language_model(
        self,
        request: DescribeLanguageModelRequest,
    ) -> DescribeLanguageModelResponse:
        """Describe a language model (``DescribeLanguageModel``).

        Provides information about the specified custom language model.
        """
        return await self._invoke("DescribeLanguageModel", request, DescribeLanguageModelResponse)

    async def list_language_models(
        self,
        request: ListLanguageModelsRequest | None = None,
    ) -> ListLanguageModelsResponse:
        """List language models (``ListLanguageModels``).

        Provides a list of custom language models that match the specified criteria.
        """
        return await self._invoke(
            "ListLanguageModels", request or ListLanguageModelsRequest(), ListLanguageModelsResponse
        )

    async def update_language_model(
        self,
        request: UpdateLanguageModelRequest,
    ) -> UpdateLanguageModelResponse:
        """Update a language model (``UpdateLanguageModel``).

        Updates the encryption configuration for an existing custom language model.
        """
        return await self._invoke("UpdateLanguageModel", request, UpdateLanguageModelResponse)

    # Call Analytics categories and jobs

    async def create_call_analytics_category(
        self,
        request: CreateCallAnalyticsCategoryRequest,
    ) -> CreateCallAnalyticsCategoryResponse:
        """Create a call analytics category (``CreateCallAnalyticsCategory``).

        Creates a new Call Analytics category.
        """
        return await self._invoke(
            "CreateCallAnalyticsCategory", request, CreateCallAnalyticsCategoryResponse
        )

    async def delete_call_analytics_category(
        self,
        request: DeleteCallAnalyticsCategoryRequest,
    ) -> DeleteCallAnalyticsCategoryResponse:
        """Delete a call analytics category (``DeleteCallAnalyticsCategory``).

        Deletes a Call Analytics category.
        """
        return await self._invoke(
            "DeleteCallAnalyticsCategory", request, DeleteCallAnalyticsCategoryResponse
        )

    async def delete_call_analytics_job(
        self,
        request: DeleteCallAnalyticsJobRequest,
    ) -> DeleteCallAnalyticsJobResponse:
        """Delete a call analytics job (``DeleteCallAnalyticsJob``).

        Deletes a Call Analytics job.
        """
        return await self._invoke("DeleteCallAnalyticsJob", request, DeleteCallAnalyticsJobResponse)

    async def get_call_analytics_category(
        self,
        request: GetCallAnalyticsCategoryRequest,
    ) -> GetCallAnalyticsCategoryResponse:
        """Get a call analytics category (``GetCallAnalyticsCategory``).

        Provides information about the specified Call Analytics category.
        """
        return await self._invoke(
            "GetCallAnalyticsCategory", request, GetCallAnalyticsCategoryResponse
        )

    async def get_call_analytics_job(
        self,
        request: GetCallAnalyticsJobRequest,
    ) -> GetCallAnalyticsJobResponse:
        """Get a call analytics job (``GetCallAnalyticsJob``).

        Provides information about the specified Call Analytics job.
        """
        return await self._invoke("GetCallAnalyticsJob", request, GetCallAnalyticsJobResponse)

    async def list_call_analytics_categories(
        self,
        request: ListCallAnalyticsCategoriesRequest | None = None,
    ) -> ListCallAnalyticsCategoriesResponse:
        """List call analytics categories (``ListCallAnalyticsCategories``).

        Provides a list of Call Analytics categories, including all rules that make up each
        category.
        """
        return await self._invoke(
            "ListCallAnalyticsCategories",
            request or ListCallAnalyticsCategoriesRequest(),
            ListCallAnalyticsCategoriesResponse,
        )

    async def list_call_analytics_jobs(
        self,
        request: ListCallAnalyticsJobsRequest | None = None,
    ) -> ListCallAnalyticsJobsResponse:
        """List call analytics jobs (``ListCallAnalyticsJobs``).

        Provides a list of Call Analytics jobs that match the specified criteria.
        """
        return await self._invoke(
            "ListCallAnalyticsJobs",
            request or ListCallAnalyticsJobsRequest(),
            ListCallAnalyticsJobsResponse,
        )

    async def start_call_analytics_job(
        self,
        request: StartCallAnalyticsJobRequest,
    ) -> StartCallAnalyticsJobResponse:
        """Start a call analytics job (``StartCallAnalyticsJob``).

        Transcribes the audio from a customer service call and applies any additional Request
        Parameters you choose to include in your request.
        """
        return await self._invoke("StartCallAnalyticsJob", request, StartCallAnalyticsJobResponse)

    async def update_call_analytics_category(
        self,
        request: UpdateCallAnalyticsCategoryRequest,
    ) -> UpdateCallAnalyticsCategoryResponse:
        """Update a call analytics category (``UpdateCallAnalyticsCategory``).

        Updates the specified Call Analytics category with new rules.
        """
        return await self._invoke(
            "UpdateCallAnalyticsCategory", request, UpdateCallAnalyticsCategoryResponse
        )

    # Medical scribe (AWS HealthScribe) jobs

    async def delete_medical_scribe_job(
        self,
        request: DeleteMedicalScribeJobRequest,
    ) -> DeleteMedicalScribeJobResponse:
        """Delete a medical scribe job (``DeleteMedicalScribeJob``).

        Deletes a Medical Scribe job.
        """
        return await self._invoke("DeleteMedicalScribeJob", request, DeleteMedicalScribeJobResponse)

    async def get_medical_scribe_job(
        self,
        request: GetMedicalScribeJobRequest,
    ) -> GetMedicalScribeJobResponse:
        """Get a medical scribe job (``GetMedicalScribeJob``).

        Provides information about the specified Medical Scribe job.
        """
        return await self._invoke("GetMedicalScribeJob", request, GetMedicalScribeJobResponse)

    async def list_medical_scribe_jobs(
        self,
        request: ListMedicalScribeJobsRequest | None = None,
    ) -> ListMedicalScribeJobsResponse:
        """List medical scribe jobs (``ListMedicalScribeJobs``).

        Provides a list of Medical Scribe jobs that match the specified criteria.
        """
        return await self._invoke(
            "ListMedicalScribeJobs",
            request or ListMedicalScribeJobsRequest(),
            ListMedicalScribeJobsResponse,
        )

    async def start_medical_scribe_job(
        self,
        request: StartMedicalScribeJobRequest,
    ) -> StartMedicalScribeJobResponse:
        """Start a medical scribe job (``StartMedicalScribeJob``).

        Transcribes patient-clinician conversations and generates clinical notes.
        """
        return await self._invoke("StartMedicalScribeJob", request, StartMedicalScribeJobResponse)

    # Tags

    async def list_tags_for_resource(
        self,
        request: ListTagsForResourceRequest,
    ) -> ListTagsForResourceResponse:
        """List the tags of a resource (``ListTagsForResource``).

        Lists all tags associated with the specified transcription job, vocabulary, model, or
        resource.
        """
        return await self._invoke("ListTagsForResource", request, ListTagsForResourceResponse)

    async def tag_resource(self, request: TagResourceRequest) -> TagResourceResponse:
        """Add tags to a resource (``TagResource``).

        Adds one or more custom tags, each in the form of a key:value pair, to the specified
        resource.
        """
        return await self._invoke("TagResource", request, TagResourceResponse)

    async def untag_resource(self, request: UntagResourceRequest) -> UntagResourceResponse:
        """Remove tags from a resource (``UntagResource``).

        Removes the specified tags from the specified Amazon Transcribe resource.
        """
        return await self._invoke("UntagResource", request, UntagResourceResponse)

    # Synchronous transcription

    async def transcribe_audio(self, request: TranscribeAudioRequest) -> TranscribeAudioResponse:
        """Transcribe inline audio or a media file synchronously (``TranscribeAudio``).

        Transcribes a media file and returns the transcript in the same response.
        """
        return await self._invoke("TranscribeAudio", request, TranscribeAudioResponse)

    # Paginators (see transcribe_kit.paginators)

    def paginate_transcription_jobs(
        self,
        *,
        status: TranscriptionJobStatus | None = None,
        job_name_contains: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> Paginator[
        ListTranscriptionJobsRequest, ListTranscriptionJobsResponse, TranscriptionJobSummary
    ]:
        """The transcription jobs that match, across pages (``ListTranscriptionJobs``).

        See :class:`~transcribe_kit.paginators.Paginator` for the paging options.
        """
        return Paginator(
            self.list_transcription_jobs,
            ListTranscriptionJobsRequest(status=status, job_name_contains=job_name_contains),
            lambda page: page.transcription_job_summaries,
            operation_name="ListTranscriptionJobs",
            page_size=page_size,
            max_items=max_items,
            starting_token=starting_token,
        )

    def paginate_medical_transcription_jobs(
        self,
        *,
        status: TranscriptionJobStatus | None = None,
        job_name_contains: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> Paginator[
        ListMedicalTranscriptionJobsRequest,
        ListMedicalTranscriptionJobsResponse,
        MedicalTranscriptionJobSummary,
    ]:
        """The medical jobs that match, across pages (``ListMedicalTranscriptionJobs``).

        See :class:`~transcribe_kit.paginators.Paginator` for the paging options.
        """
        return Paginator(
            self.list_medical_transcription_jobs,
            ListMedicalTranscriptionJobsRequest(status=status, job_name_contains=job_name_contains),
            lambda page: page.medical_transcription_job_summaries,
            operation_name="ListMedicalTranscriptionJobs",
            page_size=page_size,
            max_items=max_items,
            starting_token=starting_token,
        )

    def paginate_medical_scribe_jobs(
        self,
        *,
        status: MedicalScribeJobStatus | None = None,
        job_name_contains: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> Paginator[
        ListMedicalScribeJobsRequest, ListMedicalScribeJobsResponse, MedicalScribeJobSummary
    ]:
        """The medical scribe jobs that match, across pages (``ListMedicalScribeJobs``).

        See :class:`~transcribe_kit.paginators.Paginator` for the paging options.
        """
        return Paginator(
            self.list_medical_scribe_jobs,
            ListMedicalScribeJobsRequest(status=status, job_name_contains=job_name_contains),
            lambda page: page.medical_scribe_job_summaries,
            operation_name="ListMedicalScribeJobs",
            page_size=page_size,
            max_items=max_items,
            starting_token=starting_token,
        )

    def paginate_call_analytics_jobs(
        self,
        *,
        status: CallAnalyticsJobStatus | None = None,
        job_name_contains: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> Paginator[
        ListCallAnalyticsJobsRequest, ListCallAnalyticsJobsResponse, CallAnalyticsJobSummary
    ]:
        """The Call Analytics jobs that match, across pages (``ListCallAnalyticsJobs``).

        See :class:`~transcribe_kit.paginators.Paginator` for the paging options.
        """
        return Paginator(
            self.list_call_analytics_jobs,
            ListCallAnalyticsJobsRequest(status=status, job_name_contains=job_name_contains),
            lambda page: page.call_analytics_job_summaries,
            operation_name="ListCallAnalyticsJobs",
            page_size=page_size,
            max_items=max_items,
            starting_token=starting_token,
        )

    def paginate_call_analytics_categories(
        self,
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> Paginator[
        ListCallAnalyticsCategoriesRequest, ListCallAnalyticsCategoriesResponse, CategoryProperties
    ]:
        """The Call Analytics categories that match, across pages (``ListCallAnalyticsCategories``).

        See :class:`~transcribe_kit.paginators.Paginator` for the paging options.
        """
        return Paginator(
            self.list_call_analytics_categories,
            ListCallAnalyticsCategoriesRequest(),
            lambda page: page.categories,
            operation_name="ListCallAnalyticsCategories",
            page_size=page_size,
            max_items=max_items,
            starting_token=starting_token,
        )

    def paginate_vocabularies(
        self,
        *,
        state_equals: VocabularyState | None = None,
        name_contains: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> Paginator[ListVocabulariesRequest, ListVocabulariesResponse, VocabularyInfo]:
        """The custom vocabularies that match, across pages (``ListVocabularies``).

        See :class:`~transcribe_kit.paginators.Paginator` for the paging options.
        """
        return Paginator(
            self.list_vocabularies,
            ListVocabulariesRequest(state_equals=state_equals, name_contains=name_contains),
            lambda page: page.vocabularies,
            operation_name="ListVocabularies",
            page_size=page_size,
            max_items=max_items,
            starting_token=starting_token,
        )

    def paginate_medical_vocabularies(
        self,
        *,
        state_equals: VocabularyState | None = None,
        name_contains: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> Paginator[ListMedicalVocabulariesRequest, ListMedicalVocabulariesResponse, VocabularyInfo]:
        """The custom medical vocabularies that match, across pages (``ListMedicalVocabularies``).

        See :class:`~transcribe_kit.paginators.Paginator` for the paging options.
        """
        return Paginator(
            self.list_medical_vocabularies,
            ListMedicalVocabulariesRequest(state_equals=state_equals, name_contains=name_contains),
            lambda page: page.vocabularies,
            operation_name="ListMedicalVocabularies",
            page_size=page_size,
            max_items=max_items,
            starting_token=starting_token,
        )

    def paginate_vocabulary_filters(
        self,
        *,
        name_contains: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> Paginator[
        ListVocabularyFiltersRequest, ListVocabularyFiltersResponse, VocabularyFilterInfo
    ]:
        """The custom vocabulary filters that match, across pages (``ListVocabularyFilters``).

        See :class:`~transcribe_kit.paginators.Paginator` for the paging options.
        """
        return Paginator(
            self.list_vocabulary_filters,
            ListVocabularyFiltersRequest(name_contains=name_contains),
            lambda page: page.vocabulary_filters,
            operation_name="ListVocabularyFilters",
            page_size=page_size,
            max_items=max_items,
            starting_token=starting_token,
        )

    def paginate_language_models(
        self,
        *,
        status_equals: ModelStatus | None = None,
        name_contains: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        max_items: int | None = None,
        starting_token: str | None = None,
    ) -> Paginator[ListLanguageModelsRequest, ListLanguageModelsResponse, LanguageModel]:
        """The custom language models that match, across pages (``ListLanguageModels``).

        See :class:`~transcribe_kit.paginators.Paginator` for the paging options.
        """
        return Paginator(
            self.list_language_models,
            ListLanguageModelsRequest(status_equals=status_equals, name_contains=name_contains),
            lambda page: page.models,
            operation_name="ListLanguageModels",
            page_size=page_size,
            max_items=max_items,
            starting_token=starting_token,
        )

    # Waiters (see transcribe_kit.waiters)

    def wait_for_transcription_job(
        self,
        name: str,
        *,
        policy: WaitPolicy | None = None,
        on_change: Callable[[TranscriptionJob], object] | None = None,
    ) -> Waiter[TranscriptionJob]:
        """Poll the transcription job ``name`` until it is COMPLETED.

        As botocore's ``TranscriptionJobCompleted``, paced by ``policy`` (default
        :attr:`wait_policy`). ``await`` it for the final state or iterate it for each
        status change (see :class:`~transcribe_kit.waiters.Waiter`).
        """
        return self._waiter(
            TRANSCRIPTION_JOB_COMPLETED,
            name,
            lambda: self.get_transcription_job(
                GetTranscriptionJobRequest(transcription_job_name=name)
            ),
            policy,
            on_change,
        )

    def wait_for_medical_transcription_job(
        self,
        name: str,
        *,
        policy: WaitPolicy | None = None,
        on_change: Callable[[MedicalTranscriptionJob], object] | None = None,
    ) -> Waiter[MedicalTranscriptionJob]:
        """Poll the medical transcription job ``name`` until it is COMPLETED.

        As botocore's ``MedicalTranscriptionJobCompleted``, paced by ``policy`` (default
        :attr:`wait_policy`). ``await`` it for the final state or iterate it for each
        status change (see :class:`~transcribe_kit.waiters.Waiter`).
        """
        return self._waiter(
            MEDICAL_TRANSCRIPTION_JOB_COMPLETED,
            name,
            lambda: self.get_medical_transcription_job(
                GetMedicalTranscriptionJobRequest(medical_transcription_job_name=name)
            ),
            policy,
            on_change,
        )

    def wait_for_call_analytics_job(
        self,
        name: str,
        *,
        policy: WaitPolicy | None = None,
        on_change: Callable[[CallAnalyticsJob], object] | None = None,
    ) -> Waiter[CallAnalyticsJob]:
        """Poll the Call Analytics job ``name`` until it is COMPLETED.

        As botocore's ``CallAnalyticsJobCompleted``, paced by ``policy`` (default
        :attr:`wait_policy`). ``await`` it for the final state or iterate it for each
        status change (see :class:`~transcribe_kit.waiters.Waiter`).
        """
        return self._waiter(
            CALL_ANALYTICS_JOB_COMPLETED,
            name,
            lambda: self.get_call_analytics_job(
                GetCallAnalyticsJobRequest(call_analytics_job_name=name)
            ),
            policy,
            on_change,
        )

    def wait_for_medical_scribe_job(
        self,
        name: str,
        *,
        policy: WaitPolicy | None = None,
        on_change: Callable[[MedicalScribeJob], object] | None = None,
    ) -> Waiter[MedicalScribeJob]:
        """Poll the medical scribe job ``name`` until it is COMPLETED.

        As botocore's ``MedicalScribeJobCompleted``, paced by ``policy`` (default
        :attr:`wait_policy`). ``await`` it for the final state or iterate it for each
        status change (see :class:`~transcribe_kit.waiters.Waiter`).
        """
        return self._waiter(
            MEDICAL_SCRIBE_JOB_COMPLETED,
            name,
            lambda: self.get_medical_scribe_job(
                GetMedicalScribeJobRequest(medical_scribe_job_name=name)
            ),
            policy,
            on_change,
        )

    def wait_for_vocabulary(
        self,
        name: str,
        *,
        policy: WaitPolicy | None = None,
        on_change: Callable[[GetVocabularyResponse], object] | None = None,
    ) -> Waiter[GetVocabularyResponse]:
        """Poll the custom vocabulary ``name`` until it is READY.

        As botocore's ``VocabularyReady``, paced by ``policy`` (default
        :attr:`wait_policy`). ``await`` it for the final state or iterate it for each
        status change (see :class:`~transcribe_kit.waiters.Waiter`).
        """
        return self._waiter(
            VOCABULARY_READY,
            name,
            lambda: self.get_vocabulary(GetVocabularyRequest(vocabulary_name=name)),
            policy,
            on_change,
        )

    def wait_for_medical_vocabulary(
        self,
        name: str,
        *,
        policy: WaitPolicy | None = None,
        on_change: Callable[[GetMedicalVocabularyResponse], object] | None = None,
    ) -> Waiter[GetMedicalVocabularyResponse]:
        """Poll the custom medical vocabulary ``name`` until it is READY.

        As botocore's ``MedicalVocabularyReady``, paced by ``policy`` (default
        :attr:`wait_policy`). ``await`` it for the final state or iterate it for each
        status change (see :class:`~transcribe_kit.waiters.Waiter`).
        """
        return self._waiter(
            MEDICAL_VOCABULARY_READY,
            name,
            lambda: self.get_medical_vocabulary(GetMedicalVocabularyRequest(vocabulary_name=name)),
            policy,
            on_change,
        )

    def wait_for_language_model(
        self,
        name: str,
        *,
        policy: WaitPolicy | None = None,
        on_change: Callable[[LanguageModel], object] | None = None,
    ) -> Waiter[LanguageModel]:
        """Poll the custom language model ``name`` until it is COMPLETED.

        As botocore's ``LanguageModelCompleted``, paced by ``policy`` (default
        :attr:`wait_policy`). ``await`` it for the final state or iterate it for each
        status change (see :class:`~transcribe_kit.waiters.Waiter`).
        """
        return self._waiter(
            LANGUAGE_MODEL_COMPLETED,
            name,
            lambda: self.describe_language_model(DescribeLanguageModelRequest(model_name=name)),
            policy,
            on_change,
        )

    def _waiter(
        self,
        condition: Condition[ResponseT, ResourceT],
        name: str,
        get: Callable[[], Awaitable[ResponseT]],
        policy: WaitPolicy | None,
        on_change: Callable[[ResourceT], object] | None,
    ) -> Waiter[ResourceT]:
        return Waiter(
            condition,
            name,
            get,
            policy=policy or self.wait_policy,
            clock=self.clock,
            on_change=on_change,
        )

    # Many jobs at once (see transcribe_kit._watcher)

    @overload
    def as_completed(
        self,
        names: Iterable[str],
        *,
        policy: WaitPolicy | None = None,
        raise_on_failure: bool = False,
    ) -> AsyncGenerator[TranscriptionJobSummary, None]: ...

    @overload
    def as_completed(
        self,
        names: Iterable[str],
        *,
        kind: JobKind[SummaryT],
        policy: WaitPolicy | None = None,
        raise_on_failure: bool = False,
    ) -> AsyncGenerator[SummaryT, None]: ...

    def as_completed(
        self,
        names: Iterable[str],
        *,
        kind: JobKind[Any] = TRANSCRIPTION_JOBS,
        policy: WaitPolicy | None = None,
        raise_on_failure: bool = False,
    ) -> AsyncGenerator[Any, None]:
        """Yield each of the jobs ``names`` (summary) as it is seen COMPLETED or FAILED.

        Watches them all through the List operations, not one poller each; ``kind`` picks
        transcription (default), medical, Call Analytics or medical scribe jobs. ``policy``
        paces the rounds (default :attr:`wait_policy`, its cap lowered to 5 s). A FAILED
        job is yielded like the others, or raises :class:`~transcribe_kit.ResourceFailedError`
        if ``raise_on_failure``; the deadline raises :class:`~transcribe_kit.WaitTimeoutError`.
        """
        return _watcher.as_completed(
            self,
            kind,
            names,
            policy=policy or _watcher.watch_policy(self.wait_policy),
            raise_on_failure=raise_on_failure,
        )

    @overload
    async def wait_all(
        self,
        names: Iterable[str],
        *,
        policy: WaitPolicy | None = None,
        raise_on_failure: bool = False,
    ) -> list[TranscriptionJobSummary]: ...

    @overload
    async def wait_all(
        self,
        names: Iterable[str],
        *,
        kind: JobKind[SummaryT],
        policy: WaitPolicy | None = None,
        raise_on_failure: bool = False,
    ) -> list[SummaryT]: ...

    async def wait_all(
        self,
        names: Iterable[str],
        *,
        kind: JobKind[Any] = TRANSCRIPTION_JOBS,
        policy: WaitPolicy | None = None,
        raise_on_failure: bool = False,
    ) -> list[Any]:
        """The summaries of the jobs ``names``, in that order, once each is finished.

        Watches as :meth:`as_completed` does; FAILED jobs are in the list (check their
        status) unless ``raise_on_failure``.
        """
        return await _watcher.wait_all(
            self,
            kind,
            names,
            policy=policy or _watcher.watch_policy(self.wait_policy),
            raise_on_failure=raise_on_failure,
        )

    # Result documents

    @overload
    async def fetch_transcript(
        self, job_or_uri: TranscriptJob, *, redacted: bool = False
    ) -> Transcript: ...

    @overload
    async def fetch_transcript(
        self, job_or_uri: CallAnalyticsJobLike, *, redacted: bool = False
    ) -> CallAnalyticsTranscript: ...

    @overload
    async def fetch_transcript(
        self, job_or_uri: MedicalScribeJobLike, *, redacted: bool = False
    ) -> MedicalScribeTranscript: ...

    @overload
    async def fetch_transcript(
        self, job_or_uri: str, *, redacted: bool = False
    ) -> ResultDocument: ...

    async def fetch_transcript(
        self,
        job_or_uri: TranscriptJob | CallAnalyticsJobLike | MedicalScribeJobLike | str,
        *,
        redacted: bool = False,
    ) -> ResultDocument:
        """Read and parse the transcript a completed job wrote, or the document at a URI.

        A transcription or medical job (or its Get response) gives a
        :class:`~transcribe_kit.Transcript`, a Call Analytics job a
        :class:`~transcribe_kit.CallAnalyticsTranscript`, a HealthScribe job its
        :class:`~transcribe_kit.MedicalScribeTranscript`; a URI whichever document it holds.
        ``redacted=True`` reads the redacted transcript instead (ignored for a URI).

        A document in your bucket is read with S3 ``GetObject`` (an S3 client made from
        this client's session, region and endpoint); a presigned link to the service's
        bucket is fetched over HTTPS from AWS hosts only. Raises
        :class:`~transcribe_kit.TranscriptNotReadyError` for a job that has not completed,
        :class:`~transcribe_kit.TranscriptLinkExpiredError` for a presigned link older than
        15 minutes (get the job again), another
        :class:`~transcribe_kit.TranscriptFetchError` when the document cannot be read,
        :class:`~transcribe_kit.TransportError` when no answer came in time.
        """
        uri, parse = transcript_source(job_or_uri, redacted=redacted)
        return parse(await self._read_document(uri))

    async def fetch_subtitles(
        self,
        job: TranscriptionJobLike,
        format: SubtitleFormat | str = SubtitleFormat.SRT,
    ) -> str:
        """The text of the subtitle file of ``format`` (``srt`` or ``vtt``) a job wrote.

        The job must have asked for that format (``Subtitles``); errors as
        :meth:`fetch_transcript`.
        """
        data = await self._read_document(subtitles_uri(job, format))
        return data.decode("utf-8-sig")

    async def fetch_clinical_document(self, job: MedicalScribeJobLike) -> ClinicalDocument:
        """The clinical document (the note) a completed HealthScribe job wrote."""
        return parse_clinical_document(await self._read_document(clinical_document_uri(job)))

    # One call from media to transcript

    async def transcribe(
        self,
        media: str | os.PathLike[str] | bytes,
        *,
        language_code: LanguageCode | str | None = None,
        identify_language: bool = False,
        language_options: Sequence[LanguageCode | str] | None = None,
        settings: Settings | None = None,
        content_redaction: ContentRedaction | None = None,
        mode: TranscribeMode = "auto",
        job: TranscriptionJobOptions | None = None,
        wait_policy: WaitPolicy | None = None,
        on_change: Callable[[TranscriptionJob], object] | None = None,
    ) -> TranscriptionResult:
        """Transcribe ``media`` (an S3 URI, a local file path or bytes) into a Transcript.

        ``mode="auto"`` uses ``TranscribeAudio`` when it can serve: inline media up to
        25 MiB or an S3 URI, a language of ``SyncLanguageCode`` (``language_code``, or
        ``identify_language`` among ``language_options``), and no job-only option
        (alternatives, or a member of ``job`` from ``job_name`` to ``tags``). Otherwise it
        starts a transcription job: local media is uploaded to ``job.bucket``, the job is
        waited for (``wait_policy``, ``on_change`` as :meth:`wait_for_transcription_job`)
        and its transcript fetched; ``job`` also asks for clean-up. ``mode="sync"`` or
        ``"job"`` forces one way. ``settings`` are those of a job (speakers, channels, a
        vocabulary and a filter serve both ways).

        Raises :class:`~transcribe_kit.RequestValidationError`, before anything is sent,
        for a request neither way can serve (no language, local media without a bucket for
        a job, a forced ``sync`` it cannot do, ...); a failed job raises
        :class:`~transcribe_kit.ResourceFailedError`, a wait past its policy
        :class:`~transcribe_kit.WaitTimeoutError`.
        """
        return await transcribe(
            self,
            media,
            language_code=language_code,
            identify_language=identify_language,
            language_options=language_options,
            settings=settings,
            content_redaction=content_redaction,
            mode=mode,
            job=job,
            wait_policy=wait_policy,
            on_change=on_change,
        )
