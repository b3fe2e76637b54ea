"""A throw-away copy of the course with one chapter, for front-end tests."""

import shutil
from pathlib import Path

from conftest import REPO_ROOT

PAGE = {
    "zh": "# 第一章\n\n说明文字。\n\n```snippet\nch/{name}\n```\n",
    "en": "# Chapter one\n\nSome prose.\n\n```snippet\nch/{name}\n```\n",
}


def make_repo(root: Path, snippet_body: str = "print('hello')\n", name: str = "hello.py") -> Path:
    """Create a repository at `root` with the real config and engine, one page pair and one snippet."""
    shutil.copytree(REPO_ROOT / "scripts", root / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    for folder in ("overrides", "data", "vendor"):  # theme override, jieba dictionary, KaTeX (build-time math)
        shutil.copytree(REPO_ROOT / folder, root / folder)
    if (REPO_ROOT / "node_modules").is_dir():  # PurgeCSS, which the build runs on the notebook views' stylesheets
        (root / "node_modules").symlink_to(REPO_ROOT / "node_modules", target_is_directory=True)
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config[: config.index("\nnav:")] + "\nnav:\n  - index.md\n  - ch.md\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    docs = root / "docs"
    (docs / "assets" / "stylesheets").mkdir(parents=True)
    shutil.copy(REPO_ROOT / "docs/assets/stylesheets/snippets.css", docs / "assets/stylesheets/snippets.css")
    for locale, text in PAGE.items():
        (docs / f"index.{locale}.md").write_text("# Home\n\n[ch](ch.md)\n", encoding="utf-8")
        (docs / f"ch.{locale}.md").write_text(text.format(name=name), encoding="utf-8")
    (root / "snippets" / "ch").mkdir(parents=True)
    (root / "snippets" / "ch" / name).write_text(snippet_body, encoding="utf-8")
    (root / "snippets" / "ch" / name).with_suffix(".out").write_text("hello\n", encoding="utf-8")
    return root


def tiny_png_base64(width: int = 2, height: int = 2) -> str:
    """A real (decodable) RGB PNG of one grey, base64-encoded as in `Figure.png_base64`; not optimised."""
    import base64
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\0" + b"\x80\x80\x80" * width for _ in range(height))
    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows, 0))
        + chunk(b"IEND", b"")
    )
    return base64.b64encode(png).decode("ascii")
