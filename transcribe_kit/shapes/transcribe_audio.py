"""TranscribeAudio: synchronous transcription of up to 25 MiB of inline audio, no job to poll."""

from __future__ import annotations

from attrs import define, field

from transcribe_kit.shapes._base import Shape, uri_repr, wire
from transcribe_kit.shapes.common import ContentRedaction
from transcribe_kit.shapes.enums import (
    LanguageDetectionMode,
    MediaFormat,
    PiiEntityType,
    SyncLanguage,
    SyncLanguageCode,
    VocabularyFilterMethod,
)


@define(frozen=True, kw_only=True, eq=False, repr=False)
class SyncRedaction(Shape):
    """A type of personally identifiable information (PII) redacted from an item."""

    #: The type of PII that was redacted, for example NAME or SSN.
    type: PiiEntityType | None = field(default=None, metadata=wire("Type"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class SyncItem(Shape):
    """A word or punctuation mark in your transcript."""

    #: The position of this item in the transcript, starting at 0.
    id: int | None = field(default=None, metadata=wire("Id"))

    #: The word or punctuation mark.
    content: str | None = field(default=None, metadata=wire("Content"))

    #: The time, in seconds from the start of your audio, when this item starts.
    start_time: float | None = field(default=None, metadata=wire("StartTime"))

    #: The time, in seconds from the start of your audio, when this item ends.
    end_time: float | None = field(default=None, metadata=wire("EndTime"))

    #: The language of this item, as a locale (for example, en-US).
    language_code: SyncLanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The audio channel this item came from (ch_0 or ch_1).
    channel_label: str | None = field(default=None, metadata=wire("ChannelLabel"))

    #: The speaker of this item (for example, spk_0).
    speaker_label: str | None = field(default=None, metadata=wire("SpeakerLabel"))

    #: Indicates whether this item matched a word in your custom vocabulary filter.
    vocabulary_filter_match: bool | None = field(
        default=None,
        metadata=wire("VocabularyFilterMatch"),
    )

    #: The types of personally identifiable information (PII) that Amazon Transcribe redacted
    #: from this item.
    redactions: list[SyncRedaction] | None = field(default=None, metadata=wire("Redactions"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class SyncLanguageCodeItem(Shape):
    """A language identified in your audio, and how long it's spoken."""

    #: The identified language, as a locale (for example, en-US).
    language_code: SyncLanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The total time, in seconds, the identified language is spoken in your audio.
    duration_in_seconds: float | None = field(default=None, metadata=wire("DurationInSeconds"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class SyncMedia(Shape):
    """The audio to transcribe. A union: set exactly one member."""

    #: Your audio file, provided inline in the request.
    media_bytes: bytes | None = field(
        default=None,
        metadata=wire("MediaBytes", min_length=1, max_length=26214400),
    )

    #: The Amazon S3 location of the media file you want to transcribe.
    media_file_uri: str | None = field(
        repr=uri_repr,
        default=None,
        metadata=wire(
            "MediaFileUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class SyncOutputConfiguration(Shape):
    """The Amazon S3 location where your transcript is written."""

    #: The Amazon S3 location where you want your transcript written.
    output_media_file_uri: str = field(
        repr=uri_repr,
        metadata=wire(
            "OutputMediaFileUri",
            min_length=1,
            max_length=2000,
            pattern="(s3://|http(s*)://).+",
        ),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class TranscribeAudioMetadata(Shape):
    """Information about your audio."""

    #: The language of your transcript, as a locale (for example, en-US).
    language_code: SyncLanguageCode | None = field(default=None, metadata=wire("LanguageCode"))

    #: The language identified in your audio, and how long it's spoken.
    language_codes: list[SyncLanguageCodeItem] | None = field(
        default=None,
        metadata=wire("LanguageCodes"),
    )

    #: The format of your audio, as detected by Amazon Transcribe.
    media_format: MediaFormat | None = field(default=None, metadata=wire("MediaFormat"))

    #: The sample rate of your audio, in hertz, as detected by Amazon Transcribe.
    media_sample_rate_hertz: int | None = field(
        default=None,
        metadata=wire("MediaSampleRateHertz", minimum=8000, maximum=48000),
    )

    #: The number of speakers identified in your audio.
    speakers_count: int | None = field(default=None, metadata=wire("SpeakersCount"))

    #: The number of audio channels in your media.
    number_of_channels: int | None = field(default=None, metadata=wire("NumberOfChannels"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class TranscribeAudioResults(Shape):
    """A transcript of your audio."""

    #: The full text of your transcript.
    transcript: str | None = field(default=None, metadata=wire("Transcript"))

    #: The words and punctuation in your transcript, with timing and any labels you requested.
    items: list[SyncItem] | None = field(default=None, metadata=wire("Items"))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class VocabularyFilterEntry(Shape):
    """A custom vocabulary filter for one language."""

    #: The language this custom vocabulary filter applies to, as a base language code (for
    #: example, en).
    language: SyncLanguage = field(metadata=wire("Language"))

    #: The name of a custom vocabulary filter you created.
    vocabulary_filter_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyFilterName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: The words to filter, provided inline.
    words: list[str] | None = field(default=None, metadata=wire("Words", min_length=1))


@define(frozen=True, kw_only=True, eq=False, repr=False)
class VocabularyFilterSettings(Shape):
    """Custom vocabulary filters to apply to your transcript, and how to apply them."""

    #: Specify how you want your custom vocabulary filter applied to your transcript.
    vocabulary_filter_method: VocabularyFilterMethod = field(
        metadata=wire("VocabularyFilterMethod"),
    )

    #: Custom vocabulary filters, with one entry per language.
    filters: list[VocabularyFilterEntry] = field(
        metadata=wire("Filters", min_length=1, max_length=5),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class VocabularyPhrase(Shape):
    """A phrase in an inline custom vocabulary."""

    #: The phrase to recognize in your audio.
    text: str = field(metadata=wire("Text", min_length=1, max_length=256))

    #: How the phrase is written in your transcript.
    display_as: str | None = field(
        default=None,
        metadata=wire("DisplayAs", min_length=1, max_length=256),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class VocabularySettingsEntry(Shape):
    """A custom vocabulary for one language."""

    #: The language this custom vocabulary applies to, as a base language code (for example, en
    #: ).
    language: SyncLanguage = field(metadata=wire("Language"))

    #: The name of a custom vocabulary you created.
    vocabulary_name: str | None = field(
        default=None,
        metadata=wire(
            "VocabularyName",
            min_length=1,
            max_length=200,
            pattern="^[0-9a-zA-Z._-]+",
        ),
    )

    #: Up to 100 phrases to use as a custom vocabulary, provided inline.
    phrases: list[VocabularyPhrase] | None = field(
        default=None,
        metadata=wire("Phrases", min_length=1, max_length=100),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class TranscribeAudioRequest(Shape):
    """The request of ``TranscribeAudio``.

    Transcribes a media file and returns the transcript in the same response.
    """

    #: The audio to transcribe.
    media: SyncMedia = field(metadata=wire("Media"))

    #: The language spoken in your audio, as a base language code (for example, en or es).
    language: SyncLanguage | None = field(default=None, metadata=wire("Language"))

    #: Enables automatic language identification.
    language_detection_mode: LanguageDetectionMode | None = field(
        default=None,
        metadata=wire("LanguageDetectionMode"),
    )

    #: A list of two or more languages that you think may be present in your audio, as base
    #: language codes (for example, en and es).
    language_options: list[SyncLanguage] | None = field(
        default=None,
        metadata=wire("LanguageOptions", min_length=1),
    )

    #: Enables channel identification in multi-channel audio.
    channel_identification: bool | None = field(
        default=None,
        metadata=wire("ChannelIdentification"),
    )

    #: Enables speaker partitioning (diarization) in your transcript.
    show_speaker_labels: bool | None = field(default=None, metadata=wire("ShowSpeakerLabels"))

    #: Specify the maximum number of speakers you want to partition in your media.
    max_speaker_labels: int | None = field(
        default=None,
        metadata=wire("MaxSpeakerLabels", minimum=2, maximum=30),
    )

    #: Custom vocabularies to apply to your transcript, with one entry per language.
    vocabulary_settings: list[VocabularySettingsEntry] | None = field(
        default=None,
        metadata=wire("VocabularySettings", min_length=1, max_length=5),
    )

    #: Custom vocabulary filters to apply to your transcript, and how to apply them.
    vocabulary_filter_settings: VocabularyFilterSettings | None = field(
        default=None,
        metadata=wire("VocabularyFilterSettings"),
    )

    #: Redacts personally identifiable information (PII) from your transcript.
    content_redaction: ContentRedaction | None = field(
        default=None,
        metadata=wire("ContentRedaction"),
    )

    #: Writes the transcript to an Amazon S3 location instead of returning it in the response.
    output_configuration: SyncOutputConfiguration | None = field(
        default=None,
        metadata=wire("OutputConfiguration"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class TranscriptResponse(Shape):
    """Your transcript and information about your audio."""

    #: Information about your audio, such as the detected language, format, and sample rate.
    metadata: TranscribeAudioMetadata | None = field(default=None, metadata=wire("Metadata"))

    #: Your unredacted transcript.
    results: TranscribeAudioResults | None = field(default=None, metadata=wire("Results"))

    #: Your transcript with personally identifiable information (PII) redacted.
    redacted_results: TranscribeAudioResults | None = field(
        default=None,
        metadata=wire("RedactedResults"),
    )


@define(frozen=True, kw_only=True, eq=False, repr=False)
class TranscribeAudioResponse(Shape):
    """The response of ``TranscribeAudio``."""

    #: The Amazon S3 location where your transcript was written.
    output_configuration: SyncOutputConfiguration | None = field(
        default=None,
        metadata=wire("OutputConfiguration"),
    )

    #: Your transcript and information about your audio.
    transcript_response: TranscriptResponse | None = field(
        default=None,
        metadata=wire("TranscriptResponse"),
    )


__all__ = [
    "SyncItem",
    "SyncLanguageCodeItem",
    "SyncMedia",
    "SyncOutputConfiguration",
    "SyncRedaction",
    "TranscribeAudioMetadata",
    "TranscribeAudioRequest",
    "TranscribeAudioResponse",
    "TranscribeAudioResults",
    "TranscriptResponse",
    "VocabularyFilterEntry",
    "VocabularyFilterSettings",
    "VocabularyPhrase",
    "VocabularySettingsEntry",
]
