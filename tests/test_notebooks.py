"""Chapter notebooks: made from the page and the recorded results, and known to run."""

import nbformat
import pytest

from conftest import REPO_ROOT
from snippet_engine.notebook_build import build_notebook, chapter_pages, new_code_cell, split_page, write_notebooks
from snippet_engine.notebook_run import execute_notebook
from snippet_engine.project import Page, Project
from snippet_engine.result import Figure, SnippetResult

PAGE = """# Chapter

Intro with a [link](../other/02-next.md#a-section) and $x^2$.

```snippet
ch/one.py
```

!!! warning "Careful"
    Before the snippet.

    ```snippet
    ch/two.py
    ```

    After the snippet, still in the box.

    ```python
    # an ordinary code block stays Markdown
    ```

??? success "Answer"

    ```snippet
    ch/one.py
    ```

Back at top level.
"""

SNIPPET = """import torch

# zh: 中文注释
# en: English comment
print(torch.ones(2))
"""


def test_split_page_turns_admonitions_into_quotes_and_fences_into_cells():
    cells = split_page(PAGE)
    kinds = [kind for kind, _ in cells]
    assert kinds == ["markdown", "snippet", "markdown", "snippet", "markdown", "snippet", "markdown"]
    assert cells[1] == ("snippet", "ch/one.py")
    assert cells[2][1] == "> **⚠️ Careful**\n>\n> Before the snippet."
    assert cells[3] == ("snippet", "ch/two.py")
    after = cells[4][1]
    assert after.startswith("> After the snippet, still in the box.")
    assert "> ```python\n> # an ordinary code block stays Markdown\n> ```" in after
    assert after.endswith("> **✅ Answer**")  # the solution's title, then its code cell
    assert cells[6][1] == "Back at top level."


@pytest.fixture
def course(tmp_path):
    (tmp_path / "docs" / "ch").mkdir(parents=True)
    (tmp_path / "snippets" / "ch").mkdir(parents=True)
    for locale in ("zh", "en"):
        (tmp_path / "docs" / "ch" / f"01-first.{locale}.md").write_text(PAGE)
    (tmp_path / "snippets" / "ch" / "one.py").write_text(SNIPPET)
    (tmp_path / "snippets" / "ch" / "two.py").write_text("print('two')\n")
    (tmp_path / "mkdocs.yml").write_text((REPO_ROOT / "mkdocs.yml").read_text())
    return Project(tmp_path)


def results():
    figure = Figure(png_base64="iVBORw0KGgo=", width=300, height=200)
    return {
        "ch/one.py": SnippetResult("snippets/ch/one.py", output="tensor([1., 1.])\n", figures=[figure]),
        "ch/two.py": SnippetResult("snippets/ch/two.py", output="two\n"),
    }


def test_notebook_has_page_language_comments_recorded_outputs_and_site_links(course):
    page = Page(course.docs_dir / "ch" / "01-first.zh.md", "ch/01-first", "zh")
    notebook, snippets = build_notebook(course, page, results())
    nbformat.validate(notebook)
    assert snippets == ("ch/one.py", "ch/two.py", "ch/one.py")
    assert notebook.cells[0].source == "# Chapter"
    assert "第 01 章" in notebook.cells[1].source and "](../)" in notebook.cells[1].source  # back to the page
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert "# 中文注释" in code[0].source and "English comment" not in code[0].source
    assert [cell.execution_count for cell in code] == [1, 2, 3]
    stream, image = code[0].outputs
    assert stream["text"] == "tensor([1., 1.])\n"
    assert image["data"]["image/png"] == "iVBORw0KGgo=" and image["metadata"]["image/png"]["width"] == 300
    prose = notebook.cells[2].source
    # ../other/02-next.md seen from the notebook view at ch/01-first/notebook/ is the page other/02-next/.
    assert "[link](../../../other/02-next/#a-section)" in prose and "$x^2$" in prose
    english, _ = build_notebook(course, Page(course.docs_dir / "ch" / "01-first.en.md", "ch/01-first", "en"), results())
    assert "# English comment" in next(c for c in english.cells if c.cell_type == "code").source
    assert "[link](../../../other/02-next/#a-section)" in english.cells[2].source  # en/ch/… to en/other/…


def test_notebooks_are_written_once_and_identically(course):
    out = course.root / "out"
    first = write_notebooks(course, results(), out)
    assert sorted(item.path.relative_to(out).as_posix() for item in first) == [
        "en/ch/01-first.en.ipynb",
        "zh/ch/01-first.zh.ipynb",
    ]
    stamps = {item.path: item.path.stat().st_mtime_ns for item in first}
    again = write_notebooks(course, results(), out)
    assert {item.path: item.path.stat().st_mtime_ns for item in again} == stamps  # unchanged: not rewritten


