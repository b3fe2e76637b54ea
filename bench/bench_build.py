"""Benchmark the engine against the naive ways, on a scratch copy of the repository.

Measures, in one run:

Works on a scratch copy of the tracked files, so the repository's cache and pages
are left alone.

(a) the checker over all snippets with an empty cache, against running each
    snippet as `python file.py` one after another;
(b) `mkdocs build` cold (empty cache), warm (cache full), and after editing
    one page's prose (cache full, one page changed);
(c) executing the 50 chapter notebooks (the checker with snippet results
    cached, so what it times is the notebooks);
(d) the built site's page weights against the hosted site's budgets
    (`scripts/site_weight.py`).

Prints the timings and ratios. Usage: `python bench/bench_build.py [--skip-baseline]`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Run a command, fail loudly if it fails, return its wall-clock seconds."""
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if completed.returncode != 0:
        log = Path(tempfile.gettempdir()) / "bench_failure.log"
        log.write_text(completed.stdout + "\n" + completed.stderr, encoding="utf-8")
        sys.exit(f"{' '.join(command)} failed (full output in {log}):\n{completed.stdout[-3000:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-baseline", action="store_true", help="skip the one-by-one `python file.py` baseline")
    args = parser.parse_args()
    env = {**os.environ, "MPLBACKEND": "Agg", "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryDirectory(prefix="course-bench-") as scratch:
        root = Path(scratch)
        tracked = subprocess.run(["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True).stdout
        for name in tracked.decode().split("\0"):
            if name:
                (root / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(REPO_ROOT / name, root / name)
        snippets = sorted((root / "snippets").rglob("*.py"))
        print(f"{len(snippets)} snippets, {os.cpu_count()} CPU cores")

        # Snippets only: the baseline runs snippets, not notebooks.
        checker = [sys.executable, "scripts/check_snippets.py", "--no-cache", "--no-notebooks"]
        checker_s = timed(checker, root, env)
        print(f"(a) checker, all snippets, empty cache: {checker_s:7.1f} s")
        if not args.skip_baseline:
            baseline_s = 0.0
            for snippet in snippets:
                baseline_s += timed([sys.executable, str(snippet.relative_to(root))], root, env)
            print(f"    python file.py, one after another:   {baseline_s:7.1f} s")
            print(f"    speed-up: {baseline_s / checker_s:.1f}x")

        notebooks_s = timed([sys.executable, "scripts/check_snippets.py"], root, env)
        print(f"(c) checker, 50 notebooks executed (snippets cached): {notebooks_s:7.1f} s")

        shutil.rmtree(root / ".cache", ignore_errors=True)
        build = [sys.executable, "-m", "mkdocs", "build"]  # not --strict: this measures speed, the tests check
        cold_s = timed(build, root, env)
        warm_s = timed(build, root, env)
        page = next((root / "docs").rglob("01-introduction.en.md"), None) or next((root / "docs").rglob("*.en.md"))
        page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence of prose.\n", encoding="utf-8")
        edited_s = timed(build, root, env)
        print(f"(b) mkdocs build, cold (empty cache):    {cold_s:7.1f} s")
        print(f"    mkdocs build, warm (cache full):     {warm_s:7.1f} s   cold/warm: {cold_s / warm_s:.1f}x")
        print(f"    mkdocs build, one page's prose edited: {edited_s:5.1f} s   cold/edited: {cold_s / edited_s:.1f}x")

        print("(d) page weights of the built site:")
        sys.path.insert(0, str(REPO_ROOT / "scripts"))
        import site_weight

        for row in site_weight.measure(root / "site"):
            print(f"    {row}")


if __name__ == "__main__":
    main()
