"""Shared fixtures: the engine package on sys.path, one warm engine per session, the built site."""

import os
import subprocess
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


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The built site: `SITE_DIR`, else `site/` when built, else a fresh build."""
    if os.environ.get("SITE_DIR"):
        path = Path(os.environ["SITE_DIR"]).resolve()
        if not (path / "index.html").is_file():
            pytest.fail(f"SITE_DIR={path} holds no index.html: build the site into it first")
        return path
    path = REPO_ROOT / "site"
    if (path / "index.html").is_file():
        return path
    path = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-d", str(path)],
        cwd=REPO_ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )
    return path


def read_html(path: Path) -> str:
    """A built page as tests read it: parsed by lexbor and serialized again.

    The site is minified (`site.hooks.minify`): attributes lose their quotes and are sorted.
    Serialized, every attribute is double-quoted (`rel="edit"`), so a test that looks for one,
    or asserts one is absent, reads the page as a browser builds it, not as minify-html spelled it.
    """
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser(path.read_text(encoding="utf-8")).html


def parse_html(path: Path):
    """A built page parsed by lexbor (selectolax's `LexborHTMLParser`), for CSS-selector assertions."""
    from selectolax.lexbor import LexborHTMLParser

    return LexborHTMLParser(path.read_text(encoding="utf-8"))


def pytest_collection_modifyitems(config, items):
    """Mark the tests that need the built site `site` (CI runs them after the build: `-m site`)."""
    for item in items:
        if "site_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.site)
