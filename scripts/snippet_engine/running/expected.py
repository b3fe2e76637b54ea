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


Variation = dict[tuple[int, int], tuple[float, float]]
"""Numbers that legitimately move across CPUs and thread counts: (line, n) -> the range (low, high)
measured for the n-th number of that line of the record (both counted from 1). See `records`."""


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


def numbers(line: str) -> list[float]:
    """The numbers of one line of output, in order (what `Variation`'s index counts)."""
    return [token for token in _tokens(line) if isinstance(token, float)]


def normalise(text: str) -> str:
    """Output as records compare it: trailing spaces and leading and trailing blank lines dropped."""
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


def numbers_close(a: float, b: float) -> bool:
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    if math.isinf(a) or math.isinf(b):
        return a == b
    return abs(a - b) <= ATOL + RTOL * max(abs(a), abs(b))


def within(value: float, measured: tuple[float, float]) -> bool:
    """Whether a varying number is inside its band: the measured range widened by its own width on each side
    (and by the usual tolerance), so that a CPU this machine could not imitate, moving as far again, passes.

    Parameters:
        value: The number this run printed.
        measured: (low, high) over the configurations `--update` measured.
    """
    low, high = measured
    if math.isnan(value):
        return False
    width = high - low
    return numbers_close(value, min(max(value, low - width), high + width))


def lines_match(
    actual: str, recorded: str, mode: str = "exact", varies: dict[int, tuple[float, float]] | None = None
) -> bool:
    """Whether one line of output agrees with one line of the record (see `outputs_match`).

    Parameters:
        varies: For this line, number index (from 1) -> measured range.
    """
    left, right = _tokens(actual), _tokens(recorded)
    if len(left) != len(right):
        return False
    index = 0
    for a, b in zip(left, right, strict=True):
        if isinstance(a, str) or isinstance(b, str):
            if a != b:
                return False
            continue
        index += 1
        if mode == "varies":
            continue
        band = (varies or {}).get(index)
        if not (within(a, band) if band is not None else numbers_close(a, b)):
            return False
    return True


def outputs_match(
    actual: str,
    recorded: str,
    mode: str = "exact",
    varies: Variation | None = None,
    sampled: tuple[str, ...] = (),
) -> bool:
    """Whether a run's output agrees with the record.

    Text must be equal (runs of spaces aside) and line for line; numbers within a small tolerance
    (`RTOL`, `ATOL`), except those the record declares varying, which must lie in their band (`within`).

    Parameters:
        actual: The run's output.
        recorded: The `.out` file's text.
        mode: `exact` (text equal, numbers within tolerance) or `varies`
            (text equal, numbers ignored).
        varies: The record's varying numbers (`Variation`), if any.
        sampled: Prefixes of lines showing sampled text (the `sampled=` directive): a line of the record
            that starts with one matches any line with the same prefix.

    Returns:
        True when they agree.
    """
    left, right = normalise(actual).split("\n"), normalise(recorded).split("\n")
    if len(left) != len(right):
        return False
    by_line: dict[int, dict[int, tuple[float, float]]] = {}
    for (line, index), band in (varies or {}).items():
        by_line.setdefault(line, {})[index] = band
    return all(
        (is_sampled(b, sampled) and a.startswith(is_sampled(b, sampled)))
        or lines_match(a, b, mode, by_line.get(number))
        for number, (a, b) in enumerate(zip(left, right, strict=True), 1)
    )


def is_sampled(line: str, sampled: tuple[str, ...]) -> str:
    """The `sampled=` prefix `line` starts with, or "" (see `outputs_match`)."""
    return next((prefix for prefix in sampled if line.startswith(prefix)), "")


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
            normalise(recorded).splitlines(),
            normalise(actual).splitlines(),
            f"{name} (recorded)",
            "this run",
            lineterm="",
        )
    )
    if len(lines) > 40:
        lines = [*lines[:40], f"... {len(lines) - 40} more diff lines"]
    return "\n".join(lines)


def explain_mismatch(actual: str, recorded: str, varies: Variation | None = None, limit: int = 5) -> list[str]:
    """The numbers that broke the comparison, each with what was allowed, for a drift message.

    Parameters:
        actual: The run's output.
        recorded: The `.out` file's text.
        varies: The record's varying numbers.
        limit: At most this many lines.

    Returns:
        Lines such as `line 2, number 3: 0.17, outside the range measured for it, [0.10, 0.11] (allowed 0.09 to
        0.12)`; empty when the lines differ in words or in number (the diff shows those).
    """
    left, right = normalise(actual).split("\n"), normalise(recorded).split("\n")
    if len(left) != len(right):
        return []
    found = []
    for number, (a, b) in enumerate(zip(left, right, strict=True), 1):
        ours, theirs = numbers(a), numbers(b)
        if len(ours) != len(theirs):
            continue
        for index, (value, expected) in enumerate(zip(ours, theirs, strict=True), 1):
            band = (varies or {}).get((number, index))
            if band is not None and not within(value, band):
                low, high = band
                width = high - low
                found.append(
                    f"line {number}, number {index}: {value:g}, outside the range measured for it, [{low:g}, {high:g}]"
                    f" (allowed {low - width:g} to {high + width:g})"
                )
            elif band is None and not numbers_close(value, expected):
                found.append(f"line {number}, number {index}: {value:g} where the record has {expected:g}")
    return found[:limit]
