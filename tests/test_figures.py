"""Figures as the reader's window shows them: every title matplotlib draws, and nothing beyond the figure's edges."""

import base64
import io
import struct

import matplotlib
import pytest

from snippet_engine.output.render import alt_text
from snippet_engine.running.result import Figure

matplotlib.use("Agg")
import matplotlib.pyplot as plt

DPI = 200


def described(build):
    """What `figures.describe` says of a 4x3 inch figure that `build(fig)` drew on."""
    from snippet_engine.running import figures

    fig = plt.figure(figsize=(4, 3))
    try:
        build(fig)
        return figures.describe(fig)
    finally:
        plt.close(fig)


def as_figure(description):
    return Figure.from_json({"png_base64": "", "width": 1, "height": 1, **description})


def size(png):
    """A PNG's (width, height) in pixels, from its IHDR chunk."""
    return struct.unpack(">II", png[16:24])


# Titles ---------------------------------------------------------------------------------------------------------


def test_a_title_on_the_left_is_a_title(run):
    """The issue's example: `ax.set_title(..., loc="left")` was reported untitled and lost from the alt text."""
    result = run("chart_title_left.py")
    assert result.ok, result.problems
    (figure,) = result.figures
    assert (figure.title, figure.axes) == ("", (("Training loss", "epoch", ""),))
    assert alt_text(figure, "en") == "Chart: Training loss (x: epoch, y: -)"


def test_subfigure_titles_are_titles(run):
    """The issue's example: two subfigures titled with `subfig.suptitle(...)`."""
    result = run("chart_subfigure_titles.py")
    assert result.ok, result.problems
    (figure,) = result.figures
    assert (figure.title, figure.axes) == ("", (("SGD", "epoch", ""), ("Adam", "epoch", "")))
    assert alt_text(figure, "en") == "Chart: SGD (x: epoch, y: -); Adam (x: epoch, y: -)"
    assert alt_text(figure, "zh") == "图表：SGD（x 轴：epoch，y 轴：-）；Adam（x 轴：epoch，y 轴：-）"


def _three_locations(fig):
    ax = fig.subplots()
    ax.set_title("(a)", loc="left")
    ax.set_title("loss")
    ax.set_title("step 100", loc="right")


def _right_only(fig):
    fig.subplots().set_title("step 100", loc="right")


def _nested_subfigures(fig):
    fig.suptitle("Optimizers")
    left, right = fig.subfigures(1, 2)
    left.suptitle("SGD")
    top, bottom = left.subfigures(2, 1)
    top.suptitle("lr=0.1")
    top.subplots().set_title("loss")
    bottom.subplots()
    right.subplots().set_xlabel("epoch")


def _subfigure_title_without_axes(fig):
    left, right = fig.subfigures(1, 2)
    left.suptitle("notes")
    left.text(0.1, 0.5, "no axes here")
    right.subplots().set_xlabel("epoch")


def _inset_title(fig):
    ax = fig.subplots()
    ax.plot([1, 2, 3])
    ax.inset_axes([0.5, 0.5, 0.4, 0.4]).set_title("zoom")


def _title_location_from_rc(fig):
    with plt.rc_context({"axes.titlelocation": "left"}):  # a style sheet can move every title
        fig.subplots().set_title("loss")


@pytest.mark.parametrize(
    ("build", "title", "axes"),
    [
        (_three_locations, "", [["(a), loss, step 100", "", ""]]),
        (_right_only, "", [["step 100", "", ""]]),
        (_title_location_from_rc, "", [["loss", "", ""]]),
        (_nested_subfigures, "Optimizers", [["SGD, lr=0.1, loss", "", ""], ["SGD", "", ""], ["", "epoch", ""]]),
        (_subfigure_title_without_axes, "", [["", "epoch", ""], ["notes", "", ""]]),
        (_inset_title, "", [["", "", ""], ["zoom", "", ""]]),
    ],
    ids=[
        "left-centre-right",
        "right",
        "rc-title-location",
        "nested-subfigures",
        "subfigure-without-axes",
        "inset-axes",
    ],
)
def test_every_title_matplotlib_draws_is_kept(build, title, axes):
    description = described(build)
    assert (description["title"], description["axes"]) == (title, axes)
    assert as_figure(description).titled


def _suplabels_only(fig):
    fig.subplots().plot([1, 2, 3])
    fig.supxlabel("epoch")
    fig.supylabel("loss")


