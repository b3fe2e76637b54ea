"""A warm worker: imports the heavy modules once, then forks a child per snippet.

Run as `python -m snippet_engine.running.worker`. It speaks JSON lines: one request
per line on stdin, one reply per line on stdout. The first line it writes is
`{"ready": true}` once torch, NumPy, matplotlib and scikit-learn are imported.

The worker never runs torch code itself: forking after CUDA or OpenMP
initialisation is unsafe, and every child must start from the same state.
"""

from __future__ import annotations

import ctypes
import fcntl
import gc
import importlib
import json
import os
import pty
import select
import shutil
import signal
import struct
import sys
import tempfile
import termios
import time
import weakref
from typing import Any

from snippet_engine.running import processes
from snippet_engine.running.paths import portable_paths
from snippet_engine.running.sandbox import (  # before the heavy imports: it keeps Python's pristine warning filters
    ENGINE_ENVIRONMENT,
    run_child,
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
"""Seconds to keep reading output after the processes of a run were killed."""

TERMINAL_SIZE = (24, 80)
"""Rows and columns of the snippet's terminal: the VT100's, and what `shutil.get_terminal_size` falls back to.
The emulator that renders the output is wider (`terminal.render_terminal`), so nothing wraps."""

_siblings: list[int] = []
"""Pids of the sibling workers this worker forked (their process trees are theirs, not a run's)."""

_running: dict[str, Any] = {}
"""The run in progress: `workdir`, for the clean-up on SIGTERM."""


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
    # be initialised before fork. (A snippet's os.environ has it as the caller had it: `sandbox._hide_engine`.)
    if "PYTORCH_NVML_BASED_CUDA_CHECK" not in os.environ:
        os.environ["PYTORCH_NVML_BASED_CUDA_CHECK"] = "1"
        changed = json.loads(os.environ.get(ENGINE_ENVIRONMENT, "{}"))
        os.environ[ENGINE_ENVIRONMENT] = json.dumps({**changed, "PYTORCH_NVML_BASED_CUDA_CHECK": None})
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
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:  # EIO: a pseudo-terminal whose every other end is closed
            chunk = b""
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


def _supervise(
    pid: int, reader: _OutputReader, timeout: float, trace_path: str = "", abort_fd: int | None = None
) -> tuple[int | None, str, list[str]]:
    """Read the child's output until it exits, is out of time, prints too much or the run is called off.

    Out of time, the child is first asked for its traceback (`DUMP_SIGNAL`), and killed once
    the traceback is in `trace_path` or `KILL_GRACE` seconds have passed. The traceback is
    asked for by the same clock that decides the timeout, so a loaded machine cannot kill the
    child before it was written (a timer in the child starts later than this deadline).
    Once the child has exited, what it started gets `processes.LEFTOVER_GRACE` seconds to end (`_leftovers`).

    Parameters:
        abort_fd: The worker's request channel: readable during a run only at end of file (the
            engine closed it, or died), which ends the run and everything it started at once.

    Returns:
        The child's wait status (None if it was killed here), why it was killed ("", "timeout",
        "output" or "abort"), and the processes it left running that were killed (command lines).
    """
    pidfd = os.pidfd_open(pid)
    deadline = time.monotonic() + timeout
    verdict = ""
    watched = [pidfd] if abort_fd is None else [pidfd, abort_fd]
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                verdict = "timeout"
                break
            ready, _, _ = select.select(watched if reader.closed else [reader.fd, *watched], [], [], left)
            if reader.fd in ready:
                reader.read()
                if reader.total > MAX_OUTPUT:
                    verdict = "output"
                    break
            if abort_fd is not None and abort_fd in ready:
                verdict = "abort"
                break
            if pidfd in ready:
                break
        if verdict == "timeout":
            _dump_traceback(pid, pidfd, reader, trace_path)
    finally:
        os.close(pidfd)
    if verdict:
        _kill_group(pid)  # the child and anything it started
    _, status = os.waitpid(pid, 0)
    leftovers = _leftovers(reader, processes.LEFTOVER_GRACE if not verdict else 0.0)
    return (None if verdict else status), verdict, leftovers


def _leftovers(reader: _OutputReader, grace: float) -> list[str]:
    """Wait up to `grace` seconds for the processes the ended child started, reading their output; kill the rest.

    Under `python x.py` they run on after the script, printing to the same terminal. Orphans were
    adopted by this worker (a child subreaper), so a process that left the group is found too.

    Returns:
        The command lines of the processes that were still running after `grace` (killed).
    """
    end = time.monotonic() + grace
    while True:
        processes.reap(_siblings)
        running = processes.descendants(_siblings)
        if not running and reader.closed:
            return []
        left = end - time.monotonic()
        if left <= 0 or not running:
            break
        if reader.closed:
            time.sleep(min(left, 0.02))
        elif select.select([reader.fd], [], [], min(left, 0.05))[0]:
            reader.read()
            if reader.total > MAX_OUTPUT:
                break
    names = [processes.describe(process, _running.get("name")) for process in running]
    processes.end_all(running, grace=0)
    processes.reap(_siblings)
    end = time.monotonic() + DRAIN_GRACE
    while not reader.closed and reader.total <= MAX_OUTPUT and (left := end - time.monotonic()) > 0:
        if select.select([reader.fd], [], [], left)[0]:
            reader.read()
        else:
            break
    return names


def _open_terminal() -> tuple[int, int]:
    """A pseudo-terminal for the snippet's stdout and stderr: (controller, terminal) file descriptors.

    On a terminal, C stdio and Python's streams are line-buffered and `isatty()` is true, so output
    arrives in the order a reader's terminal shows it. Output post-processing is off (no `\n` to
    `\r\n`): the bytes arrive as written, and the emulator applies a terminal's line discipline
    (`terminal.render_terminal`).
    """
    controller, terminal = pty.openpty()
    attributes = termios.tcgetattr(terminal)
    attributes[1] &= ~termios.OPOST
    termios.tcsetattr(terminal, termios.TCSANOW, attributes)
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", *TERMINAL_SIZE, 0, 0))
    return controller, terminal


def run_request(request: dict[str, Any], abort_fd: int | None = None) -> dict[str, Any]:
    """Fork a child for one snippet, read its output, wait for it and collect its report.

    Parameters:
        request: See `sandbox.run_child`.
        abort_fd: See `_supervise`.

    Returns:
        The raw report: the child's own report merged with what only the
        worker can know (output as a terminal shows it, exit signal, timeout,
        output overflow, faulthandler dump).
    """
    workdir = tempfile.mkdtemp(prefix="snippet-")
    files = {name: os.path.join(workdir, f".{name}") for name in ("trace", "report", "events")}
    rundir = os.path.join(workdir, "cwd")
    os.mkdir(rundir)
    _running["workdir"], _running["name"] = workdir, request["name"]
    read_fd, write_fd = _open_terminal()
    ctypes.CDLL(None).fflush(None)  # nothing of the worker's C stdio buffers is the child's to print
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_fd)
            if abort_fd is not None:  # the request channel is the worker's: fd 0 stays taken (/dev/null)
                null = os.open(os.devnull, os.O_RDONLY)
                os.dup2(null, abort_fd)
                os.close(null)
                if abort_fd != 0:
                    os.close(abort_fd)
            os.chdir(rundir)
            run_child({**request, "events": files["events"]}, write_fd, files["trace"], files["report"])
        finally:
            _exit(70)  # the real one: the snippet may have wrapped os._exit
    os.close(write_fd)
    reader = _OutputReader(read_fd)
    try:
        status, verdict, leftovers = _supervise(pid, reader, request["timeout"], files["trace"], abort_fd)
    finally:
        os.close(read_fd)
    elapsed = time.perf_counter() - start
    reply: dict[str, Any] = {}
    if os.path.exists(files["report"]):
        with open(files["report"], encoding="utf-8") as fh:
            reply = json.load(fh)
    reply.setdefault("duration", elapsed)
    reply["timed_out"] = verdict == "timeout"
    reply["aborted"] = verdict == "abort"
    reply["leftover_processes"] = leftovers
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
    _running.clear()
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
        pid = os.fork()
        if pid:
            _siblings.append(pid)
        else:
            _siblings.clear()
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


