"""Benchmark an author's loop, on a scratch copy of the repository: builds, `mkdocs serve` and the checker.

Measures, in one run, every row of issue 14's table:

(1) `mkdocs build --strict` warm: nothing changed since the last build (the median of three);
(2) `mkdocs serve`: one page's prose edited -> the served page has the new sentence;
(3) `mkdocs serve`: one snippet edited -> its page shows the new output (and the snippet's own
    run time, `python x.py`, for the goal "3 s + the snippet's own run time");
(4) `check_snippets.py <one snippet> --no-cache --no-notebooks`, wall (the median of three);
(5) the checker against `python x.py` one by one, on chapter 2's 24 small snippets, no cache.

`--full` adds the whole course: the checker over every snippet with an empty cache against
`python x.py` one after another, the notebooks, and a cold build. The built site's page weights
against the hosted site's budgets (`scripts/site_weight.py`) close the report.

The serve session is scripted: `mkdocs serve` on a free port of 127.0.0.1, an edit, then the page is
fetched every 50 ms until it holds the edit; the time is from the write to the first such response.

Works on a scratch copy of the committed course (plus the repository's `.cache`, when there is one, so
that "warm" means what it means for an author), so the repository is left alone.

Usage: `python bench/bench_build.py [--full]`. Prints the timings, the goals and the ratios.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SMALL_CHAPTER = "02-tensor-creation"
"""Chapter 2: 24 snippets of a few milliseconds each, so the checker's own fixed cost shows."""
EDITED_PAGE = "docs/tensors/02-tensor-creation.en.md"
EDITED_URL = "en/tensors/02-tensor-creation/"
EDITED_SNIPPET = "snippets/02-tensor-creation/arange.py"


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Run a command, fail loudly if it fails, return its wall-clock seconds."""
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        log = Path(tempfile.gettempdir()) / "bench_failure.log"
        log.write_text(completed.stdout + "\n" + completed.stderr, encoding="utf-8")
        tail = (completed.stdout + completed.stderr)[-4000:]
        sys.exit(f"{' '.join(command)} failed (full output in {log}):\n{tail}")
    return elapsed


def median_of(runs: int, command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """The median wall-clock seconds of `runs` runs of `command`."""
    return statistics.median(timed(command, cwd, env) for _ in range(runs))


def scratch_copy(root: Path, with_cache: bool = True) -> None:
    """The committed course (`HEAD`), and (`with_cache`) the repository's `.cache` when present, under `root`.

    `HEAD`, not the working tree: a benchmark must not time half of an edit in progress.
    """
    archive = subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=REPO_ROOT, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(root, filter="data")
    if with_cache and (REPO_ROOT / ".cache").is_dir():
        shutil.copytree(REPO_ROOT / ".cache", root / ".cache")


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    """The body of `url`, or None when the server does not answer it (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, timeout: float, start: float | None = None) -> float:
    """Fetch `url` every 50 ms until its body holds `text`; the seconds from `start` (default: now) to then.

    Raises:
        SystemExit: When `timeout` seconds pass first.
    """
    start = time.perf_counter() if start is None else start
    while time.perf_counter() - start < timeout:
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - start
        time.sleep(0.05)
    sys.exit(f"{url} did not show {text!r} within {timeout:.0f} s")