def test_missing_result_or_mismatched_fences_fail(course):
    page = Page(course.docs_dir / "ch" / "01-first.zh.md", "ch/01-first", "zh")
    with pytest.raises(KeyError):
        build_notebook(course, page, {"ch/one.py": results()["ch/one.py"]})
    # A snippet fence inside an HTML comment: the line reader sees it, the site's Markdown does not.
    page.path.write_text(PAGE + "\n<!--\n```snippet\nch/two.py\n```\n-->\n")
    with pytest.raises(ValueError, match="do not match the page's snippet fences"):
        build_notebook(course, page, results())


def _notebook(path, *sources, tags=None):
    cells = [new_code_cell(source) for source in sources]
    for number, cell in enumerate(cells):
        cell.id = f"c{number}"
        cell.metadata["snippet"] = f"ch/s{number}.py"
    if tags:
        cells[-1].metadata["tags"] = tags
    notebook = nbformat.from_dict(
        {
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
            "cells": cells,
        }
    )
    nbformat.write(notebook, path)
    return path


def test_execute_notebook_runs_top_to_bottom_and_names_the_failing_cell(tmp_path):
    ok = execute_notebook(_notebook(tmp_path / "ok.ipynb", "x = 2", "assert x == 2"), cwd=tmp_path, timeout=60)
    assert ok.ok, ok.error
    bad = execute_notebook(
        _notebook(tmp_path / "bad.ipynb", "x = 2", "raise ValueError('boom')"), cwd=tmp_path, timeout=60
    )
    assert not bad.ok
    assert bad.error.startswith("cell 1 (snippet ch/s1.py):") and "ValueError: boom" in bad.error
    assert "\x1b[" not in bad.error
    expected = _notebook(tmp_path / "expected.ipynb", "raise ValueError('shown')", tags=["raises-exception"])
    assert execute_notebook(expected, cwd=tmp_path, timeout=60).ok
    slow = execute_notebook(_notebook(tmp_path / "slow.ipynb", "import time; time.sleep(30)"), cwd=tmp_path, timeout=2)
    assert not slow.ok and "timeout" in slow.error.lower()


def test_every_chapter_page_becomes_a_notebook_with_one_code_cell_per_fence():
    course = Project(REPO_ROOT)
    pages = chapter_pages(course)
    assert len(pages) == 50  # 25 chapters in two languages
    fake = {p.relative_to(course.snippets_dir).as_posix(): SnippetResult(p.as_posix()) for p in course.snippets()}
    for page in pages:
        notebook, snippets = build_notebook(course, page, fake)  # raises if the cells disagree with the page
        nbformat.validate(notebook)
        assert list(snippets) == [embed.snippet for embed in course.embeds(page)]
        assert notebook.cells[0].source.startswith("# "), page.path
        assert not any("!!!" in c.source or "???" in c.source for c in notebook.cells if c.cell_type == "markdown")
        assert not any(".md)" in c.source or ".md#" in c.source for c in notebook.cells), page.path


def test_notebook_view_headings_get_the_site_ids_and_a_nested_toc():
    from pymdownx.slugs import slugify

    from snippet_engine.notebook_views import _anchor_headings

    html = (
        '<h1 id="">创建张量<a class="anchor-link" href="#">¶</a></h1><p>x</p>'
        '<h2 id="">张量的属性<a class="anchor-link" href="#">¶</a></h2>'
        '<h3 id="zero_grad"><code>zero_grad()</code><a class="anchor-link" href="#zero_grad">¶</a></h3>'
        '<h2 id="">张量的属性<a class="anchor-link" href="#">¶</a></h2>'
    )
    out, tokens = _anchor_headings(html, slugify(case="lower"))
    assert '<h2 id="张量的属性">张量的属性<a class="anchor-link" href="#张量的属性">¶</a></h2>' in out
    assert '<h2 id="张量的属性_1">' in out  # a repeated heading gets a distinct id
    assert 'id=""' not in out
    (title,) = tokens
    assert title["id"] == "创建张量"
    assert [child["id"] for child in title["children"]] == ["张量的属性", "张量的属性_1"]
    assert title["children"][0]["children"][0]["id"] == "zero_grad"
    assert title["children"][0]["children"][0]["name"] == "zero_grad()"
