"""Page -> notebook: each chapter page, in each language, as a Jupyter notebook.

A notebook is made from the same page and the same snippet results the site
shows, never from a run of its own:

- the page is read as the site reads it (`embeds.read_page`) and cut into
  cells by `course/page_cells.py` (`split_page`: prose as Markdown Jupyter can
  show, each `snippet` fence as `embeds` finds it, or a `NotebookError` naming
  the page's line); every line an error names is a line of the file;
- each snippet cell becomes a code cell holding the source as the page's
  language shows it, with the engine's output and charts as the cell's
  outputs;
- every notebook starts with the page's title (its leading `# ` heading) and
  an introduction; chapters whose snippets read files from the repository
  (their data files, the bundled CJK font) then have a setup cell that finds
  the repository and sets `__file__`, so `Path(__file__).parent /
  "words.txt"` works as it does in the snippet file.

`notebooks/run.py` executes the notebooks and compares them with the records.
"""

from __future__ import annotations

import base64
import json
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from snippet_engine.course.embeds import read_page
from snippet_engine.course.page_cells import split_page
from snippet_engine.course.project import Page, Project
from snippet_engine.output import charts
from snippet_engine.output.render import alt_text, varies_note
from snippet_engine.running.cache import write_if_changed
from snippet_engine.running.memo import Memo, code_fingerprint, snippet_digest
from snippet_engine.running.records import digits_vary
from snippet_engine.running.result import SnippetResult
from snippet_engine.running.source import display_source, parse_directives, read_source

NOTEBOOK_DIR = "notebook"
"""A chapter's notebook view lives at `<chapter url>/notebook/`; the .ipynb beside it."""

_LOCALE_SUFFIX = re.compile(r"\.(?:zh|en)$")

_TEXT = {
    "zh": {
        "intro": (
            "> 这个笔记本由课程网站的第 {chapter} 章页面生成：文字、代码和输出都与[网页版]({page_url})相同，"
            "输出是构建网站时真实运行得到的。从上到下依次运行即可；它需要 `requirements.txt` 里列出的 PyTorch 等库。"
        ),
        "setup_intro": (
            "本章的代码要读取课程仓库里的文件（{files}）。下面这个单元格先找课程仓库：在仓库里打开笔记本时，"
            "直接用仓库里的文件；单独下载的笔记本则把这些文件写进旁边的 `{local}` 文件夹"
            "（小文件就存在单元格里，大文件从课程网站下载）。最后它设置 `__file__`，"
            "让代码里的 `Path(__file__)` 和在脚本里运行时指向同一个位置。"
        ),
        "setup_error": "找不到 {rel}：请在课程仓库里打开这个笔记本，或把这个文件放到 {local}/{rel}",
    },
    "en": {
        "intro": (
            "> This notebook is generated from chapter {chapter} of the course site: the text, code and outputs "
            "are the same as on [the web page]({page_url}), and the outputs come from real runs when the site "
            "was built. Run it from top to bottom; it needs the libraries in `requirements.txt` (PyTorch and friends)."
        ),
        "setup_intro": (
            "This chapter's code reads files from the course repository ({files}). The next cell looks for "
            "the repository: opened inside a clone, the notebook uses the repository's files; downloaded on its "
            "own, it writes them into a `{local}` folder next to it (small files are stored in the cell, larger "
            "ones are downloaded from the course site). Then it sets `__file__`, so that `Path(__file__)` in the "
            "code points where it does when the snippet runs as a script."
        ),
        "setup_error": (
            "{rel} not found: open this notebook inside the course repository, or put the file at {local}/{rel}"
        ),
    },
}


def new_markdown_cell(source: str) -> nbformat.NotebookNode:
    """A Markdown cell (nbformat's own helper validates every cell: slow; `nbformat.writes` validates once)."""
    return nbformat.from_dict({"cell_type": "markdown", "metadata": {}, "source": source})


def new_code_cell(source: str, outputs: list | None = None) -> nbformat.NotebookNode:
    """A code cell with recorded outputs."""
    return nbformat.from_dict(
        {"cell_type": "code", "metadata": {}, "source": source, "outputs": outputs or [], "execution_count": None}
    )


def new_output(output_type: str, **fields: object) -> dict:
    """A cell output."""
    return {"output_type": output_type, **fields}


