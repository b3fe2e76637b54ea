"""What runs inside the forked child: one snippet, isolated and observed.

The child inherits the warm worker's imported modules, then:

- gets its own process group, working directory, argv and `__main__`;
- writes stdout and stderr (Python and C level) to one pipe, in order;
- runs the snippet as `python x.py` would: source decoded and compiled by
  CPython itself (BOM, coding cookie, no future flags of ours), Python's own
  default warning filters, and the interpreter's shutdown afterwards
  (non-daemon threads joined, `atexit` handlers, `__main__` torn down);
- records the warnings Python shows, network attempts, repository files it
  opens and figures;
- reports a JSON dict to `report_path` and leaves with `os._exit`.

Nothing here returns to the worker: `run_child` ends the process. No resource
limit is set on files: the worker bounds what the snippet *prints*, and the
files its tools write (a C++ compiler under `torch.compile`) are theirs.
"""

from __future__ import annotations

import base64
import contextlib
import faulthandler
import io
import json
import linecache
import os
import signal
import struct
import sys
import threading
import time
import types
import warnings
from pathlib import Path
from typing import Any

from snippet_engine.running import isolation, state
from snippet_engine.running.source import read_source

FIGURE_DPI = 200
"""Charts are drawn at 2x matplotlib's 100 dpi so they stay sharp on high-density screens."""

_LOCAL_HOSTS = {None, "", "localhost", "127.0.0.1", "::1", "0.0.0.0", "::"}
"""Where a snippet may connect: the loopback addresses the network namespace keeps (see `isolation`)."""

ENGINE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the whole package: its frames are hidden


class NetworkAccessError(PermissionError):
    """Raised in a snippet that tries to reach the network."""


class RepositoryWriteError(PermissionError):
    """Raised in a snippet that tries to write, create or remove a file inside the repository."""


_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC
_CHANGE_EVENTS = {
    # audit event -> positions of the paths it changes (https://docs.python.org/3/library/audit_events.html)
    "os.mkdir": (0,),
    "os.remove": (0,),
    "os.rmdir": (0,),
    "os.rename": (0, 1),
    "os.truncate": (0,),
    "os.symlink": (1,),
    "os.link": (1,),
    "os.chmod": (0,),
    "os.utime": (0,),
    "shutil.rmtree": (0,),
}
_NAME_EVENTS = ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr")
"""Audit events whose first argument is a host name to look up."""


def _snippet_line(snippet: str) -> int:
    """The innermost line of the running snippet on the current stack (0 if none).

    Walks frames directly: `traceback.extract_stack` would read every file's source.
    """
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == snippet:
            return frame.f_lineno
        frame = frame.f_back
    return 0


