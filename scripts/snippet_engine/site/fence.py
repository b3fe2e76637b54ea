"""The `snippet` fence on the site: markdown-exec's formatter, and the render cache of its source frame.

A page embeds a snippet with

    ```snippet
    02-tensor-creation/arange.py
    ```

The fence goes through markdown-exec's own machinery (`formatter`,
`base_format`): `transform_source` shows the source with the page language's
comments, `run` hands the file to the engine and renders its result; under it, links
to download the snippet and its data files (`downloads`). The
fence's SuperFences entry and validator come from `embeds`, which the
checker and the notebook builder read pages with, so all three agree on what
a fence is and which options it may have.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
from contextvars import ContextVar
from html import escape
from pathlib import Path
from typing import Any

import markdown_exec
from markdown_exec import base_format

from snippet_engine.course.embeds import FENCE_NAME, PAGE_OPTIONS, PROBLEMS, snippet_fence
from snippet_engine.output.render import render_result
from snippet_engine.running.cache import write_atomic
from snippet_engine.running.engine import Engine, shared_engine
from snippet_engine.running.memo import code_fingerprint
from snippet_engine.running.records import digits_vary
from snippet_engine.running.source import display_source, read_source
from snippet_engine.site.downloads import download_links
from snippet_engine.site.page_memo import note_snippet

log = logging.getLogger("mkdocs.plugins.snippets")
REPO_ROOT = Path(__file__).resolve().parents[3]

page_locale: ContextVar[str] = ContextVar("page_locale", default="zh")
"""Language of the page being rendered, set per page by the `on_page_markdown` hook."""

page_url: ContextVar[str] = ContextVar("page_url", default="")
"""URL of the page being rendered (`page.url`), set by `on_page_markdown`: charts and downloads link relative to it."""


def engine() -> Engine:
    """The build's engine: one per process, so `mkdocs serve` keeps its warm workers across rebuilds."""
    return shared_engine(REPO_ROOT, device=os.environ.get("SNIPPET_DEVICE", "auto"))


_TAB_TITLES = {"zh": ("代码", "运行结果"), "en": ("Source", "Result")}
"""Titles of the tabs of `source="tabbed-left"` and `source="tabbed-right"`, in the page's language."""


def format_snippet(code: str, md: Any, **options: Any) -> str:
    """Render one `snippet` fence: source for this page's language, then the run.

    Parameters:
        code: The fence body: a path relative to `snippets/`.
        md: The Markdown instance.
        **options: Validated fence options (markdown-exec's, and `embeds.validate_snippet_fence`'s).

    Returns:
        HTML.
    """
    locale = page_locale.get()
    name = code.strip()
    options.pop(PAGE_OPTIONS, None)
    problems = options.pop(PROBLEMS, ())
    if problems:
        # `Project.check` names page and line (a strict build stops before rendering); here, say it in the page too.
        for problem in problems:
            log.warning(f"snippet {name!r}: {problem}")
        items = "".join(f"<li>{escape(problem)}</li>" for problem in problems)
        return f'<div class="admonition failure"><p>snippet <code>{escape(name)}</code>:</p><ul>{items}</ul></div>'
    path = REPO_ROOT / "snippets" / name
    if not path.is_file() or path.suffix != ".py":
        log.warning(f"snippet {name!r} does not exist (looked for {path.relative_to(REPO_ROOT)})")
        return f'<div class="admonition failure"><p>missing snippet <code>{escape(name)}</code></p></div>'
    note_snippet(name)
    text = read_source(path)
    options["html"] = True  # the engine's renderer returns HTML
    if str(options.get("source")).startswith("tabbed"):  # name the tabs in the page's language
        options["tabs"] = _TAB_TITLES.get(locale, _TAB_TITLES["en"])
    result = engine().run(path)
    for line in result.error_lines():
        log.warning(line)
    result_html = render_result(result, locale, page_url.get(), digits_vary(path))
    downloads = download_links(name, result, locale, page_url.get())  # under the whole frame, tabs included
    shown = display_source(text, locale)
    key = _source_key(name, shown, options)
    cached = _RENDER_CACHE / key[:2] / f"{key}.html"
    if cached.is_file():
        frame = cached.read_text(encoding="utf-8")
        if frame.count(_RESULT_MARK) == 1:
            return frame.replace(_RESULT_MARK, result_html) + downloads

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
    frame = exclude_source_from_search(frame)
    # A frame with ids (tabs: `exec-3--__tabbed_1_1`) is not reused: the ids must stay unique in the page.
    if frame.count(_RESULT_MARK) == 1 and ' id="' not in frame:
        write_atomic(cached, lambda fh: fh.write(frame))
    return frame.replace(_RESULT_MARK, result_html) + downloads


_RESULT_MARK = "<!-- snippet-result -->"
_SOURCE_BLOCK = re.compile(r'<div class="(?:[^"]*\s)?highlight(?:\s[^"]*)?"')


def exclude_source_from_search(frame: str) -> str:
    """Mark each highlighted source block of a snippet's frame `data-search-exclude` (Material's search skips it).

    The search index is fetched by every page on load, and snippet code was 45 % of it (330 kB of
    the zh index's 736 kB of text). That code was not findable anyway: the index splits text on
    spaces and CJK punctuation only (`plugins.search.separator` in mkdocs.yml), so a line like
    `model = nn.Linear(30, 1)` indexes `nn.Linear(30,` and a search for "Linear" misses it. The
    prose around each example names what it uses, in inline code, and stays indexed.
    """
    return _SOURCE_BLOCK.sub(lambda match: match[0] + " data-search-exclude", frame)


_RENDER_CACHE = REPO_ROOT / ".cache" / "render"


def _render_fingerprint() -> str:
    """What the highlighted source HTML depends on besides the snippet: config, the engine's code, versions.

    `mkdocs.yml` is read on every call (`mkdocs serve` rebuilds in one process, and an edited config
    must not reuse frames rendered under the old one); the engine's code is the code this process runs.
    """
    return _render_fingerprint_of((REPO_ROOT / "mkdocs.yml").read_bytes())


@functools.lru_cache(maxsize=4)
def _render_fingerprint_of(config: bytes) -> str:
    return code_fingerprint(packages=("markdown-exec", "pymdown-extensions", "Markdown", "Pygments")) + (
        hashlib.sha256(config).hexdigest()
    )


def _source_key(name: str, shown: str, options: dict[str, Any]) -> str:
    """Cache key of a snippet's rendered source frame (the highlighting is most of a warm build's time).

    Every option counts, `title` (in `extra`) and the tab titles included.
    """
    material = json.dumps([_render_fingerprint(), name, shown, options], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(material.encode()).hexdigest()


def register_fence(config: Any) -> None:
    """Register the `snippet` fence with markdown-exec and SuperFences in a MkDocs config.

    Parameters:
        config: The MkDocs config (its `mdx_configs` is extended in place).
    """
    markdown_exec.formatters[FENCE_NAME] = format_snippet
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences = superfences.setdefault("custom_fences", [])
    if not any(fence.get("name") == FENCE_NAME for fence in fences):
        fences.append(snippet_fence(markdown_exec.formatter))
