"""A shape's ``repr`` never shows the signature of a presigned link it holds.

A completed job's ``TranscriptFileUri`` is a presigned link to the service's bucket; a
``repr`` in a log or a traceback must not carry what lets anyone read the transcript. The
links here are made by botocore's own signer, with made-up credentials and no network.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

import attrs
import botocore.session
import pytest
from botocore.config import Config
from botocore.model import Shape

from tests._model import BUNDLED, class_for, fields_by_wire_name, model, structures
from transcribe_kit._converter import from_wire, to_wire
from transcribe_kit.shapes._base import uri_repr
from transcribe_kit.shapes.common import Transcript
from transcribe_kit.shapes.enums import TranscriptionJobStatus
from transcribe_kit.shapes.transcription_jobs import (
    GetTranscriptionJobResponse,
    SubtitlesOutput,
    TranscriptionJob,
)
from transcribe_kit.shapes.vocabularies import GetVocabularyResponse

SECRETS = {
    "access key": "AKIAIOSFODNN7EXAMPLE",
    "session token": "FwoGZXIvYXdzEXAMPLESESSIONTOKEN",
}


@pytest.fixture(scope="module")
def presigned() -> str:
    """A presigned GET of a transcript in the service's bucket, as Transcribe hands them out."""
    s3 = botocore.session.get_session().create_client(
        "s3",
        region_name="us-east-1",
        aws_access_key_id=SECRETS["access key"],
        aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        aws_session_token=SECRETS["session token"],
        # Signature version 4, as the service's links are signed.
        config=Config(signature_version="s3v4"),
    )
    url: str = s3.generate_presigned_url(
        "get_object",
        Params={"Bucket": "aws-transcribe-us-east-1-prod", "Key": "123/meeting-42/asrOutput.json"},
        ExpiresIn=900,
    )
    return url


def _signing_values(url: str) -> Iterator[str]:
    """Each signing value in the link's query (signature, credential, token), as written
    in the link and decoded."""
    query = dict(pair.split("=", 1) for pair in urlsplit(url).query.split("&"))
    for name in ("X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token"):
        yield query[name]
        yield unquote(query[name])


def _completed_job(url: str) -> TranscriptionJob:
    return TranscriptionJob(
        transcription_job_name="meeting-42",
        transcription_job_status=TranscriptionJobStatus.COMPLETED,
        transcript=Transcript(transcript_file_uri=url, redacted_transcript_file_uri=url),
        subtitles=SubtitlesOutput(subtitle_file_uris=[url, url]),
    )


def test_the_link_made_for_the_tests_is_signed(presigned: str) -> None:
    assert len(list(_signing_values(presigned))) == 6
    assert SECRETS["access key"] in presigned


def test_a_completed_jobs_repr_shows_no_signing_value(presigned: str) -> None:
    shown = repr(GetTranscriptionJobResponse(transcription_job=_completed_job(presigned)))

    leaked = [value for value in _signing_values(presigned) if value in shown]
    assert leaked == []
    assert not [name for name, secret in SECRETS.items() if secret in shown]


def test_the_repr_still_says_where_the_document_is(presigned: str) -> None:
    shown = repr(_completed_job(presigned))

    where = presigned.split("?")[0]
    assert shown.count(f"'{where}?<redacted>'") == 4  # transcript, redacted, two subtitles


def test_the_value_keeps_its_signature(presigned: str) -> None:
    job = _completed_job(presigned)

    assert job.transcript is not None
    assert job.transcript.transcript_file_uri == presigned
    assert job == _completed_job(presigned)


def test_the_wire_form_keeps_the_link_whole(presigned: str) -> None:
    wire = to_wire(_completed_job(presigned))

    assert wire["Transcript"]["TranscriptFileUri"] == presigned
    assert from_wire(wire, TranscriptionJob) == _completed_job(presigned)


def test_a_vocabularys_download_link_is_redacted_too(presigned: str) -> None:
    shown = repr(GetVocabularyResponse(vocabulary_name="terms", download_uri=presigned))

    assert "X-Amz-Signature" not in shown
    assert "download_uri='https://" in shown


def test_a_uri_without_a_query_is_shown_as_it_is() -> None:
    shown = repr(Transcript(transcript_file_uri="s3://my-bucket/out/meeting-42.json"))

    assert shown == (
        "Transcript(transcript_file_uri='s3://my-bucket/out/meeting-42.json', "
        "redacted_transcript_file_uri=None)"
    )


def _uri_members(shape: Shape) -> set[str]:
    """The members of ``shape`` that the model types as a URI or a list of them."""
    return {
        name
        for name, member in shape.members.items()
        if member.name == "Uri" or (member.type_name == "list" and member.member.name == "Uri")
    }


@pytest.mark.parametrize("shape", structures(model(BUNDLED)), ids=lambda shape: shape.name)
def test_exactly_the_models_uri_members_have_a_redacting_repr(shape: Shape) -> None:
    fields = fields_by_wire_name(class_for(shape))

    redacting = {wire for wire, field in fields.items() if field.repr is uri_repr}
    assert redacting == _uri_members(shape)


def test_the_model_has_uri_members() -> None:
    found = {
        (shape.name, member)
        for shape in structures(model(BUNDLED))
        for member in _uri_members(shape)
    }

    assert {("Transcript", "TranscriptFileUri"), ("SubtitlesOutput", "SubtitleFileUris")} <= found
    assert all(attrs.has(class_for(shape)) for shape in structures(model(BUNDLED)))
