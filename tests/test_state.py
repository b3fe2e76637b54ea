"""State probes: each detects its own change, and none reports anything when nothing changed."""

import decimal
import importlib.util
import json
import locale
import logging
import os
import sys
import time
import warnings

import matplotlib
import numpy as np
import pytest
import torch

from snippet_engine.running.state import IMPORTED, PROBES, StateChange, changes, setter_line, snapshot, snippet_changes


class Saved:
    """Remembers state in `setup`, puts it back in `restore`."""


def _grad_off():
    torch.set_grad_enabled(False)


def _autocast_on(box):
    box.autocast = torch.autocast("cpu")
    box.autocast.__enter__()


def _inference_on(box):
    box.mode = torch.inference_mode()
    box.mode.__enter__()


# name -> (change(box), restore(box)): each change is undone by its restore.
CASES = {
    "torch default dtype": (
        lambda box: torch.set_default_dtype(torch.float64),
        lambda box: torch.set_default_dtype(torch.float32),
    ),
    "torch default device": (
        lambda box: torch.set_default_device("meta"),
        lambda box: torch.set_default_device(None),
    ),
    "torch print options": (
        lambda box: torch.set_printoptions(precision=6),
        lambda box: torch.set_printoptions(profile="default"),
    ),
    "grad mode": (lambda box: _grad_off(), lambda box: torch.set_grad_enabled(True)),
    "inference mode": (_inference_on, lambda box: box.mode.__exit__(None, None, None)),
    "anomaly detection": (
        lambda box: torch.autograd.set_detect_anomaly(True),
        lambda box: torch.autograd.set_detect_anomaly(False),
    ),
    "deterministic algorithms": (
        lambda box: torch.use_deterministic_algorithms(True, warn_only=True),
        lambda box: torch.use_deterministic_algorithms(False),
    ),
    "float32 matmul precision": (
        lambda box: torch.set_float32_matmul_precision("high"),
        lambda box: torch.set_float32_matmul_precision("highest"),
    ),
    "cuDNN flags": (
        lambda box: setattr(torch.backends.cudnn, "benchmark", True),
        lambda box: setattr(torch.backends.cudnn, "benchmark", False),
    ),
    "torch threads": (
        lambda box: (setattr(box, "threads", torch.get_num_threads()), torch.set_num_threads(box.threads + 1)),
        lambda box: torch.set_num_threads(box.threads),
    ),
    "torch warn-always mode": (lambda box: torch.set_warn_always(True), lambda box: torch.set_warn_always(False)),
    "torch flush-denormal mode": (
        lambda box: torch.set_flush_denormal(True),
        lambda box: torch.set_flush_denormal(False),
    ),
    "autocast": (_autocast_on, lambda box: box.autocast.__exit__(None, None, None)),
    "oneDNN flags": (
        lambda box: setattr(torch.backends.mkldnn, "enabled", False),
        lambda box: setattr(torch.backends.mkldnn, "enabled", True),
    ),
    "interpreter limits": (
        lambda box: (setattr(box, "limit", sys.getrecursionlimit()), sys.setrecursionlimit(box.limit + 100)),
        lambda box: sys.setrecursionlimit(box.limit),
    ),
    "decimal context": (
        lambda box: setattr(decimal.getcontext(), "prec", 5),
        lambda box: setattr(decimal.getcontext(), "prec", 28),
    ),
    "locale": (
        lambda box: (
            setattr(box, "locale", locale.setlocale(locale.LC_NUMERIC)),
            locale.setlocale(locale.LC_NUMERIC, "C.UTF-8"),
        ),
        lambda box: locale.setlocale(locale.LC_NUMERIC, box.locale),
    ),
    "NumPy print options": (
        lambda box: (setattr(box, "np", np.get_printoptions()), np.set_printoptions(precision=2)),
        lambda box: np.set_printoptions(**box.np),
    ),
    "NumPy error handling": (
        lambda box: setattr(box, "err", np.seterr(all="raise")),
        lambda box: np.seterr(**box.err),
    ),
    "matplotlib rcParams": (
        lambda box: (
            setattr(box, "family", matplotlib.rcParams["font.family"]),
            matplotlib.rcParams.__setitem__("font.family", ["DejaVu Serif"]),
        ),
        lambda box: matplotlib.rcParams.__setitem__("font.family", box.family),
    ),
    "working directory": (
        lambda box: (setattr(box, "cwd", os.getcwd()), os.chdir(box.tmp)),
        lambda box: os.chdir(box.cwd),
    ),
    "environment variables": (
        lambda box: os.environ.__setitem__("SNIPPET_STATE_TEST", "1"),
        lambda box: os.environ.pop("SNIPPET_STATE_TEST"),
    ),
    "sys.path": (lambda box: sys.path.append(str(box.tmp)), lambda box: sys.path.remove(str(box.tmp))),
    "warnings filters": (
        lambda box: (setattr(box, "filters", list(warnings.filters)), warnings.simplefilter("ignore")),
        lambda box: (warnings.filters.clear(), warnings.filters.extend(box.filters)),
    ),
    "logging configuration": (
        lambda box: (setattr(box, "level", logging.root.level), logging.root.setLevel(logging.DEBUG)),
        lambda box: logging.root.setLevel(box.level),
    ),
}


def test_every_probe_has_a_case_and_is_present_with_its_modules_imported():
    assert set(CASES) == {probe.name for probe in PROBES}
    assert set(snapshot()) == {*CASES, IMPORTED}


