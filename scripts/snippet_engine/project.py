"""The course as files: pages, the snippets they embed, and their consistency.

Embeds are found by converting each page with the site's own Markdown
extensions (from `mkdocs.yml`) and a recording `snippet` fence, so the
checker sees exactly the fences the build sees: no second fence parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import markdown
from mkdocs.utils.yaml import yaml_load

from snippet_engine.source import LANGUAGES, DirectiveError, parse_directives, unpaired_comments

FENCE_NAME = "snippet"
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


@dataclass(frozen=True)
class Embed:
    """A snippet fence in a page.

    Parameters:
        snippet: The path written in the fence, relative to `snippets/`.
        line: Line of that path in the page.
    """

    snippet: str
    line: int


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
        self._embeds: dict[Path, list[Embed]] = {}

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
    def _markdown_settings(self) -> tuple[list[Any], dict[str, Any]]:
        with (self.root / "mkdocs.yml").open(encoding="utf-8") as fh:
            config = yaml_load(fh)
        extensions: list[Any] = ["toc", "tables", "fenced_code"]
        configs: dict[str, Any] = {}
        for item in config.get("markdown_extensions", []):
            if isinstance(item, dict):
                ((name, options),) = item.items()
                extensions.append(name)
                configs[name] = dict(options or {})
            else:
                extensions.append(item)
        return extensions, configs

    def embeds(self, page: Page) -> list[Embed]:
        """The snippet fences of a page, in order.

        Parameters:
            page: The page to read.

        Returns:
            One `Embed` per `snippet` fence (computed once per `Project`).
        """
        if page.path not in self._embeds:
            self._embeds[page.path] = self._find_embeds(page)
        return self._embeds[page.path]

    def _find_embeds(self, page: Page) -> list[Embed]:
        found: list[str] = []

        def record(source: str, *args: Any, **kwargs: Any) -> str:
            found.append(source.strip())
            return ""

        extensions, configs = self._markdown_settings
        configs = {**configs, "pymdownx.superfences": {**configs.get("pymdownx.superfences", {})}}
        configs["pymdownx.superfences"]["custom_fences"] = [{"name": FENCE_NAME, "class": FENCE_NAME, "format": record}]
        text = page.path.read_text(encoding="utf-8")
        markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)
        lines = text.splitlines()
        embeds, cursor = [], 0
        for snippet in found:
            line = next((i for i in range(cursor, len(lines)) if lines[i].strip() == snippet), None)
            if line is None:
                line = next((i for i, text_line in enumerate(lines) if text_line.strip() == snippet), -1)
            else:
                cursor = line + 1
            embeds.append(Embed(snippet, line + 1))
        return embeds

    def check(self) -> list[Finding]:
        """Every consistency problem between pages and snippets.

        Checks: each page has its other-language twin; each embed names an
        existing snippet; a language-specific snippet is embedded only by
        pages of its language; twins embed the same snippets in the same
        order; each snippet is embedded by some page; tagged comments pair
        up; directives parse.

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
            rel_to_snippets = path.relative_to(self.snippets_dir).as_posix()
            rel = self.rel(path)
            if rel_to_snippets not in used:
                findings.append(Finding(rel, 0, "is not embedded by any page"))
            text = path.read_text(encoding="utf-8")
            for line, message in unpaired_comments(text):
                findings.append(Finding(rel, line, message))
            try:
                parse_directives(text)
            except DirectiveError as exc:
                findings.append(Finding(rel, exc.line, str(exc)))
        return findings
