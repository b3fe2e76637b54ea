#!/usr/bin/env python3
"""Page weights of a built site against the hosted site's budgets (issue 12).

Usage: `python scripts/site_weight.py [SITE_DIR]` (default `site/`). Prints one line per
measure and exits 1 when one is over its budget. `tests/test_site_weight.py` asserts the same
budgets on the site `make test` builds, and `bench/bench_build.py` prints the table next to its
build timings.

Sizes are the bytes of the files as built, uncompressed; 1 kB is 1000 bytes and 1 MB is
10^6 bytes. A chapter page is `<part>/<NN-name>/index.html` in either language; a notebook view
is a chapter's `notebook/index.html`.
"""

from __future__ import annotations

import re
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

_CHAPTER_DIR = re.compile(r"\d{2}-[a-z0-9-]+")
_DATA_IMAGE = re.compile(r"""\b(?:src|href)=["']?data:image/""")
"""A chart inlined as a `data:` URI (quoted or not: the pages are minified)."""


@dataclass(frozen=True)
class Measure:
    """One row of the table: a measured value against its budget.

    Attributes:
        name: What is measured.
        value: The measured value (bytes, or a count when `unit` is "").
        budget: The most `value` may be.
        unit: "B" for bytes, "" for a count.
        where: The file the value comes from, when it is one file's (site-relative).
    """

    name: str
    value: float
    budget: float
    unit: str = "B"
    where: str = ""

    @property
    def ok(self) -> bool:
        return self.value <= self.budget

    def __str__(self) -> str:
        def show(number: float) -> str:
            if not self.unit:
                return f"{number:g}"
            return f"{number / 1e6:.2f} MB" if number >= 1e6 else f"{number / 1e3:.1f} kB"

        where = f" ({self.where})" if self.where else ""
        verdict = "ok" if self.ok else "OVER BUDGET"
        return f"{self.name:<44} {show(self.value):>10}  budget {show(self.budget):>9}  {verdict}{where}"


def chapter_pages(site: Path) -> list[Path]:
    """The chapter pages of both languages (`[en/]<part>/<NN-name>/index.html`), sorted."""
    return sorted(
        path
        for path in site.rglob("index.html")
        if _CHAPTER_DIR.fullmatch(path.parent.name) and "notebook" not in path.relative_to(site).parts
    )


def notebook_views(site: Path) -> list[Path]:
    """The chapter notebook views of both languages (`…/<NN-name>/notebook/index.html`), sorted."""
    return sorted(path for path in site.rglob("notebook/index.html") if _CHAPTER_DIR.fullmatch(path.parent.parent.name))


CRITICAL_PATH_BUDGET = 80e3
"""Compressed bytes a page's critical path may hold (issue 24: "well under 70 kB" is the aim). Measured when it was
set: 77.6 kB at most (the notebook view of chapter 29: 44 kB of it the page itself), 53 kB the median. What is
left: Material's main.css (23 kB compressed, most of it unused on a chapter page) and the notebook views' HTML."""

_STYLESHEET = re.compile(r"<link ([^>]*\brel=\"?stylesheet\b[^>]*)>")
_SCRIPT = re.compile(r"<script ([^>]*\bsrc=[^>]*)>")
_URL = re.compile(r"\b(?:href|src)=(\"[^\"]*\"|[^ >]+)")


def critical_path(page: Path) -> dict[str, int]:
    """What a browser must load before it can show `page`: the page, and the stylesheets and scripts that block.

    A stylesheet blocks unless it is loaded for print only (`media=print`, applied once loaded); a script blocks
    unless it is `defer`, `async` or a module. Local files only (the site makes no other request).

    Parameters:
        page: A built page (`index.html`).

    Returns:
        Each file's gzip-compressed size in bytes (level 6, as web servers compress), by its site-relative name;
        the page itself under "page".
    """
    import gzip

    html = page.read_text(encoding="utf-8")
    sizes = {"page": len(gzip.compress(html.encode("utf-8"), 6))}
    blocking = [match[1] for match in _STYLESHEET.finditer(html) if "media=print" not in match[1]]
    blocking += [
        match[1] for match in _SCRIPT.finditer(html) if not re.search(r"\b(?:defer|async)\b|type=\"?module", match[1])
    ]
    for attributes in blocking:
        url = _URL.search(attributes)
        if url is None:
            continue
        target = (page.parent / url[1].strip('"').split("?")[0]).resolve()
        sizes[target.name] = len(gzip.compress(target.read_bytes(), 6))
    return sizes


def measure(site: Path) -> list[Measure]:
    """The budget table of a built site.

    Parameters:
        site: The built site's directory.

    Returns:
        One `Measure` per row: median and largest chapter page, largest notebook view,
        the whole site, and the charts inlined as `data:` URIs in chapter pages.

    Raises:
        FileNotFoundError: When `site` holds no chapter page or no notebook view.
    """
    chapters = chapter_pages(site)
    views = notebook_views(site)
    if not chapters or not views:
        raise FileNotFoundError(f"{site}: no chapter pages or no notebook views; build the site first (mkdocs build)")
    sizes = {path: path.stat().st_size for path in chapters}
    largest = max(sizes, key=sizes.__getitem__)
    view_sizes = {path: path.stat().st_size for path in views}
    largest_view = max(view_sizes, key=view_sizes.__getitem__)
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    inlined = sum(len(_DATA_IMAGE.findall(path.read_text(encoding="utf-8"))) for path in chapters)
    paths = {path: sum(critical_path(path).values()) for path in [*chapters, *views]}
    heaviest_path = max(paths, key=paths.__getitem__)
    rel = lambda path: path.relative_to(site).as_posix()  # noqa: E731
    return [
        # Issue 24 typesets math at build time: KaTeX's HTML and MathML for a formula is about 1.6 kB where its TeX
        # was 30 bytes (a math-heavy page: 63 kB -> 250 kB as built, 15 kB -> 24 kB gzip-compressed as served), and
        # no page loads KaTeX's script (272 kB, 76 kB compressed) any more. Budgets before it: 80 kB, 250 kB, 31 MB.
        Measure(f"median chapter page ({len(chapters)} pages)", statistics.median(sizes.values()), 115e3),
        Measure("largest chapter page", sizes[largest], 280e3, where=rel(largest)),
        Measure("largest notebook view", view_sizes[largest_view], 400e3, where=rel(largest_view)),
        # 30 MB until issue 26 added 9 examples, their charts and notebook cells (30.5 MB); 31 MB then; 36 MB since
        # issue 24's build-time math (35.2 MB).
        Measure("whole site", total, 36e6),
        Measure("charts inlined as data URIs in chapter pages", inlined, 0, unit=""),
        Measure(
            "heaviest critical path (gzip-compressed)",
            paths[heaviest_path],
            CRITICAL_PATH_BUDGET,
            where=rel(heaviest_path),
        ),
    ]


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else REPO_ROOT / "site"
    try:
        table = measure(site)
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 2
    for row in table:
        print(row)
    return 0 if all(row.ok for row in table) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
