"""The documentation build's own checks: every public name documented, roles rewritten.

The code under test lives in docs/_ext (the mkdocs hooks and Griffe extensions). The
public-name check and the role rewriting need nothing beyond the standard library; the
tests that read the package through Griffe run where the ``docs`` extra is installed.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

DOCS_EXT = Path(__file__).resolve().parents[2] / "docs" / "_ext"


@pytest.fixture
def docs_ext(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Imports a module of docs/_ext by name (as mkdocs does: its folder on sys.path)."""
    monkeypatch.syspath_prepend(str(DOCS_EXT))

    def load(name: str) -> ModuleType:
        return importlib.import_module(name)

    return load


def _paths_of(path: str) -> list[str]:
    # transcribe_kit.Media and transcribe_kit.shapes.Media are one object.
    same = {
        "transcribe_kit.Media": ["transcribe_kit.shapes.common.Media", "transcribe_kit.Media"],
    }
    return same.get(path, [])


def test_a_public_name_without_an_entry_is_reported(docs_ext: Any) -> None:
    names = docs_ext("public_names")
    public = [
        names.PublicName("transcribe_kit", "RetryPolicy"),
        names.PublicName("transcribe_kit", "WaitPolicy"),
    ]

    missing = names.undocumented(public, {"transcribe_kit.RetryPolicy"}, _paths_of)

    assert missing == [names.PublicName("transcribe_kit", "WaitPolicy")]


def test_an_entry_under_another_path_of_the_same_object_documents_a_name(docs_ext: Any) -> None:
    names = docs_ext("public_names")
    public = [names.PublicName("transcribe_kit", "Media")]

    assert names.undocumented(public, {"transcribe_kit.shapes.common.Media"}, _paths_of) == []


def test_the_public_names_include_every_shape_module_and_its_all(docs_ext: Any) -> None:
    names = docs_ext("public_names")
    modules = names.public_modules()

    assert "transcribe_kit._client" not in modules
    assert "LanguageCode" in modules["transcribe_kit.shapes.enums"]
    found = {public.path for public in names.public_names(modules)}
    assert "transcribe_kit.StartTranscriptionJobRequest" in found
    assert "transcribe_kit.testing.LocalBackend" in found


def test_anchors_are_read_from_element_ids(docs_ext: Any) -> None:
    names = docs_ext("public_names")
    html = '<h2 id="transcribe_kit.RetryPolicy" class="doc"></h2><a id="top"></a>'

    assert names.anchors_in(html) == {"transcribe_kit.RetryPolicy", "top"}


def _resolve(target: str, role: str) -> str | None:
    known = {
        "transcribe_kit.RequestValidationError": "transcribe_kit.errors.RequestValidationError",
        "TranscribeClient.events": "transcribe_kit._client.TranscribeClient.events",
    }
    return known.get(target)


def test_a_role_with_a_tilde_links_with_its_last_name(docs_ext: Any) -> None:
    roles = docs_ext("sphinx_roles")

    text, unresolved = roles.rewrite_roles(
        "Raises :class:`~transcribe_kit.RequestValidationError` first.", _resolve
    )

    assert text == (
        "Raises [`RequestValidationError`][transcribe_kit.errors.RequestValidationError] first."
    )
    assert unresolved == []


def test_a_method_role_keeps_its_path_and_gets_parentheses(docs_ext: Any) -> None:
    roles = docs_ext("sphinx_roles")

    text, _ = roles.rewrite_roles(":meth:`TranscribeClient.events`", _resolve)

    assert text == "[`TranscribeClient.events()`][transcribe_kit._client.TranscribeClient.events]"


def test_a_role_with_an_explicit_title_shows_the_title(docs_ext: Any) -> None:
    roles = docs_ext("sphinx_roles")

    text, _ = roles.rewrite_roles(":meth:`the events <TranscribeClient.events>`", _resolve)

    assert text == "[`the events`][transcribe_kit._client.TranscribeClient.events]"


def test_an_external_target_is_shown_as_code_without_a_link(docs_ext: Any) -> None:
    roles = docs_ext("sphinx_roles")

    text, unresolved = roles.rewrite_roles(":func:`asyncio.sleep`", lambda t, r: roles.EXTERNAL)

    assert (text, unresolved) == ("`asyncio.sleep()`", [])


def test_an_unresolved_role_is_reported_and_left_for_autorefs_to_fail_on(docs_ext: Any) -> None:
    roles = docs_ext("sphinx_roles")

    text, unresolved = roles.rewrite_roles("See :class:`NoSuchThing`.", _resolve)

    assert text == "See [`NoSuchThing`][NoSuchThing]."
    assert [(role.role, role.target) for role in unresolved] == [("class", "NoSuchThing")]


def test_a_literal_block_marker_reads_as_sphinx_shows_it(docs_ext: Any) -> None:
    roles = docs_ext("sphinx_roles")

    assert roles.rewrite_literal_markers("Use it so::\n\n    code\n") == "Use it so:\n\n    code\n"
    assert roles.rewrite_literal_markers("Text.\n\n::\n\n    code\n") == "Text.\n\n\n    code\n"
    assert roles.rewrite_literal_markers("a :: b\n\nc") == "a :: b\n\nc"


@pytest.fixture
def package(docs_ext: Any) -> Any:
    """transcribe_kit as Griffe sees it with the site's extensions applied."""
    griffe = pytest.importorskip("griffe", reason="needs the docs extra")
    extensions = docs_ext("griffe_extensions")
    loaded = griffe.load(
        "transcribe_kit",
        extensions=griffe.load_extensions(
            extensions.FieldComments,
            extensions.Constructors,
            extensions.EnumMembers,
            extensions.SphinxRoles,
        ),
    )
    return loaded.modules_collection


def test_an_attrs_class_shows_its_constructor_with_defaults(package: Any) -> None:
    init = package["transcribe_kit.config.RetryPolicy"].members["__init__"]
    parameters = {parameter.name: parameter for parameter in init.parameters}

    assert str(parameters["max_attempts"].default) == "4"
    assert str(parameters["retry_on"].default) == "DEFAULT_RETRYABLE_ERRORS"
    assert parameters["max_attempts"].kind.value == "keyword-only"


def test_a_shape_field_has_its_comment_wire_name_and_constraints(package: Any) -> None:
    field = package["transcribe_kit.shapes.vocabularies.CreateVocabularyRequest.vocabulary_name"]

    assert field.docstring.value.startswith("A unique name, chosen by you")
    assert "Wire name `VocabularyName`; length 1 to 200" in field.docstring.value
    assert field.value is None  # required: no default shown


def test_an_enum_lists_its_members_in_a_table(package: Any) -> None:
    language = package["transcribe_kit.shapes.enums.LanguageCode"]

    assert "| `EN_US` | `'en-US'` |" in language.docstring.value


def test_a_short_name_in_a_private_base_resolves_to_the_public_class(package: Any) -> None:
    method = package["transcribe_kit._service_methods.ServiceLayerMethods.as_completed"]

    assert "[`wait_policy`][transcribe_kit._client.TranscribeClient.wait_policy]" in (
        method.docstring.value
    )
    assert ":attr:" not in method.docstring.value
