"""Embed discovery: one reading of a page's `snippet` fences, by the site's own Markdown, for all three users."""

import markdown_exec
import pytest

from conftest import REPO_ROOT
from snippet_engine.course.embeds import (
    FENCE_NAME,
    SOURCE_LOCATIONS,
    Embed,
    find_embeds,
    markdown_settings,
    validate_snippet_fence,
)


def scan(text):
    return find_embeds(text, *markdown_settings(REPO_ROOT / "mkdocs.yml"))


def test_fences_anywhere_the_site_reads_them_with_their_spans_and_options():
    page = "\n".join(
        [
            "# Page",  # 1
            "",
            "```snippet",  # 3
            "ch/a.py",
            "```",  # 5
            "",
            '~~~snippet title="Tilde"',  # 7
            "ch/a.py",
            "~~~",  # 9
            "",
            '!!! warning "Careful"',
            "    ```snippet",  # 12
            "    ch/b.py",
            "    ```",  # 14
            "",
            '???+ success "Answer"',
            "",
            '    ```snippet source="tabbed-left"',  # 18
            "",
            "    ch/c.py",
            "",
            "    ```",  # 22
            "",
            '=== "Tab"',
            "",
            '    ``` { .snippet source="below" title="In a tab" }',  # 26
            "    ch/d.py",
            "    ```",  # 28
            "",
            "> ```snippet",  # 30
            "> ch/e.py",
            "> ```",  # 32
            "",
            "````markdown",
            "```snippet",
            "ch/not-an-embed.py",
            "```",
            "````",
        ]
    )
    found = scan(page)
    assert found.problems == []
    assert found.embeds == [
        Embed("ch/a.py", 3, 5),
        Embed("ch/a.py", 7, 9, {"title": "Tilde"}),
        Embed("ch/b.py", 12, 14),
        Embed("ch/c.py", 18, 22, {"source": "tabbed-left"}),
        Embed("ch/d.py", 26, 28, {"source": "below", "title": "In a tab"}),
        Embed("ch/e.py", 30, 32),
    ]
    assert found.embeds[1].options == {"title": "Tilde"} and found.embeds[1].title == "Tilde"
    assert found.embeds[0].title is None


@pytest.mark.parametrize("source", SOURCE_LOCATIONS)
def test_every_supported_source_is_an_embed_without_problems(source):
    found = scan(f'```snippet source="{source}"\nch/a.py\n```\n')
    assert found.problems == []
    assert found.embeds == [Embed("ch/a.py", 1, 3, {"source": source})]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ('```snippet exec="off"', "snippet fence option exec='off' is not supported"),
        ('```snippet session="s"', "snippet fence option session='s' is not supported"),
        ('```snippet hl_lines="2"', "snippet fence option hl_lines='2' is not supported"),
        ("```snippet linenums", "snippet fence option linenums='linenums' is not supported"),
        ('```snippet tabs="A|B"', "snippet fence option tabs='A|B' is not supported"),
        ('```snippet source="nonsense"', "snippet fence option source='nonsense' is not one of block, above"),
        ('```snippet source="console"', "snippet fence option source='console' is not one of"),
        ('```snippet source="material-block"', "snippet fence option source='material-block' is not one of"),
        ("``` { .snippet .wide #mine }", "snippet fence attribute .wide #mine is not supported"),
        ("```snippet title='say \"hi\"'", "snippet fence option title='say \"hi\"' must not contain a double quote"),
    ],
)
def test_an_unsupported_option_is_a_problem_on_the_fence_line_and_the_fence_stays_an_embed(header, message):
    found = scan(f"# Page\n\n{header}\nch/a.py\n```\n")
    assert [embed.snippet for embed in found.embeds] == ["ch/a.py"]
    ((line, problem),) = found.problems
    assert line == 3 and problem.startswith(message), problem


@pytest.mark.parametrize(
    ("page", "line", "message"),
    [
        ("<!--\n```snippet\nch/a.py\n```\n-->\n", 2, "inside an HTML comment or an indented code block"),
        ("Text.\n\n    ```snippet\n    ch/a.py\n    ```\n", 3, "inside an HTML comment or an indented code block"),
        ("```snippet title=unquoted\nch/a.py\n```\n", 1, "its options do not parse"),
        ("!!! note\n    ```snippet\nch/a.py\n    ```\n", 2, "line 3 is less indented than the opening fence"),
        ("```snippet\nch/a.py\n", 1, "it is never closed"),
    ],
)
def test_a_snippet_fence_the_site_does_not_show_is_a_problem_not_an_embed(page, line, message):
    found = scan(page)
    assert found.embeds == []
    ((where, problem),) = found.problems
    assert where == line and message in problem, problem


