"""Writing a completed local job's documents where the service would put them.

A job's speech comes, in this order, from:

1. a transcript registered for its media's S3 URI, or for its media's content (the
   SHA-256 of the object's bytes, so that a local file registered before it is uploaded
   is found once it is);
2. a sidecar object next to the media: ``<media key>.transcript.json`` (a result
   document) or ``<media key>.transcript.txt`` (the words, one utterance per line,
   ``spk_1: ...`` to say who speaks);
3. a conversation chosen by the job's name.

A result document of the job's own type is written as it is; anything else is made into
the job's documents from its words.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from typing import Any

from attrs import define, field

from transcribe_kit.testing import _documents as documents
from transcribe_kit.testing._categories import Category, categorize, post_call
from transcribe_kit.testing._kinds import (
    CALL_ANALYTICS_CATEGORIES,
    VOCABULARY_FILTERS,
    JobFacts,
    JobOutputs,
    member,
)
from transcribe_kit.testing._outputs import Location, S3Store
from transcribe_kit.testing._pending import PendingDocuments
from transcribe_kit.testing._resources import Record, ResourceStore
from transcribe_kit.transcript._location import s3_object

_JSON = "application/json"
_CONTENT_TYPES = {"srt": "application/x-subrip", "vtt": "text/vtt"}
SIDECAR_DOCUMENT = ".transcript.json"
SIDECAR_TEXT = ".transcript.txt"


@define(frozen=True)
class Source:
    """What a job's media says: a result document's bytes, or the words spoken."""

    document: bytes | None = None
    text: str | None = None


@define
class Transcripts:
    """Transcripts registered for media, by S3 URI (``s3://bucket/key``) or content digest.

    ``found`` remembers what S3 gave for each media (a content match, a sidecar, or
    nothing), so that many jobs of one media cost no more requests to S3; it is forgotten
    whenever S3 or the registrations by content change.
    """

    by_uri: dict[str, Source] = field(factory=dict)
    by_digest: dict[str, Source] = field(factory=dict)
    found: dict[str, Source | None] = field(factory=dict)

    def register_digest(self, digest: str, source: Source) -> None:
        self.by_digest[digest] = source
        self.found.clear()

    def clear(self) -> None:
        self.by_uri.clear()
        self.by_digest.clear()
        self.found.clear()


def media_location(uri: str) -> Location | None:
    """The S3 object a media URI names (``s3://`` or an S3 https URL), if any."""
    found = s3_object(uri)
    return Location(found.bucket, found.key) if found is not None else None


class JobWriter:
    """Plans the documents of the jobs of ``store`` as they complete; ``pending`` makes them.

    What a job's documents say is decided when it completes: its speech (a registered
    transcript, a sidecar, or a conversation of its own), its vocabulary filter and its
    settings. Its output buckets are made then too (a bucket that can't be fails the job).
    """

    def __init__(
        self, store: ResourceStore, s3: S3Store, transcripts: Transcripts, pending: PendingDocuments
    ) -> None:
        self._store = store
        self._s3 = s3
        self._pending = pending
        self.transcripts = transcripts

    def __call__(self, record: Record) -> dict[str, Location | list[Location]]:
        """Plan the documents of the completing job ``record``; where each will be."""
        job = record.kind.job
        assert job is not None
        redaction = self._redaction_settings(record)
        outputs = job.outputs(record.name, record.request, self._store.site, redaction)
        where: dict[str, Location | list[Location]] = {
            role: location
            for role, location in (
                ("transcript", outputs.transcript),
                ("redacted", outputs.redacted),
                ("clinical", outputs.clinical),
            )
            if location is not None
        }
        if outputs.subtitles:
            where["subtitles"] = [location for _, location in outputs.subtitles]
        locations = [
            location
            for found in where.values()
            for location in (found if isinstance(found, list) else [found])
        ]
        for bucket in dict.fromkeys(location.bucket for location in locations):
            self._s3.make_bucket(bucket)
        settings = record.request.get("Settings") or {}
        plan = _Plan(
            record=record,
            outputs=outputs,
            source=self._source(record),
            redaction=documents.Redaction.of(redaction),
            vocabulary_filter=self._vocabulary_filter(settings),
            categories=post_call(record.recorded.get(CALL_ANALYTICS_CATEGORIES.key, ())),
            account_id=self._store.site.account_id,
        )
        self._pending.add(record.name, locations, plan.render)
        return where

    def _redaction_settings(self, record: Record) -> Mapping[str, Any] | None:
        job = record.kind.job
        found = member(record.request, job.redaction_member) if job is not None else None
        return found if isinstance(found, Mapping) else None

    def _vocabulary_filter(self, settings: Mapping[str, Any]) -> documents.VocabularyFilter | None:
        name = settings.get("VocabularyFilterName")
        found = self._store.find(VOCABULARY_FILTERS, name) if name else None
        if found is None:
            return None
        words = frozenset(str(word).lower() for word in found.request.get("Words") or ())
        return documents.VocabularyFilter(
            words=words, method=str(settings.get("VocabularyFilterMethod", "mask"))
        )

    def _source(self, record: Record) -> Source | None:
        media = record.request.get("Media") or {}
        uri = media.get("MediaFileUri") or media.get("RedactedMediaFileUri")
        location = media_location(uri) if isinstance(uri, str) else None
        if location is None:
            return None
        registered = self.transcripts.by_uri.get(str(location))
        if registered is not None:
            return registered
        found = self.transcripts.found
        if str(location) not in found:
            found[str(location)] = self._stored_source(location)
        return found[str(location)]

    def _stored_source(self, location: Location) -> Source | None:
        """What S3 says about the media at ``location``: its content, or a sidecar."""
        if self.transcripts.by_digest:
            data = self._read(location)
            if data is not None:
                registered = self.transcripts.by_digest.get(hashlib.sha256(data).hexdigest())
                if registered is not None:
                    return registered
        for suffix in (SIDECAR_DOCUMENT, SIDECAR_TEXT):
            data = self._read(Location(location.bucket, location.key + suffix))
            if data is not None:
                if suffix == SIDECAR_DOCUMENT:
                    return Source(document=data)
                return Source(text=data.decode("utf-8", "replace"))
        return None

    def _read(self, location: Location) -> bytes | None:
        # Another job's document, if it is one, is made first.
        self._pending.make(location.bucket, location.key)
        return self._s3.get(location)


@define(frozen=True, kw_only=True)
class _Plan:
    """What a completed job's documents will say: everything decided, nothing made yet."""

    record: Record
    outputs: JobOutputs
    source: Source | None
    redaction: documents.Redaction | None
    vocabulary_filter: documents.VocabularyFilter | None
    categories: tuple[Category, ...]
    """The Call Analytics categories in force when the job started."""
    account_id: str

    @property
    def _job(self) -> JobFacts:
        job = self.record.kind.job
        assert job is not None
        return job

    def render(self) -> list[tuple[Location, bytes, str]]:
        """Each document: where it goes, its bytes and its content type."""
        record, outputs, source = self.record, self.outputs, self.source
        job = self._job
        speech = documents.timed(self._utterances(), record.name)
        verbatim = (
            self._categorized(source.document)
            if source is not None
            and source.document is not None
            and documents.matches_job(source.document, job.document)
            else None
        )
        made: list[tuple[Location, bytes, str]] = []
        if job.document == "medical_scribe":
            transcript, clinical = documents.medical_scribe_documents(
                speech, job_name=record.name, roles=self._roles(job.channel_roles)
            )
            _add(made, outputs.transcript, lambda: transcript, verbatim)
            _add(made, outputs.clinical, lambda: clinical)
            return made
        main = _add(made, outputs.transcript, lambda: self._document(speech, None), verbatim)
        redacted = _add(made, outputs.redacted, lambda: self._document(speech, self.redaction))
        if outputs.subtitles:
            shown = main if main is not None else redacted
            assert shown is not None
            start = int((record.request.get("Subtitles") or {}).get("OutputStartIndex", 0))
            for subtitle_format, location in outputs.subtitles:
                text = documents.subtitles(shown, subtitle_format, start)
                made.append((location, text.encode(), _CONTENT_TYPES[subtitle_format]))
        return made

    def _document(
        self, speech: documents.Speech, redaction: documents.Redaction | None
    ) -> dict[str, Any]:
        record, job = self.record, self._job
        if job.document == "call_analytics":
            return documents.call_analytics_document(
                speech,
                job_name=record.name,
                account_id=self.account_id,
                language_code=str(record.fields.get("LanguageCode", "en-US")),
                roles=self._roles(job.channel_roles),
                redaction=redaction,
                categories=self.categories,
            )
        settings = record.request.get("Settings") or {}
        options = documents.TranscriptOptions(
            job_name=record.name,
            account_id=self.account_id,
            speakers=int(settings.get("MaxSpeakerLabels") or 2)
            if settings.get("ShowSpeakerLabels")
            else None,
            channels=bool(settings.get("ChannelIdentification")),
            languages=self._languages(),
            vocabulary_filter=self.vocabulary_filter,
        )
        return documents.transcript_document(speech, options, redaction)

    def _categorized(self, document: bytes) -> bytes:
        """A given Call Analytics document with the categories in force matched on it.

        Written as it is when no category is in force, so a test controls every byte.
        """
        if self._job.document != "call_analytics" or not self.categories:
            return document
        decoded = json.loads(document)
        decoded["Categories"] = categorize(decoded, self.categories)
        return documents.dump(decoded)

    def _languages(self) -> tuple[str, ...]:
        request = self.record.request
        if not (request.get("IdentifyLanguage") or request.get("IdentifyMultipleLanguages")):
            return ()
        identified = str(self.record.fields.get("LanguageCode", "en-US"))
        others = [code for code in request.get("LanguageOptions") or () if code != identified]
        return (identified, *others)

    def _roles(self, defaults: tuple[str, str]) -> tuple[str, ...]:
        definitions = sorted(
            self.record.request.get("ChannelDefinitions") or (),
            key=lambda d: d.get("ChannelId", 0),
        )
        roles = tuple(str(d["ParticipantRole"]) for d in definitions if "ParticipantRole" in d)
        return roles if len(roles) >= 2 else defaults

    def _utterances(self) -> list[documents.Utterance]:
        source = self.source
        if source is not None and source.text is not None:
            found = documents.utterances_of_text(source.text)
        elif source is not None and source.document is not None:
            found = documents.utterances_of_document(source.document)
        else:
            found = []
        return found or documents.conversation(self._job.document, self.record.name)


def _add(
    made: list[tuple[Location, bytes, str]],
    location: Location | None,
    document: Callable[[], Mapping[str, Any]],
    verbatim: bytes | None = None,
) -> bytes | None:
    """Add ``verbatim``, or else the ``document`` made now, at ``location`` (if any)."""
    if location is None:
        return None
    data = verbatim if verbatim is not None else documents.dump(document())
    made.append((location, data, _JSON))
    return data
