"""The kinds of job and vocabulary the local backend keeps, as the integration tests call them.

Each variant pairs an entry of the registry of kinds with what a test needs to make one
(a valid request, a request that breaks a rule) and what it expects of it; tests that
hold for several kinds take the variants as parameters.
"""

from __future__ import annotations

from typing import Any

import attrs
from botocore import xform_name

from transcribe_kit import (
    CreateMedicalVocabularyRequest,
    CreateVocabularyRequest,
    LanguageCode,
    Media,
    MediaFormat,
    MedicalTranscriptionSetting,
    Settings,
    Specialty,
    StartMedicalTranscriptionJobRequest,
    StartTranscriptionJobRequest,
    TranscribeClient,
    Type,
)
from transcribe_kit import _kinds as kinds
from transcribe_kit._kinds import ResourceKind


@attrs.frozen(kw_only=True)
class KindCalls:
    """Calls on one kind of resource through the client's typed methods, by the registry.

    Tests that hold for every kind of job (or vocabulary) take one of these as a
    parameter: ``kind`` names the operations, ``create_request`` makes a valid request
    to start or create one, and ``invalid_changes`` turn it into one that breaks
    ``invalid_field``.
    """

    kind: ResourceKind[Any, Any]
    create_request: Any
    invalid_changes: dict[str, Any]
    invalid_field: str

    @property
    def invalid_request(self) -> Any:
        """A request to start or create ``refused`` that is refused before it is sent."""
        return attrs.evolve(self.create_request("refused"), **self.invalid_changes)

    def call(self, tk: TranscribeClient, role: str, request: Any) -> Any:
        """The client's method for the kind's ``role`` operation (create, get, ...)."""
        return getattr(tk, xform_name(getattr(self.kind.operations, role)))(request)

    async def create(self, tk: TranscribeClient, name: str) -> Any:
        """Start or create one: the job the answer holds, or the answer itself."""
        answer = await self.call(tk, "create", self.create_request(name))
        return self.kind.resource_of(answer) or answer

    async def get(self, tk: TranscribeClient, name: str) -> Any:
        """The resource ``name``, read with Get."""
        found = self.kind.resource_of(await self.call(tk, "get", self.kind.get_request(name)))
        assert found is not None
        return found

    async def listed(self, tk: TranscribeClient, **filters: Any) -> tuple[list[Any], Any]:
        """The summaries of one List call with ``filters``, and its answer."""
        request = attrs.evolve(self.kind.list_request(), **filters)
        answer = await self.call(tk, "list", request)
        return self.kind.summaries_of(answer), answer

    async def listed_names(self, tk: TranscribeClient, **filters: Any) -> list[str]:
        """The names one List call with ``filters`` answers, sorted."""
        summaries, _ = await self.listed(tk, **filters)
        return sorted(self.kind.name_of(summary) or "" for summary in summaries)


@attrs.frozen(kw_only=True)
class Vocabularies(KindCalls):
    """One kind of custom vocabulary, as these tests use it."""

    #: moto's name for the model whose state progression a test sets.
    state_model: str
    #: What the download URI of a vocabulary called ``typed`` contains.
    in_download_uri: str


PLAIN_VOCABULARIES = Vocabularies(
    kind=kinds.VOCABULARIES,
    create_request=lambda name: CreateVocabularyRequest(
        vocabulary_name=name,
        language_code=LanguageCode.EN_US,
        phrases=["Transcribe", "diarization", "Los-Angeles"],
    ),
    invalid_changes={"vocabulary_file_uri": "s3://vocabularies/en.txt"},
    invalid_field="phrases",
    state_model="transcribe::vocabulary",
    in_download_uri="https://",
)
MEDICAL_VOCABULARIES = Vocabularies(
    kind=kinds.MEDICAL_VOCABULARIES,
    create_request=lambda name: CreateMedicalVocabularyRequest(
        vocabulary_name=name,
        language_code=LanguageCode.EN_US,
        vocabulary_file_uri="s3://vocabularies/medical.txt",
    ),
    invalid_changes={"vocabulary_file_uri": "vocabularies/medical.txt"},
    invalid_field="vocabulary_file_uri",
    state_model="transcribe::medicalvocabulary",
    in_download_uri="/medical/typed/",
)


@attrs.frozen(kw_only=True)
class Jobs(KindCalls):
    """One kind of transcription job, as these tests use it."""

    #: Members a started job echoes, with their values.
    echoed: dict[str, object]
    media_format: MediaFormat
    #: How the transcript URI of a job called ``done`` ends.
    transcript_uri_end: str


PLAIN_JOBS = Jobs(
    kind=kinds.TRANSCRIPTION_JOBS,
    create_request=lambda name: StartTranscriptionJobRequest(
        transcription_job_name=name,
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri="s3://media/meeting.mp3"),
        output_bucket_name="transcripts",
        settings=Settings(show_speaker_labels=True, max_speaker_labels=4),
    ),
    invalid_changes={"settings": Settings(show_speaker_labels=True, max_speaker_labels=40)},
    invalid_field="settings.max_speaker_labels",
    echoed={"settings": Settings(show_speaker_labels=True, max_speaker_labels=4)},
    media_format=MediaFormat.MP3,
    transcript_uri_end="/transcripts/done.json",
)
MEDICAL_JOBS = Jobs(
    kind=kinds.MEDICAL_TRANSCRIPTION_JOBS,
    create_request=lambda name: StartMedicalTranscriptionJobRequest(
        medical_transcription_job_name=name,
        language_code=LanguageCode.EN_US,
        media=Media(media_file_uri="s3://media/visit.wav"),
        output_bucket_name="clinic-transcripts",
        specialty=Specialty.PRIMARYCARE,
        type=Type.CONVERSATION,
    ),
    invalid_changes={
        "settings": MedicalTranscriptionSetting(
            show_speaker_labels=True, max_speaker_labels=2, channel_identification=True
        )
    },
    invalid_field="settings.channel_identification",
    echoed={"specialty": Specialty.PRIMARYCARE, "type": Type.CONVERSATION},
    media_format=MediaFormat.WAV,
    transcript_uri_end="/clinic-transcripts/medical/done.json",
)

VARIANTS = [PLAIN_JOBS, MEDICAL_JOBS, PLAIN_VOCABULARIES, MEDICAL_VOCABULARIES]
