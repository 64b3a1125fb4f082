"""TranscribeClient: the client's lifecycle, the one place requests are sent, and results.

The 45 operation methods live in :mod:`transcribe_kit._operations`, the paginators, waiters
and watcher methods in :mod:`transcribe_kit._service_methods`, the job-state events in
:mod:`transcribe_kit.events._methods`; ``TranscribeClient`` inherits them and supplies
``_invoke``, through which every request goes: validation and conversion, then the send
stages, each named by what it handles: ``_send_with_retries`` (rate limits, the retry
policy, exactly-once starts) around ``_send_single_request`` (one request on the
aiobotocore client, its failure translated by the error classifier).
"""

from __future__ import annotations

import contextlib
import copy
import os
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar, overload

from botocore import xform_name
from botocore.config import Config

from transcribe_kit._clock import Clock, SystemClock
from transcribe_kit._companion import companion_client
from transcribe_kit._error_mapping import translate
from transcribe_kit._exactly_once import StartGuard
from transcribe_kit._rate_limit import IN_PROCESS, OperationRateLimiter, RateLimitBackend
from transcribe_kit._service_methods import ServiceLayerMethods
from transcribe_kit._session import new_session, single_attempt_config
from transcribe_kit.config import (
    DEFAULT_WAIT_POLICY,
    FetchLimits,
    RateLimits,
    RetryPolicy,
    WaitPolicy,
)
from transcribe_kit.errors import (
    ClientClosedError,
    ConflictError,
    TranscribeError,
    UnsupportedOperationError,
)
from transcribe_kit.events._methods import JobEventMethods

# What only some methods need is imported when one of them is first called: the shapes of
# other operations, result documents, the S3 reader, the one-call transcription.
if TYPE_CHECKING:
    from transcribe_kit._documents import DocumentReader
    from transcribe_kit._transcribe import (
        TranscribeMode,
        TranscriptionJobOptions,
        TranscriptionResult,
    )
    from transcribe_kit.shapes.common import ContentRedaction
    from transcribe_kit.shapes.enums import LanguageCode, SubtitleFormat
    from transcribe_kit.shapes.transcription_jobs import Settings, TranscriptionJob
    from transcribe_kit.transcript._call_analytics import CallAnalyticsTranscript
    from transcribe_kit.transcript._document import ResultDocument, Transcript
    from transcribe_kit.transcript._fetch import (
        CallAnalyticsJobLike,
        MedicalScribeJobLike,
        TranscriptionJobLike,
        TranscriptJob,
    )
    from transcribe_kit.transcript._medical_scribe import ClinicalDocument, MedicalScribeTranscript

ResponseT = TypeVar("ResponseT")
ResourceT = TypeVar("ResourceT")
ClientT = TypeVar("ClientT", bound="TranscribeClient")


