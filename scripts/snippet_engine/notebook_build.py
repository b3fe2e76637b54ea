"""Page -> notebook: each chapter page, in each language, as a Jupyter notebook.

A notebook is made from the same page and the same snippet results the site
shows, never from a run of its own:

- prose becomes Markdown cells; admonitions (`!!! warning "…"`, `??? success
  "…"`, `???+ …`) become block quotes with a bold title, since Jupyter has no
  admonitions; content tabs (`=== "Title"`) become a bold title followed by
  the tab's content; links to other chapters point at their pages on the
  site; inline code loses its `#!python` highlighting prefix, a code block
  keeps only its language (its title becomes a bold line above it);
- each `snippet` fence, as `embeds` finds it (the site's own reading of the
  page), becomes a code cell holding the source as the page's language shows
  it, with the engine's output and charts as the cell's outputs; a fence's
  `title` becomes a bold line above the cell;
- a construct Jupyter cannot show (an attribute list, `markdown` in an HTML
  tag, a malformed admonition or tab line, `[TOC]`) is an error naming the
  page's line (`NotebookError`), never raw markup in a cell;
- chapters whose snippets read files from the repository (their data files,
  the bundled CJK font) start with a setup cell that finds the repository
  and sets `__file__`, so `Path(__file__).parent / "words.txt"` works as it
  does in the snippet file.

`notebook_run` executes the notebooks and compares them with the records.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
from markdown.extensions.admonition import AdmonitionProcessor
from markdown.extensions.attr_list import get_attrs
from pymdownx.details import DetailsProcessor
from pymdownx.superfences import RE_NESTED_FENCE_START
from pymdownx.tabbed import TabbedProcessor

from snippet_engine.cache import write_if_changed
from snippet_engine.embeds import Embed
from snippet_engine.result import SnippetResult
from snippet_engine.source import display_source, parse_directives

if TYPE_CHECKING:  # `project` checks that pages convert (`split_page`): it imports this module
    from snippet_engine.project import Page, Project

NOTEBOOK_DIR = "notebook"
"""A chapter's notebook view lives at `<chapter url>/notebook/`; the .ipynb beside it."""

# The extensions' own patterns for the block lines the notebook rewrites.
_ADMONITION = AdmonitionProcessor.RE  # !!! kind "title"
_DETAILS = DetailsProcessor.START  # ??? kind "title", ???+ kind "title"
_TAB = TabbedProcessor.START  # === "title"
_QUOTE_PREFIX = re.compile(r"[> \t]*")
_CODE_SPAN = re.compile(r"(?P<ticks>`+)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)")
_HIGHLIGHT_PREFIX = re.compile(r"^(?P<space> ?)(?:#!|:::)[\w+#.-]+[ \t]+")  # inlinehilite's `#!python x`
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$|\\\(.*?\\\)")
_ATTR_LIST = re.compile(r"\{:[^}\n]*\}|\{[ \t]*(?:[.#][\w-]|[\w-]+=)[^}\n]*\}")
_MARKDOWN_ATTR = re.compile(r"<[A-Za-z][\w-]*(?:\s[^>]*)?\smarkdown(?=[\s=/>])[^>]*>")
_MD_LINK = re.compile(r"\]\((?P<target>(?!https?:|mailto:|#)[^)\s]+?\.md)(?P<anchor>#[^)\s]*)?\)")
_MD_REFERENCE = re.compile(
    r"^(?P<head> {0,3}\[[^\]]+\]:[ \t]*)(?P<target>(?!https?:|mailto:|#)\S+?\.md)(?P<anchor>#\S*)?"
)
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

    def url(match: re.Match[str]) -> str:
        target_doc = posixpath.normpath(posixpath.join(posixpath.dirname(page.base), match["target"]))
        target_base = target_doc.removesuffix(".md")
        return _relative_url(page_url(target_base, page.locale), notebook_url(page)) + (match["anchor"] or "")

    line = _MD_REFERENCE.sub(lambda match: match["head"] + url(match), line)  # [name]: other.md
    return _MD_LINK.sub(lambda match: f"]({url(match)})", line)


class NotebookError(Exception):
    """A page holds constructs its notebook cannot express.

    Parameters:
        problems: `(line, message)` for each, lines 1-based.
        path: The page, as the messages name it.
    """

    def __init__(self, problems: list[tuple[int, str]], path: str = "<page>") -> None:
        self.problems = problems
        self.path = path
        super().__init__("\n".join(f"{path}:{line}: {message}" for line, message in problems))


@dataclass(frozen=True)
class _Container:
    indent: int  # indentation of the container's body
    quote: bool  # admonitions and details become block quotes; tabs do not


def _fence_header(content: str) -> tuple[str, str, str | None] | None:
    """An ordinary fence opening: its fence, its language (possibly empty) and its `title`; None if not one."""
    match = RE_NESTED_FENCE_START.match(content)
    if match is None:
        return None
    lang, title = match["lang"] or "", None
    if match["attrs"] is not None:
        attrs = get_attrs(match["attrs"])
        lang = lang or next((value for key, value in attrs if key == "."), "")
        title = next((value for key, value in attrs if key == "title"), None)
    elif match["options"] is not None:
        title = next((m[2] for m in re.finditer(r"\btitle=(\"|')(.*?)\1", match["options"])), None)
    return match["fence"], lang.lstrip("."), title


def _prose_problems(line: str) -> list[str]:
    """What in a line of prose has no notebook equivalent."""
    if line.strip() == "[TOC]":
        return ["the table of contents marker [TOC] has no notebook equivalent; remove it"]
    plain = _MATH.sub("", _CODE_SPAN.sub("", line))
    problems = [
        f"attribute list {match[0]!r} (attr_list) has no notebook equivalent; remove it"
        for match in _ATTR_LIST.finditer(plain)
    ]
    problems += [
        f"the markdown attribute of {match[0]!r} (md_in_html) has no notebook equivalent; write plain Markdown"
        for match in _MARKDOWN_ATTR.finditer(plain)
    ]
    return problems


