"""Nothing a build reuses is ever stale: each kind of edit an author makes reaches the built site.

The build reuses snippet results, rendered source frames, page discovery, search entries and (see
`page_memo`) whole rendered pages. This test builds a small copy of the course, then edits, one at a
time, the prose of a page, a snippet, a data file the snippet reads, `mkdocs.yml` and the engine's
code, rebuilds after each edit, and asserts that the edit shows on the pages of both languages (and,
for prose, in the search index; for output, in the notebook).
"""

import json
import subprocess
import sys

import pytest

from conftest import read_html
from minirepo import make_repo

READER = """\
from pathlib import Path

print((Path(__file__).parent / "numbers.txt").read_text(encoding="utf-8").strip())
"""


def strict_build(root):
    """`mkdocs build --strict` in `root`, as a clean environment runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(root)},
    )


def build(root):
    """A strict build that must pass; the chapter page of each language, each search index, the en notebook's output."""
    completed = strict_build(root)
    assert completed.returncode == 0, completed.stdout + completed.stderr
    pages = {
        locale: read_html(root / "site" / prefix / "ch" / "index.html") for locale, prefix in (("zh", ""), ("en", "en"))
    }
    search = {
        "zh": (root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"),
        "en": (root / "site" / "en" / "search" / "search_index.json").read_text(encoding="utf-8"),
    }
    notebook = json.loads((root / "site" / "en" / "ch" / "notebook" / "ch.en.ipynb").read_text(encoding="utf-8"))
    outputs = "".join("".join(o.get("text", "")) for cell in notebook["cells"] for o in cell.get("outputs", []))
    return pages, search, outputs


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("stale") / "repo", READER, name="reader.py")
    (root / "snippets" / "ch" / "numbers.txt").write_text("1 2 3\n", encoding="utf-8")
    (root / "snippets" / "ch" / "reader.out").write_text("1 2 3\n", encoding="utf-8")
    pages, _, outputs = build(root)
    assert all("1 2 3" in page for page in pages.values()) and "1 2 3" in outputs
    pages, _, _ = build(root)  # warm: everything reused
    assert all("1 2 3" in page for page in pages.values())
    return root


def test_prose_edit_reaches_page_and_search(repo):
    for locale, sentence in (("zh", "新加的一句话。"), ("en", "A sentence added later.")):
        page = repo / "docs" / f"ch.{locale}.md"
        page.write_text(page.read_text(encoding="utf-8").replace("\n\n```snippet", f"\n\n{sentence}\n\n```snippet"))
    pages, search, _ = build(repo)
    assert "新加的一句话" in pages["zh"] and "A sentence added later." in pages["en"]
    # jieba segments Chinese text in the index with zero-width spaces: 新加\u200b的\u200b一句\u200b话.
    assert "新加的一句话" in search["zh"].replace("\u200b", "") and "A sentence added later." in search["en"]


def test_snippet_edit_reaches_page_and_notebook(repo):
    snippet = repo / "snippets" / "ch" / "reader.py"
    snippet.write_text(snippet.read_text(encoding="utf-8") + 'print("snippet edited")\n', encoding="utf-8")
    pages, _, outputs = build(repo)
    assert all("snippet edited" in page for page in pages.values()) and "snippet edited" in outputs


def test_comment_edit_reaches_the_shown_source(repo):
    snippet = repo / "snippets" / "ch" / "reader.py"
    snippet.write_text("# zh: 读取数据文件\n# en: read the data file\n" + snippet.read_text(encoding="utf-8"))
    pages, _, _ = build(repo)
    assert "读取数据文件" in pages["zh"] and "read the data file" in pages["en"]


def test_data_file_edit_reaches_page_and_notebook(repo):
    (repo / "snippets" / "ch" / "numbers.txt").write_text("4 5 6\n", encoding="utf-8")
    pages, _, outputs = build(repo)
    assert all("4 5 6" in page and "1 2 3" not in page for page in pages.values()) and "4 5 6" in outputs


