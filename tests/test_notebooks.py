"""Chapter notebooks: made from the page and the recorded results, and known to run."""

import nbformat
import pytest

from conftest import REPO_ROOT
from minirepo import tiny_png_base64
from snippet_engine.course.embeds import find_embeds, markdown_settings
from snippet_engine.course.page_cells import NotebookError, split_page
from snippet_engine.course.project import Page, Project
from snippet_engine.notebooks.build import build_notebook, chapter_pages, new_code_cell, write_notebooks
from snippet_engine.notebooks.run import execute_notebook
from snippet_engine.output import charts
from snippet_engine.running.result import Figure, SnippetResult

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


def cells_of(text):
    """The cells of a page, cut at the embeds the site's Markdown finds."""
    return split_page(text, find_embeds(text, *markdown_settings(REPO_ROOT / "mkdocs.yml")).embeds, "docs/p.md")


def test_split_page_turns_admonitions_into_quotes_and_fences_into_cells():
    cells = cells_of(PAGE)
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
    figure = Figure(png_base64=tiny_png_base64(), width=300, height=200)
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
    # The notebook embeds the chart as the site serves it: losslessly optimised, still self-contained.
    assert image["data"]["image/png"] == charts.optimised_base64(tiny_png_base64()) != tiny_png_base64()
    assert image["metadata"]["image/png"]["width"] == 300
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


def test_missing_result_fails(course):
    page = Page(course.docs_dir / "ch" / "01-first.zh.md", "ch/01-first", "zh")
    with pytest.raises(KeyError):
        build_notebook(course, page, {"ch/one.py": results()["ch/one.py"]})


def test_plain_and_optioned_embeds_both_become_cells_with_the_title_above(course):
    # The example: one plain embed and one with an option crashed the build (two fence parsers disagreed).
    page = Page(course.docs_dir / "ch" / "01-first.zh.md", "ch/01-first", "zh")
    page.path.write_text(
        "# Chapter\n\n```snippet\nch/one.py\n```\n\n"
        '```snippet source="tabbed-left" title="Two, in tabs"\nch/two.py\n```\n\n'
        '~~~snippet source="below"\nch/one.py\n~~~\n'
    )
    notebook, snippets = build_notebook(course, page, results())
    nbformat.validate(notebook)
    assert snippets == ("ch/one.py", "ch/two.py", "ch/one.py")
    code = [i for i, cell in enumerate(notebook.cells) if cell.cell_type == "code"]
    assert [notebook.cells[i].metadata["snippet"] for i in code] == list(snippets)
    assert notebook.cells[code[1]].outputs[0]["text"] == "two\n"
    before = notebook.cells[code[1] - 1]
    assert before.cell_type == "markdown" and before.source.endswith("**Two, in tabs**")


def test_reference_link_definitions_point_at_the_site(course):
    page = Page(course.docs_dir / "ch" / "01-first.en.md", "ch/01-first", "en")
    page.path.write_text("# Chapter\n\nSee [the next chapter][next].\n\n[next]: ../other/02-next.md#a-section\n")
    notebook, _ = build_notebook(course, page, results())
    assert "[next]: ../../../other/02-next/#a-section" in notebook.cells[-1].source


TABS_AND_FRIENDS = """# Page

=== "First tab"

    Text in the first tab with `#!python len(x)` and `:::python y`.

    ```snippet title="Inside a tab"
    ch/one.py
    ```

=== "Second tab"

    ```python hl_lines="2" linenums="1"
    a = 1
    b = 2
    ```

???+ note "Open details"

    ``` { .python title="setup.py" }
    import torch
    ```

    ~~~snippet
    ch/two.py
    ~~~

After.
"""


