"""What a record says beyond its text: the environment that wrote it and the numbers that vary.

A snippet's record is `snippets/<chapter>/<name>.out`, the text a reader sees. Beside the chapter's
records, `snippets/<chapter>/records.json` keeps, per snippet:

- `recorded`: the environment of the run that wrote the `.out` (torch version, the CPU capability level
  its kernels used, threads, hash seed), so that a drift names both environments;
- `varies` (only when some do): `"line:n"` -> `[low, high]`, the n-th number of that line of the record
  (both from 1) and the range it took under the configurations of `numerics.MEASURED`. Every other number
  is compared within the usual tolerance, and every word exactly, so a printed conclusion
  (`plain > 2 x the others: True`) never varies.

`measure_variation` derives `varies` from runs under those configurations; it refuses what no range can
express: a line whose words change, a different number of lines, or any change under another hash seed.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from snippet_engine.running.cache import write_if_changed
from snippet_engine.running.expected import Variation, _tokens, is_sampled, normalise, numbers, numbers_close
from snippet_engine.running.numerics import Numerics, describe
from snippet_engine.running.source import parse_directives, read_source

RECORDS_FILE = "records.json"


@dataclass
class RecordInfo:
    """One snippet's entry in its chapter's `records.json`.

    Parameters:
        recorded: torch version, CPU capability, threads and hash seed of the run that wrote the `.out`.
        varies: Its varying numbers (`expected.Variation`).
    """

    recorded: dict[str, object] = field(default_factory=dict)
    varies: Variation = field(default_factory=dict)

    def environment(self) -> str:
        """The recording environment in words, e.g. `AVX512 with 1 thread (torch 2.13.0)`."""
        if not self.recorded:
            return "an unrecorded environment"
        threads = int(self.recorded.get("threads", 1))  # type: ignore[call-overload]
        return f"{describe(str(self.recorded.get('cpu', '')), threads)} (torch {self.recorded.get('torch', '?')})"

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"recorded": self.recorded}
        if self.varies:
            data["varies"] = {f"{line}:{n}": list(band) for (line, n), band in sorted(self.varies.items())}
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> RecordInfo:
        varies: Variation = {}
        for key, band in dict(data.get("varies", {})).items():  # type: ignore[call-overload]
            line, n = (int(part) for part in key.split(":"))
            low, high = float(band[0]), float(band[1])
            if line < 1 or n < 1 or not low <= high or len(band) != 2:
                raise ValueError(f"varies {key!r}: {band!r} is not line:n (from 1) -> [low, high]")
            varies[(line, n)] = (low, high)
        return cls(dict(data.get("recorded", {})), varies)  # type: ignore[call-overload]


def records_file(snippet: Path) -> Path:
    """The `records.json` of a snippet's chapter."""
    return snippet.parent / RECORDS_FILE


@functools.lru_cache(maxsize=64)
def _read_records(path: Path, mtime_ns: int, size: int) -> tuple[str, object]:
    """A `records.json`'s text and data, read once per version of the file: a build asks for every snippet's
    entry from both pages, the notebooks and the page memo. (`mtime_ns` and `size` key the version.)

    Raises:
        ValueError: When it is not valid JSON, naming the file and line.
    """
    text = path.read_text(encoding="utf-8")
    try:
        return text, json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None


def entry_line(text: str, name: str) -> int:
    """The line of `records.json` text where the entry of snippet `name` starts (1 when not found)."""
    return next((number for number, row in enumerate(text.splitlines(), 1) if json.dumps(name) in row), 1)


def load_info(snippet: Path) -> RecordInfo:
    """The record information of one snippet (empty when its chapter's file has none).

    Raises:
        ValueError: When `records.json` is not valid JSON, or the snippet's entry is not of the form the module
            docstring gives, naming the file and line.
    """
    path = records_file(snippet)
    if not path.is_file():
        return RecordInfo()
    stat = path.stat()
    text, data = _read_records(path, stat.st_mtime_ns, stat.st_size)
    entry = data.get(snippet.name) if isinstance(data, dict) else None
    if not entry:
        return RecordInfo()
    try:
        return RecordInfo.from_json(entry)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError) as exc:
        raise ValueError(
            f"{path}:{entry_line(text, snippet.name)}: the entry of {snippet.name} is malformed "
            f"({type(exc).__name__}: {exc}); expected "
            '{"recorded": {...}, "varies": {"line:n": [low, high]}}: delete it and run --update'
        ) from None