class TranscribeClient(ServiceLayerMethods, JobEventMethods):
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
    The token buckets live in this process unless ``rate_limit_backend`` shares them
    between processes (:mod:`transcribe_kit.rate_limiting`).
    A job start retried after a lost answer returns the job it started instead of a
    conflict. The clients created here make one attempt per call in botocore (its
    ``retries`` setting is replaced), so that retries are decided in one place; a client
    passed as ``client=`` keeps its own botocore retries, which then multiply with the
    policy's: give it ``Config(retries={"total_max_attempts": 1})`` or use
    ``RetryPolicy.none()``.

    On its first call it registers one handler on the aiobotocore client's
    ``before-parse.transcribe`` event (a client passed as ``client=`` too): for the calls
    made through this object, a 2xx answer is read from its JSON into the response class
    at once, and botocore is left an empty body. Your ``after-call`` and
    ``needs-retry`` handlers see the dict they would have seen; a ``before-parse``
    handler registered after that first call sees the empty body for these calls. Calls
    made on :attr:`aiobotocore_client` directly, and error answers, are parsed by
    botocore as usual.
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
        rate_limit_backend: RateLimitBackend = IN_PROCESS,
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
        #: How the waiters and the watcher poll when a call passes no policy of its own.
        self.wait_policy = wait_policy
        #: Where the client and its waiters read the time and sleep.
        self.clock = clock or SystemClock()
        self._rate_limiter = OperationRateLimiter(
            rate_limits or RateLimits(), clock=self.clock, backend=rate_limit_backend
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
                rate_limits, clock=self.clock, backend=self._rate_limiter.backend
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
        """Close the aiobotocore clients this object created; a no-op otherwise.

        Calls still in flight on them end at once in
        :class:`~transcribe_kit.ClientClosedError`, without a retry; so does any call after.
        """
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
            raise ClientClosedError(
                "the client is not open: use `async with TranscribeClient(...)`"
            )
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
        # Imported by the first call rather than with the client: the validation rules and
        # the converter (cattrs) are needed only once a request is made.
        from transcribe_kit._converter import to_wire
        from transcribe_kit._json_answers import JsonAnswer
        from transcribe_kit._validation import validate

        validate(request, operation_name)
        with JsonAnswer(self.aiobotocore_client, operation_name, response_type) as answer:
            raw = await self._send_with_retries(operation_name, to_wire(request))
        return answer.shape_of(raw)

    async def _send_with_retries(
        self, operation_name: str, params: dict[str, Any]
    ) -> dict[str, Any]:
        """Call one operation under the rate limits, the retry policy and exactly-once starts."""
        guard = StartGuard.for_call(operation_name, params)

        async def attempt() -> dict[str, Any]:
            await self._rate_limiter.acquire(operation_name)
            try:
                return await self._send_single_request(operation_name, params)
            except ConflictError as conflict:
                if guard is None:
                    raise
                return await guard.resolve_conflict(conflict, self._send_with_retries)
            except TranscribeError as error:
                if guard is not None:
                    guard.note_failure(error)
                raise

        return await self._retry_policy.call(operation_name, attempt, clock=self.clock)

    def _document_reader(self) -> DocumentReader:
        """The reader of result documents, made on first use and closed with this client."""
        owner = self._parent or self
        if owner._documents is None:
            from transcribe_kit._documents import document_reader

            owns = owner._owns_client
            owner._documents = document_reader(
                owner.aiobotocore_client,
                session=owner._active_session if owns else None,
                settings=owner._client_settings if owns else None,
            )
        return owner._documents

    def _companion_client(self, service_name: str) -> AbstractAsyncContextManager[Any]:
        """A new aiobotocore client of ``service_name`` (SQS, EventBridge) like this one.

        It has this client's session, region, credentials and endpoint.
        """
        owner = self._parent or self
        owns = owner._owns_client
        return companion_client(
            service_name,
            owner.aiobotocore_client,
            session=owner._active_session if owns else None,
            settings=owner._client_settings if owns else None,
        )

    async def _read_document(self, uri: str) -> bytes:
        """The bytes at ``uri`` (an S3 object or a presigned link), under this view's limits."""
        return await self._document_reader().read(
            uri,
            limits=self._fetch_limits,
            retry_policy=self._retry_policy,
            clock=self.clock,
        )

    async def _send_single_request(
        self, operation_name: str, params: dict[str, Any]
    ) -> dict[str, Any]:
        """Send one request on the aiobotocore client; its failure comes out typed."""
        client = self.aiobotocore_client
        method = getattr(client, xform_name(operation_name), None)
        if method is None:
            raise UnsupportedOperationError(
                f"{operation_name} is not known to the installed botocore; create the client "
                "through TranscribeClient (which ships the newer model) or upgrade botocore",
                operation_name=operation_name,
            )
        # Translated here rather than through _error_mapping.translated: this await is the
        # hottest of the library, and each coroutine between it and the task costs a hop on
        # every resumption.
        try:
            response: dict[str, Any] = await method(**params)
        except Exception as exc:
            if (self._parent or self)._client is not client:
                # close() shut the connection under this call: say so, and retry nothing.
                raise ClientClosedError(
                    f"the client was closed while {operation_name} was in flight",
                    operation_name=operation_name,
                ) from exc
            mapped = translate(exc, operation_name)
            if mapped is None:
                raise
            raise mapped from exc
        return response

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
        bucket is fetched over HTTPS from S3 endpoints only. Raises
        :class:`~transcribe_kit.TranscriptNotReadyError` for a job that has not completed,
        :class:`~transcribe_kit.TranscriptLinkExpiredError` for a presigned link older than
        15 minutes (get the job again), another
        :class:`~transcribe_kit.TranscriptFetchError` when the document cannot be read,
        :class:`~transcribe_kit.TransportError` when no answer came in time.
        """
        from transcribe_kit.transcript._fetch import transcript_source

        uri, parse = transcript_source(job_or_uri, redacted=redacted)
        return parse(await self._read_document(uri))

    async def fetch_subtitles(
        self,
        job: TranscriptionJobLike,
        format: SubtitleFormat | str = "srt",
    ) -> str:
        """The text of the subtitle file of ``format`` (``srt`` or ``vtt``) a job wrote.

        The job must have asked for that format (``Subtitles``); errors as
        :meth:`fetch_transcript`.
        """
        from transcribe_kit.transcript._document import decode_subtitles
        from transcribe_kit.transcript._fetch import subtitles_uri

        data = await self._read_document(subtitles_uri(job, format))
        return decode_subtitles(data)

    async def fetch_clinical_document(self, job: MedicalScribeJobLike) -> ClinicalDocument:
        """The clinical document (the note) a completed HealthScribe job wrote."""
        from transcribe_kit.transcript._document import parse_clinical_document
        from transcribe_kit.transcript._fetch import clinical_document_uri

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
        from transcribe_kit._transcribe import transcribe

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