def test_nothing_changed_reports_nothing_even_after_a_json_round_trip():
    first = snapshot()
    again = json.loads(json.dumps(snapshot()))
    assert changes(first, again) == []
    assert json.loads(json.dumps(first)) == first


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_probe_detects_its_change_and_its_restore(name, tmp_path):
    change, restore = CASES[name]
    box = Saved()
    box.tmp = tmp_path
    before = snapshot()
    change(box)
    try:
        after = snapshot()
    finally:
        restore(box)
    restored = snapshot()
    # Some calls import modules lazily (use_deterministic_algorithms imports inductor, which sets
    # an environment variable): those side effects are flagged, and snippet_changes drops them.
    found = [c for c in changes(before, json.loads(json.dumps(after))) if not c.during_import]
    also = ["grad mode"] if name == "inference mode" else []  # inference mode turns grad mode off too
    assert [c.name for c in found] == [*also, name]
    found = found[-1]
    assert isinstance(found, StateChange) and found.setters
    assert found.message.startswith(f"{name} changed (")
    assert found.message.endswith("before the snippet ends (chapter notebooks run every snippet in one kernel)")
    assert [c for c in changes(before, restored) if not c.during_import] == []


def test_messages_say_what_changed():
    before = snapshot()
    torch.set_printoptions(precision=2, sci_mode=False)
    try:
        (change,) = changes(before, snapshot())
    finally:
        torch.set_printoptions(profile="default")
    assert change.message == (
        "torch print options changed (precision 4 → 2, sci_mode None → False): restore them before the snippet "
        "ends (chapter notebooks run every snippet in one kernel)"
    )
    torch.set_default_dtype(torch.float64)
    try:
        (change,) = changes(before, snapshot())
    finally:
        torch.set_default_dtype(torch.float32)
    assert "(torch.float32 → torch.float64): restore it" in change.message
    os.environ["SNIPPET_STATE_TEST"] = "x"
    try:
        (change,) = changes(before, snapshot())
    finally:
        del os.environ["SNIPPET_STATE_TEST"]
    assert "(SNIPPET_STATE_TEST unset → 'x')" in change.message


def test_a_probe_whose_module_was_imported_in_between_is_not_compared():
    before = {k: v for k, v in snapshot().items() if k != "torch print options"}
    torch.set_printoptions(precision=6)
    try:
        assert changes(before, snapshot()) == []
    finally:
        torch.set_printoptions(profile="default")


def test_changes_an_import_made_are_not_blamed_on_the_snippet(tmp_path):
    module = tmp_path / "snippet_state_side_effect.py"
    module.write_text(
        "import os, warnings\n"
        "os.environ['SNIPPET_STATE_IMPORTED'] = '1'\n"
        "warnings.filterwarnings('ignore', message='snippet state test')\n"
    )
    filters = list(warnings.filters)
    before = snapshot()
    spec = importlib.util.spec_from_file_location(module.stem, module)
    sys.modules[module.stem] = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(sys.modules[module.stem])
        after = snapshot()
    finally:
        del sys.modules[module.stem], os.environ["SNIPPET_STATE_IMPORTED"]
        warnings.filters[:] = filters
    assert [c.name for c in changes(before, after)] == ["environment variables", "warnings filters"]
    assert all(c.during_import for c in changes(before, after))
    assert snippet_changes(before, after, "import snippet_state_side_effect\n") == []
    source = "import os\n\nos.environ['SNIPPET_STATE_IMPORTED'] = '1'\n"
    ((change, line),) = snippet_changes(before, after, source)
    assert change.name == "environment variables" and line == 3
    # Without an import in between, the same change is the snippet's even with no setter in sight.
    os.environ["SNIPPET_STATE_IMPORTED"] = "1"
    try:
        ((change, line),) = snippet_changes(before, snapshot(), "pass\n")
    finally:
        del os.environ["SNIPPET_STATE_IMPORTED"]
    assert change.name == "environment variables" and line == 0


def test_snapshot_is_fast():
    snapshot()
    timings = []
    for _ in range(20):
        start = time.perf_counter()
        snapshot()
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.010


def _change(name):
    probe = next(p for p in PROBES if p.name == name)
    return StateChange(name, 0, 1, probe.setters, "")


SOURCE = """\
import matplotlib.pyplot as plt
import numpy as np
import torch
from torch import set_printoptions as show

torch.set_printoptions(precision=2)  # line 6
print(torch.ones(2))
show(precision=3)  # line 8
with torch.no_grad():
    y = 1
np.set_printoptions(precision=2)  # line 11
plt.rcParams["font.family"] = ["x"]  # line 12
print(plt.rcParams.get("font.size"))
with plt.rc_context({"font.size": 3}):
    pass
torch.backends.cudnn.benchmark = True  # line 16


@torch.no_grad()
def f():
    torch.set_grad_enabled(False)  # line 21
"""


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("torch print options", 8),
        ("NumPy print options", 11),
        ("matplotlib rcParams", 12),
        ("cuDNN flags", 16),
        ("grad mode", 21),
        ("torch default dtype", 0),
        ("working directory", 0),
    ],
)
def test_setter_line_follows_aliases_and_skips_context_managers(name, line):
    assert setter_line(SOURCE, _change(name)) == line


def test_setter_line_falls_back_to_the_setters_name():
    source = "import torch\ncudnn = torch.backends.cudnn\n\ncudnn.benchmark = True  # cudnn.deterministic\n"
    assert setter_line(source, _change("cuDNN flags")) == 4
    assert setter_line("import os\n# os.chdir('x')\n", _change("working directory")) == 0
