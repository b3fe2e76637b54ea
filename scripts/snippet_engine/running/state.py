"""Process-global state a snippet can leave behind, probed by name.

A chapter notebook runs every snippet of the chapter in one kernel, top to
bottom, as a reader does. A snippet that calls `torch.set_printoptions`,
`torch.set_default_dtype`, `os.chdir` or `plt.rcParams[...] = ...` at top level
changes what every later cell prints or computes. Each probe here reads one
such piece of state and names the public calls that change it:

    before = snapshot()
    ...                      # run the snippet
    for change, line in snippet_changes(before, snapshot(), source):
        ...                  # change.message, reported at the snippet's `line`

This module is loaded on its own (by file path) inside notebook kernels and
the engine's sandbox, so it imports only the standard library; torch, NumPy
and matplotlib are probed only when something already imported them.
Snapshot values are plain JSON (str, int, float, bool, None, lists and
dicts), so a snapshot survives `json.dumps` / `json.loads` unchanged and two
snapshots compare with `==`. A snapshot takes about 0.1 ms.

Probes change nothing: none imports a module, resolves matplotlib's backend,
touches the warnings registry or triggers a warning. Every probe was checked
to stay unchanged between cells of an IPython kernel that leave it alone
(the warnings filters included). Left out on purpose: the multiprocessing
start method, which the first `DataLoader(num_workers=2)` fixes as a side
effect, so it would blame correct snippets.
"""

from __future__ import annotations

import ast
import math
import os
import re
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["IMPORTED", "PROBES", "Probe", "StateChange", "changes", "setter_line", "snapshot", "snippet_changes"]


@dataclass(frozen=True)
class Probe:
    """One named piece of process-global state.

    Parameters:
        name: What a message calls it (`torch print options`); the key in a snapshot.
        read: Returns the current value as plain JSON.
        setters: Dotted names of the public calls and assignable attributes that
            change it (`torch.set_printoptions`, `matplotlib.rcParams`), as the
            modules define them; `setter_line` resolves a snippet's import aliases.
        needs: A module that must already be imported for the probe to run
            (None: always runs).
        plural: Whether the name is plural (the message says "restore them").
        quote: Show string values quoted in messages (environment variables).
        imports_change_it: Importing a module commonly changes it too (scikit-learn sets
            environment variables, torch adds warnings filters), so a change made while
            modules were imported may be theirs rather than the snippet's.
    """

    name: str
    read: Callable[[], object]
    setters: tuple[str, ...]
    needs: str | None = None
    plural: bool = False
    quote: bool = False
    imports_change_it: bool = False


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


