"""MkDocs hooks (wired by `scripts/mkdocs_hooks.py`): each delegates to the module of its concern.

- `on_config`: register the `snippet` fence (`fence`); memoise each page's rendered HTML (`page_memo`) and
  search entries (`search_index`); no `edit_uri` without `repo_url`;
- `on_env`: theme templates compiled once (Jinja's bytecode cache);
- `on_serve`: one warm snippet worker waits for the author's first edited snippet;
- `on_pre_build`: check pages and run every snippet in parallel before anything
  is written (`project`, `engine`); in `--strict` builds a failure aborts here,
  leaving the previous site untouched; then write the chapter notebooks from the
  same results (`notebooks.build`), for every page that is itself consistent;
- `on_files`: add this language's notebooks as pages (`notebook_views`);
- `on_page_markdown`: tell the fence the page's language and URL (charts link their files relative to it),
  link a chapter to its notebook;
- `on_page_content`, `on_post_page`: fix mkdocs-jupyter's notebook views (`notebook_views`);
- `on_post_page` also notes each page for the sitemap (`sitemap`);
- `on_post_template`: a 404 page per language (`error_pages`);
- `on_post_build`: keep both languages' notebook renders, split the search index and drop the search
  languages no index uses (`search_index`),
  write the sitemap (`sitemap`), the chart files the pages of both languages link (`charts`)
  and the snippet and data files they offer for download (`downloads`).
"""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path
from typing import Any

import minify_html
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from tqdm import tqdm

from snippet_engine.course.project import Project
from snippet_engine.notebooks.build import ChapterNotebook, chapter_pages, write_notebooks
from snippet_engine.output import charts
from snippet_engine.running import interrupt
from snippet_engine.running.memo import engine_changed, snippet_digest
from snippet_engine.running.records import digits_vary
from snippet_engine.site import (
    build_log,
    downloads,
    error_pages,
    highlight,
    lean_pages,
    math,
    mkdocs_internals,
    notebook_styles,
    notebook_views,
    sitemap,
)
from snippet_engine.site.fence import REPO_ROOT, engine, page_locale, page_url, register_fence
from snippet_engine.site.page_memo import (
    finish_memoised,
    memoise_page_renders,
    memoise_page_transforms,
    set_snippet_digests,
)
from snippet_engine.site.search_index import drop_unused_search_languages, memoise_search_entries, split_search_index

log = logging.getLogger("mkdocs.plugins.snippets")

NOTEBOOK_OUT = REPO_ROOT / ".cache" / "notebooks"

_notebooks: dict[str, ChapterNotebook] = {}
"""The notebooks of this build, by the page's docs-relative source path (written by `on_pre_build`)."""


_command: list[str] = []
"""The MkDocs command running (`build`, `serve`, `gh-deploy`), from `on_startup`."""


def on_startup(command: str, dirty: bool) -> None:
    """Print news only (`build_log`); Ctrl-C ends every process the build started, in one line, status 130."""
    build_log.quiet_known_noise()
    _command[:] = [command]
    interrupt.install()


