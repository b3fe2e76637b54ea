"""Every internal of MkDocs, Material, mkdocs-jupyter and the other plugins that the site replaces or relies on.

The site's other modules reach them only through the functions here, so this file is the one list of
what an upgrade of those packages can break. `INTERNALS` names each one: where it lives, the version of
its distribution it was written against, whether the engine replaces it, calls it or reads it, and
which module uses it for what. `tests/test_mkdocs_internals.py` fails loudly when an upgrade changes
any of them: it asserts that each still exists (with the expected signature, for a callable) and that
the installed version is the one written against. After an upgrade, read the entries the test names,
check the behaviour their `checked_by` tests cover, then update `written_against`.

Public, documented APIs (`mkdocs.plugins.event_priority`, `mkdocs.utils.get_relative_url`,
`mkdocs.structure.files.File`, markdown-exec's `formatters` / `validator` / `base_format`) are not
listed: they are what plugins are meant to use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Internal:
    """One internal the site depends on.

    Parameters:
        name: Where it lives: `module:Class.attribute` (`mkdocs.structure.pages:Page.render`).
        distribution: The package that ships it (`mkdocs`).
        written_against: The version of `distribution` this engine was written and tested against.
        use: `replaced` (the engine puts its own in its place), `called` or `read` / `written` (an
            attribute).
        used_by: The engine's module and what it does with it.
        signature: A callable's parameters as `inspect.signature` shows them, without annotations
            (`(self, config, files)`); None for an attribute (one that instances get, not the class,
            is found as an assignment to it in the module's source). A name with a `/` after the
            `:` is a file the distribution ships.
        checked_by: The behaviour tests that would notice a change in what it does.
    """

    name: str
    distribution: str
    written_against: str
    use: str
    used_by: str
    signature: str | None = None
    checked_by: str = ""


INTERNALS: tuple[Internal, ...] = (
    # MkDocs: a page's render, memoised (`page_memo`).
    Internal(
        "mkdocs.structure.pages:Page.render",
        "mkdocs",
        "1.6.1",
        "replaced",
        "page_memo: a page converted only when something it is made of changed",
        signature="(self, config, files)",
        checked_by="tests/test_staleness.py, tests/test_memo.py",
    ),
    Internal(
        "mkdocs.structure.pages:Page._title_from_render",
        "mkdocs",
        "1.6.1",
        "read, written",
        "page_memo: the title a render found, stored and restored with the page",
        checked_by="tests/test_staleness.py",
    ),
    Internal(
        "mkdocs.structure.pages:Page.present_anchor_ids",
        "mkdocs",
        "1.6.1",
        "read, written",
        "page_memo: the anchors a page has (anchor validation), stored and restored",
        checked_by="tests/test_staleness.py",
    ),
    Internal(
        "mkdocs.structure.pages:Page.links_to_anchors",
        "mkdocs",
        "1.6.1",
        "read, written",
        "page_memo: the anchors a page links to (anchor validation), stored and restored",
        checked_by="tests/test_staleness.py",
    ),
    Internal(
        "mkdocs.structure.toc:get_toc",
        "mkdocs",
        "1.6.1",
        "called",
        "page_memo, notebook_views: a table of contents from stored (or rebuilt) tokens",
        signature="(toc_tokens)",
        checked_by="tests/test_staleness.py, tests/test_notebook_views.py",
    ),
    Internal(
        "mkdocs.plugins:PluginCollection.events",
        "mkdocs",
        "1.6.1",
        "read, written",
        "page_memo: plugin handlers replaced by memoised ones in MkDocs' event lists",
        checked_by="tests/test_charts.py, tests/test_site_weight.py",
    ),
    Internal(
        "mkdocs.plugins:PluginCollection._event_origins",
        "mkdocs",
        "1.6.1",
        "written",
        "page_memo: a replaced handler keeps its plugin's name in MkDocs' error messages",
    ),
    # Material: search.
    Internal(
        "material.plugins.search.plugin:SearchIndex.add_entry_from_context",
        "mkdocs-material",
        "9.8.1",
        "replaced",
        "search_index: a page's search entries memoised by everything they are derived from",
        signature="(self, page)",
        checked_by="tests/test_search.py, tests/test_staleness.py",
    ),
    Internal(
        "material.plugins.search.plugin:SearchIndex.entries",
        "mkdocs-material",
        "9.8.1",
        "read, written",
        "search_index: the entries a page added, stored; a memoised page's entries appended",
        checked_by="tests/test_search.py",
    ),
    Internal(
        "material.plugins.search.plugin:SearchIndex.config",
        "mkdocs-material",
        "9.8.1",
        "read",
        "search_index: the index's settings, part of a page's key",
    ),
    Internal(
        "material.plugins.search.plugin:SearchPlugin.on_page_context",
        "mkdocs-material",
        "9.8.1",
        "replaced",
        "page_memo: its `data-search-*` substitution runs only on a page that has such an attribute; the "
        "replacement indexes the page as it does (`self.search_index.add_entry_from_context(page)`)",
        signature="(self, context, *, page, config, nav)",
        checked_by="tests/test_search.py, tests/test_browser.py",
    ),
    Internal(
        "material.plugins.search.plugin:SearchPlugin.search_index",
        "mkdocs-material",
        "9.8.1",
        "read",
        "page_memo: the index the replaced `on_page_context` adds the page to",
    ),
    Internal(
        "material:templates/assets/javascripts/lunr",
        "mkdocs-material",
        "9.8.1",
        "read",
        "search_index: the lunr language files the search worker loads (`setupSearchLanguages`); the others "
        "are dropped from the site",
        checked_by="tests/test_search.py, tests/test_browser.py",
    ),
    # mkdocs-glightbox: memoised page transforms.
    Internal(
        "mkdocs_glightbox.plugin:LightboxPlugin.on_page_content",
        "mkdocs-glightbox",
        "0.5.3",
        "replaced",
        "page_memo: memoised by the HTML, the page's URL and front matter, the settings and the theme",
        signature="(self, html, page, config, **kwargs)",
        checked_by="tests/test_charts.py",
    ),
    Internal(
        "mkdocs_glightbox.plugin:LightboxPlugin.on_post_page",
        "mkdocs-glightbox",
        "0.5.3",
        "replaced",
        "page_memo: memoised as `on_page_content`",
        signature="(self, output, page, config, **kwargs)",
        checked_by="tests/test_charts.py",
    ),
    Internal(
        "mkdocs_glightbox.plugin:LightboxPlugin.using_material_privacy",
        "mkdocs-glightbox",
        "0.5.3",
        "read",
        "page_memo: part of the memoised transforms' key",
    ),
    # mkdocs-jupyter: its copy buttons' text, its render cache and its log.
    Internal(
        "mkdocs_jupyter.nbconvert2:mk_custom_highlight_code",
        "mkdocs-jupyter",
        "0.26.3",
        "read",
        'notebook_views: the hidden copy text it writes after each code cell (<div id="cell-N" '
        'class="clipboard-copy-txt">) rewritten as a <pre>, so minification and math keep it as the source',
        signature="(extra_css_classes)",
        checked_by="tests/test_notebook_views.py, tests/test_browser.py",
    ),
    Internal(
        "mkdocs_jupyter:templates/mkdocs_html/notebook.html.j2",
        "mkdocs-jupyter",
        "0.26.3",
        "read",
        'notebook_views: each code cell\'s <clipboard-copy for="cell-N"> button, counted against the copy texts',
        checked_by="tests/test_notebook_views.py, tests/test_browser.py",
    ),
    Internal(
        "mkdocs_jupyter.plugin:Plugin._used_cache_paths",
        "mkdocs-jupyter",
        "0.26.3",
        "written",
        "notebook_views: every current notebook's render marked as used, so one language's pass does not "
        "evict the other's (no test sees it: a build that re-renders every notebook is only slower, by about "
        "50 s; after an upgrade, time two warm builds)",
    ),
    Internal(
        "mkdocs_jupyter.plugin:_compute_cache_key",
        "mkdocs-jupyter",
        "0.26.3",
        "called",
        "notebook_views: the render cache's key of a notebook",
        signature="(nb_path, config, exec_nb)",
    ),
    Internal(
        "mkdocs_jupyter.plugin:_get_cache_path",
        "mkdocs-jupyter",
        "0.26.3",
        "called",
        "notebook_views: the render cache's file for a key",
        signature="(cache_dir, cache_key)",
    ),
    Internal(
        "mkdocs_jupyter.plugin:logger",
        "mkdocs-jupyter",
        "0.26.3",
        "read",
        "hooks: its INFO lines (one per conversion and cache hit) silenced",
    ),
    # mkdocs-static-i18n: which language a pass builds.
    Internal(
        "mkdocs_static_i18n.plugin:I18n.building",
        "mkdocs-static-i18n",
        "1.3.1",
        "read",
        "hooks, search_index: a nested per-language pass does not write what the outer pass writes",
        checked_by="tests/test_search.py, tests/test_site_metadata.py",
    ),
    Internal(
        "mkdocs_static_i18n.plugin:I18n.current_language",
        "mkdocs-static-i18n",
        "1.3.1",
        "read",
        "hooks, error_pages: the language of the pass being built",
        checked_by="tests/test_site_metadata.py",
    ),
    Internal(
        "mkdocs_static_i18n.plugin:I18n.default_language",
        "mkdocs-static-i18n",
        "1.3.1",
        "read",
        "hooks, search_index, error_pages: the language at the site's root",
        checked_by="tests/test_site_metadata.py",
    ),
    Internal(
        "mkdocs_static_i18n.suffix:File.locale",
        "mkdocs-static-i18n",
        "1.3.1",
        "read, written",
        "hooks: a page's language; notebook_views: set on each notebook view, as the plugin sets it on its files",
        checked_by="tests/test_notebook_views.py, tests/test_site_metadata.py",
    ),
    Internal(
        "mkdocs_static_i18n.suffix:File.locale_alternate_of",
        "mkdocs-static-i18n",
        "1.3.1",
        "written",
        "notebook_views: set on each notebook view, as the plugin sets it on its files",
    ),
    Internal(
        "mkdocs_static_i18n.suffix:File.localization",
        "mkdocs-static-i18n",
        "1.3.1",
        "written",
        "notebook_views: set on each notebook view, as the plugin sets it on its files",
    ),
    Internal(
        "mkdocs_static_i18n.suffix:File.norm_src_uri",
        "mkdocs-static-i18n",
        "1.3.1",
        "written",
        "notebook_views: set on each notebook view (its source path without the language suffix)",
    ),
    Internal(
        "mkdocs_static_i18n.suffix:File.alternates",
        "mkdocs-static-i18n",
        "1.3.1",
        "read, written",
        "sitemap: a page's languages (hreflang); notebook_views: both languages' views, each other's alternates",
        checked_by="tests/test_site_metadata.py, tests/test_notebook_views.py",
    ),
    Internal(
        "mkdocs_static_i18n.plugin:I18n.build_languages",
        "mkdocs-static-i18n",
        "1.3.1",
        "read",
        "search_index: the languages whose entries the merged index holds",
        checked_by="tests/test_search.py",
    ),
)
"""Every internal the site depends on (see the module's docstring)."""

JUPYTER_LOGGERS = ("mkdocs.plugins.mkdocs_jupyter", "mkdocs.mkdocs-jupyter")
"""mkdocs-jupyter's logger (`mkdocs_jupyter.plugin.logger`), under the name MkDocs' plugin loader gives it too."""


# MkDocs ------------------------------------------------------------------------


def replace_page_render(render: Callable[..., None]) -> Callable[..., None]:
    """Put `render` in the place of MkDocs' `Page.render`; returns MkDocs' own."""
    from mkdocs.structure.pages import Page

    original = Page.render
    Page.render = render
    return original


def rendered_title(page: Any) -> str | None:
    """The title a page's render found in its Markdown (`Page._title_from_render`)."""
    return page._title_from_render


def set_rendered(
    page: Any,
    content: str,
    toc_tokens: list[dict[str, Any]],
    title: str | None,
    present_anchor_ids: set[str],
    links_to_anchors: dict[Any, Any] | None,
) -> None:
    """Set on `page` everything `Page.render` sets, from a stored render."""
    from mkdocs.structure.toc import get_toc

    page.content = content
    page.toc = get_toc(toc_tokens)
    page._title_from_render = title
    page.present_anchor_ids = present_anchor_ids
    page.links_to_anchors = links_to_anchors


def links_to_anchors(page: Any) -> dict[Any, Any] | None:
    """The anchors a rendered page links to, by target file (`Page.links_to_anchors`)."""
    return getattr(page, "links_to_anchors", None)


def table_of_contents(toc_tokens: list[dict[str, Any]]) -> Any:
    """MkDocs' `TableOfContents` from the tokens of Python-Markdown's `toc` extension."""
    from mkdocs.structure.toc import get_toc

    return get_toc(toc_tokens)


def event_handlers(config: Any) -> tuple[dict[str, list[Callable[..., Any]]], dict[Callable[..., Any], str]]:
    """MkDocs' event lists (`PluginCollection.events`) and each handler's plugin name (`_event_origins`)."""
    return getattr(config.plugins, "events", {}), getattr(config.plugins, "_event_origins", {})


# Material ----------------------------------------------------------------------


def search_index_class() -> Any:
    """Material's `SearchIndex`, or None when Material is not installed."""
    try:
        from material.plugins.search.plugin import SearchIndex
    except ImportError:
        return None
    return SearchIndex


# mkdocs-jupyter ----------------------------------------------------------------


def jupyter_render_cache(plugin: Any) -> tuple[set[Any], Callable[..., Any], Callable[..., Any]] | None:
    """mkdocs-jupyter's render cache: the paths this build used, the key function and the path function.

    Returns:
        `(used, compute_key, cache_path)`, or None when the plugin's cache API is not the one known here.
    """
    from mkdocs_jupyter import plugin as jupyter_plugin

    used = getattr(plugin, "_used_cache_paths", None)
    key = getattr(jupyter_plugin, "_compute_cache_key", None)
    path = getattr(jupyter_plugin, "_get_cache_path", None)
    if used is None or key is None or path is None:
        return None
    return used, key, path


def quiet_jupyter_log() -> None:
    """mkdocs-jupyter logs every conversion, cache hit and copied .ipynb at INFO: keep its warnings only."""
    for name in JUPYTER_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


# mkdocs-static-i18n ------------------------------------------------------------


def i18n_plugin(config: Any) -> Any:
    """mkdocs-static-i18n's plugin, or None when the site has one language."""
    return config.plugins.get("i18n")


def i18n_building(config: Any) -> bool:
    """Whether this is one of mkdocs-static-i18n's nested per-language passes (`I18n.building`)."""
    return bool(getattr(i18n_plugin(config), "building", False))


def i18n_current_language(config: Any) -> str | None:
    """The language of the pass being built (`I18n.current_language`), or None without the plugin."""
    return getattr(i18n_plugin(config), "current_language", None)


def i18n_default_language(config: Any) -> str | None:
    """The language at the site's root (`I18n.default_language`), or None without the plugin."""
    return getattr(i18n_plugin(config), "default_language", None)


def file_locale(file: Any) -> str | None:
    """The language mkdocs-static-i18n gave a file (`File.locale`), or None for a file it did not localise."""
    return getattr(file, "locale", None)


def file_alternates(file: Any) -> dict[str, Any] | None:
    """A file's versions by language (`File.alternates`), or None for a file mkdocs-static-i18n did not localise."""
    return getattr(file, "alternates", None)


def localise_file(file: Any, locale: str) -> None:
    """Give a generated file what mkdocs-static-i18n gives each file it localises (`suffix.py`)."""
    file.locale = file.locale_alternate_of = locale
    file.localization = locale
    file.norm_src_uri = file.src_uri.replace(f".{locale}.", ".", 1)


def set_file_alternates(files: dict[str, Any]) -> None:
    """Make the files (one per language) each other's alternates (`File.alternates`)."""
    for file in files.values():
        file.alternates = files