@dataclass(frozen=True)
class ChapterNotebook:
    """A generated notebook file.

    Parameters:
        page: The page it was made from.
        path: Where it was written.
        snippets: The snippets its code cells come from, in order.
        fetched: Repository files its setup cell downloads from the site when run outside a clone.
    """

    page: Page
    path: Path
    snippets: tuple[str, ...]
    fetched: tuple[str, ...] = ()


def notebook_name(page: Page) -> str:
    """File name of a page's notebook: `02-tensor-creation.zh.ipynb`."""
    return f"{posixpath.basename(page.base)}.{page.locale}.ipynb"


def page_url(base: str, locale: str) -> str:
    """Site-relative URL of a page (directory URLs; English under `en/`)."""
    head, name = posixpath.split(base)
    path = head if name == "index" else base
    return ("en/" if locale == "en" else "") + (path + "/" if path else "")


def notebook_url(page: Page) -> str:
    """Site-relative URL of a page's notebook view."""
    return page_url(page.base, page.locale) + NOTEBOOK_DIR + "/"


def _relative_url(target: str, start: str) -> str:
    """`target` relative to the page at `start` (both site-relative directory URLs)."""
    rel = posixpath.relpath(target or ".", start.rstrip("/") or ".")
    return rel if rel.endswith("/") or rel == "." else rel + "/"


def _code_outputs(result: SnippetResult, locale: str) -> list:
    outputs = []
    if result.output:
        outputs.append(new_output("stream", name="stdout", text=result.output))
    for number, figure in enumerate(result.figures, start=1):
        outputs.append(
            new_output(
                "display_data",
                data={"image/png": charts.optimised_base64(figure.png_base64), "text/plain": f"<Figure {number}>"},
                # `alt`: what the chart shows, as on the page (nbformat's classic HTML template uses it).
                metadata={
                    "image/png": {"width": figure.width, "height": figure.height, "alt": alt_text(figure, locale)}
                },
            )
        )
    return outputs


def build_notebook(
    project: Project, page: Page, results: dict[str, SnippetResult], site_url: str | None = None
) -> tuple[nbformat.NotebookNode, tuple[str, ...]]:
    """The notebook of one page.

    Parameters:
        project: The course.
        page: The page (one language).
        results: Snippet results by path relative to `snippets/`.
        site_url: Where the site is published (ending in `/`): links to pages are absolute, so that they work
            in a downloaded .ipynb. Without it, relative to the notebook view.

    Returns:
        The notebook and the snippets its code cells come from.

    Raises:
        KeyError: When a snippet the page embeds has no result.
        NotebookError: When the page holds constructs a notebook cannot express (`split_page`).
    """
    text = _TEXT[page.locale]
    chapter = posixpath.basename(page.base).split("-", 1)[0]

    def link(target: str) -> str:  # a site-relative page URL, as the notebook links to it
        if site_url:
            return site_url + target
        return _relative_url(target, notebook_url(page))

    def page_link(url: str) -> str:  # a link to a page, as the site resolves it
        target, hash_mark, anchor = url.partition("#")
        target_doc = posixpath.normpath(posixpath.join(posixpath.dirname(page.base), target))
        target_base = _LOCALE_SUFFIX.sub("", target_doc.removesuffix(".md"))  # other.en.md is other.md's page
        return link(page_url(target_base, page.locale)) + hash_mark + anchor

    parts = split_page(read_page(page.path), project.embeds(page), project.rel(page.path), page_link)
    snippets = [name for kind, name in parts if kind == "snippet"]
    sources = {name: read_source(project.snippets_dir / name) for name in snippets}
    # The data files the chapter's code opens (the engine's own modules, read for tracebacks, are not data).
    reads = sorted({rel for name in snippets for rel in results[name].reads if not rel.startswith("scripts/")})
    uses_file = [name for name in snippets if "__file__" in sources[name]]
    # A module beside the snippet (`from helper import f`): `python x.py` finds it on sys.path[0], its folder.
    imports_sibling = [
        name
        for name in snippets
        if any(
            posixpath.dirname(rel) == f"snippets/{posixpath.dirname(name)}"
            for rel in results[name].reads
            if rel.endswith(".py")
        )
    ]
    cells = []
    if parts and parts[0][0] == "markdown" and parts[0][1].startswith("# "):  # the page's title comes first
        title, _, rest = parts[0][1].partition("\n")
        cells.append(new_markdown_cell(title))
        parts = ([("markdown", rest.strip("\n"))] if rest.strip() else []) + parts[1:]
    back = link(page_url(page.base, page.locale))
    cells.append(new_markdown_cell(text["intro"].format(chapter=chapter, page_url=back)))
    fetched: list[str] = []
    if uses_file or imports_sibling:  # before any code: the setup cell sets `__file__` (and `sys.path`)
        folder = f"snippets/{posixpath.dirname((uses_file or imports_sibling)[0])}"
        files = ", ".join(f"`{rel}`" for rel in reads) or f"`{folder}/`"
        cells.append(new_markdown_cell(text["setup_intro"].format(files=files, local=LOCAL_FILES)))
        embedded = {rel: (project.root / rel).read_bytes() for rel in reads}
        fetched = [rel for rel, data in embedded.items() if len(data) > EMBED_LIMIT]
        for rel in fetched:
            del embedded[rel]
        urls = {rel: (site_url + rel if site_url else None) for rel in fetched}
        setup = _setup_source(folder, embedded, urls, text["setup_error"], bool(imports_sibling))
        cells.append(new_code_cell(setup))
    for kind, content in parts:
        if kind == "markdown":
            cells.append(new_markdown_cell(content))
            continue
        result = results[content]
        source = sources[content]
        cell = new_code_cell(
            display_source(source, page.locale).rstrip("\n"), outputs=_code_outputs(result, page.locale)
        )
        cell.metadata["snippet"] = content
        if parse_directives(source).expect_exception:
            cell.metadata["tags"] = ["raises-exception"]
        cells.append(cell)
        if digits_vary(project.snippets_dir / content):
            cells.append(new_markdown_cell(f"<small>{varies_note(page.locale)}</small>"))
    count = 0
    for cell in cells:
        if cell.cell_type == "code":
            count += 1
            cell.execution_count = count
    for number, cell in enumerate(cells):  # stable ids: the same page gives the same bytes
        cell.id = f"{page.locale}-{number:03d}"
    notebook = nbformat.from_dict(
        {
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": {
                "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                "language_info": {"name": "python"},
            },
            "cells": cells,
        }
    )
    if fetched:  # what the setup cell downloads when the notebook runs outside a clone (the site serves them)
        notebook.metadata[METADATA_KEY] = {"fetched": fetched}
    return notebook, tuple(snippets)


