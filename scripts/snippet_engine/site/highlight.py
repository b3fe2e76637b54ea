"""Fewer highlighting spans: a Pygments filter for the Python code on the site.

Pygments writes one `<span class="…">` per token. A chapter's highlighted code was six times
the size of its text (86 kB of HTML for 14 kB of Python in chapter 16), and the spans were most
of a chapter page's weight. `MergeTokens` gives the tokens below the plain `Text` type, which
Pygments' HTML formatter writes as bare text (a run of tokens of one type is one span, and
`Text` has no class):

- **Same colour, no visible change.** A plain name (`n`) and a keyword constant (`kc`: True,
  False, None) are painted in `--md-code-hl-name-color`, which Material sets to the code's own
  foreground (`--md-code-fg-color`); a name with no rule (`nx`) and whitespace (`w`) are not
  painted at all. `tests/test_highlight.py` checks this against the installed Material
  stylesheets, so a theme update that tells these colours apart fails a test.
- **Not painted any more: operators (`o`) and punctuation (`p`).** Material paints both in
  `--md-default-fg-color--light` (60 % black here, see `docs/assets/stylesheets/snippets.css`),
  so `x = f(a).b` had four spans around five characters. They now show in the code's
  foreground, as in GitHub's light theme. This is a choice of weight over looks: operators and
  punctuation were 1,300 spans (27 kB) of a median chapter page, a third of its 80 kB budget
  (issue 12; `bench/bench_build.py` reports page weights). Operator words (`in`, `not`, `is`)
  keep their colour.
- **Same colour, one class.** String, number and keyword subtypes that Material paints alike
  are written with their shorter common class (`s2`, `si` -> `s`; `mi`, `mf` -> `m`; `kn` -> `k`),
  so an f-string's pieces merge into one span; a string's prefix (`f`, `r`) takes the string's
  colour (`PAINTED_AS_STRING`, the one visible change of this kind).

Sources: Material's `src/templates/assets/stylesheets/main/extensions/pymdownx/_highlight.scss`
(which class gets which colour) and `main/_colors.scss` (the colours); Pygments'
`HtmlFormatter._format_lines` (a run of one token type is one span) and `STANDARD_TYPES`
(`Text` has the class "").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pygments.filter import Filter
from pygments.token import STANDARD_TYPES, Keyword, Name, Number, Operator, Punctuation, String, Text, _TokenType

SAME_COLOUR: tuple[_TokenType, ...] = (
    Name,  # `n`: --md-code-hl-name-color, which is --md-code-fg-color
    Keyword.Constant,  # `kc` (True, False, None): --md-code-hl-name-color, as `n`
    Name.Other,  # `nx`: no rule in Material, the code's foreground
    Text.Whitespace,  # `w`: no rule
)
"""Token types that Material paints in the code's foreground, as it paints `Text`."""

UNPAINTED: tuple[_TokenType, ...] = (Operator, Punctuation)
"""Token types written as `Text` by choice: Material paints them in a lighter colour (see the module)."""

SAME_CLASS_COLOUR: dict[_TokenType, _TokenType] = {
    # Material paints these classes alike, so a run of them can be one span of the wider type:
    String.Double: String,  # `s2` -> `s`: --md-code-hl-string-color
    String.Single: String,  # `s1` -> `s`
    String.Interpol: String,  # `si` (the braces of an f-string) -> `s`
    Number.Integer: Number,  # `mi` -> `m`: --md-code-hl-number-color
    Number.Float: Number,  # `mf` -> `m`
    Number.Hex: Number,  # `mh` -> `m`
    Number.Bin: Number,  # `mb` -> `m`
    Number.Oct: Number,  # `mo` -> `m`
    Keyword.Namespace: Keyword,  # `kn` (import, from) -> `k`: --md-code-hl-keyword-color
}
"""Token type -> a wider type of the same colour (its class is shorter, and neighbours merge into one span)."""

