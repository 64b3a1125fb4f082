from __future__ import annotations

from typing import Any

import pytest

from tests.fakes import FakeAioClient, pages
from transcribe_kit import (
    PaginationError,
    RequestValidationError,
    TranscribeClient,
    TranscriptionJobStatus,
    VocabularyState,
)


def _jobs(count: int) -> list[dict[str, Any]]:
    return [
        {"TranscriptionJobName": f"job-{index}", "TranscriptionJobStatus": "COMPLETED"}
        for index in range(count)
    ]


async def _names(paginator: Any) -> list[str]:
    return [summary.transcription_job_name async for summary in paginator]


async def test_every_item_of_every_page_is_yielded_once() -> None:
    fake = FakeAioClient().script(
        "ListTranscriptionJobs", *pages(_jobs(23), "TranscriptionJobSummaries", 5)
    )
    async with TranscribeClient(client=fake) as tk:
        names = await _names(tk.paginate_transcription_jobs(page_size=5))
    assert names == [f"job-{index}" for index in range(23)]
    assert len(fake.calls_to("ListTranscriptionJobs")) == 5


async def test_filters_of_the_first_call_are_sent_with_every_page() -> None:
    fake = FakeAioClient().script(
        "ListTranscriptionJobs", *pages(_jobs(9), "TranscriptionJobSummaries", 3)
    )
    async with TranscribeClient(client=fake) as tk:
        await _names(
            tk.paginate_transcription_jobs(
                status=TranscriptionJobStatus.FAILED, job_name_contains="job", page_size=3
            )
        )
    sent = fake.calls_to("ListTranscriptionJobs")
    assert [params.get("NextToken") for params in sent] == [None, "token-3", "token-6"]
    for params in sent:
        assert params["Status"] == "FAILED"
        assert params["JobNameContains"] == "job"
        assert params["MaxResults"] == 3


async def test_a_short_page_with_a_token_is_followed() -> None:
    fake = FakeAioClient().script(
        "ListVocabularies",
        {"Vocabularies": [], "NextToken": "a"},
        {"Vocabularies": [{"VocabularyName": "v1"}], "NextToken": "b"},
        {"Vocabularies": [{"VocabularyName": "v2"}]},
    )
    async with TranscribeClient(client=fake) as tk:
        names = [
            v.vocabulary_name
            async for v in tk.paginate_vocabularies(state_equals=VocabularyState.READY)
        ]
    assert names == ["v1", "v2"]
    assert all(p["StateEquals"] == "READY" for p in fake.calls_to("ListVocabularies"))


async def test_a_repeated_token_raises_instead_of_looping() -> None:
    fake = FakeAioClient().script(
        "ListTranscriptionJobs",
        {"TranscriptionJobSummaries": _jobs(1), "NextToken": "a"},
        {"TranscriptionJobSummaries": _jobs(1), "NextToken": "b"},
        {"TranscriptionJobSummaries": _jobs(1), "NextToken": "a"},
    )
    seen: list[object] = []
    async with TranscribeClient(client=fake) as tk:
        with pytest.raises(PaginationError) as caught:
            await _collect(tk.paginate_transcription_jobs(), seen)
    assert caught.value.token == "a"
    assert caught.value.operation_name == "ListTranscriptionJobs"
    assert len(seen) == 3
    assert len(fake.calls_to("ListTranscriptionJobs")) == 3


async def _collect(paginator: Any, into: list[object]) -> None:
    async for item in paginator:
        into.append(item)


async def test_a_token_that_answers_itself_raises() -> None:
    fake = FakeAioClient().script("ListLanguageModels", {"Models": [], "NextToken": "same"})
    async with TranscribeClient(client=fake) as tk:
        with pytest.raises(PaginationError):
            [model async for model in tk.paginate_language_models(starting_token="same")]
    assert len(fake.calls_to("ListLanguageModels")) == 1


async def test_max_items_caps_the_items_and_asks_only_for_what_is_needed() -> None:
    fake = FakeAioClient().script(
        "ListTranscriptionJobs",
        {"TranscriptionJobSummaries": _jobs(5), "NextToken": "token-5"},
        {"TranscriptionJobSummaries": _jobs(7)[5:], "NextToken": "token-7"},
    )
    async with TranscribeClient(client=fake) as tk:
        paginator = tk.paginate_transcription_jobs(page_size=5, max_items=7)
        names = await _names(paginator)
    assert names == [f"job-{index}" for index in range(7)]
    assert [p["MaxResults"] for p in fake.calls_to("ListTranscriptionJobs")] == [5, 2]
    assert paginator.resume_token == "token-7"


async def test_pages_are_trimmed_when_the_server_gives_more_than_asked() -> None:
    fake = FakeAioClient().script(
        "ListTranscriptionJobs", {"TranscriptionJobSummaries": _jobs(10), "NextToken": "more"}
    )
    async with TranscribeClient(client=fake) as tk:
        got = [page async for page in tk.paginate_transcription_jobs(max_items=4).pages()]
    assert len(got) == 1
    assert got[0].transcription_job_summaries is not None
    assert len(got[0].transcription_job_summaries) == 4


