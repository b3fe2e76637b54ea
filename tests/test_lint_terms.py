"""The terms linter: one word for one thing, outside code, in pages and in tagged snippet comments."""

import subprocess
import sys

from conftest import REPO_ROOT

LINT = REPO_ROOT / "scripts" / "lint_terms.py"


def run(*paths):
    return subprocess.run([sys.executable, str(LINT), *map(str, paths)], capture_output=True, text=True)


def test_optimiser_is_flagged_in_english_prose_and_en_comments_only(tmp_path):
    page = tmp_path / "ch.en.md"
    page.write_text(
        "# Optimisers\n\nThe optimiser steps; we optimise the loss. OPTIMISER and optimiser_state too.\n\n"
        "```python\noptimiser = torch.optim.SGD(params)\n```\n\nSee `optimiser`.\n",
        encoding="utf-8",
    )
    snippet = tmp_path / "train.py"
    snippet.write_text("# zh: 优化器 optimiser\n# en: build the optimiser\noptimiser = 1\n", encoding="utf-8")
    done = run(page, snippet)
    assert done.returncode == 1
    found = [line for line in done.stdout.splitlines() if ": " in line and "->" in line]
    assert [line.split(" (")[0] for line in found] == [
        f"{page}:1: Optimiser -> Optimizer",
        f"{page}:3: optimiser -> optimizer",
        f"{page}:3: OPTIMISER -> OPTIMIZER",
        f"{page}:3: optimiser -> optimizer",
        f"{snippet}:2: optimiser -> optimizer",
    ], done.stdout


def test_clean_pages_pass(tmp_path):
    page = tmp_path / "ch.en.md"
    page.write_text("# Optimizers\n\nThe optimizer steps; we optimise the loss.\n", encoding="utf-8")
    assert run(page).returncode == 0


def findings(done):
    return [line.split(" (")[0].split("（")[0] for line in done.stdout.splitlines() if ": " in line and "->" in line]


def test_chinese_batch_is_piliang_not_pici(tmp_path):
    bad = tmp_path / "bad.zh.md"
    bad.write_text("# 标题\n\n每个批次的损失乘以样本数。\n\n保留批次维。\n", encoding="utf-8")
    good = tmp_path / "good.zh.md"
    good.write_text("# 标题\n\n每个小批量的损失乘以样本数，批量大小为 32，保留批量维。\n", encoding="utf-8")
    snippet = tmp_path / "stack.py"
    snippet.write_text(
        "# zh: 叠成一个批次\n# en: stack them into a batch\nx = 1  # 批次 in code is not checked\n", encoding="utf-8"
    )
    assert findings(run(bad)) == [f"{bad}:3: 批次 -> 批量", f"{bad}:5: 批次 -> 批量"]
    assert findings(run(snippet)) == [f"{snippet}:1: 批次 -> 批量"]
    assert run(good).returncode == 0


def test_chinese_local_minimum_is_the_glossary_term(tmp_path):
    bad = tmp_path / "bad.zh.md"
    bad.write_text("# 标题\n\n训练容易卡在局部最优上，或者一个局部最优解上。\n", encoding="utf-8")
    good = tmp_path / "good.zh.md"
    good.write_text("# 标题\n\n训练容易卡在局部最小值（local minimum）上。\n", encoding="utf-8")
    assert findings(run(bad)) == [f"{bad}:3: 局部最优 -> 局部最小值", f"{bad}:3: 局部最优解 -> 局部最小值"]
    assert run(good).returncode == 0


def test_chinese_index_is_suoyin_but_a_subscript_and_xia_biaozhun_pass(tmp_path):
    bad = tmp_path / "bad.zh.md"
    bad.write_text("# 标题\n\n负数下标从末尾数起；目标是类别下标。\n\n以下标为种子。\n", encoding="utf-8")
    good = tmp_path / "good.zh.md"
    good.write_text(
        "# 标题\n\n负数索引从末尾数起。默认初始化下标准差逐层变小，这种设置下标准化也没用。\n\n"
        "$h_t$ 的下标 $t$ 是时间步，$W_{ih}$的下标说明它连接哪两层；上标和下标都是记号，"
        "上下标不是张量的索引。下标（subscript）写在右下方。\n",
        encoding="utf-8",
    )
    assert findings(run(bad)) == [f"{bad}:3: 下标 -> 索引", f"{bad}:3: 下标 -> 索引", f"{bad}:5: 下标 -> 索引"]
    assert run(good).returncode == 0, run(good).stdout


