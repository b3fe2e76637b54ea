"""The snippet checker's command line (`scripts/check_snippets.py`).

Runs every selected snippet through the engine in parallel, compares each
output with its `.out` record, checks the pages and snippets for consistency,
then executes the notebook of every chapter whose snippets were all selected
(both languages, nbclient, a fresh kernel each in a temporary directory),
holding each cell to its snippet's record and naming any global state a cell
leaves changed (`notebooks.run`), and ends with a table and a last line
`N passed, N failed`.
"""

from __future__ import annotations

import argparse
import fnmatch
import re
import sys
import time
from pathlib import Path

from tqdm import tqdm

from snippet_engine.checker.judge import Outcome, judge, measure, orphan_records
from snippet_engine.checker.report import drift_advice, write_report
from snippet_engine.checker.summary import table, write_json, write_junit
from snippet_engine.course.project import Finding, Project
from snippet_engine.course.shard import Durations, parse_shard, shard_snippets
from snippet_engine.notebooks.build import chapter_pages, notebook_name, write_notebooks
from snippet_engine.notebooks.run import NotebookRun, run_notebooks
from snippet_engine.running import interrupt, isolation, numerics
from snippet_engine.running.engine import DEVICES, Engine
from snippet_engine.running.result import SnippetResult

REPO_ROOT = Path(__file__).resolve().parents[3]
_TRAINS = re.compile(r"\.step\(")
"""A snippet that trains: an optimizer's (or a scheduler's) `.step()`, `.step(closure)` included."""


def select(snippets: list[Path], paths: list[str], pattern: str | None, root: Path) -> list[Path]:
    """Snippets under any of `paths` (all when empty) whose path matches `pattern`.

    Parameters:
        snippets: Every snippet.
        paths: Files or directories given on the command line.
        pattern: A substring or glob (`-k`).
        root: Repository root, for relative paths.

    Returns:
        The selection, in order.
    """
    chosen = snippets
    if paths:
        targets = [Path(p).resolve() for p in paths]
        chosen = [s for s in chosen if any(s == t or t in s.parents for t in targets)]
    if pattern:
        chosen = [
            s for s in chosen if pattern in (rel := s.relative_to(root).as_posix()) or fnmatch.fnmatch(rel, pattern)
        ]
    return chosen


def relevant_findings(findings: list[Finding], snippets: list[Path], root: Path) -> list[Finding]:
    """The findings about the selected snippets or about pages of their chapters.

    Parameters:
        findings: All consistency findings.
        snippets: The selected snippets.
        root: Repository root.

    Returns:
        The findings a run over this selection should report.
    """
    files = {s.relative_to(root).as_posix() for s in snippets}
    chapters = {s.parent.name for s in snippets}
    return [
        f
        for f in findings
        if f.path in files or (f.path.startswith("docs/") and any(f"/{c}." in f.path for c in chapters))
    ]


def check_notebooks(
    project: Project, snippets: list[Path], outcomes: list[Outcome], engine: Engine, args: argparse.Namespace
) -> list[NotebookRun]:
    """Write, execute and check the notebooks of the chapters whose snippets all ran and matched their records.

    Each notebook runs in a temporary directory; every cell's output is compared
    with its snippet's `.out` record and any global state a cell changes is
    reported by name (`notebooks.run.execute_notebook`).

    Parameters:
        project: The course.
        snippets: The selected snippets.
        outcomes: Their verdicts (a chapter with a failed or drifted snippet has nothing more to learn
            from its notebook, which would fail the same way).
        engine: The engine (its fingerprint keys the record of passed notebooks; kernels
            see the device it was asked for).
        args: The command line.

    Returns:
        One run per notebook.
    """
    by_name = {
        path.relative_to(project.snippets_dir).as_posix(): outcome.result
        for path, outcome in zip(snippets, outcomes, strict=True)
        if outcome.passed
    }
    pages = [page for page in chapter_pages(project) if all(e.snippet in by_name for e in project.embeds(page))]
    selected = {path.relative_to(project.snippets_dir).as_posix() for path in snippets}
    skipped = sorted(
        {
            notebook_name(page)
            for page in chapter_pages(project)
            if page not in pages and all(e.snippet in selected for e in project.embeds(page))
        }
    )
    if skipped:
        print(f"not running {len(skipped)} notebooks, whose chapters' snippets failed or drifted: {', '.join(skipped)}")
    if not pages:
        return []
    written = write_notebooks(project, by_name, project.root / ".cache" / "notebooks", pages)
    cache_root = args.cache_dir or project.root / ".cache"
    progress = tqdm(total=len(written), unit="notebook", file=sys.stderr, mininterval=0.5, dynamic_ncols=True)

    def advance(run: NotebookRun) -> None:
        progress.set_postfix_str(Path(run.path).name, refresh=False)
        progress.update()

    try:
        return run_notebooks(
            written,
            by_name,
            root=project.root,
            fingerprint=engine.fingerprint,
            jobs=engine.jobs,
            timeout=args.notebook_timeout,
            cache_dir=None if args.no_cache else cache_root / "notebook-runs",
            device=engine.requested_device,
            on_done=advance,
        )
    finally:
        progress.close()


