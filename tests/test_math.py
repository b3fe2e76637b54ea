"""Math is typeset when the site is built (`site/math.py`): KaTeX's HTML and MathML in the page, no script.

Which text is math follows KaTeX's auto-render, which typeset it in the browser before.
"""

from pathlib import Path

import pytest

from conftest import read_html
from snippet_engine.site import math

PAGE = "<html><head><title>$not math$</title></head><body>{}</body></html>"


@pytest.fixture(scope="module")
def katex():
    renderer = math.Katex()
    yield renderer
    renderer.close()


def body(html: str) -> str:
    return html[html.index("<body>") + 6 : html.index("</body>")]


@pytest.mark.parametrize(
    ("text", "formulas"),
    [
        (r"inline \(x^2\) and display \[y = wx\]", 2),
        ("Jupyter's $x^2$ and $$\\hat y = wx$$", 2),
        ("a formula with braces ${a}$ and $\\{x \\mid x > 0\\}$", 2),
        ("an entity inside: $a &lt; b$", 1),
        ("one dollar $5 and no closing one", 0),
    ],
)
def test_the_text_auto_render_typeset_is_typeset(katex, text, formulas):
    html, count = math.typeset(PAGE.format(f"<p>{text}</p>"), katex)
    assert count == formulas
    assert body(html).count('class="katex"') == formulas
    assert "$not math$" in html  # the head is never typeset
    if formulas:
        assert "\\(" not in body(html) and "$$" not in body(html)


@pytest.mark.parametrize(
    "fragment",
    [
        "<pre><code>print('$x$')</code></pre>",
        "<p><code>$x^2$</code></p>",
        "<pre class=clipboard-copy-txt hidden>y = '$x^2$'  # \\(z\\)</pre>",
        "<div class=clipboard-copy-txt><div>$x$</div> $y$</div>",
        "<script>var s = '$x$';</script>",
        "<textarea>$x$</textarea>",
    ],
)
def test_code_and_copy_text_are_never_typeset(katex, fragment):
    html, count = math.typeset(PAGE.format(fragment), katex)
    assert count == 0 and body(html) == fragment


def test_math_after_skipped_code_is_typeset(katex):
    html, count = math.typeset(PAGE.format("<p><code>$a$</code> then $b$</p>"), katex)
    assert count == 1 and "<code>$a$</code>" in html


def test_a_formula_katex_refuses_is_an_error_naming_it(katex):
    with pytest.raises(math.MathError, match=r"\\notacommand"):
        math.typeset(PAGE.format(r"<p>\(\notacommand{x}\)</p>"), katex)


def test_the_stylesheet_is_linked_relative_to_the_page():
    html = math.link_stylesheet("<html><head></head><body></body></html>", "tensors/02-tensor-creation/")
    assert "<link href=../../assets/katex/katex.min.css rel=stylesheet></head>" in html


def _pages(site: Path) -> list[Path]:
    return [path for path in site.rglob("*.html") if "assets" not in path.parts]


def test_no_page_typesets_math_in_the_browser(site_dir):
    """No KaTeX script, no auto-render, no formula left as TeX in a page or a notebook view."""
    assert not (site_dir / "assets" / "katex" / "katex.min.js").exists()
    typeset = 0
    for path in _pages(site_dir):
        html = read_html(path)
        assert "katex.min.js" not in html and "auto-render" not in html, path
        assert 'class="arithmatex">\\(' not in html and 'class="arithmatex">\\[' not in html, path
        typeset += "katex.min.css" in html
    assert typeset >= 20  # most chapters have math, in both languages


def test_only_pages_with_math_load_its_stylesheet(site_dir):
    for path in _pages(site_dir):
        html = read_html(path)
        assert ('class="katex"' in html) == ("katex.min.css" in html), path
