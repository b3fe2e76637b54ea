"""The search index: each page's entries memoised by its HTML; one index per language.

- `memoise_search_entries`: Material's search plugin HTML-parses every page and segments its Chinese
  text with jieba (0.8 s of a 7 s warm build, for 102 pages). A page's entries depend only on its
  HTML, URL, title, table of contents, front matter and the plugin's settings, so they are stored
  under those (`memo.Memo`) and a page that did not change is not parsed again.
- `split_search_index`: mkdocs-static-i18n merges both languages into one index; split it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from snippet_engine.running.memo import Memo, code_fingerprint, config_files, toc_tokens
from snippet_engine.site import mkdocs_internals

log = logging.getLogger("mkdocs.plugins.snippets")

_memo: Memo | None = None
"""This build's memo of search entries (set by `memoise_search_entries`, per build)."""

_original_add_entry: Callable[[Any, Any], None] | None = None
"""Material's own `SearchIndex.add_entry_from_context`, which the memoising wrapper calls on a miss."""


def memoise_search_entries(config: Any, cache_dir: Path) -> Memo | None:
    """Serve each page's search entries from a memo keyed by everything Material derives them from.

    Material's `SearchIndex.add_entry_from_context(page)` reads `page.content` (the HTML), `page.toc`,
    `page.url`, `page.title` and `page.meta` (`search`, `tags`, `title`), plus the plugin's settings and
    jieba's dictionaries. All of them are the memo's key (the settings through the index's config and
    `mkdocs.yml`, the dictionaries through the user dictionary's bytes and jieba's version), with
    Material's version and this engine's code. Call it from `on_config`: the fingerprint is computed
    anew for every build, so `mkdocs serve` notices an edit to `mkdocs.yml` or the dictionary.

    Parameters:
        config: The MkDocs config.
        cache_dir: Where the entries live (`.cache/memo/search`).

    Returns:
        The memo (for its hit and miss counts), or None when the search plugin is off or its API changed
        (then every page is indexed as before, and a warning says so).
    """
    global _memo, _original_add_entry
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is None or not plugin.config.get("enabled", True):
        _memo = None
        return None
    SearchIndex = mkdocs_internals.search_index_class()
    if SearchIndex is None:
        _memo = None
        return None
    if _original_add_entry is None:
        original = getattr(SearchIndex, "add_entry_from_context", None)
        if original is None:
            log.warning("Material's SearchIndex API changed: search entries are not memoised")
            return None
        _original_add_entry = original
        SearchIndex.add_entry_from_context = _add_entry_memoised
    files = config_files(config)
    for option in ("jieba_dict", "jieba_dict_user"):
        if plugin.config.get(option):
            files.append(Path(config.config_file_path).parent / plugin.config[option])
    _memo = Memo(cache_dir, code_fingerprint(packages=("mkdocs-material", "jieba", "mkdocs"), files=files))
    return _memo


def _add_entry_memoised(index: Any, page: Any) -> None:
    """`SearchIndex.add_entry_from_context`, memoised (see `memoise_search_entries`)."""
    assert _original_add_entry is not None
    memo = _memo
    if memo is None:
        _original_add_entry(index, page)
        return
    meta = {name: page.meta.get(name) for name in ("search", "tags", "title")}
    key = memo.key(
        page.content or "",
        page.url,
        str(page.title),
        json.dumps([meta, toc_tokens(page.toc), index.config], sort_keys=True, ensure_ascii=False, default=str),
    )
    stored = memo.get(key)
    if stored is not None:
        index.entries.extend(stored)
        return
    before = len(index.entries)
    _original_add_entry(index, page)
    memo.put(key, index.entries[before:])


def split_search_index(config: Any) -> None:
    """One search index per language, so a search on a page lists pages of its own language only.

    mkdocs-static-i18n merges both languages into `search/search_index.json`;
    this keeps the default language's entries there and moves the others to
    `<locale>/search/search_index.json` (locations made relative to `<locale>/`).
    `overrides/main.html` points the search of non-default-language pages at
    their folder.
    """
    i18n = mkdocs_internals.i18n_plugin(config)
    if i18n is None or mkdocs_internals.i18n_building(config):
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


def drop_unused_search_languages(config: Any) -> list[str]:
    """Remove the lunr language files that no search index of this site asks for.

    Material ships lunr's support for 30 languages (960 kB, `wordcut.js` alone 660 kB); its search
    worker loads `min/lunr.<lang>.min.js` for each language of the index's `config.lang` except `en`,
    `tinyseg.js` for `ja`, `wordcut.js` for `hi` and `th`, `min/lunr.multi.min.js` when there are two
    languages or more, and `min/lunr.stemmer.support.min.js` always (Material 9.x,
    `src/templates/assets/javascripts/workers/search/_/index.ts`, `setupSearchLanguages`). Every other
    file is never fetched. The browser test searches both languages' indexes on the built site.

    Parameters:
        config: The MkDocs config (its `site_dir` holds the written indexes).

    Returns:
        The site-relative paths removed.
    """
    site = Path(config.site_dir)
    folder = site / "assets" / "javascripts" / "lunr"
    indexes = [path for path in site.glob("**/search/search_index.json") if path.is_file()]
    if not folder.is_dir() or not indexes:
        return []
    languages: set[str] = set()
    for index in indexes:
        lang = json.loads(index.read_text(encoding="utf-8")).get("config", {}).get("lang", ["en"])
        languages.update([lang] if isinstance(lang, str) else lang)
    keep = {"min/lunr.stemmer.support.min.js"}
    keep |= {f"min/lunr.{lang}.min.js" for lang in languages if lang != "en"}
    if len(languages) > 1:
        keep.add("min/lunr.multi.min.js")
    if "ja" in languages:
        keep.add("tinyseg.js")
    if languages & {"hi", "th"}:
        keep.add("wordcut.js")
    removed = []
    for path in sorted(folder.rglob("*.js")):
        rel = path.relative_to(folder).as_posix()
        if rel not in keep:
            path.unlink()
            removed.append(path.relative_to(site).as_posix())
    return removed
