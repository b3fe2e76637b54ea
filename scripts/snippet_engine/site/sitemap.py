"""One `sitemap.xml` for the whole site, both languages, with `hreflang` alternates.

MkDocs' own sitemap lists `site_url + url` (`None./` when `site_url` is unset);
mkdocs-static-i18n replaces it with one that adds the `zh`/`en` alternates
(from each file's `alternates`), but writes one per language folder, has no
`x-default`, misses the notebook views (added after its `on_files`) and also
prints `None…` without `site_url`. `overrides/sitemap.xml` is empty, so
neither is written; this module writes the sitemap instead, only when
`site_url` is set: a sitemap without absolute URLs is no sitemap.

- `record_page` (from `on_post_page`, every page of every language's pass) notes
  the page's canonical URL and its alternates;
- `write_sitemap` (from the last `on_post_build`) writes `sitemap.xml` and
  `sitemap.xml.gz` at the site root.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from mkdocs.utils import get_build_timestamp

from snippet_engine.site import mkdocs_internals

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"

_entries: dict[str, dict[str, str]] = {}
"""Canonical URL -> {hreflang: URL}, in the order the pages were built."""


def record_page(page: Any, config: Any, default_language: str) -> None:
    """Note a built page for the sitemap (nothing without `site_url`)."""
    if not config.site_url or page.canonical_url is None or getattr(page, "is_link", False):
        return
    alternates = {
        locale: config.site_url + (file.url if file.url != "./" else "")
        for locale, file in sorted((mkdocs_internals.file_alternates(page.file) or {}).items())
    }
    if default_language in alternates and len(alternates) > 1:
        alternates["x-default"] = alternates[default_language]
    _entries[page.canonical_url] = alternates


def sitemap_xml(entries: dict[str, dict[str, str]]) -> bytes:
    """The sitemap document of `entries` (canonical URL -> {hreflang: URL})."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for loc, alternates in entries.items():
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = loc
        for hreflang, href in alternates.items():
            ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=hreflang, href=href)
    ET.indent(urlset)
    return ET.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def write_sitemap(config: Any) -> None:
    """Write the pages recorded in this build to `sitemap.xml` (and `.gz`) at the site root; forget them."""
    entries = dict(_entries)
    _entries.clear()
    if not config.site_url or not entries:
        return
    data = sitemap_xml(entries)
    path = Path(config.site_dir) / "sitemap.xml"
    path.write_bytes(data)
    with (
        open(f"{path}.gz", "wb") as raw,
        gzip.GzipFile(filename=f"{path}.gz", fileobj=raw, mode="wb", mtime=get_build_timestamp()) as zipped,
    ):
        zipped.write(data)
