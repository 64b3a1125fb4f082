"""Local validation: the model's constraints and the documented rules, before anything is sent."""

from __future__ import annotations

import pytest

from tests.fakes import FakeAioClient
from transcribe_kit import (
    AbsoluteTimeRange,
    CallAnalyticsJobSettings,
    CreateVocabularyFilterRequest,
    CreateVocabularyRequest,
    InterruptionFilter,
    JobExecutionSettings,
    LanguageCode,
    LanguageCodeItem,
    LanguageDetectionMode,
    ListTranscriptionJobsRequest,
    Media,
    MedicalScribeSettings,
    MedicalTranscriptionSetting,
    NonTalkTimeFilter,
    RelativeTimeRange,
    RequestValidationError,
    Rule,
    Settings,
    StartTranscriptionJobRequest,
    SyncLanguage,
    SyncMedia,
    Tag,
    ToxicityCategory,
    ToxicityDetectionSettings,
    TranscribeAudioRequest,
    TranscribeClient,
    TranscriptionJobSummary,
    UpdateVocabularyFilterRequest,
    UpdateVocabularyRequest,
    VocabularyFilterEntry,
    VocabularyFilterMethod,
    VocabularyFilterSettings,
    VocabularyPhrase,
    VocabularySettingsEntry,
)
from transcribe_kit._converter import to_wire
from transcribe_kit._validation import RULES, validate, violations
from transcribe_kit.shapes.common import LanguageIdSettings

MEDIA = Media(media_file_uri="s3://bucket/meeting.mp3")
PATTERN = "must match the pattern '^[0-9a-zA-Z._-]+'"


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
            "language_code",
            "one of language_code, identify_language, identify_multiple_languages must be set",
        ),
        (
            "language_options",
            "requires identify_language or identify_multiple_languages to be set to true",
        ),
    ]


def test_a_job_names_its_language_or_asks_for_identification() -> None:
    request = StartTranscriptionJobRequest(transcription_job_name="job-1", media=MEDIA)

    assert violations(request) == [
        (
            "language_code",
            "one of language_code, identify_language, identify_multiple_languages must be set",
        )
    ]


def test_language_id_settings_need_language_options() -> None:
    request = StartTranscriptionJobRequest(
        transcription_job_name="job-1",
        media=MEDIA,
        identify_language=True,
        language_id_settings={LanguageCode.EN_US: LanguageIdSettings(vocabulary_name="terms")},
    )

    assert violations(request) == [("language_id_settings", "requires language_options to be set")]


def test_a_violation_inside_a_map_is_named_by_its_key_value() -> None:
    request = _language_id_request(
        language_id_settings={LanguageCode.EN_US: LanguageIdSettings(vocabulary_name="bad name")}
    )

    assert violations(request) == [("language_id_settings['en-US'].vocabulary_name", PATTERN)]


# The model's constraints on members


def _job(**overrides: object) -> StartTranscriptionJobRequest:
    fields: dict[str, object] = {
        "transcription_job_name": "job-1",
        "media": MEDIA,
        "language_code": LanguageCode.EN_US,
    }
    fields.update(overrides)
    return StartTranscriptionJobRequest(**fields)  # type: ignore[arg-type]


def test_a_valid_request_has_no_violations() -> None:
    assert violations(_job(settings=Settings(show_speaker_labels=True, max_speaker_labels=4))) == []


@pytest.mark.parametrize(
    ("name", "rules"),
    [
        pytest.param("", ["must have at least 1 characters (has 0)", PATTERN], id="empty"),
        pytest.param("j" * 201, ["must have at most 200 characters (has 201)"], id="too-long"),
        # The pattern matches a prefix of the name; the whole value must match.
        pytest.param("job-1 ", [PATTERN], id="trailing-space"),
        pytest.param("job/1", [PATTERN], id="character-outside"),
    ],
)
def test_job_name_constraints(name: str, rules: list[str]) -> None:
    request = _job(transcription_job_name=name)

    assert violations(request) == [("transcription_job_name", rule) for rule in rules]


@pytest.mark.parametrize("name", ["j", "j" * 200, "Job_1.2-x"])
def test_job_names_within_the_constraints_pass(name: str) -> None:
    assert violations(_job(transcription_job_name=name)) == []


