"""Notebook views on the site: chapter notebooks as MkDocs pages that mkdocs-jupyter renders.

- `add_notebook_pages` adds each chapter's notebook as a page at `<chapter>/notebook/`
  (the .ipynb beside it, for download), in the language being built;
- `link_to_notebook` puts a button under a chapter page's title;
- `fix_notebook_html` gives a view the chapter page's heading ids, a working
  table of contents, keyboard-scrollable code, a download button, copy buttons
  that copy each cell's source as it is (`keep_copy_text`), and links the
  chapter page's chart files instead of inlining the PNGs (`charts`);
- `drop_cdn_scripts` removes nbconvert's script blocks that load from CDNs;
- `keep_notebook_renders` stops mkdocs-jupyter evicting the other language's renders.
"""

from __future__ import annotations

import ast
import hashlib
import json
import logging
import re
from html import escape, unescape
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from snippet_engine.notebooks.build import NOTEBOOK_DIR, ChapterNotebook, notebook_name
from snippet_engine.output import charts
from snippet_engine.running.memo import Memo, code_fingerprint, config_files, present_files, relative_files
from snippet_engine.site import highlight, mkdocs_internals

REPO_ROOT = Path(__file__).resolve().parents[3]

log = logging.getLogger("mkdocs.plugins.snippets")

LABELS = {
    "zh": {"open": "以 Jupyter 笔记本查看本章", "download": "下载笔记本（.ipynb）"},
    "en": {"open": "View this chapter as a Jupyter notebook", "download": "Download the notebook (.ipynb)"},
}


class NotebookPage(File):
    """A generated chapter notebook, shown as a page (mkdocs-jupyter renders it)."""

    def is_documentation_page(self) -> bool:
        return True


def _notebook_file(item: ChapterNotebook, config: Any, source_dir: Path) -> NotebookPage:
    page = item.page
    dest = ("en/" if page.locale == "en" else "") + f"{page.base}/{NOTEBOOK_DIR}/index.html"
    src_dir = source_dir / page.locale
    file = NotebookPage(
        item.path.relative_to(src_dir).as_posix(),
        str(src_dir),
        config.site_dir,
        config.use_directory_urls,
        dest_uri=dest,
        inclusion=InclusionLevel.NOT_IN_NAV,
    )
    file.edit_uri = None  # generated: no source file to edit (MkDocs then gives the page no edit link)
    mkdocs_internals.localise_file(file, page.locale)
    return file


def add_notebook_pages(
    files: Any, config: Any, notebooks: dict[str, ChapterNotebook], source_dir: Path, language: str
) -> Any:
    """Add the chapter notebooks of `language` to MkDocs' files, as pages at `<chapter>/notebook/`.

    Parameters:
        files: MkDocs' `Files` of this language's build.
        config: The MkDocs config.
        notebooks: This build's notebooks, by their page's docs-relative path.
        source_dir: Where `write_notebooks` wrote them (`<locale>/…` below it).
        language: The language being built.

    Returns:
        `files`, extended.
    """
    by_locale: dict[str, dict[str, NotebookPage]] = {}
    for item in notebooks.values():
        by_locale.setdefault(item.page.base, {})[item.page.locale] = _notebook_file(item, config, source_dir)
    for alternates in by_locale.values():
        mkdocs_internals.set_file_alternates(alternates)
        if language in alternates:
            files.append(alternates[language])
    return files


def is_notebook_view(page: Any) -> bool:
    """Whether a MkDocs page is a chapter notebook's view."""
    return isinstance(page.file, NotebookPage)


def link_to_notebook(markdown: str, item: ChapterNotebook, locale: str) -> str:
    """A chapter page's Markdown with a button to its notebook view under the title."""
    link = f"[{LABELS[locale]['open']}]({notebook_name(item.page).replace(f'.{locale}.', '.')}){{ .md-button }}"
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
        The HTML with ids, and nested TOC tokens for `mkdocs_internals.table_of_contents`.
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


def _chart_alts(path: Path) -> dict[str, str]:
    """Alt text by base64 PNG, from a notebook's image outputs (`notebooks.build` writes each chart's)."""
    # Plain JSON: nbformat.read would validate the whole notebook again, on every build.
    alts = {}
    for cell in json.loads(path.read_text(encoding="utf-8")).get("cells", []):
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            png = "".join(png) if isinstance(png, list) else png
            alt = output.get("metadata", {}).get("image/png", {}).get("alt")
            if png and alt:
                alts["".join(png.split())] = alt
    return alts