def test_content_tabs_and_highlight_markup_convert_to_plain_markdown():
    cells = cells_of(TABS_AND_FRIENDS)
    assert [kind for kind, _ in cells] == ["markdown", "snippet", "markdown", "snippet", "markdown"]
    assert cells[0][1] == (
        "# Page\n\n**First tab**\n\nText in the first tab with `len(x)` and `y`.\n\n**Inside a tab**"
    )
    assert cells[1] == ("snippet", "ch/one.py")
    assert cells[2][1] == (
        "**Second tab**\n\n```python\na = 1\nb = 2\n```\n\n"
        "> **📝 Open details**\n>\n> **setup.py**\n>\n> ```python\n> import torch\n> ```"
    )
    assert cells[3] == ("snippet", "ch/two.py")
    assert cells[4][1] == "After."


@pytest.mark.parametrize(
    ("markup", "line", "message"),
    [
        ("A paragraph.\n{: .lead }", 4, "attribute list '{: .lead }' (attr_list) has no notebook equivalent"),
        ("## Heading { #custom-id }", 3, "attribute list '{ #custom-id }' (attr_list)"),
        ("[Next](next.md){ .md-button }", 3, "attribute list '{ .md-button }' (attr_list)"),
        (
            '<div class="grid" markdown>\n\nText\n\n</div>',
            3,
            "the markdown attribute of '<div class=\"grid\" markdown>'",
        ),
        ('!!! warning "Unclosed', 3, "'!!! warning \"Unclosed' is not an admonition, details or tab line the notebook"),
        ("??? 'single quotes'", 3, "\"??? 'single quotes'\" is not an admonition, details or tab line"),
        ("=== Unquoted tab", 3, "'=== Unquoted tab' is not an admonition, details or tab line"),
        ("[TOC]", 3, "the table of contents marker [TOC] has no notebook equivalent"),
    ],
)
def test_a_construct_jupyter_cannot_show_fails_with_page_and_line(markup, line, message):
    with pytest.raises(NotebookError) as caught:
        cells_of(f"# Page\n\n{markup}\n\n```snippet\nch/one.py\n```\n")
    ((where, problem),) = caught.value.problems
    assert where == line and problem.startswith(message), problem
    assert str(caught.value).startswith(f"docs/p.md:{line}: ")


def test_nested_containers_and_list_items_keep_their_embeds():
    text = (
        '# Page\n\n!!! tip "Outer *box*"\n\n    === "Inner tab"\n\n        ```snippet title="Deep"\n'
        "        ch/one.py\n        ```\n\n    Still in the box.\n\n1. Step one\n\n    ```snippet\n    ch/two.py\n"
        "    ```\n\n2. Step two\n"
    )
    cells = cells_of(text)
    assert cells == [
        # An admonition's title is Markdown on the site (*box* is emphasis there): it stays Markdown here.
        ("markdown", "# Page\n\n> **💡 Outer *box***\n>\n> **Inner tab**\n>\n> **Deep**"),
        ("snippet", "ch/one.py"),
        ("markdown", "> Still in the box.\n\n1. Step one"),
        ("snippet", "ch/two.py"),
        ("markdown", "2. Step two"),
    ]


def test_math_and_code_are_not_mistaken_for_attribute_lists():
    text = "# Page\n\n$x_{.5}$ and `{: .not-an-attr }`\n\n$$\n\\mathbf{#1}\n$$\n\n```python\nd = {.5: 1}\n```\n"
    assert [kind for kind, _ in cells_of(text)] == ["markdown"]


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
    ok = execute_notebook(_notebook(tmp_path / "ok.ipynb", "x = 2", "assert x == 2"), timeout=60)
    assert ok.ok, ok.error
    bad = execute_notebook(_notebook(tmp_path / "bad.ipynb", "x = 2", "raise ValueError('boom')"), timeout=60)
    assert not bad.ok
    assert bad.error.startswith("cell 1 (snippet ch/s1.py):") and "ValueError: boom" in bad.error
    assert "\x1b[" not in bad.error
    expected = _notebook(tmp_path / "expected.ipynb", "raise ValueError('shown')", tags=["raises-exception"])
    assert execute_notebook(expected, timeout=60).ok
    slow = execute_notebook(_notebook(tmp_path / "slow.ipynb", "import time; time.sleep(30)"), timeout=2)
    assert not slow.ok and "timeout" in slow.error.lower()


