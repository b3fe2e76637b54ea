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
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

ENGINE_DIR = Path(__file__).resolve().parent


class WorkerDied(RuntimeError):
    """A worker process exited while it had a request."""


class _Worker:
    """One `python -m snippet_engine.worker` process."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "snippet_engine.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
            encoding="utf-8",
            cwd=str(ENGINE_DIR.parent),
        )
        self.ready = False

    def call(self, request: dict[str, Any]) -> dict[str, Any]:
        assert self.process.stdin is not None and self.process.stdout is not None
        if not self.ready:
            hello = self.process.stdout.readline()
            if not hello:
                raise WorkerDied("worker exited during start-up (is torch importable?)")
            self.ready = True
        try:
            self.process.stdin.write(json.dumps(request) + "\n")
            self.process.stdin.flush()
        except BrokenPipeError as exc:
            raise WorkerDied("worker exited") from exc
        line = self.process.stdout.readline()
        if not line:
            raise WorkerDied(f"worker exited with status {self.process.wait()}")
        return json.loads(line)

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.process.stdin is not None
            try:
                self.process.stdin.close()
                self.process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()


class WorkerPool:
    """Up to `size` warm workers shared by any number of threads.

    Parameters:
        size: Number of worker processes (parallel snippets).
        env: Environment for the workers (and so for every snippet).
    """

    def __init__(self, size: int, env: dict[str, str]) -> None:
        self.size = max(1, size)
        self.env = dict(env)
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
            while self._started < min(count, self.size):
                self._started += 1
                worker = _Worker(self.env)
                self._all.append(worker)
                self._idle.put(worker)

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
            worker.close()
