"""Fetching the documents a job wrote: where they are, reading them, and the limits on that.

:class:`DocumentReader` reads S3 objects through an aiobotocore S3 client it opens on first
use, and presigned links with aiohttp, under the caller's retry policy, a size cap and a
timeout (:class:`FetchLimits`). No URL leaves this module with its query string: errors
and logs name a presigned link as ``https://host/path?<redacted>``.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import re
import time
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from contextlib import AbstractAsyncContextManager
from typing import Any, Final

import aiohttp
import attrs
from botocore.config import Config

from transcribe_kit._error_mapping import translate
from transcribe_kit._session import new_session, single_attempt_config
from transcribe_kit.errors import (
    ConnectError,
    RequestTimeoutError,
    ServiceError,
    TranscriptFetchError,
    TranscriptLinkExpiredError,
    TranscriptNotReadyError,
    TranscriptTooLargeError,
)
from transcribe_kit.retry import Clock, RetryPolicy, Sleep, redact_urls
from transcribe_kit.shapes.call_analytics import CallAnalyticsJob, GetCallAnalyticsJobResponse
from transcribe_kit.shapes.enums import SubtitleFormat
from transcribe_kit.shapes.medical import (
    GetMedicalTranscriptionJobResponse,
    MedicalTranscriptionJob,
)
from transcribe_kit.shapes.medical_scribe import GetMedicalScribeJobResponse, MedicalScribeJob
from transcribe_kit.shapes.transcription_jobs import GetTranscriptionJobResponse, TranscriptionJob
from transcribe_kit.transcript._document import (
    ResultDocument,
    parse_call_analytics_transcript,
    parse_document,
    parse_medical_scribe_transcript,
    parse_medical_transcript,
    parse_transcript,
)
from transcribe_kit.transcript._location import (
    check_direct_url,
    is_aws_endpoint,
    is_presigned,
    s3_object,
)

TranscriptJob = (
    TranscriptionJob
    | GetTranscriptionJobResponse
    | MedicalTranscriptionJob
    | GetMedicalTranscriptionJobResponse
)
"""A job whose document is a :class:`~transcribe_kit.Transcript` (or its Get response)."""

TranscriptionJobLike = TranscriptionJob | GetTranscriptionJobResponse
"""A transcription job or its Get response (the jobs that write subtitles)."""

CallAnalyticsJobLike = CallAnalyticsJob | GetCallAnalyticsJobResponse
"""A Call Analytics job or its Get response."""

MedicalScribeJobLike = MedicalScribeJob | GetMedicalScribeJobResponse
"""A HealthScribe job or its Get response."""

AnyJob = TranscriptJob | CallAnalyticsJobLike | MedicalScribeJobLike
"""Any job that writes a result document."""

_READ_OPERATION: Final = "GetObject"
_CHUNK_SIZE: Final = 64 * 1024
_ERROR_BODY_LIMIT: Final = 64 * 1024
# Read with a pattern rather than an XML parser: the answer is only ever shown to a person.
_XML_ELEMENT: Final = {
    name: re.compile(rf"<{name}>([^<]{{0,1000}})</{name}>") for name in ("Code", "Message")
}


def _positive(_: object, attribute: attrs.Attribute[Any], value: float) -> None:
    if value <= 0:
        raise ValueError(f"{attribute.name} must be positive, got {value}")


@attrs.frozen(kw_only=True)
class FetchLimits:
    """Limits on reading a result document: its size in bytes and the seconds one try may take.

    The defaults (256 MiB, 120 s) hold the transcript of four hours of audio with
    alternatives many times over. A larger document raises
    :class:`~transcribe_kit.TranscriptTooLargeError`; a slower try raises
    :class:`~transcribe_kit.RequestTimeoutError`, which the retry policy retries.
    """

    max_bytes: int = attrs.field(default=256 * 1024 * 1024, validator=_positive)
    timeout: float = attrs.field(default=120.0, validator=_positive)


@attrs.frozen(kw_only=True)
class _JobOutput:
    """What a job says about its output documents, whatever the kind of job."""

    kind: str
    name: str | None
    status: str | None
    failure_reason: str | None
    transcript_uri: str | None = None
    redacted_transcript_uri: str | None = None
    subtitle_uris: tuple[str, ...] = ()
    clinical_document_uri: str | None = None


def _output_of_transcription(job: TranscriptionJob) -> _JobOutput:
    transcript = job.transcript
    return _JobOutput(
        kind="transcription job",
        name=job.transcription_job_name,
        status=job.transcription_job_status,
        failure_reason=job.failure_reason,
        transcript_uri=transcript.transcript_file_uri if transcript else None,
        redacted_transcript_uri=transcript.redacted_transcript_file_uri if transcript else None,
        subtitle_uris=tuple((job.subtitles.subtitle_file_uris or []) if job.subtitles else ()),
    )


def _output_of_medical(job: MedicalTranscriptionJob) -> _JobOutput:
    return _JobOutput(
        kind="medical transcription job",
        name=job.medical_transcription_job_name,
        status=job.transcription_job_status,
        failure_reason=job.failure_reason,
        transcript_uri=job.transcript.transcript_file_uri if job.transcript else None,
    )


def _output_of_call_analytics(job: CallAnalyticsJob) -> _JobOutput:
    transcript = job.transcript
    return _JobOutput(
        kind="Call Analytics job",
        name=job.call_analytics_job_name,
        status=job.call_analytics_job_status,
        failure_reason=job.failure_reason,
        transcript_uri=transcript.transcript_file_uri if transcript else None,
        redacted_transcript_uri=transcript.redacted_transcript_file_uri if transcript else None,
    )


def _output_of_scribe(job: MedicalScribeJob) -> _JobOutput:
    output = job.medical_scribe_output
    return _JobOutput(
        kind="medical scribe job",
        name=job.medical_scribe_job_name,
        status=job.medical_scribe_job_status,
        failure_reason=job.failure_reason,
        transcript_uri=output.transcript_file_uri if output else None,
        clinical_document_uri=output.clinical_document_uri if output else None,
    )


def _job_output(job: AnyJob) -> _JobOutput:
    if isinstance(job, GetTranscriptionJobResponse):
        return _job_output(job.transcription_job or TranscriptionJob())
    if isinstance(job, GetMedicalTranscriptionJobResponse):
        return _job_output(job.medical_transcription_job or MedicalTranscriptionJob())
    if isinstance(job, GetCallAnalyticsJobResponse):
        return _job_output(job.call_analytics_job or CallAnalyticsJob())
    if isinstance(job, GetMedicalScribeJobResponse):
        return _job_output(job.medical_scribe_job or MedicalScribeJob())
    if isinstance(job, TranscriptionJob):
        return _output_of_transcription(job)
    if isinstance(job, MedicalTranscriptionJob):
        return _output_of_medical(job)
    if isinstance(job, CallAnalyticsJob):
        return _output_of_call_analytics(job)
    if isinstance(job, MedicalScribeJob):
        return _output_of_scribe(job)
    raise TypeError(f"expected a job, its Get response or a URI, got {type(job).__name__}")


def _completed(job: AnyJob) -> _JobOutput:
    """The job's output, or :class:`TranscriptNotReadyError` if it has not completed."""
    output = _job_output(job)
    status = None if output.status is None else str(output.status)
    if status not in (None, "COMPLETED"):
        name = output.name or "(unnamed)"
        if status == "FAILED":
            why = f": {output.failure_reason}" if output.failure_reason else ""
            message = f"{output.kind} {name} failed{why}; it wrote no document"
        else:
            message = (
                f"{output.kind} {name} is {status}, not COMPLETED; wait for it "
                "(wait_for_transcription_job and its kin) and fetch the completed job"
            )
        raise TranscriptNotReadyError(
            message, job_name=output.name, status=status, failure_reason=output.failure_reason
        )
    return output


