"""What a page loads before it shows: nothing it does not use, and no script in the way of the first paint.

Lighthouse's mobile audit (`bench/lighthouse_pages.py`) listed, on every chapter page, Material's
bundle and glightbox's script as render-blocking, and glightbox's stylesheet, script and set-up on
pages with no chart to zoom. Build-time transforms of the written page (not patches of the theme's
bundle, which is in maintenance mode):

- a page without a chart link (`<a class=glightbox>`, which the glightbox plugin wraps around each
  chart) loses glightbox's stylesheet, style block, script and set-up;
- a page with one loads the stylesheet without blocking the first paint (it matters only once a
  chart is opened), and the script deferred;
- Material's search dialog gets the accessible name of its search box (Lighthouse's accessibility audit);
- Material's bundle is deferred. Deferred scripts run in document order once the page is parsed, before
  `DOMContentLoaded`, as the bundle at the end of `<body>` ran before; the inline set-up scripts that need
  it (glightbox's, which subscribes to the bundle's `document$`) become module scripts, which run in that
  same order after it.

The functions take and return the page as `hooks.minify` wrote it (attributes unquoted where possible).
"""

from __future__ import annotations

import re

_LIGHTBOX_LINK = re.compile(r"<a [^>]*class=\"?glightbox[\s\">]")
_LIGHTBOX_ASSETS = (
    re.compile(r"<link [^>]*glightbox\.min\.css[^>]*>"),
    re.compile(r"<script [^>]*glightbox\.min\.js[^>]*></script>"),
    re.compile(r"<style id=\"?glightbox-style\"?>.*?</style>", re.S),
    re.compile(r"<script id=\"?init-glightbox\"?>.*?</script>", re.S),
)
_BLOCKING_SCRIPT = re.compile(r"<script (src=[^ >]*(?:bundle\.[0-9a-f]+\.min\.js|glightbox\.min\.js)[^ >]*)>")
_LIGHTBOX_STYLESHEET = re.compile(r"<link (href=[^ >]*glightbox\.min\.css[^ >]*) rel=\"?stylesheet\"?>")


def has_charts(page_html: str) -> bool:
    """Whether the page links a chart to the lightbox."""
    return bool(_LIGHTBOX_LINK.search(page_html))


def drop_lightbox(page_html: str) -> str:
    """The page without any of glightbox's stylesheet, style block, script and set-up."""
    for pattern in _LIGHTBOX_ASSETS:
        page_html = pattern.sub("", page_html)
    return page_html


def defer_scripts(page_html: str) -> str:
    """Material's bundle and glightbox's script deferred, glightbox's set-up a module script, its stylesheet
    loaded without blocking the first paint (applied by `media=all` once loaded; without JavaScript the lightbox
    does not open, and the stylesheet is not needed)."""
    page_html = _BLOCKING_SCRIPT.sub(r"<script defer \1>", page_html)
    page_html = re.sub(r"<script id=\"?init-glightbox\"?>", "<script id=init-glightbox type=module>", page_html)
    return _LIGHTBOX_STYLESHEET.sub("<link \\1 media=print onload=\"this.media='all'\" rel=stylesheet>", page_html)


_SEARCH_DIALOG = re.compile(r"<div class=\"?md-search\"? data-md-component=\"?search\"? role=\"?dialog\"?>")
_SEARCH_LABEL = re.compile(r"<input aria-label=(\"[^\"]*\"|[^ >]+)[^>]*class=\"?md-search__input")


def name_search_dialog(page_html: str) -> str:
    """Material's search dialog named as its search box is (`aria-dialog-name`: a dialog needs an accessible name)."""
    label = _SEARCH_LABEL.search(page_html)
    if label is None:
        return page_html
    # Attributes in minify-html's (alphabetical) order, so the page stays as minified.
    named = f"<div aria-label={label.group(1)}"
    return _SEARCH_DIALOG.sub(lambda match: named + match.group(0)[4:], page_html, count=1)


def lean(page_html: str) -> str:
    """Every transform, as the build applies them to every page (see the module docstring)."""
    if not has_charts(page_html):
        page_html = drop_lightbox(page_html)
    return name_search_dialog(defer_scripts(page_html))
