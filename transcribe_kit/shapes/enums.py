"""Every enum of the Transcribe model, as ``str``-valued enums.

Each accepts values it does not know yet (a value the service added after this release):
such a value becomes a member of its own, so responses never fail on it; test
``member.is_known`` to tell them apart.
"""

from __future__ import annotations

from transcribe_kit.shapes._base import OpenEnum


class BadRequestExceptionReason(OpenEnum):
    """Values of ``BadRequestExceptionReason``."""

    AUDIOTOOLONG = "audioTooLong"
    AUDIOTOOSHORT = "audioTooShort"
    UNSUPPORTEDAUDIOFORMAT = "unsupportedAudioFormat"
    UNSUPPORTEDCHANNELCOUNT = "unsupportedChannelCount"
    INVALIDAUDIO = "invalidAudio"
    AUDIOFILETOOLARGE = "audioFileTooLarge"
    MEDIADOWNLOADFAILED = "mediaDownloadFailed"


class BaseModelName(OpenEnum):
    """Values of ``BaseModelName``."""

    NARROWBAND = "NarrowBand"
    WIDEBAND = "WideBand"


class CLMLanguageCode(OpenEnum):
    """Values of ``CLMLanguageCode``."""

    EN_US = "en-US"
    HI_IN = "hi-IN"
    ES_US = "es-US"
    EN_GB = "en-GB"
    EN_AU = "en-AU"
    DE_DE = "de-DE"
    JA_JP = "ja-JP"


class CallAnalyticsFeature(OpenEnum):
    """Values of ``CallAnalyticsFeature``."""

    GENERATIVE_SUMMARIZATION = "GENERATIVE_SUMMARIZATION"


class CallAnalyticsJobStatus(OpenEnum):
    """Values of ``CallAnalyticsJobStatus``."""

    QUEUED = "QUEUED"
    IN_PROGRESS = "IN_PROGRESS"
    FAILED = "FAILED"
    COMPLETED = "COMPLETED"


class CallAnalyticsSkippedReasonCode(OpenEnum):
    """Values of ``CallAnalyticsSkippedReasonCode``."""

    INSUFFICIENT_CONVERSATION_CONTENT = "INSUFFICIENT_CONVERSATION_CONTENT"
    FAILED_SAFETY_GUIDELINES = "FAILED_SAFETY_GUIDELINES"


class InputType(OpenEnum):
    """Values of ``InputType``."""

    REAL_TIME = "REAL_TIME"
    POST_CALL = "POST_CALL"


