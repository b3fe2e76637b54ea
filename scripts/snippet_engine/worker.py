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

from snippet_engine.sandbox import run_child  # before the heavy imports: it keeps Python's pristine warning filters
from snippet_engine.terminal import render_terminal

KILL_GRACE = 2.0
"""Seconds between faulthandler's traceback dump and the kill, for the dump to land."""

MAX_OUTPUT = 64 * 1024 * 1024
"""Bytes a snippet may print: past this it is killed. Files it or its tools write are not limited."""

MAX_OUTPUT_RENDERED = 1024 * 1024
"""Bytes of raw output replayed through the terminal emulator; the rest is counted, not kept."""

MAX_OUTPUT_SHOWN = 200_000
"""Bytes of rendered output kept in a result; the rest is reported as truncated."""

DRAIN_GRACE = 2.0
"""Seconds to keep reading output after the snippet's process group was killed (a process that left
the group may still hold the pipe open)."""


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


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class _OutputReader:
    """Reads the snippet's output pipe: keeps the first `MAX_OUTPUT_RENDERED` bytes, counts all of them."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.kept = bytearray()
        self.total = 0
        self.closed = False

    def read(self) -> None:
        """Read what is available (call when select says the pipe is readable)."""
        chunk = os.read(self.fd, 1 << 16)
        if not chunk:
            self.closed = True
            return
        self.total += len(chunk)
        room = MAX_OUTPUT_RENDERED - len(self.kept)
        if room > 0:
            self.kept += chunk[:room]

    def text(self) -> tuple[str, bool]:
        """The output as a terminal shows it, at most `MAX_OUTPUT_SHOWN` bytes, and whether it was cut."""
        data = bytes(self.kept)
        if self.total > len(data):  # cut mid-line (or mid-character): keep whole lines
            data = data[: data.rfind(b"\n") + 1] or data
        shown = render_terminal(data.decode("utf-8", "replace"))
        truncated = self.total > len(self.kept)
        encoded = shown.encode("utf-8")
        if len(encoded) > MAX_OUTPUT_SHOWN:
            cut = encoded.rfind(b"\n", 0, MAX_OUTPUT_SHOWN)
            shown = encoded[: cut + 1 if cut > 0 else MAX_OUTPUT_SHOWN].decode("utf-8", "ignore")
            truncated = True
        return shown, truncated


def _supervise(pid: int, reader: _OutputReader, timeout: float) -> tuple[int | None, str]:
    """Read the child's output until it exits, is out of time or prints too much.

    Returns:
        The child's wait status (None if it was killed here) and why it was
        killed: "", "timeout" or "output".
    """
    pidfd = os.pidfd_open(pid)
    deadline = time.monotonic() + timeout
    verdict = ""
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                verdict = "timeout"
                break
            ready, _, _ = select.select([reader.fd, pidfd] if not reader.closed else [pidfd], [], [], left)
            if reader.fd in ready:
                reader.read()
                if reader.total > MAX_OUTPUT:
                    verdict = "output"
                    break
            if pidfd in ready:
                break
    finally:
        os.close(pidfd)
    _kill_group(pid)  # the child and anything it started
    _, status = os.waitpid(pid, 0)
    end = time.monotonic() + DRAIN_GRACE
    while not reader.closed and reader.total <= MAX_OUTPUT and (left := end - time.monotonic()) > 0:
        if select.select([reader.fd], [], [], left)[0]:
            reader.read()
        else:
            break
    return (None if verdict else status), verdict


def run_request(request: dict[str, Any]) -> dict[str, Any]:
    """Fork a child for one snippet, read its output, wait for it and collect its report.

    Parameters:
        request: See `sandbox.run_child`.

    Returns:
        The raw report: the child's own report merged with what only the
        worker can know (output as a terminal shows it, exit signal, timeout,
        output overflow, faulthandler dump).
    """
    workdir = tempfile.mkdtemp(prefix="snippet-")
    files = {name: os.path.join(workdir, f".{name}") for name in ("trace", "report")}
    rundir = os.path.join(workdir, "cwd")
    os.mkdir(rundir)
    read_fd, write_fd = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_fd)
            os.chdir(rundir)
            run_child(request, write_fd, files["trace"], files["report"])
        finally:
            os._exit(70)
    os.close(write_fd)
    reader = _OutputReader(read_fd)
    try:
        status, verdict = _supervise(pid, reader, request["timeout"] + KILL_GRACE)
    finally:
        os.close(read_fd)
    elapsed = time.perf_counter() - start
    reply: dict[str, Any] = {}
    if os.path.exists(files["report"]):
        with open(files["report"], encoding="utf-8") as fh:
            reply = json.load(fh)
    reply.setdefault("duration", elapsed)
    reply["timed_out"] = verdict == "timeout"
    reply["output_exceeded"] = MAX_OUTPUT if verdict == "output" else 0  # the limit passed, in bytes
    reply["signal"] = os.WTERMSIG(status) if status is not None and os.WIFSIGNALED(status) else 0
    reply["child_status"] = os.WEXITSTATUS(status) if status is not None and os.WIFEXITED(status) else None
    reply["output"], reply["truncated"] = reader.text()
    reply["output_bytes"] = reader.total
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
