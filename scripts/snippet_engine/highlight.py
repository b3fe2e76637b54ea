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

Sources: Material's `src/templates/assets/stylesheets/main/extensions/pymdownx/_highlight.scss`
(which class gets which colour) and `main/_colors.scss` (the colours); Pygments'
`HtmlFormatter._format_lines` (a run of one token type is one span) and `STANDARD_TYPES`
(`Text` has the class "").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pygments.filter import Filter
from pygments.token import Keyword, Name, Operator, Punctuation, Text, _TokenType

SAME_COLOUR: tuple[_TokenType, ...] = (
    Name,  # `n`: --md-code-hl-name-color, which is --md-code-fg-color
    Keyword.Constant,  # `kc` (True, False, None): --md-code-hl-name-color, as `n`
    Name.Other,  # `nx`: no rule in Material, the code's foreground
    Text.Whitespace,  # `w`: no rule
)
"""Token types that Material paints in the code's foreground, as it paints `Text`."""

UNPAINTED: tuple[_TokenType, ...] = (Operator, Punctuation)
"""Token types written as `Text` by choice: Material paints them in a lighter colour (see the module)."""

MERGED: frozenset[_TokenType] = frozenset(SAME_COLOUR + UNPAINTED)
"""Exact token types written as `Text`: `Name.Builtin`, `Operator.Word` and the like keep their class."""

LANGUAGES = ("python", "py", "python3", "py3")
"""The code block languages (Pygments aliases of its Python lexer) that get the filter."""


class MergeTokens(Filter):
    """Write each token whose type is in `MERGED` as `Text`; pass every other token through unchanged."""

    def filter(self, lexer: Any, stream: Iterator[tuple[_TokenType, str]]) -> Iterator[tuple[_TokenType, str]]:
        for token_type, value in stream:
            yield (Text if token_type in MERGED else token_type), value


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