def fix_notebook_html(html: str, page: Any, config: Any) -> str:
    """A notebook view's HTML with the chapter's heading ids and a working TOC, keyboard-reachable code, a
    download button (sets `page.toc`), copy text kept as the cells' source (`keep_copy_text`), and each embedded
    PNG replaced by its chart file (the .ipynb keeps them).

    Raises:
        PluginError: From `keep_copy_text`, when a copy button's text is not where mkdocs-jupyter puts it.
    """
    notebook = Path(page.file.abs_src_path)
    memo = _view_memo(config)
    key = memo.key(html, page.url, mkdocs_internals.file_locale(page.file), notebook.read_bytes())
    stored = memo.get(key)
    linked_charts = present_files(stored["charts"], REPO_ROOT) if stored is not None else None
    if stored is not None and linked_charts is not None:
        for name, path in linked_charts.items():
            charts.note_chart(name, path)
        page.toc = mkdocs_internals.table_of_contents(stored["toc"])
        return stored["html"]
    slugify = config.mdx_configs.get("toc", {}).get("slugify")
    if slugify is None:
        from markdown.extensions.toc import slugify
    html, tokens = _anchor_headings(html, slugify)
    page.toc = mkdocs_internals.table_of_contents(tokens)
    html = keep_copy_text(html, page.file.src_uri)
    # Code cells and outputs scroll sideways: reachable and scrollable with the keyboard (WCAG 2.1.1).
    html = html.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    html = highlight.slim_highlighted_html(html)  # the chapter page's fewer spans (and colours) in the view too
    for gutter in _EMPTY_GUTTERS:
        html = html.replace(gutter, "")
    with charts.recording() as linked:
        html = charts.replace_data_uris(html, page.url, _chart_alts(notebook))
    label = LABELS[mkdocs_internals.file_locale(page.file)]["download"]
    button = (
        f'<p><a class="md-button md-button--primary" href="{escape(notebook.name)}" download>{escape(label)}</a></p>'
    )
    chart_files = relative_files(linked, REPO_ROOT)
    if chart_files is not None:  # else a chart cache outside the repository: nothing to memoise against
        memo.put(key, {"html": button + html, "toc": tokens, "charts": chart_files})
    return button + html


_COPY_TEXT = re.compile(
    r'<div(?=[^>]*\sclass="clipboard-copy-txt")(?=[^>]*\sid="(?P<id>cell-[0-9]+)")[^>]*>(?P<text>[^<]*)</div>'
)
"""mkdocs-jupyter's copy text of a code cell (`nbconvert2.mk_custom_highlight_code`): the source, HTML-escaped.
nbconvert serialises the page again, so the attributes may come in either order."""
_COPY_BUTTON = re.compile(r'<clipboard-copy\b[^>]*\sfor="cell-[0-9]+"')


def keep_copy_text(html: str, where: str) -> str:
    """A notebook view whose "Copy to Clipboard" buttons copy each cell's source exactly, newlines included.

    mkdocs-jupyter puts each code cell's source, escaped, in a hidden `<div class="clipboard-copy-txt">`,
    and its button (GitHub's `<clipboard-copy>` element) copies that element's `textContent`. In a
    `<div>` white space is not significant, so the page's minification (`hooks.minify`, as any HTML
    minifier may) collapsed every newline and indentation: a pasted cell was one line, everything after
    its first `#` comment commented out. And the math script typeset `$x^2$` inside it, as in any
    element but code (KaTeX's auto-render skips `<pre>`, `<code>`, `<textarea>`, … by tag). Here the
    text is a `<pre hidden>`, where the HTML standard makes white space significant and where no math
    is typeset; the build's math typesetting (`math.typeset`) also skips the class.

    Sources: the HTML standard on `pre` ("the leading newline … is removed", so one is added before a
    source that starts with a newline: https://html.spec.whatwg.org/multipage/grouping-content.html#the-pre-element);
    mkdocs-jupyter 0.26's `nbconvert2.py` and `templates/mkdocs_html/notebook.html.j2`; @github/clipboard-copy-element
    (`copyNode` writes `node.textContent`).

    Parameters:
        html: The view's HTML, as mkdocs-jupyter rendered it.
        where: The notebook's path, for the error.

    Returns:
        The HTML with each copy text in a `<pre hidden class="clipboard-copy-txt">` of the same id.

    Raises:
        PluginError: When the view has not one copy text per copy button: mkdocs-jupyter's markup changed,
            and its buttons would copy collapsed text again.
    """

    def as_pre(match: re.Match[str]) -> str:
        text = match["text"]
        lead = "\n" if text.startswith("\n") else ""
        return f'<pre id="{match["id"]}" class="clipboard-copy-txt" hidden>{lead}{text}</pre>'

    html, count = _COPY_TEXT.subn(as_pre, html)
    buttons = len(_COPY_BUTTON.findall(html))
    if count != buttons:
        raise PluginError(
            f"{where}: {buttons} copy buttons but {count} copy texts in mkdocs-jupyter's markup "
            '(<div class="clipboard-copy-txt" id="cell-N">): its markup changed, see site/notebook_views.py'
        )
    return html