class _Observer:
    """Collects what the policy needs while the snippet runs."""

    def __init__(self, snippet: str, snippet_path: str, repo_root: str, events_path: str) -> None:
        self.snippet = snippet
        self.events_path = events_path
        self.snippet_path = snippet_path
        self.repo_root = repo_root.rstrip("/") + "/"
        self.excluded_roots = tuple({p.rstrip("/") + "/" for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)})
        self.warnings: list[dict[str, Any]] = []
        self.network: list[dict[str, Any]] = []
        self.reads: set[str] = set()
        self.repository_writes: list[dict[str, Any]] = []
        self.figures: list[dict[str, Any]] = []
        self.created: dict[int, int] = {}
        self.pid = os.getpid()
        self.isolated = False
        self.spawns: isolation.SpawnRecorder | None = None
        self.background_exceptions: list[dict[str, Any]] = []

    def record(self, kind: str, item: dict[str, Any]) -> None:
        """Keep a finding of kind `warnings`, `repository_writes` or `background_exceptions`.

        A process the snippet forked (a DataLoader worker, a `multiprocessing` child)
        inherits this observer but not a way back: it appends its findings to the
        events file, which the snippet's own process reads when it reports.
        """
        if os.getpid() == self.pid:
            getattr(self, kind).append(item)
            return
        line = (json.dumps({"kind": kind, "item": item}) + "\n").encode()
        fd = os.open(self.events_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line)  # one write per line: O_APPEND keeps lines of several processes whole
        finally:
            os.close(fd)

    def merge_events(self) -> None:
        """Add what forked processes recorded (see `record`)."""
        try:
            with open(self.events_path, encoding="utf-8") as fh:
                lines = fh.read().splitlines()
        except FileNotFoundError:
            return
        for line in lines:
            with contextlib.suppress(ValueError, KeyError, AttributeError):
                event = json.loads(line)
                getattr(self, event["kind"]).append(event["item"])

    def thread_exception(self, args: Any) -> None:
        """`threading.excepthook` wrapper: an uncaught exception in a thread fails the run, as in the main thread."""
        if args.exc_type is not SystemExit:
            self.record("background_exceptions", self._exception(args.exc_type, args.exc_value, args.exc_traceback))
        self.original_thread_hook(args)

    def unraisable(self, unraisable: Any) -> None:
        """`sys.unraisablehook` wrapper: "Exception ignored in …" (a `__del__`, a callback) fails the run too."""
        if unraisable.exc_type is not None:
            found = self._exception(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback)
            self.record("background_exceptions", found)
        self.original_unraisable_hook(unraisable)

    def _exception(self, exc_type: type, value: BaseException | None, tb: Any) -> dict[str, Any]:
        line = 0
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == self.snippet:
                line = tb.tb_lineno
            tb = tb.tb_next
        message = _exception_message(value) if value is not None else ""
        return {"type": exc_type.__name__, "message": message, "line": line or _snippet_line(self.snippet)}

    # warnings -----------------------------------------------------------
    def showwarning(self, message, category, filename, lineno, file=None, line=None) -> None:
        """Replacement for `warnings.showwarning`: record, then print as Python would.

        Python calls it only for warnings its filters let through, so a warning
        raised inside a library and hidden by the default filters is not blamed
        on the snippet. The line is the warning's own when it points into the
        snippet, else the innermost snippet line that led to it.
        """
        where = lineno if filename == self.snippet else _snippet_line(self.snippet)
        self.record("warnings", {"category": category.__name__, "message": str(message), "line": where})
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))

    # audit events: network and file reads -------------------------------
    def audit(self, event: str, args: tuple) -> None:
        """Audit hook: block and record network access and changes to the repository, record repository reads."""
        if event == "open":
            path, mode, flags = args
            if (isinstance(mode, str) and set(mode) & set("wax+")) or (flags or 0) & _WRITE_FLAGS:
                self._guard_repository(path)
            self._record_open(args)
        elif event in _CHANGE_EVENTS:
            for position in _CHANGE_EVENTS[event]:
                self._guard_repository(args[position])
        elif event in isolation.SpawnRecorder.EVENTS:
            self.spawns.audit(event, args)
        elif event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
            sock, address = args[0], args[1]
            if getattr(sock, "family", None) is not None and sock.family.name in ("AF_INET", "AF_INET6"):
                host = address[0] if isinstance(address, tuple) else address
                if host not in _LOCAL_HOSTS:
                    self._block(f"connection to {address!r}")
        elif event in _NAME_EVENTS:
            host = args[0]
            if isinstance(host, bytes):
                host = host.decode("ascii", "replace")
            if host not in _LOCAL_HOSTS:
                self._block(f"name lookup of {host!r}")

    def _block(self, what: str) -> None:
        if self.isolated and os.getpid() != self.pid:
            return  # a forked descendant: the kernel refuses it and the namespace counts it
        self.network.append({"message": f"network access attempted: {what}", "line": _snippet_line(self.snippet)})
        raise NetworkAccessError(f"network access is disabled while snippets run ({what})")

    def _in_repository(self, path: Any) -> str | None:
        """`path` relative to the repository when it lies inside it (outside the interpreter's own tree)."""
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        if not isinstance(path, (str, os.PathLike)):
            return None  # a file descriptor
        full = os.path.abspath(path)
        if full.startswith(self.repo_root) and not full.startswith(self.excluded_roots):
            return os.path.relpath(full, self.repo_root)
        return None

    def _guard_repository(self, path: Any) -> None:
        """Refuse a change inside the repository: a snippet writes to its temporary working directory."""
        rel = self._in_repository(path)
        if rel is None:
            return
        if "__pycache__" not in Path(rel).parts:  # bytecode Python fails to cache is not the snippet's doing
            self.record(
                "repository_writes",
                {"message": f"tried to change {rel} in the repository", "line": _snippet_line(self.snippet)},
            )
        raise RepositoryWriteError(
            f"snippets may not change files in the repository ({rel}); use a temporary directory"
        )

    def _record_open(self, args: tuple) -> None:
        path = args[0]
        if not isinstance(path, str):
            return
        full = os.path.abspath(path)
        if (
            full.startswith(self.repo_root)
            and not full.startswith(self.excluded_roots)
            and full != self.snippet_path
            and "/site-packages/" not in full
            and os.path.isfile(full)
        ):
            self.reads.add(os.path.relpath(full, self.repo_root))

    # figures --------------------------------------------------------------
    def capture_figures(self) -> None:
        """`plt.show()` replacement: save every open figure as PNG, then close it."""
        import matplotlib.pyplot as plt

        for number in plt.get_fignums():
            figure = plt.figure(number)
            buffer = io.BytesIO()
            # A tight box keeps axis labels that stick out of the figure, as an
            # interactive window would show them; display size = pixels at 2x.
            figure.savefig(
                buffer, format="png", dpi=FIGURE_DPI, bbox_inches="tight", pad_inches=0.1, metadata={"Software": None}
            )
            png = buffer.getvalue()
            width, height = struct.unpack(">II", png[16:24])
            suptitle = figure._suptitle.get_text() if figure._suptitle is not None else ""
            self.figures.append(
                {
                    "png_base64": base64.b64encode(png).decode("ascii"),
                    "width": round(width * 100 / FIGURE_DPI),
                    "height": round(height * 100 / FIGURE_DPI),
                    "title": suptitle.strip(),
                    "axes": [
                        [ax.get_title().strip(), ax.get_xlabel().strip(), ax.get_ylabel().strip()]
                        for ax in figure.axes
                        if ax.get_visible()
                    ],
                    "line": _snippet_line(self.snippet),
                }
            )
            plt.close(figure)

    def track_new_figures(self) -> None:
        """Remember the snippet line that created each pyplot figure, for the unshown-figure error."""
        import matplotlib.pyplot as plt

        original = plt.figure

        def figure(*args, **kwargs):
            fig = original(*args, **kwargs)
            self.created.setdefault(id(fig), _snippet_line(self.snippet))
            return fig

        plt.figure = figure

    def unshown_figures(self) -> list[int]:
        """Creation lines of the figures still open: never shown, and not closed either.

        Asked of pyplot itself at the end, so a figure the snippet closed
        (`plt.close(fig)`, `plt.close("all")`) is not counted.
        """
        import matplotlib.pyplot as plt

        return sorted(self.created.get(id(plt.figure(number)), 0) for number in plt.get_fignums())