def _hidden_title(fig):
    fig.subplots().set_title("loss").set_visible(False)


def _hidden_suptitle(fig):
    fig.subplots()
    fig.suptitle("loss").set_visible(False)


def _hidden_subfigure(fig):
    left, right = fig.subfigures(1, 2)
    left.suptitle("SGD")
    left.subplots().set_title("loss")
    left.set_visible(False)
    right.subplots()


def _blank_titles(fig):
    fig.suptitle("  ")
    fig.subplots().set_title(" ", loc="left")


@pytest.mark.parametrize(
    "build",
    [_suplabels_only, _hidden_title, _hidden_suptitle, _hidden_subfigure, _blank_titles],
    ids=["supxlabel-is-not-a-title", "hidden-title", "hidden-suptitle", "hidden-subfigure", "blank-titles"],
)
def test_what_is_not_drawn_or_not_a_title_does_not_count(build):
    assert not as_figure(described(build)).titled


def test_a_figure_wide_axis_label_labels_the_axes_without_their_own():
    description = described(_suplabels_only)
    assert description["axes"] == [["", "epoch", "loss"]]


# Bounds ---------------------------------------------------------------------------------------------------------


PAD = 0.1  # inches of blank margin around the content, as matplotlib's savefig(pad_inches=0.1)


@pytest.mark.parametrize(
    ("name", "inches"),
    [
        ("chart_stray_text.py", (6, 4)),  # the example: timed out after 60 s
        ("chart_stray_text_500.py", (6, 4)),  # the example: a strip 15,000 px tall
        ("chart_annotation_outside.py", (4, 3)),  # an annotation's text far outside, its arrow crossing the axes
        ("chart_legend_outside.py", (4, 3)),  # a legend anchored beyond the right edge: the window cuts it too
    ],
)
def test_a_chart_shows_no_more_than_its_figure(run, name, inches):
    result = run(name)
    assert result.ok, result.problems
    (figure,) = result.figures
    assert result.duration < 10
    width, height = size(base64.b64decode(figure.png_base64))
    assert width <= (inches[0] + 2 * PAD) * DPI and height <= (inches[1] + 2 * PAD) * DPI, (width, height)
    # Display size in CSS pixels, 100 per inch: half the PNG's.
    assert (figure.width, figure.height) == (round(width / 2), round(height / 2))


def test_content_inside_the_figure_is_saved_as_matplotlibs_tight_box_byte_for_byte():
    """Charts whose artists all lie inside the figure look exactly as before (chart files unchanged)."""
    from snippet_engine.running import figures

    fig, ax = plt.subplots(figsize=(6, 4))  # at 4x3 the x label would stick out below the figure
    try:
        ax.plot([1.0, 3.0, 2.0], label="walk")
        ax.set_title("random walk")
        ax.set_xlabel("step")
        ax.legend()
        before = io.BytesIO()
        fig.savefig(before, format="png", dpi=DPI, bbox_inches="tight", pad_inches=PAD, metadata={"Software": None})
        assert figures.shown_png(fig, DPI) == before.getvalue()
    finally:
        plt.close(fig)


def _far_text(fig, x, y):
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.set_axis_off()
    ax.text(x, y, "far", clip_on=False)


@pytest.mark.parametrize(("x", "y"), [(5, 500), (5, -500), (500, 5), (-500, 5), (500, 500)])
def test_the_box_stops_at_each_edge_of_the_figure(x, y):
    """Whichever side the stray artist lies on, the image is the figure's area plus the margin, no more."""
    from snippet_engine.running import figures

    fig = plt.figure(figsize=(4, 3))
    try:
        _far_text(fig, x, y)
        width, height = size(figures.shown_png(fig, DPI))
        # The axes span 0.4 to 3.6 in across and 0.3 to 2.7 in up; the box reaches the figure's edge
        # (0 or 4 in across, 0 or 3 in up) on the stray text's side(s) only, plus 0.1 in on every side.
        across = (0.4 if x >= 0 else 0.0, 3.6 if x <= 10 else 4.0)
        up = (0.3 if y >= 0 else 0.0, 2.7 if y <= 10 else 3.0)
        expected = ((across[1] - across[0] + 2 * PAD) * DPI, (up[1] - up[0] + 2 * PAD) * DPI)
        assert abs(width - expected[0]) <= 1 and abs(height - expected[1]) <= 1, ((width, height), expected)
    finally:
        plt.close(fig)