def test_config_edit_reaches_the_pages(repo):
    config = repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      permalink: true\n" in text
    config.write_text(text.replace("      permalink: true\n", '      permalink: "§§"\n'), encoding="utf-8")
    pages, _, _ = build(repo)
    assert all("§§" in page for page in pages.values())


def test_engine_code_edit_reaches_the_pages(repo):
    render = repo / "scripts" / "snippet_engine" / "output" / "render.py"
    text = render.read_text(encoding="utf-8")
    assert "运行设备：" in text and "Ran on " in text
    render.write_text(text.replace("运行设备：", "运行于：").replace("Ran on ", "Run on "), encoding="utf-8")
    pages, _, _ = build(repo)
    assert "运行于：CPU" in pages["zh"] and "Run on CPU" in pages["en"]


def _free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _served(url):
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_until(url, text, timeout=180):
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in _served(url):
            return True
        time.sleep(0.2)
    return False


def test_serve_rebuilds_show_every_edit(tmp_path):
    """`mkdocs serve` rebuilds in one process, reusing pages and results: each edit still reaches the page."""
    import time

    root = make_repo(tmp_path / "repo", READER, name="reader.py")
    (root / "snippets" / "ch" / "numbers.txt").write_text("1 2 3\n", encoding="utf-8")
    (root / "snippets" / "ch" / "reader.out").write_text("1 2 3\n", encoding="utf-8")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "HOME": str(root)},
    )
    page = f"http://127.0.0.1:{port}/en/ch/"
    try:
        assert _wait_until(page, "1 2 3"), "the first build was not served"
        time.sleep(1)
        english = root / "docs" / "ch.en.md"
        english.write_text(english.read_text(encoding="utf-8") + "\nServed sentence.\n", encoding="utf-8")
        assert _wait_until(page, "Served sentence."), "a prose edit did not reach the served page"
        snippet = root / "snippets" / "ch" / "reader.py"
        snippet.write_text(snippet.read_text(encoding="utf-8") + 'print("served output")\n', encoding="utf-8")
        assert _wait_until(page, "served output"), "a snippet edit did not reach the served page"
        (root / "snippets" / "ch" / "numbers.txt").write_text("7 8 9\n", encoding="utf-8")
        assert _wait_until(page, "7 8 9"), "a data file edit did not reach the served page"
        assert "Served sentence." in _served(page) and "served output" in _served(page)
        assert "Served sentence." not in _served(f"http://127.0.0.1:{port}/ch/")  # the zh page is its own
    finally:
        server.terminate()
        server.wait(timeout=60)


def test_a_page_that_warns_warns_on_every_build(tmp_path):
    """A page whose rendering logs a warning (a link to a missing page) is never reused silently: a warm
    `--strict` build fails as the first one did (MkDocs' own logger does not propagate to the root one)."""
    root = make_repo(tmp_path / "repo")
    page = root / "docs" / "ch.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [a missing page](nope.md).\n", encoding="utf-8")
    for attempt in ("cold", "warm"):
        completed = strict_build(root)
        assert completed.returncode != 0, attempt
        assert "nope.md" in completed.stderr, (attempt, completed.stderr[-2000:])


def test_two_pages_with_the_same_text_get_their_own_notebooks(tmp_path):
    """Notebooks are memoised by what they are made of, the page's own path and language included: two
    chapters with the same text (or two files swapped) must not share a notebook."""
    root = make_repo(tmp_path / "repo")
    for locale in ("zh", "en"):
        text = (root / "docs" / f"ch.{locale}.md").read_text(encoding="utf-8")
        (root / "docs" / f"twin.{locale}.md").write_text(text, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - ch.md\n", "  - ch.md\n  - twin.md\n"))
    build(root)
    for locale, prefix in (("zh", ""), ("en", "en/")):
        first = (root / "site" / prefix / "ch" / "notebook" / f"ch.{locale}.ipynb").read_text(encoding="utf-8")
        twin = (root / "site" / prefix / "twin" / "notebook" / f"twin.{locale}.ipynb").read_text(encoding="utf-8")
        assert "twin" in twin and "twin" not in first
