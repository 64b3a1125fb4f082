"""Medical scribe (AWS HealthScribe) jobs, which moto lacks, against botocore's stubber."""

from __future__ import annotations

from datetime import datetime, timezone

from tests.integration._support import add_service_error, expect_service_error, stubbed_client
from transcribe_kit import (
    ClinicalNoteGenerationSettings,
    DeleteMedicalScribeJobRequest,
    DeleteMedicalScribeJobResponse,
    GetMedicalScribeJobRequest,
    InternalFailureError,
    ListMedicalScribeJobsRequest,
    Media,
    MedicalScribeChannelDefinition,
    MedicalScribeContext,
    MedicalScribeJob,
    MedicalScribeJobStatus,
    MedicalScribeJobSummary,
    MedicalScribeLanguageCode,
    MedicalScribeNoteTemplate,
    MedicalScribeOutput,
    MedicalScribeParticipantRole,
    MedicalScribePatientContext,
    MedicalScribeSettings,
    NotFoundError,
    Pronouns,
    StartMedicalScribeJobRequest,
)

CREATED = datetime(2026, 7, 8, 14, 0, tzinfo=timezone.utc)
DONE = datetime(2026, 7, 8, 14, 6, tzinfo=timezone.utc)
ROLE = "arn:aws:iam::123456789012:role/HealthScribe"

SETTINGS = MedicalScribeSettings(
    channel_identification=True,
    clinical_note_generation_settings=ClinicalNoteGenerationSettings(
        note_template=MedicalScribeNoteTemplate.GIRPP
    ),
)
SETTINGS_ON_WIRE = {
    "ChannelIdentification": True,
    "ClinicalNoteGenerationSettings": {"NoteTemplate": "GIRPP"},
}
CHANNELS = [
    MedicalScribeChannelDefinition(
        channel_id=0, participant_role=MedicalScribeParticipantRole.CLINICIAN
    ),
    MedicalScribeChannelDefinition(
        channel_id=1, participant_role=MedicalScribeParticipantRole.PATIENT
    ),
]
CHANNELS_ON_WIRE = [
    {"ChannelId": 0, "ParticipantRole": "CLINICIAN"},
    {"ChannelId": 1, "ParticipantRole": "PATIENT"},
]


async def test_start_sends_settings_channels_and_context() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "start_medical_scribe_job",
            {
                "MedicalScribeJob": {
                    "MedicalScribeJobName": "visit-7",
                    "MedicalScribeJobStatus": "QUEUED",
                    "Media": {"MediaFileUri": "s3://clinic/visit-7.wav"},
                    "CreationTime": CREATED,
                    "MedicalScribeContextProvided": True,
                }
            },
            {
                "MedicalScribeJobName": "visit-7",
                "Media": {"MediaFileUri": "s3://clinic/visit-7.wav"},
                "OutputBucketName": "scribe-output",
                "DataAccessRoleArn": ROLE,
                "Settings": SETTINGS_ON_WIRE,
                "ChannelDefinitions": CHANNELS_ON_WIRE,
                "MedicalScribeContext": {"PatientContext": {"Pronouns": "SHE_HER"}},
            },
        )
        started = await client.start_medical_scribe_job(
            StartMedicalScribeJobRequest(
                medical_scribe_job_name="visit-7",
                media=Media(media_file_uri="s3://clinic/visit-7.wav"),
                output_bucket_name="scribe-output",
                data_access_role_arn=ROLE,
                settings=SETTINGS,
                channel_definitions=CHANNELS,
                medical_scribe_context=MedicalScribeContext(
                    patient_context=MedicalScribePatientContext(pronouns=Pronouns.SHE_HER)
                ),
            )
        )

    assert started.medical_scribe_job == MedicalScribeJob(
        medical_scribe_job_name="visit-7",
        medical_scribe_job_status=MedicalScribeJobStatus.QUEUED,
        media=Media(media_file_uri="s3://clinic/visit-7.wav"),
        creation_time=CREATED,
        medical_scribe_context_provided=True,
    )


