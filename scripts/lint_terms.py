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
    "zh": [
        # One word for a batch: the glossary's 小批量 (mini-batch) and 批量大小 (batch size), so 批量维, 一个批量,
        # 批量统计量; the pages had mixed in 批次.
        (re.compile(r"批次"), "批量（术语表：mini-batch 小批量，batch size 批量大小）"),
        (re.compile(r"局部最优[解点值]?"), "局部最小值（术语表：local minimum）"),
        # An index (a position, `x[i]`, a class index) is 索引, as indexing is. Left alone: 下 followed by 标准
        # (默认初始化下标准差), and a subscript in math notation, which is what 下标 means there: after a
        # formula ($x_i$ 的下标), beside 上标, or glossed 下标（subscript）.
        (
            re.compile(
                r"(?<!上)(?<!上标和)(?<!上标、)(?<!上标或)(?<!\$)(?<!\$ )(?<!\$的)(?<!\$ 的)"
                r"下标(?!准|（subscript|\s*\(subscript|[和、或]上标)"
            ),
            "索引（术语表：indexing 索引）",
        ),
        # 独热编码 is the encoding scheme (不需要独热编码, 独热编码是固定的); what it produces, a vector or a row
        # that softmax can come close to, is a 独热向量. Caught where the words make it a thing: counted,
        # something becomes or is not one, or 独热编码 is followed by 向量, 行 or 列.
        (
            re.compile(
                r"(?<=[一两几每]个|变成|变为|成为|接近|近似|不是)独热编码|独热编码(?=的?(?:向量|行(?!为)|列(?!表)))"
            ),
            "独热向量（独热编码是编码方式，编出来的是独热向量）",
        ),
    ],
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