class LanguageCode(OpenEnum):
    """Values of ``LanguageCode``."""

    AF_ZA = "af-ZA"
    AR_AE = "ar-AE"
    AR_SA = "ar-SA"
    AM_ET = "am-ET"
    CY_GB = "cy-GB"
    DA_DK = "da-DK"
    DE_CH = "de-CH"
    DE_DE = "de-DE"
    EN_AB = "en-AB"
    EN_AU = "en-AU"
    EN_GB = "en-GB"
    EN_IE = "en-IE"
    EN_IN = "en-IN"
    EN_US = "en-US"
    EN_WL = "en-WL"
    ES_ES = "es-ES"
    ES_MX = "es-MX"
    ES_US = "es-US"
    FA_AF = "fa-AF"
    FA_IR = "fa-IR"
    FR_CA = "fr-CA"
    FR_FR = "fr-FR"
    GA_IE = "ga-IE"
    GD_GB = "gd-GB"
    HE_IL = "he-IL"
    HI_IN = "hi-IN"
    HT_HT = "ht-HT"
    ID_ID = "id-ID"
    IT_IT = "it-IT"
    JA_JP = "ja-JP"
    JV_ID = "jv-ID"
    KM_KH = "km-KH"
    KO_KR = "ko-KR"
    MY_MM = "my-MM"
    MS_MY = "ms-MY"
    NL_NL = "nl-NL"
    PT_BR = "pt-BR"
    PT_PT = "pt-PT"
    RU_RU = "ru-RU"
    TA_IN = "ta-IN"
    TE_IN = "te-IN"
    TR_TR = "tr-TR"
    ZH_CN = "zh-CN"
    ZH_TW = "zh-TW"
    TH_TH = "th-TH"
    EN_ZA = "en-ZA"
    EN_NZ = "en-NZ"
    VI_VN = "vi-VN"
    SV_SE = "sv-SE"
    AB_GE = "ab-GE"
    AST_ES = "ast-ES"
    AZ_AZ = "az-AZ"
    BA_RU = "ba-RU"
    BE_BY = "be-BY"
    BG_BG = "bg-BG"
    BN_IN = "bn-IN"
    BS_BA = "bs-BA"
    CA_ES = "ca-ES"
    CKB_IQ = "ckb-IQ"
    CKB_IR = "ckb-IR"
    CS_CZ = "cs-CZ"
    CY_WL = "cy-WL"
    EL_GR = "el-GR"
    ET_EE = "et-EE"
    ET_ET = "et-ET"
    EU_ES = "eu-ES"
    FI_FI = "fi-FI"
    GL_ES = "gl-ES"
    GU_IN = "gu-IN"
    HA_NG = "ha-NG"
    HR_HR = "hr-HR"
    HU_HU = "hu-HU"
    HY_AM = "hy-AM"
    IS_IS = "is-IS"
    KA_GE = "ka-GE"
    KAB_DZ = "kab-DZ"
    KK_KZ = "kk-KZ"
    KN_IN = "kn-IN"
    KY_KG = "ky-KG"
    LG_IN = "lg-IN"
    LT_LT = "lt-LT"
    LV_LV = "lv-LV"
    MHR_RU = "mhr-RU"
    MI_NZ = "mi-NZ"
    MK_MK = "mk-MK"
    ML_IN = "ml-IN"
    MN_MN = "mn-MN"
    MR_IN = "mr-IN"
    MT_MT = "mt-MT"
    NO_NO = "no-NO"
    NE_NP = "ne-NP"
    OR_IN = "or-IN"
    PA_IN = "pa-IN"
    PL_PL = "pl-PL"
    PS_AF = "ps-AF"
    RO_RO = "ro-RO"
    RW_RW = "rw-RW"
    SI_LK = "si-LK"
    SK_SK = "sk-SK"
    SL_SI = "sl-SI"
    SO_SO = "so-SO"
    SQ_AL = "sq-AL"
    SR_RS = "sr-RS"
    SU_ID = "su-ID"
    SW_BI = "sw-BI"
    SW_KE = "sw-KE"
    SW_RW = "sw-RW"
    SW_TZ = "sw-TZ"
    SW_UG = "sw-UG"
    TL_PH = "tl-PH"
    TT_RU = "tt-RU"
    UG_CN = "ug-CN"
    UK_UA = "uk-UA"
    UZ_UZ = "uz-UZ"
    WO_SN = "wo-SN"
    ZH_HK = "zh-HK"
    ZU_ZA = "zu-ZA"


class LanguageDetectionMode(OpenEnum):
    """Values of ``LanguageDetectionMode``."""

    IDENTIFY_LANGUAGE = "IDENTIFY_LANGUAGE"


class MediaFormat(OpenEnum):
    """Values of ``MediaFormat``."""

    MP3 = "mp3"
    MP4 = "mp4"
    WAV = "wav"
    FLAC = "flac"
    OGG = "ogg"
    AMR = "amr"
    WEBM = "webm"
    M4A = "m4a"


class MedicalContentIdentificationType(OpenEnum):
    """Values of ``MedicalContentIdentificationType``."""

    PHI = "PHI"


class MedicalScribeJobStatus(OpenEnum):
    """Values of ``MedicalScribeJobStatus``."""

    QUEUED = "QUEUED"
    IN_PROGRESS = "IN_PROGRESS"
    FAILED = "FAILED"
    COMPLETED = "COMPLETED"


