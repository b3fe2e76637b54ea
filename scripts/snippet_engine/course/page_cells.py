"""A page as notebook cells: prose Jupyter can show, and the snippets it embeds, in order.

`split_page` reads the page as the site's Markdown reads it (`embeds.page_markdown`)
and cuts it at exactly the lines of its embeds (`embeds.find_embeds`):

- prose becomes Markdown cells; admonitions (`!!! warning "…"`, `??? success
  "…"`, `???+ …`) become block quotes with a bold title (the title stays
  Markdown, as on the site), since Jupyter has no admonitions; content tabs
  (`=== "Title"`) become a bold title followed by the tab's content; relative
  links to other pages (`other.md#anchor`) point at those pages on the site;
  inline code loses its `#!python` highlighting prefix, a code block keeps
  only its language (its title becomes a bold line above it, escaped: the
  site shows it as plain text);
- each `snippet` fence, as `embeds` finds it, becomes a `("snippet", path)`
  cell; a fence's `title` becomes an escaped bold line above it; a snippet
  ends the list it sits in: the rest of the list item continues as prose,
  de-indented;
- a construct Jupyter cannot show (an attribute list, `markdown` in an HTML
  tag, a malformed admonition or tab line, `[TOC]`, a snippet fence inside a
  raw HTML block, an admonition, tab or indented fence inside a `>` block
  quote, a relative link to a file that is not a page) is an error naming
  the page's line (`NotebookError`), never raw markup in a cell.

It belongs to the course, not to the notebooks: `project` checks that every
page converts (a page the notebook cannot express is a finding of the
checker), and `notebooks/build.py` turns the cells into a chapter notebook.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markdown.extensions.admonition import AdmonitionProcessor
from markdown.extensions.attr_list import get_attrs
from pymdownx.details import DetailsProcessor
from pymdownx.superfences import RE_NESTED_FENCE_START
from pymdownx.tabbed import TabbedProcessor

from snippet_engine.course.embeds import TAB_LENGTH, Embed, page_markdown

# The extensions' own patterns for the block lines the notebook rewrites.
_ADMONITION = AdmonitionProcessor.RE  # !!! kind "title"
_DETAILS = DetailsProcessor.START  # ??? kind "title", ???+ kind "title"
_TAB = TabbedProcessor.START  # === "title"
_QUOTE_PREFIX = re.compile(r"[> \t]*")
_CODE_SPAN = re.compile(r"(?P<ticks>`+)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)")
_HIGHLIGHT_PREFIX = re.compile(r"^(?P<space> ?)(?:#!|:::)[\w+#.-]+[ \t]+")  # inlinehilite's `#!python x`
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$|\\\(.*?\\\)")
_CODE_OR_MATH = re.compile(f"{_CODE_SPAN.pattern}|{_MATH.pattern}")
_ATTR_LIST = re.compile(r"\{:[^}\n]*\}|\{[ \t]*(?:[.#][\w-]|[\w-]+=)[^}\n]*\}")
_MARKDOWN_ATTR = re.compile(r"<[A-Za-z][\w-]*(?:\s[^>]*)?\smarkdown(?=[\s=/>])[^>]*>")
_INLINE_LINK = re.compile(r"\]\([ \t]*(?P<target><[^<>\n]*>|[^\s)]+)")  # [text](target "title"), ![alt](target)
_REFERENCE = re.compile(r"^(?P<head>[> ]*\[(?!\^)[^\]]+\]:[ \t]*)(?P<target><[^<>\n]*>|\S+)")  # [name]: target
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # https:, mailto:, data:
_LIST_ITEM = re.compile(r"(?:[*+-]|\d+\.)[ ]+\S")  # Python-Markdown's UListProcessor / OListProcessor
_RULE = re.compile(r"([*_-])(?:[ ]*\1){2,}[ ]*")  # - - - is a horizontal rule, not a list item
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>&~$|]")  # what Markdown may read as markup within a line
_ICONS = {"warning": "⚠️", "success": "✅", "tip": "💡", "note": "📝", "info": "ℹ️", "danger": "⛔"}


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


@dataclass
class _Container:
    indent: int  # column of the container's body in the page
    kind: str  # "quote": admonition or details (a block quote); "tab": content tab; "list": list item
    cut: bool = False  # a list item an embed has cut: what follows in it is no longer in a list

    @property
    def prefix(self) -> str:
        """What the container adds before each of its lines in the notebook."""
        if self.kind == "quote":
            return "> "
        if self.kind == "list" and not self.cut:
            return " " * TAB_LENGTH  # the item's own indentation: its continuation stays in the item
        return ""


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


def _outside_code_and_math(line: str, change: Callable[[str], str]) -> str:
    """`line` with `change` applied to each stretch of it outside inline code and math."""
    parts, start = [], 0
    for match in _CODE_OR_MATH.finditer(line):
        parts += [change(line[start : match.start()]), match[0]]
        start = match.end()
    return "".join([*parts, change(line[start:])])


def _is_list_item(content: str) -> bool:
    """Whether a line (without its indentation) starts a list item, as Python-Markdown's list processors read it."""
    return _LIST_ITEM.match(content) is not None and _RULE.fullmatch(content.rstrip()) is None


