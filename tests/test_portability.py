"""Records that hold on any CPU: runs under another CPU's numerics, drift messages naming both environments,
`--update` measuring what varies, the note the reader sees, and the drift report of the release canary."""

import json
import re

import pytest
from test_frontends import run_checker

from conftest import read_html
from minirepo import make_repo
from snippet_engine.output.render import render_result
from snippet_engine.running.result import SnippetResult

# The last bits of a long float32 sum (which move with the kernels and the threads), amplified by a chaotic
# map, as a few epochs of training amplify them.
CHAOTIC = """\
import torch

torch.manual_seed(0)
s = torch.randn(100_000).sum().item()
x = abs(s) % 1
for _ in range(60):
    x = 3.9 * x * (1 - x)
print(f"x after 60 steps: {x:.3f}")
print("x stays in (0, 1):", 0 < x < 1)
"""


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "repo", CHAOTIC, name="chaos.py")


def test_update_measures_the_varying_number_and_the_check_then_holds_under_other_numerics(repo):
    updated = run_checker(repo, "--update", "--no-notebooks")
    assert updated.returncode == 0, updated.stdout + updated.stderr
    info = json.loads((repo / "snippets/ch/records.json").read_text())["chaos.py"]
    assert info["recorded"]["threads"] == 1 and info["recorded"]["hash_seed"] == 0
    assert info["recorded"]["torch"].startswith("2.")
    # The chaotic number varies; the conclusion on line 2 is compared exactly.
    assert list(info["varies"]) == ["1:2"]  # the second number of line 1 (the first is "60")
    low, high = info["varies"]["1:2"]
    assert 0 <= low < high <= 1
    other = run_checker(repo, "--numerics", "isa=sse,threads=2,hash-seed=5", "--no-notebooks")
    assert other.returncode == 0, other.stdout + other.stderr
    assert "numerics: isa=sse,threads=2,hash-seed=5 (records are compared, never written)" in other.stderr


def test_drift_names_both_environments_skips_the_notebooks_and_says_what_to_do_once(repo):
    (repo / "snippets/ch/chaos.out").write_text("x after 60 steps: 2.000\nx stays in (0, 1): True\n")
    (repo / "snippets/ch/records.json").write_text(
        '{"chaos.py": {"recorded": {"torch": "2.13.0", "cpu": "AVX2", "threads": 1, "hash_seed": 0}}}\n'
    )
    drift = run_checker(repo, "--numerics", "isa=sse")
    assert drift.returncode == 1
    assert (
        "snippets/ch/chaos.py: output differs from snippets/ch/chaos.out: recorded on AVX2 with 1 thread "
        "(torch 2.13.0), this run DEFAULT with 1 thread (torch 2." in drift.stdout
    )
    assert "notebook" not in drift.stdout.split("=== snippets/ch/chaos.py: drift")[1].split("snippet ")[0]
    assert drift.stdout.count("1 record drifted") == 1 and "`--update` would rewrite the records" in drift.stdout
    assert drift.stdout.rstrip().splitlines()[-1] == "0 passed, 1 failed"  # no notebook ran
    assert "0 notebooks" in drift.stdout


def test_update_refuses_other_numerics_and_bad_specs_are_usage_errors(repo):
    refused = run_checker(repo, "--update", "--numerics", "threads=2")
    assert refused.returncode == 2 and "--update writes records under the reference numerics" in refused.stderr
    bad = run_checker(repo, "--numerics", "isa=avx1024")
    assert bad.returncode == 2 and "isa must be one of native, avx512, avx2, sse" in bad.stderr


def test_not_portable_output_fails_the_update_with_the_line(tmp_path):
    # A vocabulary built from a set, as Karpathy's min-char-rnn does: its order follows the hash seed.
    body = "words = 'the cat sat on the mat with a hat and a bat'.split()\nprint('vocabulary:', list(set(words)))\n"
    repo = make_repo(tmp_path / "repo", body, name="s.py")
    done = run_checker(repo, "--update", "--no-notebooks")
    assert done.returncode == 1
    assert "not-portable" in done.stdout
    assert 'line 1 of the output changes with the hash seed alone (hash-seed=1): "vocabulary: [' in done.stdout
    # The refused record is put back as it was, so that a later check cannot pass it unmeasured.
    assert (repo / "snippets/ch/s.out").read_text() == "hello\n"
    assert not (repo / "snippets/ch/records.json").exists()


