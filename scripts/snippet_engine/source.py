"""Reading a snippet's source: directives and language-tagged comments.

A snippet may carry hidden directive lines (`# snippet: key=value`) and
comments for one language only (`# zh: ...`, `# en: ...`). Neither changes
execution: both pages show the same run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LANGUAGES = ("zh", "en")
_TAGGED = re.compile(r"^(?P<indent>[ \t]*)#[ \t]*(?P<lang>zh|en):[ \t]?(?P<text>.*)$")
_DIRECTIVE = re.compile(r"^[ \t]*#[ \t]*snippet:[ \t]*(?P<body>.*)$")
OUTPUT_MODES = ("exact", "device", "varies")


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
    """

    expect_warnings: tuple[str, ...] = ()
    expect_exception: str | None = None
    timeout: float | None = None
    output: str = "exact"
    lines: tuple[int, ...] = field(default=(), compare=False)


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
    for number, line in enumerate(text.splitlines(), start=1):
        match = _DIRECTIVE.match(line)
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
            else:
                raise DirectiveError(number, f"unknown directive {key!r}")
    return Directives(tuple(warnings), exception, timeout, output, tuple(lines))


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
    for line in text.splitlines():
        if _DIRECTIVE.match(line):
            continue
        match = _TAGGED.match(line)
        if match:
            if match["lang"] != locale:
                continue
            line = f"{match['indent']}# {match['text']}".rstrip()
        shown.append(line)
    return "\n".join(shown).strip("\n") + "\n"


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

    for number, line in enumerate(text.splitlines(), start=1):
        match = _TAGGED.match(line)
        if match and (not group or group[-1][1] == match["indent"]):
            group.append((number, match["indent"], match["lang"]))
            continue
        close_group()
        if match:
            group.append((number, match["indent"], match["lang"]))
    close_group()
    return problems
