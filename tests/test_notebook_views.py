"""Notebook views on the site: their large stylesheets are shared files, not inlined into every view; each
"Copy to Clipboard" button's text is its cell's source, newlines and all, after minification."""

import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from mkdocs.exceptions import PluginError
from selectolax.lexbor import LexborHTMLParser

from conftest import parse_html, read_html
from minirepo import make_repo
from snippet_engine.site.hooks import minify
from snippet_engine.site.notebook_views import keep_copy_text

# Sources a reader copies from a notebook view: a comment inside a multi-line cell (issue 23: the pasted cell
# was one line, all of it after the first `#` commented out), math-like text (typeset, and collapsed), HTML's
# own characters, indentation, trailing spaces, a blank line first (HTML drops a newline right after <pre>).
COPIED_SOURCES = [
    "import torch\n\n# a comment on its own line\nx = torch.ones(2)  # trailing comment\nprint(x)",
    'label = r"$x^2$ and $$\\frac{a}{b}$$ cost $5 < $6 & more"\nprint(label)',
    "for i in range(3):\n    if i:\n\tprint(i)   \n\n\n    pass",
    "\n\nprint('blank lines first')\n",
]


def _view_of(sources: list[str], tmp_path: Path) -> str:
    """A notebook view's HTML as mkdocs-jupyter renders it (its own exporter and template), for code cells."""
    from mkdocs_jupyter.nbconvert2 import nb2html

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources])
    path = tmp_path / "view.ipynb"
    nbformat.write(notebook, path)
    return nb2html(str(path))


def _copied(html: str) -> list[str]:
    """What each copy button copies: the `textContent` of the element its `for` names (clipboard-copy-element)."""
    tree = LexborHTMLParser(html)
    texts = []
    for button in tree.css("clipboard-copy[for]"):
        target = tree.css_first(f'[id="{button.attributes["for"]}"]')
        texts.append(None if target is None else target.text(deep=True))
    return texts


def test_copy_buttons_copy_each_cell_source_exactly_after_minification(tmp_path):
    page = minify(keep_copy_text(_view_of(COPIED_SOURCES, tmp_path), "view.ipynb"))
    assert _copied(page) == COPIED_SOURCES
    # Hidden without the stylesheet too; a <pre>, which KaTeX's auto-render skips by tag: no math typeset inside.
    texts = LexborHTMLParser(page).css(".clipboard-copy-txt")
    assert [(node.tag, "hidden" in node.attributes) for node in texts] == [("pre", True)] * len(COPIED_SOURCES)


def test_unfixed_copy_text_is_collapsed_by_minification(tmp_path):
    """The cause, pinned: mkdocs-jupyter's `<div>` loses its newlines in any minifier, so the fix must stay."""
    copied = _copied(minify(_view_of(COPIED_SOURCES[:1], tmp_path)))
    assert copied != COPIED_SOURCES[:1] and "\n" not in copied[0]


def test_a_copy_button_without_its_copy_text_stops_the_build(tmp_path):
    view = _view_of(COPIED_SOURCES[:2], tmp_path)
    changed = view.replace('class="clipboard-copy-txt"', 'class="clipboard-copy-text"', 1)
    with pytest.raises(PluginError, match="2 copy buttons but 1 copy texts"):
        keep_copy_text(changed, "ch.zh.ipynb")


def test_every_built_notebook_view_copies_each_cell_as_in_its_ipynb(site_dir: Path):
    """The built site, every chapter in both languages: each button's text is its code cell's source."""
    views = sorted(site_dir.rglob("notebook/index.html"))
    assert views, f"no notebook view in {site_dir}"
    wrong = []
    for view in views:
        (ipynb,) = view.parent.glob("*.ipynb")
        cells = json.loads(ipynb.read_text(encoding="utf-8"))["cells"]
        sources = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]
        copied = _copied(view.read_text(encoding="utf-8"))
        if copied != sources:
            first = next(i for i in range(max(len(copied), len(sources))) if copied[i : i + 1] != sources[i : i + 1])
            wrong.append(
                f"{view.relative_to(site_dir)}: {len(copied)} buttons, {len(sources)} code cells; "
                f"button {first + 1} copies {(copied[first : first + 1] or [None])[0]!r:.120}"
            )
    assert not wrong, "notebook copy buttons that do not copy the cell's source:\n" + "\n".join(wrong)


def test_notebook_views_link_one_shared_stylesheet_instead_of_inlining_it(tmp_path):
    repo = make_repo(tmp_path / "repo")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=repo, capture_output=True, text=True, timeout=300
    )
    assert built.returncode == 0, built.stderr
    site = repo / "site"
    linked = {}
    for view in (site / "ch" / "notebook" / "index.html", site / "en" / "ch" / "notebook" / "index.html"):
        html = read_html(view)
        inline = re.findall(r"<style[^>]*>(.*?)</style>", html, re.DOTALL)
        assert all(len(css.encode()) < 2048 for css in inline), "a large stylesheet is still inlined"
        links = [node.attributes["href"] for node in parse_html(view).css('link[rel="stylesheet"]')]
        hrefs = [href for href in links if re.search(r"assets/notebook/[0-9a-f]{16}\.css$", href)]
        assert hrefs, "the view links no shared stylesheet"
        linked[view] = [(view.parent / href).resolve() for href in hrefs]
        assert all(path.is_file() for path in linked[view])
        assert len(html.encode()) < 100_000
    zh, en = linked.values()
    assert zh == en  # both languages' views use the same files
    assert any("jupyter-wrapper" in path.read_text(encoding="utf-8") for path in zh)