def test_a_record_without_its_entry_and_an_entry_without_its_snippet_fail(repo):
    assert run_checker(repo, "--update", "--no-notebooks").returncode == 0
    records = repo / "snippets/ch/records.json"
    entry = json.loads(records.read_text())["chaos.py"]
    records.write_text(json.dumps({"ghost.py": entry}) + "\n")
    done = run_checker(repo, "--no-notebooks")
    assert done.returncode == 1
    assert "snippets/ch/chaos.py: no entry in records.json beside it; run with --update" in done.stdout
    assert "snippets/ch/records.json:1: entry for ghost.py, which does not exist" in done.stdout


REPORT_PAGE = "# Ch\n\n```snippet\nch/moved.py\n```\n\n```snippet\nch/warns.py\n```\n\n```snippet\nch/fails.py\n```\n"


def test_report_sorts_moved_records_new_warnings_and_failures_per_chapter(tmp_path):
    repo = make_repo(tmp_path / "repo", "print('w: 2.10')\n", name="moved.py")
    (repo / "snippets/ch/moved.out").write_text("w: 2.00\n")
    (repo / "snippets/ch/warns.py").write_text("import warnings\n\nwarnings.warn('x is deprecated', FutureWarning)\n")
    (repo / "snippets/ch/warns.out").write_text("")
    (repo / "snippets/ch/fails.py").write_text("raise RuntimeError('gone in this release')\n")
    (repo / "snippets/ch/fails.out").write_text("")
    for locale in ("zh", "en"):
        (repo / f"docs/ch.{locale}.md").write_text(REPORT_PAGE)
    done = run_checker(repo, "--report", "reports/drift.md")
    assert done.returncode == 1
    report = (repo / "reports/drift.md").read_text()
    assert report.startswith("# Drift report: torch 2.")
    assert "3 snippets: 0 as recorded, 1 records moved, 1 newly warn, 1 fail" in report
    assert "| ch | 3 | 1 | 1 | 1 |" in report
    moved = report.index("### Records that moved")
    warns = report.index("### Snippets that newly warn")
    fails = report.index("### Snippets that fail")
    assert moved < report.index("snippets/ch/moved.py", moved) < warns
    assert "FutureWarning: x is deprecated" in report[warns:fails]
    assert "RuntimeError: gone in this release" in report[fails:]
    assert "-w: 2.00" in report and "+w: 2.10" in report


def test_an_output_whose_digits_vary_says_so_in_both_languages():
    result = SnippetResult("snippets/ch/a.py", output="loss 0.19\n")
    assert "数字随 CPU 与线程数而变" in render_result(result, "zh", digits_vary=True)
    assert "digits vary with CPU and threads" in render_result(result, "en", digits_vary=True)
    assert "vary" not in render_result(result, "en")


def test_the_built_site_marks_the_varying_outputs_and_only_those(site_dir):
    zh = read_html(site_dir / "advanced/23-cnn-advanced/index.html")
    en = read_html(site_dir / "en/advanced/23-cnn-advanced/index.html")
    assert "数字随 CPU 与线程数而变" in zh and "digits vary with CPU and threads" in en
    assert "digits vary" not in read_html(site_dir / "en/tensors/02-tensor-creation/index.html")
    notebook = json.loads(next((site_dir / "advanced/23-cnn-advanced").rglob("*.ipynb")).read_text())
    notes = [cell for cell in notebook["cells"] if re.search("数字随 CPU", "".join(cell["source"]))]
    assert notes and all(cell["cell_type"] == "markdown" for cell in notes)


def test_a_sampled_prefix_that_matches_no_line_is_refused(tmp_path):
    repo = make_repo(tmp_path / "repo", "# snippet: sampled=samples\nprint('hello')\n", name="s.py")
    done = run_checker(repo, "--update", "--no-notebooks")
    assert done.returncode == 1
    assert "sampled=samples: no line of the output starts with it" in done.stdout
