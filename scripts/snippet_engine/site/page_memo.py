"""Rendered pages (Markdown -> HTML) reused between builds when nothing they are made of changed.

Converting a page's Markdown is the largest per-page cost of a warm build and of every rebuild in
`mkdocs serve`: 52 chapter pages, converted twice (one pass per language). Most of them did not
change. `memoise_page_renders` wraps MkDocs' `Page.render` (Markdown -> `page.content`, `page.toc`,
the title, the anchors the page has and links to) so that a page is converted only when one of these
changed since its entry was stored:

- its Markdown as the build hands it to `render` (after every `on_page_markdown` hook), its source
  path and its URL;
- every file of the build and its URL (links are resolved against them);
- the Markdown configuration (`markdown_extensions`, `mdx_configs`: through `mkdocs.yml` and the
  configuration as the language's pass sees it), the library versions and every engine module;
- for each snippet the page embeds, its bytes and its whole result (`memo.snippet_digest`): checked
  against this build's results, since a snippet's output can change with a data file it reads.

A reused page notes again the chart and download files it links (`charts`, `downloads`), exactly as
rendering it would. A page whose rendering logged anything at INFO or above (a broken link, a failing
snippet) is never stored, so its messages come again on every build, and `--strict` still fails on them.
`tests/test_staleness.py` edits each input in a built site and asserts that the edit reaches the pages.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from snippet_engine.output import charts
from snippet_engine.running.memo import Memo, code_fingerprint, config_files, present_files, relative_files, toc_tokens
from snippet_engine.site import downloads, mkdocs_internals
from snippet_engine.site.math import KATEX_JS

_PACKAGES = ("mkdocs", "Markdown", "pymdown-extensions", "Pygments", "markdown-exec", "mkdocs-material")

_memo: Memo | None = None
"""This build's memo of rendered pages (None: off, pages render as MkDocs renders them)."""

_snippet_digests: dict[str, str] = {}
"""This build's snippets, by path relative to `snippets/`: `memo.snippet_digest` of their source and result."""

_original_render: Callable[..., None] | None = None
"""MkDocs' own `Page.render`."""

_rendered_snippets: set[str] | None = None
"""The snippets the page being rendered embeds (set while a page renders; `note_snippet` adds to it)."""

_repo_root: Path = Path(".")


def memoise_page_renders(config: Any, cache_dir: Path, repo_root: Path) -> Memo:
    """Reuse each page's rendered HTML while nothing it is made of changed (see the module's docstring).

    Call it from `on_config` (the fingerprint is computed anew for every build, so `mkdocs serve`
    notices an edit to `mkdocs.yml` or to the engine), then `set_snippet_digests` before pages render.

    Parameters:
        config: The MkDocs config.
        cache_dir: Where entries live (`.cache/memo/pages`).
        repo_root: The repository (chart and download paths are stored relative to it).

    Returns:
        The memo (for its hit and miss counts).
    """
    global _memo, _original_render, _repo_root
    if _original_render is None:
        _original_render = mkdocs_internals.replace_page_render(_render_memoised)
    _memo = Memo(cache_dir, code_fingerprint(packages=_PACKAGES, files=config_files(config)))
    _repo_root = repo_root
    # The digests stay: mkdocs-static-i18n's pass for the other language runs `on_config` again, but not the
    # `on_pre_build` that sets them (the outer pass's results are this build's).
    return _memo


def set_snippet_digests(digests: dict[str, str]) -> None:
    """This build's snippet digests, by path relative to `snippets/` (`memo.snippet_digest`)."""
    _snippet_digests.clear()
    _snippet_digests.update(digests)


def note_snippet(name: str) -> None:
    """Note that the page being rendered embeds the snippet `name` (called by the `snippet` fence)."""
    if _rendered_snippets is not None:
        _rendered_snippets.add(name)