def _terminate(signum: int, frame: Any) -> None:
    """SIGTERM (the engine stopping on Ctrl-C): end the run in progress and all it started, clean up, exit."""
    processes.end_tree(exclude=_siblings)
    if _running.get("workdir"):
        shutil.rmtree(_running["workdir"], ignore_errors=True)
    _exit(128 + signum)


def main() -> None:
    """Serve requests until stdin closes (a sibling: until its request pipe closes)."""
    # Ctrl-C in a terminal reaches the whole foreground process group: the engine, not its workers, decides
    # what happens then (`interrupt`); it ends the workers with SIGTERM.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # a closed terminal too (`interrupt.install`)
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8")
    # Keep stray prints from the worker's own imports off the protocol channel.
    os.dup2(2, 1)
    _warm_imports()
    requests: Any = sys.stdin
    sibling = _fork_siblings([0, protocol.fileno()])
    if sibling is not None:
        requests, protocol = sibling
    signal.signal(signal.SIGTERM, _terminate)
    processes.become_subreaper()
    protocol.write(json.dumps({"ready": True, "pid": os.getpid()}) + "\n")
    protocol.flush()
    for line in requests:
        request = json.loads(line)
        try:
            reply = run_request(request, requests.fileno())
        except Exception as exc:
            reply = {"engine_error": f"{type(exc).__name__}: {exc}"}
        if reply.get("aborted"):
            return  # the engine closed the channel (stopping) or is gone: nobody reads a reply
        reply["id"] = request.get("id")
        protocol.write(json.dumps(reply) + "\n")
        protocol.flush()


if __name__ == "__main__":
    main()
