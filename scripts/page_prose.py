"""A Markdown page's prose lines, for the linters (`lint_zh.py`, `lint_terms.py`): code left out.

One reading shared by both linters. A fenced block opens with three or more backticks or
tildes and closes only with a fence of the same character at least as long (CommonMark), so
a ```` block that shows a ``` fence stays code to its end. Inline code spans are removed
from the lines kept.
"""

from __future__ import annotations

import re
from pathlib import Path

_FENCE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+).*?\1")


def prose_lines(path: Path) -> list[tuple[int, str]]:
    """`(line number, text)` of each line of a page outside fenced code, inline code removed.

    Parameters:
        path: A Markdown page (UTF-8).

    Raises:
        OSError, UnicodeDecodeError: When the page cannot be read as UTF-8.
    """
    lines: list[tuple[int, str]] = []
    open_fence = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        found = _FENCE.match(line)
        if open_fence:
            fence = found["fence"] if found else ""
            if (
                fence
                and fence[0] == open_fence[0]
                and len(fence) >= len(open_fence)
                and not line[found.end() :].strip()
            ):
                open_fence = ""
            continue
        if found:
            open_fence = found["fence"]
            continue
        lines.append((number, _INLINE_CODE.sub("", line)))
    return lines
