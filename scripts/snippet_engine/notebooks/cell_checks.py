"""What a chapter notebook's run is held to: hidden state probes, and each cell against its snippet's record.

- `with_probes`: a copy of the notebook with a probe cell first (it imports the warm modules and
  `running/state_probes.py` by file path) and one after every code cell, each printing a snapshot
  of process-global state;
- `cell_records`: what each snippet's cell must show (its engine run and its `.out` record);
- `check_cells`: every executed cell compared with its record, as the checker compares a snippet's
  run (`running.expected`), and any process-global state a cell left changed, named at the
  snippet's line (`running.state`).

`run` executes the notebooks; the code here decides whether a run passes, so it is part of the
run's cache key (`run.COMPARISON_CODE`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from snippet_engine.running import state
from snippet_engine.running.expected import Variation, output_diff, outputs_match
from snippet_engine.running.paths import portable_paths
from snippet_engine.running.records import load_info
from snippet_engine.running.result import SnippetResult
from snippet_engine.running.source import parse_directives, read_source
from snippet_engine.running.terminal import render_terminal
from snippet_engine.running.worker import WARM_MODULES

STATE_PROBES = Path(__file__).resolve().parents[1] / "running" / "state_probes.py"
"""The probe module the kernel loads by file path (standard library only)."""

_MARK = "__snippet_engine_state__ "


_STATE_MODULE = "_snippet_engine_state"


PROBE_KEY = "snippet_engine_probe"


CELL_KEY = "snippet_engine_cell"


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


def _probe_cell(source: str) -> nbformat.NotebookNode:
    return nbformat.from_dict(
        {"cell_type": "code", "metadata": {PROBE_KEY: True}, "source": source, "outputs": [], "execution_count": None}
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
    first = _FIRST_PROBE.format(modules=WARM_MODULES, name=_STATE_MODULE, path=str(STATE_PROBES), mark=_MARK)
    cells = [_probe_cell(first)]
    for number, cell in enumerate(copy.cells):
        cell.metadata[CELL_KEY] = number
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

_CELL_FRAME = re.compile(r'^(  File )"[^"\n]*ipykernel_\d+[/\\]\d+\.py", line \d+', re.MULTILINE)
"""A printed traceback's frame in a cell's own code (`traceback.print_exc()`), in that compiled file."""


def _snippet_lines_dropped(text: str, snippet: str) -> str:
    """Output with the line numbers of the snippet's own warnings and traceback frames left out.

    A cell drops the snippet's directives and the other language's comments, so its lines are
    not the file's: the record's `snippets/ch/x.py:12: UserWarning` and `File "snippets/ch/x.py",
    line 12` lose their numbers, as the kernel's text does in `_as_the_engine_shows`.
    """
    text = re.sub(rf"^{re.escape(snippet)}:\d+: ", f"{snippet}: ", text, flags=re.MULTILINE)
    return re.sub(rf'^(  File )"{re.escape(snippet)}", line \d+', rf'\1"{snippet}"', text, flags=re.MULTILINE)


def _as_the_engine_shows(text: str, snippet: str, files_root: str) -> str:
    """A kernel's output named as the engine names it for the same snippet.

    The engine's normalisations, the same functions: the terminal's screen (`render_terminal`) and
    portable paths (`paths.portable_paths`, with the folder the setup cell laid the repository's files
    out in standing for the repository: `__file__` lies there). Then the cell's compiled file, where a
    warning or a traceback frame of the cell's own code points, becomes the snippet's path, without
    line numbers (see `_snippet_lines_dropped`).
    """
    text = portable_paths(render_terminal(text), files_root)
    text = _CELL_FILE.sub(f"{snippet}: ", text)
    return _CELL_FRAME.sub(rf'\1"{snippet}"', text)


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


def _compare(number: int, cell: nbformat.NotebookNode, record: CellRecord, files_root: str) -> list[str]:
    """The differences between a snippet cell's outputs and its engine run (`files_root`: see `check_cells`)."""
    problems = []
    shown = _shown(cell)
    if record.record is not None and not (record.mode == "device" and record.device != "cpu"):
        # What the engine normalised in the record is normalised here by the same functions.
        recorded = _snippet_lines_dropped(record.record, record.path)
        actual, stdout, stderr = (
            _as_the_engine_shows(text, record.path, files_root) for text in (shown.text, shown.stdout, shown.stderr)
        )
        if record.expect_exception and shown.error is not None:
            ending = f"{shown.error.get('ename', '')}: {shown.error.get('evalue', '')}\n"
            ending = _as_the_engine_shows(ending, record.path, files_root)  # a path in the message too
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


def check_cells(executed: nbformat.NotebookNode, records: dict[str, CellRecord], files_root: str) -> list[str]:
    """Hold every executed cell to its record and the state probes around it.

    Cells after the last probe that ran (after a failing cell) are not judged.

    Parameters:
        executed: The copy made by `with_probes`, after execution.
        records: Snippet name -> record; a snippet cell without one is checked for state only.
        files_root: The absolute folder the kernel's setup cell laid the repository's files out in (what its
            `__file__` lies under, and what the engine's `repo_root` is to a snippet): paths under it are
            named relative to it, as `portable_paths` names the repository's in the record.

    Returns:
        One message per problem, in cell order.
    """
    problems: list[str] = []
    before: dict | None = None
    pending: nbformat.NotebookNode | None = None
    for cell in executed.cells:
        if cell.cell_type != "code":
            continue
        if not cell.metadata.get(PROBE_KEY):
            pending = cell
            continue
        after = _snapshot(cell)
        if after is None:
            break
        if before is not None and pending is not None:
            number = pending.metadata[CELL_KEY]
            record = records.get(pending.metadata.get("snippet", ""))
            # The setup cell's state (`__file__`, the chapter folder on `sys.path` when a snippet imports a module
            # beside it) is the notebook's baseline, as the engine sets a snippet's before it runs.
            if "snippet" in pending.metadata:
                problems += _state_problems(number, pending, record, before, after)
            if record is not None:
                problems += _compare(number, pending, record, files_root)
        before, pending = after, None
    return problems
