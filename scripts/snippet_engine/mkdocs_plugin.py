"""MkDocs integration: a `snippet` fence for markdown-exec, and the build hooks.

A page embeds a snippet with

    ```snippet
    02-tensor-creation/arange.py
    ```

The fence goes through markdown-exec's own machinery (`formatter`,
`base_format`): `transform_source` shows the source with the page language's
comments, `run` hands the file to the engine and renders its result.

Hooks (wired by `scripts/mkdocs_hooks.py`):

- `on_config` registers the fence;
- `on_pre_build` checks pages and runs every snippet in parallel before
  anything is written: in `--strict` builds a failure aborts here, leaving the
  previous site untouched;
- `on_page_markdown` tells the formatter which language the page is in, and
  links each chapter page to its notebook;
- `on_files` adds each chapter's notebook (written by `on_pre_build` from the
  same results, see `notebooks.py`) as a page that mkdocs-jupyter renders at
  `<chapter>/notebook/`, with the .ipynb beside it for download.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
from contextvars import ContextVar
from html import escape, unescape
from importlib import metadata
from pathlib import Path
from typing import Any

import markdown_exec
from markdown_exec import base_format
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel

from snippet_engine.cache import write_atomic
from snippet_engine.engine import Engine, shared_engine
from snippet_engine.notebooks import NOTEBOOK_DIR, ChapterNotebook, notebook_name, write_notebooks
from snippet_engine.project import FENCE_NAME, Project
from snippet_engine.render import render_result
from snippet_engine.source import display_source

log = logging.getLogger("mkdocs.plugins.snippets")
REPO_ROOT = Path(__file__).resolve().parents[2]

NOTEBOOK_OUT = REPO_ROOT / ".cache" / "notebooks"

_page_locale: ContextVar[str] = ContextVar("page_locale", default="zh")
"""Language of the page being rendered, set per page by `on_page_markdown`."""

_notebooks: dict[str, ChapterNotebook] = {}
"""The notebooks of this build, by the page's docs-relative source path (written by `on_pre_build`)."""

_LABELS = {
    "zh": {"open": "以 Jupyter 笔记本查看本章", "download": "下载笔记本（.ipynb）"},
    "en": {"open": "View this chapter as a Jupyter notebook", "download": "Download the notebook (.ipynb)"},
}


def _engine() -> Engine:
    return shared_engine(REPO_ROOT, device=os.environ.get("SNIPPET_DEVICE", "auto"))


def validate_snippet_fence(
    language: str, inputs: dict[str, str], options: dict[str, Any], attrs: dict[str, Any], md: Any
) -> bool:
    """markdown-exec's validator, with execution always on and the source shown above the result.

    Parameters:
        language: The fence language (`snippet`).
        inputs: Fence options written in the page.
        options: Filled for the formatter.
        attrs: Filled with HTML attributes.
        md: The Markdown instance.

    Returns:
        True (every `snippet` fence is executed).
    """
    inputs.setdefault("exec", "on")
    inputs.setdefault("source", "block")
    return markdown_exec.validator(language, inputs, options, attrs, md)