def test_chinese_one_hot_vector_is_a_vector_and_the_scheme_stays_an_encoding(tmp_path):
    bad = tmp_path / "bad.zh.md"
    bad.write_text(
        "# 标题\n\nsoftmax 几乎变成独热编码。\n\n每个字符是一个独热编码。\n\n"
        "独热编码的行给出同样的损失，独热编码向量也一样。\n",
        encoding="utf-8",
    )
    good = tmp_path / "good.zh.md"
    good.write_text(
        "# 标题\n\n最简单的表示是独热编码（one-hot）：每个字符变成一个独热向量。目标是类别索引，不需要独热编码；"
        "独热编码是固定的，独热编码的行为也很简单。softmax 会接近独热向量。\n",
        encoding="utf-8",
    )
    snippet = tmp_path / "loss.py"
    snippet.write_text("# zh: 目标不是独热编码\n# en: the target is not one-hot\n", encoding="utf-8")
    assert findings(run(bad)) == [
        f"{bad}:3: 独热编码 -> 独热向量",
        f"{bad}:5: 独热编码 -> 独热向量",
        f"{bad}:7: 独热编码 -> 独热向量",
        f"{bad}:7: 独热编码 -> 独热向量",
    ]
    assert findings(run(snippet)) == [f"{snippet}:1: 独热编码 -> 独热向量"]
    assert run(good).returncode == 0, run(good).stdout


def test_chinese_buchang_is_only_a_tensor_stride(tmp_path):
    # An optimizer's step is 更新量 or 学习率: 步子 anywhere, 步长 in a file that shows no tensor strides, and 步长 in
    # a sentence about training even in a file that does.
    bad = tmp_path / "bad.zh.md"
    bad.write_text(
        "# 标题\n\n学习率决定步长的大小，步子太大就会发散。\n\n每次迭代走的步长是学习率乘以梯度。\n\n"
        "卷积的步长为 2。\n\n```python\nnn.Conv2d(1, 1, 3, stride=2)\n```\n",
        encoding="utf-8",
    )
    strides = tmp_path / "strides.zh.md"
    strides.write_text(
        "# 标题\n\n步长（stride）说明换一行要跳过几个元素。转置只是换了步长。\n\n梯度下降时不要把更新量叫作步长。\n",
        encoding="utf-8",
    )
    snippet = tmp_path / "conv.py"
    snippet.write_text(
        "# zh: 步长为 2 的卷积\n# en: a convolution with stride 2\nconv = Conv2d(1, 1, 3, stride=2)\n", encoding="utf-8"
    )
    good = tmp_path / "good.zh.md"
    good.write_text(
        "# 标题\n\n形状为 $(2, 3)$ 的张量，步长是 $(3, 1)$，用 `x.stride()` 查看；`as_strided` 手工指定步长。\n\n"
        "学习率决定每一步的更新量。卷积的步幅为 2。\n",
        encoding="utf-8",
    )
    good_snippet = tmp_path / "strides.py"
    good_snippet.write_text(
        "x = torch.arange(6).reshape(2, 3)\n"
        "# zh: 换一行跳过 3 个元素：步长是 (3, 1)\n# en: a new row skips 3: strides (3, 1)\nprint(x.stride())\n",
        encoding="utf-8",
    )
    assert findings(run(bad)) == [
        f"{bad}:3: 步子 -> 更新量或学习率",
        f"{bad}:3: 步长 -> 更新量或学习率",
        f"{bad}:5: 步长 -> 更新量或学习率",
        f"{bad}:7: 步长 -> 更新量或学习率",
    ]
    assert findings(run(strides)) == [f"{strides}:5: 步长 -> 更新量或学习率"]
    assert findings(run(snippet)) == [f"{snippet}:1: 步长 -> 更新量或学习率"]
    assert run(good, good_snippet).returncode == 0, run(good, good_snippet).stdout