def test_the_site_registers_the_same_validator():
    from types import SimpleNamespace

    from snippet_engine.site.fence import register_fence

    config = SimpleNamespace(mdx_configs={})
    register_fence(config)
    (entry,) = config.mdx_configs["pymdownx.superfences"]["custom_fences"]
    assert entry["name"] == FENCE_NAME and entry["validator"] is validate_snippet_fence


def test_validator_hands_markdown_exec_execution_on_and_the_source_location():
    options = {}
    assert validate_snippet_fence(FENCE_NAME, {"title": "T", "source": "above"}, options, {}, None)
    assert options["source"] == "above" and options["extra"] == {"title": "T"}
    defaults = {}
    validate_snippet_fence(FENCE_NAME, {}, defaults, {}, None)
    assert defaults["source"] == "block" and defaults["tabs"] == markdown_exec.default_tabs


@pytest.mark.parametrize(
    "head",
    [
        "---\ntitle: T\n---\n",  # YAML front matter: MkDocs strips it, then the blank lines after it
        "---\ntitle: T\n---\n\n\n",
        "title: T\nsummary: S\n    more\n\n",  # MultiMarkdown meta-data: stripped too
        "---\n- not a mapping\n---\n",  # not meta-data: the site shows it
    ],
)
def test_front_matter_is_stripped_as_mkdocs_does_and_lines_are_the_files(head):
    found = scan(head + '# Page\n\n```snippet\nch/a.py\n```\n\n```snippet exec="on"\nch/a.py\n```\n')
    offset = head.count("\n")
    assert [(embed.line, embed.end_line) for embed in found.embeds] == [
        (3 + offset, 5 + offset),
        (7 + offset, 9 + offset),
    ]
    assert [line for line, _ in found.problems] == [7 + offset]


def test_a_page_is_read_as_mkdocs_reads_it(tmp_path):
    from snippet_engine.course.embeds import page_markdown, read_page

    page = tmp_path / "p.md"
    page.write_bytes(b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\n# Page\r\n\r\n!!! note\r\n\tBody\rMore\r\n")
    text = read_page(page)
    assert text == "---\ntitle: T\n---\n# Page\n\n!!! note\n\tBody\nMore\n"  # BOM gone, universal newlines
    source = page_markdown(text)
    assert source.markdown == "# Page\n\n!!! note\n    Body\nMore\n" and source.first_line == 4
    assert source.meta == {"title": "T"}
    assert page_markdown("---\n- not a mapping\n---\nText\n").first_line == 1  # not meta-data: the site shows it
    leading = page_markdown("\n\nText\n")  # MkDocs drops leading blank lines
    assert (leading.markdown, leading.first_line) == ("Text\n", 3)


def test_lines_are_split_as_markdown_splits_them():
    found = scan('# Page\u2028one\x0ctwo\x1cthree\n\n```snippet\nch/a.py\n```\n\n```snippet foo="1"\nch/a.py\n```\n')
    assert [(embed.line, embed.end_line) for embed in found.embeds] == [(3, 5), (7, 9)]
    assert [line for line, _ in found.problems] == [7]


def test_tab_indented_fences_are_found_under_their_admonition():
    found = scan('!!! note\n\n\t```snippet\n\tch/a.py\n\t```\n\n=== "Tab"\n\t```snippet\n\tch/b.py\n\t```\n')
    assert found.problems == []
    assert [(embed.snippet, embed.line, embed.end_line) for embed in found.embeds] == [
        ("ch/a.py", 3, 5),
        ("ch/b.py", 8, 10),
    ]


def test_an_embed_inside_a_raw_html_block_is_shown_by_the_site_and_knows_its_block():
    found = scan(
        "<details><summary>S</summary>\n\n```snippet\nch/a.py\n```\n\n</details>\n\n"
        '<div class="x">\n<p>text</p>\n\n~~~snippet\nch/b.py\n~~~\n</div>\n\n```snippet\nch/c.py\n```\n'
    )
    assert found.problems == []
    assert [(embed.snippet, embed.line, embed.html_block) for embed in found.embeds] == [
        ("ch/a.py", 3, "details"),
        ("ch/b.py", 12, "div"),
        ("ch/c.py", 17, None),
    ]