@pytest.mark.parametrize(
    ("count", "rule"),
    [
        (1, "must be at least 2 (is 1)"),
        (31, "must be at most 30 (is 31)"),
        (2, None),
        (30, None),
    ],
)
def test_max_speaker_labels_range(count: int, rule: str | None) -> None:
    request = _job(settings=Settings(show_speaker_labels=True, max_speaker_labels=count))

    expected = [] if rule is None else [("settings.max_speaker_labels", rule)]
    assert violations(request) == expected


@pytest.mark.parametrize(
    ("max_results", "rule"),
    [
        (0, "must be at least 1 (is 0)"),
        (101, "must be at most 100 (is 101)"),
        (1, None),
        (100, None),
    ],
)
def test_max_results_range(max_results: int, rule: str | None) -> None:
    request = ListTranscriptionJobsRequest(max_results=max_results)

    assert violations(request) == ([] if rule is None else [("max_results", rule)])


@pytest.mark.parametrize(
    ("categories", "rule"),
    [
        ([], "must have at least 1 items (has 0)"),
        ([ToxicityCategory.ALL, ToxicityCategory.ALL], "must have at most 1 items (has 2)"),
    ],
)
def test_list_sizes(categories: list[ToxicityCategory], rule: str) -> None:
    request = _job(toxicity_detection=[ToxicityDetectionSettings(toxicity_categories=categories)])

    assert violations(request) == [("toxicity_detection[0].toxicity_categories", rule)]


def test_map_size() -> None:
    request = _job(
        language_code=None,
        identify_language=True,
        language_options=[LanguageCode.EN_US, LanguageCode.ES_US],
        language_id_settings={},
    )

    assert violations(request) == [("language_id_settings", "must have at least 1 items (has 0)")]


def test_blob_size() -> None:
    request = TranscribeAudioRequest(media=SyncMedia(media_bytes=b""))

    assert violations(request) == [("media.media_bytes", "must have at least 1 bytes (has 0)")]


def test_required_members_left_none() -> None:
    request = StartTranscriptionJobRequest(
        transcription_job_name=None,  # type: ignore[arg-type]
        media=None,  # type: ignore[arg-type]
        language_code=LanguageCode.EN_US,
        tags=[Tag(key="team", value="a"), Tag(key=None, value="b")],  # type: ignore[arg-type]
    )

    assert violations(request) == [
        ("transcription_job_name", "is required (TranscriptionJobName)"),
        ("media", "is required (Media)"),
        ("tags[1].key", "is required (Key)"),
    ]


# The documented rules across members

FILTER = VocabularyFilterEntry(language=SyncLanguage.EN, vocabulary_filter_name="filter-1")
FILTER_WORDS = VocabularyFilterEntry(language=SyncLanguage.EN, words=["darn"])
VOCABULARY = VocabularySettingsEntry(language=SyncLanguage.EN, vocabulary_name="vocabulary-1")
VOCABULARY_PHRASES = VocabularySettingsEntry(
    language=SyncLanguage.EN, phrases=[VocabularyPhrase(text="Transcribe")]
)
AUDIO = SyncMedia(media_file_uri="s3://bucket/a.wav")
TIME_RANGE = AbsoluteTimeRange(start_time=0, end_time=1000)
ONE_OF_ONE = "exactly one of {} must be set (found {})"
RULE_FILTERS = "non_talk_time_filter, interruption_filter, transcript_filter, sentiment_filter"

