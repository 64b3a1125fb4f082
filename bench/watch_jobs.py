"""API calls and detection delay to see N jobs finish: watcher versus one waiter per job.

Run: ``.venv/bin/python -m bench.watch_jobs`` (``--sizes 100 1000 10000``, ``--seed``).

A small Transcribe look-alike serves ``GetTranscriptionJob`` and
``ListTranscriptionJobs`` (newest first, status filter, ``MaxResults``/``NextToken``) over
HTTP on 127.0.0.1, and counts every call. Its jobs finish on a fixed, seeded schedule of
simulated time; the clients run on the same simulated clock (time jumps ahead whenever
every poller sleeps), so an hour of polling takes seconds while every call still goes
through aiobotocore and the loopback server. It enforces the published request quotas
(Get 30/s, List 5/s, a second's worth of burst) in simulated time, answering
``ThrottlingException`` past them: the "throttled" column counts those answers, and the
clients' own rate limits (:class:`~transcribe_kit.RateLimits`, the same quotas) keep it
at 0. Everything random (the schedule, the waiters' jitter) is drawn from ``--seed``, so a
run repeats its counts. Three strategies watch the same schedule:

- ``botocore waiter``: one waiter per job as botocore's ``TranscriptionJobCompleted``
  (poll, then 10 s between polls);
- ``per-job waiter``: one :meth:`~transcribe_kit.TranscribeClient.wait_for_transcription_job`
  per job (default :class:`~transcribe_kit.WaitPolicy`: 1 s growing to 20 s, jittered);
- ``watcher``: one :meth:`~transcribe_kit.TranscribeClient.as_completed` over all jobs
  (rounds 1 s growing to 5 s apart); ``watcher cap 10s`` and so on: the same with rounds
  up to 10, 20, 40 s apart, the trade between calls and delay a caller's policy buys.

Above ``--per-job-up-to`` jobs (default 1,000) only the watchers run: 10,000 waiters
would poll for hours of simulated time. Detection delay is the simulated time from a
job's completion to its report; "vs per-job" is the calls' ratio to the per-job waiter's.

A second table, computed from the same seeded schedule without a server, bounds what
any strategy polling List alone could reach (:func:`list_only_bound`): sweeping every
T seconds and told which jobs finished and where they lie in each listing, the pages it
must still read, as calls per job, beside what the watcher's own rule (read COMPLETED and
FAILED down to the oldest unfinished job) reads in the same sweeps.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import contextlib
import heapq
import itertools
import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Iterator
from typing import Any, Final

import attrs
from aiohttp import web
from botocore.config import Config

from bench._environment import environment
from transcribe_kit import ResourceFailedError, TranscribeClient, WaitPolicy
from transcribe_kit.config import PUBLISHED_RATE_LIMITS

#: Jobs were submitted at this rate before watching starts (StartTranscriptionJob's quota).
SUBMIT_PER_SECOND: Final = 25.0
#: Each job runs this long, uniformly at random (seconds of simulated time).
DURATION: Final = (60.0, 900.0)
FAILED_SHARE: Final = 0.02
BOTOCORE_WAITER: Final = WaitPolicy(
    initial_delay=10.0, max_delay=10.0, multiplier=1.0, jitter=0.0, max_attempts=180
)
#: The watcher also runs with these caps on its round interval (default: 5 s).
WATCHER_CAPS: Final = (10.0, 20.0, 40.0)
#: The sweep intervals at which the List-only lower bound is computed, besides the
#: longest one whose mean detection delay is at most ``BOUND_DELAY``.
BOUND_INTERVALS: Final = (2.0, 5.0, 10.0, 20.0, 40.0)
BOUND_DELAY: Final = 5.0
PAGE_SIZE: Final = 100


class SimulatedClock:
    """A clock for many tasks whose time jumps to the next wake-up once all of them sleep.

    Every polling task runs inside :meth:`worker`; a task that awaits a call (HTTP in
    flight) is busy, so time stands still until every worker sleeps or has finished.
    """

    def __init__(self) -> None:
        self.now = 0.0
        self._busy = 0
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        future = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(seconds, 0.0), next(self._order), future))
        self._idle()
        try:
            await future
        except asyncio.CancelledError:
            self._busy += 1
            raise

    @contextlib.asynccontextmanager
    async def worker(self) -> AsyncIterator[None]:
        self._busy += 1
        try:
            yield
        finally:
            self._idle()

    def _idle(self) -> None:
        self._busy -= 1
        if self._busy == 0 and self._sleepers:
            self.now = self._sleepers[0][0]
            while self._sleepers and self._sleepers[0][0] <= self.now:
                _, _, future = heapq.heappop(self._sleepers)
                if not future.done():
                    self._busy += 1
                    future.set_result(None)


@attrs.define
class Job:
    name: str
    created: float
    ends: float
    final: str


class Quota:
    """A request quota in simulated time: ``rate`` a second, a second's worth at once."""

    #: Calls that arrive this little before their token are let through (rounding).
    SLACK: Final = 1e-6

    def __init__(self, clock: SimulatedClock, rate: float) -> None:
        self.clock = clock
        self.rate = rate
        self.tokens = rate
        self.updated = clock.now

    def allows(self) -> bool:
        """Whether a call now is within the quota (and if so, count it against it)."""
        now = self.clock.now
        self.tokens = min(self.rate, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens < 1 - self.SLACK:
            return False
        self.tokens -= 1
        return True


class FakeTranscribe:
    """Transcription jobs on a schedule, served as Transcribe's JSON protocol; counts calls."""

    def __init__(self, clock: SimulatedClock, jobs: list[Job]) -> None:
        self.clock = clock
        self.jobs = {job.name: job for job in jobs}
        self.newest_first = sorted(jobs, key=lambda job: job.created, reverse=True)
        self.calls: Counter[str] = Counter()
        self.throttled: Counter[str] = Counter()
        self.quotas = {
            name: Quota(clock, PUBLISHED_RATE_LIMITS[name])
            for name in ("GetTranscriptionJob", "ListTranscriptionJobs")
        }

    def status(self, job: Job) -> str:
        return "IN_PROGRESS" if self.clock.now < job.ends else job.final

    def summary(self, job: Job) -> dict[str, Any]:
        status = self.status(job)
        summary: dict[str, Any] = {
            "TranscriptionJobName": job.name,
            "CreationTime": job.created,
            "StartTime": job.created,
            "TranscriptionJobStatus": status,
            "LanguageCode": "en-US",
        }
        if status != "IN_PROGRESS":
            summary["CompletionTime"] = job.ends
        if status == "FAILED":
            summary["FailureReason"] = "The media format could not be read."
        return summary

    def get(self, body: dict[str, Any]) -> dict[str, Any]:
        return {"TranscriptionJob": self.summary(self.jobs[body["TranscriptionJobName"]])}

    def list(self, body: dict[str, Any]) -> dict[str, Any]:
        wanted = body.get("Status")
        matching = [job for job in self.newest_first if wanted in (None, self.status(job))]
        start = int(body.get("NextToken", "0"))
        end = start + int(body.get("MaxResults", 5))
        answer: dict[str, Any] = {
            "TranscriptionJobSummaries": [self.summary(job) for job in matching[start:end]]
        }
        if wanted is not None:
            answer["Status"] = wanted
        if end < len(matching):
            answer["NextToken"] = str(end)
        return answer

    async def handle(self, request: web.Request) -> web.Response:
        operation = request.headers["X-Amz-Target"].rpartition(".")[2]
        if not self.quotas[operation].allows():
            self.throttled[operation] += 1
            return web.json_response(
                {"__type": "ThrottlingException", "message": "Rate exceeded"},
                status=400,
                content_type="application/x-amz-json-1.1",
            )
        self.calls[operation] += 1
        body = json.loads(await request.read() or b"{}")
        handlers: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
            "GetTranscriptionJob": self.get,
            "ListTranscriptionJobs": self.list,
        }
        return web.Response(
            body=json.dumps(handlers[operation](body)).encode(),
            content_type="application/x-amz-json-1.1",
        )


