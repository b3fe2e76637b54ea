"""The cache: keys, dependency checks, and atomic writes that survive a killed writer."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import time

from conftest import REPO_ROOT
from snippet_engine.running.cache import ResultCache, cache_key, environment_fingerprint
from snippet_engine.running.result import Problem, SnippetResult

FINGERPRINT = environment_fingerprint("cpu")


def test_key_changes_with_source_path_environment_and_timeout():
    base = cache_key("snippets/a/x.py", b"print(1)", FINGERPRINT, 60)
    assert base == cache_key("snippets/a/x.py", b"print(1)", FINGERPRINT, 60)
    assert base != cache_key("snippets/a/x.py", b"print(2)", FINGERPRINT, 60)
    assert base != cache_key("snippets/a/y.py", b"print(1)", FINGERPRINT, 60)
    assert base != cache_key("snippets/a/x.py", b"print(1)", {**FINGERPRINT, "torch": "9.9"}, 60)
    assert base != cache_key("snippets/a/x.py", b"print(1)", environment_fingerprint("cuda"), 60)
    assert base != cache_key("snippets/a/x.py", b"print(1)", FINGERPRINT, 5)


def test_store_and_load_round_trip(tmp_path):
    cache = ResultCache(tmp_path / "cache", tmp_path)
    result = SnippetResult("snippets/a/x.py", output="hi\n", output_bytes=3, duration=0.5)
    cache.store("ab" * 32, result)
    loaded = cache.load("ab" * 32)
    assert loaded is not None and loaded.cached
    assert loaded.output == "hi\n" and loaded.duration == 0.5 and loaded.problems == []
    assert cache.load("cd" * 32) is None


def test_changed_dependency_invalidates_entry(tmp_path):
    data = tmp_path / "words.txt"
    data.write_text("a b c")
    cache = ResultCache(tmp_path / "cache", tmp_path)
    from snippet_engine.running.cache import file_sha256

    cache.store("ef" * 32, SnippetResult("snippets/x.py", reads={"words.txt": file_sha256(data)}))
    assert cache.load("ef" * 32) is not None
    data.write_text("a b c d")
    assert cache.load("ef" * 32) is None


def test_corrupt_entry_is_a_miss_and_is_removed(tmp_path):
    cache = ResultCache(tmp_path / "cache", tmp_path)
    path = tmp_path / "cache" / "12" / f"{'12' * 32}.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"path": "snippets/x.py", "output": "trunc')
    assert cache.load("12" * 32) is None
    assert not path.exists()


def test_writer_killed_mid_write_leaves_no_entry(tmp_path):
    """A store interrupted by SIGKILL halfway through leaves nothing a later run trusts."""
    key = "9a" * 32
    writer = textwrap.dedent(
        f"""
        import json, sys, time
        sys.path.insert(0, {str(REPO_ROOT / "scripts")!r})
        from pathlib import Path
        from snippet_engine.running import cache as cache_module
        from snippet_engine.running.result import SnippetResult

        def slow_dump(data, fh):
            text = json.dumps(data)
            fh.write(text[: len(text) // 2])
            fh.flush()
            print("half-written", flush=True)
            time.sleep(60)
            fh.write(text[len(text) // 2 :])

        cache_module.json.dump = slow_dump
        cache = cache_module.ResultCache(Path({str(tmp_path / "cache")!r}), Path({str(tmp_path)!r}))
        cache.store({key!r}, SnippetResult("snippets/x.py", output="x" * 10000))
        """
    )
    process = subprocess.Popen([sys.executable, "-c", writer], stdout=subprocess.PIPE, text=True)
    assert process.stdout.readline().strip() == "half-written"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    cache = ResultCache(tmp_path / "cache", tmp_path)
    assert cache.load(key) is None
    leftovers = list((tmp_path / "cache").rglob("*"))
    assert not [p for p in leftovers if p.name.endswith(".json")]
    assert [p for p in leftovers if p.name.endswith(".tmp")], "the half-written temporary file is still there"
    cache.store(key, SnippetResult("snippets/x.py", output="complete"))
    assert cache.load(key).output == "complete"


def test_engine_caches_successes_but_not_failures(tmp_path):
    from snippet_engine import Engine

    repo = tmp_path / "repo"
    (repo / "snippets" / "a").mkdir(parents=True)
    good = repo / "snippets" / "a" / "good.py"
    bad = repo / "snippets" / "a" / "bad.py"
    good.write_text("import time\nprint(time.time_ns())\n")
    bad.write_text("raise SystemExit(2)\n")
    engine = Engine(repo, jobs=1, cache_dir=tmp_path / "cache")
    try:
        first = engine.run(good)
        assert not first.cached and not engine.run(bad).ok
    finally:
        engine.close()
    engine = Engine(repo, jobs=1, cache_dir=tmp_path / "cache")
    try:
        started = time.perf_counter()
        again = engine.run(good)
        assert again.cached and again.output == first.output
        assert time.perf_counter() - started < 1.0  # no worker was needed
        assert engine._pool is None
        assert not engine.run(bad).cached
        good.write_text("print('edited')\n")
        assert engine.run(good).output == "edited\n"
    finally:
        engine.close()
    entries = [json.loads(p.read_text()) for p in (tmp_path / "cache").rglob("*.json")]
    assert all(not e["problems"] for e in entries)
    assert Problem("x", "y") == Problem("x", "y", 0)


def test_same_engine_reruns_when_a_file_the_snippet_read_changes(tmp_path):
    """`mkdocs serve` keeps one engine: its in-memory results must honour dependencies too."""
    from snippet_engine import Engine

    repo = tmp_path / "repo"
    (repo / "snippets" / "a").mkdir(parents=True)
    data = repo / "snippets" / "a" / "words.txt"
    data.write_text("one two\n")
    snippet = repo / "snippets" / "a" / "count.py"
    snippet.write_text(
        "from pathlib import Path\n\nprint(len((Path(__file__).parent / 'words.txt').read_text().split()))\n"
    )
    engine = Engine(repo, jobs=1, cache_dir=tmp_path / "cache")
    try:
        assert engine.run(snippet).output == "2\n"
        data.write_text("one two three\n")
        assert engine.run(snippet).output == "3\n"
    finally:
        engine.close()


def test_every_module_the_worker_runs_is_part_of_the_key():
    """A change to any module a worker or its child imports (the figure capture, say) must re-run snippets."""
    import ast

    from snippet_engine.running import cache

    running = REPO_ROOT / "scripts" / "snippet_engine" / "running"
    seen: set[str] = set()
    todo = ["worker"]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        for node in ast.walk(ast.parse((running / f"{module}.py").read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "snippet_engine.running":
                todo += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("snippet_engine.running."):
                todo.append(node.module.rsplit(".", 1)[1])
    assert {f"{module}.py" for module in seen} <= set(cache._ENGINE_RUNTIME)
