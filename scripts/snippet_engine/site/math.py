"""Math typeset when the site is built: no script typesets math in the reader's browser.

Pages write math as Python-Markdown's arithmatex leaves it (`\\(…\\)`, `\\[…\\]`), notebook views
as Jupyter does (`$…$`, `$$…$$`). Both were typeset in the browser by KaTeX's auto-render (272 kB
of script on every page, run on a phone). Here the same KaTeX (`vendor/katex/katex.min.js`, the
version whose stylesheet and fonts the site serves) runs once per formula at build time in Node, which
the tooling already needs, and the page gets KaTeX's HTML and MathML: the HTML drawn with KaTeX's fonts and
stylesheet, the MathML for screen readers. A page with math links `katex.min.css` (fonts load only
for the glyphs used); a page without math loads nothing of KaTeX.

Which text is math follows auto-render (https://katex.org/docs/autorender): the delimiters `$$`,
`$`, `\\(`, `\\[` in that order of preference, a closing delimiter only outside braces and not
escaped, text of one text node only, never inside `pre`, `code`, `script`, `style`, `textarea`,
`option` or the notebook views' hidden copy text (`clipboard-copy-txt`), and only in `<body>`.

A formula KaTeX cannot parse is an error naming the page and the formula (`MathError`), where
the browser showed it in red.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import threading
from pathlib import Path

KATEX_JS = Path(__file__).resolve().parents[3] / "vendor" / "katex" / "katex.min.js"
"""The KaTeX that typesets (its stylesheet and fonts, of the same version, are served from `docs/assets/katex/`)."""

STYLESHEET = "assets/katex/katex.min.css"
"""KaTeX's stylesheet, site-relative: linked only by pages with math."""

_SERVER = r"""
const katex = require(process.argv[1]);
const lines = require("readline").createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const { tex, display } = JSON.parse(line);
  let reply;
  try {
    reply = { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, output: "htmlAndMathml" }) };
  } catch (error) {
    reply = { error: String(error.message || error) };
  }
  process.stdout.write(JSON.stringify(reply) + "\n");
});
"""

DELIMITERS = (("$$", "$$", True), ("$", "$", False), ("\\(", "\\)", False), ("\\[", "\\]", True))
"""(left, right, display) in auto-render's order, as the site configured it before."""

IGNORED_TAGS = frozenset({"script", "noscript", "style", "textarea", "pre", "code", "option"})
"""Elements whose text is never math (auto-render's default `ignoredTags`)."""

IGNORED_CLASS = "clipboard-copy-txt"
"""The notebook views' hidden copy text (`notebook_views.keep_copy_text`): the code a copy button copies."""

_TOKEN = re.compile(r"""<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""", re.S)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


class MathError(ValueError):
    """A formula KaTeX cannot typeset; the message names it and KaTeX's reason."""


class Katex:
    """One Node process running KaTeX, started on first use, shared by the threads of a build.

    Raises:
        MathError: From `render`, for a formula KaTeX refuses.
        RuntimeError: When Node cannot be started (the message says what to install).
    """

    def __init__(self) -> None:
        self._process: subprocess.Popen[str] | None = None
        self._lock = threading.Lock()
        self._rendered: dict[tuple[str, bool], str] = {}

    def render(self, tex: str, display: bool) -> str:
        """KaTeX's HTML (and MathML) for `tex`, as `katex.renderToString` gives it.

        Parameters:
            tex: The formula, without delimiters (HTML entities already decoded).
            display: Display mode (a block of its own) rather than inline.
        """
        key = (tex, display)
        with self._lock:
            if key in self._rendered:
                return self._rendered[key]
            process = self._start()
            assert process.stdin is not None and process.stdout is not None
            process.stdin.write(json.dumps({"tex": tex, "display": display}) + "\n")
            process.stdin.flush()
            line = process.stdout.readline()
            if not line:
                raise RuntimeError("the KaTeX process (node) ended unexpectedly")
            reply = json.loads(line)
            if "error" in reply:
                raise MathError(f"{reply['error']} in the formula {tex!r}")
            self._rendered[key] = reply["html"]
            return reply["html"]

    def _start(self) -> subprocess.Popen[str]:
        if self._process is None or self._process.poll() is not None:
            try:
                self._process = subprocess.Popen(
                    ["node", "-e", _SERVER, str(KATEX_JS)],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    text=True,
                    encoding="utf-8",
                )
            except FileNotFoundError as exc:
                raise RuntimeError(
                    "math is typeset at build time by KaTeX in Node: install Node.js "
                    "(`bash scripts/install_system_deps.sh`, or `apt-get install nodejs`)"
                ) from exc
        return self._process

    def close(self) -> None:
        """End the Node process (a later `render` starts a new one)."""
        if self._process is not None:
            if self._process.stdin is not None:
                self._process.stdin.close()
            self._process.wait(timeout=5)
            self._process = None


