"""The Chinese prose linter finds spacing mistakes and names file and line."""

import re
import subprocess
import sys

from conftest import REPO_ROOT


def test_lint_flags_missing_space_between_chinese_and_latin(tmp_path):
    page = tmp_path / "bad.zh.md"
    page.write_text("# 标题\n\n使用PyTorch 2.13训练模型。\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "lint_zh.py"), str(page)], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert f"{page}:3: 使用PyTorch 2.13训练模型。 -> 使用 PyTorch 2.13 训练模型。" in done.stdout


def test_lint_passes_clean_prose(tmp_path):
    page = tmp_path / "good.zh.md"
    page.write_text("# 标题\n\n使用 PyTorch 2.13 训练模型。\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(REPO_ROOT / "scripts" / "lint_zh.py"), str(page)], capture_output=True)
    assert done.returncode == 0


def test_lint_asks_for_full_width_quotes_around_chinese_but_not_in_code_or_titles(tmp_path):
    page = tmp_path / "quotes.zh.md"
    page.write_text(
        '# 标题\n\n参数顺序是"输出在前"。\n\n!!! warning "标题里的引号是语法"\n\n    `print("代码里的引号")`\n\n'
        '```python\nprint("代码块")\n```\n\n“全角”引号，和 "English" 引号。\n'
        '见[首页](index.md "回到首页")和 <abbr title="张量">tensor</abbr>。\n\n[ref]: https://pytorch.org "参考资料"\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "lint_zh.py"), str(page)], capture_output=True, text=True
    )
    assert done.returncode == 1
    found = [line for line in done.stdout.splitlines() if line.startswith(str(page))]
    assert found == [f'{page}:3: "输出在前" -> “输出在前”'], done.stdout


def test_a_longer_fence_showing_a_fence_stays_code_to_its_end(tmp_path):
    # CommonMark: ```` closes only with ```` (or longer); the ``` lines inside are its content.
    page = tmp_path / "fences.zh.md"
    page.write_text(
        '# 标题\n\n````markdown\n```python\nprint("代码")\n```\n说明"仍是代码"\n````\n\n正文"要改"。\n',
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "lint_zh.py"), str(page)], capture_output=True, text=True
    )
    found = [line for line in done.stdout.splitlines() if line.startswith(str(page))]
    assert found == [f'{page}:10: "要改" -> “要改”'], done.stdout


def test_lint_checks_the_zh_comments_of_snippets_and_nothing_else_there(tmp_path):
    # The page shows a snippet's `# zh:` comments as Chinese prose: spacing, punctuation and quotes are linted;
    # the code, its strings and the `# en:` comments are not.
    snippet = tmp_path / "attention.py"
    snippet.write_text(
        "import torch\n\n"
        "# zh: 权重的形状是(批量,查询数)\n"
        "# en: the weights are (batch, queries)\n"
        'label = "批量,查询数"  # 代码里的字符串和行尾注释不检查\n'
        '    # zh: 从"开始"抽样\n'
        "# zh: 形状是 (N, C)，每行和为 1\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "lint_zh.py"), str(snippet)], capture_output=True, text=True
    )
    assert done.returncode == 1
    found = [line for line in done.stdout.splitlines() if line.startswith(str(snippet))]
    assert found == [
        f"{snippet}:3: 权重的形状是(批量,查询数) -> 权重的形状是 (批量，查询数)",
        f'{snippet}:6: "开始" -> “开始”',
    ], done.stdout


def test_the_default_run_covers_the_snippets(tmp_path):
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "lint_zh.py")], capture_output=True, text=True, cwd=tmp_path
    )
    summary = re.fullmatch(
        r"(\d+) Chinese pages and (\d+) snippets' zh comments linted, \d+ findings", done.stdout.splitlines()[-1]
    )
    assert summary and int(summary[1]) > 0 and int(summary[2]) > 0, done.stdout
