"""What a terminal shows: a snippet's raw output replayed through a terminal emulator.

A progress line redrawn with `\\r` (tqdm, most training loops), a backspace, a
cursor movement or an erase sequence leaves only its final state on a
terminal; colour codes leave coloured text. The page and the `.out` record
must show that final screen, not every intermediate state, and never the
escape sequences themselves. The emulation is pyte's (a VT100/VT220 emulator,
https://github.com/selectel/pyte), not hand-written escape parsing.

The emulated terminal is as wide as the longest line, so no line wraps: a
reader's terminal wraps long lines only visually, and copying from it gives
the logical line back. A newline also returns the carriage, as a terminal's
line discipline does (`ONLCR`, see termios(3)); a vertical tab or form feed
only moves down, as on a terminal.
"""

from __future__ import annotations

import re
import unicodedata

import pyte
from wcwidth import wcwidth

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Characters a terminal interprets (C0 but tab and newline, DEL, C1): text without any is shown as written."""


class _Screen(pyte.Screen):
    """pyte's screen, keeping zero-width characters that are not combining marks.

    pyte 0.8.2's `Screen.draw` stops drawing the rest of its text at such a
    character (the emoji presentation selector U+FE0F in ✔️, a zero-width
    joiner or space), losing the rest of the line. A terminal shows them as
    part of the previous character; so does this screen.
    """

    def draw(self, data: str) -> None:
        if data.isascii():
            super().draw(data)
            return
        start = 0
        for index, char in enumerate(data):
            if wcwidth(char) == 0 and not unicodedata.combining(char):
                super().draw(data[start:index])
                self._attach(char)
                start = index + 1
        super().draw(data[start:])

    def _attach(self, char: str) -> None:
        line = self.buffer[self.cursor.y]
        x = self.cursor.x - 1
        if x > 0 and line[x].data == "":  # the stub cell after a wide character
            x -= 1
        if x >= 0:
            line[x] = line[x]._replace(data=line[x].data + char)


def render_terminal(text: str) -> str:
    """The text a terminal shows after `text` was written to it.

    Text without control characters comes back unchanged. Otherwise it is fed
    to an emulated terminal: `\\r` returns to the start of the line so later
    characters overwrite earlier ones, `\\b` steps back, CSI sequences move
    the cursor or erase, colours and other attributes are dropped, and each
    line loses the trailing blanks a terminal does not show.

    Parameters:
        text: Raw output (stdout and stderr interleaved), as decoded text.

    Returns:
        The screen's text, one line per terminal row; it ends with a newline
        when the cursor ended at the start of an empty last row.
    """
    if not _CONTROL.search(text):
        return text
    # A tty's line discipline turns "\n" into "\r\n" (ONLCR); vertical tab, form feed and ESC D / ESC E
    # move down without it. Room for every row any of them can open, so nothing scrolls off the top.
    rows_needed = text.count("\n") + text.count("\v") + text.count("\f") + text.count("\x1b") + 1
    columns = max(80, 2 * max(len(line) for line in text.split("\n")) + 8 * text.count("\t") + 1)
    screen = _Screen(columns, rows_needed + 1)
    pyte.Stream(screen).feed(text.replace("\n", "\r\n"))
    rows = []
    for y in range(screen.lines):
        row = screen.buffer[y]
        # pyte keeps a cell only once something was written to it; a wide (CJK) character's second cell is "".
        width = max(row.keys(), default=-1) + 1
        rows.append("".join(row[x].data for x in range(width)).rstrip())
    last = max(screen.cursor.y, max((y for y, row in enumerate(rows) if row), default=0))
    return "\n".join(rows[: last + 1])
