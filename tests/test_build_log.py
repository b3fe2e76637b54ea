"""A build prints news only: the known noise of jieba, mkdocs-static-i18n and MkDocs is dropped, nothing else."""

import logging

from test_frontends import run_build

from minirepo import make_repo
from snippet_engine.site.build_log import DropNoise


def record(name, message, level=logging.INFO):
    return logging.LogRecord(name, level, __file__, 1, message, None, None)


def test_the_filter_drops_exactly_the_known_noise():
    keep = DropNoise().filter
    assert not keep(record("mkdocs.commands.build", "Template skipped: 'sitemap.xml' generated empty output."))
    assert not keep(
        record(
            "mkdocs.plugins.mkdocs_static_i18n.reconfigure",
            "mkdocs_static_i18n: Overriding 'en' config 'theme.palette' with '[{...}]'",
        )
    )
    # Another template skipped, a warning, and i18n's own progress are news.
    assert keep(record("mkdocs.commands.build", "Template skipped: 'main.html' generated empty output."))
    assert keep(record("mkdocs.commands.build", "Template skipped: 'sitemap.xml' generated empty output.", 30))
    assert keep(record("mkdocs.plugins.mkdocs_static_i18n.plugin", "mkdocs_static_i18n: Building 'en' documentation"))


def test_a_cold_build_prints_no_noise_and_says_what_it_runs(tmp_path):
    repo = make_repo(tmp_path / "repo")
    done = run_build(repo)
    assert done.returncode == 0, done.stderr
    output = done.stdout + done.stderr
    for noise in ("Building prefix dict", "Loading model", "palette", "Template skipped", "Overriding"):
        assert noise not in output, output
    assert "running 1 snippet" in output and "Documentation built" in output
