"""Consistency between pages and snippets, found with the site's own Markdown parser."""

from minirepo import make_repo
from snippet_engine.course.project import Project


def findings(root):
    return [str(f) for f in Project(root).check()]


def test_consistent_repo_has_no_findings(tmp_path):
    assert findings(make_repo(tmp_path)) == []


def test_page_embedding_a_missing_snippet_names_page_and_line(tmp_path):
    root = make_repo(tmp_path)
    page = root / "docs" / "ch.zh.md"
    page.write_text(page.read_text() + "\n```snippet\nch/nope.py\n```\n")
    assert "docs/ch.zh.md:9: embeds snippet 'ch/nope.py', which does not exist in snippets/" in findings(root)


def test_embed_nested_in_a_collapsed_solution_is_found(tmp_path):
    root = make_repo(tmp_path)
    (root / "snippets" / "ch" / "solution.py").write_text("print(1)\n")
    for locale in ("zh", "en"):
        page = root / "docs" / f"ch.{locale}.md"
        page.write_text(page.read_text() + '\n??? success "Solution"\n\n    ```snippet\n    ch/solution.py\n    ```\n')
    assert findings(root) == []
    embeds = Project(root).embeds(Project(root).pages()[0])
    assert [e.snippet for e in embeds] == ["ch/hello.py", "ch/solution.py"]


def test_orphan_snippet_and_missing_twin_and_unpaired_comment(tmp_path):
    root = make_repo(tmp_path)
    (root / "snippets" / "ch" / "orphan.py").write_text("# zh: 只有中文\nprint(1)\n")
    (root / "docs" / "ch.en.md").unlink()
    (root / "docs" / "lonely.en.md").write_text("# Lonely\n")
    assert sorted(findings(root)) == [
        "docs/ch.zh.md:0: has no en twin (docs/ch.en.md)",
        "docs/lonely.en.md:0: has no zh twin (docs/lonely.zh.md)",
        "snippets/ch/orphan.py:0: is not embedded by any page",
        "snippets/ch/orphan.py:1: '# zh:' comment has no '# en:' counterpart beside it",
    ]


def test_twins_must_embed_the_same_snippets_in_order(tmp_path):
    root = make_repo(tmp_path)
    (root / "snippets" / "ch" / "second.py").write_text("print(2)\n")
    zh, en = root / "docs" / "ch.zh.md", root / "docs" / "ch.en.md"
    zh.write_text(zh.read_text() + "\n```snippet\nch/second.py\n```\n")
    en.write_text(en.read_text().replace("ch/hello.py", "ch/second.py") + "\n```snippet\nch/hello.py\n```\n")
    assert findings(root) == [
        "docs/ch.en.md:0: embeds ['ch/second.py', 'ch/hello.py'] but its zh twin embeds "
        "['ch/hello.py', 'ch/second.py'] (same snippets, same order)"
    ]


def test_language_specific_snippet_only_on_its_language(tmp_path):
    root = make_repo(tmp_path)
    (root / "snippets" / "ch" / "font.zh.py").write_text("print(1)\n")
    en = root / "docs" / "ch.en.md"
    en.write_text(en.read_text() + "\n```snippet\nch/font.zh.py\n```\n")
    assert findings(root) == ["docs/ch.en.md:9: embeds the zh-only snippet 'ch/font.zh.py'"]


def _add_to_both_pages(root, text):
    for locale in ("zh", "en"):
        page = root / "docs" / f"ch.{locale}.md"
        page.write_text(page.read_text() + text)


def test_fence_options_the_site_supports_count_as_embeds(tmp_path):
    # The example: `source="tabbed-left"` rendered on the site, yet the snippet was "not embedded by any page".
    root = make_repo(tmp_path)
    (root / "snippets" / "ch" / "tabs.py").write_text("print(1)\n")
    (root / "snippets" / "ch" / "titled.py").write_text("print(2)\n")
    _add_to_both_pages(
        root,
        '\n```snippet source="tabbed-left"\nch/tabs.py\n```\n\n~~~snippet title="A title"\nch/titled.py\n~~~\n',
    )
    assert findings(root) == []
    project = Project(root)
    embeds = project.embeds(project.pages()[0])
    assert [(e.snippet, dict(e.options)) for e in embeds] == [
        ("ch/hello.py", {}),
        ("ch/tabs.py", {"source": "tabbed-left"}),
        ("ch/titled.py", {"title": "A title"}),
    ]