def _plain_code_spans(line: str) -> str:
    """Inline code without inlinehilite's language prefix: `#!python x` becomes `x`."""

    def replace(match: re.Match[str]) -> str:
        return match["ticks"] + _HIGHLIGHT_PREFIX.sub(r"\g<space>", match["code"], count=1) + match["ticks"]

    return _CODE_SPAN.sub(replace, line)


def split_page(text: str, embeds: Sequence[Embed], path: str = "<page>") -> list[tuple[str, str]]:
    """A page's Markdown as cells: `("markdown", text)` and `("snippet", path)`, in order.

    The page is cut at exactly the lines of its embeds (`embeds.find_embeds`):
    this function never decides what a snippet fence is. Admonitions and
    details become block quotes with a bold title, content tabs a bold title
    followed by the tab's content; their bodies are de-indented. An embed
    inside an admonition closes the quote; any text after it continues in a
    new quote. An embed's `title` becomes a bold line just above its cell.

    Parameters:
        text: The page's Markdown.
        embeds: The page's embeds, as `Project.embeds` gives them.
        path: The page, for error messages.

    Returns:
        The cells.

    Raises:
        NotebookError: When the page holds constructs a notebook cannot express (every one, with its line).
    """
    cells: list[tuple[str, str]] = []
    buffer: list[str] = []
    problems: list[tuple[int, str]] = []
    stack: list[_Container] = []
    lines = text.splitlines()
    starts = {embed.line - 1: embed for embed in embeds}
    fence: str | None = None  # the fence of an open ordinary code block
    in_math = False  # inside a `$$` display block
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
        prefix = "> " * sum(container.quote for container in stack)
        buffer.append((prefix + content).rstrip() if content else prefix.rstrip())

    def blank() -> None:  # one blank line between blocks, however many the page and the titles add
        if buffer and buffer[-1].strip(" >"):
            emit("")

    while index < len(lines):
        line = lines[index]
        embed = starts.get(index)
        index += 1
        number = index  # 1-based, for messages
        indent = len(line) - len(line.lstrip(" "))
        stripped = line.strip()
        if fence is None and stripped:
            while stack and indent < stack[-1].indent:
                stack.pop()
                if buffer and not buffer[-1].strip(" >"):  # the blank line before this one ended the container
                    buffer[-1] = ("> " * sum(container.quote for container in stack)).rstrip()
        if stack:
            body = line[stack[-1].indent :] if line.startswith(" " * stack[-1].indent) else line.lstrip(" ")
        else:
            body = line
        quote = _QUOTE_PREFIX.match(body).group(0)
        content = body[len(quote) :]
        if embed is not None:  # the site reads a snippet fence here: that decides, whatever this loop thought
            fence = None
            if embed.title:
                emit(_bold(embed.title))
            flush()
            cells.append(("snippet", embed.snippet))
            index = embed.end_line  # past the closing fence
            continue
        if fence is not None:
            emit(body)
            if content.startswith(fence) and content.rstrip() == fence[0] * len(content.rstrip()):
                fence = None
            continue
        if not stripped:
            blank()
            continue
        header = _fence_header(content)
        if header is not None:
            fence, lang, title = header
            if title:
                emit(quote + _bold(title))
                emit(quote.rstrip())
            emit(f"{quote}{fence}{lang}")  # the language only: highlight options mean nothing to Jupyter
            continue
        if stripped == "$$":
            in_math = not in_math
        admonition = _ADMONITION.fullmatch(stripped) or _DETAILS.fullmatch(stripped)
        tab = _TAB.fullmatch(stripped)
        if admonition is not None:
            kind, title = _admonition_kind_and_title(admonition)
            icon = _ICONS.get(kind, "")
            stack.append(_Container(indent + 4, quote=True))
            if title:
                emit(_bold(f"{icon} {title}" if icon else title))
                blank()
            continue
        if tab is not None:
            stack.append(_Container(indent + 4, quote=False))
            emit(_bold(tab[2]))
            blank()
            continue
        if stripped.startswith(("!!!", "???")) or (stripped.startswith("===") and stripped.strip("=")):
            problems.append(
                (number, f"{stripped!r} is not an admonition, details or tab line the notebook can convert")
            )
        elif not in_math:
            problems.extend((number, problem) for problem in _prose_problems(stripped))
        emit(_plain_code_spans(body))
    flush()
    if problems:
        raise NotebookError(problems, path)
    return cells


def _bold(title: str) -> str:
    """A title as a bold Markdown line (its own asterisks escaped)."""
    return "**" + title.replace("*", "\\*") + "**"


def _admonition_kind_and_title(match: re.Match[str]) -> tuple[str, str | None]:
    """Kind and title of an admonition (`!!!`) or details (`???`) line, as the extensions show them."""
    if match.re is _ADMONITION:
        classes, title = match[1], match[2]
    elif match[4] is not None:  # details without a title
        classes, title = match[4], None
    else:
        classes, title = match[2] or "", match[3]
    kind = classes.lower().split()[0] if classes.strip() else ""
    if title is None:
        title = kind.capitalize()
    return kind, title or None


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
        NotebookError: When the page holds constructs a notebook cannot express (`split_page`).
    """
    text = _TEXT[page.locale]
    chapter = posixpath.basename(page.base).split("-", 1)[0]
    cells = []
    parts = split_page(page.path.read_text(encoding="utf-8"), project.embeds(page), project.rel(page.path))
    snippets = [name for kind, name in parts if kind == "snippet"]
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
