"""Embed discovery: which blocks of a page embed a snippet, with which options, on which lines.

A page embeds a snippet with a `snippet` fence. Whether a block is such a
fence, and what its options mean, is decided in one place only: converting
the page with the site's own Markdown extensions (read from `mkdocs.yml`) and
the `snippet` custom fence built by `snippet_fence`, the very entry the site
registers (`fence.register_fence`), so the site, the checker (`project`) and
the notebook builder (`notebooks.build`) cannot disagree.

The conversion says *what* the fences are; to say *where* they are (the lines
the notebook builder replaces by a code cell), the recorded fences are then
matched, in order and by body, with the fence openings found by scanning the
page text. A snippet-looking opening that the conversion did not record, or a
recorded fence that ends up nowhere visible (in an HTML comment, in an
indented code block), is reported as a problem of the page. A fence the site
shows inside a raw HTML block (`<details>`, `<div>`) is an embed that knows
its block (`Embed.html_block`): the notebook cannot hold a code cell inside
HTML, and says so.

A page is read once, as MkDocs reads it (`read_page`: UTF-8 with or without
a BOM, universal newlines), and turned into the text the site's Markdown
converts (`page_markdown`: front matter stripped by MkDocs' own
`meta.get_data`, whitespace normalised as Python-Markdown does, tabs
included); discovery, the checker and the notebook builder all use these
two, and every line they report is a line of the file, counted as Markdown
counts them (at `\n` only, not at U+2028 or a form feed).

Supported fence options (documented in CONTRIBUTING.md, "Embedding a snippet"):

- `source="…"`: where the source goes relative to the result: `block` (the
  default: source, then the result in a box), `above`, `below`,
  `tabbed-left` (tabs, source first), `tabbed-right` (tabs, result first);
- `title="…"`: a title over the source.

Anything else (markdown-exec's `exec`, `session`, `result`, `id`, `tabs`,
… or SuperFences' `hl_lines`, a `{ .class #id }` attribute) is a problem of
the page, named with its file and line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import markdown_exec
from markdown import util as markdown_util
from markdown.extensions.attr_list import get_attrs
from mkdocs.utils.meta import get_data
from mkdocs.utils.yaml import yaml_load
from pymdownx.superfences import RE_NESTED_FENCE_START

FENCE_NAME = "snippet"
"""The fence language that embeds a snippet."""

SOURCE_LOCATIONS = ("block", "above", "below", "tabbed-left", "tabbed-right")
"""The supported values of `source="…"` (markdown-exec's, less `console` and the deprecated `material-block`)."""

SUPPORTED_OPTIONS = ("source", "title")
"""The fence options a page may write."""

PAGE_OPTIONS = "snippet_page_options"
"""Key of the validated options, as the page wrote them, in the options SuperFences hands the formatter."""

PROBLEMS = "snippet_problems"
"""Key of the fence's problems (unsupported options) in the options SuperFences hands the formatter."""

TAB_LENGTH = 4
"""Python-Markdown's `tab_length` (MkDocs never changes it): a tab indents a block as four spaces do."""

_PREFIX = re.compile(r"[> \t]*")
_EMBED_MARK = "data-snippet-embed"
_RECORDED = re.compile(rf'<div {_EMBED_MARK}="(?P<number>\d+)"></div>')
_FIRST_TAG = re.compile(r"\s*<(?P<tag>[A-Za-z][\w-]*)")


def read_page(path: Path) -> str:
    """A page's text exactly as MkDocs reads it (`mkdocs.structure.files.File.content_string`).

    UTF-8, a byte order mark dropped (`utf-8-sig`), universal newlines
    (`\\r\\n` and `\\r` read as `\\n`). Pass the result to `page_markdown`,
    `find_embeds` or `page_cells.split_page`.

    Parameters:
        path: The page.

    Returns:
        Its text.
    """
    with path.open(encoding="utf-8-sig", errors="strict") as fh:
        return fh.read()


@dataclass(frozen=True)
class PageSource:
    """A page as the site's Markdown converts it.

    Parameters:
        markdown: What Markdown converts: the page without its front matter (MkDocs' `meta.get_data`),
            whitespace normalised as Python-Markdown's first preprocessor does (tabs expanded to
            4-column stops, whitespace-only lines emptied).
        first_line: The line of the page file (1-based) that is `markdown`'s first line.
        meta: The page's meta-data, as MkDocs reads it (`title`, …).
    """

    markdown: str
    first_line: int = 1
    meta: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def lines(self) -> list[str]:
        """`markdown`'s lines as Markdown splits them: at `\\n` only (`str.splitlines` also splits at U+2028, …)."""
        return self.markdown.split("\n")


def page_markdown(text: str) -> PageSource:
    """The text the site's Markdown converts, from a page's text (`read_page`), and where it starts in the file.

    MkDocs strips YAML front matter (`---` … `---`) or MultiMarkdown
    meta-data (`key: value` lines) and the blank lines after it
    (`mkdocs.utils.meta.get_data`, used here); Python-Markdown then
    normalises whitespace (`NormalizeWhitespace`, mirrored here: line ends,
    tabs, whitespace-only lines), so that a tab-indented line is an indented
    block to everything that reads the result.

    Parameters:
        text: The page's text.

    Returns:
        The `PageSource`.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # what reading with universal newlines does
    body, meta = get_data(text)
    if not text.endswith(body):  # get_data only ever removes a head
        raise AssertionError("mkdocs.utils.meta.get_data changed the page beyond its front matter")
    first_line = text[: len(text) - len(body)].count("\n") + 1
    body = body.replace(markdown_util.STX, "").replace(markdown_util.ETX, "")
    body = re.sub(r"(?<=\n) +\n", "\n", body.expandtabs(TAB_LENGTH))
    return PageSource(body, first_line, meta)


def validate_snippet_fence(
    language: str, inputs: dict[str, str], options: dict[str, Any], attrs: dict[str, Any], md: Any
) -> bool:
    """The `snippet` fence's validator (SuperFences' `validator`), used by the site and by discovery alike.

    Every `snippet` fence is accepted, so that an unsupported option never
    turns the fence into plain text: it is recorded instead, under
    `PROBLEMS`, for the formatter to show and for `Project.check` to report.
    The supported options are handed to markdown-exec's own validator with
    execution always on and `source="block"` by default.

    Parameters:
        language: The fence language (`snippet`).
        inputs: Fence options written in the page.
        options: Filled for the formatter: markdown-exec's options, plus `PAGE_OPTIONS` and `PROBLEMS`.
        attrs: HTML attributes (left empty: none is supported).
        md: The Markdown instance.

    Returns:
        True.
    """
    problems = []
    page_options = {}
    for key, value in inputs.items():
        if key not in SUPPORTED_OPTIONS:
            problems.append(
                f"{FENCE_NAME} fence option {key}={value!r} is not supported "
                f'(supported: source="{"|".join(SOURCE_LOCATIONS)}", title="…")'
            )
        elif key == "source" and value not in SOURCE_LOCATIONS:
            problems.append(f"{FENCE_NAME} fence option source={value!r} is not one of {', '.join(SOURCE_LOCATIONS)}")
        elif key == "title" and '"' in value:  # markdown-exec writes it back into a fence header as title="…"
            problems.append(f"{FENCE_NAME} fence option title={value!r} must not contain a double quote")
        else:
            page_options[key] = value
    exec_inputs = {"exec": "on", "source": page_options.get("source", "block")}
    if "title" in page_options:
        exec_inputs["title"] = page_options["title"]
    markdown_exec.validator(language, exec_inputs, options, attrs, md)
    options[PAGE_OPTIONS] = page_options
    options[PROBLEMS] = tuple(problems)
    return True


def snippet_fence(format_fence: Callable[..., str]) -> dict[str, Any]:
    """The SuperFences `custom_fences` entry of the `snippet` fence, around a formatter.

    The site passes markdown-exec's formatter, discovery a recorder: both get
    the same validator, and the same problems for attribute-list classes and
    ids (which reach the formatter, not the validator).

    Parameters:
        format_fence: A SuperFences formatter `(src, language, class_name, options, md, **kwargs) -> str`.

    Returns:
        The entry: name, class, validator, format.
    """

    def formatter(src: str, language: str, class_name: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
        extra = [f".{name}" for name in kwargs.get("classes") or []]
        if kwargs.get("id_value"):
            extra.append(f"#{kwargs['id_value']}")
        if extra:
            problem = f"{FENCE_NAME} fence attribute {' '.join(extra)} is not supported (no classes or ids)"
            options = {**options, PROBLEMS: (*options.get(PROBLEMS, ()), problem)}
        return format_fence(src, language, class_name, options, md, **kwargs)

    return {"name": FENCE_NAME, "class": FENCE_NAME, "validator": validate_snippet_fence, "format": formatter}


def markdown_settings(config_file: Path) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The site's Markdown extensions and their configuration, as MkDocs builds them.

    Parameters:
        config_file: The `mkdocs.yml`.

    Returns:
        The extensions (MkDocs' defaults `toc`, `tables`, `fenced_code` first) and their configs.
    """
    with config_file.open(encoding="utf-8") as fh:
        config = yaml_load(fh)
    extensions: list[Any] = ["toc", "tables", "fenced_code"]
    configs: dict[str, Any] = {}
    for item in config.get("markdown_extensions", []):
        if isinstance(item, dict):
            ((name, options),) = item.items()
            extensions.append(name)
            configs[name] = dict(options or {})
        else:
            extensions.append(item)
    return tuple(extensions), configs