def _missing(output: _JobOutput, what: str, hint: str = "") -> TranscriptFetchError:
    return TranscriptFetchError(f"{output.kind} {output.name or '(unnamed)'} has no {what}{hint}")


_PARSERS: Final[Mapping[type, Callable[[bytes], ResultDocument]]] = {
    TranscriptionJob: parse_transcript,
    GetTranscriptionJobResponse: parse_transcript,
    MedicalTranscriptionJob: parse_medical_transcript,
    GetMedicalTranscriptionJobResponse: parse_medical_transcript,
    CallAnalyticsJob: parse_call_analytics_transcript,
    GetCallAnalyticsJobResponse: parse_call_analytics_transcript,
    MedicalScribeJob: parse_medical_scribe_transcript,
    GetMedicalScribeJobResponse: parse_medical_scribe_transcript,
}


def transcript_source(
    job_or_uri: AnyJob | str, *, redacted: bool
) -> tuple[str, Callable[[bytes], ResultDocument]]:
    """The URI of a job's transcript and the parser of its document type.

    A URI is parsed as whatever document it holds (:func:`parse_document`).
    """
    if isinstance(job_or_uri, str):
        return job_or_uri, parse_document
    output = _completed(job_or_uri)
    parse = _PARSERS[type(job_or_uri)]
    if redacted:
        if output.redacted_transcript_uri is None:
            raise _missing(
                output,
                "redacted transcript",
                " (ask for one with ContentRedaction when starting the job)",
            )
        return output.redacted_transcript_uri, parse
    if output.transcript_uri is None:
        hint = " (it has only a redacted one: pass redacted=True)"
        raise _missing(output, "transcript", hint if output.redacted_transcript_uri else "")
    return output.transcript_uri, parse


