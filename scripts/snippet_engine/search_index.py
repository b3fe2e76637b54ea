"""One search index per language, split from the merged index that mkdocs-static-i18n writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def split_search_index(config: Any) -> None:
    """One search index per language, so a search on a page lists pages of its own language only.

    mkdocs-static-i18n merges both languages into `search/search_index.json`;
    this keeps the default language's entries there and moves the others to
    `<locale>/search/search_index.json` (locations made relative to `<locale>/`).
    `overrides/main.html` points the search of non-default-language pages at
    their folder.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # a nested per-language build: the merged index is written by the outer one
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    others = [lang for lang in i18n.build_languages if lang != i18n.default_language]
    per_language: dict[str, list[dict[str, Any]]] = {lang: [] for lang in [i18n.default_language, *others]}
    for entry in index["docs"]:
        lang = next((lang for lang in others if entry["location"].startswith(f"{lang}/")), i18n.default_language)
        if lang != i18n.default_language:
            entry = {**entry, "location": entry["location"].removeprefix(f"{lang}/")}
        per_language[lang].append(entry)
    for lang, docs in per_language.items():
        folder = index_path.parent if lang == i18n.default_language else Path(config.site_dir) / lang / "search"
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps({**index, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
