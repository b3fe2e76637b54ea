"""Highlighted Python writes fewer spans (`snippet_engine.site.highlight`), and only where no colour is lost.

The same-colour claim is checked against the installed Material stylesheets and the course's
own (`docs/assets/stylesheets/snippets.css`), so a theme update that paints names differently
fails here instead of silently changing the site.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import material
import pytest
from pygments.token import STANDARD_TYPES, Keyword, Name, Operator, String

from snippet_engine.site import highlight

REPO_ROOT = Path(__file__).resolve().parents[1]
MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
COURSE_CSS = REPO_ROOT / "docs" / "assets" / "stylesheets" / "snippets.css"

CODE = 'import torch\nx = torch.ones(2, 3)  # 全 1\nif x is not None and 1 in [1]:\n    print(f"{x.sum():.1f}", True)\n'


def render(source: str, language: str = "python") -> str:
    mdx_configs: dict = {}
    highlight.configure(mdx_configs)
    md = markdown.Markdown(
        extensions=["pymdownx.highlight", "pymdownx.superfences"],
        extension_configs=mdx_configs,
    )
    return md.convert(f"```{language}\n{source}```")


def classes(html: str) -> set[str]:
    return set(re.findall(r'<span class="([^"]+)"', html))


@pytest.mark.parametrize("language", highlight.LANGUAGES)
def test_names_whitespace_operators_and_punctuation_are_bare_text(language):
    html = render(CODE, language)
    found = classes(html)
    for token_type in highlight.MERGED:
        assert STANDARD_TYPES[token_type] not in found, f"{token_type} still has a span in {html}"
    # Everything else keeps a class: keywords, the module name, strings, numbers, builtins, comments, `is`/`in`;
    # subtypes painted alike share their shorter class, and an f-string is one span up to its first name.
    assert {"k", "nn", "m", "nb", "c1", "ow", "s"} <= found, found
    assert '<span class="s">f"{</span>x' in html, html


def test_the_text_is_unchanged():
    md = markdown.Markdown(extensions=["pymdownx.highlight", "pymdownx.superfences"])
    plain = md.convert(f"```python\n{CODE}```")
    untag = lambda html: re.sub(r"<[^>]+>", "", html)  # noqa: E731
    assert untag(render(CODE)) == untag(plain)
    assert len(render(CODE)) < 0.6 * len(plain)


def test_entries_already_configured_are_kept():
    mdx_configs = {"pymdownx.highlight": {"extend_pygments_lang": [{"name": "python", "lang": "python3"}]}}
    highlight.configure(mdx_configs)
    entries = mdx_configs["pymdownx.highlight"]["extend_pygments_lang"]
    assert entries[0] == {"name": "python", "lang": "python3"}
    assert [entry["name"] for entry in entries[1:]] == [name for name in highlight.LANGUAGES if name != "python"]


def _rules(css: str) -> dict[str, str]:
    """`.highlight .<class>` → the colour it is given, from Material's minified stylesheet."""
    rules: dict[str, str] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        colour = re.search(r"(?:^|;)color:([^;]+)", body)
        for selector in selectors.split(","):
            match = re.fullmatch(r"\s*\.highlight \.([a-z0-9]+)\s*", selector)
            if match and colour:
                rules[match[1]] = colour[1].strip()
    return rules


def _variables(css: str, name: str) -> set[str]:
    return {value.strip() for value in re.findall(rf"{re.escape(name)}\s*:\s*([^;}}]+)", css)}


def test_merged_tokens_share_the_colour_of_plain_text_in_material():
    main = "".join(path.read_text(encoding="utf-8") for path in MATERIAL_CSS.glob("main.*.min.css"))
    palette = "".join(path.read_text(encoding="utf-8") for path in MATERIAL_CSS.glob("palette.*.min.css"))
    course = COURSE_CSS.read_text(encoding="utf-8")
    rules = _rules(main)
    assert rules, "no `.highlight .<class>` colour rules found in Material's stylesheet: has it moved?"
    assert "" not in rules and "w" not in rules and "nx" not in rules  # whitespace and other names: not painted
    for token_type in highlight.SAME_COLOUR:
        css_class = STANDARD_TYPES[token_type]
        colour = rules.get(css_class)
        if colour is None:
            continue
        assert colour == "var(--md-code-hl-name-color)", f".{css_class} is painted {colour}"
    # The name colour is the code's foreground, in every scheme, and the course does not repaint it.
    assert _variables(main + palette, "--md-code-hl-name-color") == {"var(--md-code-fg-color)"}
    assert "--md-code-hl-name-color" not in course
    # Subtypes written with a wider type's class are painted as that class is.
    for token_type, wider in highlight.SAME_CLASS_COLOUR.items():
        narrow_class, wide_class = STANDARD_TYPES[token_type], STANDARD_TYPES[wider]
        assert rules.get(narrow_class) == rules.get(wide_class) is not None, (narrow_class, wide_class)
    # Types outside the list keep their own colours.
    for token_type in (Name.Builtin, Name.Namespace, Keyword, String, Operator.Word):
        assert STANDARD_TYPES[token_type] in rules


def test_the_render_cache_depends_on_the_filter(monkeypatch, tmp_path):
    # A snippet's highlighted frame is cached; a change to the filter (a process that loaded another
    # highlight.py) or to mkdocs.yml (read on every build, also under `mkdocs serve`) must re-render every frame.
    from snippet_engine.running import memo
    from snippet_engine.site import fence

    before = fence._render_fingerprint()
    engine_copy = tmp_path / "engine"
    engine_copy.mkdir()
    for module in memo.ENGINE_DIR.rglob("*.py"):
        data = module.read_bytes()
        copy = engine_copy / module.relative_to(memo.ENGINE_DIR)
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(data + b"\n# edited\n" if module.name == "highlight.py" else data)
    monkeypatch.setattr(memo, "_LOADED_ENGINE", memo._engine_digest(engine_copy))
    fence._render_fingerprint_of.cache_clear()
    assert fence._render_fingerprint() != before
    monkeypatch.undo()
    fence._render_fingerprint_of.cache_clear()
    assert fence._render_fingerprint() == before
    config = tmp_path / "mkdocs.yml"
    config.write_bytes((fence.REPO_ROOT / "mkdocs.yml").read_bytes() + b"\n# edited\n")
    monkeypatch.setattr(fence, "REPO_ROOT", tmp_path)
    assert fence._render_fingerprint() != before


def test_slim_highlighted_html_keeps_the_text_and_drops_the_unpainted_spans():
    from snippet_engine.site.highlight import slim_highlighted_html

    nbconvert = (
        '<div class="highlight"><pre><span></span><span class="n">x</span> <span class="o">=</span> '
        '<span class="n">torch</span><span class="o">.</span><span class="n">ones</span><span class="p">(</span>'
        '<span class="mi">2</span><span class="p">)</span> <span class="c1"># (2,)</span>\n'
        '<span class="sa">f</span><span class="s2">&quot;</span><span class="s2">a</span><span class="si">{</span>'
        '</pre></div><span class="md-ellipsis">nav</span>'
    )
    slim = slim_highlighted_html(nbconvert)
    assert slim == (
        '<div class="highlight"><pre><span></span>x = torch.ones(<span class="m">2</span>) '
        '<span class="c1"># (2,)</span>\n<span class="s">f&quot;a{</span></pre></div>'
        '<span class="md-ellipsis">nav</span>'
    )