EMBED_LIMIT = 64 * 1024
"""Bytes: a repository file a chapter reads is stored in its notebook up to this size, else fetched from the site."""

METADATA_KEY = "pytorch_course"
"""The notebook metadata key of what its setup cell fetches from the site (`{"fetched": [repository paths]}`)."""

LOCAL_FILES = "pytorch-course-files"
"""The folder, next to a notebook opened outside a clone, that its setup cell writes the chapter's files into."""


def _setup_source(
    folder: str, embedded: dict[str, bytes], fetched: dict[str, str | None], error: str, modules: bool = False
) -> str:
    """The setup cell: find the repository, else lay out the files the chapter reads next to the notebook.

    Parameters:
        folder: The chapter's snippet folder (`snippets/<chapter>`), relative to the repository.
        embedded: Repository-relative path -> the file's bytes, stored in the cell (base64).
        fetched: Repository-relative path -> its URL on the published site (None: not published).
        error: The message when a file can be neither found nor fetched (`{rel}`, `{local}` filled in).
        modules: Whether a snippet imports a module beside it: the folder then goes first on `sys.path`,
            as `python x.py` puts the script's folder there (Python docs, `sys.path`).
    """
    lines = ["from pathlib import Path", ""]
    if embedded:
        lines[:0] = ["import base64"]
    if fetched:
        lines[:0] = ["import urllib.request"]
    lines += [f'_folder = "{folder}"']
    if embedded:
        lines += ["_embedded = {"]
        lines += [f'    "{rel}": "{base64.b64encode(data).decode("ascii")}",' for rel, data in embedded.items()]
        lines += ["}"]
    if fetched:
        lines += ["_fetched = {"]
        lines += [f'    "{rel}": {url!r},' for rel, url in fetched.items()]
        lines += ["}"]
    lines += [
        "_root = Path.cwd()",
        "while not (_root / _folder).is_dir() and _root != _root.parent:",
        "    _root = _root.parent",
        "if not (_root / _folder).is_dir():",
        f'    _root = Path.cwd() / "{LOCAL_FILES}"',
        "    (_root / _folder).mkdir(parents=True, exist_ok=True)",
    ]
    if embedded:
        lines += [
            "    for _rel, _data in _embedded.items():",
            "        (_root / _rel).parent.mkdir(parents=True, exist_ok=True)",
            "        (_root / _rel).write_bytes(base64.b64decode(_data))",
        ]
    if fetched:
        message = error.format(rel="{_rel}", local=LOCAL_FILES)
        lines += [
            "    for _rel, _url in _fetched.items():",
            "        if not (_root / _rel).is_file():",
            "            if _url is None:",
            f'                raise FileNotFoundError(f"{message}")',
            "            (_root / _rel).parent.mkdir(parents=True, exist_ok=True)",
            "            urllib.request.urlretrieve(_url, _root / _rel)",
        ]
    if modules:
        lines[:0] = ["import sys"]
        lines += ["sys.path.insert(0, str(_root / _folder))"]
    lines += ['__file__ = str(_root / _folder / "notebook.py")']
    return "\n".join(lines)


