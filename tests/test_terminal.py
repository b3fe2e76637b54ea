"""Raw output -> what a terminal shows (pyte)."""

import pytest

from snippet_engine.running.terminal import render_terminal


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain\ttext  \nkept as printed  \n", "plain\ttext  \nkept as printed  \n"),  # no control character
        ("epoch 1\repoch 2\repoch 3\ndone\n", "epoch 3\ndone\n"),
        ("loss 10.00\rloss 9.9\n", "loss 9.900\n"),  # a shorter redraw leaves the old tail, as on a terminal
        ("\x1b[1;32mpassed\x1b[0m\n", "passed\n"),
        ("50%\x1b[K\r100%\n", "100%\n"),
        ("abc\bd\n", "abd\n"),
        ("中文\r英\n", "英文\n"),  # wide characters take two cells
        ("a\tb\rX\n", "X       b\n"),  # tabs stop every 8 columns once the line is emulated
        ("row 1\nrow 2\x1b[A\rROW 1\n", "ROW 1\nrow 2"),  # cursor up, as tqdm's nested bars do
        ("no newline\rNO", "NO newline"),
        ("bell\x07\n", "bell\n"),
        ("fit 10%\rfit 100%\n✔️ done, w = 2\n⚠️ check it\n", "fit 100%\n✔️ done, w = 2\n⚠️ check it\n"),  # U+FE0F
        ("a\u200bb\u200dc\r\n", "a\u200bb\u200dc\n"),  # zero-width space and joiner
        ("first\na\vb\n", "first\na\n b\n"),  # a vertical tab moves down without returning the carriage
        ("top\n" + "x\x1bD" * 3 + "\n", "top\nx\n x\n  x\n\n"),  # ESC D (index) opens rows too
    ],
)
def test_terminal_rendering(raw, shown):
    assert render_terminal(raw) == shown


def test_long_lines_do_not_wrap():
    line = "x" * 500
    assert render_terminal(f"{line}\r{line}\n") == line + "\n"