RULE_CASES = [
    pytest.param(
        SyncMedia(),
        [("media_bytes", ONE_OF_ONE.format("media_bytes, media_file_uri", "none"))],
        id="SyncMedia-none",
    ),
    pytest.param(
        SyncMedia(media_bytes=b"RIFF", media_file_uri="s3://bucket/a.wav"),
        [
            (
                "media_bytes",
                ONE_OF_ONE.format("media_bytes, media_file_uri", "media_bytes, media_file_uri"),
            )
        ],
        id="SyncMedia-two",
    ),
    pytest.param(
        Rule(),
        [
            (
                "non_talk_time_filter",
                ONE_OF_ONE.format(
                    RULE_FILTERS,
                    "none",
                ),
            )
        ],
        id="Rule-none",
    ),
    pytest.param(
        Rule(
            non_talk_time_filter=NonTalkTimeFilter(threshold=1000),
            interruption_filter=InterruptionFilter(threshold=1000),
        ),
        [
            (
                "non_talk_time_filter",
                ONE_OF_ONE.format(
                    RULE_FILTERS,
                    "non_talk_time_filter, interruption_filter",
                ),
            )
        ],
        id="Rule-two",
    ),
    pytest.param(
        Settings(show_speaker_labels=True, max_speaker_labels=2, channel_identification=True),
        [("channel_identification", "cannot be used together with show_speaker_labels")],
        id="Settings-speakers-and-channels",
    ),
    pytest.param(
        Settings(max_speaker_labels=2),
        [("max_speaker_labels", "requires show_speaker_labels to be set to true")],
        id="Settings-max-speakers-alone",
    ),
    pytest.param(
        Settings(show_speaker_labels=True),
        [("show_speaker_labels", "requires max_speaker_labels to be set")],
        id="Settings-speakers-without-max",
    ),
    pytest.param(
        Settings(max_alternatives=2, show_alternatives=False),
        [("max_alternatives", "requires show_alternatives to be set to true")],
        id="Settings-max-alternatives-alone",
    ),
    pytest.param(
        Settings(show_alternatives=True),
        [("show_alternatives", "requires max_alternatives to be set")],
        id="Settings-alternatives-without-max",
    ),
    pytest.param(
        Settings(vocabulary_filter_name="filter-1"),
        [("vocabulary_filter_name", "requires vocabulary_filter_method to be set")],
        id="Settings-filter-without-method",
    ),
    pytest.param(
        MedicalTranscriptionSetting(
            channel_identification=True, show_speaker_labels=True, max_speaker_labels=2
        ),
        [("channel_identification", "cannot be used together with show_speaker_labels")],
        id="MedicalTranscriptionSetting-speakers-and-channels",
    ),
    pytest.param(
        MedicalTranscriptionSetting(max_alternatives=3),
        [("max_alternatives", "requires show_alternatives to be set to true")],
        id="MedicalTranscriptionSetting-max-alternatives-alone",
    ),
    pytest.param(
        MedicalScribeSettings(),
        [("show_speaker_labels", "one of show_speaker_labels, channel_identification must be set")],
        id="MedicalScribeSettings-neither-speakers-nor-channels",
    ),
    pytest.param(
        MedicalScribeSettings(max_speaker_labels=2),
        [
            (
                "show_speaker_labels",
                "one of show_speaker_labels, channel_identification must be set",
            ),
            ("max_speaker_labels", "requires show_speaker_labels to be set to true"),
        ],
        id="MedicalScribeSettings-max-speakers-alone",
    ),
    pytest.param(
        MedicalScribeSettings(channel_identification=True, vocabulary_filter_name="filter-1"),
        [("vocabulary_filter_name", "requires vocabulary_filter_method to be set")],
        id="MedicalScribeSettings-filter-without-method",
    ),
    pytest.param(
        CallAnalyticsJobSettings(vocabulary_filter_name="filter-1"),
        [("vocabulary_filter_name", "requires vocabulary_filter_method to be set")],
        id="CallAnalyticsJobSettings-filter-without-method",
    ),
    pytest.param(
        JobExecutionSettings(allow_deferred_execution=True),
        [("allow_deferred_execution", "requires data_access_role_arn to be set")],
        id="JobExecutionSettings-deferred-without-role",
    ),
    pytest.param(
        JobExecutionSettings(data_access_role_arn="arn:aws:iam::123456789012:role/transcribe"),
        [("data_access_role_arn", "requires allow_deferred_execution to be set to true")],
        id="JobExecutionSettings-role-without-deferred",
    ),
    pytest.param(
        AbsoluteTimeRange(start_time=0),
        [("start_time", "requires end_time to be set")],
        id="AbsoluteTimeRange-start-alone",
    ),
    pytest.param(
        RelativeTimeRange(end_percentage=50),
        [("end_percentage", "requires start_percentage to be set")],
        id="RelativeTimeRange-end-alone",
    ),
    pytest.param(
        _job(identify_language=True),
        [("identify_language", "cannot be used together with language_code")],
        id="StartTranscriptionJobRequest-language-and-identification",
    ),
    pytest.param(
        CreateVocabularyRequest(
            vocabulary_name="vocabulary-1",
            language_code=LanguageCode.EN_US,
            phrases=["Transcribe"],
            vocabulary_file_uri="s3://bucket/vocabulary.txt",
        ),
        [
            (
                "phrases",
                ONE_OF_ONE.format("phrases, vocabulary_file_uri", "phrases, vocabulary_file_uri"),
            )
        ],
        id="CreateVocabularyRequest-phrases-and-file",
    ),
    pytest.param(
        UpdateVocabularyRequest(vocabulary_name="vocabulary-1", language_code=LanguageCode.EN_US),
        [("phrases", ONE_OF_ONE.format("phrases, vocabulary_file_uri", "none"))],
        id="UpdateVocabularyRequest-neither",
    ),
    pytest.param(
        CreateVocabularyFilterRequest(
            vocabulary_filter_name="filter-1",
            language_code=LanguageCode.EN_US,
            words=["darn"],
            vocabulary_filter_file_uri="s3://bucket/filter.txt",
        ),
        [
            (
                "words",
                ONE_OF_ONE.format(
                    "words, vocabulary_filter_file_uri", "words, vocabulary_filter_file_uri"
                ),
            )
        ],
        id="CreateVocabularyFilterRequest-words-and-file",
    ),
    pytest.param(
        UpdateVocabularyFilterRequest(vocabulary_filter_name="filter-1"),
        [("words", ONE_OF_ONE.format("words, vocabulary_filter_file_uri", "none"))],
        id="UpdateVocabularyFilterRequest-neither",
    ),
    pytest.param(
        TranscribeAudioRequest(
            media=AUDIO,
            language=SyncLanguage.EN,
            language_detection_mode=LanguageDetectionMode.IDENTIFY_LANGUAGE,
            language_options=[SyncLanguage.EN, SyncLanguage.ES],
        ),
        [("language_detection_mode", "cannot be used together with language")],
        id="TranscribeAudioRequest-language-and-detection",
    ),
    pytest.param(
        TranscribeAudioRequest(
            media=AUDIO, language_detection_mode=LanguageDetectionMode.IDENTIFY_LANGUAGE
        ),
        [("language_detection_mode", "requires language_options to be set")],
        id="TranscribeAudioRequest-detection-without-options",
    ),
    pytest.param(
        TranscribeAudioRequest(
            media=AUDIO, channel_identification=True, show_speaker_labels=True, max_speaker_labels=2
        ),
        [("channel_identification", "cannot be used together with show_speaker_labels")],
        id="TranscribeAudioRequest-speakers-and-channels",
    ),
    pytest.param(
        TranscribeAudioRequest(media=AUDIO, vocabulary_settings=[VOCABULARY, VOCABULARY_PHRASES]),
        [
            (
                "vocabulary_settings",
                "entries must all use the same one of vocabulary_name, phrases",
            )
        ],
        id="TranscribeAudioRequest-mixed-vocabularies",
    ),
    pytest.param(
        VocabularySettingsEntry(language=SyncLanguage.EN),
        [("vocabulary_name", ONE_OF_ONE.format("vocabulary_name, phrases", "none"))],
        id="VocabularySettingsEntry-neither",
    ),
    pytest.param(
        VocabularyFilterEntry(
            language=SyncLanguage.EN, vocabulary_filter_name="filter-1", words=["darn"]
        ),
        [
            (
                "vocabulary_filter_name",
                ONE_OF_ONE.format("vocabulary_filter_name, words", "vocabulary_filter_name, words"),
            )
        ],
        id="VocabularyFilterEntry-both",
    ),
    pytest.param(
        VocabularyFilterSettings(
            vocabulary_filter_method=VocabularyFilterMethod.MASK, filters=[FILTER, FILTER_WORDS]
        ),
        [("filters", "entries must all use the same one of vocabulary_filter_name, words")],
        id="VocabularyFilterSettings-mixed-filters",
    ),
]