class MedicalScribeLanguageCode(OpenEnum):
    """Values of ``MedicalScribeLanguageCode``."""

    EN_US = "en-US"


class MedicalScribeNoteTemplate(OpenEnum):
    """Values of ``MedicalScribeNoteTemplate``."""

    HISTORY_AND_PHYSICAL = "HISTORY_AND_PHYSICAL"
    GIRPP = "GIRPP"
    BIRP = "BIRP"
    SIRP = "SIRP"
    DAP = "DAP"
    BEHAVIORAL_SOAP = "BEHAVIORAL_SOAP"
    PHYSICAL_SOAP = "PHYSICAL_SOAP"


class MedicalScribeParticipantRole(OpenEnum):
    """Values of ``MedicalScribeParticipantRole``."""

    PATIENT = "PATIENT"
    CLINICIAN = "CLINICIAN"


class ModelStatus(OpenEnum):
    """Values of ``ModelStatus``."""

    IN_PROGRESS = "IN_PROGRESS"
    FAILED = "FAILED"
    COMPLETED = "COMPLETED"


class OutputLocationType(OpenEnum):
    """Values of ``OutputLocationType``."""

    CUSTOMER_BUCKET = "CUSTOMER_BUCKET"
    SERVICE_BUCKET = "SERVICE_BUCKET"


class ParticipantRole(OpenEnum):
    """Values of ``ParticipantRole``."""

    AGENT = "AGENT"
    CUSTOMER = "CUSTOMER"


class PiiEntityType(OpenEnum):
    """Values of ``PiiEntityType``."""

    BANK_ACCOUNT_NUMBER = "BANK_ACCOUNT_NUMBER"
    BANK_ROUTING = "BANK_ROUTING"
    CREDIT_DEBIT_NUMBER = "CREDIT_DEBIT_NUMBER"
    CREDIT_DEBIT_CVV = "CREDIT_DEBIT_CVV"
    CREDIT_DEBIT_EXPIRY = "CREDIT_DEBIT_EXPIRY"
    PIN = "PIN"
    EMAIL = "EMAIL"
    ADDRESS = "ADDRESS"
    NAME = "NAME"
    PHONE = "PHONE"
    SSN = "SSN"
    DATE_TIME = "DATE_TIME"
    PASSPORT_NUMBER = "PASSPORT_NUMBER"
    DRIVER_ID = "DRIVER_ID"
    URL = "URL"
    AGE = "AGE"
    USERNAME = "USERNAME"
    PASSWORD = "PASSWORD"
    AWS_ACCESS_KEY = "AWS_ACCESS_KEY"
    AWS_SECRET_KEY = "AWS_SECRET_KEY"
    IP_ADDRESS = "IP_ADDRESS"
    MAC_ADDRESS = "MAC_ADDRESS"
    LICENSE_PLATE = "LICENSE_PLATE"
    VEHICLE_IDENTIFICATION_NUMBER = "VEHICLE_IDENTIFICATION_NUMBER"
    US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER = "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER"
    CA_HEALTH_NUMBER = "CA_HEALTH_NUMBER"
    CA_SOCIAL_INSURANCE_NUMBER = "CA_SOCIAL_INSURANCE_NUMBER"
    INTERNATIONAL_BANK_ACCOUNT_NUMBER = "INTERNATIONAL_BANK_ACCOUNT_NUMBER"
    SWIFT_CODE = "SWIFT_CODE"
    ALL = "ALL"


class Pronouns(OpenEnum):
    """Values of ``Pronouns``."""

    HE_HIM = "HE_HIM"
    SHE_HER = "SHE_HER"
    THEY_THEM = "THEY_THEM"


class RedactionOutput(OpenEnum):
    """Values of ``RedactionOutput``."""

    REDACTED = "redacted"
    REDACTED_AND_UNREDACTED = "redacted_and_unredacted"


class RedactionType(OpenEnum):
    """Values of ``RedactionType``."""

    PII = "PII"


