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
  as a terminal shows it (`terminal.render_terminal`), must match the
  snippet's `.out` record under the checker's rules (`expected.outputs_match`,
  the `output=` directive; `output=device` only when the engine ran on CPU);
- each snippet cell must show as many charts as the engine captured;
- no cell may change process-global state (`state`: print options, default
  dtype, grad mode, rcParams, working directory, ...), since every later cell
  inherits it. Hidden probe cells, inserted into the copy that is executed (a
  first one, then one after every cell), snapshot the state; a change is
  reported with the line of the snippet that made it.

The notebook file readers download is never modified.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import nbformat

from snippet_engine.notebooks.build import LOCAL_FILES, METADATA_KEY, ChapterNotebook
from snippet_engine.running import state
from snippet_engine.running.cache import write_if_changed
from snippet_engine.running.expected import Variation, output_diff, outputs_match
from snippet_engine.running.records import load_info
from snippet_engine.running.result import SnippetResult
from snippet_engine.running.source import parse_directives, read_source
from snippet_engine.running.terminal import render_terminal
from snippet_engine.running.worker import WARM_MODULES

ENGINE_DIR = Path(__file__).resolve().parents[1]
"""The engine package; `COMPARISON_CODE` and the kernel's probe module are found relative to it."""

COMPARISON_CODE = (
    "notebooks/run.py",
    "running/state.py",
    "running/state_probes.py",
    "running/expected.py",
    "running/records.py",
    "running/terminal.py",
    "running/source.py",
)
"""The engine modules that decide whether a notebook run passes: part of the pass cache key."""

_MARK = "__snippet_engine_state__ "
_STATE_MODULE = "_snippet_engine_state"
_PROBE = "snippet_engine_probe"
_CELL = "snippet_engine_cell"

_FIRST_PROBE = """\
def __snippet_engine_probe():
    import importlib, importlib.util, json, sys
    for name in {modules!r}:
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].switch_backend(sys.modules["matplotlib"].get_backend())
    spec = importlib.util.spec_from_file_location({name!r}, {path!r})
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    print({mark!r} + json.dumps(module.snapshot()))
__snippet_engine_probe()
del __snippet_engine_probe"""

_NEXT_PROBE = 'print({mark!r} + __import__("json").dumps(__import__("sys").modules[{name!r}].snapshot()))'


@dataclass(frozen=True)
class CellRecord:
    """What a snippet's notebook cell must show: its engine run and its `.out` record.

    Parameters:
        path: The snippet, repository-relative (`snippets/ch/name.py`).
        source: The snippet's source (setter lines point into it).
        record: The `.out` text, or None when there is none (the snippet check reports that).
        record_path: The `.out` file, repository-relative.
        mode: The `output=` directive: `exact`, `device` or `varies`.
        device: Where the engine ran the snippet (`output=device` is compared only on `cpu`).
        figures: Charts the engine captured.
        expect_exception: The exception the snippet is meant to end with, if any.
        varies: The record's varying numbers (`expected.Variation` as sorted items).
        sampled: The snippet's `sampled=` prefixes (lines of sampled text).
    """

    path: str
    source: str
    record: str | None
    record_path: str
    mode: str = "exact"
    device: str = "cpu"
    figures: int = 0
    expect_exception: str | None = None
    varies: tuple[tuple[tuple[int, int], tuple[float, float]], ...] = ()
    sampled: tuple[str, ...] = ()


def cell_records(names: Iterable[str], results: dict[str, SnippetResult], root: Path) -> dict[str, CellRecord]:
    """The record of every snippet a notebook's cells come from.

    Parameters:
        names: Snippet paths relative to `snippets/`.
        results: Their engine results, by the same names.
        root: Repository root.

    Returns:
        Snippet name -> its record.

    Raises:
        KeyError: When a snippet has no result.
        DirectiveError: When a snippet's `# snippet:` line cannot be read.
    """
    records = {}
    for name in dict.fromkeys(names):
        snippet = root / "snippets" / name
        out = snippet.with_suffix(".out")
        source = read_source(snippet)
        directives = parse_directives(source)
        result = results[name]
        records[name] = CellRecord(
            path=f"snippets/{name}",
            source=source,
            record=out.read_text(encoding="utf-8") if out.is_file() else None,
            record_path=f"snippets/{Path(name).with_suffix('.out').as_posix()}",
            mode=directives.output,
            device=result.device,
            figures=len(result.figures),
            expect_exception=directives.expect_exception,
            varies=tuple(sorted(load_info(snippet).varies.items())),
            sampled=directives.sampled,
        )
    return records


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


