"""Comparing a run's output with its recorded `.out` file.

The record is the CPU output. Numbers are compared with a tolerance so that
a GPU run (different reduction order, TF32) passes, while text must match.
"""

from __future__ import annotations

import difflib
import math
import re

RTOL = 5e-3
ATOL = 1e-3
_SPACES = re.compile(r"[ \t]+")
_NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|[-+]?\b(?:nan|inf)\b")


def _tokens(text: str) -> list[str | float]:
    """Alternating text and numbers. Spaces right before a number are dropped and other
    runs of spaces count as one: padding moves when a number gains a digit or a sign,
    which the number comparison already judges."""
    tokens: list[str | float] = []
    position = 0
    for match in _NUMBER.finditer(text):
        tokens.append(_SPACES.sub(" ", text[position : match.start()]).rstrip(" "))
        tokens.append(float(match.group()))
        position = match.end()
    tokens.append(_SPACES.sub(" ", text[position:]))
    return tokens


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


def _close(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= ATOL + RTOL * max(abs(a), abs(b))


def outputs_match(actual: str, recorded: str, mode: str = "exact") -> bool:
    """Whether a run's output agrees with the record.

    Parameters:
        actual: The run's output.
        recorded: The `.out` file's text.
        mode: `exact` (text equal, numbers within tolerance) or `varies`
            (text equal, numbers ignored).

    Returns:
        True when they agree.
    """
    left, right = _tokens(_normalise(actual)), _tokens(_normalise(recorded))
    if len(left) != len(right):
        return False
    for a, b in zip(left, right, strict=False):
        if isinstance(a, str) or isinstance(b, str):
            if a != b:
                return False
        elif mode != "varies" and not _close(a, b):
            return False
    return True


def output_diff(actual: str, recorded: str, name: str) -> str:
    """A unified diff from the record to the run, for the drift report.

    Parameters:
        actual: The run's output.
        recorded: The `.out` file's text.
        name: The `.out` file's path, for the diff header.

    Returns:
        The diff text (at most 40 lines).
    """
    lines = list(
        difflib.unified_diff(
            _normalise(recorded).splitlines(),
            _normalise(actual).splitlines(),
            f"{name} (recorded)",
            "this run",
            lineterm="",
        )
    )
    if len(lines) > 40:
        lines = [*lines[:40], f"... {len(lines) - 40} more diff lines"]
    return "\n".join(lines)
