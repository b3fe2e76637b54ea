"""Page -> notebook: each chapter page, in each language, as a Jupyter notebook.

A notebook is made from the same page and the same snippet results the site
shows, never from a run of its own:

- prose becomes Markdown cells; admonitions (`!!! warning "…"`, `??? success
  "…"`) become block quotes with a bold title, since Jupyter has no
  admonitions; links to other chapters point at their pages on the site;
- each `snippet` fence becomes a code cell holding the source as the page's
  language shows it, with the engine's output and charts as the cell's
  outputs;
- chapters whose snippets read files from the repository (their data files,
  the bundled CJK font) start with a setup cell that finds the repository
  and sets `__file__`, so `Path(__file__).parent / "words.txt"` works as it
  does in the snippet file.

`notebook_run` executes the notebooks and compares them with the records.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from snippet_engine.cache import write_if_changed
from snippet_engine.project import FENCE_NAME, Page, Project
from snippet_engine.result import SnippetResult
from snippet_engine.source import display_source, parse_directives

NOTEBOOK_DIR = "notebook"
"""A chapter's notebook view lives at `<chapter url>/notebook/`; the .ipynb beside it."""

_CONTAINER = re.compile(r'^(?P<marker>!!!|\?\?\?\+?) *(?P<kind>[\w-]+)(?: +"(?P<title>[^"]*)")? *$')
_FENCE = re.compile(r"^(?P<ticks>`{3,}|~{3,}) *(?P<info>[\w.+-]*)")
_MD_LINK = re.compile(r"\]\((?P<target>(?!https?:|mailto:|#)[^)\s]+?\.md)(?P<anchor>#[^)\s]*)?\)")
_ICONS = {"warning": "⚠️", "success": "✅", "tip": "💡", "note": "📝", "info": "ℹ️", "danger": "⛔"}