@contextlib.asynccontextmanager
async def serve(service: FakeTranscribe) -> AsyncIterator[str]:
    """Serve ``service`` on 127.0.0.1 at a free port; yield its URL."""
    app = web.Application()
    app.router.add_post("/", service.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        host, port = runner.addresses[0][:2]
        yield f"http://{host}:{port}"
    finally:
        await runner.cleanup()


def schedule(count: int, seed: int) -> list[Job]:
    """``count`` jobs submitted at the start rate quota before time 0, with random lengths."""
    rng = random.Random(seed)
    jobs = []
    for index in range(count):
        created = (index - count) / SUBMIT_PER_SECOND
        jobs.append(
            Job(
                name=f"job-{index:05d}",
                created=created,
                ends=max(created + rng.uniform(*DURATION), 0.0),
                final="FAILED" if rng.random() < FAILED_SHARE else "COMPLETED",
            )
        )
    return jobs


@attrs.frozen
class Bound:
    """What sweeping every ``interval`` seconds with List alone costs at the least."""

    size: int
    interval: float
    sweeps: int
    pages: int
    most_pages: int
    delay_mean: float
    to_oldest: int
    within: bool = False


class _Listing:
    """The creation times of the jobs in one listing, kept sorted as jobs join and leave it."""

    def __init__(self, created: Iterable[float] = ()) -> None:
        self.created = sorted(created)

    def __len__(self) -> int:
        return len(self.created)

    def add(self, created: float) -> None:
        bisect.insort(self.created, created)

    def remove(self, created: float) -> None:
        del self.created[bisect.bisect_left(self.created, created)]

    def pages_to(self, created: float) -> int:
        """Pages read newest first until the job created at ``created`` (or older) is seen.

        A listing that ends on the page before that point has nothing more to read.
        """
        newer = len(self.created) - bisect.bisect_right(self.created, created)
        return min(newer // PAGE_SIZE + 1, max(1, -(-len(self.created) // PAGE_SIZE)))


def list_only_bound(jobs: list[Job], interval: float) -> Bound:
    """The fewest List pages any strategy sweeping every ``interval`` seconds must read.

    Sweeps at 0, ``interval``, ... until every job has finished. A sweep must find every
    job that finished since the last one, reading pages from the top (newest first): it
    reads down to the deepest such job in whichever costs least of its final status's
    listing (COMPLETED, then FAILED if one failed), the unfiltered listing, or the
    IN_PROGRESS listing (a job missing from it has finished) and then FAILED for the
    failed ones. It is told for free which jobs finished and where they lie, so no
    strategy reads fewer pages; a sweep reads at least one page. Reading takes no time:
    a job's delay is from its end to the next sweep. ``to_oldest`` is what the watcher's
    own rule reads in the same sweeps: COMPLETED and FAILED down to the oldest job
    unfinished at the previous sweep.
    """
    by_end = sorted(jobs, key=lambda job: job.ends)
    everyone = _Listing(job.created for job in jobs)
    running = _Listing(job.created for job in jobs)
    finished = {"COMPLETED": _Listing(), "FAILED": _Listing()}
    delays: list[float] = []
    sweeps = pages = most = to_oldest = 0
    done = 0
    now = 0.0
    while done < len(by_end):
        oldest_unfinished = running.created[0]
        new: list[Job] = []
        while done < len(by_end) and by_end[done].ends <= now:
            job = by_end[done]
            new.append(job)
            running.remove(job.created)
            finished[job.final].add(job.created)
            done += 1
        delays.extend(now - job.ends for job in new)
        to_oldest += sum(listing.pages_to(oldest_unfinished) for listing in finished.values())
        cost = 1
        if new:
            deepest: dict[str, float] = {}
            for job in new:
                deepest[job.final] = min(job.created, deepest.get(job.final, job.created))
            failed = finished["FAILED"].pages_to(deepest["FAILED"]) if "FAILED" in deepest else 0
            cost = min(
                sum(finished[final].pages_to(created) for final, created in deepest.items()),
                everyone.pages_to(min(deepest.values())),
                running.pages_to(min(deepest.values())) + failed,
            )
        sweeps += 1
        pages += cost
        most = max(most, cost)
        now += interval
    return Bound(
        size=len(jobs),
        interval=interval,
        sweeps=sweeps,
        pages=pages,
        most_pages=most,
        delay_mean=statistics.fmean(delays),
        to_oldest=to_oldest,
    )


def bounds(jobs: list[Job]) -> list[Bound]:
    """The bound at each of :data:`BOUND_INTERVALS` and at the longest interval (a multiple
    of 0.5 s) whose mean delay is at most :data:`BOUND_DELAY`, that one marked ``within``."""
    within: Bound | None = None
    for step in range(1, 200):
        bound = list_only_bound(jobs, step / 2)
        if bound.delay_mean > BOUND_DELAY:
            break
        within = attrs.evolve(bound, within=True)
    found = {interval: list_only_bound(jobs, interval) for interval in BOUND_INTERVALS}
    if within is not None:
        found[within.interval] = within
    return [found[interval] for interval in sorted(found)]


Detected = Callable[[str], object]


async def per_job(
    tk: TranscribeClient, names: list[str], detected: Detected, policy: WaitPolicy
) -> None:
    clock = tk.clock
    assert isinstance(clock, SimulatedClock)

    async def one(name: str) -> None:
        async with clock.worker():
            with contextlib.suppress(ResourceFailedError):
                await tk.wait_for_transcription_job(name, policy=policy)
            detected(name)

    await asyncio.gather(*(one(name) for name in names))


async def watcher(
    tk: TranscribeClient, names: list[str], detected: Detected, policy: WaitPolicy | None = None
) -> None:
    clock = tk.clock
    assert isinstance(clock, SimulatedClock)
    async with clock.worker():
        async for job in tk.as_completed(names, policy=policy):
            detected(job.transcription_job_name or "")


def watcher_capped(cap: float) -> Strategy:
    """The watcher with its rounds at most ``cap`` seconds apart (the default's shape)."""
    policy = WaitPolicy(max_delay=cap)
    return lambda tk, names, seen: watcher(tk, names, seen, policy)


Strategy = Callable[[TranscribeClient, list[str], Detected], Awaitable[None]]
STRATEGIES: Final[dict[str, Strategy]] = {
    "botocore waiter": lambda tk, names, seen: per_job(tk, names, seen, BOTOCORE_WAITER),
    "per-job waiter": lambda tk, names, seen: per_job(tk, names, seen, WaitPolicy()),
    "watcher": watcher,
    **{f"watcher cap {cap:g}s": watcher_capped(cap) for cap in WATCHER_CAPS},
}


@attrs.frozen
class Result:
    size: int
    strategy: str
    gets: int
    lists: int
    throttled: int
    delays: list[float]
    simulated: float
    wall: float

    @property
    def calls(self) -> int:
        return self.gets + self.lists


async def measure(size: int, strategy: str, seed: int) -> Result:
    jobs = schedule(size, seed)
    random.seed(seed)  # the waiters' jitter
    clock = SimulatedClock()
    service = FakeTranscribe(clock, jobs)
    detected_at: dict[str, float] = {}
    started = time.perf_counter()
    async with serve(service) as url:
        tk = TranscribeClient(
            region_name="us-east-1",
            endpoint_url=url,
            aws_access_key_id="bench",
            aws_secret_access_key="bench",
            config=Config(max_pool_connections=50, retries={"mode": "standard"}),
            clock=clock,
        )
        async with tk:
            names = [job.name for job in jobs]
            await STRATEGIES[strategy](
                tk, names, lambda name: detected_at.setdefault(name, clock.now)
            )
    wall = time.perf_counter() - started
    if len(detected_at) != size:
        raise RuntimeError(f"{strategy} saw {len(detected_at)} of {size} jobs finish")
    return Result(
        size=size,
        strategy=strategy,
        gets=service.calls["GetTranscriptionJob"],
        lists=service.calls["ListTranscriptionJobs"],
        throttled=sum(service.throttled.values()),
        delays=[detected_at[job.name] - job.ends for job in jobs],
        simulated=clock.now,
        wall=wall,
    )


def table(results: list[Result]) -> Iterator[str]:
    yield (
        f"{'N':>6}  {'strategy':<16}{'Get':>7}{'List':>6}{'calls':>7}{'per job':>8}"
        f"{'vs per-job':>11}{'throttled':>10}  {'delay mean':>10}{'p50':>6}{'p95':>6}"
        f"{'max':>6}{'sim s':>7}"
    )
    for result in results:
        baseline = next(
            (r for r in results if r.size == result.size and r.strategy == "per-job waiter"),
            None,
        )
        versus = f"{result.calls / baseline.calls:.3f}" if baseline else "-"
        delays = sorted(result.delays)
        p95 = delays[min(len(delays) - 1, int(0.95 * len(delays)))]
        yield (
            f"{result.size:>6}  {result.strategy:<16}{result.gets:>7}{result.lists:>6}"
            f"{result.calls:>7}{result.calls / result.size:>8.3f}{versus:>11}"
            f"{result.throttled:>10}  {statistics.fmean(delays):>10.1f}"
            f"{statistics.median(delays):>6.1f}{p95:>6.1f}{delays[-1]:>6.1f}"
            f"{result.simulated:>7.0f}"
        )


def bound_table(found: list[Bound]) -> Iterator[str]:
    list_rate = PUBLISHED_RATE_LIMITS["ListTranscriptionJobs"]
    yield "List-only lower bound, same schedule: a sweep every T s reads pages down to the"
    yield "deepest job finished since the last sweep (told where it lies; the cheapest of"
    yield "COMPLETED+FAILED, unfiltered, IN_PROGRESS+FAILED); delay from T alone; 'longest':"
    yield f"its biggest sweep at List's {list_rate:g}/s; 'to oldest': COMPLETED and FAILED read"
    yield "down to the oldest unfinished job, as the watcher does; *: longest T with mean delay"
    yield f"<= {BOUND_DELAY:g} s"
    yield (
        f"{'N':>6}  {'T s':>5}{'sweeps':>8}{'pages':>7}{'per job':>8}{'delay mean':>11}"
        f"{'longest s':>10}{'to oldest':>10}{'per job':>8}"
    )
    for bound in found:
        interval = f"{bound.interval:g}{'*' if bound.within else ''}"
        yield (
            f"{bound.size:>6}  {interval:>5}{bound.sweeps:>8}{bound.pages:>7}"
            f"{bound.pages / bound.size:>8.3f}{bound.delay_mean:>11.1f}"
            f"{bound.most_pages / list_rate:>10.1f}"
            f"{bound.to_oldest:>10}{bound.to_oldest / bound.size:>8.3f}"
        )


async def main(sizes: list[int], seed: int, per_job_up_to: int) -> None:
    results = []
    wall = 0.0
    for size in sizes:
        for strategy in STRATEGIES:
            if not strategy.startswith("watcher") and size > per_job_up_to:
                continue
            result = await measure(size, strategy, seed)
            results.append(result)
            wall += result.wall
            print(f"  measured N={size} {strategy} in {result.wall:.1f} s", file=sys.stderr)
    rounds = f"1 run of each, seed {seed}, simulated time, {wall:.0f} s of wall time in all"
    for line in environment(rounds):
        print(line)
    for line in table(results):
        print(line)
    print()
    for line in bound_table([b for size in sizes for b in bounds(schedule(size, seed))]):
        print(line)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-job-up-to", type=int, default=1000)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.sizes, arguments.seed, arguments.per_job_up_to))
