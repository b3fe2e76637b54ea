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
- `on_page_markdown` tells the formatter which language the page is in.
"""

from __future__ import annotations

import logging
import os
from contextvars import ContextVar
from html import escape
from pathlib import Path
from typing import Any

import markdown_exec
from markdown_exec import base_format
from mkdocs.exceptions import PluginError

from snippet_engine.engine import Engine, shared_engine
from snippet_engine.project import FENCE_NAME, Project
from snippet_engine.render import render_result
from snippet_engine.source import display_source

log = logging.getLogger("mkdocs.plugins.snippets")
REPO_ROOT = Path(__file__).resolve().parents[2]

_page_locale: ContextVar[str] = ContextVar("page_locale", default="zh")
"""Language of the page being rendered, set per page by `on_page_markdown`."""


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

    def transform_source(fence_body: str) -> tuple[str, str]:
        return fence_body, display_source(text, locale)

    def run(fence_body: str, **_: Any) -> str:
        result = _engine().run(path)
        for line in result.error_lines():
            log.warning(line)
        return render_result(result, locale)

    options["html"] = True  # the engine's renderer returns HTML
    try:
        return base_format(language="python", run=run, code=name, md=md, transform_source=transform_source, **options)
    except Exception:
        # SuperFences swallows formatter exceptions and shows the fence as text: say it loudly instead.
        log.exception(f"rendering snippet {name!r} failed")
        raise


def on_config(config: Any) -> Any:
    """Register the `snippet` fence with markdown-exec and SuperFences."""
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
    results = _engine().run_many(project.snippets())
    failures = [line for result in results for line in result.error_lines()]
    problems = findings + failures
    if not problems:
        return
    summary = f"{len(findings)} page/snippet inconsistencies, {len(failures)} snippet errors:\n  " + "\n  ".join(
        problems
    )
    if config.strict:
        raise PluginError(summary)
    log.warning(summary)


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Remember the page's language for the snippet formatter."""
    locale = getattr(page.file, "locale", None)
    if locale is None:
        locale = "en" if page.file.src_uri.endswith(".en.md") else "zh"
    _page_locale.set(locale)
    return markdown
