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
from collections.abc import Callable, Mapping
from typing import Any

from attrs import define, field

from transcribe_kit.testing import _documents as documents
from transcribe_kit.testing._kinds import VOCABULARY_FILTERS, member
from transcribe_kit.testing._outputs import Location, S3Store
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
    """Writes the documents of the jobs of ``store`` into ``s3``."""

    def __init__(self, store: ResourceStore, s3: S3Store, transcripts: Transcripts) -> None:
        self._store = store
        self._s3 = s3
        self.transcripts = transcripts

    def __call__(self, record: Record) -> dict[str, Location | list[Location]]:
        """Write the documents of the completing job ``record``; where each went."""
        job = record.kind.job
        assert job is not None
        outputs = job.outputs(
            record.name, record.request, self._store.site, self._redaction_settings(record)
        )
        source = self._source(record)
        speech = documents.timed(self._utterances(record, source), record.name)
        verbatim = (
            source.document
            if source is not None
            and source.document is not None
            and documents.matches_job(source.document, job.document)
            else None
        )
        written: dict[str, Location | list[Location]] = {}
        if job.document == "medical_scribe":
            transcript, clinical = documents.medical_scribe_documents(
                speech, job_name=record.name, roles=self._roles(record, job.channel_roles)
            )
            self._write(written, "transcript", outputs.transcript, lambda: transcript, verbatim)
            self._write(written, "clinical", outputs.clinical, lambda: clinical)
            return written
        redaction = documents.Redaction.of(self._redaction_settings(record))
        main = self._write(
            written,
            "transcript",
            outputs.transcript,
            lambda: self._document(record, speech, None),
            verbatim,
        )
        redacted = self._write(
            written,
            "redacted",
            outputs.redacted,
            lambda: self._document(record, speech, redaction),
        )
        if outputs.subtitles:
            shown = main if main is not None else redacted
            assert shown is not None
            start = int((record.request.get("Subtitles") or {}).get("OutputStartIndex", 0))
            for subtitle_format, location in outputs.subtitles:
                text = documents.subtitles(shown, subtitle_format, start)
                self._s3.put(location, text.encode(), _CONTENT_TYPES[subtitle_format])
            written["subtitles"] = [location for _, location in outputs.subtitles]
        return written

    def _write(
        self,
        written: dict[str, Location | list[Location]],
        role: str,
        location: Location | None,
        document: Callable[[], Mapping[str, Any]],
        verbatim: bytes | None = None,
    ) -> bytes | None:
        """Write ``verbatim``, or else the ``document`` made now, at ``location`` (if any)."""
        if location is None:
            return None
        data = verbatim if verbatim is not None else documents.dump(document())
        self._s3.put(location, data, _JSON)
        written[role] = location
        return data

    def _document(
        self, record: Record, speech: documents.Speech, redaction: documents.Redaction | None
    ) -> dict[str, Any]:
        job = record.kind.job
        assert job is not None
        site = self._store.site
        if job.document == "call_analytics":
            return documents.call_analytics_document(
                speech,
                job_name=record.name,
                account_id=site.account_id,
                language_code=str(record.fields.get("LanguageCode", "en-US")),
                roles=self._roles(record, job.channel_roles),
                redaction=redaction,
            )
        settings = record.request.get("Settings") or {}
        options = documents.TranscriptOptions(
            job_name=record.name,
            account_id=site.account_id,
            speakers=int(settings.get("MaxSpeakerLabels") or 2)
            if settings.get("ShowSpeakerLabels")
            else None,
            channels=bool(settings.get("ChannelIdentification")),
            languages=self._languages(record),
            vocabulary_filter=self._vocabulary_filter(settings),
        )
        return documents.transcript_document(speech, options, redaction)

    def _redaction_settings(self, record: Record) -> Mapping[str, Any] | None:
        job = record.kind.job
        found = member(record.request, job.redaction_member) if job is not None else None
        return found if isinstance(found, Mapping) else None

    def _languages(self, record: Record) -> tuple[str, ...]:
        request = record.request
        if not (request.get("IdentifyLanguage") or request.get("IdentifyMultipleLanguages")):
            return ()
        identified = str(record.fields.get("LanguageCode", "en-US"))
        others = [code for code in request.get("LanguageOptions") or () if code != identified]
        return (identified, *others)

    def _vocabulary_filter(self, settings: Mapping[str, Any]) -> documents.VocabularyFilter | None:
        name = settings.get("VocabularyFilterName")
        found = self._store.find(VOCABULARY_FILTERS, name) if name else None
        if found is None:
            return None
        words = frozenset(str(word).lower() for word in found.request.get("Words") or ())
        return documents.VocabularyFilter(
            words=words, method=str(settings.get("VocabularyFilterMethod", "mask"))
        )

    def _roles(self, record: Record, defaults: tuple[str, str]) -> tuple[str, ...]:
        definitions = sorted(
            record.request.get("ChannelDefinitions") or (), key=lambda d: d.get("ChannelId", 0)
        )
        roles = tuple(str(d["ParticipantRole"]) for d in definitions if "ParticipantRole" in d)
        return roles if len(roles) >= 2 else defaults

    def _utterances(self, record: Record, source: Source | None) -> list[documents.Utterance]:
        if source is not None and source.text is not None:
            found = documents.utterances_of_text(source.text)
        elif source is not None and source.document is not None:
            found = documents.utterances_of_document(source.document)
        else:
            found = []
        job = record.kind.job
        assert job is not None
        return found or documents.conversation(job.document, record.name)

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
            data = self._s3.get(location)
            if data is not None:
                registered = self.transcripts.by_digest.get(hashlib.sha256(data).hexdigest())
                if registered is not None:
                    return registered
        sidecars = set(self._s3.keys(location.bucket, location.key + ".transcript."))
        for suffix in (SIDECAR_DOCUMENT, SIDECAR_TEXT):
            if location.key + suffix not in sidecars:
                continue
            data = self._s3.get(Location(location.bucket, location.key + suffix))
            if data is not None:
                if suffix == SIDECAR_DOCUMENT:
                    return Source(document=data)
                return Source(text=data.decode("utf-8", "replace"))
        return None