def _redirect_output(output_fd: int) -> None:
    """Send fd 1 and 2 (and Python's streams) to the worker's pipe, unbuffered, in write order."""
    os.dup2(output_fd, 1)
    os.dup2(output_fd, 2)
    os.close(output_fd)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    sys.stdin = open(0, encoding="utf-8", closefd=False)
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(
        io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace", write_through=True
    )
    # As in CPython, the original streams stay reachable as sys.__stdout__ & co: a snippet that rebinds
    # sys.stdout (`io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8")`) must not see the old wrapper
    # collected, which would close the buffer both share.
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = sys.stdin, sys.stdout, sys.stderr


def _exception_line(snippet: str, exc: BaseException) -> int:
    """The snippet line an exception points to (0 if none).

    A `SyntaxError` in the snippet itself carries its own line (CPython reports it
    from the compiler, with no frame of the snippet); any other exception points to
    the innermost snippet frame of its traceback.
    """
    if isinstance(exc, SyntaxError) and exc.filename == snippet and exc.lineno:
        return exc.lineno
    line, tb = 0, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == snippet:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _exception_message(exc: BaseException) -> str:
    """The message's first line, as the traceback's last line shows it (a `SyntaxError` without its location)."""
    if isinstance(exc, SyntaxError):
        return str(exc.msg)
    text = str(exc).splitlines()
    return text[0] if text else ""


