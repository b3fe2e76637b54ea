#!/usr/bin/env python3
"""Lint the course's terms: one word for one thing, in each language (see ../shared/GLOSSARY.md).

Usage: `python scripts/lint_terms.py [files...]` (default: every page and snippet). Prints
`file:line: found -> preferred (why)` for each finding and exits 1 if there is any.

English pages and the `# en:` comments of snippets are checked against `RULES["en"]`, Chinese
pages and `# zh:` comments against `RULES["zh"]`. A rule is a regular expression and the term
to use instead, and optionally a test `where(text, sentence)` that says whether a match is a finding
in that file (`text`, code included) and that sentence; code (fenced blocks, inline code) is not
checked, since an identifier is spelt as its library spells it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

from page_prose import prose_lines  # scripts/, beside this file

REPO_ROOT = Path(__file__).resolve().parents[1]

# 步长 is a tensor's stride (`Tensor.stride()`), and only that: a convolution's stride is 步幅, a slice's step 间隔,
# an optimizer update's size 更新量 and its scale 学习率. So 步长 belongs only in a file that shows tensor strides
# (`.stride()`, NumPy's `.strides`, `as_strided`, or the gloss 步长（stride）), and even there not in a sentence
# about training (学习率, 梯度, 更新, 优化, 下降, 迭代): a file about convolutions has `stride=` but none of these.
_TENSOR_STRIDES = re.compile(r"stride\(\)|\.strides\b|as_strided|步长\s*[（(]\s*stride\b")
_TRAINING = re.compile(r"学习率|梯度|更新|优化|下降|迭代")


def _not_a_tensor_stride(text: str, sentence: str) -> bool:
    return not _TENSOR_STRIDES.search(text) or bool(_TRAINING.search(sentence))


_STEP = "更新量或学习率（步长只指张量的 stride，卷积的 stride 是步幅；一次更新的大小是更新量，它的尺度是学习率）"

Rule = tuple[re.Pattern[str], str] | tuple[re.Pattern[str], str, Callable[[str, str], bool]]

RULES: dict[str, list[Rule]] = {  # message: `{zed}` is the match with s -> z
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
        # CONTRIBUTING: an optimizer's update is never 步长 or 步子; 步子 names nothing else either.
        (re.compile(r"步子"), _STEP),
        (re.compile(r"步长"), _STEP, _not_a_tensor_stride),
    ],
}
_SENTENCE_END = "。；！？!?"


def _sentence(line: str, start: int, end: int) -> str:
    """The sentence of `line` around `line[start:end]`: from the last end mark before it to the next after it."""
    first = max(line.rfind(mark, 0, start) for mark in _SENTENCE_END) + 1
    ends = [found for mark in _SENTENCE_END if (found := line.find(mark, end)) != -1]
    return line[first : min(ends, default=len(line))]


_TAGGED = re.compile(r"^\s*#\s*(zh|en):(.*)$")


def lint(paths: list[Path]) -> list[str]:
    """One `file:line: found -> preferred` line per term that breaks a rule.

    Parameters:
        paths: Pages (`*.zh.md`, `*.en.md`) and snippets (`*.py`).
    """
    findings = []
    for path in paths:
        name = path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".py":
            checked = []
            for number, line in enumerate(text.splitlines(), start=1):
                tagged = _TAGGED.match(line)
                if tagged:
                    checked.append((tagged[1], number, tagged[2]))
        else:
            locale = path.name.rsplit(".", 2)[-2]
            checked = [(locale, number, prose) for number, prose in prose_lines(path)]
        for locale, number, line in checked:
            for pattern, preferred, *where in RULES.get(locale, []):
                for match in pattern.finditer(line):
                    if where and not where[0](text, _sentence(line, match.start(), match.end())):
                        continue
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