def format_snippet(code: str, md: Any, **options: Any) -> str:
    """Render one `snippet` fence: source for this page's language, then the run.

    Parameters:
        code: The fence body: a path relative to `snippets/`.
        md: The Markdown instance.
        **options: Validated fence options (markdown-exec's).

    Returns:
        HTML.
    """
    locale = _page_locale.get()
    name = code.strip()
    path = REPO_ROOT / "snippets" / name
    if not path.is_file() or path.suffix != ".py":
        log.warning(f"snippet {name!r} does not exist (looked for {path.relative_to(REPO_ROOT)})")
        return f'<div class="admonition failure"><p>missing snippet <code>{escape(name)}</code></p></div>'
    text = path.read_text(encoding="utf-8")
    options["html"] = True  # the engine's renderer returns HTML
    result = _engine().run(path)
    for line in result.error_lines():
        log.warning(line)
    result_html = render_result(result, locale)
    shown = display_source(text, locale)
    key = _source_key(name, shown, options)
    cached = _RENDER_CACHE / key[:2] / f"{key}.html"
    if cached.is_file():
        frame = cached.read_text(encoding="utf-8")
        if frame.count(_RESULT_MARK) == 1:
            return frame.replace(_RESULT_MARK, result_html)

    def transform_source(fence_body: str) -> tuple[str, str]:
        return fence_body, shown

    def run(fence_body: str, **_: Any) -> str:
        return _RESULT_MARK  # the result goes in after caching: the frame is the same whatever the run printed

    try:
        frame = str(
            base_format(language="python", run=run, code=name, md=md, transform_source=transform_source, **options)
        )
    except Exception:
        # SuperFences swallows formatter exceptions and shows the fence as text: say it loudly instead.
        log.exception(f"rendering snippet {name!r} failed")
        raise
    if frame.count(_RESULT_MARK) == 1 and options.get("source") == "block":
        write_atomic(cached, lambda fh: fh.write(frame))
    return frame.replace(_RESULT_MARK, result_html)


_RESULT_MARK = "<!-- snippet-result -->"
_RENDER_CACHE = REPO_ROOT / ".cache" / "render"


