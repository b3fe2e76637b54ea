"""Notebook views on the site: their large stylesheets are shared files, not inlined into every view."""

import re
import subprocess
import sys

from conftest import parse_html, read_html
from minirepo import make_repo


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
