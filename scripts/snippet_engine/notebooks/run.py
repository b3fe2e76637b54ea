"""Notebook execution: each chapter notebook run top to bottom in one fresh kernel, and checked.

A reader runs a chapter's notebook top to bottom in one kernel, so the check
does the same, then holds every cell to what its snippet did alone in the
engine:

- the kernel runs in a fresh, empty temporary directory (removed afterwards,
  whatever happens), as a notebook downloaded on its own runs in its download
  folder: the setup cell writes the files it stores into `pytorch-course-files/`
  there (only the files it would download from the site are put in place, from
  the repository), and a snippet that writes `weights.pt` or a file next to
  `__file__` writes into the temporary directory, never into the repository;
- the kernel's environment is the engine's: one torch thread, a fixed hash
  seed, matplotlib's inline backend;
- each snippet cell's output (its stdout and stderr in order, plus the value
  of a bare last expression, which a notebook shows and a script does not),
  as a terminal shows it (`terminal.render_terminal`) and with paths named as
  the engine names them (`paths.portable_paths`: the folder the setup cell
  lays the files out in stands for the repository), must match the
  snippet's `.out` record under the checker's rules (`expected.outputs_match`,
  the `output=` directive; `output=device` only when the engine ran on CPU);
- each snippet cell must show as many charts as the engine captured;
- no cell may change process-global state (`state`: print options, default
  dtype, grad mode, rcParams, working directory, ...), since every later cell
  inherits it. Hidden probe cells, inserted into the copy that is executed (a
  first one, then one after every cell), snapshot the state; a change is
  reported with the line of the snippet that made it.

The notebook file readers download is never modified. The probes and the comparison of each
cell with its record are `cell_checks`; this module runs the kernel and caches the verdict.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import nbformat

from snippet_engine.notebooks.build import LOCAL_FILES, METADATA_KEY, ChapterNotebook
from snippet_engine.notebooks.cell_checks import CELL_KEY, PROBE_KEY, CellRecord, cell_records, check_cells, with_probes
from snippet_engine.running.cache import write_if_changed
from snippet_engine.running.result import SnippetResult

ENGINE_DIR = Path(__file__).resolve().parents[1]
"""The engine package; `COMPARISON_CODE` and the kernel's probe module are found relative to it."""

COMPARISON_CODE = (
    "notebooks/run.py",
    "notebooks/cell_checks.py",
    "running/state.py",
    "running/state_probes.py",
    "running/expected.py",
    "running/records.py",
    "running/terminal.py",
    "running/paths.py",
    "running/source.py",
)
"""The engine modules that decide whether a notebook run passes: part of the pass cache key."""


@cache
def _comparison_digest() -> str:
    digest = hashlib.sha256()
    for name in COMPARISON_CODE:
        digest.update((ENGINE_DIR / name).read_bytes())
    return digest.hexdigest()


def execution_key(
    notebook: nbformat.NotebookNode,
    fingerprint: dict[str, str],
    reads: dict[str, str],
    records: dict[str, CellRecord] | None = None,
) -> str:
    """What a notebook run's verdict depends on.

    Its code, the environment, the files it reads, the records and directives
    its cells are held to, and the engine code that compares them
    (`COMPARISON_CODE`): changing a `.out` file re-runs the notebook.

    Parameters:
        notebook: The notebook.
        fingerprint: The engine's environment fingerprint.
        reads: Repository files its snippets read, with their sha256.
        records: The cells' records (`cell_records`).

    Returns:
        A hex digest.
    """
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    material = json.dumps(
        {
            "code": code,
            "env": fingerprint,
            "reads": reads,
            "records": {name: asdict(record) for name, record in (records or {}).items()},
            "comparison": _comparison_digest(),
        },
        sort_keys=True,
    )
    return hashlib.sha256(material.encode()).hexdigest()


@dataclass
class NotebookRun:
    """The outcome of executing a notebook.

    Parameters:
        path: The notebook (repository-relative or absolute, for messages).
        ok: Whether every cell ran and matched its record, leaving no state changed.
        duration: Seconds.
        error: Every problem, as one text (empty when ok).
        cached: True when an earlier run of the same code against the same records passed.
        problems: Each problem: the cell, its snippet (and line) and what is wrong.
    """

    path: str
    ok: bool
    duration: float = 0.0
    error: str = ""
    cached: bool = False
    problems: list[str] = field(default_factory=list)


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _describe(notebook: nbformat.NotebookNode, message: str) -> str:
    """Name the cell that failed (the first code cell with an error output), without terminal colours."""
    message = _ANSI.sub("", message)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        if any(output.get("output_type") == "error" for output in cell.get("outputs", [])):
            if cell.metadata.get(PROBE_KEY):
                return f"engine state probe failed: {message.strip()}"
            where = cell.metadata.get("snippet", "setup cell")
            return f"cell {cell.metadata.get(CELL_KEY, '?')} (snippet {where}): {message.strip()}"
    return message.strip()


def _prepare(workdir: Path, notebook: nbformat.NotebookNode, root: Path | None) -> None:
    """Lay out the kernel's directory as a reader's download folder: empty, the notebook on its own.

    The notebook's setup cell writes the files it stores itself. The files it would download from
    the site (`notebooks.build.METADATA_KEY`) are placed where that download would put them, from
    the repository: the check has no network, and the site that serves them is not built yet.
    """
    if root is None:
        return
    for rel in notebook.metadata.get(METADATA_KEY, {}).get("fetched", []):
        source = root / rel
        target = workdir / LOCAL_FILES / rel
        if not source.is_file() or not target.resolve().is_relative_to(workdir.resolve()):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)  # a copy, not a link: a write must not reach the repository


