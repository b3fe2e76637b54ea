"""A check's results as a maintainer reads them: the final table, a JSON report, JUnit XML."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

from snippet_engine.checker.judge import Outcome
from snippet_engine.course.project import Finding
from snippet_engine.notebooks.run import NotebookRun


def table(outcomes: list[Outcome], findings: list[Finding], notebooks: list[NotebookRun] = ()) -> str:
    """The table the checker ends with: snippet, status, seconds, device; then the findings and notebooks."""
    rows = [
        (
            o.result.path,
            o.status,
            f"{o.result.duration:.2f}",
            o.result.device + (" (cached)" if o.result.cached else ""),
        )
        for o in outcomes
    ]
    rows += [(f"{f.path}:{f.line}", "failed", "-", "consistency") for f in findings]
    rows += [
        (n.path, "passed" if n.ok else "failed", f"{n.duration:.2f}", "notebook" + (" (cached)" if n.cached else ""))
        for n in notebooks
    ]
    header = ("snippet", "status", "seconds", "device")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [line.format(*header), line.format(*("-" * w for w in widths))]
    out += [line.format(*row) for row in rows]
    return "\n".join(out)


def write_json(path: Path, outcomes: list[Outcome], findings: list[Finding], notebooks: list[NotebookRun] = ()) -> None:
    """A machine-readable report."""
    data = {
        "snippets": [
            {
                "path": o.result.path,
                "status": o.status,
                "seconds": o.result.duration,
                "device": o.result.device,
                "cached": o.result.cached,
                "details": o.details,
            }
            for o in outcomes
        ],
        "consistency": [{"path": f.path, "line": f.line, "message": f.message} for f in findings],
        "notebooks": [
            {
                "path": n.path,
                "ok": n.ok,
                "seconds": n.duration,
                "cached": n.cached,
                "error": n.error,
                "problems": n.problems,
            }
            for n in notebooks
        ],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")


def write_junit(
    path: Path, outcomes: list[Outcome], findings: list[Finding], elapsed: float, notebooks: list[NotebookRun] = ()
) -> None:
    """A JUnit XML report (one test case per snippet, per finding and per notebook)."""
    failures = sum(not o.passed for o in outcomes) + len(findings) + sum(not n.ok for n in notebooks)
    suite = ElementTree.Element(
        "testsuite",
        name="snippets",
        tests=str(len(outcomes) + len(findings) + len(notebooks)),
        failures=str(failures),
        time=f"{elapsed:.2f}",
    )
    for o in outcomes:
        case = ElementTree.SubElement(
            suite, "testcase", classname="snippets", name=o.result.path, time=f"{o.result.duration:.3f}"
        )
        if not o.passed:
            failure = ElementTree.SubElement(case, "failure", message=o.status)
            failure.text = "\n".join(o.details)
    for f in findings:
        case = ElementTree.SubElement(suite, "testcase", classname="consistency", name=f"{f.path}:{f.line}")
        ElementTree.SubElement(case, "failure", message=f.message).text = str(f)
    for n in notebooks:
        case = ElementTree.SubElement(suite, "testcase", classname="notebooks", name=n.path, time=f"{n.duration:.3f}")
        if not n.ok:
            ElementTree.SubElement(case, "failure", message="notebook failed").text = n.error
    path.parent.mkdir(parents=True, exist_ok=True)
    ElementTree.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)