@dataclass(frozen=True)
class Embed:
    """A `snippet` fence of a page, as the site reads it.

    Parameters:
        snippet: The path written in the fence, relative to `snippets/`.
        line: 1-based line of the opening fence in the page.
        end_line: 1-based line of the closing fence (the fence spans `line..end_line`).
        options: The supported options the fence sets, as written (`source`, `title`).
        html_block: The tag of the raw HTML block the site shows the fence in (`details` for a fence
            between `<details>` and `</details>`); None when it is in Markdown.
    """

    snippet: str
    line: int
    end_line: int
    options: Mapping[str, str] = field(default_factory=dict, hash=False)
    html_block: str | None = None

    @property
    def title(self) -> str | None:
        """The fence's `title`, if any."""
        return self.options.get("title")


@dataclass(frozen=True)
class PageEmbeds:
    """What discovery found in one page.

    Parameters:
        embeds: The snippet fences the page shows, in order.
        problems: `(line, message)` for each snippet fence that is broken: unsupported options,
            a fence the site runs but does not show, an opening the site does not read as a fence.
    """

    embeds: list[Embed]
    problems: list[tuple[int, str]]


@dataclass(frozen=True)
class _Opening:
    line: int  # 0-based
    end: int | None  # 0-based closing line; None when SuperFences does not read a fence here
    body: str
    why_not: str = ""  # when `end` is None: why SuperFences does not read a fence here