def subtitles_uri(job: TranscriptionJobLike, format: str) -> str:
    """The URI of the subtitle file of ``format`` (``srt`` or ``vtt``) a job wrote."""
    output = _completed(job)
    extension = "." + str(SubtitleFormat(format))
    for uri in output.subtitle_uris:
        if uri.split("?", 1)[0].lower().endswith(extension):
            return uri
    raise _missing(
        output, f"{format} subtitles", " (ask for them with Subtitles when starting the job)"
    )


def clinical_document_uri(job: MedicalScribeJobLike) -> str:
    """The URI of the clinical document (the note) a HealthScribe job wrote."""
    output = _completed(job)
    if output.clinical_document_uri is None:
        raise _missing(output, "clinical document")
    return output.clinical_document_uri


@contextlib.contextmanager
def botocore_errors_mapped(operation_name: str) -> Iterator[None]:
    """Raise what botocore raises inside as the typed errors of :mod:`transcribe_kit.errors`."""
    try:
        yield
    except Exception as exc:
        mapped = translate(exc, operation_name)
        if mapped is None:
            raise
        raise mapped from exc


async def _read_capped(chunks: AsyncIterator[bytes], limit: int, shown: str) -> bytes:
    data = bytearray()
    async for chunk in chunks:
        data += chunk
        if len(data) > limit:
            raise TranscriptTooLargeError(
                f"the document at {shown} is larger than the limit of {limit} bytes "
                "(FetchLimits.max_bytes)",
                uri=shown,
            )
    return bytes(data)


def _check_length(length: object, limit: int, shown: str) -> None:
    if isinstance(length, int) and length > limit:
        raise TranscriptTooLargeError(
            f"the document at {shown} is {length} bytes, more than the limit of {limit} "
            "(FetchLimits.max_bytes)",
            uri=shown,
            http_status=200,
        )


def _s3_error_code(body: bytes) -> tuple[str | None, str | None]:
    """The ``Code`` and ``Message`` of an S3 XML error answer, if it is one."""
    text = body.decode("utf-8", "replace")
    code, message = (_XML_ELEMENT[name].search(text) for name in ("Code", "Message"))
    return (code[1] if code else None), (html.unescape(message[1]) if message else None)


