#!/usr/bin/env python3
"""Lint the Chinese text: autocorrect (中文文案排版指北: spacing, punctuation), and full-width quotes.

Usage: `python scripts/lint_zh.py [files...]` (default: every `docs/**/*.zh.md` and every snippet's
`# zh:` comments, `snippets/**/*.py`). Prints `file:line: old -> new` for each finding and exits 1
if there is any. In a snippet only the text of its `# zh:` comments is linted, each as a line of
Chinese prose (the page shows it beside the code): the code and the `# en:` comments are left alone.

autocorrect leaves ASCII double quotes alone, and chapters had drifted: some quoted Chinese
text with "…", others with “…”. The second rule asks for “…” around any quoted text that holds
a Chinese character, outside code (fenced blocks, inline code) and outside the Markdown syntax
that needs ASCII quotes (an admonition's or a content tab's title: `!!! warning "标题"`).
"""

import re
import sys
from pathlib import Path

import autocorrect_py
from page_prose import prose_lines  # scripts/, beside this file

REPO_ROOT = Path(__file__).resolve().parents[1]


_ZH_COMMENT = re.compile(r"^\s*#\s*zh:(.*)$")


def zh_comments(path: Path) -> list[tuple[int, str]]:
    """`(line number, text)` of each `# zh:` comment of a snippet, the text after `zh:`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(number, found[1]) for number, line in enumerate(lines, start=1) if (found := _ZH_COMMENT.match(line))]


def lint(paths: list[Path]) -> list[str]:
    """One `file:line: old -> new` line per autocorrect finding.

    Parameters:
        paths: Chinese pages (the whole page, as autocorrect reads Markdown) and snippets (their `# zh:` comments).
    """
    findings = []
    for path in paths:
        name = path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path
        if path.suffix == ".py":
            for number, text in zh_comments(path):
                fixed = autocorrect_py.format(text)
                if fixed != text:
                    findings.append(f"{name}:{number}: {text.strip()} -> {fixed.strip()}")
            continue
        result = autocorrect_py.lint_for(path.read_text(encoding="utf-8"), str(path))
        for line in result.lines:
            findings.append(f"{name}:{line.line}: {line.old.strip()} -> {line.new.strip()}")
    return findings


_TITLE_SYNTAX = re.compile(r'^(\s*(?:!!!|\?\?\?\+?|===\+?)[^"\n]*)"[^"\n]*"')
_ASCII_QUOTED = re.compile(r'"([^"\n]*)"')
_SYNTAX_QUOTES = re.compile(r'\]\([^)\s]*\s+"[^"\n]*"\)|^\s*\[[^\]]+\]:\s*\S+\s+"[^"\n]*"|\b[\w-]+="[^"\n]*"')
"""ASCII quotes Markdown or HTML needs: a link's title `[a](b "title")`, a reference definition's, an attribute."""
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def ascii_quotes(paths: list[Path]) -> list[str]:
    """One `file:line: "…" -> “…”` line per ASCII-quoted text holding a Chinese character.

    Parameters:
        paths: Chinese pages and snippets (their `# zh:` comments).
    """
    findings = []
    for path in paths:
        name = path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path
        for number, line in zh_comments(path) if path.suffix == ".py" else prose_lines(path):
            text = _TITLE_SYNTAX.sub(lambda match: match[1], line)
            text = _SYNTAX_QUOTES.sub("", text)
            for quoted in _ASCII_QUOTED.finditer(text):
                if _CJK.search(quoted[1]):
                    findings.append(f"{name}:{number}: {quoted[0]} -> “{quoted[1]}”")
    return findings


def main() -> int:
    paths = [Path(p).resolve() for p in sys.argv[1:]] or [
        *sorted((REPO_ROOT / "docs").rglob("*.zh.md")),
        *sorted((REPO_ROOT / "snippets").rglob("*.py")),
    ]
    findings = lint(paths) + ascii_quotes(paths)
    print("\n".join(findings))
    pages = sum(path.suffix != ".py" for path in paths)
    print(f"{pages} Chinese pages and {len(paths) - pages} snippets' zh comments linted, {len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