class SentimentValue(OpenEnum):
    """Values of ``SentimentValue``."""

    POSITIVE = "POSITIVE"
    NEGATIVE = "NEGATIVE"
    NEUTRAL = "NEUTRAL"
    MIXED = "MIXED"


class Specialty(OpenEnum):
    """Values of ``Specialty``."""

    PRIMARYCARE = "PRIMARYCARE"


class SubtitleFormat(OpenEnum):
    """Values of ``SubtitleFormat``."""

    VTT = "vtt"
    SRT = "srt"


class SyncLanguage(OpenEnum):
    """Values of ``SyncLanguage``."""

    EN = "en"
    ES = "es"
    FR = "fr"
    IT = "it"
    DE = "de"
    JA = "ja"
    PT = "pt"
    KO = "ko"
    ZH_CN = "zh-CN"
    ZH_TW = "zh-TW"
    ZH_HK = "zh-HK"


class SyncLanguageCode(OpenEnum):
    """Values of ``SyncLanguageCode``."""

    EN_US = "en-US"
    EN_AB = "en-AB"
    EN_AU = "en-AU"
    EN_GB = "en-GB"
    EN_IE = "en-IE"
    EN_IN = "en-IN"
    EN_WL = "en-WL"
    EN_ZA = "en-ZA"
    EN_NZ = "en-NZ"
    ES_US = "es-US"
    ES_ES = "es-ES"
    ES_MX = "es-MX"
    FR_FR = "fr-FR"
    FR_CA = "fr-CA"
    IT_IT = "it-IT"
    DE_DE = "de-DE"
    DE_CH = "de-CH"
    JA_JP = "ja-JP"
    PT_BR = "pt-BR"
    PT_PT = "pt-PT"
    ZH_CN = "zh-CN"
    ZH_TW = "zh-TW"
    ZH_HK = "zh-HK"
    KO_KR = "ko-KR"


class ToxicityCategory(OpenEnum):
    """Values of ``ToxicityCategory``."""

    ALL = "ALL"


class TranscriptFilterType(OpenEnum):
    """Values of ``TranscriptFilterType``."""

    EXACT = "EXACT"


class TranscriptionJobStatus(OpenEnum):
    """Values of ``TranscriptionJobStatus``."""

    QUEUED = "QUEUED"
    IN_PROGRESS = "IN_PROGRESS"
    FAILED = "FAILED"
    COMPLETED = "COMPLETED"


class Type(OpenEnum):
    """Values of ``Type``."""

    CONVERSATION = "CONVERSATION"
    DICTATION = "DICTATION"


class VocabularyFilterMethod(OpenEnum):
    """Values of ``VocabularyFilterMethod``."""

    REMOVE = "remove"
    MASK = "mask"
    TAG = "tag"


class VocabularyState(OpenEnum):
    """Values of ``VocabularyState``."""

    PENDING = "PENDING"
    READY = "READY"
    FAILED = "FAILED"


__all__ = [
    "BadRequestExceptionReason",
    "BaseModelName",
    "CLMLanguageCode",
    "CallAnalyticsFeature",
    "CallAnalyticsJobStatus",
    "CallAnalyticsSkippedReasonCode",
    "InputType",
    "LanguageCode",
    "LanguageDetectionMode",
    "MediaFormat",
    "MedicalContentIdentificationType",
    "MedicalScribeJobStatus",
    "MedicalScribeLanguageCode",
    "MedicalScribeNoteTemplate",
    "MedicalScribeParticipantRole",
    "ModelStatus",
    "OutputLocationType",
    "ParticipantRole",
    "PiiEntityType",
    "Pronouns",
    "RedactionOutput",
    "RedactionType",
    "SentimentValue",
    "Specialty",
    "SubtitleFormat",
    "SyncLanguage",
    "SyncLanguageCode",
    "ToxicityCategory",
    "TranscriptFilterType",
    "TranscriptionJobStatus",
    "Type",
    "VocabularyFilterMethod",
    "VocabularyState",
]
