"""Directives and language-tagged comments."""

import pytest

from conftest import FIXTURES
from snippet_engine.running.source import (
    DirectiveError,
    display_source,
    parse_directives,
    unpaired_comments,
    untagged_prose_comments,
)

SNIPPET = """\
# snippet: output=varies timeout=5
import torch

# zh: 创建张量
# en: create a tensor
x = torch.zeros(2)
    # zh:  缩进的注释
    # en: an indented comment
# an untagged comment
print(x)
"""


def test_each_language_sees_its_own_comments_without_tags_or_directives():
    assert display_source(SNIPPET, "zh") == (
        "import torch\n\n# 创建张量\nx = torch.zeros(2)\n    #  缩进的注释\n# an untagged comment\nprint(x)\n"
    )
    assert display_source(SNIPPET, "en") == (
        "import torch\n\n# create a tensor\nx = torch.zeros(2)\n"
        "    # an indented comment\n# an untagged comment\nprint(x)\n"
    )


def test_directives_are_parsed():
    directives = parse_directives(SNIPPET)
    assert (directives.output, directives.timeout) == ("varies", 5.0)
    assert parse_directives("# snippet: expect-warning=UserWarning expect-exception=ValueError").expect_warnings == (
        "UserWarning",
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("x = 1\n# snippet: colour=red\n", "unknown directive 'colour'"),
        ("# snippet: output=sometimes\n", "output must be one of exact, device, varies, not 'sometimes'"),
        ("# snippet: timeout=soon\n", "timeout must be a number of seconds, not 'soon'"),
    ],
)
def test_bad_directives_name_their_line(text, message):
    with pytest.raises(DirectiveError) as caught:
        parse_directives(text)
    assert str(caught.value) == message
    directive_line = next(n for n, line in enumerate(text.splitlines(), start=1) if "snippet:" in line)
    assert caught.value.line == directive_line


def test_paired_comments_pass():
    assert unpaired_comments(SNIPPET) == []


def test_unpaired_zh_comment_is_found_with_its_line():
    text = (FIXTURES / "unpaired_comment.py").read_text(encoding="utf-8")
    assert unpaired_comments(text) == [(3, "'# zh:' comment has no '# en:' counterpart beside it")]


def test_pair_split_by_code_or_indentation_is_unpaired():
    assert unpaired_comments("# en: a\nx = 1\n# zh: b\n") == [
        (1, "'# en:' comment has no '# zh:' counterpart beside it"),
        (3, "'# zh:' comment has no '# en:' counterpart beside it"),
    ]
    assert len(unpaired_comments("# zh: a\n    # en: b\n")) == 2


STRING_LOOKALIKES = '''\
doc = """
# en: this line is part of a string, not a comment
# snippet: timeout=1
"""
# zh: 真正的注释
# en: a real comment
print(doc)  # zh: trailing comments are code's neighbours, left alone
'''


def test_comment_filter_works_on_comment_tokens_not_lines():
    zh = display_source(STRING_LOOKALIKES, "zh")
    assert "# en: this line is part of a string, not a comment\n# snippet: timeout=1\n" in zh
    assert "# 真正的注释\n" in zh and "a real comment" not in zh
    en = display_source(STRING_LOOKALIKES, "en")
    assert "# en: this line is part of a string" in en and "# a real comment\n" in en
    assert "真正的注释" not in en


def test_directive_and_pairing_rules_ignore_strings():
    assert parse_directives(STRING_LOOKALIKES).timeout is None
    assert unpaired_comments(STRING_LOOKALIKES) == []
    assert unpaired_comments('s = """\n# zh: 字符串里\n"""\n') == []


def test_source_is_decoded_as_cpython_decodes_it():
    from snippet_engine.running.source import read_source

    bom = read_source(FIXTURES / "bom.py")
    assert bom == 'print("saved with a BOM")\n'
    assert display_source(bom, "zh") == 'print("saved with a BOM")\n'
    assert "café" in read_source(FIXTURES / "latin1_cookie.py")


PROSE = """\
#!/usr/bin/env python
import torch  # noqa: F401

# zh: 形状是 (2, 3)
# en: the shape is (2, 3)
x = torch.ones(2, 3)  # (2, 3)
y = x.sum(dim=0)  # -> tensor([2., 2., 2.])
w = torch.zeros(3, out_channels := 4)  # (out_channels, kH, kW)
z = x * 2  # shape
b = (z - z.mean()) / z.std()  # b = (z - mean) / std
s = "# raw scores from a model"
# snippet: output=exact
logits = torch.randn(4, 10)  # 4 samples, raw scores
labels = torch.tensor([1, 0])  # 类别下标
# the values do not matter here
"""


def test_comments_shown_on_both_pages_must_be_language_neutral():
    found = untagged_prose_comments(PROSE)
    assert [line for line, _ in found] == [13, 14, 15]
    trailing_en, trailing_zh, full_en = (message for _, message in found)
    assert trailing_en.startswith("a trailing comment in English, shown on the Chinese page too: '# 4 samples")
    assert "move it to tagged lines above" in trailing_en
    assert trailing_zh.startswith("a trailing comment in Chinese, shown on the English page too")
    assert full_en.startswith("a full-line comment in English") and "tag it on its own line" in full_en


def test_the_checker_reports_untagged_prose_comments_of_shared_snippets_only(tmp_path):
    from minirepo import make_repo
    from snippet_engine.course.project import Project

    repo = make_repo(tmp_path / "repo", "x = 1  # one value, nothing more\nprint(x)\n")
    only_zh = repo / "snippets" / "ch" / "labels.zh.py"
    only_zh.write_text("print(1)  # 只在中文页上\n", encoding="utf-8")
    (repo / "docs" / "ch.zh.md").write_text(
        (repo / "docs" / "ch.zh.md").read_text(encoding="utf-8") + "\n```snippet\nch/labels.zh.py\n```\n",
        encoding="utf-8",
    )
    findings = [str(finding) for finding in Project(repo).check()]
    assert any(f.startswith("snippets/ch/hello.py:1: a trailing comment in English") for f in findings), findings
    assert not any("labels.zh.py" in f for f in findings), findings  # a zh-only snippet may speak Chinese


@pytest.mark.parametrize(
    "source, flagged",
    [
        ("import os  # noqa: F401 这里故意不用\n", "a trailing comment in Chinese"),
        ("x = 1  # type: ignore because the stub is wrong\n", "a trailing comment in English"),
        ("x = 1\n#! 注意：这里会报错\n", "a full-line comment in Chinese"),  # not a shebang: line 2
        ('"""训练一个小模型"""\nx = 1\n', "a docstring in Chinese"),
        ('def f():\n    """Return the loss of the model."""\n', "a docstring in English"),
        ("#!/usr/bin/env python\n# -*- coding: utf-8 -*-\nimport os  # noqa: F401\n", None),
        ('"""(N, C, H, W)"""\nx = 1  # type: ignore\n', None),
    ],
)
def test_pragmas_shebangs_and_docstrings_are_held_to_the_rule_where_they_carry_words(source, flagged):
    messages = [message for _, message in untagged_prose_comments(source)]
    if flagged is None:
        assert messages == []
    else:
        assert len(messages) == 1 and messages[0].startswith(flagged), messages
