"""The Chinese prose linter finds spacing mistakes and names file and line."""

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