@functools.cache
def _render_fingerprint() -> str:
    """What the highlighted source HTML depends on besides the snippet: config, renderer code, versions."""
    digest = hashlib.sha256()
    digest.update((REPO_ROOT / "mkdocs.yml").read_bytes())
    digest.update(Path(__file__).read_bytes())
    for package in ("markdown-exec", "pymdown-extensions", "Markdown", "Pygments"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    return digest.hexdigest()


def _source_key(name: str, shown: str, options: dict[str, Any]) -> str:
    """Cache key of a snippet's rendered source frame (the highlighting is most of a warm build's time)."""
    simple = {k: v for k, v in options.items() if isinstance(v, (str, int, float, bool, type(None)))}
    material = json.dumps([_render_fingerprint(), name, shown, simple], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(material.encode()).hexdigest()


def on_config(config: Any) -> Any:
    """Register the `snippet` fence with markdown-exec and SuperFences; quiet mkdocs-jupyter's per-file log."""
    # mkdocs-jupyter logs every conversion, cache hit and copied .ipynb at INFO: 150 lines a build, none of them news.
    for name in ("mkdocs.plugins.mkdocs_jupyter", "mkdocs.mkdocs-jupyter"):
        logging.getLogger(name).setLevel(logging.WARNING)
    markdown_exec.formatters[FENCE_NAME] = format_snippet
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = superfences.setdefault("custom_fences", [])
    if not any(fence.get("name") == FENCE_NAME for fence in fences):
        fences.append(
            {
                "name": FENCE_NAME,
                "class": FENCE_NAME,
                "validator": validate_snippet_fence,
                "format": markdown_exec.formatter,
            }
        )
    return config


def on_pre_build(config: Any) -> None:
    """Check pages and run every snippet (in parallel, cached) before the site is written.

    Raises:
        PluginError: In `--strict` builds, when a page or a snippet is broken.
    """
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # mkdocs-static-i18n's pass for the other language: this build already checked everything
    project = Project(REPO_ROOT)
    findings = [str(finding) for finding in project.check()]
    snippets = project.snippets()
    results = _engine().run_many(snippets)
    failures = [line for result in results for line in result.error_lines()]
    problems = findings + failures
    if not findings:
        names = [path.relative_to(project.snippets_dir).as_posix() for path in snippets]
        by_name = dict(zip(names, results, strict=True))
        written = write_notebooks(project, by_name, NOTEBOOK_OUT)
        _notebooks.clear()
        _notebooks.update({item.page.path.relative_to(project.docs_dir).as_posix(): item for item in written})
    if not problems:
        return
    summary = f"{len(findings)} page/snippet inconsistencies, {len(failures)} snippet errors:\n  " + "\n  ".join(
        problems
    )
    if config.strict:
        raise PluginError(summary)
    log.warning(summary)


class NotebookPage(File):
    """A generated chapter notebook, shown as a page (mkdocs-jupyter renders it)."""

    def is_documentation_page(self) -> bool:
        return True


def _notebook_file(item: ChapterNotebook, config: Any) -> NotebookPage:
    page = item.page
    dest = ("en/" if page.locale == "en" else "") + f"{page.base}/{NOTEBOOK_DIR}/index.html"
    src_dir = NOTEBOOK_OUT / page.locale
    file = NotebookPage(
        item.path.relative_to(src_dir).as_posix(),
        str(src_dir),
        config.site_dir,
        config.use_directory_urls,
        dest_uri=dest,
        inclusion=InclusionLevel.NOT_IN_NAV,
    )
    file.locale = file.locale_alternate_of = page.locale
    file.localization = page.locale
    file.norm_src_uri = file.src_uri.replace(f".{page.locale}.", ".", 1)
    return file


@event_priority(-200)  # after mkdocs-static-i18n (-100) has chosen this language's files
def on_files(files: Any, config: Any) -> Any:
    """Add this language's chapter notebooks as pages at `<chapter>/notebook/`."""
    if not _notebooks:
        return files
    i18n = config.plugins.get("i18n")
    language = getattr(i18n, "current_language", None) or "zh"
    by_locale: dict[str, dict[str, NotebookPage]] = {}
    for item in _notebooks.values():
        file = _notebook_file(item, config)
        by_locale.setdefault(item.page.base, {})[item.page.locale] = file
    for alternates in by_locale.values():
        for file in alternates.values():
            file.alternates = alternates
        if language in alternates:
            files.append(alternates[language])
    return files


def _is_notebook(page: Any) -> bool:
    return isinstance(page.file, NotebookPage)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Remember the page's language for the snippet formatter; link a chapter page to its notebook."""
    locale = getattr(page.file, "locale", None)
    if locale is None:
        locale = "en" if page.file.src_uri.endswith(".en.md") else "zh"
    _page_locale.set(locale)
    if _is_notebook(page):
        page.meta["search"] = {"exclude": True}  # the chapter page itself is indexed
        return markdown
    item = _notebooks.get(page.file.src_uri)
    if item is None:
        return markdown
    link = f"[{_LABELS[locale]['open']}]({notebook_name(item.page).replace(f'.{locale}.', '.')}){{ .md-button }}"
    lines = markdown.splitlines()
    heading = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1)
    lines[heading + 1 : heading + 1] = ["", link, ""]
    return "\n".join(lines)


_NB_HEADING = re.compile(
    r'<h(?P<level>[1-6]) id="[^"]*">(?P<inner>.*?)<a class="anchor-link" href="#[^"]*">¶</a></h(?P=level)>', re.DOTALL
)
_TAG = re.compile(r"<[^>]+>")


def _anchor_headings(html: str, slugify: Any) -> tuple[str, list[dict[str, Any]]]:
    """Give a notebook view's headings the ids the chapter page uses, and return its table of contents.

    nbconvert's own ids drop non-ASCII characters (every Chinese heading got `id=""`), and
    mkdocs-jupyter's table of contents used yet other ids: its links went nowhere.

    Parameters:
        html: The notebook view's HTML.
        slugify: The site's `toc` slugify function.

    Returns:
        The HTML with ids, and nested TOC tokens for `mkdocs.structure.toc.get_toc`.
    """
    seen: set[str] = set()
    tokens: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []

    def replace(match: re.Match[str]) -> str:
        level, inner = int(match["level"]), match["inner"]
        text = unescape(_TAG.sub("", inner)).strip()
        base = slugify(text, "-") or "_"
        anchor, number = base, 0
        while anchor in seen:
            number += 1
            anchor = f"{base}_{number}"
        seen.add(anchor)
        token = {"level": level, "id": anchor, "name": escape(text), "html": inner, "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else tokens).append(token)
        stack.append(token)
        return f'<h{level} id="{anchor}">{inner}<a class="anchor-link" href="#{anchor}">¶</a></h{level}>'

    return _NB_HEADING.sub(replace, html), tokens


def on_page_content(html: str, page: Any, config: Any, files: Any) -> str:
    """Notebook views: the chapter's heading ids and a working TOC, keyboard-reachable code, a download button."""
    if not _is_notebook(page):
        return html
    from mkdocs.structure.toc import get_toc

    slugify = config.mdx_configs.get("toc", {}).get("slugify")
    if slugify is None:
        from markdown.extensions.toc import slugify
    html, tokens = _anchor_headings(html, slugify)
    page.toc = get_toc(tokens)
    # Code cells and outputs scroll sideways: reachable and scrollable with the keyboard (WCAG 2.1.1).
    html = html.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    name = Path(page.file.abs_src_path).name
    label = _LABELS[page.file.locale]["download"]
    button = f'<p><a class="md-button md-button--primary" href="{escape(name)}" download>{escape(label)}</a></p>'
    return button + html


_CDN_BLOCKS = (
    # nbconvert's MathJax loader: always emitted, always fetched from a CDN.
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL),
    # nbconvert's Mermaid loader (imports from a CDN when a notebook has diagrams; ours have none).
    re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid(?:(?!</script>).)*</script>', re.DOTALL),
)


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Notebook views: drop nbconvert's script blocks that load from CDNs (the site's own KaTeX renders math).

    Raises:
        PluginError: When a block is not found: nbconvert's template changed and the page would fetch from a CDN.
    """
    if not _is_notebook(page):
        return output
    for pattern in _CDN_BLOCKS:
        output, count = pattern.subn("", output)
        if count != 1:
            raise PluginError(f"{page.file.src_uri}: expected one CDN script block matching {pattern.pattern[:40]!r}")
    return output


@event_priority(10)  # before mkdocs-jupyter's own on_post_build (0), which evicts the render cache entries not used
def keep_notebook_renders(config: Any) -> None:
    """Keep mkdocs-jupyter's render cache for the notebooks of *both* languages.

    mkdocs-jupyter evicts, after each build, the cached renders that build did
    not use; mkdocs-static-i18n runs one build per language, so each language
    pass would evict the other's renders and every build would re-render all
    notebooks (about 50 s). Marking every current notebook's entry as used keeps
    them; entries of notebooks that no longer exist are still evicted.
    """
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or not _notebooks:
        return
    from mkdocs_jupyter import plugin as jupyter_plugin

    used = getattr(jupyter, "_used_cache_paths", None)
    key = getattr(jupyter_plugin, "_compute_cache_key", None)
    path = getattr(jupyter_plugin, "_get_cache_path", None)
    if used is None or key is None or path is None:
        log.warning("mkdocs-jupyter's cache API changed: notebooks will be re-rendered on every build")
        return
    for item in _notebooks.values():
        used.add(path(jupyter.config["cache_dir"], key(str(item.path), jupyter.config, jupyter.config["execute"])))


@event_priority(-200)  # after mkdocs-static-i18n (-100) has written the merged index of both languages
def split_search_index(config: Any) -> None:
    """One search index per language, so a search on a page lists pages of its own language only.

    mkdocs-static-i18n merges both languages into `search/search_index.json`;
    this keeps the default language's entries there and moves the others to
    `<locale>/search/search_index.json` (locations made relative to `<locale>/`).
    `overrides/main.html` points the search of non-default-language pages at
    their folder.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # a nested per-language build: the merged index is written by the outer one
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    per_language: dict[str, list[dict[str, Any]]] = {lang: [] for lang in [i18n.default_language, *others]}
    for entry in index["docs"]:
        lang = next((lang for lang in others if entry["location"].startswith(f"{lang}/")), i18n.default_language)
        if lang != i18n.default_language:
            entry = {**entry, "location": entry["location"].removeprefix(f"{lang}/")}
        per_language[lang].append(entry)
    for lang, docs in per_language.items():
        folder = index_path.parent if lang == i18n.default_language else Path(config.site_dir) / lang / "search"
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps({**index, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")


on_post_build = CombinedEvent(keep_notebook_renders, split_search_index)
