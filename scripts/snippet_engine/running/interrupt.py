"""Ctrl-C: end everything the run started, say so in one line, exit with status 130.

A terminal sends SIGINT to its whole foreground process group: the checker or `mkdocs`, and the
workers it started (which ignore it: `worker.main`). Snippets run in sessions of their own and
never see it; notebook kernels run in their own sessions too (jupyter_client starts them so).
Python's default reaction, a `KeyboardInterrupt` in the main thread, would leave the workers'
snippets running (a looping one forever) while threads wait for their replies. Instead, the
handler installed here:

1. prints one line on stderr, and nothing after it (the process's stdout and stderr go to /dev/null),
2. ends every descendant process (workers first get SIGTERM, on which they end their snippet
   and everything it started and remove its working directory; what is left after
   `GRACE` seconds is killed; orphans come back to this process, a child subreaper, and are
   killed too: `processes.end_tree`),
3. removes the temporary files of cache writes in progress (`cache.remove_partial_writes`) and
   runs the clean-ups registered with `on_interrupt` (the temporary site of `mkdocs serve`),
4. exits with status 130 (128 + SIGINT, what a shell reports for a job ended by Ctrl-C).

A closed terminal (SIGHUP) is handled the same way, without the line, and exits with status 129.

Results finished before the interrupt stay cached; a result still running is not cached.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable
from typing import Any

from snippet_engine.running import cache, processes

EXIT_STATUS = 128 + signal.SIGINT
"""Exit status after Ctrl-C (130), as POSIX shells report a process ended by SIGINT."""

GRACE = 0.5
"""Seconds the processes of the run get to end on SIGTERM before they are killed."""

MESSAGE = "interrupted: stopped every snippet and process this run started (finished results stay cached)"
"""The one line printed on Ctrl-C."""

_cleanups: list[Callable[[], Any]] = []


def install() -> bool:
    """Handle Ctrl-C (SIGINT) in this process as the module docstring says; make it a child subreaper.

    Returns:
        Whether the handler was installed: only the main thread may install signal handlers
        (`signal.signal` raises otherwise), so from another thread nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        return False
    signal.signal(signal.SIGINT, _on_interrupt)
    # A closed terminal (SIGHUP to its foreground group) ends the run the same way, silently: the workers
    # ignore it as they ignore SIGINT, so none dies leaving its snippet (in a session of its own) looping.
    signal.signal(signal.SIGHUP, _on_interrupt)
    processes.become_subreaper()
    return True


def on_interrupt(cleanup: Callable[[], Any]) -> None:
    """Run `cleanup` on Ctrl-C, after every process was ended (exceptions in it are ignored)."""
    _cleanups.append(cleanup)


def stop_everything() -> None:
    """End every descendant process, then remove partial cache writes and run the registered clean-ups."""
    processes.end_tree(grace=GRACE)
    cache.remove_partial_writes()
    for cleanup in _cleanups:
        with contextlib.suppress(Exception):
            cleanup()


def _silence() -> None:
    """Nothing this process writes after the one line reaches the terminal.

    Other threads go on while the handler ends the workers: a thread waiting for a reply sees its
    worker end and reports a result (the checker's progress bar would redraw as "1/1" under the line,
    with no newline before the shell's prompt). stdout and stderr now write to /dev/null.
    """
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)


def _on_interrupt(signum: int, frame: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C does not cut the clean-up short
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    with contextlib.suppress(Exception):
        if signum == signal.SIGINT:  # after SIGHUP the terminal is gone: nobody reads the line
            # On a terminal the line starts after the echoed ^C (and any progress bar).
            sys.stderr.write(("\n" if sys.stderr.isatty() else "") + MESSAGE + "\n")
            sys.stderr.flush()
    _silence()
    stop_everything()
    with contextlib.suppress(Exception):
        sys.stdout.flush()
    os._exit(128 + signum)  # EXIT_STATUS for Ctrl-C
