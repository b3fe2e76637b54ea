"""What runs inside the forked child: one snippet, isolated and observed.

The child inherits the warm worker's imported modules, then:

- gets its own process group, working directory, argv and `__main__`;
- writes stdout and stderr (Python and C level) to one file, in order;
- records warnings, network attempts, repository files it opens and figures;
- reports a JSON dict to `report_path` and leaves with `os._exit`.

Nothing here returns to the worker: `run_child` ends the process.
"""

from __future__ import annotations

import base64
import faulthandler
import io
import json
import linecache
import os
import resource
import struct
import sys
import time
import traceback
import types
import warnings
from pathlib import Path
from typing import Any

MAX_OUTPUT_FILE = 64 * 1024 * 1024
"""A snippet writing more than this is killed (SIGXFSZ) rather than filling the disk."""

FIGURE_DPI = 200
"""Charts are drawn at 2x matplotlib's 100 dpi so they stay sharp on high-density screens."""

_LOCAL_HOSTS = {None, "", "localhost", "127.0.0.1", "::1"}


class NetworkAccessError(PermissionError):
    """Raised in a snippet that tries to reach the network."""


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

    def __init__(self, snippet: str, snippet_path: str, repo_root: str) -> None:
        self.snippet = snippet
        self.snippet_path = snippet_path
        self.repo_root = repo_root.rstrip("/") + "/"
        self.excluded_roots = tuple({p.rstrip("/") + "/" for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)})
        self.warnings: list[dict[str, Any]] = []
        self.network: list[dict[str, Any]] = []
        self.reads: set[str] = set()
        self.figures: list[dict[str, Any]] = []
        self.unshown: dict[int, int] = {}

    # warnings -----------------------------------------------------------
    def showwarning(self, message, category, filename, lineno, file=None, line=None) -> None:
        """Replacement for `warnings.showwarning`: record, then print as Python would."""
        self.warnings.append(
            {"category": category.__name__, "message": str(message), "line": _snippet_line(self.snippet)}
        )
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))

    # audit events: network and file reads -------------------------------
    def audit(self, event: str, args: tuple) -> None:
        """Audit hook: block and record network access, record repository reads."""
        if event == "open":
            self._record_open(args)
        elif event in ("socket.connect", "socket.sendto"):
            sock, address = args[0], args[1]
            if getattr(sock, "family", None) is not None and sock.family.name in ("AF_INET", "AF_INET6"):
                host = address[0] if isinstance(address, tuple) else address
                if host not in _LOCAL_HOSTS:
                    self._block(f"connection to {address!r}")
        elif event == "socket.getaddrinfo":
            host = args[0]
            if isinstance(host, bytes):
                host = host.decode("ascii", "replace")
            if host not in _LOCAL_HOSTS:
                self._block(f"name lookup of {host!r}")

    def _block(self, what: str) -> None:
        self.network.append({"message": f"network access attempted: {what}", "line": _snippet_line(self.snippet)})
        raise NetworkAccessError(f"network access is disabled while snippets run ({what})")

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
            self.figures.append(
                {
                    "png_base64": base64.b64encode(png).decode("ascii"),
                    "width": round(width * 100 / FIGURE_DPI),
                    "height": round(height * 100 / FIGURE_DPI),
                }
            )
            self.unshown.pop(number, None)
            plt.close(figure)

    def track_new_figures(self) -> None:
        """Remember the snippet line that created each figure, for the unclosed-figure error."""
        import matplotlib.pyplot as plt

        original = plt.figure

        def figure(*args, **kwargs):
            fig = original(*args, **kwargs)
            self.unshown.setdefault(fig.number, _snippet_line(self.snippet))
            return fig

        plt.figure = figure


def _redirect_output(output_path: str) -> None:
    """Send fd 1 and 2 (and Python's streams) to one file, unbuffered, in write order."""
    fd = os.open(output_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    os.close(fd)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    sys.stdin = open(0, encoding="utf-8", closefd=False)
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", write_through=True)
    sys.stderr = io.TextIOWrapper(
        io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace", write_through=True
    )


def _exception_line(snippet: str, exc: BaseException) -> int:
    """The innermost snippet line in an exception's traceback (0 if none)."""
    line, tb = 0, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == snippet:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _format_exception(snippet: str, exc: BaseException) -> str:
    """Traceback as Python would print it for `python snippet.py`, engine frames removed."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != snippet:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb))


def run_child(request: dict[str, Any], output_path: str, trace_path: str, report_path: str) -> None:
    """Run one snippet in this (forked) process and exit.

    Parameters:
        request: `path` (absolute snippet path), `name` (its repo-relative path, the
            file name tracebacks show), `repo_root`, `timeout`, `threads`.
        output_path: File receiving stdout and stderr.
        trace_path: File receiving faulthandler tracebacks (crash, hang).
        report_path: File receiving the JSON report.
    """
    os.setpgid(0, 0)
    snippet = request["name"]
    _redirect_output(output_path)
    resource.setrlimit(resource.RLIMIT_FSIZE, (MAX_OUTPUT_FILE, MAX_OUTPUT_FILE))
    trace_file = open(trace_path, "w")
    faulthandler.enable(file=trace_file, all_threads=True)
    faulthandler.dump_traceback_later(request["timeout"], file=trace_file)

    import matplotlib.pyplot as plt
    import torch

    torch.set_num_threads(request["threads"])
    observer = _Observer(snippet, request["path"], request["repo_root"])
    sys.addaudithook(observer.audit)
    warnings.resetwarnings()
    warnings.simplefilter("always")
    warnings.showwarning = observer.showwarning
    plt.show = lambda *args, **kwargs: observer.capture_figures()
    observer.track_new_figures()

    # As `python snippets/<chapter>/<name>.py` from the repository root would:
    # tracebacks name the repo-relative path, __file__ is absolute.
    with open(request["path"], encoding="utf-8") as fh:
        text = fh.read()
    lines = text.splitlines(keepends=True)
    linecache.cache[snippet] = (len(text), None, lines, snippet)
    main = types.ModuleType("__main__")
    main.__file__ = request["path"]
    main.__builtins__ = __builtins__
    sys.modules["__main__"] = main
    sys.argv = [snippet]
    sys.path[0] = str(Path(request["path"]).parent)
    report: dict[str, Any] = {"exit_code": 0, "exception": None}
    start = time.perf_counter()
    try:
        exec(compile(text, snippet, "exec"), main.__dict__)
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
        text = _format_exception(snippet, exc)
        sys.stderr.write(text)
        report["exit_code"] = 1
        report["exception"] = {
            "type": type(exc).__name__,
            "message": str(exc).splitlines()[0] if str(exc) else "",
            "line": _exception_line(snippet, exc),
            "traceback": text,
        }
    report["duration"] = time.perf_counter() - start
    faulthandler.cancel_dump_traceback_later()

    try:
        accelerator = torch.accelerator.current_accelerator(check_available=True)
        report["device"] = accelerator.type if accelerator is not None else "cpu"
    except Exception:
        report["device"] = "cpu"
    report["warnings"] = observer.warnings
    report["network"] = observer.network
    report["figures"] = observer.figures
    report["unshown_figures"] = sorted(observer.unshown.values())
    report["reads"] = sorted(observer.reads)
    sys.stdout.flush()
    sys.stderr.flush()
    tmp = report_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(report, fh)
    os.replace(tmp, report_path)
    os._exit(0)
