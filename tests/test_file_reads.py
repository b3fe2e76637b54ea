"""Files a snippet reads from C code (NumPy, torch, a process it starts) are its dependencies, and only its own.

Each test builds a small repository in tmp_path and runs its snippets through the engine, as the checker does.
"""

import struct
import threading
import time

import pytest

from snippet_engine import Engine
from snippet_engine.running import file_reads
from snippet_engine.site.downloads import download_links

READERS = {
    # torch.from_file opens the file in ATen's C++ (THMapAllocator / fopen): no Python-level open.
    "from_file.py": """\
from pathlib import Path

import torch

path = Path(__file__).parent / "weights.bin"
print("weights:", torch.from_file(str(path), size=3, dtype=torch.float32).tolist())
""",
    # np.fromfile opens it in NumPy's C code.
    "fromfile.py": """\
from pathlib import Path

import numpy as np

print("weights:", np.fromfile(Path(__file__).parent / "weights.bin", dtype=np.float32).tolist())
""",
    # A process the snippet starts reads it: the audit hook is not in that process at all.
    "child.py": """\
import subprocess
from pathlib import Path

done = subprocess.run(["wc", "-c"], stdin=open(Path(__file__).parent / "table.csv", "rb"), capture_output=True)
print("bytes:", done.stdout.split()[0].decode())
print("words:", subprocess.run(["cat", str(Path(__file__).parent / "words.txt")], capture_output=True).stdout)
""",
}


def weights(*values: float) -> bytes:
    return struct.pack(f"<{len(values)}f", *values)


@pytest.fixture
def repo(tmp_path):
    chapter = tmp_path / "repo" / "snippets" / "ch"
    chapter.mkdir(parents=True)
    for name, source in READERS.items():
        (chapter / name).write_text(source, encoding="utf-8")
    (chapter / "weights.bin").write_bytes(weights(1, 2, 3))
    (chapter / "table.csv").write_text("a,b\n", encoding="utf-8")
    (chapter / "words.txt").write_text("tensor\n", encoding="utf-8")
    return tmp_path / "repo"


def watched() -> bool:
    """Whether this machine lets a snippet's opens be watched (fanotify: CAP_SYS_ADMIN)."""
    import os

    return os.geteuid() == 0


needs_fanotify = pytest.mark.skipif(not watched(), reason="fanotify needs CAP_SYS_ADMIN (run as root)")


@needs_fanotify
def test_a_file_read_by_c_code_is_a_dependency_and_a_change_reruns_the_snippet(repo, tmp_path):
    chapter = repo / "snippets" / "ch"
    engine = Engine(repo, jobs=1, cache_dir=tmp_path / "cache")
    try:
        for name in ("from_file.py", "fromfile.py"):
            result = engine.run(chapter / name)
            assert result.ok, result.error_lines()
            assert result.output == "weights: [1.0, 2.0, 3.0]\n"
            assert list(result.reads) == ["snippets/ch/weights.bin"]
            assert engine.run(chapter / name) is result  # remembered while the file is unchanged
        child = engine.run(chapter / "child.py")
        assert child.ok, child.error_lines()
        assert sorted(child.reads) == ["snippets/ch/table.csv", "snippets/ch/words.txt"]
        (chapter / "weights.bin").write_bytes(weights(4, 5, 6))
        # The same engine (`mkdocs serve`) and the checker's next run (the disk cache) both run it again.
        again = engine.run(chapter / "from_file.py")
        assert not again.cached and again.output == "weights: [4.0, 5.0, 6.0]\n"
    finally:
        engine.close()
    engine = Engine(repo, jobs=1, cache_dir=tmp_path / "cache")
    try:
        (chapter / "weights.bin").write_bytes(weights(7, 8, 9))
        fresh = engine.run(chapter / "fromfile.py")
        assert not fresh.cached and fresh.output == "weights: [7.0, 8.0, 9.0]\n"
    finally:
        engine.close()


