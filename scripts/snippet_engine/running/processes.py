"""The processes a run starts: adopted when orphaned, found, given time to finish, and ended.

A snippet may start processes (a `subprocess.Popen` it never waits for, DataLoader
workers, `multiprocessing`'s resource tracker, a daemon that calls `setsid`). Under
`python x.py` they outlive the script; here nothing may outlive its run unnoticed.
The process that forks snippets (a worker) and the process that starts workers (the
checker, `mkdocs`) make themselves *child subreapers* (prctl(2),
`PR_SET_CHILD_SUBREAPER`, Linux 3.4+): an orphaned descendant is re-parented to them
instead of to init, so every process a run started stays in their process tree, even
one that left its process group and session. psutil (https://github.com/giampaolo/psutil)
walks that tree.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import time
from collections.abc import Iterable

import psutil

LEFTOVER_GRACE = 2.0
"""Seconds the processes a snippet started get to end by themselves once the snippet has ended (as under
`python x.py`, where they run on): `multiprocessing`'s resource tracker reporting leaked objects, a helper
printing its last line. Whatever still runs then is killed and fails the run (`leftover_processes`)."""

PR_SET_CHILD_SUBREAPER = 36
"""prctl(2) option number, from <linux/prctl.h>."""


def become_subreaper() -> bool:
    """Make this process the child subreaper of its descendants (not inherited across fork).

    Returns:
        Whether the kernel accepted it (False on kernels without the option: then an orphan
        goes to init and only processes still in the tree are found).
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def descendants(exclude: Iterable[int] = ()) -> list[psutil.Process]:
    """The live (not zombie) descendants of this process, except the subtrees rooted at `exclude`.

    Parameters:
        exclude: Pids of children whose subtrees are someone else's (a worker's sibling workers).

    Returns:
        The processes, parents before their children.
    """
    skipped = set(exclude)
    found: list[psutil.Process] = []
    with contextlib.suppress(psutil.Error):
        for child in psutil.Process().children():
            if child.pid in skipped:
                continue
            with contextlib.suppress(psutil.Error):
                found += [child, *child.children(recursive=True)]
    alive = []
    for process in found:
        with contextlib.suppress(psutil.Error):
            if process.status() != psutil.STATUS_ZOMBIE:
                alive.append(process)
    return alive


def reap(exclude: Iterable[int] = ()) -> None:
    """Collect the exit status of every child that has ended, except those in `exclude` (never blocks).

    An adopted orphan that ends becomes this process's zombie until its status is collected.
    """
    skipped = set(exclude)
    with contextlib.suppress(psutil.Error):
        for child in psutil.Process().children():
            if child.pid in skipped:
                continue
            with contextlib.suppress(ChildProcessError, OSError):
                os.waitpid(child.pid, os.WNOHANG)


def describe(process: psutil.Process, script: str | None = None) -> str:
    """A process as a reader recognises it: its command line, shortened (`sleep 600`).

    Parameters:
        process: The process.
        script: The snippet's repo-relative path. A fork of the snippet (`os.fork`, a `multiprocessing`
            fork child) has the command line of the worker it was forked from, which is not the reader's:
            it is named `python <script>`, as under `python x.py`.
    """
    try:
        words = process.cmdline() or [process.name()]
        if script is not None and words == psutil.Process().cmdline():
            return f"python {script}"
    except psutil.Error:
        return f"pid {process.pid}"
    text = " ".join(os.path.basename(words[0]) if index == 0 else word for index, word in enumerate(words))
    return text if len(text) <= 80 else text[:79] + "…"


def end_all(processes: list[psutil.Process], grace: float) -> None:
    """Ask `processes` to end (SIGTERM), then kill whatever is left after `grace` seconds (SIGKILL).

    Parameters:
        processes: The processes to end (already ended ones are skipped).
        grace: Seconds between SIGTERM and SIGKILL; 0 kills at once.
    """
    if grace > 0:
        for process in processes:
            with contextlib.suppress(psutil.Error):
                process.send_signal(signal.SIGTERM)
        _, processes = psutil.wait_procs(processes, timeout=grace)
    for process in processes:
        with contextlib.suppress(psutil.Error):
            process.kill()
    psutil.wait_procs(processes, timeout=1.0)


def end_tree(exclude: Iterable[int] = (), grace: float = 0.0, within: float = 1.5) -> int:
    """End every descendant of this process (but the subtrees in `exclude`), adopted orphans included.

    Ending a process may orphan its children, which are then adopted (a subreaper) and
    found on the next pass; passes repeat until none is left or `within` seconds passed.

    Parameters:
        exclude: Pids of children to leave alone, with their subtrees.
        grace: Seconds each process gets to end on SIGTERM before SIGKILL (first pass only).
        within: Seconds at most for all passes.

    Returns:
        How many processes were ended.
    """
    skipped = list(exclude)
    deadline = time.monotonic() + within
    ended: set[int] = set()
    while time.monotonic() < deadline:
        left = descendants(skipped)
        if not left:
            break
        end_all(left, grace if not ended else 0.0)
        ended.update(process.pid for process in left)
        reap(skipped)
    return len(ended)