def execute_notebook(
    path: Path,
    *,
    timeout: float,
    env: dict[str, str] | None = None,
    root: Path | None = None,
    records: dict[str, CellRecord] | None = None,
) -> NotebookRun:
    """Run a notebook top to bottom in a fresh kernel in a temporary directory, and check it.

    A copy with state-probe cells (`with_probes`) is executed; the file is not
    modified. The kernel's working directory is a new temporary directory
    (see `_prepare`: the notebook's own folder when a reader downloads it alone);
    it is removed afterwards, whatever happens.

    Parameters:
        path: The .ipynb file.
        timeout: Seconds allowed per cell.
        env: The kernel's environment (default: this process's).
        root: Repository root, where the files the setup cell would download are copied from.
        records: Snippet name -> what its cell must show (default: none, so only
            errors and state changes are checked).

    Returns:
        The outcome: not ok when a cell raised unexpectedly, timed out or killed the
        kernel, differed from its record, or changed global state; each problem names
        the cell and its snippet.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    executed = with_probes(nbformat.read(path, as_version=4))
    problems: list[str] = []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="snippet-notebook-", ignore_cleanup_errors=True) as workdir:
        _prepare(Path(workdir), executed, root)
        client = NotebookClient(
            executed, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": workdir}}
        )
        # The kernel's own stderr (its start-up chatter, a crash's last words) goes to a file, shown only on a crash.
        with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as kernel_log:
            try:
                client.execute(env=env or dict(os.environ), stdout=kernel_log, stderr=kernel_log)
            except CellExecutionError as exc:
                problems.append(_describe(executed, str(exc)))
            except CellTimeoutError as exc:
                problems.append(_describe(executed, f"timeout: {exc}"))
            except DeadKernelError as exc:
                kernel_log.seek(0)
                last = "\n".join(kernel_log.read().splitlines()[-20:])
                problems.append(f"kernel died: {exc}\n{last}".strip())
            except (RuntimeError, TimeoutError, AssertionError) as exc:
                # The kernel did not start or answer (nbclient: "Kernel didn't respond in 60 seconds" on a
                # loaded machine, or its `assert self.km is not None` after a failed start): a failed
                # notebook with the kernel's last words, never a traceback out of the checker.
                kernel_log.seek(0)
                last = "\n".join(kernel_log.read().splitlines()[-20:])
                problems.append(f"kernel did not run: {type(exc).__name__}: {exc}\n{last}".strip())
    # The setup cell lays the repository's files out in the kernel's folder: it is the repository to the cells.
    problems = check_cells(executed, records or {}, os.path.join(os.path.realpath(workdir), LOCAL_FILES)) + problems
    duration = time.perf_counter() - start
    return NotebookRun(str(path), not problems, duration, "\n\n".join(problems), problems=problems)


def kernel_environment(device: str = "auto", base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment notebook kernels run in: the engine's, as far as a kernel allows.

    One torch thread (the engine runs every snippet with `torch.set_num_threads(1)`,
    and training results depend on it), `PYTHONHASHSEED=0`, matplotlib's inline backend;
    with `device="cpu"` no CUDA device is visible, as for the engine's workers.

    Parameters:
        device: The device the engine was asked for (`auto`, `cpu`, ...).
        base: The environment to start from (default: this process's).

    Returns:
        The environment.
    """
    env = dict(os.environ if base is None else base)
    env.update(
        {
            "OMP_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
            "PYTHONHASHSEED": "0",
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        }
    )
    if device == "cpu":
        env["CUDA_VISIBLE_DEVICES"] = ""
    env.pop("PYTORCH_NVML_BASED_CUDA_CHECK", None)
    return env


def run_notebooks(
    notebooks: list[ChapterNotebook],
    results: dict[str, SnippetResult],
    *,
    root: Path,
    fingerprint: dict[str, str],
    jobs: int,
    timeout: float,
    cache_dir: Path | None,
    device: str = "auto",
    on_done: Callable[[NotebookRun], None] | None = None,
) -> list[NotebookRun]:
    """Execute and check notebooks in parallel, skipping those that already passed against the same records.

    Parameters:
        notebooks: From `write_notebooks`.
        results: Snippet results by name (for the files each notebook reads, devices and figures).
        root: Repository root: where snippets, records and the files they read live.
        fingerprint: Environment fingerprint (part of the pass cache key).
        jobs: Kernels at once.
        timeout: Seconds per cell.
        cache_dir: Where passes are remembered (None: always run).
        device: The device the engine was asked for (see `kernel_environment`).
        on_done: Called with each outcome.

    Returns:
        One outcome per notebook, in order.
    """
    from concurrent.futures import ThreadPoolExecutor

    env = kernel_environment(device)

    def run_one(item: ChapterNotebook) -> NotebookRun:
        rel = item.path.relative_to(root).as_posix() if item.path.is_relative_to(root) else str(item.path)
        reads = {rel_read: digest for name in item.snippets for rel_read, digest in results[name].reads.items()}
        records = cell_records(item.snippets, results, root)
        key = execution_key(nbformat.read(item.path, as_version=4), fingerprint, reads, records)
        marker = cache_dir / f"{key}.passed" if cache_dir else None
        if marker is not None and marker.is_file():
            outcome = NotebookRun(rel, True, cached=True)
        else:
            outcome = execute_notebook(item.path, timeout=timeout, env=env, root=root, records=records)
            outcome.path = rel
            if outcome.ok and marker is not None:
                write_if_changed(marker, f"{rel}\n")
        if on_done is not None:
            on_done(outcome)
        return outcome

    if not notebooks:
        return []
    with ThreadPoolExecutor(max_workers=max(1, min(jobs, len(notebooks)))) as executor:
        return list(executor.map(run_one, notebooks))
