"""Medical scribe (AWS HealthScribe) jobs over real HTTP, answered by the local backend."""

from __future__ import annotations

from tests.fakes import FakeClock
from tests.integration._support import checked_client, expect_service_error
from transcribe_kit import (
    MEDICAL_SCRIBE_JOBS,
    ConflictError,
    DeleteMedicalScribeJobRequest,
    GetMedicalScribeJobRequest,
    ListMedicalScribeJobsRequest,
    Media,
    MedicalScribeContext,
    MedicalScribeJobStatus,
    MedicalScribeLanguageCode,
    MedicalScribeOutput,
    MedicalScribePatientContext,
    MedicalScribeSettings,
    Pronouns,
    ResourceNotFoundError,
    StartMedicalScribeJobRequest,
    TranscribeClient,
)
from transcribe_kit.testing import LocalBackend, LocalClock

ROLE = "arn:aws:iam::123456789012:role/HealthScribe"
SETTINGS = MedicalScribeSettings(show_speaker_labels=True, max_speaker_labels=2)


async def _start(
    tk: TranscribeClient, *names: str, context: MedicalScribeContext | None = None
) -> None:
    for name in names:
        await tk.start_medical_scribe_job(
            StartMedicalScribeJobRequest(
                medical_scribe_job_name=name,
                media=Media(media_file_uri=f"s3://clinic/{name}.wav"),
                output_bucket_name="scribe-output",
                data_access_role_arn=ROLE,
                settings=SETTINGS,
                medical_scribe_context=context,
            )
        )


async def test_the_waiter_follows_a_job_to_its_transcript_and_note(
    transcribe_backend: LocalBackend,
) -> None:
    seen: list[MedicalScribeJobStatus | None] = []
    context = MedicalScribeContext(
        patient_context=MedicalScribePatientContext(pronouns=Pronouns.SHE_HER)
    )
    async with checked_client(transcribe_backend, clock=FakeClock()) as tk:
        await _start(tk, "visit-7", context=context)
        job = await tk.wait_for_medical_scribe_job(
            "visit-7", on_change=lambda job: seen.append(job.medical_scribe_job_status)
        )

    assert seen == ["IN_PROGRESS", "COMPLETED"]
    assert job.language_code is MedicalScribeLanguageCode.EN_US
    assert job.settings == SETTINGS
    assert job.medical_scribe_context_provided is True
    assert job.medical_scribe_output == MedicalScribeOutput(
        transcript_file_uri="https://s3.us-east-1.amazonaws.com/scribe-output/visit-7/transcript.json",
        clinical_document_uri="https://s3.us-east-1.amazonaws.com/scribe-output/visit-7/summary.json",
    )


async def test_a_taken_name_is_a_conflict(tk: TranscribeClient) -> None:
    await _start(tk, "visit-7")

    await expect_service_error(
        _start(tk, "visit-7"),
        ConflictError,
        code="ConflictException",
        operation_name="StartMedicalScribeJob",
    )


async def test_a_deleted_job_couldnt_be_found(tk: TranscribeClient) -> None:
    await _start(tk, "visit-7")
    await tk.delete_medical_scribe_job(
        DeleteMedicalScribeJobRequest(medical_scribe_job_name="visit-7")
    )

    await expect_service_error(
        tk.get_medical_scribe_job(GetMedicalScribeJobRequest(medical_scribe_job_name="visit-7")),
        ResourceNotFoundError,
        code="BadRequestException",
        operation_name="GetMedicalScribeJob",
    )
    await expect_service_error(
        tk.delete_medical_scribe_job(
            DeleteMedicalScribeJobRequest(medical_scribe_job_name="visit-7")
        ),
        ResourceNotFoundError,
        code="BadRequestException",
        operation_name="DeleteMedicalScribeJob",
    )


async def test_list_filters_by_status_and_name(
    transcribe_backend: LocalBackend, tk: TranscribeClient, local_clock: LocalClock
) -> None:
    transcribe_backend.set_job_duration(60, "visit-2")
    await _start(tk, "visit-1", "visit-2", "follow-up-1")
    local_clock.advance(30)

    in_progress = await tk.list_medical_scribe_jobs(
        ListMedicalScribeJobsRequest(status=MedicalScribeJobStatus.IN_PROGRESS)
    )
    visits = await tk.list_medical_scribe_jobs(
        ListMedicalScribeJobsRequest(job_name_contains="visit", max_results=1)
    )

    assert [j.medical_scribe_job_name for j in in_progress.medical_scribe_job_summaries or []] == [
        "visit-2"
    ]
    assert [j.medical_scribe_job_name for j in visits.medical_scribe_job_summaries or []] == [
        "visit-2"
    ]
    assert visits.next_token is not None


async def test_the_watcher_sees_jobs_complete(transcribe_backend: LocalBackend) -> None:
    transcribe_backend.set_progression()
    async with checked_client(transcribe_backend, clock=FakeClock()) as tk:
        await _start(tk, *[f"visit-{index}" for index in range(7)])
        names = [
            job.medical_scribe_job_name or ""
            async for job in tk.as_completed(["visit-6", "visit-0"], kind=MEDICAL_SCRIBE_JOBS)
        ]

    assert sorted(names) == ["visit-0", "visit-6"]
