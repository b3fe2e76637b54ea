"""Executing chapter notebooks: a temporary directory, outputs held to the records, leaked state named.

Each test builds a one-page course in tmp_path whose snippets come with
hand-written records and results (no engine run), writes its notebook and runs
it through `run_notebooks`, as the checker does.
"""

import base64
import functools
import hashlib
import http.server
import os
import shutil
import struct
import subprocess
import sys
import threading

import nbformat
import pytest

from conftest import REPO_ROOT
from minirepo import tiny_png_base64
from snippet_engine import Engine
from snippet_engine.course.project import Page, Project
from snippet_engine.notebooks.build import EMBED_LIMIT, LOCAL_FILES, METADATA_KEY, build_notebook, write_notebooks
from snippet_engine.notebooks.run import NotebookRun, run_notebooks
from snippet_engine.running.result import Figure, SnippetResult

FIGURE = Figure(png_base64=tiny_png_base64(), width=300, height=200)


def make_course(root, snippets, files=None):
    """A course whose one page (both languages) embeds `snippets` ({file name: (source, record)}) in order."""
    (root / "docs" / "ch").mkdir(parents=True)
    (root / "snippets" / "ch").mkdir(parents=True)
    page = "# Chapter\n\nProse.\n\n" + "".join(f"```snippet\nch/{name}\n```\n\n" for name in snippets)
    for locale in ("zh", "en"):
        (root / "docs" / "ch" / f"01-first.{locale}.md").write_text(page, encoding="utf-8")
    for name, (source, record) in snippets.items():
        (root / "snippets" / "ch" / name).write_text(source, encoding="utf-8")
        (root / "snippets" / "ch" / name).with_suffix(".out").write_text(record, encoding="utf-8")
    for rel, text in (files or {}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return Project(root)


def check(project, *, figures=None, devices=None, reads=None, cache_dir=None, results=None) -> NotebookRun:
    """Write the zh notebook from hand-made results (or the engine's `results`) and run it as the checker does."""
    if results is not None:
        return _check_results(project, results, cache_dir)
    results = {}
    for snippet in sorted((project.snippets_dir / "ch").glob("*.py")):
        name = f"ch/{snippet.name}"
        results[name] = SnippetResult(
            f"snippets/{name}",
            output=snippet.with_suffix(".out").read_text(encoding="utf-8"),
            figures=[FIGURE] * (figures or {}).get(snippet.name, 0),
            device=(devices or {}).get(snippet.name, "cpu"),
            reads={
                rel: hashlib.sha256((project.root / rel).read_bytes()).hexdigest()
                for rel in (reads or {}).get(snippet.name, [])
            },
        )
    return _check_results(project, results, cache_dir)


def _check_results(project, results, cache_dir=None) -> NotebookRun:
    page = Page(project.docs_dir / "ch" / "01-first.zh.md", "ch/01-first", "zh")
    written = write_notebooks(project, results, project.root / ".cache" / "notebooks", [page])
    (run,) = run_notebooks(
        written, results, root=project.root, fingerprint={}, jobs=1, timeout=120, cache_dir=cache_dir
    )
    return run


def engine_records(project, tmp_path):
    """Run every snippet of the course through the engine, write its output as its record; the results by name."""
    engine = Engine(project.root, jobs=1, use_cache=False, cache_dir=tmp_path / "engine-cache")
    try:
        results = {f"ch/{path.name}": engine.run(path) for path in sorted((project.snippets_dir / "ch").glob("*.py"))}
    finally:
        engine.close()
    for name, result in results.items():
        assert result.ok, result.error_lines()
        (project.snippets_dir / name).with_suffix(".out").write_text(result.output, encoding="utf-8")
    return results


LIBRARY_PATHS = {
    # A warning raised inside a library: Python names the library's file by its absolute path.
    "converge.py": """\
# snippet: expect-warning=ConvergenceWarning
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

x, y = load_iris(return_X_y=True)
model = LogisticRegression(max_iter=3).fit(x, y)
print("classes:", model.classes_)
""",
    "broadcast.py": """\
# snippet: expect-warning=UserWarning
import torch
from torch import nn

loss = nn.MSELoss()(torch.ones(3, 1), torch.zeros(3))
print("loss:", loss.item())
""",
    # The snippet's own paths (a data file beside it, its own frame) and the standard library's in a traceback.
    "where.py": """\
import json
import sys
import traceback
from pathlib import Path

# zh: 数据文件
# en: the data file
print("data:", Path(__file__).parent / "words.txt")
try:
    json.loads("{")
except ValueError:
    traceback.print_exc(file=sys.stdout)
""",
    # The path in an uncaught exception's message, which the kernel reports apart from the streams.
    "missing.py": """\
# snippet: expect-exception=FileNotFoundError
from pathlib import Path

print((Path(__file__).parent / "missing.txt").read_text())
""",
}


def test_paths_in_a_cell_are_named_as_the_engine_names_them(tmp_path):
    snippets = {name: (source, "") for name, source in LIBRARY_PATHS.items()}
    project = make_course(tmp_path / "repo", snippets, {"snippets/ch/words.txt": "x"})
    results = engine_records(project, tmp_path)
    records = {name: (project.snippets_dir / name).with_suffix(".out").read_text() for name in results}
    assert records["ch/converge.py"].startswith("site-packages/sklearn/linear_model/_logistic.py:")
    assert records["ch/broadcast.py"].startswith("site-packages/torch/nn/modules/loss.py:")
    assert records["ch/where.py"].startswith(
        'data: snippets/ch/words.txt\nTraceback (most recent call last):\n  File "snippets/ch/where.py", line 10,'
    )
    assert '\n  File "stdlib/json/decoder.py", line ' in records["ch/where.py"]
    assert records["ch/missing.py"].endswith(": 'snippets/ch/missing.txt'\n")
    run = check(project, results=results)
    assert run.ok, run.error


@pytest.mark.skipif(os.geteuid() != 0, reason="fanotify needs CAP_SYS_ADMIN (run as root)")
def test_a_file_read_by_c_code_is_laid_out_for_the_notebook(tmp_path):
    readers = {
        "from_file.py": "from pathlib import Path\n\nimport torch\n\n"
        'print(torch.from_file(str(Path(__file__).parent / "weights.bin"), size=2, dtype=torch.float32))\n',
        "fromfile.py": "from pathlib import Path\n\nimport numpy as np\n\n"
        'print(np.fromfile(Path(__file__).parent / "table.bin", dtype=np.float32))\n',
    }
    project = make_course(tmp_path / "repo", {name: (source, "") for name, source in readers.items()})
    (project.snippets_dir / "ch" / "weights.bin").write_bytes(struct.pack("<2f", 0.5, 1.5))
    (project.snippets_dir / "ch" / "table.bin").write_bytes(struct.pack("<2f", 2.5, 3.5))
    results = engine_records(project, tmp_path)
    assert list(results["ch/from_file.py"].reads) == ["snippets/ch/weights.bin"]
    assert list(results["ch/fromfile.py"].reads) == ["snippets/ch/table.bin"]
    run = check(project, results=results)
    assert run.ok, run.error  # the setup cell wrote both files next to the notebook


def test_the_kernel_works_in_a_temporary_directory_and_leaves_nothing_in_the_repository(tmp_path, monkeypatch):
    where = tmp_path / "where.txt"
    monkeypatch.setenv("SNIPPET_TEST_WHERE", str(where))
    save = """\
import os

import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_diabetes

torch.save(torch.ones(2), "weights.pt")
print(sorted(os.listdir(".")))
print("threads:", torch.get_num_threads(), "hash seed:", os.environ["PYTHONHASHSEED"])
print("rows:", len(load_diabetes().target))
with open(os.environ["SNIPPET_TEST_WHERE"], "w") as fh:
    fh.write(os.getcwd())
plt.plot([1, 2])
plt.show()
"""
    record = "['weights.pt']\nthreads: 1 hash seed: 0\nrows: 442\n"
    project = make_course(tmp_path / "repo", {"save.py": (save, record)})
    run = check(project, figures={"save.py": 1})
    assert run.ok, run.error
    assert not list(project.root.rglob("weights.pt")) and not (REPO_ROOT / "weights.pt").exists()
    cwd = where.read_text()
    assert not cwd.startswith(str(project.root)) and not cwd.startswith(str(REPO_ROOT))
    assert not (tmp_path / cwd).exists()  # removed afterwards
    downloaded = nbformat.read(project.root / ".cache/notebooks/zh/ch/01-first.zh.ipynb", as_version=4)
    assert not any("snippet_engine" in cell.source for cell in downloaded.cells)  # probes only in the run's copy


def test_a_changed_default_dtype_fails_naming_the_snippet_and_the_state(tmp_path):
    dtype = """\
import torch

# zh: 双精度
# en: double precision
torch.set_default_dtype(torch.float64)
print(torch.ones(1).dtype)
"""
    later = "import torch\n\nprint(torch.tensor([0.5]).dtype)\n"
    project = make_course(tmp_path, {"dtype.py": (dtype, "torch.float64\n"), "later.py": (later, "torch.float32\n")})
    run = check(project)
    assert not run.ok
    # The line is the snippet file's (5), not the cell's (4: the notebook drops the en comment).
    assert run.problems[0] == (
        "cell 3 (snippets/ch/dtype.py:5): torch default dtype changed (torch.float32 → torch.float64): restore it "
        "before the snippet ends (chapter notebooks run every snippet in one kernel)"
    )
    assert run.problems[1].startswith("cell 4 (snippets/ch/later.py): output differs from snippets/ch/later.out\n")
    assert "\n-torch.float32\n+torch.float64" in run.problems[1]
    assert len(run.problems) == 2 and run.error == "\n\n".join(run.problems)


def test_a_print_precision_change_is_caught_though_later_numbers_are_within_tolerance(tmp_path):
    precision = 'import torch\n\ntorch.set_printoptions(precision=6)\nprint("set")\n'
    third = "import torch\n\nprint(torch.tensor([1 / 3]))\n"
    project = make_course(tmp_path, {"precision.py": (precision, "set\n"), "third.py": (third, "tensor([0.3333])\n")})
    run = check(project)
    assert not run.ok
    # tensor([0.333333]) is within the record's tolerance of tensor([0.3333]): only the probe sees it.
    assert run.problems == [
        "cell 3 (snippets/ch/precision.py:3): torch print options changed (precision 4 → 6): restore them "
        "before the snippet ends (chapter notebooks run every snippet in one kernel)"
    ]


def test_outputs_charts_and_values_are_held_to_the_snippets_runs(tmp_path):
    snippets = {
        "count.py": ("print(1 + 2)\n", "2\n"),
        "close.py": ("print(0.30001)\n", "0.3\n"),  # within tolerance, as for the snippet check
        "value.py": ("x = 41\nx + 1\n", ""),
        "device.py": ('# snippet: output=device\nprint("cuda:0")\n', "cpu\n"),
        "chart.py": ("import matplotlib.pyplot as plt\n\nplt.plot([1, 2])\nplt.show()\n", ""),
        "boom.py": (
            '# snippet: expect-exception=ValueError\nprint("before")\nraise ValueError("boom")\n',
            'before\nTraceback (most recent call last):\n  File "snippets/ch/boom.py", line 3, in <module>\n'
            '    raise ValueError("boom")\nValueError: boom\n',
        ),
        "warn.py": (
            '# snippet: expect-warning=UserWarning\nimport warnings\n\nprint("before")\nwarnings.warn("careful")\n'
            'print("after")\n',
            'before\nsnippets/ch/warn.py:5: UserWarning: careful\n  warnings.warn("careful")\nafter\n',
        ),  # the kernel sends stderr after stdout, and names the cell's file: the same output
        "progress.py": ('print("step 1", end="\\r")\nprint("step 2")\n', "step 2\n"),  # as a terminal shows it
    }
    project = make_course(tmp_path, snippets)
    run = check(project, devices={"device.py": "cuda"})  # output=device: compared only for CPU runs
    assert not run.ok
    problems = {problem.split(")", 1)[0].removeprefix("cell ").split(" (")[1]: problem for problem in run.problems}
    assert sorted(problems) == ["snippets/ch/chart.py", "snippets/ch/count.py", "snippets/ch/value.py"]
    assert "output differs from snippets/ch/count.out\n" in problems["snippets/ch/count.py"]
    assert "\n-2\n+3" in problems["snippets/ch/count.py"]
    assert "bare expression" in problems["snippets/ch/value.py"] and "\n+42" in problems["snippets/ch/value.py"]
    assert problems["snippets/ch/chart.py"].endswith("shows 1 chart(s) in the notebook; the snippet's run showed 0")


def test_a_chapter_that_reads_repository_files_runs_from_the_temporary_directory(tmp_path):
    words = """\
from pathlib import Path

here = Path(__file__).parent
print((here / "words.txt").read_text().split())
print((here.parents[1] / "data" / "table.csv").read_text().strip())
size = (here / "written.txt").write_text("written next to __file__")
"""
    files = {"snippets/ch/words.txt": "tensor autograd\n", "data/table.csv": "1,2\n"}
    project = make_course(tmp_path, {"words.py": (words, "['tensor', 'autograd']\n1,2\n")}, files)
    run = check(project, reads={"words.py": sorted(files)})
    # The kernel ran in an empty folder: the files came out of the notebook itself, as for a reader's download.
    assert run.ok, run.error
    assert not (project.snippets_dir / "ch" / "written.txt").exists()
    notebook = nbformat.read(project.root / ".cache/notebooks/zh/ch/01-first.zh.ipynb", as_version=4)
    setup = next(cell.source for cell in notebook.cells if "__file__ =" in cell.source)
    for rel, text in files.items():
        assert f'"{rel}": "{base64.b64encode(text.encode()).decode()}"' in setup
    assert METADATA_KEY not in notebook.metadata  # nothing to download


BIG = EMBED_LIMIT + 1


def test_a_file_too_large_to_store_is_downloaded_from_the_site_and_placed_by_the_check(tmp_path):
    words = """\
from pathlib import Path

print(len((Path(__file__).parent / "big.bin").read_bytes()))
"""
    project = make_course(tmp_path, {"big.py": (words, f"{BIG}\n")})
    (project.snippets_dir / "ch" / "big.bin").write_bytes(b"x" * BIG)
    run = check(project, reads={"big.py": ["snippets/ch/big.bin"]})
    assert run.ok, run.error
    notebook = nbformat.read(project.root / ".cache/notebooks/zh/ch/01-first.zh.ipynb", as_version=4)
    assert notebook.metadata[METADATA_KEY] == {"fetched": ["snippets/ch/big.bin"]}
    setup = next(cell.source for cell in notebook.cells if "__file__ =" in cell.source)
    assert "_embedded" not in setup and '"snippets/ch/big.bin": None,' in setup  # no site: no URL


def _setup_cell(project, site_url):
    results = {
        "ch/big.py": SnippetResult(
            "snippets/ch/big.py",
            output="",
            reads={"snippets/ch/big.bin": "0", "snippets/ch/small.txt": "0"},
        )
    }
    page = Page(project.docs_dir / "ch" / "01-first.zh.md", "ch/01-first", "zh")
    notebook, _ = build_notebook(project, page, results, site_url)
    return next(cell.source for cell in notebook.cells if "__file__ =" in cell.source)


def _run_cell(source, cwd):
    code = source + "\nprint(__file__)\n"
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_a_notebook_downloaded_alone_writes_and_downloads_its_files_next_to_itself(tmp_path):
    project = make_course(tmp_path / "repo", {"big.py": ("from pathlib import Path\n\nprint(Path(__file__))\n", "")})
    (project.snippets_dir / "ch" / "big.bin").write_bytes(bytes(range(256)) * (BIG // 256 + 1))
    (project.snippets_dir / "ch" / "small.txt").write_text("tensor\n", encoding="utf-8")
    site = tmp_path / "site"  # the published site serves the repository file at its path
    (site / "snippets" / "ch").mkdir(parents=True)
    shutil.copy(project.snippets_dir / "ch" / "big.bin", site / "snippets" / "ch" / "big.bin")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        source = _setup_cell(project, f"http://127.0.0.1:{server.server_address[1]}/")
        downloads = tmp_path / "Downloads"
        downloads.mkdir()
        done = _run_cell(source, downloads)
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode == 0, done.stderr
    local = downloads / LOCAL_FILES
    assert done.stdout.strip() == str(local / "snippets" / "ch" / "notebook.py")
    assert (local / "snippets/ch/small.txt").read_text(encoding="utf-8") == "tensor\n"
    assert (local / "snippets/ch/big.bin").read_bytes() == (project.snippets_dir / "ch" / "big.bin").read_bytes()

    # Opened inside a clone, the repository's own files are used and nothing is written.
    inside = _run_cell(source, project.snippets_dir / "ch")
    assert inside.returncode == 0, inside.stderr
    assert inside.stdout.strip() == str(project.snippets_dir / "ch" / "notebook.py")
    assert not (project.snippets_dir / "ch" / LOCAL_FILES).exists()

    # Not published (no site URL) and not in a clone: an error that says what to do.
    alone = tmp_path / "alone"
    alone.mkdir()
    failed = _run_cell(_setup_cell(project, None), alone)
    assert failed.returncode != 0
    assert "snippets/ch/big.bin not found" in failed.stderr or "找不到 snippets/ch/big.bin" in failed.stderr
    assert f"{LOCAL_FILES}/snippets/ch/big.bin" in failed.stderr


def test_other_global_state_leaks_are_caught_by_name(tmp_path):
    snippets = {
        "grad.py": ("import torch\n\ntorch.set_grad_enabled(False)\nprint(torch.is_grad_enabled())\n", "False\n"),
        "chdir.py": ('import os\n\nos.chdir("/")\n', ""),
        "numpy_print.py": (
            "import numpy as np\n\nnp.set_printoptions(precision=2)\nprint(np.array([1 / 3]))\n",
            "[0.33]\n",
        ),
        "rc.py": ('import matplotlib.pyplot as plt\n\nplt.rcParams["lines.linewidth"] = 3\n', ""),
        "env.py": ('import os\n\nos.environ["SNIPPET_TEST_FLAG"] = "1"\n', ""),
        "restored.py": (
            "import torch\n\ntorch.set_printoptions(precision=2)\nprint(torch.tensor([1 / 3]))\n"
            'torch.set_printoptions(profile="default")\n',
            "tensor([0.33])\n",
        ),
    }
    project = make_course(tmp_path, snippets)
    run = check(project)
    assert not run.ok
    expected = [
        "(snippets/ch/grad.py:3): grad mode changed (True → False): restore it",
        "(snippets/ch/chdir.py:3): working directory changed (",
        "(snippets/ch/numpy_print.py:3): NumPy print options changed (precision 8 → 2): restore them",
        "(snippets/ch/rc.py:3): matplotlib rcParams changed (lines.linewidth 1.5 → 3.0): restore them",
        "(snippets/ch/env.py:3): environment variables changed (SNIPPET_TEST_FLAG unset → '1'): restore them",
    ]
    assert len(run.problems) == len(expected), run.error
    for problem, text in zip(run.problems, expected, strict=True):
        assert text in problem, problem


def test_a_passed_notebook_runs_again_when_its_record_changes(tmp_path):
    project = make_course(tmp_path, {"hello.py": ('print("hello")\n', "hello\n")})
    cache = tmp_path / "passed"
    first = check(project, cache_dir=cache)
    assert first.ok and not first.cached, first.error
    assert check(project, cache_dir=cache).cached
    (project.snippets_dir / "ch" / "hello.out").write_text("hello, world\n", encoding="utf-8")
    again = check(project, cache_dir=cache)
    assert not again.cached and not again.ok
    assert "output differs from snippets/ch/hello.out" in again.error


def test_a_kernel_that_does_not_start_is_a_failed_notebook_not_a_crash(tmp_path, monkeypatch):
    from nbclient import NotebookClient

    def no_answer(self, **kwargs):
        raise RuntimeError("Kernel didn't respond in 60 seconds")

    monkeypatch.setattr(NotebookClient, "execute", no_answer)
    project = make_course(tmp_path, {"one.py": ("print(1)\n", "1\n")})
    run = check(project)
    assert not run.ok
    assert "kernel did not run: RuntimeError: Kernel didn't respond in 60 seconds" in run.error


def test_a_module_beside_the_snippet_is_importable_in_the_notebook(tmp_path):
    """`python x.py` puts the script's folder first on `sys.path`: `from helper import f` works there, so it
    must in the chapter notebook too (whose kernel runs elsewhere), though the snippet never names `__file__`."""
    helper = "import warnings\n\n\ndef f():\n    warnings.warn('helper says careful')\n    return 1\n"
    source = "# snippet: expect-warning=UserWarning\nfrom helper import f\n\nprint(f())\n"
    project = make_course(tmp_path / "repo", {"uses_helper.py": (source, "")}, {"snippets/ch/helper.py": helper})
    results = engine_records(project, tmp_path)
    assert list(results["ch/uses_helper.py"].reads) == ["snippets/ch/helper.py"]
    assert (project.snippets_dir / "ch/uses_helper.out").read_text().startswith("snippets/ch/helper.py:5: UserWarning")
    run = check(project, results=results)
    assert run.ok, run.error