def _prose_lines(markdown):
    """The lines of a Markdown cell outside its code blocks."""
    fence = None
    for line in markdown.splitlines():
        content = line.lstrip("> ")
        if fence is None and content.startswith(("```", "~~~")):
            fence = content[:3]
        elif fence is not None and content.startswith(fence):
            fence = None
        elif fence is None:
            yield content


def test_every_chapter_page_becomes_a_notebook_with_one_code_cell_per_fence():
    course = Project(REPO_ROOT)
    pages = chapter_pages(course)
    assert len(pages) == 58  # 29 chapters in two languages
    fake = {p.relative_to(course.snippets_dir).as_posix(): SnippetResult(p.as_posix()) for p in course.snippets()}
    for page in pages:
        notebook, snippets = build_notebook(course, page, fake)  # raises NotebookError on what it cannot express
        nbformat.validate(notebook)
        assert list(snippets) == [embed.snippet for embed in course.embeds(page)]
        assert notebook.cells[0].source.startswith("# "), page.path
        assert not any(".md)" in c.source or ".md#" in c.source for c in notebook.cells), page.path
        for cell in notebook.cells:
            if cell.cell_type != "markdown":
                continue
            for line in _prose_lines(cell.source):
                assert not line.startswith(("!!!", "???", "===")), (page.path, line)
                assert "{:" not in line and "{ ." not in line and "{ #" not in line, (page.path, line)
                assert "#!python" not in line and " markdown>" not in line, (page.path, line)


def test_notebook_view_headings_get_the_site_ids_and_a_nested_toc():
    from pymdownx.slugs import slugify

    from snippet_engine.site.notebook_views import _anchor_headings

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


# The reviewer's cases: constructs the converter got silently wrong (the checker said nothing).


def test_prose_continuing_a_list_item_after_an_embed_is_prose_not_a_code_block():
    text = (
        "# Page\n\n1. 第一步：\n\n    ```snippet\n    ch/one.py\n    ```\n\n    这一段仍属于第一步。\n\n"
        "        an indented code block of the step\n\n2. 第二步：\n   wrapped lazily\n\n"
        "    ```snippet\n    ch/two.py\n    ```\n\n    Still step two.\n\n    - a nested item\n\n"
        "        continued\n"
    )
    assert cells_of(text) == [
        ("markdown", "# Page\n\n1. 第一步："),
        ("snippet", "ch/one.py"),
        (
            "markdown",
            "这一段仍属于第一步。\n\n    an indented code block of the step\n\n2. 第二步：\n    wrapped lazily",
        ),
        ("snippet", "ch/two.py"),
        ("markdown", "Still step two.\n\n- a nested item\n\n    continued"),
    ]


def test_a_list_item_in_a_box_keeps_its_indentation_inside_the_quote():
    text = '# Page\n\n!!! note "Box"\n    - item\n\n        more of the item\n\n    After the list.\n'
    assert cells_of(text) == [
        ("markdown", "# Page\n\n> **📝 Box**\n>\n> - item\n>\n>     more of the item\n>\n> After the list."),
    ]


@pytest.mark.parametrize(
    ("opening", "closing", "tag"),
    [
        ("<details><summary>Answer</summary>", "</details>", "details"),
        ('<div class="note">', "</div>", "div"),
    ],
)
def test_an_embed_inside_a_raw_html_block_fails_with_page_and_line(opening, closing, tag):
    with pytest.raises(NotebookError) as caught:
        cells_of(f"# Page\n\n{opening}\n\n```snippet\nch/one.py\n```\n\n{closing}\n")
    ((line, problem),) = caught.value.problems
    assert line == 5
    assert problem.startswith(f"snippet fence 'ch/one.py' is inside the raw HTML block <{tag}>"), problem


def test_a_tab_indents_a_block_as_four_spaces_do():
    text = (
        "# Page\n\n!!! note\n\tTab-indented body.\n\n\t```snippet\n\tch/one.py\n\t```\n\n\tAfter, in the box.\n\nOut.\n"
    )
    assert cells_of(text) == [
        ("markdown", "# Page\n\n> **📝 Note**\n>\n> Tab-indented body."),
        ("snippet", "ch/one.py"),
        ("markdown", "> After, in the box.\n\nOut."),
    ]


