"""Splitting a check into N shards for a CI matrix (`check_snippets.py --shard K/N`).

A shard is a set of whole *chapters*: a chapter's snippets and the notebooks of
the pages that embed them stay together, because a notebook is checked against
the runs of every snippet it holds. Chapters linked by a page that embeds
snippets of both form one unit.

Units are balanced by recorded durations, longest first (the LPT rule: each
unit goes to the shard with the least recorded time so far). The durations live
in the repository (`snippets/durations.json`, rewritten by `--update`), so every
machine of a matrix computes the same split from the same commit; a snippet or
notebook without a recorded duration counts as the median of those recorded.
The N shards are disjoint and together cover the selection.

The cache is content-addressed (one file per result, named by its key), so the
cache directories of N shards copied into one make a cache in which a full
check, or a build, runs nothing again.
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from snippet_engine.running.cache import write_atomic

DURATIONS_FILE = "snippets/durations.json"
"""Recorded seconds per snippet and per notebook, relative to the repository root."""

_SHARD = re.compile(r"(?P<k>\d{1,9})/(?P<n>\d{1,9})")
MAX_SHARDS = 256
"""More shards than this is a typo: the course has a few dozen chapters, and a shard holds whole ones."""


def parse_shard(text: str) -> tuple[int, int]:
    """`"K/N"` as `(K, N)`, with 1 ≤ K ≤ N.

    Raises:
        ValueError: For anything else (argparse shows the message).
    """
    match = _SHARD.fullmatch(text.strip())
    if not match or not 1 <= int(match["k"]) <= int(match["n"]):
        raise ValueError(f"--shard wants K/N with 1 <= K <= N, e.g. 2/4, not {text!r}")
    if int(match["n"]) > MAX_SHARDS:
        raise ValueError(f"--shard: at most {MAX_SHARDS} shards (a shard is one chapter or more), not {match['n']}")
    return int(match["k"]), int(match["n"])


@dataclass
class Durations:
    """Recorded seconds: `snippets` by path relative to `snippets/`, `notebooks` by notebook file name."""

    snippets: dict[str, float]
    notebooks: dict[str, float]

    @classmethod
    def load(cls, root: Path) -> Durations:
        """The durations recorded in the repository at `root` (empty when there are none).

        Raises:
            ValueError: When the file is not the JSON this module writes (names the file).
        """
        path = root / DURATIONS_FILE
        if not path.is_file():
            return cls({}, {})
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                {str(k): float(v) for k, v in data.get("snippets", {}).items()},
                {str(k): float(v) for k, v in data.get("notebooks", {}).items()},
            )
        except (ValueError, AttributeError, TypeError) as exc:
            raise ValueError(f"{DURATIONS_FILE}: not a durations file ({exc}); delete it and run --update") from exc

    def save(self, root: Path) -> None:
        """Write the durations (sorted keys, milliseconds: most snippets take well under 0.1 s)."""
        data = {
            "snippets": {k: round(v, 3) for k, v in sorted(self.snippets.items())},
            "notebooks": {k: round(v, 3) for k, v in sorted(self.notebooks.items())},
        }
        write_atomic(root / DURATIONS_FILE, lambda fh: fh.write(json.dumps(data, indent=1) + "\n"))

    def update(self, snippets: dict[str, float], notebooks: dict[str, float]) -> None:
        """Record new measurements (seconds), replacing the old ones of the same names."""
        self.snippets.update(snippets)
        self.notebooks.update(notebooks)


@dataclass(frozen=True)
class Unit:
    """Chapters that must share a shard, their snippets and the notebooks of their pages.

    Parameters:
        chapters: Chapter folder names (`snippets/<chapter>/`).
        snippets: Paths relative to `snippets/`.
        notebooks: Notebook file names (`<chapter-id>.<locale>.ipynb`).
        seconds: Recorded (or assumed) seconds for all of them.
    """

    chapters: tuple[str, ...]
    snippets: tuple[str, ...]
    notebooks: tuple[str, ...]
    seconds: float


def units(
    snippets: Iterable[str], page_embeds: dict[str, list[str]], durations: Durations, notebooks: bool = True
) -> list[Unit]:
    """The selection's chapters, joined where a page embeds snippets of several, with their recorded seconds.

    Parameters:
        snippets: The selected snippets, relative to `snippets/`.
        page_embeds: Notebook file name -> the snippets its page embeds (every chapter page).
        durations: Recorded seconds.
        notebooks: Whether the notebooks will run (their seconds count).

    Returns:
        The units, in chapter order.
    """
    selected = sorted(set(snippets))
    parent: dict[str, str] = {}

    def find(chapter: str) -> str:
        while parent.setdefault(chapter, chapter) != chapter:
            chapter = parent[chapter]
        return chapter

    for name in selected:
        find(name.split("/", 1)[0])
    for embedded in page_embeds.values():
        chapters = sorted({name.split("/", 1)[0] for name in embedded if name.split("/", 1)[0] in parent})
        for chapter in chapters[1:]:
            parent[find(chapter)] = find(chapters[0])
    known = [*durations.snippets.values()]
    default_snippet = statistics.median(known) if known else 1.0
    known_notebooks = [*durations.notebooks.values()]
    default_notebook = statistics.median(known_notebooks) if known_notebooks else 5.0
    groups: dict[str, list[str]] = {}
    for name in selected:
        groups.setdefault(find(name.split("/", 1)[0]), []).append(name)
    result = []
    for members in groups.values():
        chapters = tuple(sorted({name.split("/", 1)[0] for name in members}))
        member_set = set(members)
        pages = sorted(
            notebook
            for notebook, embedded in page_embeds.items()
            if embedded and set(embedded) <= member_set  # the checker runs it: every snippet is in this unit
        )
        seconds = sum(durations.snippets.get(name, default_snippet) for name in members)
        if notebooks:
            seconds += sum(durations.notebooks.get(notebook, default_notebook) for notebook in pages)
        result.append(Unit(chapters, tuple(members), tuple(pages), seconds))
    return sorted(result, key=lambda unit: unit.chapters)


def assign(all_units: list[Unit], count: int) -> list[list[Unit]]:
    """Split units into `count` shards by the LPT rule: longest first, each to the least-loaded shard.

    Ties go to the lower shard and, between equal units, to the earlier chapter, so the split
    depends only on the units and their seconds.

    Returns:
        `count` lists of units (some empty when there are fewer units than shards).
    """
    shards: list[list[Unit]] = [[] for _ in range(count)]
    loads = [0.0] * count
    for unit in sorted(all_units, key=lambda unit: (-unit.seconds, unit.chapters)):
        index = min(range(count), key=lambda i: (loads[i], i))
        shards[index].append(unit)
        loads[index] += unit.seconds
    return shards


def shard_snippets(
    snippets: list[str],
    page_embeds: dict[str, list[str]],
    durations: Durations,
    k: int,
    n: int,
    notebooks: bool = True,
) -> tuple[list[str], list[float]]:
    """The snippets of shard `k` of `n`, and every shard's recorded seconds (for the report).

    Parameters:
        snippets: The selection, relative to `snippets/`, in the order to keep.
        page_embeds: Notebook file name -> the snippets its page embeds.
        durations: Recorded seconds.
        k: The shard, 1-based.
        n: How many shards.
        notebooks: Whether notebooks run (their seconds count toward the balance).
    """
    shards = assign(units(snippets, page_embeds, durations, notebooks), n)
    mine = {name for unit in shards[k - 1] for name in unit.snippets}
    return [name for name in snippets if name in mine], [sum(unit.seconds for unit in shard) for shard in shards]