@needs_fanotify
def test_the_download_links_offer_a_file_read_by_c_code(repo, tmp_path):
    engine = Engine(repo, jobs=1, use_cache=False, cache_dir=tmp_path / "cache")
    try:
        result = engine.run(repo / "snippets" / "ch" / "from_file.py")
    finally:
        engine.close()
    html = download_links("ch/from_file.py", result, "en", "ch/", root=repo)
    assert "Download data file weights.bin" in html and 'href="../snippets/ch/weights.bin"' in html


@needs_fanotify
def test_reads_by_other_snippets_and_by_the_engine_are_not_attributed(repo, tmp_path):
    chapter = repo / "snippets" / "ch"
    started = tmp_path / "busy-started"  # outside the repository: both snippets may touch it
    wait = f"while not os.path.exists({str(started)!r}):\n    time.sleep(0.01)\n"
    (chapter / "quiet.py").write_text(f"import os\nimport time\n\n{wait}time.sleep(0.5)\nprint('done')\n")
    (chapter / "busy.py").write_text(
        "import time\nfrom pathlib import Path\n\nimport numpy as np\n\n"
        f"open({str(started)!r}, 'w').close()\n"
        "for _ in range(20):\n    np.fromfile(Path(__file__).parent / 'weights.bin', dtype=np.float32)\n"
        "    time.sleep(0.05)\nprint('done')\n"
    )
    engine = Engine(repo, jobs=2, use_cache=False, cache_dir=tmp_path / "cache")
    running = threading.Event()

    def engine_reads():  # the checker and mkdocs read repository files while snippets run
        while not running.is_set():
            (chapter / "words.txt").read_text()
            time.sleep(0.01)

    reader = threading.Thread(target=engine_reads)
    reader.start()
    try:
        quiet, busy = engine.run_many([chapter / "quiet.py", chapter / "busy.py"])
    finally:
        running.set()
        reader.join()
        engine.close()
    assert quiet.ok and busy.ok, quiet.error_lines() + busy.error_lines()
    assert list(busy.reads) == ["snippets/ch/weights.bin"]
    assert quiet.reads == {}  # busy.py's reads went through its own mount, the test's through the host's


def _watched_in_a_child(root, **options):
    """Fork a process that watches `root`, reads a.bin through NumPy and b.bin through `cat`; what it collected."""
    import json
    import os
    import subprocess

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        try:
            import numpy as np

            watch, note = file_reads.watch(str(root), **options)
            np.fromfile(root / "data" / "a.bin", dtype=np.uint8)
            subprocess.run(["cat", str(root / "b.bin")], stdout=subprocess.DEVNULL, check=True)
            time.sleep(0.3)  # the parent reads c.bin meanwhile
            os.write(write_end, json.dumps([sorted(watch.collect()), note]).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    for _ in range(10):
        (root / "c.bin").read_bytes()
        time.sleep(0.03)
    with os.fdopen(read_end, "rb") as fh:
        paths, note = json.loads(fh.read() or b"[[], null]")
    os.waitpid(pid, 0)
    return [os.path.relpath(path, root) for path in paths], note


def test_directory_marks_keep_the_processs_own_opens_by_any_library(tmp_path):
    root = tmp_path / "repo"
    (root / "data").mkdir(parents=True)
    for name in ("data/a.bin", "b.bin", "c.bin"):
        (root / name).write_bytes(b"\0" * 8)
    for hidden in (".venv", "site", "node_modules"):
        (root / hidden).mkdir()
    # What an unprivileged snippet gets (no mount of its own to mark): its own process's opens, not its children's.
    paths, note = _watched_in_a_child(root, own_mount=False)
    assert paths == ["data/a.bin"]
    assert note == "no mount of its own: opens by processes the snippet starts are not seen"
    assert file_reads.directories(str(root)) == [str(root), str(root / "data")]


def test_where_the_kernel_refuses_fanotify_there_is_no_watch_and_a_reason(monkeypatch):
    class Refusing:
        def fanotify_init(self, flags, event_flags):
            import ctypes

            ctypes.set_errno(1)
            return -1

    monkeypatch.setattr(file_reads, "_LIBC", Refusing())
    watch, reason = file_reads.watch("/")
    assert watch is None
    assert reason == (
        "fanotify_init failed: Operation not permitted; "
        "fanotify_init(FAN_REPORT_DFID_NAME) failed: Operation not permitted"
    )
