"""Process-global state a snippet left changed: two snapshots compared, each change blamed on a line.

A chapter notebook runs every snippet of the chapter in one kernel, top to
bottom, as a reader does. A snippet that calls `torch.set_printoptions`,
`torch.set_default_dtype`, `os.chdir` or `plt.rcParams[...] = ...` at top level
changes what every later cell prints or computes. Each probe (`state_probes`)
reads one such piece of state and names the public calls that change it:

    before = snapshot()
    ...                      # run the snippet
    for change, line in snippet_changes(before, snapshot(), source):
        ...                  # change.message, reported at the snippet's `line`

The probes and `snapshot` live in `state_probes` (loaded on its own, by file
path, inside notebook kernels: it imports only the standard library); this
module compares two snapshots and finds the snippet line that made a change
(`setter_line`, from the snippet's own imports and aliases).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from snippet_engine.running.state_probes import IMPORTED, PROBES, Probe, snapshot

__all__ = ["IMPORTED", "PROBES", "Probe", "StateChange", "changes", "setter_line", "snapshot", "snippet_changes"]


@dataclass(frozen=True)
class StateChange:
    """A probed state that differs between two snapshots.

    Parameters:
        name: The probe's name.
        before: Its value in the first snapshot.
        after: Its value in the second.
        setters: The public calls that change it (see `Probe.setters`).
        message: One line for the author: what changed and what to do.
        during_import: Modules were imported between the two snapshots and importing
            commonly changes this state (see `Probe.imports_change_it`): the change may
            be an import's side effect. `snippet_changes` keeps it only when the
            snippet calls one of the setters.
    """

    name: str
    before: object
    after: object
    setters: tuple[str, ...]
    message: str
    during_import: bool = False


_SHOWN_KEYS = 4
_SHOWN_CHARS = 60


def _show(value: object, quote: bool) -> str:
    text = repr(value) if quote and isinstance(value, str) else str(value)
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"


def _detail(before: object, after: object, quote: bool) -> str:
    """What differs, briefly: `precision 4 → 2`, `added '/x'`, `torch.float32 → torch.float64`."""
    if isinstance(before, dict) and isinstance(after, dict):
        keys = [key for key in after if before.get(key, _MISSING) != after[key]]
        keys += [key for key in before if key not in after]
        parts = []
        for key in keys[:_SHOWN_KEYS]:
            old = _show(before[key], quote) if key in before else "unset"
            new = _show(after[key], quote) if key in after else "unset"
            parts.append(f"{key} {old} → {new}")
        if len(keys) > _SHOWN_KEYS:
            parts.append(f"and {len(keys) - _SHOWN_KEYS} more")
        return ", ".join(parts)
    if isinstance(before, list) and isinstance(after, list):
        added = [item for item in after if item not in before]
        removed = [item for item in before if item not in after]
        parts = [f"added {_show(item, True)}" for item in added[:_SHOWN_KEYS]]
        parts += [f"removed {_show(item, True)}" for item in removed[:_SHOWN_KEYS]]
        if len(added) + len(removed) > len(parts):
            parts.append(f"and {len(added) + len(removed) - len(parts)} more")
        return ", ".join(parts) if parts else "reordered"
    return f"{_show(before, quote)} → {_show(after, quote)}"


_MISSING = object()


def changes(before: dict[str, object], after: dict[str, object]) -> list[StateChange]:
    """The probed states that differ between two snapshots.

    A probe present in only one snapshot (its module was imported in between)
    is not compared. Every difference is reported; `snippet_changes` keeps only
    those the snippet can be blamed for.

    Parameters:
        before: A snapshot taken before the code ran.
        after: A snapshot taken after.

    Returns:
        One change per differing probe, in `PROBES` order.
    """
    found = []
    imported = after.get(IMPORTED, 0) != before.get(IMPORTED, 0)
    for probe in PROBES:
        if probe.name not in before or probe.name not in after:
            continue
        old, new = before[probe.name], after[probe.name]
        if old == new:
            continue
        pronoun = "them" if probe.plural else "it"
        message = (
            f"{probe.name} changed ({_detail(old, new, probe.quote)}): restore {pronoun} before the snippet ends "
            "(chapter notebooks run every snippet in one kernel)"
        )
        found.append(StateChange(probe.name, old, new, probe.setters, message, imported and probe.imports_change_it))
    return found


def snippet_changes(
    before: dict[str, object], after: dict[str, object], source_text: str
) -> list[tuple[StateChange, int]]:
    """The changes a snippet made, each with the line that made it.

    A change that an import may have made (`StateChange.during_import`: the
    environment, warnings filters, `sys.path` or logging changed while modules
    were imported) is kept only when the snippet calls one of its setters:
    `import sklearn` setting `KMP_DUPLICATE_LIB_OK` is not the snippet's doing.

    Parameters:
        before: The snapshot taken before the snippet ran.
        after: The snapshot taken after it ended.
        source_text: The snippet's source, to find the setter's line.

    Returns:
        `(change, line)` pairs in `PROBES` order; `line` is 0 when the source
        names none of the change's setters.
    """
    blamed = []
    for change in changes(before, after):
        line = setter_line(source_text, change)
        if change.during_import and line == 0:
            continue
        blamed.append((change, line))
    return blamed


_READ_METHODS = frozenset({"get", "copy", "keys", "items", "values", "find_all", "index", "count", "__contains__"})
"""Methods of a setter object (`rcParams`, `os.environ`, `sys.path`) that only read it."""


class _Resolver(ast.NodeVisitor):
    """Finds the lines that call or assign one of a set of dotted names, through import aliases."""

    def __init__(self, setters: tuple[str, ...]) -> None:
        self.setters = setters
        self.aliases: dict[str, str] = {}
        self.lines: list[int] = []
        self.skipped: set[int] = set()  # ids of context managers and decorators: they restore or wrap

    def dotted(self, node: ast.AST) -> str | None:
        if isinstance(node, ast.Name):
            return self.aliases.get(node.id, node.id)
        if isinstance(node, ast.Attribute):
            base = self.dotted(node.value)
            return None if base is None else f"{base}.{node.attr}"
        if isinstance(node, ast.Subscript):
            base = self.dotted(node.value)
            return None if base is None else f"{base}[]"
        if isinstance(node, ast.Call):  # torch.inference_mode().__enter__()
            return self.dotted(node.func)
        return None

    def matches(self, name: str | None) -> bool:
        if name is None:
            return False
        if name.rsplit(".", 1)[-1] in _READ_METHODS:
            return False
        return any(name == setter or name.startswith((f"{setter}.", f"{setter}[")) for setter in self.setters)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            if alias.asname:
                self.aliases[alias.asname] = alias.name
            else:
                root = alias.name.split(".", 1)[0]
                self.aliases[root] = root

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.module and not node.level:
            for alias in node.names:
                self.aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"

    def visit_With(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            self.skipped.add(id(item.context_expr))
        self.generic_visit(node)

    visit_AsyncWith = visit_With

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        for decorator in node.decorator_list:
            self.skipped.add(id(decorator))
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef

    def visit_Call(self, node: ast.Call) -> None:
        if id(node) not in self.skipped and self.matches(self.dotted(node.func)):
            self.lines.append(node.lineno)
        self.generic_visit(node)

    def _targets(self, targets: list[ast.expr], line: int) -> None:
        for target in targets:
            if isinstance(target, ast.Tuple | ast.List):
                self._targets(list(target.elts), line)
            elif isinstance(target, ast.Attribute | ast.Subscript) and self.matches(self.dotted(target)):
                self.lines.append(line)

    def visit_Assign(self, node: ast.Assign) -> None:
        self._targets(node.targets, node.lineno)
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        self._targets([node.target], node.lineno)
        self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self._targets([node.target], node.lineno)
        self.generic_visit(node)

    def visit_Delete(self, node: ast.Delete) -> None:
        self._targets(node.targets, node.lineno)
        self.generic_visit(node)


def setter_line(source_text: str, change: StateChange) -> int:
    """The last line of a snippet that calls or assigns one of the change's setters.

    Import aliases are followed (`import numpy as np`, `from torch import
    set_printoptions`, `import matplotlib.pyplot as plt`), so `np.set_printoptions(…)`
    and `plt.rcParams["font.family"] = …` are found; a setter used as a context
    manager (`with torch.no_grad():`) or a decorator restores what it sets and is
    not counted. When no such call is found (a setter reached through a variable),
    the last code line naming a setter's final component is returned.

    Parameters:
        source_text: The snippet's source.
        change: A change from `changes`.

    Returns:
        The line number (1-based), or 0 when the source names no setter.
    """
    resolver = _Resolver(change.setters)
    try:
        tree = ast.parse(source_text)
    except SyntaxError:
        tree = None
    if tree is not None:
        resolver.visit(tree)
        if resolver.lines:
            return max(resolver.lines)
    # The fallback: a setter reached through a variable (`cudnn = torch.backends.cudnn`) still
    # names its last two components somewhere (`cudnn.benchmark = True`).
    tails = sorted({".".join(setter.split(".")[-2:]) for setter in change.setters})
    pattern = re.compile(r"(?<![\w.])(?:\w+\.)*(?:" + "|".join(re.escape(tail) for tail in tails) + r")\b")
    line = 0
    for number, text in enumerate(source_text.splitlines(), start=1):
        if pattern.search(text.split("#", 1)[0]):
            line = number
    return line
