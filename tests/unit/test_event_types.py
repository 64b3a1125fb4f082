"""Events Amazon Transcribe publishes come out typed; nothing unknown crashes or is lost."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest

from transcribe_kit.errors import EventParseError
from transcribe_kit.events import (
    CallAnalyticsJobStateChange,
    CallAnalyticsPostCallJobStateChange,
    LanguageIdentificationStateChange,
    LanguageModelStateChange,
    MultipleLanguageIdentificationStateChange,
    TranscriptionJobStateChange,
    UnknownDetail,
    VocabularyStateChange,
    event_key,
    parse_event,
)
from transcribe_kit.shapes.enums import (
    CallAnalyticsJobStatus,
    ModelStatus,
    TranscriptionJobStatus,
    VocabularyState,
)


def envelope(detail_type: str, detail: dict[str, Any], **members: Any) -> dict[str, Any]:
    """An event as the service documents it."""
    return {
        "version": "0",
        "id": "5bf1e1c2-0000-4000-8000-000000000001",
        "detail-type": detail_type,
        "source": "aws.transcribe",
        "account": "111122223333",
        "time": "2025-03-04T05:06:07Z",
        "region": "us-west-2",
        "resources": [],
        "detail": detail,
        **members,
    }


def test_a_transcription_job_event_has_its_envelope_and_typed_detail() -> None:
    event = parse_event(
        envelope(
            "Transcribe Job State Change",
            {"TranscriptionJobName": "batch-1", "TranscriptionJobStatus": "COMPLETED"},
        )
    )

    assert event.detail == TranscriptionJobStateChange(
        transcription_job_name="batch-1",
        transcription_job_status=TranscriptionJobStatus.COMPLETED,
    )
    assert (event.id, event.source, event.account, event.region, event.version) == (
        "5bf1e1c2-0000-4000-8000-000000000001",
        "aws.transcribe",
        "111122223333",
        "us-west-2",
        "0",
    )
    assert event.time == datetime(2025, 3, 4, 5, 6, 7, tzinfo=timezone.utc)
    assert (event.resource_name, event.status) == ("batch-1", "COMPLETED")


@pytest.mark.parametrize(
    ("detail_type", "detail", "expected"),
    [
        pytest.param(
            "Transcribe Job State Change",
            {
                "TranscriptionJobName": "batch-2",
                "TranscriptionJobStatus": "FAILED",
                "FailureReason": "Unsupported media format",
            },
            TranscriptionJobStateChange(
                transcription_job_name="batch-2",
                transcription_job_status=TranscriptionJobStatus.FAILED,
                failure_reason="Unsupported media format",
            ),
            id="transcription-job-failed",
        ),
        pytest.param(
            "Language Identification State Change",
            {
                "JobType": "TranscriptionJob",
                "JobName": "batch-3",
                "LanguageIdentificationStatus": "COMPLETED",
            },
            LanguageIdentificationStateChange(
                job_type="TranscriptionJob",
                job_name="batch-3",
                language_identification_status=TranscriptionJobStatus.COMPLETED,
            ),
            id="language-identification",
        ),
        pytest.param(
            "Multiple Language Identification State Change",
            {
                "JobType": "TranscriptionJob",
                "JobName": "batch-4",
                "LanguageIdentificationStatus": "FAILED",
                "FailureReason": "no speech",
            },
            MultipleLanguageIdentificationStateChange(
                job_type="TranscriptionJob",
                job_name="batch-4",
                language_identification_status=TranscriptionJobStatus.FAILED,
                failure_reason="no speech",
            ),
            id="multiple-language-identification",
        ),
        pytest.param(
            "Call Analytics Job State Change",
            {
                "JobName": "call-5",
                "JobStatus": "COMPLETED",
                "AnalyticsJobDetails": {
                    "Skipped": [
                        {
                            "Feature": "GENERATIVE_SUMMARIZATION",
                            "ReasonCode": "INSUFFICIENT_CONVERSATION_CONTENT",
                            "Message": "too short",
                        }
                    ]
                },
            },
            None,
            id="call-analytics",
        ),
        pytest.param(
            "Call Analytics Post Call Job State Change",
            {
                "StreamingSessionId": "session-6",
                "PostCallStatus": "COMPLETED",
                "Transcript": {"TranscriptFileUri": "s3://bucket/session-6.json"},
                "Media": {"MediaFileUri": "s3://bucket/session-6.wav"},
            },
            None,
            id="post-call",
        ),
        pytest.param(
            "Vocabulary State Change",
            {"VocabularyName": "terms-7", "VocabularyState": "READY"},
            VocabularyStateChange(
                vocabulary_name="terms-7", vocabulary_state=VocabularyState.READY
            ),
            id="vocabulary",
        ),
        pytest.param(
            "Transcribe Language Model State Change",
            {"ModelName": "model-8", "ModelStatus": "COMPLETED"},
            LanguageModelStateChange(model_name="model-8", model_status=ModelStatus.COMPLETED),
            id="language-model",
        ),
    ],
)
def test_every_documented_detail_type_has_its_shape(
    detail_type: str, detail: dict[str, Any], expected: object
) -> None:
    event = parse_event(envelope(detail_type, detail))

    assert event.detail_type == detail_type
    assert detail_type == type(event.detail).DETAIL_TYPE  # type: ignore[union-attr]
    if expected is not None:
        assert event.detail == expected


def test_a_call_analytics_event_keeps_the_skipped_features() -> None:
    event = parse_event(
        envelope(
            "Call Analytics Job State Change",
            {
                "JobName": "call-5",
                "JobStatus": "COMPLETED",
                "AnalyticsJobDetails": {"Skipped": [{"Feature": "GENERATIVE_SUMMARIZATION"}]},
            },
        )
    )

    assert isinstance(event.detail, CallAnalyticsJobStateChange)
    assert event.detail.job_status is CallAnalyticsJobStatus.COMPLETED
    assert event.detail.analytics_job_details is not None
    skipped = event.detail.analytics_job_details.skipped
    assert skipped is not None
    assert skipped[0].feature == "GENERATIVE_SUMMARIZATION"


def test_a_post_call_event_says_where_its_documents_are() -> None:
    event = parse_event(
        envelope(
            "Call Analytics Post Call Job State Change",
            {
                "StreamingSessionId": "session-6",
                "PostCallStatus": "COMPLETED",
                "Transcript": {"RedactedTranscriptFileUri": "s3://bucket/redacted.json"},
                "Media": {"RedactedMediaFileUri": "s3://bucket/redacted.wav"},
            },
        )
    )

    assert isinstance(event.detail, CallAnalyticsPostCallJobStateChange)
    assert event.detail.transcript is not None
    assert event.detail.transcript.redacted_transcript_file_uri == "s3://bucket/redacted.json"
    assert event.detail.media is not None
    assert event.detail.media.redacted_media_file_uri == "s3://bucket/redacted.wav"
    assert event.resource_name == "session-6"


def test_the_two_language_identification_events_are_told_apart() -> None:
    single = parse_event(envelope("Language Identification State Change", {"JobName": "a"}))
    multiple = parse_event(
        envelope("Multiple Language Identification State Change", {"JobName": "a"})
    )

    assert not isinstance(single.detail, MultipleLanguageIdentificationStateChange)
    assert not isinstance(multiple.detail, LanguageIdentificationStateChange)


def test_an_unknown_detail_type_is_kept_raw() -> None:
    detail = {"SessionId": "s-1", "Status": "COMPLETED", "Nested": {"a": [1, 2]}}

    event = parse_event(envelope("Medical Scribe Post Stream Analytics Update", detail))

    assert event.detail == UnknownDetail(
        detail_type="Medical Scribe Post Stream Analytics Update", data=detail
    )
    assert event.resource_name is None


def test_a_detail_that_does_not_fit_its_shape_is_kept_raw() -> None:
    detail = {"TranscriptionJobName": "batch-1", "TranscriptionJobStatus": {"not": "a status"}}

    event = parse_event(envelope("Transcribe Job State Change", detail))

    assert event.detail == UnknownDetail(detail_type="Transcribe Job State Change", data=detail)


def test_a_new_status_is_kept_as_an_unknown_enum_member() -> None:
    event = parse_event(
        envelope(
            "Transcribe Job State Change",
            {"TranscriptionJobName": "batch-1", "TranscriptionJobStatus": "ARCHIVED"},
        )
    )

    assert isinstance(event.detail, TranscriptionJobStateChange)
    status = event.detail.transcription_job_status
    assert status == "ARCHIVED"
    assert status is not None
    assert not status.is_known


def test_envelope_members_may_be_missing() -> None:
    event = parse_event(
        {"detail-type": "Transcribe Job State Change", "detail": {"TranscriptionJobName": "x"}}
    )

    assert (event.id, event.account, event.time, event.region, event.resources) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert event.resource_name == "x"


def test_members_nobody_knows_stay_in_raw() -> None:
    data = envelope(
        "Transcribe Job State Change",
        {"TranscriptionJobName": "x", "TranscriptionJobStatus": "COMPLETED", "New": 1},
        **{"ingestion-time": "2025-03-04T05:06:08Z"},
    )

    event = parse_event(json.dumps(data))

    assert event.raw == data


def test_json_text_and_bytes_parse_like_the_dict() -> None:
    data = envelope("Vocabulary State Change", {"VocabularyName": "v", "VocabularyState": "READY"})

    assert (
        parse_event(json.dumps(data)) == parse_event(json.dumps(data).encode()) == parse_event(data)
    )


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("not json", id="not-json"),
        pytest.param("[1, 2]", id="a-list"),
        pytest.param('{"detail": {}}', id="no-detail-type"),
        pytest.param('{"detail-type": "X", "detail": [1]}', id="detail-not-an-object"),
        pytest.param('{"detail-type": "X", "detail": {}, "time": [1]}', id="time-not-a-time"),
    ],
)
def test_what_is_no_eventbridge_event_raises_a_parse_error(body: str) -> None:
    with pytest.raises(EventParseError):
        parse_event(body)


def test_the_key_of_an_event_is_its_type_resource_and_status() -> None:
    first = parse_event(
        envelope(
            "Transcribe Job State Change",
            {"TranscriptionJobName": "x", "TranscriptionJobStatus": "COMPLETED"},
            id="one",
        )
    )
    again = parse_event(
        envelope(
            "Transcribe Job State Change",
            {"TranscriptionJobName": "x", "TranscriptionJobStatus": "COMPLETED"},
            id="two",
        )
    )
    language = parse_event(
        envelope(
            "Language Identification State Change",
            {"JobName": "x", "LanguageIdentificationStatus": "COMPLETED"},
        )
    )

    assert event_key(first) == event_key(again)
    assert event_key(first) != event_key(language)


def test_unknown_events_are_keyed_by_their_id() -> None:
    one = parse_event(envelope("Something New", {"a": 1}, id="one"))
    two = parse_event(envelope("Something New", {"a": 1}, id="two"))

    assert event_key(one) != event_key(two)
    assert event_key(one) == event_key(parse_event(envelope("Something New", {"b": 2}, id="one")))