def test_unsupported_fence_option_names_page_and_line(tmp_path):
    root = make_repo(tmp_path)
    _add_to_both_pages(root, '\n```snippet exec="off" source="nonsense"\nch/hello.py\n```\n')
    found = findings(root)
    for locale in ("zh", "en"):
        assert f"docs/ch.{locale}.md:9: snippet fence option exec='off' is not supported" in "\n".join(found)
        assert f"docs/ch.{locale}.md:9: snippet fence option source='nonsense' is not one of" in "\n".join(found)


def test_snippet_fence_the_site_does_not_show_names_page_and_line(tmp_path):
    root = make_repo(tmp_path)
    _add_to_both_pages(root, "\n<!--\n```snippet\nch/hello.py\n```\n-->\n")
    assert sorted(findings(root)) == [
        f"docs/ch.{locale}.md:10: snippet fence 'ch/hello.py' is inside an HTML comment or an indented code block: "
        "the site runs it but shows nothing (delete it, or indent it under its admonition or tab)"
        for locale in ("en", "zh")
    ]


def test_page_the_notebook_cannot_express_names_page_and_line(tmp_path):
    root = make_repo(tmp_path)
    _add_to_both_pages(root, "\nA paragraph.\n{: .lead }\n")
    assert sorted(findings(root)) == [
        f"docs/ch.{locale}.md:10: cannot become a notebook: attribute list '{{: .lead }}' "
        "(attr_list) has no notebook equivalent; remove it"
        for locale in ("en", "zh")
    ]


def test_embed_inside_a_raw_html_block_names_page_and_line(tmp_path):
    root = make_repo(tmp_path)
    for locale in ("zh", "en"):
        page = root / "docs" / f"ch.{locale}.md"
        page.write_text(
            page.read_text().replace("```snippet", "<details><summary>S</summary>\n\n```snippet") + "\n</details>\n"
        )
    assert sorted(findings(root)) == [
        f"docs/ch.{locale}.md:7: cannot become a notebook: snippet fence 'ch/hello.py' is inside the raw HTML block "
        "<details>: a notebook cannot hold a code cell inside HTML; write the block in Markdown "
        '(a collapsed block is ??? note "Title", a box !!! note "Title")'
        for locale in ("en", "zh")
    ]


def test_pages_are_read_as_mkdocs_reads_them_bom_crlf_and_front_matter(tmp_path):
    root = make_repo(tmp_path)
    for locale in ("zh", "en"):
        page = root / "docs" / f"ch.{locale}.md"
        page.write_bytes("\ufeff---\ntitle: T\n---\n".encode() + page.read_bytes().replace(b"\n", b"\r\n"))
    assert findings(root) == []
    project = Project(root)
    (embed,) = project.embeds(project.pages()[0])
    assert (embed.line, embed.end_line) == (8, 10)
    zh = root / "docs" / "ch.zh.md"
    zh.write_bytes(b'\xef\xbb\xbf```snippet exec="on"\nch/hello.py\n```\n')  # line 1: the BOM hid the fence
    assert "docs/ch.zh.md:1: snippet fence option exec='on' is not supported" in "\n".join(findings(root))


def test_snippets_are_read_as_python_reads_them(tmp_path):
    """A latin-1 (coding cookie) or BOM snippet runs under `python x.py`: the checks read it the same way."""
    root = make_repo(tmp_path)
    (root / "snippets" / "ch" / "latin1.py").write_bytes(
        b"# -*- coding: latin-1 -*-\n# zh: caf\xe9 (zh)\n# en: caf\xe9\nprint('caf\xe9')\n"
    )
    (root / "snippets" / "ch" / "bom.py").write_bytes("\ufeff# zh: 中文\n# en: English\nprint(1)\n".encode())
    for locale in ("zh", "en"):
        page = root / "docs" / f"ch.{locale}.md"
        page.write_text(page.read_text() + "\n```snippet\nch/latin1.py\n```\n\n```snippet\nch/bom.py\n```\n")
    assert findings(root) == []
