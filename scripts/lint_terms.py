#!/usr/bin/env python3
"""Lint the course's terms: one word for one thing, in each language (see ../shared/GLOSSARY.md).

Usage: `python scripts/lint_terms.py [files...]` (default: every page and snippet). Prints
`file:line: found -> preferred (why)` for each finding and exits 1 if there is any.

English pages and the `# en:` comments of snippets are checked against `RULES["en"]`, Chinese
pages and `# zh:` comments against `RULES["zh"]`. A rule is a regular expression and the term
to use instead; code (fenced blocks, inline code) is not checked, since an identifier is spelt
as its library spells it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from page_prose import prose_lines  # scripts/, beside this file

REPO_ROOT = Path(__file__).resolve().parents[1]

RULES: dict[str, list[tuple[re.Pattern[str], str]]] = {  # message: `{zed}` is the match with s -> z
    "en": [
        # The object is PyTorch's (torch.optim.Optimizer, `optimizer.step()`), so its name is too; the pages had
        # mixed both. The verb keeps the pages' British spelling (optimise, initialise, standardise).
        # Any case, inside identifiers too (`optimiser_state`): `(?i)`, no word boundary at the end.
        (re.compile(r"(?i)\boptimiser"), "{zed} (PyTorch's spelling: torch.optim.Optimizer)"),
    ],
    "zh": [],
}

_TAGGED = re.compile(r"^\s*#\s*(zh|en):(.*)$")


def lint(paths: list[Path]) -> list[str]:
    """One `file:line: found -> preferred` line per term that breaks a rule.

    Parameters:
        paths: Pages (`*.zh.md`, `*.en.md`) and snippets (`*.py`).
    """
    findings = []
    for path in paths:
        name = path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path
        if path.suffix == ".py":
            checked = []
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                tagged = _TAGGED.match(line)
                if tagged:
                    checked.append((tagged[1], number, tagged[2]))
        else:
            locale = path.name.rsplit(".", 2)[-2]
            checked = [(locale, number, text) for number, text in prose_lines(path)]
        for locale, number, text in checked:
            for pattern, preferred in RULES.get(locale, []):
                for match in pattern.finditer(text):
                    zed = match[0].replace("s", "z").replace("S", "Z")
                    findings.append(f"{name}:{number}: {match[0]} -> {preferred.format(zed=zed)}")
    return findings


def main() -> int:
    paths = [Path(p).resolve() for p in sys.argv[1:]] or sorted(
        [*(REPO_ROOT / "docs").rglob("*.md"), *(REPO_ROOT / "snippets").rglob("*.py")]
    )
    paths = [path for path in paths if path.suffix == ".py" or path.name.endswith((".zh.md", ".en.md"))]
    findings = lint(paths)
    print("\n".join(findings))
    print(f"{len(paths)} pages and snippets checked, {len(findings)} term findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
