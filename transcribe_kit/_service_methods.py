"""The service layer as methods: paginators, waiters and the many-jobs watcher.

:class:`~transcribe_kit.TranscribeClient` inherits them; the logic lives in
:mod:`transcribe_kit.paginators`, :mod:`transcribe_kit.waiters` and
``transcribe_kit._watcher``, what each kind of resource is in the registry of kinds
(``transcribe_kit._kinds``), and these methods bind them to the operations.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable, Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING, Any, TypeVar, overload

from botocore import xform_name

from transcribe_kit import _watcher, shapes
from transcribe_kit._clock import Clock
from transcribe_kit._kinds import (
    CALL_ANALYTICS_JOBS,
    LANGUAGE_MODELS,
    MEDICAL_SCRIBE_JOBS,
    MEDICAL_TRANSCRIPTION_JOBS,
    MEDICAL_VOCABULARIES,
    TRANSCRIPTION_JOBS,
    VOCABULARIES,
    JobKind,
    ResourceKind,
)
from transcribe_kit._operations import OperationMethods
from transcribe_kit._watcher import SummaryT
from transcribe_kit.config import EventWaitPolicy, WaitPolicy
from transcribe_kit.events import _watch
from transcribe_kit.events._watch import JobEventSource
from transcribe_kit.paginators import DEFAULT_PAGE_SIZE, ItemT, Paginator, RequestT
from transcribe_kit.waiters import Waiter

if TYPE_CHECKING:
    from transcribe_kit.shapes.call_analytics import (
        CallAnalyticsJob,
        CallAnalyticsJobSummary,
        CategoryProperties,
        ListCallAnalyticsCategoriesRequest,
        ListCallAnalyticsCategoriesResponse,
        ListCallAnalyticsJobsRequest,
        ListCallAnalyticsJobsResponse,
    )
    from transcribe_kit.shapes.common import VocabularyInfo
    from transcribe_kit.shapes.enums import (
        CallAnalyticsJobStatus,
        MedicalScribeJobStatus,
        ModelStatus,
        TranscriptionJobStatus,
        VocabularyState,
    )
    from transcribe_kit.shapes.language_models import (
        LanguageModel,
        ListLanguageModelsRequest,
        ListLanguageModelsResponse,
    )
    from transcribe_kit.shapes.medical import (
        GetMedicalVocabularyResponse,
        ListMedicalTranscriptionJobsRequest,
        ListMedicalTranscriptionJobsResponse,
        ListMedicalVocabulariesRequest,
        ListMedicalVocabulariesResponse,
        MedicalTranscriptionJob,
        MedicalTranscriptionJobSummary,
    )
    from transcribe_kit.shapes.medical_scribe import (
        ListMedicalScribeJobsRequest,
        ListMedicalScribeJobsResponse,
        MedicalScribeJob,
        MedicalScribeJobSummary,
    )
    from transcribe_kit.shapes.transcription_jobs import (
        ListTranscriptionJobsRequest,
        ListTranscriptionJobsResponse,
        TranscriptionJob,
        TranscriptionJobSummary,
    )
    from transcribe_kit.shapes.vocabularies import (
        GetVocabularyResponse,
        ListVocabulariesRequest,
        ListVocabulariesResponse,
    )
    from transcribe_kit.shapes.vocabulary_filters import (
        ListVocabularyFiltersRequest,
        ListVocabularyFiltersResponse,
        VocabularyFilterInfo,
    )

ResourceT = TypeVar("ResourceT")


class ServiceLayerMethods(OperationMethods):
    """Paginators over every List operation, waiters and the many-jobs watcher."""

    #: How the ``wait_for_*`` methods pace their polls, unless a call says otherwise.
    wait_policy: WaitPolicy
    #: Where waiters and watchers read the time and sleep.
    clock: Clock
    #: An event stream on a queue URL, for watches given ``events=`` (the client's ``events``).
    _event_queue: Callable[[str], AbstractAsyncContextManager[JobEventSource]]

    def _operation_method(self, operation_name: str) -> Callable[[Any], Awaitable[Any]]:
        """The typed method of ``operation_name`` (``GetTranscriptionJob``: its Get method)."""
        method: Callable[[Any], Awaitable[Any]] = getattr(self, xform_name(operation_name))
        return method

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
        return self._paginate(
            shapes.transcription_jobs.ListTranscriptionJobsRequest(
                status=status, job_name_contains=job_name_contains
            ),
            lambda page: page.transcription_job_summaries,
            page_size,
            max_items,
            starting_token,
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
        return self._paginate(
            shapes.medical.ListMedicalTranscriptionJobsRequest(
                status=status, job_name_contains=job_name_contains
            ),
            lambda page: page.medical_transcription_job_summaries,
            page_size,
            max_items,
            starting_token,
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
        return self._paginate(
            shapes.medical_scribe.ListMedicalScribeJobsRequest(
                status=status, job_name_contains=job_name_contains
            ),
            lambda page: page.medical_scribe_job_summaries,
            page_size,
            max_items,
            starting_token,
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
        return self._paginate(
            shapes.call_analytics.ListCallAnalyticsJobsRequest(
                status=status, job_name_contains=job_name_contains
            ),
            lambda page: page.call_analytics_job_summaries,
            page_size,
            max_items,
            starting_token,
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
        return self._paginate(
            shapes.call_analytics.ListCallAnalyticsCategoriesRequest(),
            lambda page: page.categories,
            page_size,
            max_items,
            starting_token,
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
        return self._paginate(
            shapes.vocabularies.ListVocabulariesRequest(
                state_equals=state_equals, name_contains=name_contains
            ),
            lambda page: page.vocabularies,
            page_size,
            max_items,
            starting_token,
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
        return self._paginate(
            shapes.medical.ListMedicalVocabulariesRequest(
                state_equals=state_equals, name_contains=name_contains
            ),
            lambda page: page.vocabularies,
            page_size,
            max_items,
            starting_token,
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
        return self._paginate(
            shapes.vocabulary_filters.ListVocabularyFiltersRequest(name_contains=name_contains),
            lambda page: page.vocabulary_filters,
            page_size,
            max_items,
            starting_token,
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
        return self._paginate(
            shapes.language_models.ListLanguageModelsRequest(
                status_equals=status_equals, name_contains=name_contains
            ),
            lambda page: page.models,
            page_size,
            max_items,
            starting_token,
        )

    def _paginate(
        self,
        request: RequestT,
        items: Callable[[Any], Sequence[ItemT] | None],
        page_size: int,
        max_items: int | None,
        starting_token: str | None,
    ) -> Paginator[RequestT, Any, ItemT]:
        """A paginator over the List operation ``request`` is for (``ListVocabulariesRequest``)."""
        operation_name = type(request).__name__.removesuffix("Request")
        return Paginator(
            self._operation_method(operation_name),
            request,
            items,
            operation_name=operation_name,
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
        return self._waiter(TRANSCRIPTION_JOBS, name, policy, on_change)

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
        return self._waiter(MEDICAL_TRANSCRIPTION_JOBS, name, policy, on_change)

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
        return self._waiter(CALL_ANALYTICS_JOBS, name, policy, on_change)

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
        return self._waiter(MEDICAL_SCRIBE_JOBS, name, policy, on_change)

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
        return self._waiter(VOCABULARIES, name, policy, on_change)

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
        return self._waiter(MEDICAL_VOCABULARIES, name, policy, on_change)

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
        return self._waiter(LANGUAGE_MODELS, name, policy, on_change)

    def _waiter(
        self,
        kind: ResourceKind[ResourceT, Any],
        name: str,
        policy: WaitPolicy | None,
        on_change: Callable[[ResourceT], object] | None,
    ) -> Waiter[ResourceT]:
        get = self._operation_method(kind.operations.get)
        return Waiter(
            kind,
            name,
            lambda: get(kind.get_request(name)),
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
        until: Callable[[], bool] | None = None,
        max_rounds: int | None = None,
        events: str | JobEventSource | None = None,
        event_policy: EventWaitPolicy | None = None,
    ) -> AsyncGenerator[TranscriptionJobSummary, None]: ...

    @overload
    def as_completed(
        self,
        names: Iterable[str],
        *,
        kind: JobKind[Any, SummaryT],
        policy: WaitPolicy | None = None,
        raise_on_failure: bool = False,
        until: Callable[[], bool] | None = None,
        max_rounds: int | None = None,
        events: str | JobEventSource | None = None,
        event_policy: EventWaitPolicy | None = None,
    ) -> AsyncGenerator[SummaryT, None]: ...

    def as_completed(
        self,
        names: Iterable[str],
        *,
        kind: JobKind[Any, Any] = TRANSCRIPTION_JOBS,
        policy: WaitPolicy | None = None,
        raise_on_failure: bool = False,
        until: Callable[[], bool] | None = None,
        max_rounds: int | None = None,
        events: str | JobEventSource | None = None,
        event_policy: EventWaitPolicy | None = None,
    ) -> AsyncGenerator[Any, None]:
        """Yield each of the jobs ``names`` (summary) as it is seen COMPLETED or FAILED.

        Watches them all through the List operations, not one poller each; ``kind`` picks
        transcription (default), medical, Call Analytics or medical scribe jobs. ``policy``
        paces the rounds (default :attr:`wait_policy`, its cap lowered to 5 s). A FAILED
        job is yielded like the others, or raises :class:`~transcribe_kit.ResourceFailedError`
        if ``raise_on_failure``; the deadline raises :class:`~transcribe_kit.WaitTimeoutError`
        (a call in flight is cut off). The watch ends quietly after a round once ``until()``
        is true, or after ``max_rounds`` rounds. A job named twice is yielded once.

        With ``events`` (the URL of the queue :meth:`ensure_job_events` made, or an open
        :class:`~transcribe_kit.events.JobEventSource`) a job is found by its job-state
        event and one Get, and only a job no event arrived for within
        ``event_policy.grace_period`` is looked for with List (see
        :class:`~transcribe_kit.EventWaitPolicy`; ``max_rounds`` does not apply). Events
        for other jobs are left on the queue for other consumers. Kinds without events
        (medical, medical scribe) are watched with List alone.
        """
        if events is not None:
            return _watch.as_completed(
                self._operation_method,
                kind,
                names,
                events=events,
                open_queue=self._event_queue,
                event_policy=event_policy or EventWaitPolicy(),
                policy=policy or _watcher.watch_policy(self.wait_policy),
                clock=self.clock,
                raise_on_failure=raise_on_failure,
                until=until,
            )
        return _watcher.as_completed(
            self._operation_method,
            kind,
            names,
            policy=policy or _watcher.watch_policy(self.wait_policy),
            clock=self.clock,
            raise_on_failure=raise_on_failure,
            until=until,
            max_rounds=max_rounds,
        )

    @overload
    async def wait_all(
        self,
        names: Iterable[str],
        *,
        policy: WaitPolicy | None = None,
        raise_on_failure: bool = False,
        events: str | JobEventSource | None = None,
        event_policy: EventWaitPolicy | None = None,
    ) -> list[TranscriptionJobSummary]: ...

    @overload
    async def wait_all(
        self,
        names: Iterable[str],
        *,
        kind: JobKind[Any, SummaryT],
        policy: WaitPolicy | None = None,
        raise_on_failure: bool = False,
        events: str | JobEventSource | None = None,
        event_policy: EventWaitPolicy | None = None,
    ) -> list[SummaryT]: ...

    async def wait_all(
        self,
        names: Iterable[str],
        *,
        kind: JobKind[Any, Any] = TRANSCRIPTION_JOBS,
        policy: WaitPolicy | None = None,
        raise_on_failure: bool = False,
        events: str | JobEventSource | None = None,
        event_policy: EventWaitPolicy | None = None,
    ) -> list[Any]:
        """The summaries of the jobs ``names``, in that order, once each is finished.

        Watches as :meth:`as_completed` does; FAILED jobs are in the list (check their
        status) unless ``raise_on_failure``. The list lines up with ``names``: a name given
        twice has its summary twice. ``events`` and ``event_policy`` as for :meth:`as_completed`.
        """
        order = list(names)
        finished = self.as_completed(
            order,
            kind=kind,
            policy=policy,
            raise_on_failure=raise_on_failure,
            events=events,
            event_policy=event_policy,
        )
        return await _watcher.in_order(kind, order, finished)
