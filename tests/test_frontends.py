"""Both front ends fail loudly, naming file and line, on a broken snippet; neither writes a half site."""

import re
import shutil
import subprocess
import sys

import nbformat
import pytest

from conftest import parse_html, read_html
from minirepo import make_repo
from snippet_engine.course.project import Project

BROKEN = "import torch\n\nx = torch.ones(3)\nraise RuntimeError('broken on purpose')\n"


def run_checker(root, *args):
    return subprocess.run(
        [sys.executable, str(root / "scripts" / "check_snippets.py"), *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def run_build(root, *, strict=True):
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else [])],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def repo(tmp_path):
    return make_repo(tmp_path / "repo")


def test_checker_passes_then_fails_on_drift_then_update_records(repo):
    ok = run_checker(repo, "--json", "report.json")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.rstrip().splitlines()[-1] == "3 passed, 0 failed"  # the snippet and the zh and en notebooks
    report = (repo / "report.json").read_text()
    assert '"status": "passed"' in report and "ch.zh.ipynb" in report and "ch.en.ipynb" in report
    (repo / "snippets/ch/hello.py").write_text("print('hello there')\n")
    drift = run_checker(repo, "--junit", "junit.xml")
    assert drift.returncode == 1
    assert "snippets/ch/hello.py: output differs from snippets/ch/hello.out" in drift.stdout
    assert "+hello there" in drift.stdout
    # The chapter's notebooks are not run: their cell would fail the same way, and they cost the most time.
    assert (
        "not running 2 notebooks, whose chapters' snippets failed or drifted: ch.en.ipynb, ch.zh.ipynb" in drift.stdout
    )
    assert "notebook failed" not in drift.stdout
    assert drift.stdout.rstrip().splitlines()[-1] == "0 passed, 1 failed"
    assert 'failures="1"' in (repo / "junit.xml").read_text()
    updated = run_checker(repo, "--update")
    assert updated.returncode == 0
    assert (repo / "snippets/ch/hello.out").read_text() == "hello there\n"


def test_broken_snippet_fails_checker_and_strict_build_with_file_and_line(repo):
    built = run_build(repo)
    assert built.returncode == 0, built.stderr
    page = read_html(repo / "site" / "ch" / "index.html")
    assert "hello" in page and "运行设备：CPU" in page
    # The language switch lands on the same page.
    assert (
        parse_html(repo / "site" / "ch" / "index.html").css_first('a[hreflang="en"]').attributes["href"] == "../en/ch/"
    )
    assert "Ran on CPU" in read_html(repo / "site" / "en" / "ch" / "index.html")
    # Each language's chapter links to its notebook view, which offers the .ipynb and loads nothing from a CDN.
    for prefix, locale in (("", "zh"), ("en/", "en")):
        chapter = parse_html(repo / "site" / prefix / "ch" / "index.html")
        assert chapter.css_first("a.md-button").attributes["href"] == "notebook/"
        view_path = repo / "site" / prefix / "ch" / "notebook" / "index.html"
        assert parse_html(view_path).css(f'a[href="ch.{locale}.ipynb"][download]')
        view = read_html(view_path)
        assert "hello" in view and "cdnjs" not in view and "mathjax" not in view.lower()
        notebook = nbformat.read(repo / "site" / prefix / "ch" / "notebook" / f"ch.{locale}.ipynb", as_version=4)
        nbformat.validate(notebook)
        (code,) = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert code.source == "print('hello')" and code.outputs[0]["text"] == "hello\n"
    search = (repo / "site" / "search" / "search_index.json").read_text()
    assert "notebook/" not in search  # the chapter page is indexed, not its notebook twin
    # Prose is indexed; the example's code, its output and its download links are not (see fence.py).
    assert "第一章" in search and "print(" not in search and "hello.py" not in search and "CPU" not in search

    (repo / "snippets/ch/hello.py").write_text(BROKEN)
    checked = run_checker(repo)
    assert checked.returncode == 1
    assert "snippets/ch/hello.py:4: exception: RuntimeError: broken on purpose" in checked.stdout
    assert checked.stdout.rstrip().splitlines()[-1] == "0 passed, 1 failed"

    built = run_build(repo)
    assert built.returncode != 0
    assert "snippets/ch/hello.py:4: exception: RuntimeError: broken on purpose" in built.stderr
    # The strict build stops before writing: the previous site is intact.
    assert "运行设备：CPU" in read_html(repo / "site" / "ch" / "index.html")


def test_strict_build_fails_on_missing_snippet_or_unsupported_option_before_writing(repo):
    page = repo / "docs" / "ch.en.md"
    page.write_text(page.read_text() + '\n```snippet\nch/missing.py\n```\n\n```snippet session="s"\nch/hello.py\n```\n')
    built = run_build(repo)
    assert built.returncode != 0
    assert "docs/ch.en.md:9: embeds snippet 'ch/missing.py', which does not exist" in built.stderr
    assert "docs/ch.en.md:13: snippet fence option session='s' is not supported" in built.stderr
    assert not (repo / "site").exists()


EVERY_OPTION = """

```snippet source="above" title="Above"
ch/hello.py
```

```snippet source="below" title="Below"
ch/hello.py
```

```snippet source="tabbed-left"
ch/hello.py
```

```snippet source="tabbed-right" title="Right"
ch/hello.py
```

=== "Tab one"

    ~~~snippet
    ch/hello.py
    ~~~

=== "Tab two"

    Text with `#!python len(x)`.

???+ success "Answer"

    ```snippet source="block" title="In details"
    ch/hello.py
    ```

```python exec="on"
print("RAN" + "-OUTSIDE-THE-ENGINE")
```
"""