PAINTED_AS_STRING: dict[_TokenType, _TokenType] = {String.Affix: String}
"""By choice: a string's prefix (`f`, `r`, `b`; `sa`, unpainted by Material) takes the string's colour, so
`f"loss: {loss:.3f}"` is two spans around the name instead of five."""

MERGED: dict[_TokenType, _TokenType] = {
    **{token_type: Text for token_type in SAME_COLOUR + UNPAINTED},
    **SAME_CLASS_COLOUR,
    **PAINTED_AS_STRING,
}
"""Exact token type -> the type it is written as. Other types (`Name.Builtin`, `Operator.Word`,
`String.Escape`, `String.Doc`, ...) keep their class."""

LANGUAGES = ("python", "py", "python3", "py3")
"""The code block languages (Pygments aliases of its Python lexer) that get the filter."""


class MergeTokens(Filter):
    """Write each token whose type is in `MERGED` as the type it maps to; pass every other token through."""

    def filter(self, lexer: Any, stream: Iterator[tuple[_TokenType, str]]) -> Iterator[tuple[_TokenType, str]]:
        for token_type, value in stream:
            yield MERGED.get(token_type, token_type), value


def extend_pygments_lang() -> list[dict[str, Any]]:
    """Entries for pymdownx.highlight's `extend_pygments_lang`: each Python alias with `MergeTokens`.

    Returns:
        One `{"name", "lang", "options"}` dict per alias in `LANGUAGES`; `options` are the
        lexer's keyword arguments (`filters`, see `pygments.lexer.Lexer`).
    """
    return [{"name": alias, "lang": "python", "options": {"filters": [MergeTokens()]}} for alias in LANGUAGES]


def configure(mdx_configs: dict[str, dict[str, Any]]) -> None:
    """Add the filter to a Markdown config's `pymdownx.highlight` options, keeping entries already there.

    Parameters:
        mdx_configs: Markdown extension configs by name (MkDocs' `config.mdx_configs`), changed in place.
    """
    options = mdx_configs.setdefault("pymdownx.highlight", {})
    entries = options.setdefault("extend_pygments_lang", [])
    taken = {entry.get("name", "").lower() for entry in entries if isinstance(entry, dict)}
    entries.extend(entry for entry in extend_pygments_lang() if entry["name"] not in taken)


def _short_class(token_type: _TokenType) -> str:
    return STANDARD_TYPES.get(token_type, "")


_CLASS_MAP: dict[str, str] = {_short_class(old): _short_class(new) for old, new in MERGED.items() if _short_class(old)}
"""`MERGED` as Pygments' CSS classes: `n` -> `""` (bare text), `s2` -> `s`, ..."""

_SPAN = re.compile(r'<span class="(?P<cls>[a-z0-9]+)">(?P<text>[^<]*)</span>')
_ADJACENT = re.compile(r'<span class="(?P<cls>[a-z0-9]+)">(?P<text>[^<]*)</span><span class="(?P=cls)">')


def slim_highlighted_html(html: str) -> str:
    """Highlighted HTML that another tool made (nbconvert, for the notebook views) with `MergeTokens` applied.

    The notebook views' code is highlighted by nbconvert with Pygments' plain lexer: 1,460 `n`, 1,400 `p`
    and 790 `o` spans in chapter 29's view alone. Each `<span class="c">text</span>` whose class
    `MergeTokens` writes as `Text` becomes bare text, one whose class it widens takes the wider class,
    and neighbouring spans of one class merge: the page reads the same, with the same colours as the
    chapter page's code (operators and punctuation in the code's foreground, as there).

    Parameters:
        html: A page's HTML; only spans with a single Pygments class and no markup inside are touched.

    Returns:
        The same HTML with fewer spans; its text is unchanged.
    """

    def one(match: re.Match[str]) -> str:
        short = _CLASS_MAP.get(match["cls"], match["cls"])
        return match["text"] if not short else f'<span class="{short}">{match["text"]}</span>'

    html = _SPAN.sub(one, html)
    while True:
        merged = _ADJACENT.sub(lambda match: f'<span class="{match["cls"]}">{match["text"]}', html)
        if merged == html:
            return html
        html = merged