@pytest.mark.parametrize(("shape", "expected"), RULE_CASES)
def test_documented_rule(shape: object, expected: list[tuple[str, str]]) -> None:
    assert violations(shape) == expected


def test_every_shape_with_rules_has_a_case() -> None:
    covered = {type(case.values[0]).__name__ for case in RULE_CASES}

    assert set(RULES) - covered == set()


@pytest.mark.parametrize(
    "shape",
    [
        SyncMedia(media_bytes=b"RIFF"),
        Rule(non_talk_time_filter=NonTalkTimeFilter(absolute_time_range=TIME_RANGE)),
        Settings(channel_identification=True, show_alternatives=True, max_alternatives=2),
        JobExecutionSettings(
            allow_deferred_execution=True,
            data_access_role_arn="arn:aws:iam::123456789012:role/transcribe",
        ),
        TranscribeAudioRequest(media=AUDIO, vocabulary_settings=[VOCABULARY, VOCABULARY]),
        VocabularyFilterSettings(
            vocabulary_filter_method=VocabularyFilterMethod.REMOVE, filters=[FILTER_WORDS]
        ),
    ],
    ids=lambda shape: type(shape).__name__,
)
def test_rules_accept_what_the_documentation_allows(shape: object) -> None:
    assert violations(shape) == []