class _Records(logging.Handler):
    """Whether anything at INFO or above was logged while a page rendered."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        self.seen = True


def _stable(value: Any) -> str:
    """JSON for what `json` cannot write: a function by its qualified name, anything else by its type."""
    name = getattr(value, "__qualname__", None)
    return f"{getattr(value, '__module__', '')}.{name}" if name else type(value).__qualname__


def _key(memo: Memo, page: Any, config: Any, files: Any) -> str:
    listing = sorted((file.src_uri, file.url, file.dest_uri) for file in files)
    settings = [
        config["markdown_extensions"],
        config["mdx_configs"],
        config.theme.get("language"),
        config.use_directory_urls,
        str(config.validation),
    ]
    return memo.key(
        page.markdown,
        page.file.src_uri,
        page.url,
        json.dumps(listing),
        json.dumps(settings, sort_keys=True, default=_stable, ensure_ascii=False),
    )


def _restore(page: Any, stored: dict[str, Any], files: Any) -> bool:
    """Set a page's render from its entry; False (nothing set) when the entry is stale."""
    if any(_snippet_digests.get(name) != digest for name, digest in stored["snippets"].items()):
        return False
    linked = {registry_name: present_files(entries, _repo_root) for registry_name, entries in stored["files"].items()}
    if any(paths is None for paths in linked.values()):
        return False  # a chart file the cache no longer holds: render, which makes it again
    links_to_anchors = None
    if stored["links_to_anchors"] is not None:
        links_to_anchors = {}
        for src_uri, anchors in stored["links_to_anchors"].items():
            target = files.get_file_from_path(src_uri)
            if target is None:
                return False
            links_to_anchors[target] = anchors
    mkdocs_internals.set_rendered(
        page, stored["content"], stored["toc"], stored["title"], set(stored["present_anchor_ids"]), links_to_anchors
    )
    registries = {"charts": charts._used, "downloads": downloads._used}
    for registry_name, paths in linked.items():
        for name, path in paths.items():  # type: ignore[union-attr]  # None was ruled out above
            registries[registry_name].note(name, path)
    return True


def _render_memoised(page: Any, config: Any, files: Any) -> None:
    """`Page.render`, memoised (see the module's docstring)."""
    global _rendered_snippets
    assert _original_render is not None
    memo = _memo
    if memo is None or page.markdown is None or not page.file.src_uri.endswith(".md"):
        _original_render(page, config, files)
        return
    key = _key(memo, page, config, files)
    stored = memo.get(key)
    if stored is not None and _restore(page, stored, files):
        return
    records = _Records()
    # MkDocs' own logger does not propagate (`mkdocs.__main__`): its warnings, and the engine's
    # (`mkdocs.plugins.snippets`), reach only a handler on it.
    loggers = [logging.getLogger(), logging.getLogger("mkdocs")]
    for logger in loggers:
        logger.addHandler(records)
    _rendered_snippets = set()
    try:
        with charts._used.recording() as chart_files, downloads._used.recording() as download_files:
            _original_render(page, config, files)
        snippets = set(_rendered_snippets)
    finally:
        _rendered_snippets = None
        for logger in loggers:
            logger.removeHandler(records)
    if records.seen or any(name not in _snippet_digests for name in snippets):
        return
    stored_files = {
        "charts": relative_files(chart_files, _repo_root),
        "downloads": relative_files(download_files, _repo_root),
    }
    if any(entries is None for entries in stored_files.values()):
        return  # a linked file outside the repository: not worth a memo
    links = mkdocs_internals.links_to_anchors(page)
    memo.put(
        key,
        {
            "content": page.content,
            "toc": toc_tokens(page.toc),
            "title": mkdocs_internals.rendered_title(page),
            "present_anchor_ids": sorted(page.present_anchor_ids or ()),
            "links_to_anchors": None if links is None else {file.src_uri: anchors for file, anchors in links.items()},
            "snippets": {name: _snippet_digests[name] for name in snippets},
            "files": stored_files,
        },
    )


# Pure transforms of a page's final HTML, run on every page of every build: each is memoised by its input.

_transform_memo: Memo | None = None
"""This build's memo of page transforms (minification, the lightbox's image links)."""