def save_infos(chapter: Path, infos: dict[str, RecordInfo | None]) -> None:
    """Set (or, for None, remove) entries of a chapter's `records.json`, keeping the others; written atomically.

    Parameters:
        chapter: The chapter's snippet folder.
        infos: Snippet file name -> its information.
    """
    path = chapter / RECORDS_FILE
    data = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    for name, info in infos.items():
        if info is None:
            data.pop(name, None)
        else:
            data[name] = info.to_json()
    existing = {name: entry for name, entry in data.items() if (chapter / name).is_file()}
    if existing:
        # One line per snippet: a re-recorded snippet is a one-line diff.
        body = ",\n".join(f" {json.dumps(name)}: {json.dumps(entry)}" for name, entry in sorted(existing.items()))
        write_if_changed(path, "{\n" + body + "\n}\n")
    else:
        path.unlink(missing_ok=True)


def digits_vary(snippet: Path) -> bool:
    """Whether a snippet's output holds numbers (or sampled text) that differ from machine to machine, so that
    the page and the notebook tell the reader (`render.varies_note`).

    Parameters:
        snippet: The snippet file.
    """
    return bool(load_info(snippet).varies) or bool(parse_directives(read_source(snippet)).sampled)


class NotPortable(ValueError):
    """A snippet whose output changes in a way no range of numbers can express.

    Parameters:
        message: What changed, under which configuration, at which line of the record.
    """


def measure_variation(reference: str, runs: dict[Numerics, str], sampled: tuple[str, ...] = ()) -> Variation:
    """The numbers that move between the reference run and the runs under other numerics, with their ranges.

    Parameters:
        reference: The reference run's output (the record's text).
        runs: Output of the same snippet under each other configuration.
        sampled: The snippet's `sampled=` prefixes: lines of sampled text, whose words may change (except
            under another hash seed alone).

    Returns:
        (line, n) -> (low, high) over all runs, the reference included, for each number that moved
        beyond the usual tolerance in any of them.

    Raises:
        NotPortable: When a run has another number of lines, a line whose words differ, or (under a
            configuration that changes only the hash seed) any difference at all.
    """
    base = normalise(reference).split("\n")
    ranges: dict[tuple[int, int], list[float]] = {}
    for numerics, output in runs.items():
        lines = normalise(output).split("\n")
        spec = numerics.spec()
        only_hash = numerics.isa == "native" and numerics.threads == 1
        if only_hash and lines != base:
            number = next((i for i, (a, b) in enumerate(zip(lines, base, strict=False), 1) if a != b), len(base))
            shown = (
                base[number - 1].strip() if number <= len(base) else "",
                lines[number - 1].strip() if number <= len(lines) else "",
            )
            raise NotPortable(
                f"line {number} of the output changes with the hash seed alone ({spec}): {shown[0]!r} -> {shown[1]!r}; "
                "it depends on Python's hash seed (the order of a set or of a dict built from one, or hash() itself): "
                "sort what you print, or print a conclusion that holds for every order"
            )
        if len(lines) != len(base):
            raise NotPortable(f"{spec} prints {len(lines)} lines where the record has {len(base)}")
        for number, (line, recorded) in enumerate(zip(lines, base, strict=True), 1):
            if (prefix := is_sampled(recorded, sampled)) and line.startswith(prefix):
                continue
            words = [t for t in _tokens(line) if isinstance(t, str)]
            recorded_words = [t for t in _tokens(recorded) if isinstance(t, str)]
            if words != recorded_words:
                raise NotPortable(
                    f"line {number} changes its words under {spec}: {recorded.strip()!r} -> {line.strip()!r} "
                    "(print a conclusion that holds on every CPU, or round what you print)"
                )
            for n, (value, recorded_value) in enumerate(zip(numbers(line), numbers(recorded), strict=True), 1):
                ranges.setdefault((number, n), [recorded_value]).append(value)
    return {
        key: (min(values), max(values))
        for key, values in ranges.items()
        if any(not numbers_close(value, values[0]) for value in values)
    }
