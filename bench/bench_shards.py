"""Simulate the CI matrix here: the N shards of a cold check one after another, then the merged build.

On a scratch copy of the committed course (HEAD; the repository's cache is left alone), measures:

(a) `check_snippets.py --shard K/N --cache-dir shard-K` for K = 1..N, each cold (snippets and
    notebooks), one after another; the slowest shard is what the matrix would wait for;
(b) the whole check cold, for comparison (skip with `--skip-whole`);
(c) the shards' caches copied into `.cache/`, then `check_snippets.py` (must run nothing) and
    `mkdocs build --strict` (runs no snippet: every result comes from the merged cache).

Usage: `python bench/bench_shards.py [--shards N] [--skip-whole]`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import scratch_copy, timed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--skip-whole", action="store_true", help="do not time the whole check cold")
    parser.add_argument("--reports", type=Path, help="keep each shard's JSON report (cold seconds per item) here")
    args = parser.parse_args()
    env = {**os.environ, "MPLBACKEND": "Agg", "NO_MKDOCS_2_WARNING": "1"}
    checker = [sys.executable, "scripts/check_snippets.py"]
    with tempfile.TemporaryDirectory(prefix="course-shards-") as scratch:
        root = Path(scratch)
        scratch_copy(root, with_cache=False)
        print(f"{args.shards} shards, {os.cpu_count()} CPU cores")
        times = []
        for k in range(1, args.shards + 1):
            report = root / f"shard-{k}.json"
            seconds = timed(
                [*checker, "--shard", f"{k}/{args.shards}", "--cache-dir", f"shard-{k}", "--json", str(report)],
                root,
                env,
            )
            data = json.loads(report.read_text(encoding="utf-8"))
            if args.reports:
                args.reports.mkdir(parents=True, exist_ok=True)
                shutil.copy(report, args.reports / report.name)
            times.append(seconds)
            print(
                f"(a) shard {k}/{args.shards}: {seconds:6.1f} s  "
                f"({len(data['snippets'])} snippets, {len(data['notebooks'])} notebooks)"
            )
        print(f"    slowest shard {max(times):.1f} s, all shards one after another {sum(times):.1f} s")
        if not args.skip_whole:
            whole = timed([*checker, "--cache-dir", "whole"], root, env)
            print(f"(b) whole check, cold: {whole:6.1f} s   slowest shard / whole: {max(times) / whole:.2f}")
        merged = root / ".cache"
        for k in range(1, args.shards + 1):
            shutil.copytree(root / f"shard-{k}", merged, dirs_exist_ok=True)
        report = root / "merged.json"
        again = timed([*checker, "--json", str(report)], root, env)
        data = json.loads(report.read_text(encoding="utf-8"))
        ran = [item["path"] for item in data["snippets"] if not item["cached"]]
        ran += [item["path"] for item in data["notebooks"] if not item["cached"]]
        print(f"(c) check on the merged cache: {again:6.1f} s, {len(ran)} items ran again {ran[:5]}")
        build = timed([sys.executable, "-m", "mkdocs", "build", "--strict"], root, env)
        print(f"    mkdocs build --strict on the merged cache: {build:6.1f} s")
        if not args.skip_whole:
            print(f"    matrix wall (slowest shard + build): {max(times) + build:.1f} s against {whole + build:.1f} s")


if __name__ == "__main__":
    main()