def test_lines_are_counted_as_markdown_splits_them_not_by_str_splitlines():
    # U+2028 and a form feed are line breaks for str.splitlines, not for Markdown (nor for `file:line`).
    text = "# Page\n\nA\u2028separator and a form\x0cfeed.\n\n```snippet\nch/one.py\n```\n\nA paragraph.\n{: .lead }\n"
    found = find_embeds(text, *markdown_settings(REPO_ROOT / "mkdocs.yml"))
    assert [(embed.line, embed.end_line) for embed in found.embeds] == [(5, 7)]
    with pytest.raises(NotebookError) as caught:
        split_page(text, found.embeds, "docs/p.md")
    assert [line for line, _ in caught.value.problems] == [10]
    cells = split_page(text.replace("{: .lead }\n", ""), found.embeds)
    assert cells[0] == ("markdown", "# Page\n\nA\u2028separator and a form\x0cfeed.")
    assert cells[1] == ("snippet", "ch/one.py")


def test_titles_are_escaped_where_the_site_shows_them_literally():
    text = (
        '# Page\n\n```python title="C:\\ and *not_bold* [x](y)"\nx = 1\n```\n\n'
        '!!! note "Markdown *here* `a*b`"\n    Body.\n\n```snippet title="C:\\"\nch/one.py\n```\n'
    )
    cells = cells_of(text)
    assert cells[0][1] == (
        "# Page\n\n**C:\\\\ and \\*not\\_bold\\* \\[x\\](y)**\n\n```python\nx = 1\n```\n\n"
        "> **📝 Markdown *here* `a*b`**\n>\n> Body.\n\n**C:\\\\**"
    )


def test_relative_links_to_files_that_are_not_pages_fail_with_page_and_line():
    text = (
        "# Page\n\n![a chart](img/chart.png)\n\nThe [data](../data/words.txt) and `[not](a-link.png)`.\n\n"
        "```python\nprint(d[0](x.png))\n```\n\n[ref]: files/table.csv\n\n```snippet\nch/one.py\n```\n"
    )
    with pytest.raises(NotebookError) as caught:
        cells_of(text)
    assert [(line, problem.split(":")[0]) for line, problem in caught.value.problems] == [
        (3, "relative link 'img/chart.png' is not a page (.md)"),
        (5, "relative link '../data/words.txt' is not a page (.md)"),
        (11, "relative link 'files/table.csv' is not a page (.md)"),
    ]


def test_page_links_with_titles_and_angle_brackets_point_at_the_site_and_code_is_left_alone(course):
    page = Page(course.docs_dir / "ch" / "01-first.en.md", "ch/01-first", "en")
    page.path.write_text(
        '# Chapter\n\nSee [next](../other/02-next.md "The next one"), [angle](<02-b.en.md#x>), '
        "`[code](c.md)`, [web](https://example.org/a.md) and [here](#top).\n\n"
        '[ref]: ../other/02-next.md "Title"\n\n```markdown\n[x](in-code.md)\n```\n'
    )
    notebook, _ = build_notebook(course, page, results())
    prose = "\n".join(cell.source for cell in notebook.cells[2:])
    assert '[next](../../../other/02-next/ "The next one")' in prose
    assert "[angle](../../02-b/#x)" in prose
    assert "`[code](c.md)`" in prose and "(https://example.org/a.md)" in prose and "[here](#top)" in prose
    assert '[ref]: ../../../other/02-next/ "Title"' in prose
    assert "[x](in-code.md)" in prose


def _uses_file(course):
    (course.snippets_dir / "ch" / "data.py").write_text("from pathlib import Path\n\nprint(Path(__file__).name)\n")
    return {**results(), "ch/data.py": SnippetResult("snippets/ch/data.py", output="data.py\n")}


