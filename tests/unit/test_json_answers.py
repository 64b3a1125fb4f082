"""An answer read from its JSON is the answer the call returns, and only that one."""

from __future__ import annotations

import json

import pytest

from transcribe_kit import GetTranscriptionJobResponse, MalformedResponseError
from transcribe_kit._json_answers import JsonAnswer

BODY = json.dumps({"TranscriptionJob": {"TranscriptionJobName": "job-1"}}).encode()


def _answer() -> JsonAnswer[GetTranscriptionJobResponse]:
    return JsonAnswer(object(), "GetTranscriptionJob", GetTranscriptionJobResponse)


def test_the_members_handed_to_botocore_give_back_the_shape_read() -> None:
    answer = _answer()
    members = answer.read(BODY)
    returned = {**members, "ResponseMetadata": {"HTTPStatusCode": 200}}

    assert answer.shape_of(returned) is answer.shape


def test_another_dict_is_read_on_its_own() -> None:
    # A retried start may return the job a Get read, not the answer read here.
    answer = _answer()
    answer.read(BODY)
    other = {"TranscriptionJob": {"TranscriptionJobName": "job-2"}}

    shape = answer.shape_of(other)

    assert shape.transcription_job is not None
    assert shape.transcription_job.transcription_job_name == "job-2"


def test_an_empty_body_is_an_empty_answer() -> None:
    answer = _answer()

    assert answer.read(b"") == {}
    assert answer.shape_of({"ResponseMetadata": {}}) == GetTranscriptionJobResponse()


def test_a_body_that_is_no_json_object_names_the_operation() -> None:
    with pytest.raises(MalformedResponseError) as caught:
        _answer().read(b'"job-1"')

    assert caught.value.operation_name == "GetTranscriptionJob"
    assert caught.value.reason == 'expected a JSON object, got "job-1"'
