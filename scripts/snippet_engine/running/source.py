"""Reading a snippet's source: directives and language-tagged comments.

A snippet may carry hidden directive lines (`# snippet: key=value`) and
comments for one language only (`# zh: ...`, `# en: ...`). Neither changes
execution: both pages show the same run.

Source is decoded as CPython decodes it (`read_source`: BOM, coding cookie), and
both kinds of line are found among the *comment tokens* (`tokenize`), so a
line that looks like one inside a string is left alone: the program shown is
the program that ran.
"""

from __future__ import annotations

import functools
import importlib.util
import io
import re
import tokenize
from dataclasses import dataclass, field
from pathlib import Path

LANGUAGES = ("zh", "en")
_TAGGED = re.compile(r"^(?P<indent>[ \t]*)#[ \t]*(?P<lang>zh|en):[ \t]?(?P<text>.*)$")
_DIRECTIVE = re.compile(r"^[ \t]*#[ \t]*snippet:[ \t]*(?P<body>.*)$")
OUTPUT_MODES = ("exact", "device", "varies")


def decode_source(source: bytes) -> str:
    """Text of a Python source file, decoded as CPython decodes it for `python x.py`.

    Parameters:
        source: The file's bytes.

    Returns:
        The text: UTF-8 by default, a BOM removed, a PEP 263 coding cookie honoured,
        newlines universal.

    Raises:
        SyntaxError: For an unknown or contradictory encoding declaration (as CPython).
        UnicodeDecodeError: When the bytes are not in the declared encoding.
    """
    return importlib.util.decode_source(source)


def read_source(path: Path) -> str:
    """A snippet's text for display and checks: decoded as CPython decodes it (`decode_source`).

    A file CPython would refuse to decode (no coding cookie and not UTF-8, an unknown
    encoding) is read as UTF-8 with replacement characters instead: running it
    reports Python's own `SyntaxError`, and the page and the checks still work.

    Parameters:
        path: The snippet file.

    Returns:
        Its text, universal newlines, no BOM.

    Raises:
        OSError: When the file cannot be read.
    """
    data = path.read_bytes()
    try:
        return decode_source(data)
    except (SyntaxError, UnicodeDecodeError):
        return data.decode("utf-8", "replace").removeprefix("\ufeff")


def physical_lines(text: str) -> list[str]:
    """The lines of decoded source as Python numbers them: only a newline ends a line.

    `str.splitlines` also splits at U+2028, a form feed or a vertical tab, which
    Python keeps inside a line (a string literal, a page break): line numbers
    counted that way drift from the ones tracebacks and the tokenizer give.

    Parameters:
        text: Source with universal newlines (as `decode_source` returns it).

    Returns:
        The lines, without their newline characters.
    """
    lines = text.split("\n")
    return lines[:-1] if text.endswith("\n") else lines


def comment_lines(text: str) -> dict[int, str]:
    """The lines that hold nothing but a comment, found by Python's tokenizer.

    Parameters:
        text: Python source.

    Returns:
        Line number (1-based) -> the comment token's text. For source the tokenizer
        rejects (it cannot run either), every line whose first non-blank
        character is `#` counts, as the best guess left.
    """
    comments = _comment_tokens(text)
    if comments is None:
        return {n: line.strip() for n, line in enumerate(physical_lines(text), 1) if line.lstrip().startswith("#")}
    return {line: comment for line, comment, full_line, _ in comments if full_line}


@functools.lru_cache(maxsize=2048)
def _comment_tokens(text: str) -> tuple[tuple[int, str, bool, str], ...] | None:
    """Every comment token of `text`: (line, text, whether it is alone on its line, the physical line).

    None when the tokenizer rejects the source. Cached: a build reads each snippet's comments
    several times (pairing, directives, the shown source, the prose-comment rule).
    """
    found = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                full_line = not token.line[: token.start[1]].strip()
                found.append((token.start[0], token.string, full_line, token.line))
    except (tokenize.TokenError, SyntaxError):
        return None
    return tuple(found)


