"""The drift report: what another environment (a torch release, another CPU's numerics) does to the records.

`check_snippets.py --report FILE` writes it, in Markdown, per chapter: records that moved, snippets that
now raise a warning (after a torch release, most often a new `FutureWarning` or `DeprecationWarning`),
snippets that fail, and notebooks that fail. The release canary (`.github/workflows/canary.yml`) publishes
it as the job's summary; locally it answers the same question for `--numerics`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from snippet_engine.running.cache import write_atomic


class _Outcome(Protocol):  # checker.Outcome, without importing the checker
    status: str
    details: list[str]

    @property
    def result(self): ...


def classify(outcome: _Outcome) -> str:
    """`passed`, `moved` (drift from the record), `warns` (fails only by a warning it raises) or `fails`."""
    if outcome.status in ("passed", "updated"):
        return "passed"
    if outcome.status == "drift":
        return "moved"
    problems = outcome.result.problems
    if problems and all(problem.kind == "warning" for problem in problems):
        return "warns"
    return "fails"


def _chapter(path: str) -> str:
    parts = path.split("/")
    return parts[1] if len(parts) > 2 else path


def render_report(
    outcomes: Sequence[_Outcome],
    notebooks: Sequence,
    findings: Sequence,
    *,
    torch_version: str,
    numerics: str,
) -> str:
    """The report's Markdown text.

    Parameters:
        outcomes: The checker's verdicts (`checker.Outcome`).
        notebooks: Notebook runs (`notebooks.run.NotebookRun`).
        findings: Consistency findings (`project.Finding`).
        torch_version: The torch this run used.
        numerics: The numerics spec it ran under.
    """
    by_chapter: dict[str, list[tuple[str, _Outcome]]] = defaultdict(list)
    counts = {"passed": 0, "moved": 0, "warns": 0, "fails": 0}
    for outcome in outcomes:
        kind = classify(outcome)
        counts[kind] += 1
        by_chapter[_chapter(outcome.result.path)].append((kind, outcome))
    failed_notebooks = [run for run in notebooks if not run.ok]
    lines = [
        f"# Drift report: torch {torch_version}, numerics {numerics}",
        "",
        f"{len(outcomes)} snippets: {counts['passed']} as recorded, {counts['moved']} records moved, "
        f"{counts['warns']} newly warn, {counts['fails']} fail; "
        f"{len(notebooks)} notebooks run, {len(failed_notebooks)} fail; {len(findings)} consistency problems.",
        "",
    ]
    if not any(counts[kind] for kind in ("moved", "warns", "fails")) and not failed_notebooks and not findings:
        lines.append("Every record holds.")
        return "\n".join(lines) + "\n"
    lines += ["| chapter | snippets | moved | newly warn | fail |", "|---|---|---|---|---|"]
    for chapter, items in sorted(by_chapter.items()):
        kinds = [kind for kind, _ in items]
        if set(kinds) != {"passed"}:
            counted = " | ".join(str(kinds.count(kind)) for kind in ("moved", "warns", "fails"))
            lines.append(f"| {chapter} | {len(items)} | {counted} |")
    titles = {"moved": "Records that moved", "warns": "Snippets that newly warn", "fails": "Snippets that fail"}
    for chapter, items in sorted(by_chapter.items()):
        bad = [(kind, outcome) for kind, outcome in items if kind != "passed"]
        if not bad:
            continue
        lines += ["", f"## {chapter}"]
        for kind in ("moved", "warns", "fails"):
            chosen = [outcome for k, outcome in bad if k == kind]
            if not chosen:
                continue
            lines += ["", f"### {titles[kind]}", ""]
            for outcome in chosen:
                lines += [f"<details><summary><code>{outcome.result.path}</code></summary>", "", "```text"]
                lines += [detail.replace("```", "'''") for detail in outcome.details]
                lines += ["```", "", "</details>"]
    if failed_notebooks:
        lines += ["", "## Notebooks that fail", ""]
        for run in failed_notebooks:
            lines += [
                f"<details><summary><code>{run.path}</code></summary>",
                "",
                "```text",
                run.error,
                "```",
                "",
                "</details>",
            ]
    if findings:
        lines += ["", "## Consistency", ""] + [f"- `{finding}`" for finding in findings]
    return "\n".join(lines) + "\n"


def write_report(
    path: Path, outcomes: Sequence[_Outcome], notebooks: Sequence, findings: Sequence, **info: str
) -> None:
    """Write `render_report`'s text to `path` atomically (keyword arguments as for `render_report`)."""
    text = render_report(outcomes, notebooks, findings, **info)
    write_atomic(path, lambda fh: fh.write(text))


def drift_advice(drifted: int, outcomes: Sequence[_Outcome]) -> str:
    """What the checker says once when records drifted: why it happens and what to do.

    Parameters:
        drifted: How many records drifted.
        outcomes: All verdicts (the first drifted one's environments are quoted).
    """
    first = next(outcome for outcome in outcomes if outcome.status == "drift")
    environments = first.details[0].split(": recorded on ", 1)[-1] if first.details else ""
    return (
        f"\n{drifted} record{'s' if drifted != 1 else ''} drifted ({first.result.path}: recorded on {environments}).\n"
        "The digits of a training run move with the CPU's instruction set (AVX-512, AVX2, ...), the thread "
        "count and the torch version (and an output that changes with the hash seed alone is a snippet that "
        "depends on the order of a set: fix the snippet, no record can hold it). "
        "Each chapter's records.json names the numbers that legitimately vary and "
        "the range measured for them, so a drift past that range means this environment computes something the "
        "records did not foresee. `--update` would rewrite the records with this machine's output and measure "
        "their variation again: commit that only if the new output is right."
    )
