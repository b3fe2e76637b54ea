"""Shared fixtures: the engine package on sys.path and one warm engine per session."""

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
FIXTURES = REPO_ROOT / "tests" / "fixtures" / "snippets"
sys.path.insert(0, str(REPO_ROOT / "scripts"))

from snippet_engine import Engine  # noqa: E402


@pytest.fixture(scope="session")
def engine(tmp_path_factory):
    """One worker, so that consecutive snippets share it (proves isolation); no cache reads."""
    engine = Engine(REPO_ROOT, jobs=1, use_cache=False, cache_dir=tmp_path_factory.mktemp("cache"))
    yield engine
    engine.close()


@pytest.fixture
def run(engine):
    """Run a fixture snippet by file name."""

    def run_fixture(name):
        return engine.run(FIXTURES / name)

    return run_fixture
