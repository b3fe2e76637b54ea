"""A 404 page per language.

MkDocs renders the theme's `404.html` to `<site_dir>/404.html` in every build,
and mkdocs-static-i18n builds each further language with the same `site_dir`
(only the pages' destinations move under `<locale>/`): the last language's 404
page would overwrite the default one. `localize_404` writes a further
language's 404 page to `<locale>/404.html` instead (`overrides/404.html` speaks
the language of its build).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def localize_404(output: str, template_name: str, config: Any) -> str:
    """`on_post_template`: a non-default language's 404 page goes to `<locale>/404.html`.

    Returns:
        The output MkDocs writes to `<site_dir>/404.html`: empty (MkDocs then skips it) where it was moved.
    """
    i18n = config.plugins.get("i18n")
    language = getattr(i18n, "current_language", None)
    if template_name != "404.html" or i18n is None or language in (None, i18n.default_language):
        return output
    path = Path(config.site_dir) / language / "404.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(output, encoding="utf-8")
    return ""