async def test_resuming_from_a_token_continues_where_the_first_stopped() -> None:
    answers = pages(_jobs(10), "TranscriptionJobSummaries", 4)
    by_token = {None: answers[0], "token-4": answers[1], "token-8": answers[2]}
    fake = FakeAioClient().script(
        "ListTranscriptionJobs", lambda params: by_token[params.get("NextToken")]
    )
    async with TranscribeClient(client=fake) as tk:
        first = tk.paginate_transcription_jobs(page_size=4, max_items=4)
        head = await _names(first)
        tail = await _names(
            tk.paginate_transcription_jobs(page_size=4, starting_token=first.resume_token)
        )
    assert head + tail == [f"job-{index}" for index in range(10)]
    assert fake.calls_to("ListTranscriptionJobs")[1]["NextToken"] == "token-4"


async def test_pages_yield_typed_responses() -> None:
    fake = FakeAioClient().script(
        "ListCallAnalyticsCategories",
        *pages([{"CategoryName": f"c{i}"} for i in range(3)], "Categories", 2),
    )
    async with TranscribeClient(client=fake) as tk:
        got = [page async for page in tk.paginate_call_analytics_categories(page_size=2).pages()]
    assert [[c.category_name for c in page.categories or []] for page in got] == [
        ["c0", "c1"],
        ["c2"],
    ]
    assert got[0].next_token == "token-2"
    assert got[1].next_token is None


@pytest.mark.parametrize("page_size", [0, 101])
async def test_page_size_outside_1_to_100_is_refused_before_sending(page_size: int) -> None:
    fake = FakeAioClient()
    async with TranscribeClient(client=fake) as tk:
        with pytest.raises(RequestValidationError) as caught:
            tk.paginate_vocabulary_filters(page_size=page_size)
    assert caught.value.field == "max_results"
    assert fake.calls == []


async def test_a_negative_item_cap_is_refused() -> None:
    async with TranscribeClient(client=FakeAioClient()) as tk:
        with pytest.raises(ValueError, match="max_items"):
            tk.paginate_medical_vocabularies(max_items=-1)


async def test_a_zero_item_cap_sends_nothing() -> None:
    fake = FakeAioClient()
    async with TranscribeClient(client=fake) as tk:
        assert [job async for job in tk.paginate_medical_scribe_jobs(max_items=0)] == []
    assert fake.calls == []


# One case per List operation: the request's members, the wire names and the item list.
OPERATIONS: list[tuple[str, str, dict[str, Any], dict[str, Any], str, str]] = [
    (
        "paginate_transcription_jobs",
        "ListTranscriptionJobs",
        {"status": TranscriptionJobStatus.COMPLETED, "job_name_contains": "x"},
        {"Status": "COMPLETED", "JobNameContains": "x"},
        "TranscriptionJobSummaries",
        "TranscriptionJobName",
    ),
    (
        "paginate_medical_transcription_jobs",
        "ListMedicalTranscriptionJobs",
        {"status": TranscriptionJobStatus.QUEUED},
        {"Status": "QUEUED"},
        "MedicalTranscriptionJobSummaries",
        "MedicalTranscriptionJobName",
    ),
    (
        "paginate_medical_scribe_jobs",
        "ListMedicalScribeJobs",
        {"job_name_contains": "s"},
        {"JobNameContains": "s"},
        "MedicalScribeJobSummaries",
        "MedicalScribeJobName",
    ),
    (
        "paginate_call_analytics_jobs",
        "ListCallAnalyticsJobs",
        {"job_name_contains": "c"},
        {"JobNameContains": "c"},
        "CallAnalyticsJobSummaries",
        "CallAnalyticsJobName",
    ),
    (
        "paginate_call_analytics_categories",
        "ListCallAnalyticsCategories",
        {},
        {},
        "Categories",
        "CategoryName",
    ),
    (
        "paginate_vocabularies",
        "ListVocabularies",
        {"name_contains": "v"},
        {"NameContains": "v"},
        "Vocabularies",
        "VocabularyName",
    ),
    (
        "paginate_medical_vocabularies",
        "ListMedicalVocabularies",
        {"state_equals": VocabularyState.PENDING},
        {"StateEquals": "PENDING"},
        "Vocabularies",
        "VocabularyName",
    ),
    (
        "paginate_vocabulary_filters",
        "ListVocabularyFilters",
        {"name_contains": "f"},
        {"NameContains": "f"},
        "VocabularyFilters",
        "VocabularyFilterName",
    ),
    (
        "paginate_language_models",
        "ListLanguageModels",
        {"name_contains": "m"},
        {"NameContains": "m"},
        "Models",
        "ModelName",
    ),
]


@pytest.mark.parametrize(("method", "operation", "filters", "wire", "key", "name_key"), OPERATIONS)
async def test_each_list_operation_pages_with_its_filters(
    method: str,
    operation: str,
    filters: dict[str, Any],
    wire: dict[str, Any],
    key: str,
    name_key: str,
) -> None:
    fake = FakeAioClient().script(
        operation, *pages([{name_key: f"n{i}"} for i in range(5)], key, 2)
    )
    async with TranscribeClient(client=fake) as tk:
        items = [item async for item in getattr(tk, method)(page_size=2, **filters)]
    assert [getattr(item, _snake(name_key)) for item in items] == [f"n{i}" for i in range(5)]
    sent = fake.calls_to(operation)
    assert len(sent) == 3
    for params in sent:
        assert {name: params[name] for name in wire} == wire


def _snake(wire_name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in wire_name).lstrip("_")
