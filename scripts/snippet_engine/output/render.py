"""Result -> HTML, for the pages.

Output is escaped text (a snippet printing `<script>` shows text), then the
figures (each a file written once for the whole site: `charts`), then a line
naming device and duration in the page's language.
"""

from __future__ import annotations

import re
from html import escape

from snippet_engine.output.charts import chart_src
from snippet_engine.running.result import Figure, SnippetResult

_LABELS = {
    "zh": {
        "output": "输出",
        "chart": "图表：",
        "axes": "（x 轴：{x}，y 轴：{y}）",
        "join": "；",
        "meta": "运行设备：{device} · 用时 {seconds} 秒",
        "truncated": "输出过长：共 {total} 字节，这里只显示开头和结尾。",
        "failed": "这段代码运行失败：",
        "varies": "数字随 CPU 与线程数而变",
    },
    "en": {
        "output": "Output",
        "chart": "Chart: ",
        "axes": " (x: {x}, y: {y})",
        "join": "; ",
        "meta": "Ran on {device} in {seconds} s",
        "truncated": "Output too long: {total} bytes in all; only the start and the end are shown.",
        "failed": "This snippet failed:",
        "varies": "digits vary with CPU and threads",
    },
}


_MATH = re.compile(r"\$([^$]*)\$")
_TEX_COMMAND = re.compile(r"\\([A-Za-z]+)")


def alt_text(figure: Figure, locale: str) -> str:
    """What a chart shows, in words, from its own title(s) and axis labels.

    Example: "Chart: loss vs epoch (x: epoch, y: loss)"; with several subplots,
    one part per subplot after the figure's title.

    Parameters:
        figure: The captured chart (`Figure.title`, `Figure.axes`).
        locale: `zh` or `en`.

    Returns:
        The alt text, one line.
    """
    labels = _LABELS.get(locale, _LABELS["en"])
    parts = [figure.title] if figure.title else []
    for title, xlabel, ylabel in figure.axes:
        part = title
        if xlabel or ylabel:
            part += labels["axes"].format(x=xlabel or "-", y=ylabel or "-")
        if part.strip():
            parts.append(part.strip())
    text = labels["join"].join(parts)
    # Matplotlib's mathtext (`$\ell = (w x - y)^2$`) read aloud without its markup: `ell = (w x - y)^2`.
    text = _TEX_COMMAND.sub(r"\1", _MATH.sub(r"\1", text))
    return labels["chart"] + " ".join(text.split())


_DEVICE_NAMES = {"cpu": "CPU", "cuda": "CUDA GPU", "mps": "Apple MPS"}


def varies_note(locale: str) -> str:
    """The note under an output whose digits move from machine to machine (`records.digits_vary`)."""
    return _LABELS.get(locale, _LABELS["en"])["varies"]


def render_result(result: SnippetResult, locale: str, page_url: str = "", digits_vary: bool = False) -> str:
    """The HTML shown under a snippet's source.

    Parameters:
        result: The run to show.
        locale: `zh` or `en`.
        page_url: The page's URL (MkDocs' `page.url`): each figure links its chart file relative to it (`charts`).
        digits_vary: Say under the output that its digits vary with the CPU and the threads (`records`).

    Returns:
        An HTML fragment.
    """
    labels = _LABELS.get(locale, _LABELS["en"])
    parts = ['<div class="snippet-result" data-search-exclude>']  # outputs are numbers: searching them finds noise
    if not result.ok:
        items = "".join(f"<li><code>{escape(line)}</code></li>" for line in result.error_lines())
        parts.append(
            f'<div class="admonition failure snippet-error"><p class="admonition-title">{labels["failed"]}</p>'
            f"<ul>{items}</ul></div>"
        )
    if result.output:
        parts.append(
            f'<pre class="snippet-output" aria-label="{labels["output"]}"><code>{escape(result.output)}</code></pre>'
        )
    if result.truncated:
        note = labels["truncated"].format(total=f"{result.output_bytes:,}")
        parts.append(f'<p class="snippet-truncated">{escape(note)}</p>')
    for figure in result.figures:
        alt = alt_text(figure, locale)
        parts.append(
            f'<figure class="snippet-figure"><img src="{escape(chart_src(figure.png_base64, page_url))}" '
            f'alt="{escape(alt)}" width="{figure.width}" height="{figure.height}" loading="lazy"></figure>'
        )
    meta = labels["meta"].format(
        device=_DEVICE_NAMES.get(result.device, result.device),
        seconds=f"{result.duration:.2f}",
    )
    if digits_vary and result.ok:
        meta += " · " + varies_note(locale)
    parts.append(f'<p class="snippet-meta">{escape(meta)}</p>')
    parts.append("</div>")
    return "\n".join(parts)
