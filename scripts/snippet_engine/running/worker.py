"""A warm worker: imports the heavy modules once, then forks a child per snippet.

Run as `python -m snippet_engine.running.worker`. It speaks JSON lines: one request
per line on stdin, one reply per line on stdout. The first line it writes is
`{"ready": true}` once torch, NumPy, matplotlib and scikit-learn are imported.

The worker never runs torch code itself: forking after CUDA or OpenMP
initialisation is unsafe, and every child must start from the same state.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import select
import shutil
import signal
import sys
import tempfile
import time
import weakref
from typing import Any

from snippet_engine.running.paths import portable_paths
from snippet_engine.running.sandbox import (
    run_child,  # before the heavy imports: it keeps Python's pristine warning filters
)
from snippet_engine.running.terminal import render_terminal

KILL_GRACE = 2.0
"""Seconds, at most, between asking a timed-out snippet for its traceback (SIGUSR1) and the kill."""

DUMP_SIGNAL = signal.SIGUSR1
"""The signal on which a snippet's process writes every thread's traceback (faulthandler.register)."""

MAX_OUTPUT = 64 * 1024 * 1024
"""Bytes a snippet may print: past this it is killed. Files it or its tools write are not limited."""

MAX_OUTPUT_RENDERED = 1024 * 1024
"""Bytes of raw output replayed through the terminal emulator, at most: beyond it, only the first and the
last half of this are kept (a long progress line's final state is at the end)."""

MAX_OUTPUT_SHOWN = 200_000
"""Bytes of rendered output kept in a result; longer output keeps its start and its end."""

CUT_MARK = "[… the middle of the output is not shown …]"
"""The line that stands for the middle of an output too long to keep whole."""

_exit = os._exit
"""`os._exit` as the worker found it (a snippet's process wraps its own copy's, see `sandbox.run_child`)."""

DRAIN_GRACE = 2.0
"""Seconds to keep reading output after the snippet's process group was killed (a process that left
the group may still hold the pipe open)."""


WARM_MODULES = (
    "matplotlib.pyplot",
    "numpy",
    "sklearn.datasets",
    "sklearn.model_selection",
    "torch",
    "torch.nn",
    "torch.optim",
    "torch.utils.data",
    # torch.optim's optimizers load it lazily on first use (about 1 s, and sympy adds a warning filter):
    # once here, not once per snippet.
    "torch._dynamo",
)
"""What a worker imports before it forks: every snippet starts with these loaded, and so does the
chapter notebook's first (hidden) probe cell, so that their import-time side effects never count as a snippet's."""


def _warm_imports() -> None:
    os.environ.setdefault("MPLBACKEND", "Agg")
    # Ask NVML, not the CUDA runtime, whether CUDA works: the runtime must not
    # be initialised before fork.
    os.environ.setdefault("PYTORCH_NVML_BASED_CUDA_CHECK", "1")
    import matplotlib

    matplotlib.use("Agg")
    for name in WARM_MODULES:
        importlib.import_module(name)
    matplotlib.font_manager.fontManager.findfont("DejaVu Sans")
    # The state probes touch lazily imported torch modules (some add warning filters as they load):
    # load them here, once, so that no snippet's before/after snapshots differ by an import of ours.
    from snippet_engine.running import state

    state.snapshot()
    # torch.library's weakref finalizers (one per operator library, ~170 once torch._dynamo is loaded) would
    # run at every child's exit, 25 ms of clean-up of a process about to end: they are the worker's, not the
    # snippet's. (A snippet's own finalizers, and every atexit handler, still run.)
    for finalizer in list(weakref.finalize._registry):
        finalizer.atexit = False
    # Objects alive now are never garbage: move them out of the collector's sight, so that a collection in
    # a child (the one at the interpreter's shutdown, any during the run) neither scans them nor copies
    # their pages (gc.freeze's purpose, see its documentation: 0.2 s -> 0.03 ms per collection here).
    gc.collect()
    gc.freeze()


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


class _OutputReader:
    """Reads the snippet's output pipe: keeps its first and last bytes (`MAX_OUTPUT_RENDERED` in all), counts all."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.head = bytearray()
        self.tail = bytearray()
        self.total = 0
        self.closed = False

    def read(self) -> None:
        """Read what is available (call when select says the pipe is readable)."""
        chunk = os.read(self.fd, 1 << 16)
        if not chunk:
            self.closed = True
            return
        self.total += len(chunk)
        half = MAX_OUTPUT_RENDERED // 2
        room = half - len(self.head)
        if room > 0:
            self.head += chunk[:room]
            chunk = chunk[room:]
        self.tail += chunk
        if len(self.tail) > 2 * half:
            del self.tail[: len(self.tail) - half]

    def text(self) -> tuple[str, bool]:
        """The output as a terminal shows it, and whether a middle part was left out.

        Output up to `MAX_OUTPUT_RENDERED` bytes is replayed whole; longer output as its
        first and last lines, each replayed on its own, with `CUT_MARK` between. Either
        way the shown text is at most about `MAX_OUTPUT_SHOWN` bytes.
        """
        if self.total <= MAX_OUTPUT_RENDERED:
            shown = render_terminal(bytes(self.head + self.tail).decode("utf-8", "replace"))
            if len(shown.encode("utf-8")) <= MAX_OUTPUT_SHOWN:
                return shown, False
            head_text, tail_text = shown, shown
        else:
            head = bytes(self.head)
            head = head[: head.rfind(b"\n") + 1]  # whole lines (and whole characters)
            # The tail starts where a line or a redraw starts: a progress line's last state stays whole.
            tail = bytes(self.tail[-(MAX_OUTPUT_RENDERED // 2) :])
            tail = tail[min(i for i in (tail.find(b"\n"), tail.find(b"\r"), len(tail) - 1) if i >= 0) + 1 :]
            head_text = render_terminal(head.decode("utf-8", "replace"))
            tail_text = render_terminal(tail.decode("utf-8", "replace"))
        budget = MAX_OUTPUT_SHOWN // 2
        first, last = head_text.encode("utf-8"), tail_text.encode("utf-8")
        if len(first) > budget:
            first = first[:budget]
            first = first[: first.rfind(b"\n") + 1] or first
        if len(last) > budget:
            last = last[-budget:]
            last = last[last.find(b"\n") + 1 :] if b"\n" in last[:-1] else last
        shown = first.decode("utf-8", "ignore") + CUT_MARK + "\n" + last.decode("utf-8", "ignore")
        return shown, True


def _dump_traceback(pid: int, pidfd: int, reader: _OutputReader, trace_path: str) -> None:
    """Ask a timed-out child for its traceback and wait, reading its output, until it is written."""
    try:
        os.kill(pid, DUMP_SIGNAL)
    except ProcessLookupError:
        return
    end = time.monotonic() + KILL_GRACE
    while (left := end - time.monotonic()) > 0:
        if trace_path and os.path.exists(trace_path) and os.path.getsize(trace_path) > 0:
            time.sleep(0.05)  # faulthandler writes the frames in several small writes
            return
        ready, _, _ = select.select([reader.fd, pidfd] if not reader.closed else [pidfd], [], [], min(left, 0.05))
        if reader.fd in ready:
            reader.read()
        if pidfd in ready:
            return


def _supervise(pid: int, reader: _OutputReader, timeout: float, trace_path: str = "") -> tuple[int | None, str]:
    """Read the child's output until it exits, is out of time or prints too much.

    Out of time, the child is first asked for its traceback (`DUMP_SIGNAL`), and killed once
    the traceback is in `trace_path` or `KILL_GRACE` seconds have passed. The traceback is
    asked for by the same clock that decides the timeout, so a loaded machine cannot kill the
    child before it was written (a timer in the child starts later than this deadline).

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
        if verdict == "timeout":
            _dump_traceback(pid, pidfd, reader, trace_path)
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
    files = {name: os.path.join(workdir, f".{name}") for name in ("trace", "report", "events")}
    rundir = os.path.join(workdir, "cwd")
    os.mkdir(rundir)
    read_fd, write_fd = os.pipe()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_fd)
            os.chdir(rundir)
            run_child({**request, "events": files["events"]}, write_fd, files["trace"], files["report"])
        finally:
            _exit(70)  # the real one: the snippet may have wrapped os._exit
    os.close(write_fd)
    reader = _OutputReader(read_fd)
    try:
        status, verdict = _supervise(pid, reader, request["timeout"], files["trace"])
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
    output, reply["truncated"] = reader.text()
    reply["output"] = portable_paths(output, request["repo_root"])
    reply["output_bytes"] = reader.total
    with (
        open(files["trace"], encoding="utf-8", errors="replace")
        if os.path.exists(files["trace"])
        else open(os.devnull) as fh
    ):
        reply["fault_trace"] = fh.read(20_000)
    shutil.rmtree(workdir, ignore_errors=True)
    return reply


