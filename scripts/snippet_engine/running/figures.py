"""Inside the child: a matplotlib figure as the reader's window shows it, and what it says in words.

`plt.show()` under `python x.py` opens a window the size of the figure: an artist outside the
figure's edges (a stray `ax.text(3, 20000, …)`, a legend anchored beyond the right edge) is cut
off there, and never grows the window. `shown_png` saves what the window shows: matplotlib's
tight box around the figure's content (`bbox_inches="tight"`), clipped to the figure, with
matplotlib's usual blank margin of `PAD_INCHES` around it. So a chart whose content lies inside
its figure is saved byte for byte as `bbox_inches="tight"` saves it, and no chart is larger than
its figure plus that margin (a tight box around a text 20,000 data units away made a canvas of
a million pixels, and a run that timed out).

`describe` reads what the figure says, for the alt text and the untitled-figure rule: every
title matplotlib draws (each Axes' titles at `loc="left"`, `"center"` and `"right"`, inset
Axes' titles, `fig.suptitle`, each subfigure's `suptitle`, at any depth) and the axis labels.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import Any

PAD_INCHES = 0.1
"""Space kept around the content, as `savefig(pad_inches=…)` (matplotlib's default `savefig.pad_inches`)."""


def shown_png(figure: Any, dpi: float, pad_inches: float = PAD_INCHES) -> bytes:
    """The figure as a PNG: the tight box of its content within its edges, plus a blank margin of `pad_inches`.

    Parameters:
        figure: A `matplotlib.figure.Figure`.
        dpi: Pixels per inch of the PNG.
        pad_inches: Margin around the content, in inches (blank where it lies beyond the figure).

    Returns:
        The PNG's bytes, with fixed metadata (no `Software` entry): at most
        `(figure.get_size_inches() + 2 * pad_inches) * dpi` pixels, whatever the figure holds.

    Sources: `Figure.savefig`'s `bbox_inches="tight"` and `pad_inches`
    (https://matplotlib.org/stable/api/_as_gen/matplotlib.figure.Figure.savefig.html), whose
    box is `Figure.get_tightbbox`, in inches, padded by `pad_inches`.
    """
    buffer = io.BytesIO()
    with _tight_box_within_figure(figure):
        figure.savefig(
            buffer, format="png", dpi=dpi, bbox_inches="tight", pad_inches=pad_inches, metadata={"Software": None}
        )
    return buffer.getvalue()


@contextlib.contextmanager
def _tight_box_within_figure(figure: Any) -> Iterator[None]:
    """While saving, `figure.get_tightbbox` gives its tight box clipped to the figure's edges.

    `savefig(bbox_inches="tight")` asks `figure.get_tightbbox(renderer)` once, after its layout
    draw and with its own renderer, then pads the box by `pad_inches` (matplotlib 3.11's
    `FigureCanvasBase.print_figure`); clipping that one answer
    keeps everything else as matplotlib does it, so a chart whose content lies inside its figure
    is saved byte for byte as before. (Layout engines measure Axes and texts, never the figure's
    own tight box.) The margin is not clipped: clipping it too would trim the blank margin of
    most charts (41 of the course's 50), whose x label sits within 0.1 in of the figure's bottom
    edge. `tests/test_figures.py` checks both: byte-identical when inside, bounded when not.
    """
    from matplotlib.transforms import Bbox

    tight_box = figure.get_tightbbox

    def within(*args: Any, **kwargs: Any) -> Any:
        box = tight_box(*args, **kwargs)
        width, height = figure.get_size_inches()
        x0, x1 = _clip(box.x0, box.x1, width)
        y0, y1 = _clip(box.y0, box.y1, height)
        return Bbox.from_extents(x0, y0, x1, y1)

    figure.get_tightbbox = within
    try:
        yield
    finally:
        del figure.get_tightbbox  # the class's method again


def _clip(low: float, high: float, extent: float) -> tuple[float, float]:
    """`[low, high]` within `[0, extent]`; all of it when they do not overlap (the content lies wholly outside)."""
    low, high = max(low, 0.0), min(high, extent)
    return (low, high) if low <= high else (0.0, extent)


def describe(figure: Any) -> dict[str, Any]:
    """What the figure says: its title, and each Axes' heading and axis labels, as drawn.

    Parameters:
        figure: A `matplotlib.figure.Figure`.

    Returns:
        `{"title": …, "axes": [[heading, x label, y label], …]}` (the fields of `result.Figure`):
        `title` is the figure's `suptitle`; one entry per drawn Axes (in `figure.axes` order, each
        followed by its inset Axes), whose heading joins with ", " the titles of the subfigures
        around it (outermost first) and its own titles (left, centre, right); an Axes without its
        own x or y label takes the nearest enclosing `supxlabel` / `supylabel`, which is a label,
        not a title. A titled subfigure with no Axes drawn in it gets an entry of its own. Text
        that is hidden or blank is not drawn, so it is not counted; nor is anything in a hidden
        Axes or subfigure.
    """
    entries: list[list[str]] = []
    headed: set[int] = set()  # subfigures whose title heads some Axes' entry
    for ax in _drawn_axes(figure.axes):
        chain = _subfigures_around(ax, figure)
        if chain is None:
            continue
        headed.update(id(subfigure) for subfigure in chain)
        titles = [_drawn(subfigure._suptitle) for subfigure in chain]
        titles += [_drawn(title) for title in (ax._left_title, ax.title, ax._right_title)]
        owners = [*reversed(chain), figure]  # innermost first, for the figure-wide labels
        xlabel = ax.get_xlabel().strip() or next(filter(None, (_drawn(o._supxlabel) for o in owners)), "")
        ylabel = ax.get_ylabel().strip() or next(filter(None, (_drawn(o._supylabel) for o in owners)), "")
        entries.append([", ".join(filter(None, titles)), xlabel, ylabel])
    for chain in _drawn_subfigures(figure, []):
        if id(chain[-1]) not in headed and _drawn(chain[-1]._suptitle):
            entries.append([", ".join(filter(None, (_drawn(subfigure._suptitle) for subfigure in chain))), "", ""])
    return {"title": _drawn(figure._suptitle), "axes": entries}


def _drawn(text: Any) -> str:
    """A `Text` artist's text as drawn: "" when it is absent, hidden or blank."""
    return text.get_text().strip() if text is not None and text.get_visible() else ""


def _drawn_axes(axes: list[Any]) -> Iterator[Any]:
    """The visible Axes among `axes`, each followed by its visible inset Axes (`Axes.child_axes`), depth first."""
    for ax in axes:
        if ax.get_visible():
            yield ax
            yield from _drawn_axes(ax.child_axes)


def _subfigures_around(ax: Any, root: Any) -> list[Any] | None:
    """The subfigures an Axes sits in, outermost first; None when one of them is hidden (nothing in it is drawn)."""
    chain = []
    owner = ax.get_figure(root=False)
    while owner is not root:
        if not owner.get_visible():
            return None
        chain.append(owner)
        owner = owner.get_figure(root=False)
    return chain[::-1]


def _drawn_subfigures(parent: Any, chain: list[Any]) -> Iterator[list[Any]]:
    """Each visible subfigure under `parent`, depth first, as the chain of subfigures leading to it."""
    for subfigure in parent.subfigs:
        if subfigure.get_visible():
            yield [*chain, subfigure]
            yield from _drawn_subfigures(subfigure, [*chain, subfigure])
