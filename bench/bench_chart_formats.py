"""PNG (optimised with oxipng, as the site serves charts) against SVG, for the kinds of chart the course draws.

Why the site's charts are PNG (`scripts/snippet_engine/output/charts.py`): an SVG is smaller only for
line-art with few points (a contour plot); a line chart, a scatter plot and an image are smaller
as PNG. Both are made byte-reproducible (no date, fixed SVG hash salt).

Usage: `python bench/bench_chart_formats.py`. Prints bytes per format and the SVG/PNG ratio.
"""

from __future__ import annotations

import io

import matplotlib
import numpy as np
import oxipng

matplotlib.use("Agg")
import matplotlib.pyplot as plt

plt.rcParams["svg.hashsalt"] = "course"


def sizes(figure) -> tuple[int, int]:
    """(optimised PNG bytes at the engine's 100 dpi, SVG bytes) of one figure, which is then closed."""
    png, svg = io.BytesIO(), io.BytesIO()
    figure.savefig(png, format="png", dpi=100, metadata={"Software": None})
    figure.savefig(svg, format="svg", metadata={"Date": None})
    plt.close(figure)
    return len(oxipng.optimize_from_memory(png.getvalue(), level=2)), len(svg.getvalue())


def main() -> None:
    rng = np.random.default_rng(0)
    charts = {}
    figure, ax = plt.subplots(figsize=(6, 3.5))
    x = np.arange(1, 101)
    ax.plot(x, 2 / x + 0.05 * rng.random(100), label="train")
    ax.plot(x, 2.2 / x + 0.05 * rng.random(100), label="val")
    ax.set_title("loss")
    ax.legend()
    charts["line chart, 2 x 100 points"] = sizes(figure)
    figure, ax = plt.subplots(figsize=(6, 4))
    ax.scatter(rng.normal(size=400), rng.normal(size=400), c=rng.integers(0, 3, 400), s=8)
    ax.set_title("scatter")
    charts["scatter plot, 400 points"] = sizes(figure)
    figure, ax = plt.subplots(figsize=(6, 4))
    grid_x, grid_y = np.meshgrid(np.linspace(-3, 3, 200), np.linspace(-3, 3, 200))
    ax.contour(grid_x, grid_y, grid_x**2 + 10 * grid_y**2, 20)
    ax.set_title("contour")
    charts["contour plot, 20 levels"] = sizes(figure)
    figure, ax = plt.subplots(figsize=(6, 4))
    ax.imshow(rng.random((28, 28)))
    ax.set_title("image")
    charts["image (imshow), 28 x 28"] = sizes(figure)
    for name, (png, svg) in charts.items():
        print(f"{name:<30} png {png / 1e3:6.1f} kB   svg {svg / 1e3:6.1f} kB   svg/png {svg / png:4.2f}")


if __name__ == "__main__":
    main()
