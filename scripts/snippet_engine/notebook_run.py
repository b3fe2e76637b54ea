"""Notebook execution: each chapter notebook run top to bottom in a fresh kernel (nbclient)."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from snippet_engine.cache import write_if_changed
from snippet_engine.notebook_build import ChapterNotebook
from snippet_engine.result import SnippetResult


def execution_key(notebook: nbformat.NotebookNode, fingerprint: dict[str, str], reads: dict[str, str]) -> str:
    """What a notebook run depends on: its code, the environment, the files it reads.

    Parameters:
        notebook: The notebook.
        fingerprint: The engine's environment fingerprint.
        reads: Repository files its snippets read, with their sha256.

    Returns:
        A hex digest.
    """
    code = [cell.source for cell in notebook.cells if cell.cell_type == "code"]
    material = json.dumps({"code": code, "env": fingerprint, "reads": reads}, sort_keys=True)
    return hashlib.sha256(material.encode()).hexdigest()


@dataclass
class NotebookRun:
    """The outcome of executing a notebook.

    Parameters:
        path: The notebook (repository-relative or absolute, for messages).
        ok: Whether every cell ran without an unexpected error.
        duration: Seconds.
        error: What failed: the cell's snippet and the error, when not ok.
        cached: True when an earlier run of the same code in the same environment passed.
    """

    path: str
    ok: bool
    duration: float = 0.0
    error: str = ""
    cached: bool = False


def execute_notebook(path: Path, *, cwd: Path, timeout: float, env: dict[str, str] | None = None) -> NotebookRun:
    """Run a notebook top to bottom in a fresh kernel (nbclient); the file is not modified.

    Parameters:
        path: The .ipynb file.
        cwd: The kernel's working directory.
        timeout: Seconds allowed per cell.
        env: The kernel's environment (default: this process's).

    Returns:
        The outcome; a failing cell is named by its snippet and line.
    """
    import time

    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    )
    start = time.perf_counter()
    # The kernel's own stderr (its start-up chatter, a crash's last words) goes to a file, shown only on a crash.
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as kernel_log:
        try:
            client.execute(env=env or dict(os.environ), stdout=kernel_log, stderr=kernel_log)
        except CellExecutionError as exc:
            return NotebookRun(str(path), False, time.perf_counter() - start, _describe(notebook, str(exc)))
        except CellTimeoutError as exc:
            return NotebookRun(str(path), False, time.perf_counter() - start, _describe(notebook, f"timeout: {exc}"))
        except DeadKernelError as exc:
            kernel_log.seek(0)
            last = "\n".join(kernel_log.read().splitlines()[-20:])
            return NotebookRun(str(path), False, time.perf_counter() - start, f"kernel died: {exc}\n{last}".strip())
    return NotebookRun(str(path), True, time.perf_counter() - start)


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _describe(notebook: nbformat.NotebookNode, message: str) -> str:
    """Name the cell that failed (the first code cell with an error output), without terminal colours."""
    message = _ANSI.sub("", message)
    for number, cell in enumerate(notebook.cells):
        if cell.cell_type != "code":
            continue
        if any(output.get("output_type") == "error" for output in cell.get("outputs", [])):
            where = cell.metadata.get("snippet", "setup cell")
            return f"cell {number} (snippet {where}): {message.strip()}"
    return message.strip()


def run_notebooks(
    notebooks: list[ChapterNotebook],
    results: dict[str, SnippetResult],
    *,
    root: Path,
    fingerprint: dict[str, str],
    jobs: int,
    timeout: float,
    cache_dir: Path | None,
    on_done: Callable[[NotebookRun], None] | None = None,
) -> list[NotebookRun]:
    """Execute notebooks in parallel, skipping those whose same code already passed here.

    Parameters:
        notebooks: From `write_notebooks`.
        results: Snippet results (for the files each notebook reads).
        root: Repository root: the kernels' working directory.
        fingerprint: Environment fingerprint (part of the pass cache key).
        jobs: Kernels at once.
        timeout: Seconds per cell.
        cache_dir: Where passes are remembered (None: always run).
        on_done: Called with each outcome.

    Returns:
        One outcome per notebook, in order.
    """
    from concurrent.futures import ThreadPoolExecutor

    env = dict(os.environ)
    threads = str(max(1, (os.cpu_count() or 1) // max(1, jobs)))
    env.update(
        {
            "OMP_NUM_THREADS": threads,
            "MKL_NUM_THREADS": threads,
            "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        }
    )
    env.pop("PYTORCH_NVML_BASED_CUDA_CHECK", None)

    def run_one(item: ChapterNotebook) -> NotebookRun:
        rel = item.path.relative_to(root).as_posix() if item.path.is_relative_to(root) else str(item.path)
        reads = {rel_read: digest for name in item.snippets for rel_read, digest in results[name].reads.items()}
        key = execution_key(nbformat.read(item.path, as_version=4), fingerprint, reads)
        marker = cache_dir / f"{key}.passed" if cache_dir else None
        if marker is not None and marker.is_file():
            outcome = NotebookRun(rel, True, cached=True)
        else:
            outcome = execute_notebook(item.path, cwd=root, timeout=timeout, env=env)
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
