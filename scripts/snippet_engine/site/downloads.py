"""Every example downloadable: each snippet's `.py`, and the data files it reads, served as files of the site.

Under each embedded snippet the page links its file exactly as in the
repository (both languages' `# zh:` / `# en:` comments included: what
`python snippets/<chapter>/<name>.py` runs), and each repository file the
run read (`SnippetResult.reads`: a `words.txt` next to it, the bundled font
under `fonts/`), so a reader without a clone can download them and run the
script; a file that is not beside the script says where it goes, relative to
the script's folder. Like the charts, the files are shared by both languages:

- `download_links` gives a page the links, relative to that page (en pages sit
  one folder deeper), and notes the files as used;
- `write_downloads` copies the used files into the site, once, at the end of the
  build, at their repository paths (`snippets/<chapter>/<name>.py`: stable URLs).
"""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path, PurePosixPath

from mkdocs.utils import get_relative_url

from snippet_engine.running.cache import copy_into_site
from snippet_engine.running.memo import Registry
from snippet_engine.running.result import SnippetResult

REPO_ROOT = Path(__file__).resolve().parents[3]
SNIPPETS = "snippets"
"""The folder served, relative to both the repository and the site root."""

_LABELS = {
    "zh": {
        "snippet": "下载 {name}",
        "snippet_title": "仓库中的原文件，含中英文注释",
        "data": "下载数据文件 {name}",
        "data_elsewhere": "下载数据文件 {name}（放在脚本所在文件夹的 {path}）",
        "data_title": "{name} 由 {script} 读取：放在与它相同的文件夹中",
        "data_title_elsewhere": "{name} 由 {script} 读取：放在相对于它所在文件夹的 {path}",
        "label": "下载",
    },
    "en": {
        "snippet": "Download {name}",
        "snippet_title": "The repository's file, with both languages' comments",
        "data": "Download data file {name}",
        "data_elsewhere": "Download data file {name} (goes at {path} from the script's folder)",
        "data_title": "{name} is read by {script}: put it in the same folder",
        "data_title_elsewhere": "{name} is read by {script}: put it at {path}, relative to the script's folder",
        "label": "Downloads",
    },
}

_used: Registry = Registry()
"""Files linked by this build's pages: repository-relative POSIX path -> file in the repository."""


def _served(rel: str, root: Path) -> Path | None:
    """The repository file at `rel` when it may be served, else None.

    Any file of the repository a snippet read (a `words.txt` beside it, the bundled font under
    `fonts/`), but not the engine's own modules (`scripts/`, read for tracebacks) nor anything
    under a hidden folder (`.venv/`, `.cache/`).
    """
    parts = PurePosixPath(rel).parts
    if len(parts) < 2 or parts[0] == "scripts" or ".." in parts or any(part.startswith(".") for part in parts):
        return None
    path = root / rel
    return path if path.is_file() else None


def download_links(
    name: str, result: SnippetResult | None, locale: str, page_url: str = "", root: Path = REPO_ROOT
) -> str:
    """The links under an embedded snippet: its `.py`, then each data file it read; notes them as used.

    Parameters:
        name: The snippet's path relative to `snippets/` (the fence body), e.g. `25-rnn-advanced/words.py`.
        result: Its run (`reads` names the data files); None links the `.py` alone.
        locale: `zh` or `en`.
        page_url: The page's URL (MkDocs' `page.url`; `""` is the site root).
        root: The repository.

    Returns:
        An HTML fragment (`<p class="snippet-downloads">`), or `""` when the snippet's file is missing.
    """
    labels = _LABELS.get(locale, _LABELS["en"])
    script_rel = f"{SNIPPETS}/{name}"
    script = _served(script_rel, root)
    if script is None:
        return ""
    script_name = PurePosixPath(name).name
    links = [_link(script_rel, script, labels["snippet"], labels["snippet_title"], script_name, name, page_url)]
    for rel in sorted((result.reads if result is not None else {}).keys()):
        path = _served(rel, root)
        if path is None or rel == script_rel:
            continue
        where = posixpath.relpath(rel, posixpath.dirname(script_rel))
        beside = "/" not in where
        title = labels["data_title"] if beside else labels["data_title_elsewhere"]
        # Where the file goes is in the link's text when it is not beside the script: a title is hover-only.
        text = labels["data"] if beside else labels["data_elsewhere"]
        links.append(_link(rel, path, text, title, script_name, name, page_url, where))
    # Not in the search index: "Download x.py" under every example would be a hit for every search for "download".
    return (
        f'<p class="snippet-downloads" aria-label="{labels["label"]}" data-search-exclude>' + " · ".join(links) + "</p>"
    )


def _link(rel: str, path: Path, text: str, title: str, script: str, name: str, page_url: str, where: str = "") -> str:
    _used.note(rel, path)
    file_name = PurePosixPath(rel).name
    href = get_relative_url(rel, page_url or ".")
    return (
        # A bare `download` saves the file under its URL's name, which is the file's own (25 links on a page).
        f'<a href="{escape(href)}" download '
        f'title="{escape(title.format(name=file_name, rel=name, script=script, path=where))}">'
        f"{escape(text.format(name=file_name, path=where))}</a>"
    )


def reset() -> None:
    """Forget the files used so far (a new build starts; `mkdocs serve` rebuilds in the same process)."""
    _used.clear()


def serve(rel: str, root: Path = REPO_ROOT) -> None:
    """Serve a repository file at its repository path, unlinked (a notebook's setup cell fetches it).

    Parameters:
        rel: Repository-relative POSIX path of a file.
        root: The repository.

    Raises:
        FileNotFoundError: When `rel` is not a file inside `root`.
    """
    path = _served(rel, root)
    if path is None:
        raise FileNotFoundError(f"{rel}: not a file of the repository that may be served (see _served)")
    _used.note(rel, path)


def write_downloads(site_dir: str | Path) -> None:
    """Copy this build's linked files into the site at their repository paths; an identical file is left as is."""
    copy_into_site(_used, site_dir)