def _probe_cell(source: str) -> nbformat.NotebookNode:
    return nbformat.from_dict(
        {"cell_type": "code", "metadata": {_PROBE: True}, "source": source, "outputs": [], "execution_count": None}
    )


def with_probes(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of a notebook with hidden state-probe cells: one first, then one after every code cell.

    The first imports `WARM_MODULES` and this engine's `state_probes` module (by file
    path, binding no name in the reader's namespace); every probe prints a
    snapshot. Each original cell is marked with its index in the original.

    Parameters:
        notebook: The notebook as readers get it (not modified).

    Returns:
        The copy to execute.
    """
    copy = nbformat.from_dict(json.loads(json.dumps(notebook)))
    first = _FIRST_PROBE.format(
        modules=WARM_MODULES, name=_STATE_MODULE, path=str(ENGINE_DIR / "running" / "state_probes.py"), mark=_MARK
    )
    cells = [_probe_cell(first)]
    for number, cell in enumerate(copy.cells):
        cell.metadata[_CELL] = number
        cells.append(cell)
        if cell.cell_type == "code":
            cells.append(_probe_cell(_NEXT_PROBE.format(mark=_MARK, name=_STATE_MODULE)))
    for number, cell in enumerate(cells):
        cell.id = f"run-{number:04d}"
    copy.cells = cells
    return copy


def _snapshot(cell: nbformat.NotebookNode) -> dict | None:
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            for line in output.get("text", "").splitlines():
                if line.startswith(_MARK):
                    return json.loads(line[len(_MARK) :])
    return None


@dataclass
class _Shown:
    """What a cell showed: its text in display order, and each stream's text on its own."""

    text: str = ""
    stdout: str = ""  # with the values of bare expressions, which follow the streams
    stderr: str = ""
    images: int = 0
    value: bool = False  # a bare last expression's value (execute_result)
    error: dict | None = None


def _shown(cell: nbformat.NotebookNode) -> _Shown:
    shown = _Shown()
    parts = []
    for output in cell.get("outputs", []):
        kind = output.get("output_type")
        if kind == "stream":
            parts.append(output.get("text", ""))
            if output.get("name") == "stderr":
                shown.stderr += output.get("text", "")
            else:
                shown.stdout += output.get("text", "")
        elif kind in ("execute_result", "display_data"):
            data = output.get("data", {})
            if any(key.startswith("image/") for key in data):
                shown.images += 1
            elif "text/plain" in data:
                parts.append(data["text/plain"] + "\n")
                shown.stdout += data["text/plain"] + "\n"
            shown.value = shown.value or kind == "execute_result"
        elif kind == "error":
            shown.error = output
    shown.text = "".join(parts)
    return shown


_TRACEBACK = re.compile(r"^Traceback \(most recent call last\):$", re.MULTILINE)
_CELL_FILE = re.compile(r"^\S*ipykernel_\d+[/\\]\d+\.py:\d+: ", re.MULTILINE)
"""Where a warning raised by a cell's own code points: IPython compiles each cell to such a file."""


def _without_traceback(text: str) -> str:
    """A script's output with its final traceback cut to its last line (`ValueError: boom`)."""
    match = _TRACEBACK.search(text)
    if match is None:
        return text
    last = [line for line in text[match.start() :].splitlines() if line.strip()][-1]
    return text[: match.start()] + last + "\n"


def _interleaves(
    stdout: str, stderr: str, recorded: str, mode: str, varies: Variation, sampled: tuple[str, ...]
) -> bool:
    """Whether the record is the two streams' lines interleaved, each line matching under the record rules.

    A script writes stdout and stderr to one terminal in order; a kernel buffers
    each stream on its own and sends a chunk of one, then of the other, so a
    notebook can show a warning after output printed later. That is the same
    output, reordered by Jupyter: not a difference to report.
    """
    out, err = stdout.strip("\n").splitlines(), stderr.strip("\n").splitlines()
    lines = recorded.strip("\n").splitlines()
    if not out or not err or len(out) + len(err) != len(lines):
        return False
    reachable = {(0, 0)}  # (stdout lines, stderr lines) that reproduce the record so far
    for number, line in enumerate(lines, 1):
        bands = {n: band for (at, n), band in varies.items() if at == number}
        following = set()
        for i, j in reachable:
            if i < len(out) and outputs_match(out[i], line, mode, {(1, n): b for n, b in bands.items()}, sampled):
                following.add((i + 1, j))
            if j < len(err) and outputs_match(err[j], line, mode, {(1, n): b for n, b in bands.items()}, sampled):
                following.add((i, j + 1))
        reachable = following
        if not reachable:
            return False
    return (len(out), len(err)) in reachable


def _compare(number: int, cell: nbformat.NotebookNode, record: CellRecord) -> list[str]:
    """The differences between a snippet cell's outputs and its engine run."""
    problems = []
    shown = _shown(cell)
    if record.record is not None and not (record.mode == "device" and record.device != "cpu"):
        # A warning from the snippet's own code names the snippet file in the record and the
        # cell's compiled file in the notebook, at another line (the cell drops directives and
        # the other language's comments): both become the snippet's path.
        location = f"{record.path}: "
        recorded = re.sub(rf"^{re.escape(record.path)}:\d+: ", location, record.record, flags=re.MULTILINE)
        actual, stdout, stderr = (
            _CELL_FILE.sub(location, render_terminal(text)) for text in (shown.text, shown.stdout, shown.stderr)
        )
        if record.expect_exception and shown.error is not None:
            ending = f"{shown.error.get('ename', '')}: {shown.error.get('evalue', '')}\n"
            actual, stderr = actual + ending, stderr + ending
            recorded = _without_traceback(recorded)
        varies = dict(record.varies)
        if not outputs_match(actual, recorded, record.mode, varies, record.sampled) and not _interleaves(
            stdout, stderr, recorded, record.mode, varies, record.sampled
        ):
            why = f"cell {number} ({record.path}): output differs from {record.record_path}"
            if shown.value:
                why += " (the cell ends with a bare expression: a notebook shows its value, a script prints nothing)"
            problems.append(f"{why}\n{output_diff(actual, recorded, record.record_path)}")
    if shown.images != record.figures:
        problems.append(
            f"cell {number} ({record.path}): shows {shown.images} chart(s) in the notebook; "
            f"the snippet's run showed {record.figures}"
        )
    return problems


def _state_problems(
    number: int, cell: nbformat.NotebookNode, record: CellRecord | None, before: dict, after: dict
) -> list[str]:
    """The state a cell changed, each located at the snippet line that changed it."""
    source = record.source if record is not None else cell.source
    problems = []
    for change, line in state.snippet_changes(before, after, source):
        if record is not None:
            where = f"{record.path}:{line}" if line else record.path
        else:
            where = f"{cell.metadata.get('snippet', 'setup cell')}" + (f", line {line}" if line else "")
        problems.append(f"cell {number} ({where}): {change.message}")
    return problems


def check_cells(executed: nbformat.NotebookNode, records: dict[str, CellRecord]) -> list[str]:
    """Hold every executed cell to its record and the state probes around it.

    Cells after the last probe that ran (after a failing cell) are not judged.

    Parameters:
        executed: The copy made by `with_probes`, after execution.
        records: Snippet name -> record; a snippet cell without one is checked for state only.

    Returns:
        One message per problem, in cell order.
    """
    problems: list[str] = []
    before: dict | None = None
    pending: nbformat.NotebookNode | None = None
    for cell in executed.cells:
        if cell.cell_type != "code":
            continue
        if not cell.metadata.get(_PROBE):
            pending = cell
            continue
        after = _snapshot(cell)
        if after is None:
            break
        if before is not None and pending is not None:
            number = pending.metadata[_CELL]
            record = records.get(pending.metadata.get("snippet", ""))
            problems += _state_problems(number, pending, record, before, after)
            if record is not None:
                problems += _compare(number, pending, record)
        before, pending = after, None
    return problems


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _describe(notebook: nbformat.NotebookNode, message: str) -> str:
    """Name the cell that failed (the first code cell with an error output), without terminal colours."""
    message = _ANSI.sub("", message)
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        if any(output.get("output_type") == "error" for output in cell.get("outputs", [])):
            if cell.metadata.get(_PROBE):
                return f"engine state probe failed: {message.strip()}"
            where = cell.metadata.get("snippet", "setup cell")
            return f"cell {cell.metadata.get(_CELL, '?')} (snippet {where}): {message.strip()}"
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
    problems = check_cells(executed, records or {}) + problems
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