def split_page(
    text: str, embeds: Sequence[Embed], path: str = "<page>", page_link: Callable[[str], str] | None = None
) -> list[tuple[str, str]]:
    """A page's Markdown as cells: `("markdown", text)` and `("snippet", path)`, in order.

    The page is read as the site's Markdown reads it (`embeds.page_markdown`:
    front matter stripped, tabs expanded) and cut at exactly the lines of its
    embeds (`embeds.find_embeds`): this function never decides what a snippet
    fence is. Admonitions and details become block quotes with a bold title,
    content tabs a bold title followed by the tab's content; their bodies are
    de-indented. An embed inside an admonition closes the quote; any text
    after it continues in a new quote. An embed inside a list item ends the
    list: what follows in the item continues as prose (de-indented, so that
    it is not read as a code block). An embed's `title` becomes a bold line
    just above its cell.

    Parameters:
        text: The page's text, as MkDocs reads it (`embeds.read_page`).
        embeds: The page's embeds, as `Project.embeds` gives them.
        path: The page, for error messages.
        page_link: Gives the notebook's URL for a relative link to a page (`other.md#anchor`);
            None leaves such links as they are.

    Returns:
        The cells.

    Raises:
        NotebookError: When the page holds constructs a notebook cannot express (every one, with its line).
    """
    cells: list[tuple[str, str]] = []
    buffer: list[str] = []
    problems: list[tuple[int, str]] = []
    stack: list[_Container] = []
    source = page_markdown(text)
    offset = source.first_line - 1  # lines of the file before `source.markdown`: its front matter
    lines = source.lines()
    starts = {embed.line - 1 - offset: embed for embed in embeds}
    fence: str | None = None  # the fence of an open ordinary code block
    in_math = False  # inside a `$$` display block
    block_start = True  # the line starts a Markdown block (after a blank line, a fence, a container's header)
    index = 0

    def prefix() -> str:
        return "".join(container.prefix for container in stack)

    def flush() -> None:
        while buffer and not buffer[-1].strip(" >"):
            buffer.pop()
        while buffer and not buffer[0].strip(" >"):
            buffer.pop(0)
        if buffer:
            cells.append(("markdown", "\n".join(buffer)))
        buffer.clear()

    def emit(content: str) -> None:  # a non-blank line keeps its trailing spaces: two of them are a line break
        buffer.append(prefix() + content if content.strip() else prefix().rstrip())

    def blank() -> None:  # one blank line between blocks, however many the page and the titles add
        if buffer and buffer[-1].strip(" >"):
            emit("")

    def links(line: str, number: int) -> str:
        """Point relative page links at the site (`page_link`); a relative link to anything else is a problem."""

        def target(match: re.Match[str]) -> str:
            raw = match["target"]
            url = raw[1:-1] if raw.startswith("<") else raw
            if not url or _SCHEME.match(url) or url.startswith(("#", "/")):
                return match[0]
            if not re.split(r"[#?]", url, maxsplit=1)[0].endswith(".md"):
                problems.append(
                    (
                        number,
                        f"relative link {url!r} is not a page (.md): the notebook (its view on the site, "
                        "the downloaded file) cannot resolve it; link a page, or an https:// address",
                    )
                )
                return match[0]
            head = match[0][: match.start("target") - match.start()]
            return head + (page_link(url) if page_link is not None else raw)

        line = _REFERENCE.sub(target, line)  # [name]: other.md "title"
        return _outside_code_and_math(line, lambda part: _INLINE_LINK.sub(target, part))  # [text](other.md "title")

    while index < len(lines):
        line = lines[index]
        embed = starts.get(index)
        index += 1
        number = index + offset  # 1-based line of the file, for messages
        indent = len(line) - len(line.lstrip(" "))
        stripped = line.strip()
        if fence is None and stripped:
            while stack and indent < stack[-1].indent:
                if stack[-1].kind == "list" and not block_start and not _is_list_item(stripped):
                    break  # a lazy continuation line of the item's paragraph: still in the item
                stack.pop()
                if buffer and not buffer[-1].strip(" >"):  # the blank line before this one ended the container
                    buffer[-1] = prefix().rstrip()
        if stack:
            body = line[stack[-1].indent :] if line.startswith(" " * stack[-1].indent) else line.lstrip(" ")
        else:
            body = line
        quote = _QUOTE_PREFIX.match(body).group(0)
        content = body[len(quote) :]
        if embed is not None:  # the site reads a snippet fence here: that decides, whatever this loop thought
            fence = None
            if embed.html_block is not None:
                problems.append(
                    (
                        number,
                        f"snippet fence {embed.snippet!r} is inside the raw HTML block <{embed.html_block}>: "
                        "a notebook cannot hold a code cell inside HTML; write the block in Markdown "
                        '(a collapsed block is ??? note "Title", a box !!! note "Title")',
                    )
                )
            if ">" in quote and len(quote) - quote.rindex(">") - 2 >= TAB_LENGTH:  # `>` and its space, then indented
                problems.append(
                    (
                        number,
                        f"snippet fence {embed.snippet!r} is indented inside a block quote (>), in a list item or "
                        "indented block there: the notebook cannot continue it after a code cell; "
                        "take the fence out of the block quote",
                    )
                )
            if embed.title:
                emit(_bold(_literal(embed.title)))
            flush()
            cells.append(("snippet", embed.snippet))
            for container in stack:  # a code cell ends the list: the rest of the item is plain prose
                container.cut = container.cut or container.kind == "list"
            index = embed.end_line - offset  # past the closing fence
            block_start = True
            continue
        if fence is not None:
            emit(body)
            if content.startswith(fence) and content.rstrip() == fence[0] * len(content.rstrip()):
                fence = None
                block_start = True
            continue
        if not stripped:
            blank()
            block_start = True
            continue
        block_start = False
        header = _fence_header(content)
        if header is not None:
            fence, lang, title = header
            if title:
                emit(quote + _bold(_literal(title)))
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
            stack.append(_Container(indent + TAB_LENGTH, "quote"))
            if title:
                emit(_bold(f"{icon} {title}" if icon else title))
                blank()
            block_start = True
            continue
        if tab is not None:
            stack.append(_Container(indent + TAB_LENGTH, "tab"))
            emit(_bold(tab[2]))
            blank()
            block_start = True
            continue
        marker = content.strip()
        if ">" in quote and (marker.startswith(("!!!", "???")) or (marker.startswith("===") and marker.strip("="))):
            problems.append(
                (
                    number,
                    f"{marker!r} is inside a block quote (>): the notebook cannot convert an admonition, "
                    "details or tab there; take it out of the block quote",
                )
            )
        elif stripped.startswith(("!!!", "???")) or (stripped.startswith("===") and stripped.strip("=")):
            problems.append(
                (number, f"{stripped!r} is not an admonition, details or tab line the notebook can convert")
            )
        elif not in_math:
            problems.extend((number, problem) for problem in _prose_problems(stripped))
            body = links(body, number)
        emit(_plain_code_spans(body))
        if not in_math and ">" not in quote and len(quote) < TAB_LENGTH and _is_list_item(content):
            # Python-Markdown's list item: its body is indented one tab_length past the enclosing block.
            stack.append(_Container((stack[-1].indent if stack else 0) + TAB_LENGTH, "list"))
    flush()
    if problems:
        raise NotebookError(sorted(problems, key=lambda problem: problem[0]), path)
    return cells


def _literal(text: str) -> str:
    """Text the site shows as is (a fence's `title`), escaped so that Markdown shows it as is too."""
    return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", text)


def _bold(title: str) -> str:
    """A title as a bold Markdown line (the title is Markdown, as the site reads admonition and tab titles).

    A backslash that would escape the closing `**` is doubled (the site shows a trailing backslash as is).
    """
    trailing = len(title) - len(title.rstrip("\\"))
    if trailing % 2:
        title += "\\"
    return "**" + title + "**"


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