async def test_get_answers_the_completed_job_with_its_outputs() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "get_medical_scribe_job",
            {
                "MedicalScribeJob": {
                    "MedicalScribeJobName": "visit-7",
                    "MedicalScribeJobStatus": "COMPLETED",
                    "LanguageCode": "en-US",
                    "MedicalScribeOutput": {
                        "TranscriptFileUri": "s3://scribe-output/visit-7/transcript.json",
                        "ClinicalDocumentUri": "s3://scribe-output/visit-7/summary.json",
                    },
                    "CreationTime": CREATED,
                    "CompletionTime": DONE,
                    "Settings": SETTINGS_ON_WIRE,
                    "ChannelDefinitions": CHANNELS_ON_WIRE,
                }
            },
            {"MedicalScribeJobName": "visit-7"},
        )
        got = await client.get_medical_scribe_job(
            GetMedicalScribeJobRequest(medical_scribe_job_name="visit-7")
        )

    assert got.medical_scribe_job == MedicalScribeJob(
        medical_scribe_job_name="visit-7",
        medical_scribe_job_status=MedicalScribeJobStatus.COMPLETED,
        language_code=MedicalScribeLanguageCode.EN_US,
        medical_scribe_output=MedicalScribeOutput(
            transcript_file_uri="s3://scribe-output/visit-7/transcript.json",
            clinical_document_uri="s3://scribe-output/visit-7/summary.json",
        ),
        creation_time=CREATED,
        completion_time=DONE,
        settings=SETTINGS,
        channel_definitions=CHANNELS,
    )


async def test_list_sends_its_filters_and_answers_summaries() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response(
            "list_medical_scribe_jobs",
            {
                "Status": "FAILED",
                "MedicalScribeJobSummaries": [
                    {
                        "MedicalScribeJobName": "visit-3",
                        "MedicalScribeJobStatus": "FAILED",
                        "FailureReason": "The media file could not be read.",
                        "CreationTime": CREATED,
                    }
                ],
            },
            {"Status": "FAILED", "MaxResults": 10},
        )
        listed = await client.list_medical_scribe_jobs(
            ListMedicalScribeJobsRequest(status=MedicalScribeJobStatus.FAILED, max_results=10)
        )

    assert listed.status is MedicalScribeJobStatus.FAILED
    assert listed.medical_scribe_job_summaries == [
        MedicalScribeJobSummary(
            medical_scribe_job_name="visit-3",
            medical_scribe_job_status=MedicalScribeJobStatus.FAILED,
            failure_reason="The media file could not be read.",
            creation_time=CREATED,
        )
    ]


async def test_delete_sends_the_name() -> None:
    async with stubbed_client() as (client, stubber):
        stubber.add_response("delete_medical_scribe_job", {}, {"MedicalScribeJobName": "visit-7"})
        deleted = await client.delete_medical_scribe_job(
            DeleteMedicalScribeJobRequest(medical_scribe_job_name="visit-7")
        )

    assert deleted == DeleteMedicalScribeJobResponse()


async def test_missing_job_is_a_not_found_error() -> None:
    async with stubbed_client() as (client, stubber):
        add_service_error(
            stubber,
            "delete_medical_scribe_job",
            "NotFoundException",
            "The requested job couldn't be found.",
        )
        await expect_service_error(
            client.delete_medical_scribe_job(
                DeleteMedicalScribeJobRequest(medical_scribe_job_name="absent")
            ),
            NotFoundError,
            code="NotFoundException",
            operation_name="DeleteMedicalScribeJob",
        )


async def test_service_failure_is_an_internal_failure_error() -> None:
    async with stubbed_client() as (client, stubber):
        add_service_error(
            stubber,
            "get_medical_scribe_job",
            "InternalFailureException",
            "We can't process your request because of an issue in our service.",
            http_status=500,
        )
        await expect_service_error(
            client.get_medical_scribe_job(
                GetMedicalScribeJobRequest(medical_scribe_job_name="visit-7")
            ),
            InternalFailureError,
            code="InternalFailureException",
            operation_name="GetMedicalScribeJob",
            http_status=500,
        )