def _numerics_argument(text: str) -> numerics.Numerics:
    try:
        parsed = numerics.parse(text)
        parsed.check_available()
    except numerics.NumericsError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return parsed


def _shard_argument(text: str) -> tuple[int, int]:
    try:
        return parse_shard(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def shard_selection(project: Project, snippets: list[Path], args: argparse.Namespace) -> tuple[list[Path], str]:
    """The snippets of shard `args.shard` (see `shard`), and a line describing the split."""
    k, n = args.shard
    page_embeds = {
        notebook_name(page): [embed.snippet for embed in project.embeds(page)] for page in chapter_pages(project)
    }
    names = [path.relative_to(project.snippets_dir).as_posix() for path in snippets]
    mine, loads = shard_snippets(names, page_embeds, Durations.load(project.root), k, n, not args.no_notebooks)
    chosen = [path for path, name in zip(snippets, names, strict=True) if name in set(mine)]
    described = ", ".join(f"{load:.0f}" for load in loads)
    return chosen, f"shard {k}/{n}: {len(chosen)} of {len(snippets)} snippets; recorded seconds per shard: {described}"


def shard_findings(
    findings: list[Finding], selected: list[Path], chosen: list[Path], k: int, root: Path
) -> list[Finding]:
    """The findings shard `k` reports: each finding exactly once over the N shards.

    A finding about a selected snippet or its chapter's pages belongs to that chapter's shard;
    one about anything else (a page without snippets, a snippet outside the selection) to shard 1.
    """
    placed = set(relevant_findings(findings, selected, root))
    mine = relevant_findings(findings, chosen, root) if chosen else []
    if k == 1:
        mine += [finding for finding in findings if finding not in placed]
    return mine


def record_durations(project: Project, outcomes: list[Outcome], notebooks: list[NotebookRun]) -> None:
    """Write this run's seconds into `snippets/durations.json` (with `--update`), for balancing shards."""
    durations = Durations.load(project.root)
    durations.update(
        {outcome.result.path.removeprefix("snippets/"): outcome.result.duration for outcome in outcomes},
        {Path(run.path).name: run.duration for run in notebooks if not run.cached},
    )
    # Forget what no longer exists: a deleted snippet, the notebook of a page without snippets.
    existing = {path.relative_to(project.snippets_dir).as_posix() for path in project.snippets()}
    pages = {notebook_name(page) for page in chapter_pages(project)}
    durations.snippets = {name: seconds for name, seconds in durations.snippets.items() if name in existing}
    durations.notebooks = {name: seconds for name, seconds in durations.notebooks.items() if name in pages}
    durations.save(project.root)


def build_parser() -> argparse.ArgumentParser:
    """The command-line options."""
    parser = argparse.ArgumentParser(
        prog="check_snippets.py",
        description="Run every course snippet, compare with its .out record, and check pages and snippets agree.",
    )
    parser.add_argument("paths", nargs="*", help="snippet files or directories to run (default: all)")
    parser.add_argument("-k", dest="pattern", help="only snippets whose path contains this text or matches this glob")
    parser.add_argument(
        "--training",
        action="store_true",
        help="only snippets that train (call .step()): the ones whose digits move most with the numerics",
    )
    parser.add_argument("-j", "--jobs", type=int, default=None, help="snippets run in parallel (default: CPU count)")
    parser.add_argument("--no-cache", action="store_true", help="run every snippet even if a cached result exists")
    parser.add_argument("--update", action="store_true", help="rewrite the .out records from this run (CPU only)")
    parser.add_argument("--device", choices=DEVICES, default="auto", help="device to run on (default: best available)")
    parser.add_argument(
        "--no-notebooks", action="store_true", help="do not execute the chapter notebooks (they run by default)"
    )
    parser.add_argument("--notebook-timeout", type=float, default=600, help="seconds per notebook cell (default 600)")
    parser.add_argument(
        "--shard",
        type=_shard_argument,
        metavar="K/N",
        help="check only shard K of N: whole chapters, balanced by the durations in snippets/durations.json",
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        help="keep results here instead of .cache/ (snippets/ and notebook-runs/ inside it; merge shards by copying)",
    )
    parser.add_argument(
        "--numerics",
        type=_numerics_argument,
        default=numerics.REFERENCE,
        metavar="SPEC",
        help="run under another CPU's numerics, compared with the records: native (default), or items of "
        "isa=avx512|avx2|sse, threads=N, hash-seed=N joined by commas, e.g. isa=sse,threads=2",
    )
    parser.add_argument(
        "--report",
        type=Path,
        metavar="FILE",
        help="write a Markdown drift report per chapter here (records that moved, new warnings, failures)",
    )
    parser.add_argument("--json", type=Path, help="write a JSON report here")
    parser.add_argument("--junit", type=Path, help="write a JUnit XML report here")
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the checker.

    Parameters:
        argv: Arguments (default: `sys.argv[1:]`).

    Returns:
        The exit status: 0 when everything passed, 1 otherwise, 2 for bad arguments.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    interrupt.install()  # Ctrl-C: every process ended, one line, status 130
    if args.update and not args.numerics.is_reference:
        parser.error("--update writes records under the reference numerics: drop --numerics")
    root = args.root.resolve()
    project = Project(root)
    start = time.perf_counter()
    selected = select(project.snippets(), args.paths, args.pattern, root)
    if args.training:
        selected = [path for path in selected if _TRAINS.search(path.read_text(encoding="utf-8"))]
    if not selected and (args.paths or args.pattern or args.training):
        print("no snippet matches the selection", file=sys.stderr)
        return 2
    snippets, shard_line = selected, ""
    if args.shard:
        snippets, shard_line = shard_selection(project, selected, args)
        print(shard_line, file=sys.stderr)
    cache_dir = args.cache_dir / "snippets" if args.cache_dir else None
    engine = Engine(
        root,
        jobs=args.jobs,
        device=args.device,
        use_cache=not args.no_cache,
        cache_dir=cache_dir,
        numerics=args.numerics,
    )
    if not args.numerics.is_reference:
        print(f"numerics: {args.numerics.spec()} (records are compared, never written)", file=sys.stderr)
    engine.warm_up(snippets)  # the workers' start-up overlaps the consistency pass
    findings = project.check() + orphan_records(project)
    if args.paths or args.pattern or args.training:
        findings = relevant_findings(findings, selected, root)
    if args.shard:
        findings = shard_findings(findings, selected, snippets, args.shard[0], root)
    if (reason := isolation.probe()) is not None:
        print(isolation.unavailable_message(reason), file=sys.stderr)
    progress = tqdm(total=len(snippets), unit="snippet", file=sys.stderr, mininterval=0.5, dynamic_ncols=True)

    def advance(result: SnippetResult) -> None:
        progress.set_postfix_str(result.path.removeprefix("snippets/"), refresh=False)
        progress.update()

    try:
        results = engine.run_many(snippets, on_result=advance)
    finally:
        progress.close()
        engine.close()
    torch_version = engine.fingerprint.get("torch", "")
    outcomes = [
        judge(path, result, update=args.update, torch_version=torch_version, hash_seed=args.numerics.hash_seed)
        for path, result in zip(snippets, results, strict=False)
    ]
    if args.update:
        outcomes = measure(snippets, outcomes, engine, args)
    notebooks: list[NotebookRun] = []
    if not args.no_notebooks and not findings:
        notebooks = check_notebooks(project, snippets, outcomes, engine, args)
    elapsed = time.perf_counter() - start
    if args.update:
        record_durations(project, outcomes, notebooks)

    for outcome in outcomes:
        if not outcome.passed:
            print(f"\n=== {outcome.result.path}: {outcome.status}")
            print("\n".join(outcome.details))
    if findings:
        print("\n=== consistency")
        print("\n".join(str(f) for f in findings))
    for run in notebooks:
        if not run.ok:
            count = len(run.problems)
            print(f"\n=== {run.path}: notebook failed" + (f" ({count} problems)" if count > 1 else ""))
            print(run.error)
    print()
    print(table(outcomes, findings, notebooks))
    if args.json:
        write_json(args.json, outcomes, findings, notebooks)
    if args.report:
        write_report(
            args.report, outcomes, notebooks, findings, torch_version=torch_version, numerics=args.numerics.spec()
        )
    if args.junit:
        write_junit(args.junit, outcomes, findings, elapsed, notebooks)
    passed = sum(o.passed for o in outcomes) + sum(n.ok for n in notebooks)
    failed = len(outcomes) + len(notebooks) - passed + len(findings)
    updated = sum(o.status == "updated" for o in outcomes)
    cached = sum(o.result.cached for o in outcomes)
    summary = f"{len(outcomes)} snippets in {elapsed:.1f} s ({cached} cached, {updated} records updated)"
    summary += f", {len(notebooks)} notebooks ({sum(n.cached for n in notebooks)} cached)"
    print(f"\n{summary}, {len(findings)} consistency problems")
    drifted = sum(o.status == "drift" for o in outcomes)
    if drifted:
        print(drift_advice(drifted, outcomes))
    if shard_line:
        print(shard_line)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0
