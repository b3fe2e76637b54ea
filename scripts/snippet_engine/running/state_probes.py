"""The probes: each piece of process-global state a snippet can leave behind, read by name.

`snapshot()` reads every probe whose module is already imported. What a change
between two snapshots means for a snippet (the message, the line that made it)
is `state`'s concern; this module only reads.

This module is loaded on its own (by file path) inside notebook kernels
(`notebooks/run.py`), so it imports only the standard library; torch, NumPy
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

import math
import os
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["IMPORTED", "PROBES", "Probe", "snapshot"]


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