SIBLINGS_ENV = "SNIPPET_WORKER_SIBLINGS"
"""Pipes for sibling workers, `"<request fd>,<reply fd>;..."`: the pool asks the first worker to fork the others
once it is warm, instead of starting each from scratch (see `pool.WorkerPool.start`)."""


def _fork_siblings(own: list[int]) -> tuple[Any, Any] | None:
    """Fork one sibling per pipe pair in `SIBLINGS_ENV`; in a sibling, return its (requests, protocol) files.

    A sibling is a copy of this warm worker (imports done, heap frozen): it costs a fork, not 2.7 s of
    imports on a core the first worker also needs. In this worker, the siblings' pipe ends are closed.

    Parameters:
        own: This worker's protocol descriptors (its stdin, 0, and its reply channel), which a sibling closes;
            its fd 0 is then `/dev/null`.

    Returns:
        None in this worker; the sibling's request and protocol files in a sibling.
    """
    spec = os.environ.pop(SIBLINGS_ENV, "")
    pairs = [tuple(int(fd) for fd in item.split(",")) for item in spec.split(";") if item]
    for index, (request_fd, reply_fd) in enumerate(pairs):
        if os.fork() == 0:
            for fd in own + [fd for other, pair in enumerate(pairs) if other != index for fd in pair]:
                os.close(fd)
            null = os.open(os.devnull, os.O_RDONLY)  # fd 0 stays taken, as in the first worker (not a pipe)
            if null != 0:
                os.dup2(null, 0)
                os.close(null)
            return os.fdopen(request_fd, encoding="utf-8"), os.fdopen(reply_fd, "w", encoding="utf-8")
    for pair in pairs:
        for fd in pair:
            os.close(fd)
    return None


def main() -> None:
    """Serve requests until stdin closes (a sibling: until its request pipe closes)."""
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8")
    # Keep stray prints from the worker's own imports off the protocol channel.
    os.dup2(2, 1)
    _warm_imports()
    requests: Any = sys.stdin
    sibling = _fork_siblings([0, protocol.fileno()])
    if sibling is not None:
        requests, protocol = sibling
    protocol.write(json.dumps({"ready": True, "pid": os.getpid()}) + "\n")
    protocol.flush()
    for line in requests:
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
