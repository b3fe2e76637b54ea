"""Ctrl-C stops the checker, `mkdocs build` and `mkdocs serve` at once: every process ended, one line, status 130.

A terminal's Ctrl-C is SIGINT to its foreground process group: here the command runs in a session of its own and
the test sends SIGINT to that group, while a snippet loops forever and a process it started in a session of its
own (which no group signal reaches) sleeps.
"""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import psutil
import pytest

from minirepo import make_repo

LOOPS = """import subprocess
import time

subprocess.Popen(["sleep", "300"], start_new_session=True)
print("looping")
while True:
    time.sleep(0.05)
"""

STOP_WITHIN = 2.0
"""Seconds from Ctrl-C to exit that the issue asks for."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _command(kind: str, root: Path) -> list[str]:
    python = sys.executable
    return {
        "checker": [python, "scripts/check_snippets.py", "--no-notebooks"],
        "build": [python, "-m", "mkdocs", "build", "--strict"],
        "serve": [python, "-m", "mkdocs", "serve", "--no-livereload", "-a", f"127.0.0.1:{_free_port()}"],
    }[kind]


def _sleeper(process: psutil.Process) -> psutil.Process | None:
    for child in process.children(recursive=True):
        try:
            if child.cmdline() == ["sleep", "300"]:
                return child
        except psutil.Error:
            continue
    return None


class Stopped(NamedTuple):
    """A command stopped by a signal to its process group."""

    status: int
    took: float
    """Seconds from the signal to its exit."""
    err: str
    alive: list[int]
    """Pids of the processes alive before the signal that were still running afterwards."""


def _signal_when(
    command: list[str], root: Path, ready: Callable[[psutil.Process], list[psutil.Process]], signum: int
) -> Stopped:
    """Start `command` in a session of its own (as a terminal's job), wait until `ready` finds the processes it
    waits for, send `signum` to the group as a terminal does, and see what is left."""
    env = {key: value for key, value in os.environ.items() if key != "SITE_DIR"}
    process = subprocess.Popen(
        command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True
    )
    try:
        top = psutil.Process(process.pid)
        deadline = time.monotonic() + 180
        while not (awaited := ready(top)):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "what the test waits for never started"
            time.sleep(0.1)
        time.sleep(0.3)  # the snippet is in its loop, the kernel in its cell
        started = [top, *top.children(recursive=True), *awaited]
        os.killpg(process.pid, signum)
        signalled = time.monotonic()
        _, err = process.communicate(timeout=30)
        took = time.monotonic() - signalled
        time.sleep(0.2)
        alive = [p.pid for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        for leftover in psutil.process_iter(["cmdline"]):
            if leftover.info["cmdline"] == ["sleep", "300"]:
                leftover.kill()
    return Stopped(process.returncode, took, err.decode(), alive)


def _sleepers(top: psutil.Process) -> list[psutil.Process]:
    found = _sleeper(top)
    return [found] if found else []


def _kernels(top: psutil.Process) -> list[psutil.Process]:
    kernels = []
    for child in top.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if "ipykernel" in " ".join(child.cmdline()):
                kernels.append(child)
    return kernels


@pytest.mark.parametrize("kind", ["checker", "build", "serve"])
def test_ctrl_c_ends_every_process_in_one_line_with_status_130(tmp_path, kind):
    root = make_repo(tmp_path / "repo", snippet_body=LOOPS, name="loops.py")
    temporary_sites = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("mkdocs_*"))
    stopped = _signal_when(_command(kind, root), root, _sleepers, signal.SIGINT)
    assert stopped.status == 130, stopped.err
    assert stopped.took < STOP_WITHIN, f"took {stopped.took:.2f} s"
    after = stopped.err.split("interrupted:")
    # One line, and nothing after it: not a progress bar redrawn by a thread that saw its worker end.
    assert len(after) == 2 and after[1].count("\n") == 1 and after[1].endswith("\n"), stopped.err
    assert "Traceback" not in stopped.err and "KeyboardInterrupt" not in stopped.err
    assert stopped.alive == []
    assert not list((root / ".cache").rglob("*.tmp"))
    assert not (root / "site").exists() or kind != "build" or not any((root / "site").iterdir())
    assert set(Path(os.environ.get("TMPDIR", "/tmp")).glob("mkdocs_*")) <= temporary_sites


def test_ctrl_c_during_a_chapter_notebook_ends_its_kernel(tmp_path):
    """The notebook kernel runs in a session of its own (jupyter_client starts it so): Ctrl-C ends it too."""
    root = make_repo(tmp_path / "repo", snippet_body="import time\n\ntime.sleep(3)\nprint('hello')\n")
    stopped = _signal_when([sys.executable, "scripts/check_snippets.py"], root, _kernels, signal.SIGINT)
    assert stopped.status == 130, stopped.err
    assert stopped.took < STOP_WITHIN, f"took {stopped.took:.2f} s"
    assert stopped.alive == []


def test_a_closed_terminal_ends_every_process_too(tmp_path):
    """Closing the terminal (SIGHUP to its foreground group) while a snippet loops: the snippet, which runs in a
    session of its own and so gets no SIGHUP, must not be left looping after its worker and the checker are gone."""
    root = make_repo(tmp_path / "repo", snippet_body=LOOPS, name="loops.py")
    stopped = _signal_when(_command("checker", root), root, _sleepers, signal.SIGHUP)
    assert stopped.status in (128 + signal.SIGHUP, -signal.SIGHUP)
    assert stopped.alive == []
