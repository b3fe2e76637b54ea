"""Site metadata: SITE_URL, REPO_URL from the environment; sitemap, canonical and edit links; 404 pages."""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import nbformat
import pytest

from conftest import parse_html, read_html
from minirepo import make_repo
from snippet_engine.site.hooks import minify

SITE = "https://example.org/course/"
REPO = "https://github.com/someone/course"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LINK = {"zh": "\n\n另见[首页](index.md#home)。\n", "en": "\n\nSee also [the home page](index.md#home).\n"}


def build(root, env):
    """A strict build of a one-chapter course whose chapter links to another page."""
    make_repo(root)
    for locale, text in LINK.items():
        page = root / "docs" / f"ch.{locale}.md"
        page.write_text(page.read_text(encoding="utf-8") + text, encoding="utf-8")
    clean = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "REPO_URL")}
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=root,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    return root / "site"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    return build(tmp_path_factory.mktemp("published") / "repo", {"SITE_URL": SITE, "REPO_URL": REPO})


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    return build(tmp_path_factory.mktemp("local") / "repo", {})


def pages(site):
    """Every built HTML page but the 404s (its path), with the URL it is served at."""
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel.endswith("404.html"):
            continue
        yield SITE + rel.removesuffix("index.html"), path


def test_sitemap_lists_absolute_urls_with_zh_en_and_x_default_alternates(published):
    root = ET.parse(published / "sitemap.xml").getroot()
    urls = {url.findtext("s:loc", namespaces=NS): url for url in root.findall("s:url", NS)}
    expected = {f"{SITE}{prefix}{path}" for prefix in ("", "en/") for path in ("", "ch/", "ch/notebook/")}
    assert set(urls) == expected
    for loc in (SITE + "ch/", SITE + "en/ch/"):
        alternates = {link.get("hreflang"): link.get("href") for link in urls[loc].findall("x:link", NS)}
        assert {link.get("rel") for link in urls[loc].findall("x:link", NS)} == {"alternate"}
        assert alternates == {"zh": SITE + "ch/", "en": SITE + "en/ch/", "x-default": SITE + "ch/"}
    assert not (published / "en" / "sitemap.xml").exists()  # one sitemap, for the whole site


def test_every_page_has_one_canonical_link_to_itself(published):
    seen = 0
    for url, path in pages(published):
        assert [node.attributes["href"] for node in parse_html(path).css('link[rel="canonical"]')] == [url], url
        seen += 1
    assert seen == 6  # home, chapter, notebook view; in each language


def test_notebook_links_to_pages_are_absolute_when_site_url_is_set(published):
    for locale, prefix in (("zh", ""), ("en", "en/")):
        notebook = nbformat.read(published / prefix / "ch" / "notebook" / f"ch.{locale}.ipynb", as_version=4)
        text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
        assert f"]({SITE}{prefix}#home)" in text  # the link to another page
        assert f"]({SITE}{prefix}ch/)" in text  # the intro's link back to the chapter page


def test_notebook_links_to_pages_are_relative_without_site_url(local):
    notebook = nbformat.read(local / "en" / "ch" / "notebook" / "ch.en.ipynb", as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert "](../../#home)" in text
    assert "](../)" in text


def test_edit_link_points_at_the_page_source_and_never_from_a_notebook_view(published):
    en = read_html(published / "en" / "ch" / "index.html")
    zh = read_html(published / "ch" / "index.html")
    for locale, path in (("en", published / "en" / "ch" / "index.html"), ("zh", published / "ch" / "index.html")):
        edit = [node.attributes["href"] for node in parse_html(path).css('a[rel="edit"]')]
        assert edit == [f"{REPO}/edit/main/docs/ch.{locale}.md"]
    assert f'href="{REPO}"' in zh  # the repository link in the header
    # ...without Material's `source` component, which would send every reader's browser to api.github.com
    assert 'data-md-component="source"' not in zh and 'data-md-component="source"' not in en
    for view in (published / "ch" / "notebook" / "index.html", published / "en" / "ch" / "notebook" / "index.html"):
        assert 'rel="edit"' not in read_html(view)


def test_local_build_has_no_sitemap_no_canonical_no_repo_or_edit_link(local):
    assert not (local / "sitemap.xml").exists()
    assert not (local / "sitemap.xml.gz").exists()
    assert not (local / "en" / "sitemap.xml").exists()
    for path in local.rglob("*.html"):
        html = read_html(path)
        assert 'rel="edit"' not in html
        assert 'rel="canonical"' not in html
        assert "github.com" not in html


@pytest.mark.parametrize("which", ["published", "local"])
def test_404_page_in_each_language_links_to_its_home(which, request):
    site = request.getfixturevalue(which)
    base = "/course/" if which == "published" else "/"
    zh = read_html(site / "404.html")
    en = read_html(site / "en" / "404.html")
    assert parse_html(site / "404.html").css_first("html").attributes["lang"] == "zh"
    assert parse_html(site / "en" / "404.html").css_first("html").attributes["lang"] == "en"
    assert "页面不存在" in zh and "Not found" not in zh
    assert "Page not found" in en and "页面不存在" not in en
    # The language switch leads to each language's home, not to the last page the build rendered.
    for path in (site / "404.html", site / "en" / "404.html"):
        switch = {a.attributes["hreflang"]: a.attributes["href"] for a in parse_html(path).css("a[hreflang]")}
        assert switch == {"zh": base, "en": f"{base}en/"}, (path, switch)
        assert minify(path.read_text(encoding="utf-8")) == path.read_text(encoding="utf-8"), f"{path} not minified"
    # The English page searches the English index; GitHub Pages serves the root page for /en/ too: it redirects.
    assert 'config.base.replace(/\\/?$/, "/en/")' in en
    assert f'location.replace("{base}en/404.html")' in zh
    assert re.search(rf'<a href="{re.escape(base)}"[^>]*>返回首页</a>', zh)
    assert re.search(rf'<a href="{re.escape(base)}en/"[^>]*>Back to the home page</a>', en)