def _format_exception(snippet: str, exc: BaseException) -> str:
    """The traceback exactly as Python prints it for `python snippet.py`, without the engine's frames.

    Printed by CPython's own `sys.__excepthook__` (PyErr_Display), which adds what
    `traceback.format_exception` leaves out on 3.11 ("Did you mean: …?", the
    caret under wide characters). The frames before the snippet's first (the
    engine running it) and after its last engine frame (an audit hook refusing
    an operation) are cut.
    """
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != snippet:
        tb = tb.tb_next
    last_own = None
    cursor = tb
    while cursor is not None:
        if not cursor.tb_frame.f_code.co_filename.startswith(ENGINE_DIR):
            last_own = cursor
        cursor = cursor.tb_next
    if last_own is not None and last_own.tb_next is not None:
        last_own.tb_next = None
    exc.__traceback__ = tb
    captured, stderr = io.StringIO(), sys.stderr
    sys.stderr = captured
    try:
        sys.__excepthook__(type(exc), exc, tb)
    finally:
        sys.stderr = stderr
    return captured.getvalue()


def _shut_down(main: types.ModuleType) -> None:
    """What the interpreter does after the main module ends (CPython's `Py_FinalizeEx`, in its order).

    Non-daemon threads are joined (`threading._shutdown`, which CPython itself
    calls, as does `multiprocessing` in its forked children), `atexit` handlers
    run, then `__main__` is torn down so that `__del__` methods run, and C-level
    stdio buffers (a C++ extension's `printf`) are flushed. Output from any of these
    reaches the page, as it reaches a terminal.
    """
    import atexit
    import ctypes
    import gc
    import threading

    threading._shutdown()
    atexit._run_exitfuncs()
    # As `_PyModule_ClearDict`: names starting with one underscore first, then every name but __builtins__.
    names = list(main.__dict__)
    for name in [n for n in names if n.startswith("_") and not n.startswith("__")] + [
        n for n in names if n != "__builtins__"
    ]:
        main.__dict__[name] = None
    gc.collect()
    # As CPython's flush_std_files: whatever sys.stdout and sys.stderr are now (a snippet may have rebound
    # them to buffered streams), then C-level stdio.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    ctypes.CDLL(None).fflush(None)


