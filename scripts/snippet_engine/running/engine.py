"""Run snippets: cache lookup, then a warm worker, then the error policy.

`Engine` is what both front ends use. `shared_engine` keeps one engine (and
so one worker pool) per process, so that `mkdocs serve` reuses warm workers
across rebuilds.
"""

from __future__ import annotations

import os
import platform
import re
import signal
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, NamedTuple

from snippet_engine.running.cache import ResultCache, cache_key, environment_fingerprint, file_sha256
from snippet_engine.running.numerics import KNOB_VARIABLES, REFERENCE, Numerics
from snippet_engine.running.pool import WorkerPool
from snippet_engine.running.processes import LEFTOVER_GRACE
from snippet_engine.running.result import Figure, Problem, SnippetResult
from snippet_engine.running.source import DirectiveError, Directives, decode_source, parse_directives

DEFAULT_TIMEOUT = 60.0
SNIPPET_THREADS = REFERENCE.threads
"""torch threads per snippet under the reference numerics, whatever `jobs` is: the digits of training
snippets depend on the reduction order, so pages and records use one count everywhere. Parallelism
comes from running snippets side by side instead. (`numerics` imitates other counts.)"""
_CAPABILITY = {"avx512": "AVX512", "avx2": "AVX2", "sse": "DEFAULT"}
"""What `torch.backends.cpu.get_cpu_capability()` reports under each imitated ISA level."""
DEVICES = ("auto", "cpu", "cuda", "mps")


class _Prepared(NamedTuple):
    """A snippet ready to run: its repository-relative path, directives, timeout (seconds) and cache key."""

    rel: str
    directives: Directives
    timeout: float
    key: str


def probe_device(requested: str = "auto") -> str:
    """The device snippets will find, decided without importing torch.

    Parameters:
        requested: `auto`, or a device to insist on.

    Returns:
        `cuda`, `mps` or `cpu`. The run itself reports what it really saw.
    """
    if requested != "auto":
        return requested
    if os.environ.get("CUDA_VISIBLE_DEVICES") == "":
        return "cpu"
    if Path("/proc/driver/nvidia/version").exists():
        return "cuda"
    if sys.platform == "darwin" and platform.machine() == "arm64":
        return "mps"
    return "cpu"


def _fault_line(trace: str, snippet: str) -> int:
    """Innermost snippet line in a faulthandler dump (most recent call first)."""
    match = re.search(rf'File "{re.escape(snippet)}", line (\d+)', trace)
    return int(match.group(1)) if match else 0


def apply_policy(
    reply: dict[str, Any], directives: Directives, *, timeout: float, snippet: str, requested_device: str
) -> list[Problem]:
    """Turn a worker's raw report into the list of problems that fail the run.

    Parameters:
        reply: The worker's reply.
        directives: What the snippet declared.
        timeout: The timeout it ran under.
        snippet: The snippet's repo-relative path, as it appears in tracebacks.
        requested_device: The device insisted on, or `auto`.

    Returns:
        The problems; empty for a successful run.
    """
    if "engine_error" in reply:
        return [Problem("engine", reply["engine_error"])]
    problems: list[Problem] = [
        Problem(
            "leftover-process",
            f"{command!r}, which the snippet started, was still running {LEFTOVER_GRACE:g} s after it ended "
            "(killed): wait for the processes you start, or end them",
            (reply.get("spawn_lines") or [0])[0],
        )
        for command in reply.get("leftover_processes", [])
    ]
    if reply.get("timed_out"):
        line = _fault_line(reply.get("fault_trace", ""), snippet)
        return [Problem("timeout", f"did not finish within {timeout:g} s (killed)", line), *problems]
    if reply.get("output_exceeded"):
        limit = f"{reply['output_exceeded'] // 2**20} MiB"
        return [
            Problem("output", f"printed more than {limit} (killed)", _fault_line(reply.get("fault_trace", ""), snippet))
        ]
    if reply.get("signal"):
        number = reply["signal"]
        name = signal.Signals(number).name if number in signal.Signals.__members__.values() else str(number)
        return [Problem("crash", f"the process crashed ({name})", _fault_line(reply.get("fault_trace", ""), snippet))]
    if "exit_code" not in reply:
        return [Problem("crash", f"the process ended (status {reply.get('child_status')}) without a report")]

    exception = reply.get("exception")
    if not exception and reply["exit_code"] != 0:  # os._exit(3), or the engine's own fallback exit
        problems.append(Problem("exit-status", f"exited with status {reply['exit_code']}"))
    if exception and exception["type"] == "SystemExit":
        problems.append(Problem("exit-status", f"exited with status {reply['exit_code']}", exception["line"]))
    elif exception and exception["type"] != directives.expect_exception:
        problems.append(Problem("exception", f"{exception['type']}: {exception['message']}", exception["line"]))
    elif directives.expect_exception and not exception:
        problems.append(Problem("expectation", f"expected {directives.expect_exception} to be raised; it was not"))

    for background in reply.get("background_exceptions", []):
        if background["type"] != directives.expect_exception:
            message = f"{background['type']}: {background['message']}".rstrip(": ")
            problems.append(
                Problem("exception", f"{message} (raised outside the main thread's code)", background["line"])
            )
    seen_warnings = set()
    for warning in reply.get("warnings", []):
        seen_warnings.add(warning["category"])
        if warning["category"] not in directives.expect_warnings:
            problems.append(Problem("warning", f"{warning['category']}: {warning['message']}", warning["line"]))
    for category in directives.expect_warnings:
        if category not in seen_warnings:
            problems.append(Problem("expectation", f"expected a {category}; none was raised"))
    for attempt in reply.get("network", []):
        problems.append(Problem("network", attempt["message"], attempt["line"]))
    for change in reply.get("global_state", []):
        problems.append(Problem("global-state", change["message"], change["line"]))
    for attempt in reply.get("repository_writes", []):
        problems.append(Problem("repository-write", attempt["message"], attempt["line"]))
    for figure in map(Figure.from_json, reply.get("figures", [])):
        if not figure.titled:
            problems.append(
                Problem(
                    "untitled-figure", "chart has no title: give it one (ax.set_title or fig.suptitle)", figure.line
                )
            )
    for line in reply.get("unshown_figures", []):
        problems.append(
            Problem("unclosed-figure", "figure created here was never shown: end the chart with plt.show()", line)
        )
    if requested_device not in ("auto", reply.get("device")):
        problems.append(
            Problem("engine", f"asked for device {requested_device!r} but the run saw {reply.get('device')!r}")
        )
    return problems


