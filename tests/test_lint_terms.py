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
