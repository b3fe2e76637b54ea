#!/usr/bin/env python3
"""Lint the Chinese pages with autocorrect (中文文案排版指北: spacing, punctuation).

Usage: `python scripts/lint_zh.py [files...]` (default: every `docs/**/*.zh.md`).
Prints `file:line: old -> new` for each finding and exits 1 if there is any.
"""

import sys
from pathlib import Path

import autocorrect_py

REPO_ROOT = Path(__file__).resolve().parents[1]


def lint(paths: list[Path]) -> list[str]:
    """One `file:line: old -> new` line per autocorrect finding."""
    findings = []
    for path in paths:
        result = autocorrect_py.lint_for(path.read_text(encoding="utf-8"), str(path))
        for line in result.lines:
            name = path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path
            findings.append(f"{name}:{line.line}: {line.old.strip()} -> {line.new.strip()}")
    return findings


def main() -> int:
    paths = [Path(p).resolve() for p in sys.argv[1:]] or sorted((REPO_ROOT / "docs").rglob("*.zh.md"))
    findings = lint(paths)
    print("\n".join(findings))
    print(f"{len(paths)} Chinese pages linted, {len(findings)} findings")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