# The error


def test_the_error_names_the_first_violation_and_lists_all() -> None:
    request = _job(
        transcription_job_name="job 1",
        settings=Settings(max_speaker_labels=40),
    )

    with pytest.raises(RequestValidationError) as caught:
        validate(request, "StartTranscriptionJob")

    error = caught.value
    assert isinstance(error, ValueError)
    assert error.field == "transcription_job_name"
    assert error.rule == PATTERN
    assert error.operation_name == "StartTranscriptionJob"
    assert error.errors == (
        ("transcription_job_name", PATTERN),
        ("settings.max_speaker_labels", "requires show_speaker_labels to be set to true"),
        ("settings.max_speaker_labels", "must be at most 30 (is 40)"),
    )
    assert str(error) == f"transcription_job_name: {PATTERN} (and 2 more)"


# Through the client


async def test_client_raises_before_anything_is_sent() -> None:
    fake = FakeAioClient(default={})

    async with TranscribeClient(client=fake) as client:
        with pytest.raises(RequestValidationError) as caught:
            await client.start_transcription_job(_job(transcription_job_name="job 1"))

    assert caught.value.operation_name == "StartTranscriptionJob"
    assert fake.calls == []


async def test_client_sends_a_valid_request() -> None:
    fake = FakeAioClient(default={})

    async with TranscribeClient(client=fake) as client:
        await client.start_transcription_job(_job())

    assert fake.calls == [
        (
            "start_transcription_job",
            {
                "TranscriptionJobName": "job-1",
                "Media": {"MediaFileUri": "s3://bucket/meeting.mp3"},
                "LanguageCode": "en-US",
            },
        )
    ]


# Members of the wrong type


def test_a_string_among_an_enums_values_is_accepted_and_sent_as_that_value() -> None:
    request = _job(language_code="en-US", media_format="mp3")

    assert violations(request) == []
    assert to_wire(request)["LanguageCode"] == "en-US"
    assert to_wire(request)["MediaFormat"] == "mp3"


def test_an_enum_string_in_a_list_and_as_a_map_key_is_accepted() -> None:
    request = _language_id_request(
        language_options=["en-US", "es-US"],
        language_id_settings={"en-US": LanguageIdSettings(vocabulary_name="terms")},
    )

    assert violations(request) == []
    assert to_wire(request)["LanguageOptions"] == ["en-US", "es-US"]


ENUM = "a LanguageCode or one of its values"