def serve_session(root: Path, env: dict[str, str]) -> tuple[float, float]:
    """Start `mkdocs serve`, edit a page's prose, then a snippet; seconds until each edit is served."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log_path = root / "serve.log"
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        page, snippet = root / EDITED_PAGE, root / EDITED_SNIPPET
        originals = {page: page.read_bytes(), snippet: snippet.read_bytes()}
        try:
            wait_for(base + EDITED_URL, "<html", timeout=600)
            time.sleep(1.0)  # let the watcher settle after the first build
            marker = f"Benchmark sentence {time.time_ns()}."
            text = page.read_text(encoding="utf-8")
            start = time.perf_counter()
            page.write_text(text.replace("\n## ", f"\n{marker}\n\n## ", 1), encoding="utf-8")
            prose_s = wait_for(base + EDITED_URL, marker, timeout=120, start=start)
            time.sleep(1.0)
            marker = f"bench-{time.time_ns()}"
            source = snippet.read_text(encoding="utf-8") + f'print("{marker}")\n'
            start = time.perf_counter()
            snippet.write_text(source, encoding="utf-8")
            snippet_s = wait_for(base + EDITED_URL, marker, timeout=120, start=start)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
            for path, data in originals.items():  # the rows after this one measure the unedited course
                path.write_bytes(data)
    return prose_s, snippet_s


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="also the whole course: every snippet, notebooks, cold")
    args = parser.parse_args()
    env = {**os.environ, "MPLBACKEND": "Agg", "NO_MKDOCS_2_WARNING": "1"}
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="course-bench-") as scratch:
        root = Path(scratch)
        scratch_copy(root)
        print(f"{len(list((root / 'snippets').rglob('*.py')))} snippets, {os.cpu_count()} CPU cores")
        build = [python, "-m", "mkdocs", "build", "--strict"]
        timed([python, "scripts/check_snippets.py", "--no-notebooks"], root, env)  # fills what the copy lacks
        timed(build, root, env)  # and the caches keyed by absolute paths (mkdocs-jupyter's)
        rows: list[tuple[str, float, float]] = []

        def row(name: str, seconds: float, goal: float) -> None:
            rows.append((name, seconds, goal))
            print(f"  measured: {name}: {seconds:.1f} s", flush=True)

        warm_s = median_of(3, build, root, env)
        row("warm `mkdocs build --strict`, nothing changed", warm_s, 5.0)

        prose_s, snippet_s = serve_session(root, env)
        own_s = timed([python, EDITED_SNIPPET], root, env)
        row("`mkdocs serve`: one page's prose edited -> page rebuilt", prose_s, 3.0)
        row(f"`mkdocs serve`: one snippet edited -> new output (its own run: {own_s:.1f} s)", snippet_s, 3.0 + own_s)

        one = [python, "scripts/check_snippets.py", EDITED_SNIPPET, "--no-cache", "--no-notebooks"]
        row("`check_snippets.py one.py --no-cache --no-notebooks`", median_of(3, one, root, env), 4.0)

        small = sorted((root / "snippets" / SMALL_CHAPTER).glob("*.py"))
        chapter = [python, "scripts/check_snippets.py", f"snippets/{SMALL_CHAPTER}", "--no-cache", "--no-notebooks"]
        checker_s = timed(chapter, root, env)
        one_by_one_s = sum(timed([python, str(path.relative_to(root))], root, env) for path in small)

        print()
        print(f"{'measure':<78} {'now':>8} {'goal':>9}")
        for name, seconds, goal in rows:
            verdict = "met" if seconds <= goal else "NOT met"
            print(f"{name:<78} {seconds:7.1f}s {'<= ' + format(goal, '.1f') + 's':>9}  {verdict}")
        ratio = one_by_one_s / checker_s
        name = f"checker vs `python x.py` one by one, {len(small)} small snippets, no cache"
        print(f"{name:<78} {ratio:7.1f}x {'>= 8.0x':>9}  {'met' if ratio >= 8 else 'NOT met'}")
        print(f"    ({checker_s:.1f} s against {one_by_one_s:.1f} s)")

        if args.full:
            print()
            checker = [python, "scripts/check_snippets.py", "--no-cache", "--no-notebooks"]
            all_s = timed(checker, root, env)
            print(f"checker, all snippets, empty cache: {all_s:7.1f} s")
            every = sorted((root / "snippets").rglob("*.py"))
            baseline_s = sum(timed([python, str(path.relative_to(root))], root, env) for path in every)
            print(f"python file.py, one after another:  {baseline_s:7.1f} s   speed-up: {baseline_s / all_s:.1f}x")
            shutil.rmtree(root / ".cache/notebook-runs", ignore_errors=True)
            notebooks_s = timed([python, "scripts/check_snippets.py"], root, env)
            print(f"checker, every notebook executed (snippets cached): {notebooks_s:7.1f} s")
            shutil.rmtree(root / ".cache", ignore_errors=True)
            cold_s = timed(build, root, env)
            print(f"mkdocs build --strict, cold (empty cache): {cold_s:7.1f} s   cold/warm: {cold_s / warm_s:.1f}x")

        print()
        print("page weights of the built site:")
        sys.path.insert(0, str(REPO_ROOT / "scripts"))
        import site_weight

        for row in site_weight.measure(root / "site"):
            print(f"    {row}")


if __name__ == "__main__":
    main()