def _snippet_openings(lines: list[str], offset: int = 0) -> list[_Opening]:
    """Every opening of a `snippet` fence in the text, with its closing line (scanning only: no decisions).

    Walks the lines as SuperFences' preprocessor does: an open fence's body is
    not searched for openings; a fence whose header does not parse, or whose
    body is less indented than its opening, is abandoned. Lines are reported
    `offset` further on (the front matter's lines: lines of the file).
    """
    found = []
    index = 0
    while index < len(lines):
        prefix = _PREFIX.match(lines[index]).group(0)
        match = RE_NESTED_FENCE_START.match(lines[index], len(prefix))
        if match is None:
            index += 1
            continue
        lang = match["lang"]
        if lang is None and match["attrs"] is not None:
            lang = next((value for key, value in get_attrs(match["attrs"]) if key == "."), None)
        if match["unrecognized"] is not None:  # a header SuperFences cannot parse: not a fence
            if lang == FENCE_NAME:
                found.append(_Opening(index + offset, None, "", 'its options do not parse (write them as key="value")'))
            index += 1
            continue
        closing = re.compile(re.escape(match["fence"]) + r"[ \t]*$")
        end, resume, why_not = None, len(lines), "it is never closed"  # SuperFences reads the rest as its body
        for later in range(index + 1, len(lines)):
            content = lines[later][len(prefix) :] if lines[later].startswith(prefix) else None
            if content is None and lines[later].strip(" \t>"):
                # Less indented than the opening: SuperFences abandons the fence at this line.
                resume, why_not = later + 1, f"line {later + 1 + offset} is less indented than the opening fence"
                break
            if content is not None and closing.match(content):
                end, resume = later, later + 1
                break
        if lang == FENCE_NAME:
            if end is None:
                found.append(_Opening(index + offset, None, "", why_not))
            else:
                body = "\n".join(line[len(prefix) :] for line in lines[index + 1 : end])
                found.append(_Opening(index + offset, end + offset, body.strip()))
        index = resume
    return found