class DocumentReader:
    """Reads result documents from S3 or presigned links; owns the S3 client it opens.

    ``open_s3_client`` makes the aiobotocore S3 client's context manager; it is entered on
    the first S3 read and left by :meth:`close`. ``endpoint_url`` is the client's
    configured endpoint: plain http is fetched from it, and path-style URLs on it name S3
    objects (a local S3).
    """

    def __init__(
        self,
        open_s3_client: Callable[[], AbstractAsyncContextManager[Any]],
        *,
        endpoint_url: str | None,
    ) -> None:
        self._open_s3_client = open_s3_client
        self.endpoint_url = endpoint_url
        self._stack: contextlib.AsyncExitStack | None = None
        self._s3: Any | None = None
        self._lock = asyncio.Lock()

    async def s3_client(self) -> Any:
        """The aiobotocore S3 client, opened on first use."""
        async with self._lock:
            if self._s3 is None:
                stack = contextlib.AsyncExitStack()
                self._s3 = await stack.enter_async_context(self._open_s3_client())
                self._stack = stack
            return self._s3

    async def close(self) -> None:
        """Close the S3 client if one was opened."""
        stack, self._stack, self._s3 = self._stack, None, None
        if stack is not None:
            await stack.aclose()

    async def read(
        self,
        uri: str,
        *,
        limits: FetchLimits,
        retry_policy: RetryPolicy,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
    ) -> bytes:
        """The bytes of the document at ``uri``, retried by ``retry_policy``.

        Raises :class:`TranscriptFetchError` (or a subclass) when the answer is an error
        or the URL may not be fetched, :class:`~transcribe_kit.TransportError` when no
        answer came in ``limits.timeout`` seconds, after the policy's retries.
        """
        location = s3_object(uri, endpoint_url=self.endpoint_url)
        if location is None:
            check_direct_url(uri, endpoint_url=self.endpoint_url)
            shown = redact_urls(uri)

            async def attempt() -> bytes:
                return await self._get_url(uri, shown, limits.max_bytes)

        else:
            shown = str(location)

            async def attempt() -> bytes:
                return await self._get_object(location.bucket, location.key, shown, limits)

        async def timed_attempt() -> bytes:
            try:
                return await asyncio.wait_for(attempt(), limits.timeout)
            except asyncio.TimeoutError:
                raise RequestTimeoutError(
                    f"reading {shown} took longer than {limits.timeout} s (FetchLimits.timeout)",
                    operation_name=_READ_OPERATION,
                ) from None

        try:
            return await retry_policy.call(_READ_OPERATION, timed_attempt, sleep=sleep, clock=clock)
        except ServiceError as error:
            failure = _fetch_error(error, shown, presigned=location is None and is_presigned(uri))
            if location is None:
                raise failure from None
            raise failure from error

    async def _get_object(self, bucket: str, key: str, shown: str, limits: FetchLimits) -> bytes:
        client = await self.s3_client()
        with botocore_errors_mapped(_READ_OPERATION):
            response = await client.get_object(Bucket=bucket, Key=key)
        _check_length(response.get("ContentLength"), limits.max_bytes, shown)
        async with response["Body"] as body:
            return await _read_capped(body.iter_chunks(_CHUNK_SIZE), limits.max_bytes, shown)

    async def _get_url(self, url: str, shown: str, max_bytes: int) -> bytes:
        # The query string is the signature: aiohttp's own errors name the URL, so they are
        # replaced here by errors that name it redacted, without the original as a cause.
        try:
            async with (
                aiohttp.ClientSession(trust_env=True) as session,
                session.get(url, allow_redirects=False) as response,
            ):
                if response.status != 200:
                    # Enough of an error answer to find S3's code and message in.
                    body = await response.content.read(_ERROR_BODY_LIMIT)
                    code, message = _s3_error_code(body)
                    raise ServiceError(
                        message or response.reason or f"HTTP {response.status}",
                        code=code or f"HTTP{response.status}",
                        operation_name=_READ_OPERATION,
                        http_status=response.status,
                        request_id=response.headers.get("x-amz-request-id"),
                        response={"ResponseMetadata": {"HTTPHeaders": dict(response.headers)}},
                    )
                _check_length(response.content_length, max_bytes, shown)
                return await _read_capped(
                    response.content.iter_chunked(_CHUNK_SIZE), max_bytes, shown
                )
        except aiohttp.ClientError as error:
            raise ConnectError(
                f"reading {shown} failed: {type(error).__name__}: {redact_urls(str(error))}",
                operation_name=_READ_OPERATION,
            ) from None


def _fetch_error(error: ServiceError, shown: str, *, presigned: bool) -> TranscriptFetchError:
    status = error.http_status
    detail = f"{error.code}, HTTP {status}" if status is not None else error.code
    if presigned and status == 403:
        return TranscriptLinkExpiredError(
            f"the link to {shown} was refused ({detail}: {redact_urls(error.message)}); links to "
            "documents in the service's bucket live 15 minutes: get the job again for a fresh "
            "link and fetch that",
            uri=shown,
            http_status=status,
            code=error.code,
        )
    return TranscriptFetchError(
        f"could not read {shown} ({detail}): {redact_urls(error.message)}",
        uri=shown,
        http_status=status,
        code=error.code,
    )


def _open_s3_client(session: Any, settings: Mapping[str, Any]) -> AbstractAsyncContextManager[Any]:
    arguments = {key: value for key, value in settings.items() if value}
    config = single_attempt_config(arguments.pop("config", None))
    endpoint_url = arguments.pop("endpoint_url", None)
    # A Transcribe endpoint on AWS is no S3 endpoint; a local server serves both.
    if endpoint_url is not None and not is_aws_endpoint(endpoint_url):
        arguments["endpoint_url"] = endpoint_url
        config = config.merge(Config(s3={"addressing_style": "path"}))
    return session.create_client("s3", config=config, **arguments)  # type: ignore[no-any-return]


def document_reader(
    transcribe_client: Any, *, session: Any | None, settings: Mapping[str, Any] | None
) -> DocumentReader:
    """A reader whose S3 client has the Transcribe client's session, region and endpoint.

    ``session`` and ``settings`` are those the Transcribe client was made with; ``None`` for
    a client made elsewhere, whose region and endpoint are then used with the default
    credentials.
    """
    if session is None or settings is None:
        meta = transcribe_client.meta
        session = new_session()
        settings = {"region_name": meta.region_name, "endpoint_url": meta.endpoint_url}
    chosen_session, chosen_settings = session, dict(settings)
    return DocumentReader(
        lambda: _open_s3_client(chosen_session, chosen_settings),
        endpoint_url=chosen_settings.get("endpoint_url"),
    )