@pytest.mark.parametrize(
    "head",
    ["---\ntitle: Chapter\nsummary: one\n---\n", "---\ntitle: Chapter\n---\n\n\n", "Title: Chapter\nAuthors: me\n\n"],
)
def test_front_matter_is_stripped_as_mkdocs_does_and_lines_stay_right(course, head):
    page = Page(course.docs_dir / "ch" / "01-first.zh.md", "ch/01-first", "zh")
    body = "# Chapter\n\nIntro.\n\n```snippet\nch/data.py\n```\n"
    page.path.write_text(head + body)
    offset = head.count("\n")
    assert [(e.line, e.end_line) for e in course.embeds(page)] == [(5 + offset, 7 + offset)]
    notebook, snippets = build_notebook(course, page, _uses_file(course))
    assert snippets == ("ch/data.py",)
    sources = [cell.source for cell in notebook.cells]
    assert sources[0] == "# Chapter" and "第 01 章" in sources[1]
    assert "__file__ =" in sources[3] and sources[4] == "Intro."
    assert not any("title:" in source.lower() for source in sources)
    page.path.write_text(head + body + "\nA paragraph.\n{: .lead }\n")
    (finding,) = [f for f in Project(course.root)._notebook_findings(page)]
    assert finding.line == 10 + offset


def test_a_page_saved_with_a_bom_or_crlf_reads_as_mkdocs_reads_it(course):
    page = Page(course.docs_dir / "ch" / "01-first.zh.md", "ch/01-first", "zh")
    page.path.write_bytes("\ufeff```snippet\r\nch/one.py\r\n```\r\n\r\n# Later\r\n".encode())
    project = Project(course.root)
    assert [(e.snippet, e.line, e.end_line) for e in project.embeds(page)] == [("ch/one.py", 1, 3)]
    page.path.write_bytes("\ufeff# Chapter\r\n\r\nIntro.\r\n\r\n```snippet\r\nch/data.py\r\n```\r\n".encode())
    notebook, _ = build_notebook(Project(course.root), page, _uses_file(course))
    sources = [cell.source for cell in notebook.cells]
    assert sources[0] == "# Chapter" and "第 01 章" in sources[1] and "__file__ =" in sources[3]
    assert sources[4] == "Intro." and "\r" not in "".join(sources)


def test_a_page_without_a_leading_title_still_gets_the_intro_and_setup_cells(course):
    page = Page(course.docs_dir / "ch" / "01-first.en.md", "ch/01-first", "en")
    page.path.write_text("```snippet\nch/data.py\n```\n\n# Later heading\n")
    notebook, _ = build_notebook(course, page, _uses_file(course))
    kinds = [cell.cell_type for cell in notebook.cells]
    assert kinds == ["markdown", "markdown", "code", "code", "markdown"]
    assert "chapter 01" in notebook.cells[0].source and "__file__ =" in notebook.cells[2].source


@pytest.mark.parametrize(
    ("markup", "line", "message"),
    [
        ("> !!! note\n>     Body.", 3, "'!!! note' is inside a block quote (>): the notebook cannot convert"),
        ('> === "Tab"', 3, "'=== \"Tab\"' is inside a block quote (>)"),
        (
            "> 1. Step\n>\n>     ```snippet\n>     ch/two.py\n>     ```\n>\n>     More of the step.",
            5,
            "snippet fence 'ch/two.py' is indented inside a block quote (>)",
        ),
    ],
)
def test_containers_in_a_block_quote_fail_with_page_and_line(markup, line, message):
    with pytest.raises(NotebookError) as caught:
        cells_of(f"# Page\n\n{markup}\n\n```snippet\nch/one.py\n```\n")
    ((where, problem),) = caught.value.problems
    assert where == line and problem.startswith(message), problem


def test_a_fence_in_a_block_quote_and_a_hard_line_break_convert():
    text = "# Page\n\nTwo spaces end this line  \nwith a break.\n\n> ```snippet\n> ch/one.py\n> ```\n>\n> After.\n"
    assert cells_of(text) == [
        ("markdown", "# Page\n\nTwo spaces end this line  \nwith a break."),
        ("snippet", "ch/one.py"),
        ("markdown", "> After."),
    ]