def test_every_documented_fence_option_works_in_the_page_the_checker_and_the_notebook(repo):
    for locale in ("zh", "en"):
        page = repo / "docs" / f"ch.{locale}.md"
        page.write_text(page.read_text() + EVERY_OPTION)
    assert Project(repo).check() == []  # the checker's consistency pass: every fence is an embed
    built = run_build(repo)
    assert built.returncode == 0, built.stderr
    pages = {
        locale: read_html(repo / "site" / prefix / "ch" / "index.html")
        for prefix, locale in (("", "zh"), ("en/", "en"))
    }
    for locale, html in pages.items():
        assert html.count('class="snippet-output"') == 7 and "snippet-result -->" not in html
        assert "RAN-OUTSIDE-THE-ENGINE" not in html  # markdown-exec runs no fence but ours
        ids = re.findall(r' id="([^"]+)"', html)
        assert len(ids) == len(set(ids)), "tabs of two embeds share an id"
        for title in ("Above", "Below", "Right", "In details"):
            assert f'<span class="filename">{title}</span>' in html
        # above: source, then result; below: result, then source.
        between = html[html.index('filename">Above<') : html.index('filename">Below<')]
        after = html[html.index('filename">Below<') : html.index('class="tabbed-set')]
        assert between.count('class="snippet-output"') == 2 and 'class="snippet-output"' not in after
        source, result = ("代码", "运行结果") if locale == "zh" else ("Source", "Result")
        assert f">{source}</label>" in html and f">{result}</label>" in html  # tab titles in the page's language
        notebook = nbformat.read(
            repo / "site" / ("en/" if locale == "en" else "") / "ch" / "notebook" / f"ch.{locale}.ipynb", as_version=4
        )
        cells = notebook.cells
        code = [i for i, cell in enumerate(cells) if cell.cell_type == "code"]
        assert len(code) == 7 and all(cells[i].outputs[0]["text"] == "hello\n" for i in code)
        titles = [cells[i - 1].source.splitlines()[-1] for i in code if cells[i - 1].cell_type == "markdown"]
        assert {"**Above**", "**Below**", "**Right**", "**Tab one**", "> **In details**"} <= set(titles)
        prose = "\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
        assert "===" not in prose and "???" not in prose and "#!python" not in prose and "`len(x)`" in prose
    frames = list((repo / ".cache" / "render").rglob("*.html"))
    assert frames and all(
        f.read_text().count("<!-- snippet-result -->") == 1 and ' id="' not in f.read_text() for f in frames
    )
    # A second build takes the frames from the render cache: the same pages (but for markdown-exec's id counter).
    assert run_build(repo).returncode == 0
    again = read_html(repo / "site" / "ch" / "index.html")
    assert re.sub(r"exec-\d+--", "", again) == re.sub(r"exec-\d+--", "", pages["zh"])


def test_non_strict_build_warns_with_file_and_line_and_writes_the_other_notebooks(repo):
    for locale in ("zh", "en"):
        (repo / "docs" / f"bad.{locale}.md").write_text(
            '# Bad\n\n```snippet exec="off"\nch/hello.py\n```\n\nA paragraph.\n{: .lead }\n'
        )
    built = run_build(repo, strict=False)
    assert built.returncode == 0, built.stderr
    assert "docs/bad.zh.md:3: snippet fence option exec='off' is not supported" in built.stderr
    assert "docs/bad.en.md:8: cannot become a notebook: attribute list '{: .lead }'" in built.stderr
    assert (repo / "site" / "ch" / "notebook" / "ch.zh.ipynb").is_file()
    assert (repo / "site" / "en" / "ch" / "notebook" / "ch.en.ipynb").is_file()
    assert not (repo / "site" / "bad" / "notebook").exists()
    bad = read_html(repo / "site" / "bad" / "index.html")
    assert '<div class="admonition failure"><p>snippet <code>ch/hello.py</code>:' in bad  # not the fence as text


def test_rendered_source_cache_follows_source_and_output_changes(repo):
    assert run_build(repo).returncode == 0
    frames = list((repo / ".cache" / "render").rglob("*.html"))
    assert len(frames) == 1  # the source reads the same in both languages: one highlighted frame
    assert all(frame.read_text().count("<!-- snippet-result -->") == 1 for frame in frames)
    # Same source, other output (a data file would do this): cached frame, new result.
    for frame in frames:
        frame.write_text(frame.read_text().replace("hello", "HELLO-FROM-CACHE"))
    shutil.rmtree(repo / ".cache" / "memo" / "pages")  # else the whole page is reused (page_memo), frame unread
    assert run_build(repo).returncode == 0
    page = read_html(repo / "site" / "ch" / "index.html")
    assert "HELLO-FROM-CACHE" in page  # the frame came from the cache...
    assert 'class="snippet-output"' in page and ">hello\n</code></pre>" in page  # ...the output from the run
    # A changed snippet is a new key: its source is highlighted afresh.
    (repo / "snippets/ch/hello.py").write_text("print('changed')\n")
    (repo / "snippets/ch/hello.out").write_text("changed\n")
    assert run_build(repo).returncode == 0
    page = read_html(repo / "site" / "ch" / "index.html")
    assert "HELLO-FROM-CACHE" not in page and "changed" in page
