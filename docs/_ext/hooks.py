"""mkdocs hooks: the reference pages written by rule, and the check of the public names.

``on_files`` adds the generated pages (``reference/shapes/<module>.md``,
``reference/cli.md``); ``on_env``, once every page is rendered, warns of every name in
the ``__all__`` of a public module that no page has an entry for, which fails the strict
build.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from public_names import anchors_in, public_modules, public_names, undocumented
from reference_pages import cli_page, shape_pages

log = get_plugin_logger("public_names")


def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    """Add the reference pages generated from the package."""
    pages = {f"reference/shapes/{name}": text for name, text in shape_pages().items()}
    pages["reference/cli.md"] = cli_page()
    for src_uri, text in pages.items():
        files.append(File.generated(config, src_uri, content=text))
    return files


def on_env(env: Any, config: MkDocsConfig, files: Files, **kwargs: Any) -> Any:
    """Warn of each public name no page has an entry for (strict: the build fails)."""
    anchors: set[str] = set()
    for file in files.documentation_pages():
        if file.page is not None and file.page.content:
            anchors |= anchors_in(file.page.content)
    # The paths mkdocstrings registers for each documented object (its canonical path,
    # the modules that export it): the same the cross-references are resolved with.
    handler = config.plugins["mkdocstrings"].get_handler("python")  # type: ignore[attr-defined]
    for public in undocumented(public_names(public_modules()), anchors, handler.get_aliases):
        log.warning(
            "%s is in the __all__ of %s but has no entry in the reference",
            public.path,
            public.module,
        )
    return env
