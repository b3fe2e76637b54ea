"""Charts as files: each figure written once, optimised losslessly, under a content-addressed name.

A snippet's figure arrives as base64 PNG (`Figure.png_base64`); the chapter
notebook embeds it as is (the .ipynb stays self-contained). On the site every
page that shows it (the zh and en chapter pages, both notebook views) links
one file instead, `assets/charts/<sha256[:16]>.png` in the built site:

- `optimise` runs oxipng (lossless) once per distinct input PNG; the result is
  cached under `.cache/charts/` by the input's hash (and oxipng's version and
  options), so warm builds do not re-optimise and give byte-identical files;
- the name is the hash of the *optimised* bytes, so a page (from the run's
  `Figure`) and a notebook view (decoding the `data:` URI in the HTML
  mkdocs-jupyter rendered from the notebook) find the same file;
- `chart_src` / `replace_data_uris` give a page the chart's URL relative to
  that page (en pages sit one folder deeper) and note the chart as used;
- `write_charts` writes the used charts into the site, once, at the end of the build.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.utils import get_relative_url

from snippet_engine.running.cache import copy_into_site, write_atomic
from snippet_engine.running.memo import Registry

REPO_ROOT = Path(__file__).resolve().parents[3]
CACHE_DIR = REPO_ROOT / ".cache" / "charts"
SITE_DIR = "assets/charts"
"""Where the charts go, relative to the site root (both languages share it)."""

_LEVEL = 2
"""oxipng's preset: 2 is its default, a fraction of a second per chart; higher levels gain little on plots."""

_used: Registry = Registry()
"""Charts referenced by this build's pages: file name -> optimised file in the cache."""

_names: dict[str, str] = {}
"""In-process memo: sha256 of an input PNG -> its chart's file name."""

_IMG = re.compile(r"<img\b[^>]*>")  # greedy: a lazy `[^>]*?` retried the tail at each of an embedded PNG's bytes
_ALT = re.compile(r'\salt="[^"]*"')
_DATA_URI = re.compile(r'(?P<attr>(?:src|href)=")data:image/png;base64,(?P<data>[A-Za-z0-9+/=\s]+)"')
"""An `<img>`'s or a link's embedded PNG; not the small icons in nbconvert's CSS (`url(data:…)`), which stay.

No `\b` before the attribute's name: it made the search 5x slower on a 1.4 MB view; `_is_attribute` checks it."""


def _settings() -> str:
    import oxipng

    version = metadata.version("pyoxipng")
    return f"pyoxipng={version};level={_LEVEL};strip=safe;module={oxipng.__name__}"


def optimise(png: bytes) -> bytes:
    """`png` losslessly optimised by oxipng, cached on disk by the input's hash.

    Parameters:
        png: A PNG file's bytes.

    Returns:
        The optimised PNG's bytes (never larger than `png`).
    """
    return _optimised_path(png).read_bytes()


def optimised_base64(png_base64: str) -> str:
    """`optimise` for a base64-encoded PNG (a notebook's `image/png` output), base64-encoded again."""
    return base64.b64encode(optimise(base64.b64decode("".join(png_base64.split())))).decode("ascii")


def _cache_path(png: bytes) -> Path:
    key = hashlib.sha256(_settings().encode() + b"\0" + png).hexdigest()
    return CACHE_DIR / key[:2] / f"{key}.png"


def _optimised_path(png: bytes) -> Path:
    path = _cache_path(png)
    if not path.is_file():
        import oxipng

        smaller = oxipng.optimize_from_memory(png, level=_LEVEL, strip=oxipng.StripChunks.safe())
        data = smaller if len(smaller) <= len(png) else png
        # Optimising is idempotent here: the optimised bytes map to themselves, so a chart that arrives
        # already optimised (a notebook's embedded PNG, rendered into its view) gets the page chart's name.
        fixed_point = _cache_path(data)
        if not fixed_point.is_file():
            _write_bytes(fixed_point, data)
        _write_bytes(path, data)
    return path


def _write_bytes(path: Path, data: bytes) -> None:
    # `write_atomic` opens a text file: write the bytes through its binary buffer.
    write_atomic(path, lambda fh: fh.buffer.write(data))


def chart_name(png_base64: str) -> str:
    """The content-addressed file name of a chart (`<sha256[:16]>.png` of the optimised bytes); notes it as used.

    Parameters:
        png_base64: The PNG, base64-encoded (as in `Figure` and in `data:` URIs).
    """
    png = base64.b64decode("".join(png_base64.split()))
    digest = hashlib.sha256(png).hexdigest()
    name = _names.get(digest)
    path = _optimised_path(png)
    if name is None:
        name = f"{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}.png"
        _names[digest] = name
    _used.note(name, path)
    return name


def chart_src(png_base64: str, page_url: str = "") -> str:
    """The URL of a chart's file, relative to the page at `page_url` (MkDocs' `page.url`; `""` is the site root)."""
    return get_relative_url(f"{SITE_DIR}/{chart_name(png_base64)}", page_url or ".")


def replace_data_uris(html: str, page_url: str, alts: dict[str, str] | None = None) -> str:
    """`html` with each `data:image/png;base64,…` URI replaced by its chart's file (notebook views).

    Each such `<img>` also loads lazily and, when `alts` knows its PNG, gets that alt text
    (nbconvert's lab template drops a notebook output's `alt` metadata and writes "No description
    has been provided for this image"). The lightbox's link (mkdocs-glightbox wraps each `<img>` in
    `<a href=…>`) is replaced too.

    Parameters:
        html: A page's HTML.
        page_url: The page's URL (MkDocs' `page.url`), which chart URLs are made relative to.
        alts: Alt text by base64 PNG (whitespace removed), as the notebook's outputs hold them.
    """
    alts = alts or {}

    def image(tag: re.Match) -> str:
        found = next((match for match in _DATA_URI.finditer(tag[0]) if _is_attribute(match)), None)
        if found is None:
            return tag[0]
        alt = alts.get("".join(found["data"].split()))
        text = _ALT.sub("", tag[0]) if alt is not None else tag[0]
        extra = (f' alt="{escape(alt, quote=True)}"' if alt is not None else "") + (
            ' loading="lazy"' if "loading=" not in text else ""
        )
        end = "/>" if text.endswith("/>") else ">"
        return text[: -len(end)] + extra + end

    def uri(match: re.Match) -> str:
        if not _is_attribute(match):
            return match[0]
        return f'{match["attr"]}{chart_src(match["data"], page_url)}"'

    return _DATA_URI.sub(uri, _IMG.sub(image, html))


def _is_attribute(match: re.Match) -> bool:
    """Whether a `_DATA_URI` match starts at a word boundary, as `\\b` says: `src=` and `data-src=`, not `xsrc=`."""
    start = match.start()
    return start == 0 or not (match.string[start - 1].isalnum() or match.string[start - 1] == "_")


def recording() -> Any:
    """A context manager: the charts noted within it, file name -> optimised file (see `memo.Registry`)."""
    return _used.recording()


def note_chart(name: str, path: Path) -> None:
    """Note the chart `name` (its optimised file `path`) as linked by a page reused from a memo."""
    _used.note(name, path)


def reset() -> None:
    """Forget the charts used so far (a new build starts; `mkdocs serve` rebuilds in the same process)."""
    _used.clear()


def write_charts(site_dir: str | Path) -> None:
    """Write this build's charts into `<site_dir>/assets/charts/`, each once; an identical file is left as is."""
    copy_into_site({f"{SITE_DIR}/{name}": source for name, source in _used.items()}, site_dir)
