"""The hosted site's budgets (issue 12) hold on the built site, and the measuring can tell when they do not."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import site_weight  # scripts/, on sys.path (conftest.py)

REPO_ROOT = Path(__file__).resolve().parents[1]


def test_the_built_site_is_within_every_budget(site_dir: Path):
    table = site_weight.measure(site_dir)
    over = [str(row) for row in table if not row.ok]
    assert not over, "over budget:\n" + "\n".join(over)
    # Both languages' 25+ chapters are measured, not a handful of pages.
    assert len(site_weight.chapter_pages(site_dir)) >= 50
    assert len(site_weight.notebook_views(site_dir)) == len(site_weight.chapter_pages(site_dir))


def test_no_source_maps_are_published(site_dir: Path):
    assert not list(site_dir.rglob("*.map"))
    assert list((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))  # the scripts themselves stay


def test_chapter_pages_are_minified_and_their_outputs_kept_verbatim(site_dir: Path):
    from selectolax.lexbor import LexborHTMLParser as HTMLParser

    # A page without math: KaTeX's HTML is written after minification, which would break its MathML (`site.math`).
    page = site_dir / "tensors" / "03-tensor-numpy" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "katex" not in html
    from snippet_engine.site.hooks import minify

    assert minify(html) == html, f"{page} is not minified"
    outputs = [node.text(deep=True) for node in HTMLParser(html).css("pre.snippet-output")]
    assert outputs
    chapter = REPO_ROOT / "snippets" / "03-tensor-numpy"
    records = {path.read_text(encoding="utf-8").rstrip("\n") for path in chapter.glob("*.out")}
    for text in outputs:
        # The output's spaces and line breaks are the terminal's: minification leaves <pre> alone.
        assert text.rstrip("\n") in records, f"an output on {page} matches no record:\n{text}"


def fake_site(root: Path, chapter_kb: list[int], view_kb: int = 10, extra: str = "") -> Path:
    for number, size in enumerate(chapter_kb, start=1):
        page = root / "part" / f"{number:02d}-chapter" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(("x" * (size * 1000 - len(extra))) + extra, encoding="utf-8")
        view = page.parent / "notebook" / "index.html"
        view.parent.mkdir()
        view.write_text("v" * view_kb * 1000, encoding="utf-8")
    (root / "index.html").write_text("home", encoding="utf-8")
    return root


def rows(site: Path) -> dict[str, object]:
    return {re.sub(r" \(.*", "", row.name): row for row in site_weight.measure(site)}


def test_median_and_largest_are_measured(tmp_path):
    table = rows(fake_site(tmp_path, [70, 79, 116, 120, 300]))
    assert table["median chapter page"].value == 116_000
    assert not table["median chapter page"].ok
    assert table["largest chapter page"].value == 300_000 and not table["largest chapter page"].ok
    assert table["largest chapter page"].where == "part/05-chapter/index.html"
    assert table["whole site"].value == 5 * 10_000 + 685_000 + 4


@pytest.mark.parametrize(
    "image",
    [
        '<img src="data:image/png;base64,iVBORw0KGgo=">',
        "<img src=data:image/png;base64,iVBORw0KGgo= alt=chart>",
        "<a href='data:image/svg+xml;base64,PHN2Zz4='>",
    ],
)
def test_an_inlined_chart_is_found_quoted_or_not(tmp_path, image):
    table = rows(fake_site(tmp_path, [10, 10, 10], extra=image))
    assert table["charts inlined as data URIs in chapter pages"].value == 3
    assert not table["charts inlined as data URIs in chapter pages"].ok


def test_a_heavy_notebook_view_is_over_budget(tmp_path):
    assert not rows(fake_site(tmp_path, [10], view_kb=401))["largest notebook view"].ok


def test_an_unbuilt_site_is_an_error_not_a_pass(tmp_path):
    with pytest.raises(FileNotFoundError, match="build the site"):
        site_weight.measure(tmp_path)
    assert site_weight.main([str(tmp_path)]) == 2


def test_the_critical_path_counts_what_blocks_the_first_paint(tmp_path):
    (tmp_path / "a.css").write_text("body{color:red}" * 100, encoding="utf-8")
    (tmp_path / "late.css").write_text("x" * 5000, encoding="utf-8")
    (tmp_path / "s.js").write_text("var a=1;" * 100, encoding="utf-8")
    (tmp_path / "d.js").write_text("y" * 5000, encoding="utf-8")
    page = tmp_path / "index.html"
    page.write_text(
        "<html><head><link href=a.css rel=stylesheet><link href=late.css media=print rel=stylesheet>"
        '<script src=s.js></script><script defer src=d.js></script><script src="d.js" type="module"></script>'
        "</head><body>text</body></html>",
        encoding="utf-8",
    )
    assert set(site_weight.critical_path(page)) == {"page", "a.css", "s.js"}
