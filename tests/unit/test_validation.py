"""Local validation: the model's constraints and the documented rules, before anything is sent."""

from __future__ import annotations

import pytest

from transcribe_kit import (
    CallAnalyticsJobSettings,
    LanguageCode,
    Media,
    RequestValidationError,
    Settings,
    StartTranscriptionJobRequest,
    VocabularyFilterMethod,
)
from transcribe_kit._validation import validate, violations
from transcribe_kit.shapes.common import LanguageIdSettings

MEDIA = Media(media_file_uri="s3://bucket/meeting.mp3")


def _language_id_request(**overrides: object) -> StartTranscriptionJobRequest:
    fields: dict[str, object] = {
        "transcription_job_name": "job-1",
        "media": MEDIA,
        "identify_language": True,
        "language_options": [LanguageCode.EN_US, LanguageCode.ES_US],
        "language_id_settings": {
            LanguageCode.EN_US: LanguageIdSettings(vocabulary_filter_name="filter-1")
        },
    }
    fields.update(overrides)
    return StartTranscriptionJobRequest(**fields)  # type: ignore[arg-type]


def test_language_id_filter_with_the_method_in_settings_is_valid() -> None:
    request = _language_id_request(
        settings=Settings(vocabulary_filter_method=VocabularyFilterMethod.MASK)
    )

    assert violations(request) == []


def test_language_id_filter_without_a_method_is_rejected() -> None:
    with pytest.raises(RequestValidationError) as caught:
        validate(_language_id_request())

    assert caught.value.errors == (
        (
            "language_id_settings['en-US'].vocabulary_filter_name",
            "requires settings.vocabulary_filter_method to be set",
        ),
    )


def test_call_analytics_language_id_filter_needs_the_method() -> None:
    settings = CallAnalyticsJobSettings(
        language_id_settings={
            LanguageCode.EN_US: LanguageIdSettings(vocabulary_filter_name="filter-1")
        }
    )

    assert violations(settings) == [
        (
            "language_id_settings['en-US'].vocabulary_filter_name",
            "requires vocabulary_filter_method to be set",
        )
    ]


@pytest.mark.parametrize("identify", ["identify_language", "identify_multiple_languages"])
def test_language_options_go_with_either_language_identification(identify: str) -> None:
    request = StartTranscriptionJobRequest(
        transcription_job_name="job-1",
        media=MEDIA,
        language_options=[LanguageCode.EN_US, LanguageCode.ES_US],
        **{identify: True},  # type: ignore[arg-type]
    )

    assert violations(request) == []


def test_language_options_without_language_identification_are_rejected() -> None:
    request = StartTranscriptionJobRequest(
        transcription_job_name="job-1",
        media=MEDIA,
        language_options=[LanguageCode.EN_US, LanguageCode.ES_US],
    )

    assert violations(request) == [
        (
            "language_options",
            "requires identify_language or identify_multiple_languages to be set to true",
        )
    ]


def test_a_violation_inside_a_map_is_named_by_its_key_value() -> None:
    request = _language_id_request(
        language_id_settings={LanguageCode.EN_US: LanguageIdSettings(vocabulary_name="bad name")}
    )

    assert violations(request) == [
        (
            "language_id_settings['en-US'].vocabulary_name",
            "must match the pattern '^[0-9a-zA-Z._-]+'",
        )
    ]