def chapter_pages(project: Project) -> list[Page]:
    """The pages that get a notebook: those that embed snippets."""
    return [page for page in project.pages() if project.embeds(page)]


def write_notebooks(
    project: Project,
    results: dict[str, SnippetResult],
    out_dir: Path,
    pages: list[Page] | None = None,
    site_url: str | None = None,
    digests: dict[str, str] | None = None,
) -> list[ChapterNotebook]:
    """Write the notebook of every chapter page (both languages) under `out_dir/<locale>/`.

    A file is rewritten only when its content changes, atomically.

    Parameters:
        project: The course.
        results: Snippet results by path relative to `snippets/`.
        out_dir: Output folder.
        pages: Only these pages (default: every chapter page).
        site_url: Where the site is published: links to pages absolute (see `build_notebook`).
        digests: `memo.snippet_digest` of the snippets, by path relative to `snippets/`, when the caller
            has them (the build does, for its pages); the others are computed here.

    Returns:
        The notebooks written or already up to date.
    """
    memo = Memo(
        project.root / ".cache" / "memo" / "notebooks",
        code_fingerprint(packages=("nbformat", "Markdown", "pymdown-extensions"), files=[project.root / "mkdocs.yml"]),
    )
    digests = dict(digests or {})
    all_pages = json.dumps([page.base for page in project.pages()])
    written = []
    for page in pages if pages is not None else chapter_pages(project):
        path = out_dir / page.locale / posixpath.dirname(page.base) / notebook_name(page)
        key = _notebook_key(memo, project, page, results, site_url, all_pages, digests)
        stored = memo.get(key) if key is not None else None
        if stored is None:
            notebook, snippets = build_notebook(project, page, results, site_url)
            fetched = tuple(notebook.metadata.get(METADATA_KEY, {}).get("fetched", ()))
            stored = {"text": compact_json(nbformat.writes(notebook)), "snippets": snippets, "fetched": fetched}
            if key is not None:
                memo.put(key, stored)
        write_if_changed(path, stored["text"])
        written.append(ChapterNotebook(page, path, tuple(stored["snippets"]), tuple(stored["fetched"])))
    return written


def compact_json(notebook_json: str) -> str:
    """A notebook's JSON (as `nbformat.writes` validates and writes it) without its indentation.

    nbformat always indents (`indent=1`, `separators=(",", ": ")`): 0.3 MB of the site's 58 notebooks,
    which the site serves for download. The notebook is the same; Jupyter indents it again when it saves.
    """
    data = json.loads(notebook_json)
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def _notebook_key(
    memo: Memo,
    project: Project,
    page: Page,
    results: dict[str, SnippetResult],
    site_url: str | None,
    all_pages: str,
    digests: dict[str, str],
) -> str | None:
    """The memo key of a page's notebook: everything `build_notebook` reads (None: a snippet has no result).

    That is the page's path and language (its chapter number, its links), its text, the site's address,
    the pages that exist (links), and for each embedded
    snippet its source bytes and its whole result (output, figures, the files it read and their hashes).
    Building and validating 50 notebooks took 1.5 s of every build.
    """
    parts = [project.rel(page.path), page.locale, read_page(page.path), site_url or "", all_pages]
    for embed in project.embeds(page):
        result = results.get(embed.snippet)
        snippet = project.snippets_dir / embed.snippet
        if result is None or not snippet.is_file():
            return None
        if embed.snippet not in digests:
            digests[embed.snippet] = snippet_digest(snippet.read_bytes(), result.to_json(), digits_vary(snippet))
        parts.append(f"{embed.snippet}\0{digests[embed.snippet]}")
    return memo.key(*parts)