@pytest.mark.parametrize(
    ("shape", "path", "rule"),
    [
        pytest.param(
            _job(language_code="english"),
            "language_code",
            f"must be {ENUM}, got 'english' (str)",
            id="enum-unknown-string",
        ),
        pytest.param(
            _job(language_code=7),
            "language_code",
            f"must be {ENUM}, got 7 (int)",
            id="enum-number",
        ),
        pytest.param(
            _job(media_sample_rate_hertz="16000"),
            "media_sample_rate_hertz",
            "must be an int, got '16000' (str)",
            id="int-text",
        ),
        pytest.param(
            _job(media_sample_rate_hertz=True),
            "media_sample_rate_hertz",
            "must be an int, got True (bool)",
            id="int-boolean",
        ),
        pytest.param(
            _job(media_sample_rate_hertz=16000.0),
            "media_sample_rate_hertz",
            "must be an int, got 16000.0 (float)",
            id="int-float",
        ),
        pytest.param(
            _job(identify_language="true", language_code=None),
            "identify_language",
            "must be True or False, got 'true' (str)",
            id="bool-text",
        ),
        pytest.param(
            _job(settings=Settings(show_speaker_labels=1, max_speaker_labels=2)),  # type: ignore[arg-type]
            "settings.show_speaker_labels",
            "must be True or False, got 1 (int)",
            id="bool-number-nested",
        ),
        pytest.param(
            _job(media="s3://bucket/a.mp3"),
            "media",
            "must be a Media, got 's3://bucket/a.mp3' (str)",
            id="structure-string",
        ),
        pytest.param(
            _job(settings={"ShowSpeakerLabels": True}),
            "settings",
            "must be a Settings, got {'ShowSpeakerLabels': True} (dict)",
            id="structure-dict",
        ),
        pytest.param(
            _job(language_code=None, identify_language=True, language_options="en-US"),
            "language_options",
            "must be a list, got 'en-US' (str)",
            id="list-string",
        ),
        pytest.param(
            _job(language_code=None, identify_language=True, language_options=["en-US", 5]),
            "language_options[1]",
            f"must be {ENUM}, got 5 (int)",
            id="list-item",
        ),
        pytest.param(
            _job(tags=[{"Key": "team", "Value": "a"}]),
            "tags[0]",
            "must be a Tag, got {'Key': 'team', 'Value': 'a'} (dict)",
            id="list-of-structures-item",
        ),
        pytest.param(
            _job(kms_encryption_context=[("team", "a")]),
            "kms_encryption_context",
            "must be a dict, got [('team', 'a')] (list)",
            id="map-list",
        ),
        pytest.param(
            _job(kms_encryption_context={"team": 5}),
            "kms_encryption_context['team']",
            "must be a string, got 5 (int)",
            id="map-value",
        ),
        pytest.param(
            _language_id_request(
                language_id_settings={"english": LanguageIdSettings(vocabulary_name="terms")}
            ),
            "language_id_settings['english']",
            f"the key must be {ENUM}, got 'english' (str)",
            id="map-key",
        ),
        pytest.param(
            TranscribeAudioRequest(media=b"RIFF"),  # type: ignore[arg-type]
            "media",
            "must be a SyncMedia, got b'RIFF' (bytes)",
            id="union-bytes",
        ),
        pytest.param(
            TranscribeAudioRequest(media=SyncMedia(media_bytes="RIFF")),  # type: ignore[arg-type]
            "media.media_bytes",
            "must be bytes, got 'RIFF' (str)",
            id="blob-string",
        ),
        pytest.param(
            _job(transcription_job_name=42),
            "transcription_job_name",
            "must be a string, got 42 (int)",
            id="string-number",
        ),
        pytest.param(
            TranscriptionJobSummary(creation_time="2026-01-01"),  # type: ignore[arg-type]
            "creation_time",
            "must be a datetime, got '2026-01-01' (str)",
            id="timestamp-string",
        ),
        pytest.param(
            LanguageCodeItem(duration_in_seconds=float("nan")),
            "duration_in_seconds",
            "must be a finite number, got nan (float)",
            id="float-nan",
        ),
        pytest.param(
            LanguageCodeItem(duration_in_seconds="1.5"),  # type: ignore[arg-type]
            "duration_in_seconds",
            "must be a finite number, got '1.5' (str)",
            id="float-string",
        ),
    ],
)
def test_a_member_of_the_wrong_type_is_named_with_what_it_must_be(
    shape: object, path: str, rule: str
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        validate(shape)

    assert (caught.value.field, caught.value.rule) == (path, rule)


def test_rules_are_not_applied_to_members_of_the_wrong_type() -> None:
    # The rule on speakers would read the settings' members: the type error comes alone.
    request = _job(settings=Settings(show_speaker_labels="yes"))  # type: ignore[arg-type]

    assert violations(request) == [
        ("settings.show_speaker_labels", "must be True or False, got 'yes' (str)")
    ]


def test_a_tuple_serves_as_a_list() -> None:
    request = _job(language_code=None, identify_language=True, language_options=("en-US",))

    assert violations(request) == []
    assert to_wire(request)["LanguageOptions"] == ["en-US"]


def test_a_request_of_another_operation_is_rejected() -> None:
    with pytest.raises(RequestValidationError) as caught:
        validate(ListTranscriptionJobsRequest(), "GetTranscriptionJob")

    assert caught.value.field == "request"
    assert caught.value.rule.startswith("must be a GetTranscriptionJobRequest, got ")


async def test_client_rejects_a_wrong_type_before_anything_is_sent() -> None:
    fake = FakeAioClient(default={})

    async with TranscribeClient(client=fake) as client:
        with pytest.raises(RequestValidationError) as caught:
            await client.start_transcription_job(_job(media="s3://bucket/a.mp3"))

    assert caught.value.operation_name == "StartTranscriptionJob"
    assert caught.value.field == "media"
    assert fake.calls == []


async def test_client_sends_an_enum_given_as_its_value() -> None:
    fake = FakeAioClient(default={})

    async with TranscribeClient(client=fake) as client:
        await client.list_transcription_jobs(ListTranscriptionJobsRequest(status="COMPLETED"))  # type: ignore[arg-type]

    assert fake.calls == [("list_transcription_jobs", {"Status": "COMPLETED"})]


def test_every_rule_applies_to_a_shape_of_the_model() -> None:
    from transcribe_kit import shapes

    assert set(RULES) <= set(shapes.__all__)  # keyed by name: a misspelt one would never run
