"""What runs inside the forked child: one snippet, isolated and observed.

The child inherits the warm worker's imported modules, then:

- gets its own process group, working directory, argv and `__main__`;
- writes stdout and stderr (Python and C level) to one pipe, in order;
- runs the snippet as `python x.py` would: source decoded and compiled by
  CPython itself (BOM, coding cookie, no future flags of ours), Python's own
  default warning filters, and the interpreter's shutdown afterwards
  (non-daemon threads joined, `atexit` handlers, `__main__` torn down);
- records the warnings Python shows, network attempts, repository files it
  opens and figures (`observer`);
- reports a JSON dict to `report_path` and leaves with `os._exit`.

Nothing here returns to the worker: `run_child` ends the process. No resource
limit is set on files: the worker bounds what the snippet *prints*, and the
files its tools write (a C++ compiler under `torch.compile`) are theirs.
"""

from __future__ import annotations

import builtins
import contextlib
import ctypes
import faulthandler
import importlib.machinery
import io
import json
import linecache
import os
import signal
import sys
import threading
import time
import types
import warnings
from pathlib import Path
from typing import Any

from snippet_engine.running import file_reads, isolation, state
from snippet_engine.running.observer import Observer, exception_message, snippet_line
from snippet_engine.running.source import read_source

ENGINE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the whole package: its frames are hidden


_IOLBF, _IONBF = 1, 2
"""setvbuf(3) modes, from <stdio.h>: line-buffered, unbuffered."""


def _redirect_output(output_fd: int) -> None:
    """Make the worker's pseudo-terminal the snippet's stdout and stderr, buffered as a terminal's are.

    As CPython's `create_stdio` does for a terminal: `sys.stdout` and `sys.stderr` are
    line-buffered text streams over buffered binary ones (stderr with `backslashreplace`),
    whatever `PYTHONUNBUFFERED` the engine was started with. C stdio too: `stdout`
    line-buffered, `stderr` unbuffered (what the C library chooses for a terminal; the
    worker's own choice, made for a pipe or by `-u`, is inherited through fork and so is
    set again). stdin is at end of file: nobody types into a build.
    """
    os.dup2(output_fd, 1)
    os.dup2(output_fd, 2)
    os.close(output_fd)
    null = os.open(os.devnull, os.O_RDONLY)
    if null != 0:  # fd 0 may be free (the worker's request channel, closed in the child)
        os.dup2(null, 0)
        os.close(null)
    libc = ctypes.CDLL(None)
    libc.setvbuf(ctypes.c_void_p.in_dll(libc, "stdout"), None, _IOLBF, io.DEFAULT_BUFFER_SIZE)
    libc.setvbuf(ctypes.c_void_p.in_dll(libc, "stderr"), None, _IONBF, 0)
    sys.stdin = open(0, encoding="utf-8", closefd=False)
    errors = sys.__stdout__.errors if sys.__stdout__ is not None else "strict"  # the locale's, as for Python
    sys.stdout = open(1, "w", encoding="utf-8", errors=errors, closefd=False)  # a tty: line-buffered
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
    for stream, name in ((sys.stdin, "<stdin>"), (sys.stdout, "<stdout>"), (sys.stderr, "<stderr>")):
        stream.buffer.raw.name = name  # as create_stdio names them: print(sys.stdout) shows name='<stdout>'
    # As in CPython, the original streams stay reachable as sys.__stdout__ & co: a snippet that rebinds
    # sys.stdout (`io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8")`) must not see the old wrapper
    # collected, which would close the buffer both share.
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = sys.stdin, sys.stdout, sys.stderr


ENGINE_ENVIRONMENT = "SNIPPET_ENGINE_ENVIRONMENT"
"""The environment variables the engine set for its own use (the pool's `PYTHONPATH` entry, the worker's
`PYTORCH_NVML_BASED_CUDA_CHECK`), as JSON `{name: value the caller had, or null}`: a snippet's `os.environ`
has them as the caller had them."""


def _hide_engine(script_dir: str) -> None:
    """`sys.path` and `os.environ` as `python x.py` has them: the script's folder first, no trace of the engine.

    The worker was started as `python -m snippet_engine.running.worker` from `scripts/`, with the engine on
    `PYTHONPATH`; none of it is a script's. (The engine's modules stay loaded: they run the snippet.)
    """
    engine_parent = os.path.dirname(ENGINE_DIR)
    sys.path[:] = [script_dir] + [entry for entry in sys.path if entry not in (engine_parent, "")]
    for name, original in json.loads(os.environ.pop(ENGINE_ENVIRONMENT, "{}")).items():
        if original is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = original


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


