"""Ctrl-C stops the checker, `mkdocs build` and `mkdocs serve` at once: every process ended, one line, status 130.

A terminal's Ctrl-C is SIGINT to its foreground process group: here the command runs in a session of its own and
the test sends SIGINT to that group, while a snippet loops forever and a process it started in a session of its
own (which no group signal reaches) sleeps.
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

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


@pytest.mark.parametrize("kind", ["checker", "build", "serve"])
def test_ctrl_c_ends_every_process_in_one_line_with_status_130(tmp_path, kind):
    root = make_repo(tmp_path / "repo", snippet_body=LOOPS, name="loops.py")
    temporary_sites = set(Path(os.environ.get("TMPDIR", "/tmp")).glob("mkdocs_*"))
    env = {key: value for key, value in os.environ.items() if key != "SITE_DIR"}
    command = subprocess.Popen(
        _command(kind, root),
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    try:
        top = psutil.Process(command.pid)
        deadline = time.monotonic() + 180
        while (sleeper := _sleeper(top)) is None:
            assert command.poll() is None, command.communicate()
            assert time.monotonic() < deadline, "the snippet never started"
            time.sleep(0.1)
        time.sleep(0.3)  # the snippet is in its loop
        started = [top, *top.children(recursive=True), sleeper]
        os.killpg(command.pid, signal.SIGINT)
        interrupted = time.monotonic()
        _, err = command.communicate(timeout=30)
        took = time.monotonic() - interrupted
    finally:
        if command.poll() is None:
            os.killpg(command.pid, signal.SIGKILL)
            command.wait()
        for process in psutil.process_iter(["cmdline"]):
            if process.info["cmdline"] == ["sleep", "300"]:
                process.kill()
    assert command.returncode == 130, err.decode()
    assert took < STOP_WITHIN, f"took {took:.2f} s"
    after = err.decode().split("interrupted:")
    # One line, and nothing after it: not a progress bar redrawn by a thread that saw its worker end.
    assert len(after) == 2 and after[1].count("\n") == 1 and after[1].endswith("\n"), err.decode()
    assert "Traceback" not in err.decode() and "KeyboardInterrupt" not in err.decode()
    alive = [process.pid for process in started if process.is_running() and process.status() != psutil.STATUS_ZOMBIE]
    assert alive == []
    assert not list((root / ".cache").rglob("*.tmp"))
    assert not (root / "site").exists() or kind != "build" or not any((root / "site").iterdir())
    assert set(Path(os.environ.get("TMPDIR", "/tmp")).glob("mkdocs_*")) <= temporary_sites


def test_ctrl_c_during_a_chapter_notebook_ends_its_kernel(tmp_path):
    """The notebook kernel runs in a session of its own (jupyter_client starts it so): Ctrl-C ends it too."""
    root = make_repo(tmp_path / "repo", snippet_body="import time\n\ntime.sleep(3)\nprint('hello')\n")
    command = subprocess.Popen(
        [sys.executable, "scripts/check_snippets.py"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        top = psutil.Process(command.pid)
        deadline = time.monotonic() + 180
        kernels: list[psutil.Process] = []
        while not kernels:
            assert command.poll() is None, command.communicate()
            assert time.monotonic() < deadline, "no kernel started"
            kernels = [p for p in top.children(recursive=True) if "ipykernel" in " ".join(p.cmdline())]
            time.sleep(0.1)
        time.sleep(2.0)  # the kernel is busy with the cell
        started = [top, *top.children(recursive=True)]
        os.killpg(command.pid, signal.SIGINT)
        interrupted = time.monotonic()
        _, err = command.communicate(timeout=30)
        took = time.monotonic() - interrupted
    finally:
        if command.poll() is None:
            os.killpg(command.pid, signal.SIGKILL)
            command.wait()
    assert command.returncode == 130, err.decode()
    assert took < STOP_WITHIN, f"took {took:.2f} s"
    assert [p.pid for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE] == []


def test_a_closed_terminal_ends_every_process_too(tmp_path):
    """Closing the terminal (SIGHUP to its foreground group) while a snippet loops: the snippet, which runs in a
    session of its own and so gets no SIGHUP, must not be left looping after its worker and the checker are gone."""
    root = make_repo(tmp_path / "repo", snippet_body=LOOPS, name="loops.py")
    command = subprocess.Popen(
        _command("checker", root), cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        top = psutil.Process(command.pid)
        deadline = time.monotonic() + 180
        while (sleeper := _sleeper(top)) is None:
            assert command.poll() is None, command.communicate()
            assert time.monotonic() < deadline, "the snippet never started"
            time.sleep(0.1)
        time.sleep(0.3)
        started = [top, *top.children(recursive=True), sleeper]
        os.killpg(command.pid, signal.SIGHUP)
        command.communicate(timeout=30)
        time.sleep(STOP_WITHIN)
        alive = [p.pid for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    finally:
        for process in [top, *top.children(recursive=True)] if command.poll() is None else []:
            process.kill()
        for process in psutil.process_iter(["cmdline"]):
            if process.info["cmdline"] == ["sleep", "300"]:
                process.kill()
    assert command.returncode in (128 + signal.SIGHUP, -signal.SIGHUP)
    assert alive == []
