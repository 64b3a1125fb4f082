"""The List-only lower bound of ``bench.watch_jobs``: what sweeping with List must read."""

from __future__ import annotations

from bench.watch_jobs import Job, list_only_bound


def _jobs(*ends: float, failed: frozenset[int] = frozenset()) -> list[Job]:
    """Jobs created a second apart, the first the oldest, ending at ``ends``."""
    return [
        Job(
            name=f"job-{index:03d}",
            created=float(index),
            ends=end,
            final="FAILED" if index in failed else "COMPLETED",
        )
        for index, end in enumerate(ends)
    ]


def test_a_job_is_seen_at_the_first_sweep_after_it_ends() -> None:
    bound = list_only_bound(_jobs(3.0), 10.0)
    assert (bound.sweeps, bound.pages, bound.delay_mean) == (2, 2, 7.0)


def test_a_sweep_reads_down_to_the_deepest_job_finished_through_the_cheapest_listing() -> None:
    # At 10 s the oldest job finishes under 200 newer finished jobs (3 pages of COMPLETED)
    # and 200 newer running ones (2 pages of IN_PROGRESS, the last without a next token).
    jobs = _jobs(10.0, *[30.0] * 200, *[0.0] * 200)
    bound = list_only_bound(jobs, 10.0)
    assert (bound.sweeps, bound.pages, bound.most_pages) == (4, 5, 2)


def test_the_watchers_rule_reads_down_to_the_oldest_unfinished_job() -> None:
    # 150 finished jobs above the one still running: two pages of COMPLETED and one of
    # FAILED each sweep, where the bound needs one page of IN_PROGRESS.
    jobs = _jobs(20.0, *[0.0] * 150)
    bound = list_only_bound(jobs, 10.0)
    assert (bound.pages, bound.to_oldest) == (3, 9)