def _end_of_math(text: str, start: int, right: str) -> int:
    """Where `right` closes the formula starting at `start`: outside braces, not escaped (-1 if nowhere).

    As auto-render's `findEndOfMath`.
    """
    depth, index = 0, start
    while index < len(text):
        char = text[index]
        if depth <= 0 and text.startswith(right, index):
            return index
        if char == "\\":
            index += 1
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        index += 1
    return -1


def _typeset_text(text: str, katex: Katex) -> tuple[str, int]:
    """A text node's HTML with its formulas typeset; and how many there were."""
    if "$" not in text and "\\(" not in text and "\\[" not in text:
        return text, 0
    raw = html.unescape(text)
    out: list[str] = []
    count = 0
    index = 0
    plain_from = 0
    while index < len(raw):
        match = next((delimiter for delimiter in DELIMITERS if raw.startswith(delimiter[0], index)), None)
        if match is None:
            index += 1
            continue
        left, right, display = match
        end = _end_of_math(raw, index + len(left), right)
        if end < 0:
            index += len(left)
            continue
        tex = raw[index + len(left) : end]
        out.append(html.escape(raw[plain_from:index], quote=False))
        out.append(katex.render(tex, display))
        count += 1
        index = plain_from = end + len(right)
    if not count:
        return text, 0
    out.append(html.escape(raw[plain_from:], quote=False))
    return "".join(out), count


def typeset(page_html: str, katex: Katex) -> tuple[str, int]:
    """A whole page with the math of its body typeset (see the module docstring).

    Parameters:
        page_html: The page, as MkDocs writes it.
        katex: The renderer.

    Returns:
        The page, and how many formulas it holds.

    Raises:
        MathError: For a formula KaTeX cannot typeset.
    """
    body = page_html.find("<body")
    if body < 0:
        return page_html, 0
    pieces = [page_html[:body]]
    skipping: list[str] = []  # open elements whose text is not math, innermost last
    position = body
    total = 0
    for token in _TOKEN.finditer(page_html, body):
        text = page_html[position : token.start()]
        if skipping or not text:
            pieces.append(text)
        else:
            typeset_text, count = _typeset_text(text, katex)
            pieces.append(typeset_text)
            total += count
        pieces.append(token.group(0))
        position = token.end()
        closing, name, attributes = token.group(1), (token.group(2) or "").lower(), token.group(3) or ""
        if not name or name in _VOID or attributes.rstrip().endswith("/"):
            continue
        if closing:
            if skipping and skipping[-1] == name:
                skipping.pop()
        elif skipping:
            if name == skipping[-1]:
                skipping.append(name)  # the same element nested: its end must not end the skip
        elif name in IGNORED_TAGS or IGNORED_CLASS in attributes:
            skipping.append(name)
    pieces.append(page_html[position:])
    return "".join(pieces), total


def link_stylesheet(page_html: str, page_url: str) -> str:
    """The page with KaTeX's stylesheet linked before `</head>`, relative to the page at `page_url`."""
    prefix = "../" * page_url.count("/")
    link = f"<link href={prefix}{STYLESHEET} rel=stylesheet>"  # as minify-html writes one
    return page_html.replace("</head>", link + "</head>", 1)