def run_child(request: dict[str, Any], output_fd: int, trace_path: str, report_path: str) -> None:
    """Run one snippet in this (forked) process and exit.

    Parameters:
        request: `path` (absolute snippet path), `name` (its repo-relative path, the
            file name tracebacks show), `repo_root`, `timeout` (seconds), `threads`.
        output_fd: Write end of the pipe receiving stdout and stderr.
        trace_path: File receiving faulthandler tracebacks (crash, hang).
        report_path: File receiving the JSON report.
    """
    os.setpgid(0, 0)
    # Before any thread starts (faulthandler's watchdog): the whole process tree loses the network.
    isolation_failure = isolation.isolate_network()
    # The repository is read-only to the whole process tree (C code included); the audit hook names the line.
    protection_failure = isolation.protect_directory(request["repo_root"])
    child_pid = os.getpid()
    snippet = request["name"]
    _redirect_output(output_fd)
    trace_file = open(trace_path, "w")
    faulthandler.enable(file=trace_file, all_threads=True)
    # On timeout the worker asks for the traceback by signal (worker.DUMP_SIGNAL), by its own clock.
    faulthandler.register(signal.SIGUSR1, file=trace_file, all_threads=True)

    import matplotlib.pyplot as plt
    import torch

    torch.set_num_threads(request["threads"])
    observer = _Observer(snippet, request["path"], request["repo_root"], request["events"])
    spawns = isolation.SpawnRecorder(lambda: _snippet_line(snippet))
    observer.spawns = spawns
    observer.isolated = isolation_failure is None
    sys.addaudithook(observer.audit)
    spawns.install_fork_exec_wrapper()
    # The filters are Python's defaults (`default::DeprecationWarning:__main__`, the rest of those categories
    # ignored) plus what torch, NumPy and matplotlib add as they load, as under `python x.py` once the snippet
    # imports them. The "shown once" registries of the worker's own imports are forgotten.
    warnings.onceregistry.clear()
    warnings._filters_mutated()
    warnings.showwarning = observer.showwarning
    observer.original_thread_hook, threading.excepthook = threading.excepthook, observer.thread_exception
    observer.original_unraisable_hook, sys.unraisablehook = sys.unraisablehook, observer.unraisable
    plt.show = lambda *args, **kwargs: observer.capture_figures()
    observer.track_new_figures()

    # As `python snippets/<chapter>/<name>.py` from the repository root would: CPython decodes the bytes
    # (BOM, coding cookie), tracebacks name the repo-relative path, __file__ is absolute.
    source = Path(request["path"]).read_bytes()  # compiled from bytes, by CPython itself
    text = read_source(Path(request["path"]))  # for tracebacks' source lines
    # Lines as Python counts them: only newlines end a line (not U+2028 or a form feed, as str.splitlines has it).
    linecache.cache[snippet] = (len(text), None, io.StringIO(text).readlines(), snippet)
    main = types.ModuleType("__main__")
    main.__file__ = request["path"]
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    sys.argv = [snippet]
    sys.path[0] = str(Path(request["path"]).parent)
    report: dict[str, Any] = {"exit_code": 0, "exception": None}
    start = time.perf_counter()

    def finish(exit_code: int) -> None:
        report["duration"] = time.perf_counter() - start
        faulthandler.cancel_dump_traceback_later()
        try:
            accelerator = torch.accelerator.current_accelerator(check_available=True)
            report["device"] = accelerator.type if accelerator is not None else "cpu"
        except Exception:
            report["device"] = "cpu"
        # The kernels' instruction set and the threads the run had, for drift messages (`numerics`).
        report["cpu_capability"] = torch.backends.cpu.get_cpu_capability()
        report["threads"] = request["threads"]
        report["exit_code"] = exit_code
        report.setdefault("unshown_figures", [])
        observer.merge_events()
        report["warnings"] = observer.warnings
        report["background_exceptions"] = observer.background_exceptions
        blocked = isolation.blocked_attempts()
        if blocked:
            observer.network.append(
                {
                    "message": f"a process the snippet started tried to reach the network ({blocked} packets refused)",
                    "line": (spawns.lines() or [0])[0],
                }
            )
        report["network"] = observer.network
        report["repository_writes"] = observer.repository_writes
        report["network_isolation"] = isolation_failure
        report["repository_protection"] = protection_failure
        report["figures"] = observer.figures
        report["reads"] = sorted(observer.reads)
        tmp = report_path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(report, fh)
        os.replace(tmp, report_path)

    real_exit = os._exit

    def snippet_os_exit(status: int) -> None:
        # `os._exit` skips the shutdown, as it does under `python x.py`; the report is still written.
        if os.getpid() == child_pid:
            finish(status)
        real_exit(status)

    os._exit = snippet_os_exit
    state_before = state.snapshot()
    try:
        exec(compile(source, snippet, "exec", dont_inherit=True), main.__dict__)
    except SystemExit as exc:
        code = exc.code
        if code not in (None, 0):
            report["exit_code"] = code if isinstance(code, int) else 1
            if not isinstance(code, int):
                sys.stderr.write(f"{code}\n")
            report["exception"] = {
                "type": "SystemExit",
                "message": f"sys.exit({code!r})",
                "line": _exception_line(snippet, exc),
                "traceback": "",
            }
    except BaseException as exc:
        formatted = _format_exception(snippet, exc)
        sys.stderr.write(formatted)
        report["exit_code"] = 1
        report["exception"] = {
            "type": type(exc).__name__,
            "message": _exception_message(exc),
            "line": _exception_line(snippet, exc),
            "traceback": formatted,
        }
    # Asked before the shutdown: pyplot's own atexit handler closes every figure. A run that ended in an
    # exception never reached its plt.show(): the exception is the problem to report, not the figure.
    report["unshown_figures"] = [] if report["exception"] else observer.unshown_figures()
    # Global state left changed would leak into later cells of the chapter notebook (one kernel for all).
    report["global_state"] = [
        {"message": change.message, "line": line}
        for change, line in state.snippet_changes(state_before, state.snapshot(), text)
    ]
    _shut_down(main)
    finish(report["exit_code"])
    real_exit(0)