_TEXT = {
    "zh": {
        "intro": (
            "> 这个笔记本由课程网站的第 {chapter} 章页面生成：文字、代码和输出都与[网页版]({page_url})相同，"
            "输出是构建网站时真实运行得到的。从上到下依次运行即可；它需要 `requirements.txt` 里列出的 PyTorch 等库。"
        ),
        "setup_intro": (
            "本章的代码要读取课程仓库里的文件（{files}），所以请在课程仓库里打开这个笔记本。"
            "下面这个单元格找到仓库，并设置 `__file__`，让代码里的 `Path(__file__)` 和在脚本里运行时指向同一个位置。"
        ),
        "setup_error": "请在课程仓库（含 {folder} 的目录）里打开这个笔记本",
    },
    "en": {
        "intro": (
            "> This notebook is generated from chapter {chapter} of the course site: the text, code and outputs "
            "are the same as on [the web page]({page_url}), and the outputs come from real runs when the site "
            "was built. Run it from top to bottom; it needs the libraries in `requirements.txt` (PyTorch and friends)."
        ),
        "setup_intro": (
            "This chapter's code reads files from the course repository ({files}), so open this notebook inside "
            "a clone of the repository. The next cell finds the repository and sets `__file__`, so that "
            "`Path(__file__)` in the code points where it does when the snippet runs as a script."
        ),
        "setup_error": "open this notebook inside the course repository (the folder that holds {folder})",
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
    """

    page: Page
    path: Path
    snippets: tuple[str, ...]


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


def _rewrite_links(line: str, page: Page) -> str:
    """Point links to other pages' `.md` files at those pages on the site, relative to the notebook view."""

    def replace(match: re.Match[str]) -> str:
        target_doc = posixpath.normpath(posixpath.join(posixpath.dirname(page.base), match["target"]))
        target_base = target_doc.removesuffix(".md")
        url = _relative_url(page_url(target_base, page.locale), notebook_url(page))
        return f"]({url}{match['anchor'] or ''})"

    return _MD_LINK.sub(replace, line)


def split_page(text: str) -> list[tuple[str, str]]:
    """A page's Markdown as cells: `("markdown", text)` and `("snippet", path)`, in order.

    Admonitions become block quotes with a bold title; their bodies are
    de-indented. A snippet fence inside an admonition closes the quote; any
    text after it continues in a new quote.

    Parameters:
        text: The page's Markdown.

    Returns:
        The cells.
    """
    cells: list[tuple[str, str]] = []
    buffer: list[str] = []
    stack: list[int] = []  # body indentation of each open admonition
    lines = text.splitlines()
    fence: str | None = None  # closing ticks of an open ordinary code fence
    index = 0

    def flush() -> None:
        while buffer and not buffer[-1].strip(" >"):
            buffer.pop()
        while buffer and not buffer[0].strip(" >"):
            buffer.pop(0)
        if buffer:
            cells.append(("markdown", "\n".join(buffer)))
        buffer.clear()

    def emit(content: str) -> None:
        prefix = "> " * len(stack)
        buffer.append((prefix + content).rstrip() if content else prefix.rstrip())

    while index < len(lines):
        line = lines[index]
        index += 1
        indent = len(line) - len(line.lstrip(" "))
        stripped = line.strip()
        if fence is None and stripped:
            while stack and indent < stack[-1]:
                stack.pop()
        body = line[stack[-1] :] if stack and line.startswith(" " * stack[-1]) else line.lstrip(" ") if stack else line
        if fence is not None:
            emit(body)
            if stripped.startswith(fence) and stripped.strip("`~") == "":
                fence = None
            continue
        if not stripped:
            emit("")
            continue
        fence_match = _FENCE.match(stripped)
        if fence_match and fence_match["info"] == FENCE_NAME:
            name_lines = []
            while index < len(lines) and not lines[index].strip().startswith(fence_match["ticks"]):
                if lines[index].strip():
                    name_lines.append(lines[index].strip())
                index += 1
            index += 1  # the closing fence
            flush()
            cells.append(("snippet", " ".join(name_lines)))
            continue
        if fence_match:
            fence = fence_match["ticks"]
            emit(body)
            continue
        container = _CONTAINER.match(stripped)
        if container:
            title = container["title"] if container["title"] is not None else container["kind"].capitalize()
            icon = _ICONS.get(container["kind"], "")
            stack.append(indent + 4)
            emit(f"**{icon} {title}**" if icon else f"**{title}**")
            emit("")
            continue
        emit(body)
    flush()
    return cells


def _code_outputs(result: SnippetResult) -> list:
    outputs = []
    if result.output:
        outputs.append(new_output("stream", name="stdout", text=result.output))
    for number, figure in enumerate(result.figures, start=1):
        outputs.append(
            new_output(
                "display_data",
                data={"image/png": figure.png_base64, "text/plain": f"<Figure {number}>"},
                metadata={"image/png": {"width": figure.width, "height": figure.height}},
            )
        )
    return outputs


def build_notebook(
    project: Project, page: Page, results: dict[str, SnippetResult]
) -> tuple[nbformat.NotebookNode, tuple[str, ...]]:
    """The notebook of one page.

    Parameters:
        project: The course.
        page: The page (one language).
        results: Snippet results by path relative to `snippets/`.

    Returns:
        The notebook and the snippets its code cells come from.

    Raises:
        KeyError: When a snippet the page embeds has no result.
        ValueError: When the page's fences, read here line by line, differ from the embeds
            the site's Markdown finds (`Project.embeds`).
    """
    text = _TEXT[page.locale]
    chapter = posixpath.basename(page.base).split("-", 1)[0]
    cells = []
    parts = split_page(page.path.read_text(encoding="utf-8"))
    snippets = [name for kind, name in parts if kind == "snippet"]
    expected = [embed.snippet for embed in project.embeds(page)]
    if snippets != expected:
        raise ValueError(f"{project.rel(page.path)}: notebook cells do not match the page's snippet fences {expected}")
    sources = {name: (project.snippets_dir / name).read_text(encoding="utf-8") for name in snippets}
    # The data files the chapter's code opens (the engine's own modules, read for tracebacks, are not data).
    reads = sorted({rel for name in snippets for rel in results[name].reads if not rel.startswith("scripts/")})
    uses_file = [name for name in snippets if "__file__" in sources[name]]
    intro_done = False
    for kind, content in parts:
        if kind == "markdown":
            content = "\n".join(_rewrite_links(line, page) for line in content.splitlines())
            if not intro_done and content.startswith("# "):
                title, _, rest = content.partition("\n")
                cells.append(new_markdown_cell(title))
                back = _relative_url(page_url(page.base, page.locale), notebook_url(page))
                cells.append(new_markdown_cell(text["intro"].format(chapter=chapter, page_url=back)))
                if uses_file:
                    folder = f"snippets/{posixpath.dirname(uses_file[0])}"
                    files = ", ".join(f"`{rel}`" for rel in reads) or f"`{folder}/`"
                    cells.append(new_markdown_cell(text["setup_intro"].format(files=files)))
                    cells.append(new_code_cell(_setup_source(folder, text["setup_error"].format(folder=folder))))
                intro_done = True
                if rest.strip():
                    cells.append(new_markdown_cell(rest.strip("\n")))
                continue
            cells.append(new_markdown_cell(content))
            continue
        result = results[content]
        source = sources[content]
        cell = new_code_cell(display_source(source, page.locale).rstrip("\n"), outputs=_code_outputs(result))
        cell.metadata["snippet"] = content
        if parse_directives(source).expect_exception:
            cell.metadata["tags"] = ["raises-exception"]
        cells.append(cell)
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
    return notebook, tuple(snippets)


def _setup_source(folder: str, error: str) -> str:
    return "\n".join(
        [
            "from pathlib import Path",
            "",
            f'_folder = "{folder}"',
            "_root = Path.cwd()",
            "while not (_root / _folder).is_dir():",
            "    if _root == _root.parent:",
            f'        raise FileNotFoundError("{error}")',
            "    _root = _root.parent",
            '__file__ = str(_root / _folder / "notebook.py")',
        ]
    )


def chapter_pages(project: Project) -> list[Page]:
    """The pages that get a notebook: those that embed snippets."""
    return [page for page in project.pages() if project.embeds(page)]


def write_notebooks(
    project: Project, results: dict[str, SnippetResult], out_dir: Path, pages: list[Page] | None = None
) -> list[ChapterNotebook]:
    """Write the notebook of every chapter page (both languages) under `out_dir/<locale>/`.

    A file is rewritten only when its content changes, atomically.

    Parameters:
        project: The course.
        results: Snippet results by path relative to `snippets/`.
        out_dir: Output folder.
        pages: Only these pages (default: every chapter page).

    Returns:
        The notebooks written or already up to date.
    """
    written = []
    for page in pages if pages is not None else chapter_pages(project):
        notebook, snippets = build_notebook(project, page, results)
        path = out_dir / page.locale / posixpath.dirname(page.base) / notebook_name(page)
        write_if_changed(path, nbformat.writes(notebook) + "\n")
        written.append(ChapterNotebook(page, path, snippets))
    return written
