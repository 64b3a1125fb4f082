"""``import transcribe_kit`` loads only what a caller touches, and every public name resolves.

Each check runs in a fresh interpreter: in this one, other tests have long since imported
everything, which would hide a name that only resolves because something else loaded it.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _run(code: str) -> object:
    """What ``code`` (which prints one JSON value) prints, in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return json.loads(done.stdout)


def _loaded_after(statement: str) -> set[str]:
    found = _run(
        f"import json, sys\n{statement}\n"
        "print(json.dumps(sorted(name for name in sys.modules"
        " if name.split('.')[0] in {'transcribe_kit', 'aiobotocore', 'botocore', 'cattrs',"
        " 'aiohttp', 'tenacity', 'asyncio'})))"
    )
    assert isinstance(found, list)
    return set(found)


def test_importing_the_package_loads_no_client_shapes_or_transcripts() -> None:
    loaded = _loaded_after("import transcribe_kit")

    assert "transcribe_kit" in loaded
    assert not loaded & {
        "transcribe_kit._client",
        "transcribe_kit.shapes",
        "transcribe_kit.transcript._document",
        "aiobotocore",
        "botocore",
        "cattrs",
    }


def test_parsing_transcripts_does_not_load_the_client() -> None:
    loaded = _loaded_after("from transcribe_kit import parse_transcript")

    assert "transcribe_kit.transcript._document" in loaded
    assert "transcribe_kit._client" not in loaded
    assert "aiobotocore" not in loaded


def test_caption_options_come_with_the_policies_without_the_http_stack() -> None:
    loaded = _loaded_after(
        "from transcribe_kit import CaptionOptions, parse_transcript\n"
        'parse_transcript(b\'{"results": {"transcripts": [], "items": []}}\').to_srt()'
    )

    assert "transcribe_kit.config" in loaded
    assert not loaded & {"aiohttp", "botocore", "tenacity", "asyncio", "transcribe_kit._retrying"}


def _loaded_modules(statement: str) -> set[str]:
    """Every module loaded after ``statement``, in a fresh interpreter in the project root."""
    found = _run(f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))")
    assert isinstance(found, list)
    return set(found)


#: What a client needs only once a method needs it.
_NOT_FOR_A_CLIENT = {
    "cattrs",
    "transcribe_kit._converter",
    "transcribe_kit._validation",
    "transcribe_kit._documents",
    "transcribe_kit._transcribe",
    "transcribe_kit._parser_errors",
    "transcribe_kit.transcript._document",
    "transcribe_kit.events._types",
    "transcribe_kit.events._consumer",
    "transcribe_kit.events._setup",
}


#: The packages that import their names' modules on first use.
LAZY_PACKAGES = [
    "transcribe_kit",
    "transcribe_kit.transcript",
    "transcribe_kit.shapes",
    "transcribe_kit.events",
]


def _shape_modules(loaded: set[str]) -> set[str]:
    return {name for name in loaded if name.startswith("transcribe_kit.shapes.")}


def test_making_a_client_loads_no_shapes_documents_events_or_converter() -> None:
    loaded = _loaded_modules(
        "from transcribe_kit import TranscribeClient\n"
        "TranscribeClient(region_name='us-east-1', endpoint_url='http://127.0.0.1:9')"
    )

    assert "transcribe_kit._client" in loaded
    assert _shape_modules(loaded) == {"transcribe_kit.shapes._base"}
    assert not loaded & _NOT_FOR_A_CLIENT


def test_the_first_call_loads_the_shapes_of_its_own_operations_only() -> None:
    loaded = _loaded_modules(
        "import asyncio\n"
        "from tests.fakes import FakeAioClient\n"
        "from transcribe_kit import GetTranscriptionJobRequest, TranscribeClient\n"
        "async def main():\n"
        "    fake = FakeAioClient().script('GetTranscriptionJob', {'TranscriptionJob': {}})\n"
        "    async with TranscribeClient(client=fake) as tk:\n"
        "        await tk.get_transcription_job(\n"
        "            GetTranscriptionJobRequest(transcription_job_name='meeting-42'))\n"
        "asyncio.run(main())"
    )

    assert _shape_modules(loaded) == {
        f"transcribe_kit.shapes.{name}"
        for name in ("_base", "common", "enums", "transcription_jobs")
    }
    assert "transcribe_kit.shapes.call_analytics" not in loaded


def test_the_error_classifier_does_not_import_aiohttp() -> None:
    # aiohttp's errors are recognised only once something has loaded aiohttp.
    loaded = _loaded_modules("import transcribe_kit._error_mapping")

    assert "transcribe_kit._error_mapping" in loaded
    assert "aiohttp" not in loaded


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_every_name_in_all_resolves_in_a_fresh_interpreter(package: str) -> None:
    missing = _run(
        f"import json, {package} as package\n"
        "print(json.dumps([name for name in package.__all__ if not hasattr(package, name)]))"
    )

    assert missing == []


@pytest.mark.parametrize("package", LAZY_PACKAGES)
def test_dir_lists_every_name_in_all_before_any_is_used(package: str) -> None:
    unlisted = _run(
        f"import json, {package} as package\n"
        "print(json.dumps(sorted(set(package.__all__) - set(dir(package)))))"
    )

    assert unlisted == []


def test_star_import_gives_the_shapes_and_the_client() -> None:
    given = _run(
        "import json\nfrom transcribe_kit import *\n"
        "print(json.dumps([n in globals() for n in"
        " ('TranscribeClient', 'Media', 'TranscriptionJobStatus', 'parse_transcript')]))"
    )

    assert given == [True, True, True, True]


def test_an_unknown_name_is_an_attribute_error() -> None:
    import transcribe_kit

    with pytest.raises(AttributeError, match="no attribute 'NoSuchName'"):
        _ = transcribe_kit.NoSuchName  # type: ignore[attr-defined]


def test_a_public_submodule_reads_as_an_attribute() -> None:
    found = _run("import json, transcribe_kit\nprint(json.dumps(transcribe_kit.errors.__name__))")

    assert found == "transcribe_kit.errors"
