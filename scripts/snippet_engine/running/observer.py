"""What the child watches while a snippet runs: warnings, network attempts, repository writes, figures.

`sandbox.run_child` installs an `Observer` (an audit hook, `warnings.showwarning`, the thread and
unraisable exception hooks, matplotlib's `plt.show` and `plt.figure`), which collects what the
engine's policy needs: each warning where Python would show it, exceptions in background threads,
every network attempt (refused: `NetworkAccessError`), every write into the repository (refused:
`RepositoryWriteError`), the files its Python opens (`file_reads` adds those opened by any
layer), and the figures (`figures`: what the reader's window shows, at `FIGURE_DPI`, with fixed
metadata). Runs inside the forked child, like `sandbox`.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import struct
import sys
import warnings
from pathlib import Path
from typing import Any

from snippet_engine.running import figures, isolation

FIGURE_DPI = 200
"""Charts are drawn at 2x matplotlib's 100 dpi so they stay sharp on high-density screens."""


_LOCAL_HOSTS = {None, "", "localhost", "127.0.0.1", "::1", "0.0.0.0", "::"}
"""Where a snippet may connect: the loopback addresses the network namespace keeps (see `isolation`)."""


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


def snippet_line(snippet: str) -> int:
    """The innermost line of the running snippet on the current stack (0 if none).

    Walks frames directly: `traceback.extract_stack` would read every file's source.
    """
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == snippet:
            return frame.f_lineno
        frame = frame.f_back
    return 0


def exception_message(exc: BaseException) -> str:
    """The message's first line, as the traceback's last line shows it (a `SyntaxError` without its location)."""
    if isinstance(exc, SyntaxError):
        return str(exc.msg)
    text = str(exc).splitlines()
    return text[0] if text else ""


class Observer:
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
        message = exception_message(value) if value is not None else ""
        return {"type": exc_type.__name__, "message": message, "line": line or snippet_line(self.snippet)}

    # warnings -----------------------------------------------------------
    def showwarning(self, message, category, filename, lineno, file=None, line=None) -> None:
        """Replacement for `warnings.showwarning`: record, then print as Python would.

        Python calls it only for warnings its filters let through, so a warning
        raised inside a library and hidden by the default filters is not blamed
        on the snippet. The line is the warning's own when it points into the
        snippet, else the innermost snippet line that led to it.
        """
        where = lineno if filename == self.snippet else snippet_line(self.snippet)
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
        self.network.append({"message": f"network access attempted: {what}", "line": snippet_line(self.snippet)})
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
                {"message": f"tried to change {rel} in the repository", "line": snippet_line(self.snippet)},
            )
        raise RepositoryWriteError(
            f"snippets may not change files in the repository ({rel}); use a temporary directory"
        )

    def _record_open(self, args: tuple) -> None:
        path = args[0]
        if isinstance(path, str):
            self.add_read(path)

    def add_read(self, path: str) -> None:
        """Record a file the snippet opened (by the audit hook, or by any layer: `file_reads`), when it is a
        repository file: not the snippet itself, not the interpreter's own tree or installed packages.

        Parameters:
            path: The file, absolute or relative to the working directory.
        """
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
            # What the reader's window shows: the figure's area, cropped to its content (see `figures`).
            png = figures.shown_png(figure, FIGURE_DPI)
            width, height = struct.unpack(">II", png[16:24])
            self.figures.append(
                {
                    "png_base64": base64.b64encode(png).decode("ascii"),
                    "width": round(width * 100 / FIGURE_DPI),
                    "height": round(height * 100 / FIGURE_DPI),
                    **figures.describe(figure),
                    "line": snippet_line(self.snippet),
                }
            )
            plt.close(figure)

    def track_new_figures(self) -> None:
        """Remember the snippet line that created each pyplot figure, for the unshown-figure error."""
        import matplotlib.pyplot as plt

        original = plt.figure

        def figure(*args, **kwargs):
            fig = original(*args, **kwargs)
            self.created.setdefault(id(fig), snippet_line(self.snippet))
            return fig

        plt.figure = figure

    def unshown_figures(self) -> list[int]:
        """Creation lines of the figures still open: never shown, and not closed either.

        Asked of pyplot itself at the end, so a figure the snippet closed
        (`plt.close(fig)`, `plt.close("all")`) is not counted.
        """
        import matplotlib.pyplot as plt

        return sorted(self.created.get(id(plt.figure(number)), 0) for number in plt.get_fignums())
