"""A snippet's run judged against its `.out` record: passed, updated, failed, drift or no record.

`judge` compares one run with its record (rewriting it under `--update`); `measure`, after an
update, runs the recorded snippets under the other CPUs' numerics (`numerics.MEASURED`) and writes
each chapter's `records.json`: the environment that wrote a record and the numbers that vary.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from snippet_engine.course.project import Finding, Project
from snippet_engine.running import numerics
from snippet_engine.running.cache import write_atomic
from snippet_engine.running.engine import Engine
from snippet_engine.running.expected import explain_mismatch, normalise, numbers, output_diff, outputs_match
from snippet_engine.running.records import (
    RECORDS_FILE,
    NotPortable,
    RecordInfo,
    entry_line,
    load_info,
    measure_variation,
    records_file,
    save_infos,
)
from snippet_engine.running.result import SnippetResult
from snippet_engine.running.source import parse_directives, read_source

REPO_ROOT = Path(__file__).resolve().parents[3]


@dataclass
class Outcome:
    """A snippet's verdict: its run plus the comparison with its record.

    Parameters:
        result: The engine's result.
        status: `passed`, `updated`, `failed`, `drift` or `no-record`.
        details: Lines explaining a failure.
        previous: With `--update`, the record's text before this run rewrote it (None: there was none), so that
            a record the measurement then refuses is put back as it was.
    """

    result: SnippetResult
    status: str
    details: list[str] = field(default_factory=list)
    previous: str | None = None

    @property
    def passed(self) -> bool:
        return self.status in ("passed", "updated")


def record_path(snippet: Path) -> Path:
    """The `.out` file beside a snippet."""
    return snippet.with_suffix(".out")


def judge(
    snippet: Path, result: SnippetResult, *, update: bool, torch_version: str = "", hash_seed: int = 0
) -> Outcome:
    """Compare a run with its record (or rewrite the record with `update`).

    Parameters:
        snippet: The snippet file.
        result: Its run.
        update: Rewrite the `.out` from this run instead of comparing.
        torch_version: The torch the run used, for the drift message.
        hash_seed: The run's `PYTHONHASHSEED`, for the drift message.

    Returns:
        The verdict.
    """
    if not result.ok:
        details = result.error_lines()
        if result.traceback:
            details += ["", result.traceback.rstrip()]
        return Outcome(result, "failed", details)
    directives = parse_directives(read_source(snippet))
    mode = directives.output
    record = record_path(snippet)
    if update:
        if result.device != "cpu":
            return Outcome(
                result, "failed", [f"{result.path}: records hold CPU output; run --update with --device cpu"]
            )
        if (
            mode == "varies"
            and record.exists()
            and outputs_match(result.output, record.read_text(encoding="utf-8"), mode)
        ):
            return Outcome(result, "passed")  # timings: new digits are no news, and rewriting them is churn
        previous = record.read_text(encoding="utf-8") if record.exists() else None
        if previous != result.output:
            write_atomic(record, lambda fh: fh.write(result.output))  # Ctrl-C never leaves half a record
            return Outcome(result, "updated", previous=previous)
        return Outcome(result, "passed")
    if not record.exists():
        return Outcome(result, "no-record", [f"{result.path}: no {record.name}; run with --update to record it"])
    if mode == "device" and result.device != "cpu":
        return Outcome(result, "passed")
    recorded = record.read_text(encoding="utf-8")
    try:
        info = load_info(snippet)
    except ValueError as exc:
        return Outcome(result, "failed", [str(exc)])
    if not info.recorded and records_file(snippet).is_file():
        # The chapter's records are measured, but not this one: written by hand, or by an --update that failed.
        return Outcome(
            result,
            "no-record",
            [f"{result.path}: no entry in {records_file(snippet).name} beside it; run with --update to measure it"],
        )
    lines = normalise(recorded).split("\n")
    for line, n in info.varies:
        if line > len(lines) or n > len(numbers(lines[line - 1])):
            return Outcome(
                result,
                "failed",
                [
                    f"{records_file(snippet)}: {snippet.name}'s varies names number {n} of line {line}, which the "
                    f"record does not have; run with --update to measure it again"
                ],
            )
    if outputs_match(result.output, recorded, mode, info.varies, directives.sampled):
        return Outcome(result, "passed")
    rel_record = record.relative_to(REPO_ROOT).as_posix() if record.is_relative_to(REPO_ROOT) else str(record)
    this_run = result.environment + (f" (torch {torch_version}, hash seed {hash_seed})" if torch_version else "")
    return Outcome(
        result,
        "drift",
        [
            f"{result.path}: output differs from {rel_record}: recorded on {info.environment()}, this run {this_run}",
            *explain_mismatch(result.output, recorded, info.varies),
            output_diff(result.output, recorded, rel_record),
        ],
    )


def _unportable(runs: dict[numerics.Numerics, str], outcome: Outcome, sampled: tuple[str, ...]) -> bool:
    """Whether the runs so far already make a snippet `not-portable` (`records.measure_variation` raises)."""
    try:
        measure_variation(outcome.result.output, runs, sampled)
    except NotPortable:
        return True
    return False


def measure(snippets: list[Path], outcomes: list[Outcome], engine: Engine, args: argparse.Namespace) -> list[Outcome]:
    """After `--update`: run the recorded snippets under `numerics.MEASURED` and write their `records.json`.

    Each chapter's `records.json` gets, per snippet, the environment that wrote its record and the numbers
    that moved under the other configurations, with their measured ranges (`records.measure_variation`).
    A snippet whose output moves in a way no range can express fails as `not-portable`.

    Parameters:
        snippets: The snippets just run under the reference numerics.
        outcomes: Their verdicts (records already rewritten).
        engine: The reference engine (for its jobs, device and cache).
        args: The command line.

    Returns:
        The verdicts, with `not-portable` ones replacing those that failed the measurement.
    """
    recorded = {
        path: outcome
        for path, outcome in zip(snippets, outcomes, strict=True)
        if outcome.passed and parse_directives(read_source(path)).output != "varies"
    }
    configurations = []
    for candidate in numerics.MEASURED:
        try:
            candidate.check_available()
        except numerics.NumericsError as exc:
            print(f"measuring without {candidate.spec()}: {exc}", file=sys.stderr)
            continue
        configurations.append(candidate)
    runs: dict[Path, dict[numerics.Numerics, str]] = {path: {} for path in recorded}
    sampled = {path: parse_directives(read_source(path)).sampled for path in recorded}
    failures: dict[Path, list[str]] = {}
    for path, outcome in recorded.items():  # a stale `sampled=` directive excuses nothing: refuse it before any run
        lines = outcome.result.output.splitlines()
        for prefix in sampled[path]:
            if not any(line.startswith(prefix) for line in lines):
                failures.setdefault(path, []).append(
                    f"{outcome.result.path}: not portable: sampled={prefix}: no line of the output starts with it"
                )
    for configuration in configurations:
        # A snippet already known to be unportable (first of all by the hash-seed run, which comes first) is not
        # run again: its verdict cannot change.
        pending = [
            path
            for path in recorded
            if path not in failures and not _unportable(runs[path], recorded[path], sampled[path])
        ]
        if not pending:
            break
        other = Engine(
            engine.repo_root,
            jobs=max(1, engine.jobs // configuration.threads),
            device="cpu",
            use_cache=not args.no_cache,
            cache_dir=engine.cache.directory,
            numerics=configuration,
        )
        progress = tqdm(
            total=len(pending),
            unit="snippet",
            file=sys.stderr,
            mininterval=0.5,
            dynamic_ncols=True,
            desc=f"measuring {configuration.spec()}",
        )
        try:
            for path, result in zip(
                pending, other.run_many(pending, on_result=lambda _, bar=progress: bar.update()), strict=True
            ):
                if result.ok:
                    runs[path][configuration] = result.output
                else:
                    failures.setdefault(path, []).extend(
                        f"under {configuration.spec()}: {line}" for line in result.error_lines()
                    )
        finally:
            progress.close()
            other.close()
    torch_version = engine.fingerprint.get("torch", "")
    by_chapter: dict[Path, dict[str, RecordInfo | None]] = {}
    verdicts = dict(zip(snippets, outcomes, strict=True))
    for path, outcome in recorded.items():
        result = outcome.result
        info = RecordInfo(
            {"torch": torch_version, "cpu": result.cpu_capability, "threads": result.threads, "hash_seed": 0}
        )
        if path in failures:
            verdicts[path] = Outcome(result, "not-portable", failures[path])
            continue
        try:
            info.varies = measure_variation(result.output, runs[path], sampled[path])
        except NotPortable as exc:
            verdicts[path] = Outcome(result, "not-portable", [f"{result.path}: not portable: {exc}"])
            continue
        by_chapter.setdefault(path.parent, {})[path.name] = info
    for path, outcome in zip(snippets, outcomes, strict=True):
        if path not in recorded and outcome.passed:  # output=varies: the environment only
            info = RecordInfo(
                {
                    "torch": torch_version,
                    "cpu": outcome.result.cpu_capability,
                    "threads": outcome.result.threads,
                    "hash_seed": 0,
                }
            )
            by_chapter.setdefault(path.parent, {})[path.name] = info
    for chapter, infos in by_chapter.items():
        save_infos(chapter, infos)
    # A record the measurement refused is put back as it was: it must not pass a later check unmeasured.
    for path, outcome in zip(snippets, outcomes, strict=True):
        if verdicts[path].status == "not-portable" and outcome.status == "updated":
            if outcome.previous is None:
                record_path(path).unlink(missing_ok=True)
            else:
                write_atomic(record_path(path), lambda fh, text=outcome.previous: fh.write(text))
    return [verdicts[path] for path in snippets]


def orphan_records(project: Project) -> list[Finding]:
    """Entries of a chapter's `records.json` whose snippet does not exist (deleted or renamed).

    Parameters:
        project: The course.

    Returns:
        One finding per orphan entry, at its line of `records.json`; one for a file that cannot be read.
    """
    findings = []
    for path in sorted(project.snippets_dir.glob(f"*/{RECORDS_FILE}")):
        rel = path.relative_to(project.root).as_posix()
        text = path.read_text(encoding="utf-8")
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            findings.append(Finding(rel, exc.lineno, f"not valid JSON: {exc.msg}"))
            continue
        if not isinstance(data, dict):
            findings.append(Finding(rel, 1, "must be a JSON object: snippet file name -> its entry"))
            continue
        for name in data:
            if not (path.parent / name).is_file():
                findings.append(
                    Finding(
                        rel,
                        entry_line(text, name),
                        f"entry for {name}, which does not exist: run --update on the chapter",
                    )
                )
    return findings