_EMPTY_GUTTERS = (
    '<div class="jp-Collapser jp-InputCollapser jp-Cell-inputCollapser">\n</div>',
    '<div class="jp-Collapser jp-OutputCollapser jp-Cell-outputCollapser">\n</div>',
)
"""nbconvert's empty collapser beside every cell and output: JupyterLab's click-to-fold bar, inert in a static
page (3 kB of a view). Every cell loses it, so cells stay aligned; the prompts (`In [3]:`) stay."""


def _view_memo(config: Any) -> Memo:
    """Fixed notebook views by their input (the view's HTML, URL, language and .ipynb): 0.5 s a build."""
    fingerprint = code_fingerprint(packages=("Markdown", "pymdown-extensions", "mkdocs"), files=config_files(config))
    return Memo(REPO_ROOT / ".cache" / "memo" / "notebook-views", fingerprint)


_CDN_BLOCKS = (
    # nbconvert's MathJax loader: always emitted, always fetched from a CDN.
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL),
    # nbconvert's Mermaid loader (imports from a CDN when a notebook has diagrams; ours have none).
    re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid(?:(?!</script>).)*</script>', re.DOTALL),
)


def drop_cdn_scripts(output: str, page: Any) -> str:
    """A notebook view without nbconvert's script blocks that load from CDNs (the site's own KaTeX renders math).

    Raises:
        PluginError: When a block is not found: nbconvert's template changed and the page would fetch from a CDN.
    """
    for pattern in _CDN_BLOCKS:
        output, count = pattern.subn("", output)
        if count != 1:
            raise PluginError(f"{page.file.src_uri}: expected one CDN script block matching {pattern.pattern[:40]!r}")
    return output


_STYLE_BLOCK = re.compile(r'<style(?: type="text/css")?>(?P<css>[^<]*(?:<(?!/style>)[^<]*)*)</style>')
# Unrolled (`[^<]*(?:<(?!/style>)[^<]*)*`, not a lazy `.*?`): 6x faster through a view's 580 kB of CSS.
SHARED_STYLE_MIN = 2048
"""Bytes from which an inline stylesheet of a notebook view is moved to a shared file."""


def _repaired(css: str) -> str:
    """A style block as CSS: mkdocs-jupyter 0.26.3 writes Pygments' highlighting styles as a Python list's repr
    (`['pre { line-height: 125%; }\\n…']`), which no browser parses; the list's strings, joined, are the CSS."""
    text = css.strip()
    if text.startswith("['") and text.endswith("']"):
        try:
            return "\n".join(ast.literal_eval(text))
        except (ValueError, SyntaxError):
            return css
    return css


def share_styles(output: str, page: Any, site_dir: str) -> str:
    """A notebook view whose large inline stylesheets are shared files, linked in their place.

    nbconvert inlines the same JupyterLab stylesheets (about 580 kB) into every
    notebook view: 50 views carried 29 MB of identical CSS, none of it cached
    between pages. Each block of `SHARED_STYLE_MIN` bytes or more is written once,
    under a content-addressed name (`assets/notebook/<sha256[:16]>.css`), and
    linked from where it stood, so the cascade keeps its order.

    Parameters:
        output: The view's HTML.
        page: The MkDocs page (its `url` places the link).
        site_dir: The site's output folder.

    Returns:
        The HTML with `<link rel="stylesheet">` for each shared block.
    """

    def share(match: re.Match[str]) -> str:
        css = _repaired(match["css"]).encode("utf-8")
        if len(css) < SHARED_STYLE_MIN:
            return match.group(0)
        name = f"assets/notebook/{hashlib.sha256(css).hexdigest()[:16]}.css"
        target = Path(site_dir) / name
        if not target.is_file() or target.read_bytes() != css:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(css)
        return f'<link rel="stylesheet" href="{get_relative_url(name, page.url or ".")}">'

    return _STYLE_BLOCK.sub(share, output)


def keep_notebook_renders(config: Any, notebooks: dict[str, ChapterNotebook]) -> None:
    """Keep mkdocs-jupyter's render cache for the notebooks of *both* languages.

    mkdocs-jupyter evicts, after each build, the cached renders that build did
    not use; mkdocs-static-i18n runs one build per language, so each language
    pass would evict the other's renders and every build would re-render all
    notebooks (about 50 s). Marking every current notebook's entry as used keeps
    them; entries of notebooks that no longer exist are still evicted.
    """
    jupyter = config.plugins.get("mkdocs-jupyter")
    if jupyter is None or not notebooks:
        return
    cache = mkdocs_internals.jupyter_render_cache(jupyter)
    if cache is None:
        log.warning("mkdocs-jupyter's cache API changed: notebooks will be re-rendered on every build")
        return
    used, key, path = cache
    for item in notebooks.values():
        used.add(path(jupyter.config["cache_dir"], key(str(item.path), jupyter.config, jupyter.config["execute"])))