def on_config(config: Any) -> Any:
    """Register the `snippet` fence; memoise search entries; quiet mkdocs-jupyter's log; no edit links without a
    repository."""
    mkdocs_internals.quiet_jupyter_log()  # 150 INFO lines a build, none of them news
    register_fence(config)
    highlight.configure(config.mdx_configs)
    memoise_search_entries(config, REPO_ROOT / ".cache" / "memo" / "search")
    memoise_page_renders(config, REPO_ROOT / ".cache" / "memo" / "pages", REPO_ROOT)
    memoise_page_transforms(config, REPO_ROOT / ".cache" / "memo" / "transforms")
    if not config.repo_url:  # REPO_URL unset (mkdocs.yml): no edit button, rather than links relative to each page
        config.edit_uri = None
    if _command == ["serve"]:  # `mkdocs serve` builds into a temporary folder it removes as it stops
        site_dir = config.site_dir
        interrupt.on_interrupt(lambda: shutil.rmtree(site_dir, ignore_errors=True))
    return config


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Theme templates compiled once, not on every build: Jinja's bytecode cache in `.cache/jinja`.

    Compiling Material's 85 templates took 0.5 s of every build and of every `mkdocs serve` rebuild
    (MkDocs makes a new Jinja environment each time). Jinja stores each compiled template with the
    checksum of its source and its own version, so an edited template (`overrides/`) is compiled again.
    """
    import jinja2

    directory = REPO_ROOT / ".cache" / "jinja"
    directory.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(directory))
    return env


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """`mkdocs serve`: start one snippet worker now, in the background, for the author's first edited snippet.

    A build whose results are all cached starts no worker (its imports take about 2 s); under `serve` the
    next rebuild usually runs exactly one edited snippet, and should not wait for a worker to start.
    """
    engine().pool.start(1)
    return server


def run_with_progress(snippets: list) -> list:
    """Run (or fetch from the cache) every snippet; a progress bar on stderr when some must run and stderr is a
    terminal (a cold build runs 434 snippets for minutes: it must not sit silent)."""
    misses = engine().warm_up(snippets)
    if not misses:
        return engine().run_many(snippets)
    cached = len(snippets) - misses
    log.info(
        f"running {misses} snippet{'s' if misses != 1 else ''}" + (f" ({cached} more are cached)" if cached else "")
    )
    progress = tqdm(
        total=len(snippets), unit="snippet", file=sys.stderr, mininterval=0.5, dynamic_ncols=True, disable=None
    )

    def advance(result: Any) -> None:
        progress.set_postfix_str(result.path.removeprefix("snippets/"), refresh=False)
        progress.update()

    try:
        return engine().run_many(snippets, on_result=advance)
    finally:
        progress.close()


def on_pre_build(config: Any) -> None:
    """Check pages and run every snippet (in parallel, cached) before the site is written.

    Raises:
        PluginError: In `--strict` builds, when a page or a snippet is broken.
    """
    if mkdocs_internals.i18n_building(config):
        return  # mkdocs-static-i18n's pass for the other language: this build already checked everything
    if engine_changed():
        log.warning("the snippet engine's code (scripts/snippet_engine/) changed: restart `mkdocs serve` to use it")
    charts.reset()
    downloads.reset()
    project = Project(REPO_ROOT)
    found = project.check()
    findings = [str(finding) for finding in found]
    snippets = project.snippets()
    results = run_with_progress(snippets)
    failures = [line for result in results for line in result.error_lines()]
    problems = findings + failures
    if problems:
        summary = f"{len(findings)} page/snippet inconsistencies, {len(failures)} snippet errors:\n  " + "\n  ".join(
            problems
        )
        if config.strict:
            raise PluginError(summary)
        log.warning(summary)
    names = [path.relative_to(project.snippets_dir).as_posix() for path in snippets]
    by_name = dict(zip(names, results, strict=True))
    digests = {
        name: snippet_digest(path.read_bytes(), result.to_json(), digits_vary(path))
        for name, path, result in zip(names, snippets, results, strict=True)
    }
    set_snippet_digests(digests)
    # A finding keeps the notebook of the page it names, or of a page embedding the snippet it names, unwritten:
    # a non-strict build still writes every other chapter's notebook.
    broken = {finding.path for finding in found}
    pages = [
        page
        for page in chapter_pages(project)
        if project.rel(page.path) not in broken
        and not any(f"snippets/{embed.snippet}" in broken for embed in project.embeds(page))
    ]
    written = write_notebooks(project, by_name, NOTEBOOK_OUT, pages, site_url=config.site_url, digests=digests)
    for rel in sorted({rel for item in written for rel in item.fetched}):
        downloads.serve(rel, REPO_ROOT)  # where a downloaded notebook's setup cell fetches it from
    _notebooks.clear()
    _notebooks.update({item.page.path.relative_to(project.docs_dir).as_posix(): item for item in written})


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files: Any, config: Any) -> Any:
    """Add this language's chapter notebooks as pages at `<chapter>/notebook/`."""
    if not _notebooks:
        return files
    language = mkdocs_internals.i18n_current_language(config) or "zh"
    return notebook_views.add_notebook_pages(files, config, _notebooks, NOTEBOOK_OUT, language)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Remember the page's language for the snippet fence; link a chapter page to its notebook."""
    locale = mkdocs_internals.file_locale(page.file)
    if locale is None:
        locale = "en" if page.file.src_uri.endswith(".en.md") else "zh"
    page_locale.set(locale)
    page_url.set(page.url)
    if notebook_views.is_notebook_view(page):
        page.meta["search"] = {"exclude": True}  # the chapter page itself is indexed
        return markdown
    item = _notebooks.get(page.file.src_uri)
    return markdown if item is None else notebook_views.link_to_notebook(markdown, item, locale)


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Notebook views: the chapter's heading ids and a working TOC, keyboard-reachable code, a download button."""
    return notebook_views.fix_notebook_html(html, page, config) if notebook_views.is_notebook_view(page) else html


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Note the page for the sitemap; notebook views: no script from a CDN, stylesheets shared between views.

    Every page is then minified (`minify`), loads only what it uses (`lean_pages`), and has its math typeset
    (`math`).
    """
    sitemap.record_page(page, config, mkdocs_internals.i18n_default_language(config) or "zh")
    if notebook_views.is_notebook_view(page):
        output = notebook_views.share_styles(notebook_views.drop_cdn_scripts(output, page), page, config.site_dir)
    try:
        output, formulas = finish_memoised(output, finish_page)
    except math.MathError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from exc
    return math.link_stylesheet(output, page.url) if formulas else output


def finish_page(html: str) -> list:
    """A page minified (`minify`), loading only what it uses (`lean_pages`), with its math typeset (`math`), and how
    many formulas it holds. Math comes after minifying: minify-html (0.18.1) drops the closing tags of MathML
    elements, which breaks KaTeX's output.

    Raises:
        math.MathError: For a formula KaTeX cannot typeset.
    """
    output, formulas = math.typeset(lean_pages.lean(minify(html)), _katex)
    return [output, formulas]


_katex = math.Katex()
"""KaTeX in Node, typesetting every page's math at build time (`math`)."""


