"""A 404 page per language.

MkDocs renders the theme's `404.html` to `<site_dir>/404.html` in every build,
and mkdocs-static-i18n builds each further language with the same `site_dir`
(only the pages' destinations move under `<locale>/`): the last language's 404
page would overwrite the default one. `localize_404` writes a further
language's 404 page to `<locale>/404.html` instead (`overrides/404.html` speaks
the language of its build).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from snippet_engine.site import mkdocs_internals

_ALTERNATE = re.compile(r'(<a\b[^>]*?\bhref=")[^"]*("[^>]*\bhreflang="(?P<lang>[^"]+)")')


def link_language_switch_to_homes(output: str, config: Any) -> str:
    """A 404 page's language switch: each language's home page.

    mkdocs-static-i18n gives the theme the alternates of the last page it built, so the
    switch of a 404 page pointed at some chapter. On an error page MkDocs makes links absolute
    (from `site_url`'s path, else "/").
    """
    i18n = mkdocs_internals.i18n_plugin(config)
    if i18n is None:
        return output
    base = "/" + (re.sub(r"^[a-z]+://[^/]+", "", config.site_url or "").strip("/") + "/").lstrip("/")
    default = mkdocs_internals.i18n_default_language(config)

    def home(match: re.Match) -> str:
        language = match["lang"]
        return f"{match[1]}{base}{'' if language == default else language + '/'}{match[2]}"

    return _ALTERNATE.sub(home, output)


def localize_404(output: str, template_name: str, config: Any, finish: Callable[[str], str] = lambda html: html) -> str:
    """`on_post_template`: a non-default language's 404 page goes to `<locale>/404.html`.

    Parameters:
        output: The rendered template.
        template_name: Its name (only `404.html` is handled).
        config: The MkDocs config.
        finish: Applied to every 404 page before it is written (the hooks minify it).

    Returns:
        The output MkDocs writes to `<site_dir>/404.html`: empty (MkDocs then skips it) where it was moved.
    """
    i18n = mkdocs_internals.i18n_plugin(config)
    language = mkdocs_internals.i18n_current_language(config)
    if template_name != "404.html":
        return output
    output = finish(link_language_switch_to_homes(output, config))
    if i18n is None or language in (None, mkdocs_internals.i18n_default_language(config)):
        return output
    path = Path(config.site_dir) / language / "404.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(output, encoding="utf-8")
    return ""
