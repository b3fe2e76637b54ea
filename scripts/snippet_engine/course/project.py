"""The course as files: pages, the snippets they embed, and their consistency.

Embeds come from `embeds` (the site's own Markdown with the `snippet`
fence's real validator), so the checker sees exactly the fences the build
and the notebook builder see: no second fence parser. Pages are read as
MkDocs reads them (`embeds.read_page`: a BOM dropped, universal newlines),
and every line named is a line of the file (front matter included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from snippet_engine.course.embeds import FENCE_NAME, Embed, PageEmbeds, find_embeds, markdown_settings, read_page
from snippet_engine.course.page_cells import NotebookError, split_page
from snippet_engine.running.memo import Memo, code_fingerprint
from snippet_engine.running.source import (
    LANGUAGES,
    DirectiveError,
    parse_directives,
    read_source,
    unpaired_comments,
    untagged_prose_comments,
)

__all__ = ["FENCE_NAME", "Embed", "Finding", "Page", "Project", "snippet_locale"]

_PAGE_NAME = re.compile(r"^(?P<base>.+)\.(?P<locale>zh|en)\.md$")
_SNIPPET_LOCALE = re.compile(r"\.(?P<locale>zh|en)\.py$")


@dataclass(frozen=True)
class Finding:
    """A consistency problem, located in a file.

    Parameters:
        path: Repository-relative file.
        line: Line in that file (0 when it concerns the whole file).
        message: What is wrong.
    """

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Page:
    """One language version of a page.

    Parameters:
        path: The Markdown file.
        base: Its docs-relative path without `.<locale>.md` (shared by both languages).
        locale: `zh` or `en`.
    """

    path: Path
    base: str
    locale: str


def snippet_locale(snippet: str) -> str | None:
    """`zh` for `name.zh.py`, `en` for `name.en.py`, None for a snippet of both languages."""
    match = _SNIPPET_LOCALE.search(snippet)
    return match["locale"] if match else None


class Project:
    """The repository's docs and snippets.

    Parameters:
        root: Repository root (holds `mkdocs.yml`, `docs/`, `snippets/`).
    """

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.docs_dir = self.root / "docs"
        self.snippets_dir = self.root / "snippets"
        self._embeds: dict[Path, PageEmbeds] = {}

    @cached_property
    def _memo_fingerprint(self) -> str:
        """The code and settings that page discovery and the snippet checks depend on (once per `Project`)."""
        return code_fingerprint(
            packages=("Markdown", "pymdown-extensions", "markdown-exec", "mkdocs"), files=(self.root / "mkdocs.yml",)
        )

    @cached_property
    def embeds_memo(self) -> Memo:
        """Each page's `PageEmbeds` by its text (`.cache/memo/embeds`): converting 52 pages took 0.7 s a build."""
        return Memo(self.root / ".cache" / "memo" / "embeds", self._memo_fingerprint)

    @cached_property
    def snippet_memo(self) -> Memo:
        """Each snippet's comment and directive findings by its path and text (`.cache/memo/snippet-checks`)."""
        return Memo(self.root / ".cache" / "memo" / "snippet-checks", self._memo_fingerprint)

    def rel(self, path: Path) -> str:
        """Repository-relative posix path."""
        return path.resolve().relative_to(self.root).as_posix()

    def snippets(self) -> list[Path]:
        """Every snippet file, sorted."""
        return sorted(self.snippets_dir.rglob("*.py"))

    def pages(self) -> list[Page]:
        """Every page with a language suffix, sorted."""
        pages = []
        for path in sorted(self.docs_dir.rglob("*.md")):
            match = _PAGE_NAME.match(path.relative_to(self.docs_dir).as_posix())
            if match:
                pages.append(Page(path, match["base"], match["locale"]))
        return pages

    @cached_property
    def _markdown_settings(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        return markdown_settings(self.root / "mkdocs.yml")

    def page_embeds(self, page: Page) -> PageEmbeds:
        """What discovery finds in a page: its embeds and the problems of its snippet fences.

        Parameters:
            page: The page to read.

        Returns:
            The page's `PageEmbeds` (computed once per `Project`).
        """
        if page.path not in self._embeds:
            text = read_page(page.path)
            stored = self.embeds_memo.get_or_put(
                self.embeds_memo.key(text), lambda: _embeds_to_json(find_embeds(text, *self._markdown_settings))
            )
            self._embeds[page.path] = _embeds_from_json(stored)
        return self._embeds[page.path]

    def embeds(self, page: Page) -> list[Embed]:
        """The snippet fences a page shows, in order.

        Parameters:
            page: The page to read.

        Returns:
            One `Embed` per `snippet` fence the site shows (computed once per `Project`).
        """
        return self.page_embeds(page).embeds

    def _notebook_findings(self, page: Page) -> list[Finding]:
        """What in a page its notebook cannot express (memoised with the page's embeds, by its text)."""
        text = read_page(page.path)

        def problems_of() -> list[list[Any]]:
            try:
                split_page(text, self.embeds(page))
            except NotebookError as exc:
                return [[line, message] for line, message in exc.problems]
            return []

        problems = self.embeds_memo.get_or_put(self.embeds_memo.key("notebook", text), problems_of)
        return [
            Finding(self.rel(page.path), line, f"cannot become a notebook: {message}") for line, message in problems
        ]

    def check(self) -> list[Finding]:
        """Every consistency problem between pages and snippets.

        Checks: each page has its other-language twin; each snippet fence is
        one the site reads and shows, with supported options; each embed
        names an existing snippet; a language-specific snippet is embedded
        only by pages of its language; twins embed the same snippets in the
        same order; a page that embeds snippets converts to a notebook; each
        snippet is embedded by some page; tagged comments pair up;
        directives parse.

        Returns:
            The findings, empty when consistent.
        """
        findings: list[Finding] = []
        pages = self.pages()
        by_base: dict[str, dict[str, Page]] = {}
        for page in pages:
            by_base.setdefault(page.base, {})[page.locale] = page
        used: set[str] = set()
        page_embeds = {page: self.embeds(page) for page in pages}
        for base, versions in sorted(by_base.items()):
            for locale in LANGUAGES:
                if locale not in versions:
                    (present,) = versions.values()
                    findings.append(
                        Finding(self.rel(present.path), 0, f"has no {locale} twin (docs/{base}.{locale}.md)")
                    )
            for page in versions.values():
                for line, message in self.page_embeds(page).problems:
                    findings.append(Finding(self.rel(page.path), line, message))
                if page_embeds[page]:
                    findings.extend(self._notebook_findings(page))
                for embed in page_embeds[page]:
                    used.add(embed.snippet)
                    target = self.snippets_dir / embed.snippet
                    if not embed.snippet.endswith(".py") or not target.is_file():
                        findings.append(
                            Finding(
                                self.rel(page.path),
                                embed.line,
                                f"embeds snippet {embed.snippet!r}, which does not exist in snippets/",
                            )
                        )
                    own = snippet_locale(embed.snippet)
                    if own is not None and own != page.locale:
                        findings.append(
                            Finding(self.rel(page.path), embed.line, f"embeds the {own}-only snippet {embed.snippet!r}")
                        )
            if len(versions) == 2:
                zh, en = versions["zh"], versions["en"]
                zh_list = [e.snippet for e in page_embeds[zh] if snippet_locale(e.snippet) is None]
                en_list = [e.snippet for e in page_embeds[en] if snippet_locale(e.snippet) is None]
                if zh_list != en_list:
                    findings.append(
                        Finding(
                            self.rel(en.path),
                            0,
                            f"embeds {en_list} but its zh twin embeds {zh_list} (same snippets, same order)",
                        )
                    )
        for path in self.snippets():
            rel = self.rel(path)
            if path.relative_to(self.snippets_dir).as_posix() not in used:
                findings.append(Finding(rel, 0, "is not embedded by any page"))
            findings.extend(Finding(rel, line, message) for line, message in self.snippet_problems(path))
        return findings

    def snippet_problems(self, path: Path) -> list[tuple[int, str]]:
        """A snippet's own problems: unpaired `# zh:` / `# en:` comments, prose in comments both pages show,
        directives that do not parse (memoised by path and text: 0.25 s a build for 380 snippets).

        Parameters:
            path: The snippet file.

        Returns:
            `(line, message)` pairs, in the order found.
        """
        rel_to_snippets = path.relative_to(self.snippets_dir).as_posix()
        text = read_source(path)

        def problems_of() -> list[tuple[int, str]]:
            problems = list(unpaired_comments(text))
            if snippet_locale(rel_to_snippets) is None:  # shown on both languages' pages
                problems.extend(untagged_prose_comments(text))
            try:
                parse_directives(text)
            except DirectiveError as exc:
                problems.append((exc.line, str(exc)))
            return problems

        stored = self.snippet_memo.get_or_put(self.snippet_memo.key(rel_to_snippets, text), problems_of)
        return [(line, message) for line, message in stored]


def _embeds_to_json(found: PageEmbeds) -> dict[str, Any]:
    return {
        "embeds": [
            [embed.snippet, embed.line, embed.end_line, dict(embed.options), embed.html_block] for embed in found.embeds
        ],
        "problems": [list(problem) for problem in found.problems],
    }


def _embeds_from_json(data: dict[str, Any]) -> PageEmbeds:
    return PageEmbeds(
        [Embed(snippet, line, end, options, block) for snippet, line, end, options, block in data["embeds"]],
        [(line, message) for line, message in data["problems"]],
    )
