"""Import time: transcribe_kit against the aiobotocore it is built on, in fresh interpreters.

Run ``python -m bench.import_time`` (``--rounds N``; ``--breakdown`` for where the time
goes, from ``-X importtime``). Every round starts one fresh interpreter per row below,
the yardsticks among them, in an order that alternates from round to round, and reads
each one's CPU time (user + system, the whole process, its start-up included) from the
operating system. The table gives each row's median and the median of its per-round
ratios to its yardstick: an import to ``import aiobotocore.session``; a client opened
(``async with TranscribeClient(...)``, which makes its aiobotocore client) to an
aiobotocore Transcribe client created the same way; the first ``get_transcription_job``
(import, client and one call to a canned server on 127.0.0.1, :mod:`bench.canned_server`)
to aiobotocore's first ``get_transcription_job``.

Both sides read their bytecode from one private cache, written by an untimed first run
of each import, as they would from an installed package; ``--as-is`` runs the
interpreters in this environment as it is instead (``PYTHONDONTWRITEBYTECODE`` and all),
where a source checkout without bytecode recompiles transcribe_kit every time.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from typing import Final

from bench._environment import environment

YARDSTICK: Final = "import aiobotocore.session"

#: The settings both sides create their Transcribe client with (nothing is sent).
_SETTINGS: Final = (
    "region_name='us-east-1', aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='x'"
)
#: An aiobotocore Transcribe client created and closed.
CLIENT_YARDSTICK: Final = (
    "import asyncio\nfrom aiobotocore.session import get_session\n"
    "async def main():\n"
    f"    async with get_session().create_client('transcribe', {_SETTINGS}):\n"
    "        pass\n"
    "asyncio.run(main())"
)

#: Replaced by the canned server's URL in the code run.
ENDPOINT: Final = "ENDPOINT_URL"


#: The first Get of a job on aiobotocore's own client (on the canned server).
FIRST_GET_YARDSTICK: Final = (
    "import asyncio\nfrom aiobotocore.session import get_session\n"
    "async def main():\n"
    f"    async with get_session().create_client('transcribe', {_SETTINGS},"
    f" endpoint_url='{ENDPOINT}') as client:\n"
    "        await client.get_transcription_job(TranscriptionJobName='meeting-42')\n"
    "asyncio.run(main())"
)


#: What a caller runs, by what the table calls it.
IMPORTS: Final[Mapping[str, str]] = {
    "aiobotocore (yardstick)": YARDSTICK,
    "aiobotocore client": CLIENT_YARDSTICK,
    "import transcribe_kit": "import transcribe_kit",
    "the client": "from transcribe_kit import TranscribeClient",
    "the client, constructed": (
        f"from transcribe_kit import TranscribeClient\nTranscribeClient({_SETTINGS})"
    ),
    "the client, opened": (
        "import asyncio\nfrom transcribe_kit import TranscribeClient\n"
        "async def main():\n"
        f"    async with TranscribeClient({_SETTINGS}):\n"
        "        pass\n"
        "asyncio.run(main())"
    ),
    "aiobotocore first Get": FIRST_GET_YARDSTICK,
    "the client, first Get": (
        "import asyncio\n"
        "from transcribe_kit import GetTranscriptionJobRequest, TranscribeClient\n"
        "async def main():\n"
        f"    async with TranscribeClient({_SETTINGS}, endpoint_url='{ENDPOINT}') as tk:\n"
        "        await tk.get_transcription_job(\n"
        "            GetTranscriptionJobRequest(transcription_job_name='meeting-42')\n"
        "        )\n"
        "asyncio.run(main())"
    ),
    "client and request shapes": (
        "from transcribe_kit import TranscribeClient, StartTranscriptionJobRequest, Media"
    ),
    "parse_transcript": "from transcribe_kit import parse_transcript",
    "everything (import *)": "from transcribe_kit import *",
    "transcribe-kit --help": "from transcribe_kit.cli import main; main(['--help'])",
}

#: The yardstick of each row that is not measured against ``import aiobotocore.session``.
YARDSTICKS: Final[Mapping[str, str]] = {
    "aiobotocore client": "aiobotocore client",
    "the client, opened": "aiobotocore client",
    "aiobotocore first Get": "aiobotocore first Get",
    "the client, first Get": "aiobotocore first Get",
}

#: Stop starting new rounds after this many seconds, whatever ``--rounds`` says.
TIME_LIMIT_SECONDS: Final = 600.0


def _environment(as_is: bool, cache: str) -> dict[str, str]:
    if as_is:
        return dict(os.environ)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = cache
    return env


def cpu_seconds(code: str, env: Mapping[str, str], *flags: str) -> tuple[float, str]:
    """CPU seconds of a fresh interpreter running ``code``, and what it wrote on stderr."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, *flags, "-c", code],
        env=dict(env),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used, done.stderr