class Engine:
    """Runs snippets of one repository, with caching and a pool of warm workers.

    Parameters:
        repo_root: The repository root (snippets run as if from there).
        jobs: Parallel snippets (default: CPU count, divided by the numerics' threads).
        device: `auto`, `cpu`, `cuda` or `mps`.
        use_cache: Read results from the cache (results are written either way).
        cache_dir: Where the cache lives (default `<repo>/.cache/snippets`).
        default_timeout: Seconds per snippet unless it declares its own.
        numerics: The CPU numerics to run under (`numerics.REFERENCE`: this CPU's own, one thread).

    Raises:
        ValueError: For an unknown device.
        numerics.NumericsError: For an ISA level this CPU lacks.
    """

    def __init__(
        self,
        repo_root: Path,
        *,
        jobs: int | None = None,
        device: str = "auto",
        use_cache: bool = True,
        cache_dir: Path | None = None,
        default_timeout: float = DEFAULT_TIMEOUT,
        numerics: Numerics = REFERENCE,
    ) -> None:
        if device not in DEVICES:
            raise ValueError(f"device must be one of {', '.join(DEVICES)}, not {device!r}")
        numerics.check_available()
        self.numerics = numerics
        self.repo_root = repo_root.resolve()
        # Several torch threads per snippet: fewer snippets side by side, so the cores are not oversubscribed.
        self.jobs = jobs or max(1, (os.cpu_count() or 1) // numerics.threads)
        self.requested_device = device
        self.device = probe_device(device)
        self.use_cache = use_cache
        self.default_timeout = default_timeout
        self.cache = ResultCache(cache_dir or self.repo_root / ".cache" / "snippets", self.repo_root)
        self.fingerprint = {
            **environment_fingerprint(self.device),
            "threads": str(numerics.threads),
            "numerics": numerics.spec(),
        }
        self._memo: dict[str, SnippetResult] = {}
        self._pool: WorkerPool | None = None

    def _worker_env(self) -> dict[str, str]:
        env = {name: value for name, value in os.environ.items() if name not in KNOB_VARIABLES}
        env["MPLBACKEND"] = "Agg"
        env.update(self.numerics.environment())
        if self.requested_device == "cpu":
            env["CUDA_VISIBLE_DEVICES"] = ""
        return env

    @property
    def pool(self) -> WorkerPool:
        """The worker pool, started on first use."""
        if self._pool is None:
            self._pool = WorkerPool(self.jobs, self._worker_env())
        return self._pool

    def warm_up(self, paths: list[Path]) -> int:
        """Start, in the background, a worker for each of `paths` that will run (no cached result), up to `jobs`.

        The checker calls it before its consistency pass, so the workers' start-up (about 2 s of
        imports) overlaps that pass; when every result is cached, no worker starts at all.

        Parameters:
            paths: The snippets about to be run.

        Returns:
            How many of them have no cached result.
        """
        misses = sum(1 for path in paths if not self._cache_hit(path))
        if misses:
            self.pool.start(min(misses, self.jobs))
        return misses

    def _cache_hit(self, path: Path) -> bool:
        """Whether `run(path)` would return without running (a cached result, or a directive error)."""
        if not self.use_cache:
            return False
        prepared = self._prepare(path.resolve())
        return isinstance(prepared, SnippetResult) or self._cached(prepared.key) is not None

    def _prepare(self, path: Path) -> _Prepared | SnippetResult:
        """What a run of `path` (resolved) needs, and its cache key; a result when its directives are broken."""
        rel = path.relative_to(self.repo_root).as_posix()
        source = path.read_bytes()
        try:
            directives = parse_directives(decode_source(source))
        except DirectiveError as exc:
            return SnippetResult(rel, problems=[Problem("directive", str(exc), exc.line)])
        except (SyntaxError, UnicodeDecodeError):
            # Python would refuse to run it too; the run itself reports it as `python x.py` does.
            directives = Directives()
        timeout = (directives.timeout or self.default_timeout) * self.numerics.timeout_factor
        return _Prepared(rel, directives, timeout, cache_key(rel, source, self.fingerprint, timeout))

    def _cached(self, key: str) -> SnippetResult | None:
        """The result under `key`: this process's memo while its dependencies are unchanged, else the cache."""
        remembered = self._memo.get(key)
        if remembered is not None and self.cache.is_fresh(remembered):
            return remembered
        if self.use_cache and (cached := self.cache.load(key)) is not None:
            self._memo[key] = cached
            return cached
        return None

    def run(self, path: Path) -> SnippetResult:
        """Run one snippet, or return its cached result.

        Parameters:
            path: The snippet file.

        Returns:
            Its result; `result.ok` tells whether it passed the policy.
        """
        path = path.resolve()
        prepared = self._prepare(path)
        if isinstance(prepared, SnippetResult):
            return prepared
        rel, directives, timeout, key = prepared
        if (cached := self._cached(key)) is not None:
            return cached

        request = {
            "path": str(path),
            "name": rel,
            "repo_root": str(self.repo_root),
            "timeout": timeout,
            "threads": self.numerics.threads,
        }
        reply = self.pool.run(request)
        problems = apply_policy(reply, directives, timeout=timeout, snippet=rel, requested_device=self.requested_device)
        expected_capability = _CAPABILITY.get(self.numerics.isa)
        if expected_capability and reply.get("cpu_capability", expected_capability) != expected_capability:
            problems.append(
                Problem(
                    "engine",
                    f"asked for isa={self.numerics.isa} but torch ran {reply.get('cpu_capability')} kernels",
                )
            )
        reads = {}
        for dependency in reply.get("reads", []):
            dependency_path = self.repo_root / dependency
            if dependency_path.is_file():
                reads[dependency] = file_sha256(dependency_path)
        exception = reply.get("exception") or {}
        result = SnippetResult(
            path=rel,
            output=reply.get("output", ""),
            output_bytes=reply.get("output_bytes", 0),
            truncated=reply.get("truncated", False),
            figures=[Figure.from_json(figure) for figure in reply.get("figures", [])],
            problems=problems,
            duration=round(reply.get("duration", 0.0), 6),  # 3 decimals made a sub-millisecond run read 0.0
            device=reply.get("device", self.device),
            exit_code=reply.get("exit_code", -reply.get("signal", 0) or 1),
            traceback=exception.get("traceback", ""),
            reads=reads,
            cpu_capability=reply.get("cpu_capability", ""),
            threads=reply.get("threads", self.numerics.threads),
        )
        if result.ok:
            self.cache.store(key, result)
            self._memo[key] = result
        return result

    def run_many(
        self, paths: Iterable[Path], on_result: Callable[[SnippetResult], None] | None = None
    ) -> list[SnippetResult]:
        """Run snippets in parallel (up to `jobs` at once), results in input order.

        Parameters:
            paths: Snippet files.
            on_result: Called with each result as it arrives (progress display).

        Returns:
            One result per path.
        """

        def run_one(path: Path) -> SnippetResult:
            result = self.run(path)
            if on_result is not None:
                on_result(result)
            return result

        paths = list(paths)
        if not paths:
            return []
        with ThreadPoolExecutor(max_workers=min(self.jobs, len(paths))) as executor:
            return list(executor.map(run_one, paths))

    def close(self) -> None:
        """Stop the workers (the engine can start new ones later)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None


_shared: dict[tuple, Engine] = {}


def shared_engine(repo_root: Path, **options: Any) -> Engine:
    """One engine per repository and options for this process (used by `mkdocs serve`).

    Parameters:
        repo_root: The repository root.
        **options: As for `Engine`.

    Returns:
        The same engine on every call with the same arguments.
    """
    key = (str(repo_root.resolve()), tuple(sorted(options.items())))
    if key not in _shared:
        _shared[key] = Engine(repo_root, **options)
    return _shared[key]