class DirectiveError(ValueError):
    """A `# snippet:` line that cannot be understood."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class Directives:
    """What a snippet declares about itself.

    Parameters:
        expect_warnings: Warning categories (class names) the lesson is about: they must occur.
        expect_exception: Exception class name the script is meant to end with.
        timeout: Seconds before the run is killed (None: the engine's default).
        output: How `.out` is compared: `exact` (numbers within tolerance),
            `device` (only on CPU runs), `varies` (numbers masked).
        sampled: Line prefixes (`sampled=samples:`) of output lines that show text sampled from a trained model:
            its words change with the CPU's numerics, so only the prefix is compared (see `records`).
    """

    expect_warnings: tuple[str, ...] = ()
    expect_exception: str | None = None
    timeout: float | None = None
    output: str = "exact"
    lines: tuple[int, ...] = field(default=(), compare=False)
    sampled: tuple[str, ...] = ()


def parse_directives(text: str) -> Directives:
    """Read the `# snippet:` lines of a snippet.

    Parameters:
        text: The snippet source.

    Returns:
        The declared directives.

    Raises:
        DirectiveError: For an unknown key or a bad value, with its line.
    """
    warnings: list[str] = []
    exception: str | None = None
    timeout: float | None = None
    output = "exact"
    lines: list[int] = []
    sampled: list[str] = []
    for number, comment in sorted(comment_lines(text).items()):
        match = _DIRECTIVE.match(comment)
        if not match:
            continue
        lines.append(number)
        for item in match["body"].split():
            key, _, value = item.partition("=")
            if not value:
                raise DirectiveError(number, f"directive {item!r} needs key=value")
            if key == "expect-warning":
                warnings.append(value)
            elif key == "expect-exception":
                exception = value
            elif key == "timeout":
                try:
                    timeout = float(value)
                except ValueError:
                    raise DirectiveError(number, f"timeout must be a number of seconds, not {value!r}") from None
            elif key == "output":
                if value not in OUTPUT_MODES:
                    raise DirectiveError(number, f"output must be one of {', '.join(OUTPUT_MODES)}, not {value!r}")
                output = value
            elif key == "sampled":
                sampled.append(value)
            else:
                raise DirectiveError(number, f"unknown directive {key!r}")
    return Directives(tuple(warnings), exception, timeout, output, tuple(lines), tuple(sampled))


def display_source(text: str, locale: str) -> str:
    """The source as a page in `locale` shows it.

    Directive lines are dropped, comments tagged for the other language are
    dropped, and this language's tag is removed (`# zh: 注释` -> `# 注释`).

    Parameters:
        text: The snippet source.
        locale: `zh` or `en`.

    Returns:
        The source to display.
    """
    shown: list[str] = []
    comments = comment_lines(text)
    for number, line in enumerate(physical_lines(text), start=1):
        if number not in comments:
            shown.append(line)
            continue
        if _DIRECTIVE.match(line):
            continue
        match = _TAGGED.match(line)
        if match:
            if match["lang"] != locale:
                continue
            line = f"{match['indent']}# {match['text']}".rstrip()
        shown.append(line)
    return "\n".join(shown).strip("\n") + "\n"


_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_WORD = re.compile(r"(?:[a-z]{2,}|[A-Z][a-z]+)[,.;:!?)]*")
_PRAGMA = re.compile(
    r"^#\s*(?:noqa(?::\s*[A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)?|type:\s*\S+|fmt:\s*\S+|pragma:?\s*[\w-]+)"
)
"""A tool's pragma at a comment's start (`# noqa: F401`, `# type: ignore`): exempt, but not the words after it."""
_CODING = re.compile(r"^#.*?coding[:=]")


def prose_words(comment: str) -> int:
    """How many English words a comment's text holds: whitespace-separated tokens that are only letters.

    `x.grad`, `torch.Size([2,`, `out_channels`, `kH` or `->` are not words; `raw`, `scores,` and
    `Model.` are.

    Parameters:
        comment: A comment token's text, `#` included.
    """
    return sum(1 for token in comment.lstrip("#").split() if _WORD.fullmatch(token))


def _docstrings(text: str) -> list[tuple[int, str]]:
    """`(line, text)` of each docstring: a module's, a class's or a function's first statement string."""
    import ast

    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return []
    found = []
    for node in ast.walk(tree):  # the module first, then every class and function
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                found.append((first.lineno, first.value.value))
    return sorted(found)


def _is_prose(comment: str) -> bool:
    """Two English words or more, making at least half of the comment's tokens (a formula such as
    `# w * (h - mean) / std` names variables but is not prose)."""
    words = prose_words(comment)
    return words >= 2 and 2 * words >= len(comment.lstrip("#").split())


def untagged_prose_comments(text: str) -> list[tuple[int, str]]:
    """Comments shown on both languages' pages that are written in one language.

    A comment that is not tagged `# zh:` / `# en:` (a trailing comment never is: a tag
    must start its line) is shown on both pages, so it must be language-neutral: no
    Chinese character, and not English prose, i.e. two words or more making at least half
    of its tokens (`# (4, 3)`, `# -> tensor([1., 2.])`, `# shape`, `# w * (h - mean) / std`
    are neutral; `# raw scores from a model` is English prose). Directives, a shebang on
    line 1 and a coding cookie on lines 1–2 are exempt; a tool's pragma (`# noqa: F401`,
    `# type: ignore`) is, but not the words after it. A docstring is shown on both pages
    too, and is held to the same rule.

    Parameters:
        text: The snippet source (of a snippet shown on both pages).

    Returns:
        `(line, message)` for each such comment.
    """
    problems: list[tuple[int, str]] = []
    comments = _comment_tokens(text)
    if comments is None:
        return problems  # the run reports the syntax error at its line
    tag_it = "tag it on its own line (# zh: … and # en: …)"
    move_it = "move it to tagged lines above (# zh: … and # en: …), or make it language-neutral"
    use_tags = "use tagged comments (# zh: … and # en: …) instead"
    for line, comment, full_line, physical in comments:
        if full_line and (_TAGGED.match(physical.rstrip("\r\n")) or _DIRECTIVE.match(comment)):
            continue
        if (line == 1 and comment.startswith("#!")) or (line <= 2 and _CODING.match(comment)):
            continue  # a shebang, a coding cookie (PEP 263): only where Python reads them
        comment = "# " + _PRAGMA.sub("", comment).lstrip("#").strip()
        where, fix = ("a full-line comment", tag_it) if full_line else ("a trailing comment", move_it)
        if _CJK.search(comment):
            problems.append((line, f"{where} in Chinese, shown on the English page too: {comment!r}: {fix}"))
        elif _is_prose(comment):
            problems.append((line, f"{where} in English, shown on the Chinese page too: {comment!r}: {fix}"))
    for line, docstring in _docstrings(text):
        if _CJK.search(docstring):
            problems.append(
                (line, f"a docstring in Chinese, shown on the English page too: {docstring[:40]!r}: {use_tags}")
            )
        elif _is_prose(docstring):
            problems.append(
                (line, f"a docstring in English, shown on the Chinese page too: {docstring[:40]!r}: {use_tags}")
            )
    return sorted(problems)


def unpaired_comments(text: str) -> list[tuple[int, str]]:
    """Tagged comments without their other-language counterpart beside them.

    Consecutive tagged comment lines at the same indentation form a group; a
    group must hold at least one line of each language.

    Parameters:
        text: The snippet source.

    Returns:
        `(line, message)` for each group missing a language.
    """
    problems: list[tuple[int, str]] = []
    group: list[tuple[int, str, str]] = []  # (line, indent, lang)

    def close_group() -> None:
        if group:
            present = {lang for _, _, lang in group}
            for missing in LANGUAGES:
                if missing not in present:
                    first_line = group[0][0]
                    other = next(iter(present))
                    problems.append((first_line, f"'# {other}:' comment has no '# {missing}:' counterpart beside it"))
        group.clear()

    comments = comment_lines(text)
    for number, line in enumerate(physical_lines(text), start=1):
        match = _TAGGED.match(line) if number in comments else None
        if match and (not group or group[-1][1] == match["indent"]):
            group.append((number, match["indent"], match["lang"]))
            continue
        close_group()
        if match:
            group.append((number, match["indent"], match["lang"]))
    close_group()
    return problems