def on_post_template(output: str, template_name: str, config: Any) -> str:
    """A further language's 404 page at `<locale>/404.html` (see `error_pages.localize_404`), minified."""
    return error_pages.localize_404(output, template_name, config, finish=minify)


def minify(html: str) -> str:
    """A page's HTML without the bytes a browser ignores: indentation, comments, needless attribute quotes.

    Library: minify-html (Rust, maintained; 0.3 s for the whole site). It keeps the text of
    `<pre>`, `<code>` and `<textarea>` and the text between inline elements as a browser would
    render it. Closing tags and the `<html>`/`<head>` tags are kept (1 kB a page), so tools that
    parse the site without HTML5's tag-omission rules still read it. Inline styles are minified too
    (lightningcss, inside minify-html), inline scripts are left as they are. Material's templates
    indent deeply: this is 15 kB of a 120 kB chapter page.

    Parameters:
        html: A whole page.

    Returns:
        The same page, minified.
    """
    return minify_html.minify(html, keep_closing_tags=True, keep_html_and_head_opening_tags=True, minify_css=True)


@event_priority(10)  # before mkdocs-jupyter's own on_post_build (0), which evicts the render cache entries not used
def keep_notebook_renders(config: Any) -> None:
    """Keep mkdocs-jupyter's renders of both languages' notebooks (see `notebook_views.keep_notebook_renders`)."""
    notebook_views.keep_notebook_renders(config, _notebooks)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has written the merged index of both languages
def split_search(config: Any) -> None:
    """One search index per language (see `search_index.split_search_index`)."""
    split_search_index(config)


@event_priority(-210)  # after `split_search`: each language's index is written
def drop_search_languages(config: Any) -> None:
    """Remove the lunr language files no index asks for (see `search_index.drop_unused_search_languages`)."""
    if mkdocs_internals.i18n_building(config):
        return  # a nested per-language build: the outer one has every language's index
    drop_unused_search_languages(config)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other language: its pages are recorded
def write_sitemap(config: Any) -> None:
    """One sitemap for both languages, when `site_url` is set (see `sitemap.write_sitemap`)."""
    if mkdocs_internals.i18n_building(config):
        return  # a nested per-language build: the outer one writes the sitemap of every language
    sitemap.write_sitemap(config)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other language: its charts are noted
def write_charts(config: Any) -> None:
    """Write each chart the pages of both languages link, once (see `charts.write_charts`)."""
    if mkdocs_internals.i18n_building(config):
        return  # a nested per-language build: the outer one writes the charts of every language
    charts.write_charts(config.site_dir)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other language: its links are noted
def write_downloads(config: Any) -> None:
    """Write each snippet and data file the pages of both languages link, once (see `downloads.write_downloads`)."""
    if mkdocs_internals.i18n_building(config):
        return  # a nested per-language build: the outer one writes the files of every language
    downloads.write_downloads(config.site_dir)


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other language: every view is written
def purge_notebook_styles(config: Any) -> None:
    """The notebook views' shared stylesheets cut to the rules they use (see `notebook_styles`).

    Raises:
        PluginError: When Node or PurgeCSS is missing, or PurgeCSS fails.
    """
    if mkdocs_internals.i18n_building(config):
        return  # a nested per-language build: the outer one has every language's views
    try:
        notebook_styles.purge_notebook_styles(config.site_dir)
    except RuntimeError as exc:
        raise PluginError(str(exc)) from exc


@event_priority(-200)
def drop_source_maps(config: Any) -> None:
    """Remove the theme's source maps (`assets/**/*.map`, 1.3 MB): a browser fetches one only for its developer
    tools, and the hosted site's budget is 30 MB (issue 12). The `sourceMappingURL` comment stays in each file:
    with the tools open, the map is a 404 and the minified file is shown, nothing else changes."""
    for path in (Path(config.site_dir) / "assets").rglob("*.map"):
        path.unlink()


on_post_build = CombinedEvent(
    keep_notebook_renders,
    split_search,
    drop_search_languages,
    write_sitemap,
    write_charts,
    write_downloads,
    purge_notebook_styles,
    drop_source_maps,
)