class _ShownMarks(HTMLParser):
    """The recorder's marks that reach the page as elements (not inside a comment, not as code text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.shown: set[int] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for key, value in attrs:
            if key == _EMBED_MARK and value is not None:
                self.shown.add(int(value))


def _html_blocks(stash: markdown_util.HtmlStash) -> dict[int, str]:
    """The raw HTML block around each recorded fence that sits in one: its tag, by the recorder's number.

    SuperFences stashes each fence's HTML and leaves a placeholder in the
    text; a raw HTML block around it is stashed in turn, placeholder included.
    """
    blocks = [block if isinstance(block, str) else "" for block in stash.rawHtmlBlocks]
    found = {}
    for index, block in enumerate(blocks):
        recorded = _RECORDED.fullmatch(block)
        if recorded is None:
            continue
        placeholder = stash.get_placeholder(index)
        around = next((other for other in blocks if placeholder in other), None)
        if around is not None:
            tag = _FIRST_TAG.match(around)
            found[int(recorded["number"])] = tag["tag"].lower() if tag else "html"
    return found


def find_embeds(text: str, extensions: tuple[Any, ...], configs: dict[str, Any]) -> PageEmbeds:
    """The snippet fences of a page, found by converting it as the site does.

    Parameters:
        text: The page's text, as MkDocs reads it (`read_page`); front matter included: lines are the file's.
        extensions: The site's Markdown extensions (`markdown_settings`).
        configs: Their configuration.

    Returns:
        The embeds (with their lines and options) and the problems of the page's snippet fences.
    """
    recorded: list[tuple[str, dict[str, Any]]] = []

    def record(src: str, language: str, class_name: str, options: dict[str, Any], md: Any, **kwargs: Any) -> str:
        recorded.append((src.strip(), options))
        return f'<div {_EMBED_MARK}="{len(recorded) - 1}"></div>'

    superfences = dict(configs.get("pymdownx.superfences", {}))
    fences = [fence for fence in superfences.get("custom_fences", []) if fence.get("name") != FENCE_NAME]
    superfences["custom_fences"] = [*fences, snippet_fence(record)]
    source = page_markdown(text)
    md = markdown.Markdown(
        extensions=list(extensions), extension_configs={**configs, "pymdownx.superfences": superfences}
    )
    html = md.convert(source.markdown)
    marks = _ShownMarks()
    marks.feed(html)
    marks.close()
    html_blocks = _html_blocks(md.htmlStash)

    openings = _snippet_openings(source.lines(), source.first_line - 1)
    embeds: list[Embed] = []
    problems: list[tuple[int, str]] = []
    cursor = 0
    for number, (snippet, options) in enumerate(recorded):
        place = next(
            (i for i in range(cursor, len(openings)) if openings[i].end is not None and openings[i].body == snippet),
            None,
        )
        if place is None:
            problems.append((0, f"{FENCE_NAME} fence {snippet!r}: the site reads it, but it was not found in the text"))
            continue
        for stray in openings[cursor:place]:
            problems.append((stray.line + 1, _stray_message(stray)))
        opening = openings[place]
        cursor = place + 1
        line = opening.line + 1
        problems.extend((line, problem) for problem in options.get(PROBLEMS, ()))
        if number not in marks.shown:
            problems.append(
                (
                    line,
                    f"{FENCE_NAME} fence {snippet!r} is inside an HTML comment or an indented code block: "
                    "the site runs it but shows nothing (delete it, or indent it under its admonition or tab)",
                )
            )
            continue
        embeds.append(
            Embed(snippet, line, opening.end + 1, dict(options.get(PAGE_OPTIONS, {})), html_blocks.get(number))
        )
    for stray in openings[cursor:]:
        problems.append((stray.line + 1, _stray_message(stray)))
    return PageEmbeds(embeds, sorted(problems, key=lambda problem: problem[0]))


def _stray_message(opening: _Opening) -> str:
    if opening.end is None:
        return f"the site does not read this {FENCE_NAME} fence as one: {opening.why_not}"
    return f"the site does not read this {FENCE_NAME} fence as one (check its indentation)"
