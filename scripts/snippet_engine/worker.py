"""A warm worker: imports the heavy modules once, then forks a child per snippet.

Run as `python -m snippet_engine.worker`. It speaks JSON lines: one request
per line on stdin, one reply per line on stdout. The first line it writes is
`{"ready": true}` once torch, NumPy, matplotlib and scikit-learn are imported.

The worker never runs torch code itself: forking after CUDA or OpenMP
initialisation is unsafe, and every child must start from the same state.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import sys
import tempfile
import time
from typing import Any

KILL_GRACE = 2.0
"""Seconds between faulthandler's traceback dump and the kill, for the dump to land."""

MAX_OUTPUT_SHOWN = 200_000
"""Bytes of output kept in a result; the rest is reported as truncated."""


def _warm_imports() -> None:
    os.environ.setdefault("MPLBACKEND", "Agg")
    # Ask NVML, not the CUDA runtime, whether CUDA works: the runtime must not
    # be initialised before fork.
    os.environ.setdefault("PYTORCH_NVML_BASED_CUDA_CHECK", "1")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.font_manager
    import matplotlib.pyplot
    import numpy
    import sklearn.datasets
    import sklearn.model_selection
    import torch
    import torch.nn
    import torch.optim
    import torch.utils.data

    matplotlib.font_manager.fontManager.findfont("DejaVu Sans")
    del numpy, torch, sklearn


def _wait(pid: int, timeout: float) -> tuple[int | None, bool]:
    """Wait for `pid` up to `timeout` seconds; returns (wait status or None, timed out)."""
    pidfd = os.pidfd_open(pid)
    try:
        ready, _, _ = select.select([pidfd], [], [], timeout)
    finally:
        os.close(pidfd)
    if not ready:
        return None, True
    _, status = os.waitpid(pid, 0)
    return status, False


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _read_output(path: str) -> tuple[str, int]:
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        data = fh.read(MAX_OUTPUT_SHOWN)
    if size > MAX_OUTPUT_SHOWN:
        cut = data.rfind(b"\n")
        data = data[: cut + 1] if cut > 0 else data
    return data.decode("utf-8", "replace"), size


def run_request(request: dict[str, Any]) -> dict[str, Any]:
    """Fork a child for one snippet, wait for it and collect its report.

    Parameters:
        request: See `sandbox.run_child`.

    Returns:
        The raw report: the child's own report merged with what only the
        worker can know (output file, exit signal, timeout, faulthandler dump).
    """
    workdir = tempfile.mkdtemp(prefix="snippet-")
    files = {name: os.path.join(workdir, f".{name}") for name in ("output", "trace", "report")}
    rundir = os.path.join(workdir, "cwd")
    os.mkdir(rundir)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(rundir)
            from snippet_engine.sandbox import run_child

            run_child(request, files["output"], files["trace"], files["report"])
        finally:
            os._exit(70)
    status, timed_out = _wait(pid, request["timeout"] + KILL_GRACE)
    _kill_group(pid)  # the child and anything it started
    if timed_out:
        os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    reply: dict[str, Any] = {}
    if os.path.exists(files["report"]):
        with open(files["report"], encoding="utf-8") as fh:
            reply = json.load(fh)
    reply.setdefault("duration", elapsed)
    reply["timed_out"] = timed_out
    reply["signal"] = os.WTERMSIG(status) if status is not None and os.WIFSIGNALED(status) else 0
    reply["child_status"] = os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else None
    reply["output"], reply["output_bytes"] = (
        _read_output(files["output"]) if os.path.exists(files["output"]) else ("", 0)
    )
    with (
        open(files["trace"], encoding="utf-8", errors="replace")
        if os.path.exists(files["trace"])
        else open(os.devnull) as fh
    ):
        reply["fault_trace"] = fh.read(20_000)
    shutil.rmtree(workdir, ignore_errors=True)
    return reply


def main() -> None:
    """Serve requests until stdin closes."""
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8")
    # Keep stray prints from the worker's own imports off the protocol channel.
    os.dup2(2, 1)
    _warm_imports()
    protocol.write(json.dumps({"ready": True, "pid": os.getpid()}) + "\n")
    protocol.flush()
    for line in sys.stdin:
        request = json.loads(line)
        try:
            reply = run_request(request)
        except Exception as exc:
            reply = {"engine_error": f"{type(exc).__name__}: {exc}"}
        reply["id"] = request.get("id")
        protocol.write(json.dumps(reply) + "\n")
        protocol.flush()


if __name__ == "__main__":
    main()