def _format_exception(snippet: str, exc: BaseException) -> str:
    """The traceback exactly as Python prints it for `python snippet.py`, without the engine's frames.

    Printed by CPython's own `sys.__excepthook__` (PyErr_Display), which adds what
    `traceback.format_exception` leaves out on 3.11 ("Did you mean: …?", the
    caret under wide characters). The frames before the snippet's first (the
    engine running it) and every engine frame after it (an audit hook refusing
    an operation, `plt.show()`'s capture) are cut.
    """
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != snippet:
        tb = tb.tb_next
    # Every engine frame is cut, also between the snippet's and a library's (`plt.show()` draws the figure
    # through the engine's capture into matplotlib, where an unknown TeX command raises).
    kept = []
    cursor = tb
    while cursor is not None:
        if not cursor.tb_frame.f_code.co_filename.startswith(ENGINE_DIR):
            kept.append(cursor)
        cursor = cursor.tb_next
    for index, kept_tb in enumerate(kept):
        kept_tb.tb_next = kept[index + 1] if index + 1 < len(kept) else None
    exc.__traceback__ = tb
    captured, stderr = io.StringIO(), sys.stderr
    sys.stderr = captured
    try:
        sys.__excepthook__(type(exc), exc, tb)
    finally:
        sys.stderr = stderr
    return captured.getvalue()


def _print_uncaught(snippet: str, exc: BaseException, formatted: str) -> None:
    """Print an uncaught exception as CPython's `PyErr_Print` does: through `sys.excepthook`.

    The default hook prints `formatted` (`_format_exception`); a hook the script installed
    (`rich.traceback.install()`) is called instead, and if it raises, Python prints
    "Error in sys.excepthook:", the hook's traceback, then "Original exception was:" and the original.
    """
    if sys.excepthook is sys.__excepthook__:
        sys.stderr.write(formatted)
        return
    try:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    except BaseException as hook_error:
        if hook_error.__context__ is exc:  # Python calls the hook outside any handler: nothing is chained
            hook_error.__context__ = None
        sys.stderr.write("Error in sys.excepthook:\n" + _format_exception(snippet, hook_error))
        sys.stderr.write("\nOriginal exception was:\n" + formatted)


def _flush_io() -> None:
    """What CPython does once the script's code ends, before it prints a traceback or `sys.exit`'s message and
    before the shutdown (pythonrun.c `flush_io`): flush `sys.stderr`, then `sys.stdout`, ignoring any error.
    So a line written without its newline appears before the traceback, as in a terminal."""
    for stream in (sys.stderr, sys.stdout):
        with contextlib.suppress(Exception):
            stream.flush()


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
    # A session of its own, as a terminal's shell gives each job a process group: the terminal's Ctrl-C reaches
    # the engine, never the snippet; the run's processes are killed as a group. It has no controlling terminal.
    os.setsid()
    signal.signal(signal.SIGINT, signal.default_int_handler)  # the worker ignores SIGINT; Python's own handler
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGHUP, signal.SIG_DFL)  # the worker ignores it too; inherited by what the snippet runs
    # Before any thread starts (faulthandler's watchdog): the whole process tree loses the network.
    isolation_failure = isolation.isolate_network()
    # The repository is read-only to the whole process tree (C code included); the audit hook names the line.
    protection_failure = isolation.protect_directory(request["repo_root"])
    # Repository files opened by any layer (C code, and where allowed the processes it starts), the snippet's alone.
    opened, _ = file_reads.watch(request["repo_root"], own_mount=protection_failure is None)
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
    observer = Observer(snippet, request["path"], request["repo_root"], request["events"])
    spawns = isolation.SpawnRecorder(lambda: snippet_line(snippet))
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
    # As CPython's `pymain_run_file`: the builtins module (not its dict, which other modules see), a
    # SourceFileLoader named "__main__", `__cached__` None and an empty `__annotations__` (3.11).
    main.__builtins__ = builtins
    main.__loader__ = importlib.machinery.SourceFileLoader("__main__", request["path"])
    main.__cached__ = None
    main.__annotations__ = {}
    sys.modules["__main__"] = main
    sys.argv = [snippet]
    sys.orig_argv = [sys.orig_argv[0], snippet]
    _hide_engine(str(Path(request["path"]).parent))
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
        report["spawn_lines"] = spawns.lines()  # where to blame a process left running (`worker._leftovers`)
        report["repository_writes"] = observer.repository_writes
        report["network_isolation"] = isolation_failure
        report["repository_protection"] = protection_failure
        report["figures"] = observer.figures
        for path in opened.collect() if opened is not None else ():
            observer.add_read(path)
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
        try:
            exec(compile(source, snippet, "exec", dont_inherit=True), main.__dict__)
        finally:
            _flush_io()
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
        _print_uncaught(snippet, exc, formatted)
        report["exit_code"] = 1
        report["exception"] = {
            "type": type(exc).__name__,
            "message": exception_message(exc),
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