def memoise_page_transforms(config: Any, cache_dir: Path) -> None:
    """Memoise the pure transforms every page's HTML goes through after its template.

    - `finish_memoised`: minify (minify-html, 1 s a build for 104 pages), `lean_pages` and the math typeset by
      KaTeX in Node (`math`, 1 s more and a Node process);
    - mkdocs-glightbox's `on_page_content` (wraps each image in a lightbox link) and `on_post_page` (adds
      its script and style), each parsing the page with lexbor (1.2 s a build): memoised by the HTML, the
      page's URL and front matter, the plugin's settings and the theme's name, which is everything they
      read (mkdocs-glightbox 0.5, `plugin.py`);
    - Material search's `on_page_context` strips its `data-search-*` attributes from every page with a
      regular expression that has no literal prefix (1 s a build, mostly on notebook views, which
      have none): it now runs only on a page that has such an attribute. Indexing is unchanged
      (and memoised, `search_index`).

    The three plugin handlers are replaced in MkDocs' event lists (they were registered before
    `on_config`); when their plugin's API is not the one known here, they are left as they are.

    Parameters:
        config: The MkDocs config.
        cache_dir: Where entries live (`.cache/memo/transforms`).
    """
    global _transform_memo
    _transform_memo = Memo(
        cache_dir,
        code_fingerprint(
            packages=("minify-html", "mkdocs-glightbox", "mkdocs-material"), files=[*config_files(config), KATEX_JS]
        ),
    )
    events, origins = mkdocs_internals.event_handlers(config)
    for event, plugin_name, method_name, make in (
        ("post_page", "glightbox", "on_post_page", _glightbox_memoised),
        ("page_content", "glightbox", "on_page_content", _glightbox_memoised),
        ("page_context", "material/search", "on_page_context", _search_strip_when_needed),
    ):
        plugin = config.plugins.get(plugin_name) or config.plugins.get(plugin_name.split("/")[-1])
        handlers = events.get(event, [])
        for index, handler in enumerate(handlers):
            if getattr(handler, "__self__", None) is plugin and getattr(handler, "__name__", "") == method_name:
                wrapper = make(plugin, handler)
                if wrapper is not None:
                    handlers[index] = wrapper
                    origins[wrapper] = origins.get(handler, plugin_name)


def finish_memoised(html: str, finish: Callable[[str], Any]) -> Any:
    """`finish(html)`, memoised by `html`: the last, pure steps of every page (minified, lightened, its math
    typeset: `hooks.finish_page`). minify-html's version and KaTeX's script are in the fingerprint, with the
    engine's code; the value must be JSON-able."""
    memo = _transform_memo
    if memo is None:
        return finish(html)
    return memo.get_or_put(memo.key("finish", html), lambda: finish(html))


def _glightbox_memoised(plugin: Any, handler: Callable[..., str]) -> Callable[..., str] | None:
    """mkdocs-glightbox's `on_page_content` (wraps each image in a lightbox link) or `on_post_page` (adds its
    script and style), memoised by the HTML, the page's URL and front matter, the plugin's settings and the
    theme: all that either reads."""
    if not hasattr(plugin, "config") or not hasattr(plugin, "using_material_privacy"):
        return None
    name = handler.__name__

    def memoised(html: str, page: Any, config: Any, **kwargs: Any) -> str:
        memo = _transform_memo
        if memo is None:
            return handler(html, page=page, config=config, **kwargs)
        settings = [dict(plugin.config), plugin.using_material_privacy, config["theme"].name]
        meta = json.dumps([page.meta, settings], sort_keys=True, default=_stable, ensure_ascii=False)
        key = memo.key(f"glightbox.{name}", html, page.url, meta)
        return memo.get_or_put(key, lambda: handler(html, page=page, config=config, **kwargs))

    memoised.__name__ = name
    return memoised


def _search_strip_when_needed(plugin: Any, handler: Callable[..., Any]) -> Callable[..., Any] | None:
    if not hasattr(plugin, "search_index") or not hasattr(plugin, "config"):
        return None

    def on_page_context(context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        if "data-search-" in (page.content or ""):
            return handler(context, page=page, config=config, nav=nav)
        if not plugin.config.enabled:
            return None
        plugin.search_index.add_entry_from_context(page)  # what the handler does, less a substitution of nothing
        return None

    on_page_context.__name__ = "on_page_context"
    return on_page_context