def _plain(value: object) -> object:
    """`value` as plain JSON that compares equal after a round trip (other objects as their repr)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else repr(value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return repr(value)


# torch -----------------------------------------------------------------------


def _torch():
    return sys.modules["torch"]


def _torch_default_dtype() -> object:
    return str(_torch().get_default_dtype())


def _torch_default_device() -> object:
    torch = _torch()
    getter = getattr(torch, "get_default_device", None)
    if getter is not None:
        return str(getter())
    return str(torch.empty(0).device)  # torch < 2.3


def _torch_print_options() -> object:
    options = sys.modules["torch._tensor_str"].PRINT_OPTS
    return _plain(
        {
            name: getattr(options, name, None)
            for name in ("precision", "threshold", "edgeitems", "linewidth", "sci_mode")
        }
    )


def _torch_grad_mode() -> object:
    return bool(_torch().is_grad_enabled())


def _torch_inference_mode() -> object:
    return bool(_torch().is_inference_mode_enabled())


def _torch_anomaly_detection() -> object:
    torch = _torch()
    return {"enabled": bool(torch.is_anomaly_enabled()), "check_nan": bool(torch.is_anomaly_check_nan_enabled())}


def _torch_deterministic() -> object:
    torch = _torch()
    return {
        "enabled": bool(torch.are_deterministic_algorithms_enabled()),
        "warn_only": bool(torch.is_deterministic_algorithms_warn_only_enabled()),
        "debug_mode": int(torch.get_deterministic_debug_mode()),
    }


_FP32_PRECISION = (
    ("generic", "all"),
    ("cuda", "matmul"),
    ("cuda", "conv"),
    ("cuda", "rnn"),
    ("mkldnn", "matmul"),
    ("mkldnn", "conv"),
    ("mkldnn", "rnn"),
)


def _torch_float32_precision() -> object:
    torch = _torch()
    getter = getattr(torch._C, "_get_fp32_precision_getter", None)
    if getter is None:  # torch < 2.9: the legacy getters are the only ones
        return {
            "matmul precision": torch.get_float32_matmul_precision(),
            "cuda.matmul.allow_tf32": bool(torch._C._get_cublas_allow_tf32()),
            "cudnn.allow_tf32": bool(torch._C._get_cudnn_allow_tf32()),
        }
    # The legacy getters (`get_float32_matmul_precision`, `allow_tf32`) raise once a
    # snippet used the new API; the new getters reflect both. "none" means "as the
    # backend's generic setting", so `set_float32_matmul_precision("highest")` after
    # "high" reads as the untouched default again.
    generic = getter("generic", "all")
    effective = "ieee" if generic == "none" else generic
    values = {}
    for backend, op in _FP32_PRECISION[1:]:
        value = getter(backend, op)
        values[f"{backend}.{op}"] = effective if value == "none" else value
    matmul = sys.modules.get("torch.backends.cuda")
    if matmul is not None:
        for flag in ("allow_fp16_reduced_precision_reduction", "allow_bf16_reduced_precision_reduction"):
            try:
                values[f"cuda.matmul.{flag}"] = _plain(getattr(matmul.matmul, flag))
            except Exception:  # not exposed by this build
                pass
    return values


def _torch_cudnn_flags() -> object:
    c = _torch()._C
    return {
        "enabled": bool(c._get_cudnn_enabled()),
        "benchmark": bool(c._get_cudnn_benchmark()),
        "deterministic": bool(c._get_cudnn_deterministic()),
    }


def _torch_threads() -> object:
    return int(_torch().get_num_threads())


def _torch_warn_always() -> object:
    return bool(_torch().is_warn_always_enabled())


def _torch_flush_denormal() -> object:
    # No getter exists: a subnormal float64 survives arithmetic unless denormals are flushed to zero.
    torch = _torch()
    return (torch.tensor([1e-310], dtype=torch.float64, device="cpu") * 1).item() == 0.0


def _torch_autocast() -> object:
    torch = _torch()
    values = {}
    for device in ("cpu", "cuda"):
        values[device] = bool(torch.is_autocast_enabled(device))
        values[f"{device} dtype"] = str(torch.get_autocast_dtype(device))
    return values


def _torch_onednn_flags() -> object:
    return {"enabled": bool(_torch()._C._get_mkldnn_enabled())}


# NumPy -----------------------------------------------------------------------


def _numpy_print_options() -> object:
    return _plain(sys.modules["numpy"].get_printoptions())


def _numpy_error_handling() -> object:
    numpy = sys.modules["numpy"]
    return {**_plain(numpy.geterr()), "call": _plain(numpy.geterrcall())}


# matplotlib ------------------------------------------------------------------


def _matplotlib_rc_params() -> object:
    rc = sys.modules["matplotlib"].rcParams
    # dict's own items: RcParams.__getitem__ would resolve the backend (importing pyplot).
    return {key: repr(value) for key, value in dict.items(rc)}


# the interpreter ---------------------------------------------------------------


def _interpreter_limits() -> object:
    values = {"recursion limit": sys.getrecursionlimit()}
    digits = getattr(sys, "get_int_max_str_digits", None)
    if digits is not None:
        values["int max str digits"] = digits()
    return values


def _decimal_context() -> object:
    context = sys.modules["decimal"].getcontext()
    return {
        "prec": context.prec,
        "rounding": context.rounding,
        "Emin": context.Emin,
        "Emax": context.Emax,
        "capitals": context.capitals,
        "clamp": context.clamp,
        "traps": sorted(signal.__name__ for signal, on in context.traps.items() if on),
    }


def _locale() -> object:
    locale = sys.modules["locale"]
    return locale.setlocale(locale.LC_ALL, None)  # None only queries


def _working_directory() -> object:
    try:
        return os.getcwd()
    except FileNotFoundError:
        return "<removed>"


def _environment() -> object:
    return dict(os.environ)


def _sys_path() -> object:
    return [str(entry) for entry in sys.path]


def _warnings_filters() -> object:
    return [repr(entry) for entry in warnings.filters]


def _logging() -> object:
    logging = sys.modules["logging"]
    root = logging.getLogger()
    return {
        "level": root.level,
        "handlers": [f"{type(handler).__name__} level={handler.level}" for handler in root.handlers],
        "disable": logging.root.manager.disable,
    }


_RC_SETTERS = (
    *(
        f"{module}.{name}"
        for module in ("matplotlib", "matplotlib.pyplot")
        for name in ("rcParams", "rc", "rcdefaults", "rc_file", "rc_file_defaults", "style.use", "use", "interactive")
    ),
    "matplotlib.pyplot.switch_backend",
    "matplotlib.pyplot.ion",
    "matplotlib.pyplot.ioff",
    "matplotlib.pyplot.xkcd",
)

PROBES: tuple[Probe, ...] = (
    Probe(
        "torch default dtype",
        _torch_default_dtype,
        ("torch.set_default_dtype", "torch.set_default_tensor_type"),
        needs="torch",
    ),
    Probe(
        "torch default device",
        _torch_default_device,
        ("torch.set_default_device", "torch.set_default_tensor_type"),
        needs="torch",
    ),
    Probe(
        "torch print options",
        _torch_print_options,
        ("torch.set_printoptions", "torch._tensor_str.PRINT_OPTS"),
        needs="torch._tensor_str",
        plural=True,
    ),
    Probe(
        "grad mode",
        _torch_grad_mode,
        (
            "torch.set_grad_enabled",
            "torch.autograd.set_grad_enabled",
            "torch.autograd.grad_mode.set_grad_enabled",
            "torch.no_grad",
            "torch.enable_grad",
            "torch._C._set_grad_enabled",
            "torch.inference_mode",  # inference mode turns grad mode off too
            "torch.autograd.inference_mode",
            "torch.autograd.grad_mode.inference_mode",
        ),
        needs="torch",
    ),
    Probe(
        "inference mode",
        _torch_inference_mode,
        ("torch.inference_mode", "torch.autograd.inference_mode", "torch.autograd.grad_mode.inference_mode"),
        needs="torch",
    ),
    Probe(
        "anomaly detection",
        _torch_anomaly_detection,
        (
            "torch.autograd.set_detect_anomaly",
            "torch.autograd.detect_anomaly",
            "torch.autograd.anomaly_mode.set_detect_anomaly",
        ),
        needs="torch",
    ),
    Probe(
        "deterministic algorithms",
        _torch_deterministic,
        ("torch.use_deterministic_algorithms", "torch.set_deterministic_debug_mode"),
        needs="torch",
    ),
    Probe(
        "float32 matmul precision",
        _torch_float32_precision,
        (
            "torch.set_float32_matmul_precision",
            "torch.backends.fp32_precision",
            "torch.backends.cuda.matmul",
            "torch.backends.cudnn.allow_tf32",
            "torch.backends.cudnn.fp32_precision",
            "torch.backends.cudnn.conv.fp32_precision",
            "torch.backends.cudnn.rnn.fp32_precision",
            "torch.backends.mkldnn.fp32_precision",
            "torch.backends.mkldnn.matmul.fp32_precision",
            "torch.backends.mkldnn.conv.fp32_precision",
            "torch.backends.mkldnn.rnn.fp32_precision",
        ),
        needs="torch",
    ),
    Probe(
        "cuDNN flags",
        _torch_cudnn_flags,
        (
            "torch.backends.cudnn.enabled",
            "torch.backends.cudnn.benchmark",
            "torch.backends.cudnn.deterministic",
            "torch.backends.cudnn.set_flags",
        ),
        needs="torch",
        plural=True,
    ),
    Probe("torch threads", _torch_threads, ("torch.set_num_threads",), needs="torch", plural=True),
    Probe("torch warn-always mode", _torch_warn_always, ("torch.set_warn_always",), needs="torch"),
    Probe("torch flush-denormal mode", _torch_flush_denormal, ("torch.set_flush_denormal",), needs="torch"),
    Probe(
        "autocast",
        _torch_autocast,
        (
            "torch.autocast",
            "torch.amp.autocast",
            "torch.cpu.amp.autocast",
            "torch.cuda.amp.autocast",
            "torch.set_autocast_enabled",
            "torch.set_autocast_dtype",
        ),
        needs="torch",
    ),
    Probe(
        "oneDNN flags",
        _torch_onednn_flags,
        ("torch.backends.mkldnn.enabled", "torch.backends.mkldnn.set_flags"),
        needs="torch",
        plural=True,
    ),
    Probe(
        "NumPy print options",
        _numpy_print_options,
        ("numpy.set_printoptions", "numpy.set_string_function"),
        needs="numpy",
        plural=True,
    ),
    Probe("NumPy error handling", _numpy_error_handling, ("numpy.seterr", "numpy.seterrcall"), needs="numpy"),
    Probe("matplotlib rcParams", _matplotlib_rc_params, _RC_SETTERS, needs="matplotlib", plural=True),
    Probe(
        "interpreter limits",
        _interpreter_limits,
        ("sys.setrecursionlimit", "sys.set_int_max_str_digits"),
        plural=True,
        # torch.compile raises the recursion limit to 2000 as inductor loads (torch/_inductor/compile_fx.py).
        imports_change_it=True,
    ),
    Probe(
        "decimal context",
        _decimal_context,
        ("decimal.getcontext", "decimal.setcontext", "decimal.DefaultContext"),
        needs="decimal",
    ),
    Probe("locale", _locale, ("locale.setlocale",), needs="locale"),
    Probe("working directory", _working_directory, ("os.chdir", "os.fchdir")),
    Probe(
        "environment variables",
        _environment,
        ("os.environ", "os.putenv", "os.unsetenv"),
        plural=True,
        quote=True,
        imports_change_it=True,
    ),
    Probe("sys.path", _sys_path, ("sys.path", "site.addsitedir"), imports_change_it=True),
    Probe(
        "warnings filters",
        _warnings_filters,
        ("warnings.filterwarnings", "warnings.simplefilter", "warnings.resetwarnings", "warnings.filters"),
        plural=True,
        imports_change_it=True,
    ),
    Probe(
        "logging configuration",
        _logging,
        (
            "logging.basicConfig",
            "logging.disable",
            "logging.root",
            "logging.getLogger.setLevel",
            "logging.getLogger.addHandler",
            "logging.getLogger.removeHandler",
            "logging.getLogger.handlers",
        ),
        needs="logging",
        imports_change_it=True,
    ),
)
"""Every probe, in the order changes are reported."""


IMPORTED = "imported modules"
"""Snapshot key (not a probe): how many modules were imported, to tell when an import may explain a change."""


def snapshot() -> dict[str, object]:
    """Read every probe whose module is already imported.

    Returns:
        Probe name -> value (plain JSON), plus `IMPORTED` -> the number of
        imported modules. A probe that cannot be read (a torch build without
        the function) holds `"<unreadable: ErrorType>"`, so a change in
        readability still shows as a change.
    """
    values: dict[str, object] = {IMPORTED: len(sys.modules)}
    for probe in PROBES:
        if probe.needs is not None and probe.needs not in sys.modules:
            continue
        try:
            values[probe.name] = probe.read()
        except Exception as exc:
            values[probe.name] = f"<unreadable: {type(exc).__name__}>"
    return values


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
