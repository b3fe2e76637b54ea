"""Directives and language-tagged comments."""

import pytest

from conftest import FIXTURES
from snippet_engine.source import DirectiveError, display_source, parse_directives, unpaired_comments

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
