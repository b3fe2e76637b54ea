"""The pool of warm workers, seen from the parent process.

Workers are started lazily (a build whose results are all cached starts
none) and shut down by `close()` or at interpreter exit.
"""

from __future__ import annotations

import atexit
import itertools
import json
import os
import queue
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ENGINE_DIR = Path(__file__).resolve().parents[1]
"""The engine package (`snippet_engine/`); its parent, `scripts/`, is the workers' import path."""

SIBLINGS_ENV = "SNIPPET_WORKER_SIBLINGS"
"""See `worker.SIBLINGS_ENV` (not imported: the pool never imports the worker's module)."""

ENGINE_ENVIRONMENT = "SNIPPET_ENGINE_ENVIRONMENT"
"""See `sandbox.ENGINE_ENVIRONMENT` (not imported, as above)."""


class WorkerDied(RuntimeError):
    """A worker process exited while it had a request."""


class _Worker:
    """One `python -m snippet_engine.running.worker` process, started with `siblings` more forked from it once warm.

    Parameters:
        env: The workers' environment.
        siblings: How many sibling workers the process forks after its imports (`_Sibling`, see `siblings`).
    """

    def __init__(self, env: dict[str, str], siblings: int = 0) -> None:
        pipes = [(os.pipe(), os.pipe()) for _ in range(siblings)]  # (requests r, w), (replies r, w)
        worker_ends = [(requests[0], replies[1]) for requests, replies in pipes]
        env = {**env, SIBLINGS_ENV: ";".join(f"{r},{w}" for r, w in worker_ends)} if siblings else env
        self.process: subprocess.Popen[str] | None = subprocess.Popen(
            [sys.executable, "-m", "snippet_engine.running.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
            encoding="utf-8",
            cwd=str(ENGINE_DIR.parent),
            pass_fds=[fd for pair in worker_ends for fd in pair],
        )
        for pair in worker_ends:
            for fd in pair:
                os.close(fd)
        self._connect(self.process.stdin, self.process.stdout)
        self.siblings: list[_Sibling] = [
            _Sibling(os.fdopen(requests[1], "w", encoding="utf-8"), os.fdopen(replies[0], encoding="utf-8"))
            for requests, replies in pipes
        ]

    def _connect(self, requests: Any, replies: Any) -> None:
        """Talk to the worker through these two text streams (its announced pid is read with its first reply)."""
        self.requests, self.replies = requests, replies
        self.ready = False
        self.pid: int | None = None

    def call(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self.requests is not None and self.replies is not None
        if not self.ready:
            hello = self.replies.readline()
            if not hello:
                raise WorkerDied("worker exited during start-up (is torch importable?)")
            self.pid = json.loads(hello).get("pid")
            self.ready = True
        try:
            self.requests.write(json.dumps(request) + "\n")
            self.requests.flush()
        except BrokenPipeError as exc:
            raise WorkerDied("worker exited") from exc
        line = self.replies.readline()
        if not line:
            raise WorkerDied(f"worker exited{self._status()}")
        return json.loads(line)

    def _status(self) -> str:
        return f" with status {self.process.wait()}" if self.process is not None else ""

    def shut(self) -> None:
        """Close the request channel: the worker finishes its request, if any, and exits."""
        try:
            if self.requests is not None:
                self.requests.close()
        except OSError:
            pass

    def close(self) -> None:
        """Shut the worker and wait for it to exit (killed after 5 s)."""
        self.shut()
        if self.process is not None:
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class _Sibling(_Worker):
    """A worker forked by another one (`_Worker(siblings=...)`), reached through two pipes.

    It is not this process's child: it ends when its request pipe closes (as a worker ends when its
    stdin closes), or is killed by the pid it announces.
    """

    def __init__(self, requests: Any, replies: Any) -> None:
        self.process = None
        self.siblings = []
        self._connect(requests, replies)

    def close(self) -> None:
        """Shut the sibling and wait until its reply pipe closes, which it does as it exits (killed after 5 s)."""
        self.shut()
        try:
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                readable, _, _ = select.select([self.replies], [], [], max(0.0, deadline - time.monotonic()))
                if readable and not os.read(self.replies.fileno(), 65536):
                    return  # end of file: the sibling has exited
            if self.pid is not None:
                os.kill(self.pid, signal.SIGKILL)
        except (OSError, ValueError):
            pass
        finally:
            try:
                self.replies.close()
            except OSError:
                pass


class WorkerPool:
    """Up to `size` warm workers shared by any number of threads.

    Parameters:
        size: Number of worker processes (parallel snippets).
        env: Environment for the workers (and so for every snippet).
    """

    def __init__(self, size: int, env: dict[str, str]) -> None:
        self.size = max(1, size)
        self.env = dict(env)
        # A terminal's Python buffers its output by line whatever the caller's setting (`sandbox._redirect_output`).
        self.env.pop("PYTHONUNBUFFERED", None)
        self.env[ENGINE_ENVIRONMENT] = json.dumps({"PYTHONPATH": env.get("PYTHONPATH")})
        self.env["PYTHONPATH"] = os.pathsep.join(
            [str(ENGINE_DIR.parent)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
        )
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._started = 0
        self._lock = threading.Lock()
        self._all: list[_Worker] = []
        self._ids = itertools.count()
        atexit.register(self.close)

    def _checkout(self) -> _Worker:
        with self._lock:
            if self._idle.empty() and self._started < self.size:
                self._started += 1
                worker = _Worker(self.env)
                self._all.append(worker)
                return worker
        return self._idle.get()

    def start(self, count: int) -> None:
        """Start up to `count` workers now (at most `size` in all), without waiting for them.

        A worker's start-up (importing torch and the rest) then overlaps whatever the caller
        does next; the first request waits only for what is left of it.
        """
        with self._lock:
            wanted = min(count, self.size) - self._started
            if wanted <= 0:
                return
            # One process imports torch and the rest; the others are forked from it once it is warm. Started
            # side by side, two workers' imports competed for the cores (2 x 2.7 s on a 2-core machine).
            worker = _Worker(self.env, siblings=wanted - 1)
            for each in [worker, *worker.siblings]:
                self._started += 1
                self._all.append(each)
                self._idle.put(each)

    def run(self, request: dict[str, Any]) -> dict[str, Any]:
        """Run one request on a free worker (blocking); a dead worker is replaced.

        Parameters:
            request: See `sandbox.run_child`.

        Returns:
            The worker's raw reply.
        """
        request = {**request, "id": next(self._ids)}
        worker = self._checkout()
        try:
            reply = worker.call(request)
        except WorkerDied as exc:
            worker.close()
            with self._lock:
                self._all.remove(worker)
                self._started -= 1
            return {"engine_error": str(exc)}
        self._idle.put(worker)
        return reply

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            workers, self._all = self._all, []
            self._started = 0
            self._idle = queue.Queue()
        for worker in workers:
            worker.shut()  # all at once: their interpreters shut down side by side
        for worker in workers:
            worker.close()
