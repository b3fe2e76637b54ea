"""Charts are files: written once under a content-addressed name, optimised, linked by every page that shows them."""

import base64
import hashlib
import re
import subprocess
import sys

import nbformat

from conftest import REPO_ROOT, read_html
from minirepo import make_repo

CHART = (REPO_ROOT / "tests" / "fixtures" / "snippets" / "chart.py").read_text(encoding="utf-8")

PAGES = {
    "zh chapter": "ch/index.html",
    "en chapter": "en/ch/index.html",
    "zh notebook view": "ch/notebook/index.html",
    "en notebook view": "en/ch/notebook/index.html",
}
SRC = re.compile(r'src="([^"]*assets/charts/([0-9a-f]{16})\.png)"')


def build(root):
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]


def chart_files(site):
    return {path.name: path.read_bytes() for path in sorted((site / "assets" / "charts").iterdir())}


def test_each_chart_is_one_optimised_file_linked_by_both_languages_and_both_notebook_views(tmp_path):
    repo = make_repo(tmp_path / "repo", CHART, name="chart.py")
    (repo / "snippets" / "ch" / "chart.out").write_text("", encoding="utf-8")
    build(repo)
    site = repo / "site"
    first = chart_files(site)
    assert len(first) == 1, sorted(first)
    ((name, png),) = first.items()
    assert png.startswith(b"\x89PNG") and name == f"{hashlib.sha256(png).hexdigest()[:16]}.png"

    for label, rel in PAGES.items():
        html = read_html(site / rel)
        # Chapter pages inline no image at all; notebook views keep only nbconvert's tiny CSS icons (`url(data:…)`).
        inlined = "data:image" if "chapter" in label else re.compile(r'(src|href)="data:image')
        assert not (inlined in html if isinstance(inlined, str) else inlined.search(html)), f"{label} inlines a chart"
        found = SRC.findall(html)
        assert [digest for _, digest in found] == [name[:-4]], f"{label} links {found}"
        src = found[0][0]
        # The URL is relative to the page and lands on the one file (en pages sit one folder deeper).
        assert (site / rel).parent.joinpath(src).resolve() == (site / "assets" / "charts" / name).resolve(), src
        img = re.search(r"<img [^>]*assets/charts/[^>]*>", html)[0]
        assert 'loading="lazy"' in img and re.search(r' width="\d+"', img) and re.search(r' height="\d+"', img), img
        # Both the page and the notebook view say what the chart shows, in the page's language.
        alt = "图表：random walk（x 轴：step" if label.startswith("zh") else "Chart: random walk (x: step"
        assert f'alt="{alt}' in img, img
        if "chapter" in label:
            assert 'class="snippet-figure"' in html
        # mkdocs-glightbox still wraps the chart in a link to the same file (click to zoom).
        assert re.search(rf'<a [^>]*href="{re.escape(src)}"', html), f"{label}: no zoom link to {src}"

    # The downloadable notebooks stay self-contained: the PNG embedded, decoding to the same chart.
    for locale, prefix in (("zh", ""), ("en", "en/")):
        notebook = nbformat.read(site / prefix / "ch" / "notebook" / f"ch.{locale}.ipynb", as_version=4)
        embedded = [
            output["data"]["image/png"]
            for cell in notebook.cells
            for output in cell.get("outputs", [])
            if "image/png" in output.get("data", {})
        ]
        assert len(embedded) == 1, f"{locale} notebook embeds {len(embedded)} images"
        original = base64.b64decode(embedded[0])
        assert len(png) <= len(original), (len(png), len(original))  # optimised, never larger

    # A second build writes byte-identical chart files.
    build(repo)
    assert chart_files(site) == first