@contextlib.contextmanager
def canned_server() -> Iterator[str]:
    """The URL of a canned Transcribe server (:mod:`bench.canned_server`) on 127.0.0.1."""
    with subprocess.Popen(
        [sys.executable, "-m", "bench.canned_server"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as server:
        assert server.stdout is not None
        assert server.stdin is not None
        try:
            port = int(server.stdout.readline())
            yield f"http://127.0.0.1:{port}"
        finally:
            server.stdin.close()  # the server stops when its input closes
            server.wait(timeout=30)


def measure(
    rounds: int, env: Mapping[str, str], endpoint: str
) -> dict[str, list[tuple[float, float]]]:
    """Per row, each round's (CPU seconds, ratio to its yardstick in that round)."""
    names = list(IMPORTS)
    codes = {name: code.replace(ENDPOINT, endpoint) for name, code in IMPORTS.items()}
    for code in codes.values():  # untimed: writes the bytecode cache
        cpu_seconds(code, env)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    deadline = time.monotonic() + TIME_LIMIT_SECONDS
    for index in range(rounds):
        if time.monotonic() > deadline:
            break
        order = names if index % 2 == 0 else names[::-1]
        seconds = {name: cpu_seconds(codes[name], env)[0] for name in order}
        for name in names:
            yardstick = seconds[YARDSTICKS.get(name, YARDSTICK_NAME)]
            results[name].append((seconds[name], seconds[name] / yardstick))
    return results


def table(results: Mapping[str, list[tuple[float, float]]]) -> Iterator[str]:
    yield (
        f"{'import':<28}{'CPU ms':>8}{'vs aiobotocore':>16}{'min':>7}{'max':>7}  {'yardstick':<24}"
    )
    for name, rows in results.items():
        ratios = [ratio for _, ratio in rows]
        yield (
            f"{name:<28}{statistics.median(cpu for cpu, _ in rows) * 1000:>8.0f}"
            f"{statistics.median(ratios):>16.2f}{min(ratios):>7.2f}{max(ratios):>7.2f}"
            f"  {YARDSTICKS.get(name, YARDSTICK_NAME):<24}"
        )


def _self_times(stderr: str) -> dict[str, int]:
    """Microseconds each module took itself, from ``-X importtime``'s report."""
    found = {}
    for line in stderr.splitlines():
        if line.startswith("import time:") and "self [us]" not in line:
            own, _, name = line[len("import time:") :].split("|")
            found[name.strip()] = int(own)
    return found


def _group(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "transcribe_kit" else parts[0]


def breakdown(code: str, runs: int, env: Mapping[str, str]) -> Iterator[str]:
    """Where ``code``'s import time goes beyond the yardstick's modules, by package."""
    baseline = set(_self_times(cpu_seconds(YARDSTICK, env, "-X", "importtime")[1]))
    by_group: dict[str, list[int]] = collections.defaultdict(list)
    for _ in range(runs):
        groups: collections.Counter[str] = collections.Counter()
        for module, own in _self_times(cpu_seconds(code, env, "-X", "importtime")[1]).items():
            if module not in baseline:
                groups[_group(module)] += own
        for group in set(groups) | set(by_group):
            by_group[group].append(groups[group])
    medians = sorted(((statistics.median(v), k) for k, v in by_group.items()), reverse=True)
    yield f"beyond aiobotocore's modules, `{code}` (-X importtime, self ms, median of {runs}):"
    yield f"  {'total':<36}{sum(m for m, _ in medians) / 1000:>7.1f}"
    for median, group in medians:
        if median >= 500:
            yield f"  {group:<36}{median / 1000:>7.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20, help="rounds of fresh interpreters")
    parser.add_argument("--as-is", action="store_true", help="this environment's bytecode")
    parser.add_argument("--breakdown", action="store_true", help="where the time goes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="import-bench-") as cache, canned_server() as url:
        env = _environment(args.as_is, cache)
        results = measure(args.rounds, env, url)
        rounds = len(results[YARDSTICK_NAME])
        bytecode = "this environment as it is" if args.as_is else "bytecode cached for all"
        for line in environment(f"{rounds} rounds of fresh interpreters, order alternating"):
            print(line)
        print(f"whole-process CPU time (user + system), medians; {bytecode}")
        for line in table(results):
            print(line)
        if args.breakdown:
            print()
            for line in breakdown(IMPORTS["the client"], max(5, rounds // 4), env):
                print(line)


YARDSTICK_NAME: Final = next(iter(IMPORTS))

if __name__ == "__main__":
    main()
