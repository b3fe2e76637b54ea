"""The notebook views' stylesheets cut to the rules the views use, once the whole site is written.

nbconvert gives every notebook view JupyterLab's whole stylesheet (575 kB, 86 kB compressed; shared as one
file by `notebook_views.share_styles`), and a phone must load it before it shows the page: it was most of a
view's critical path, and Lighthouse's largest contentful paint waited for it. Almost all of it styles
JupyterLab's own interface (menus, dialogs, widgets), not a static notebook.

PurgeCSS (https://purgecss.com, npm, pinned in package-lock.json) keeps the rules whose selectors match
something in the views' HTML (every view of both languages), the `@font-face`, keyframes and custom
properties those rules use, and what `SAFELIST` names. The result replaces each shared file under a new
content-addressed name (so a browser's cached copy of the whole file is never taken for the cut one), and the
views link it. The views are static: no script adds a class that only a later state would match.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
PURGECSS = REPO_ROOT / "node_modules" / "purgecss"

SAFELIST = {"standard": ["html", "body"], "greedy": [r"data-md-color-scheme", r"data-jp-theme"]}
"""Selectors kept whatever the views' HTML holds: the document, and the light/dark scheme attributes the
theme's script switches."""

_PURGE = r"""
const { PurgeCSS } = require(process.argv[1]);
const job = JSON.parse(process.argv[2]);
new PurgeCSS()
  .purge({
    content: job.content,
    css: job.css,
    fontFace: true,
    keyframes: true,
    variables: true,
    safelist: { standard: job.safelist.standard, greedy: job.safelist.greedy.map(p => new RegExp(p)) },
  })
  .then(results => process.stdout.write(JSON.stringify(results.map(result => result.css))))
  .catch(error => { process.stderr.write(String(error.stack || error)); process.exit(1); });
"""


def purge_notebook_styles(site_dir: str | Path) -> dict[str, str]:
    """Cut the shared notebook stylesheets of a built site to what its views use; relink the views.

    Parameters:
        site_dir: The built site (both languages).

    Returns:
        Each replaced stylesheet's site-relative name, mapped to its cut replacement's.

    Raises:
        RuntimeError: When Node or PurgeCSS is missing (the message says how to install it), or PurgeCSS fails.
    """
    site = Path(site_dir)
    styles = sorted((site / "assets" / "notebook").glob("*.css"))
    views = sorted(site.glob("**/notebook/index.html"))
    if not styles or not views:
        return {}
    if not PURGECSS.is_dir():
        raise RuntimeError("PurgeCSS is not installed: run `npm ci` in the repository (`make serve` does)")
    job = {
        "content": [str(view) for view in views],
        "css": [str(style) for style in styles],
        "safelist": SAFELIST,
    }
    try:
        done = subprocess.run(
            ["node", "-e", _PURGE, str(PURGECSS), json.dumps(job)], capture_output=True, text=True, check=False
        )
    except FileNotFoundError as exc:
        raise RuntimeError("Node.js is needed to build the site: `bash scripts/install_system_deps.sh`") from exc
    if done.returncode != 0:
        raise RuntimeError(f"PurgeCSS failed on the notebook stylesheets: {done.stderr.strip()[-2000:]}")
    renamed: dict[str, str] = {}
    for style, css in zip(styles, json.loads(done.stdout), strict=True):
        data = css.encode("utf-8")
        name = f"{hashlib.sha256(data).hexdigest()[:16]}.css"
        if name == style.name:
            continue
        (style.parent / name).write_bytes(data)
        style.unlink()
        renamed[style.name] = name
    for view in views:
        html = view.read_text(encoding="utf-8")
        relinked = html
        for old, new in renamed.items():
            relinked = relinked.replace(f"assets/notebook/{old}", f"assets/notebook/{new}")
        if relinked != html:
            view.write_text(relinked, encoding="utf-8")
    return {f"assets/notebook/{old}": f"assets/notebook/{new}" for old, new in renamed.items()}
