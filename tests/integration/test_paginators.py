"""Paginators over real HTTP against moto's server, with more items than one page."""

from __future__ import annotations

from collections import Counter

from tests.jobs import start_jobs, start_medical_jobs
from transcribe_kit import (
    CreateMedicalVocabularyRequest,
    CreateVocabularyRequest,
    LanguageCode,
    TranscribeClient,
    TranscriptionJobStatus,
    VocabularyState,
)
from transcribe_kit.testing import LocalBackend
from transcribe_kit.testing._local import VOCABULARY_MODELS

#: These operations run against moto's own server as well (see conftest.py).
ALSO_AGAINST_MOTO = True


async def test_250_jobs_at_page_size_7_are_each_seen_once(
    tk: TranscribeClient,
) -> None:
    names = [f"job-{index:03d}" for index in range(250)]
    await start_jobs(tk, *names)

    seen = Counter(
        [
            summary.transcription_job_name
            async for summary in tk.paginate_transcription_jobs(page_size=7)
        ]
    )

    assert set(seen) == set(names)
    assert set(seen.values()) == {1}


async def test_pages_hold_at_most_page_size_items(tk: TranscribeClient) -> None:
    await start_jobs(tk, *[f"job-{index:02d}" for index in range(20)])

    sizes = [
        len(page.transcription_job_summaries or [])
        async for page in tk.paginate_transcription_jobs(page_size=7).pages()
    ]

    assert sizes == [7, 7, 6]


async def test_status_filter_holds_on_every_page(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    transcribe_backend.set_progression(reads=1)
    names = [f"job-{index:02d}" for index in range(30)]
    await start_jobs(tk, *names)
    # One Get each moves a job from its first status to QUEUED; every third goes further.
    for index, name in enumerate(names):
        for _ in range(3 if index % 3 == 0 else 1):
            await tk.aiobotocore_client.get_transcription_job(TranscriptionJobName=name)

    queued = [
        summary
        async for summary in tk.paginate_transcription_jobs(
            status=TranscriptionJobStatus.QUEUED, page_size=7
        )
    ]

    assert Counter(s.transcription_job_name for s in queued) == Counter(
        name for index, name in enumerate(names) if index % 3 != 0
    )
    assert {s.transcription_job_status for s in queued} == {TranscriptionJobStatus.QUEUED}


async def test_item_cap_and_resume_cover_every_job_once(
    tk: TranscribeClient,
) -> None:
    names = [f"job-{index:02d}" for index in range(40)]
    await start_jobs(tk, *names)

    first = tk.paginate_transcription_jobs(page_size=7, max_items=17)
    head = [s.transcription_job_name async for s in first]
    tail = [
        s.transcription_job_name
        async for s in tk.paginate_transcription_jobs(
            page_size=7, starting_token=first.resume_token
        )
    ]

    assert len(head) == 17
    assert Counter(head + tail) == Counter(names)


async def test_medical_jobs_page_through(tk: TranscribeClient) -> None:
    names = [f"med-{index:02d}" for index in range(45)]
    await start_medical_jobs(tk, *names)

    seen = [
        s.medical_transcription_job_name
        async for s in tk.paginate_medical_transcription_jobs(page_size=7)
    ]

    assert Counter(seen) == Counter(names)


async def test_vocabularies_and_medical_vocabularies_page_through(
    transcribe_backend: LocalBackend, tk: TranscribeClient
) -> None:
    # moto's vocabularies start with no state and move one step per Get unless told.
    transcribe_backend.set_progression(VOCABULARY_MODELS)
    names = [f"vocab-{index:02d}" for index in range(20)]
    for name in names:
        await tk.create_vocabulary(
            CreateVocabularyRequest(
                vocabulary_name=name, language_code=LanguageCode.EN_US, phrases=["kubernetes"]
            )
        )
        await tk.create_medical_vocabulary(
            CreateMedicalVocabularyRequest(
                vocabulary_name=name,
                language_code=LanguageCode.EN_US,
                vocabulary_file_uri="s3://media/terms.txt",
            )
        )

    plain = [
        v.vocabulary_name
        async for v in tk.paginate_vocabularies(page_size=7, state_equals=VocabularyState.READY)
    ]
    medical = [v.vocabulary_name async for v in tk.paginate_medical_vocabularies(page_size=7)]

    assert Counter(plain) == Counter(names)
    assert Counter(medical) == Counter(names)
