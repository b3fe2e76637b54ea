"""The engine's error policy: one fixture snippet per failure mode it promises to catch."""

import base64

import pytest

from conftest import FIXTURES
from snippet_engine.output.render import render_result
from snippet_engine.running import isolation

REL = "tests/fixtures/snippets"


def only_problem(result):
    assert len(result.problems) == 1, result.problems
    return result.problems[0]


def test_successful_run_captures_output_device_and_duration(run):
    result = run("reads_default_dtype.py")
    assert result.ok
    assert result.output == "torch.float32\ntorch.float32\n"
    assert result.device == "cpu"
    assert 0 < result.duration < 10


def test_raised_exception_names_file_and_line(run):
    result = run("raises.py")
    problem = only_problem(result)
    assert (problem.kind, problem.line, problem.message) == ("exception", 4, "ValueError: boom with 2")
    assert result.error_lines() == [f"{REL}/raises.py:4: exception: ValueError: boom with 2"]
    assert f'File "{REL}/raises.py", line 4, in <module>' in result.traceback
    assert "snippet_engine" not in result.traceback  # engine frames are hidden
    assert result.output.endswith("ValueError: boom with 2\n")


def test_sys_exit_nonzero_fails_with_status_and_line(run):
    result = run("exits_3.py")
    problem = only_problem(result)
    assert (problem.kind, problem.message, problem.line) == ("exit-status", "exited with status 3", 4)
    assert result.exit_code == 3
    assert result.output == "about to exit\n"


def test_sys_exit_zero_is_success(run):
    result = run("exits_0.py")
    assert result.ok and result.output == "clean exit\n"


def test_infinite_loop_times_out_at_its_line(run):
    result = run("infinite_loop.py")
    problem = only_problem(result)
    assert problem.kind == "timeout"
    assert problem.message == "did not finish within 2 s (killed)"
    assert problem.line in (3, 4)
    assert result.duration < 10


def test_hard_crash_is_reported_with_signal_and_line(run):
    result = run("aborts.py")
    problem = only_problem(result)
    assert (problem.kind, problem.message, problem.line) == ("crash", "the process crashed (SIGABRT)", 4)
    assert result.output == "before abort\n"


def test_deprecation_warning_fails_at_its_line(run):
    result = run("deprecation.py")
    problem = only_problem(result)
    assert (problem.kind, problem.line) == ("warning", 4)
    assert problem.message == "DeprecationWarning: this API is going away"
    assert result.output.startswith("start\n") and result.output.endswith("end\n")


def test_torch_deprecation_is_caught(run):
    result = run("torch_deprecation.py")
    problem = only_problem(result)
    assert (problem.kind, problem.line) == ("warning", 4)
    assert problem.message.startswith("UserWarning: TypedStorage is deprecated")


def test_declared_warning_is_allowed(run):
    result = run("expected_warning.py")
    assert result.ok, result.problems
    assert "UserWarning: the lesson is this warning" in result.output


def test_declared_exception_is_allowed_and_shown(run):
    result = run("expected_exception.py")
    assert result.ok, result.problems
    assert "RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)" in result.output


def test_missing_cjk_glyph_fails_at_plt_show(run):
    result = run("cjk_glyph.py")
    assert result.problems, "a chart with glyphs missing from the font must fail"
    assert {p.kind for p in result.problems} == {"warning"}
    assert all(p.line == 5 for p in result.problems)
    assert all("missing from font" in p.message for p in result.problems)


def test_network_attempt_fails_even_when_caught(run):
    result = run("network.py")
    problem = only_problem(result)
    assert (problem.kind, problem.line) == ("network", 4)
    assert "example.org" in problem.message
    assert result.output == "caught: NetworkAccessError\n"


def test_global_torch_state_does_not_leak_to_the_next_snippet_and_is_named(run):
    first = run("sets_default_dtype.py")
    assert first.output == "torch.float64\n"
    # Harmless in a script, but a chapter notebook runs every snippet in one kernel: the engine names it.
    problem = only_problem(first)
    assert (problem.kind, problem.line) == ("global-state", 3)
    assert "default dtype" in problem.message
    second = run("reads_default_dtype.py")  # same single worker
    assert second.ok and second.output == "torch.float32\ntorch.float32\n"


def test_print_options_left_changed_are_named_and_restored_ones_are_not(run):
    changed = run("sets_print_options.py")
    assert [(p.kind, p.line) for p in changed.problems] == [("global-state", 4)]
    assert "print options" in changed.problems[0].message
    restored = run("restores_print_options.py")
    assert restored.ok, restored.problems


def test_script_tag_renders_as_text(run):
    result = run("prints_script_tag.py")
    html = render_result(result, "en")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in html
    assert "<script>" not in html and "<b>" not in html
    assert '<div class="snippet-result" data-search-exclude>' in html  # outputs stay out of the search index


def test_huge_output_is_truncated_with_a_note(run):
    result = run("huge_output.py")
    assert result.ok
    assert result.output_bytes == 10_000_000
    assert result.truncated
    assert 0 < len(result.output) <= 200_000 and result.output.endswith("x\n")
    html = render_result(result, "en")
    assert "Output too long: 10,000,000 bytes in all" in html
    assert "输出过长" in render_result(result, "zh")


def test_stdout_and_stderr_interleave_in_write_order(run):
    result = run("interleaved.py")
    assert result.output == "1 stdout\n2 stderr\n3 fd-level stdout\n4 stdout\n"


def test_figures_are_captured_reproducibly(engine):
    first = engine.run(FIXTURES / "chart.py")
    engine._memo.clear()
    second = engine.run(FIXTURES / "chart.py")
    assert first.ok and len(first.figures) == 1
    png = base64.b64decode(first.figures[0].png_base64)
    assert png.startswith(b"\x89PNG")
    width, height = first.figures[0].width, first.figures[0].height
    assert 300 < width < 440 and 220 < height < 340  # a 4x3 inch figure, boxed tightly around its content
    assert first.figures[0].png_base64 == second.figures[0].png_base64
    html = render_result(first, "zh")
    assert 'alt="图表：random walk（x 轴：step，y 轴：-）"' in html and "运行设备：CPU" in html
    assert 'alt="Chart: random walk (x: step, y: -)"' in render_result(first, "en")


def test_figure_never_shown_is_an_error(run):
    result = run("unshown_figure.py")
    problem = only_problem(result)
    assert (problem.kind, problem.line) == ("unclosed-figure", 3)


def test_repository_files_read_are_recorded(run):
    result = run("reads_data.py")
    assert result.ok and result.output == "3 words\n"
    assert list(result.reads) == [f"{REL}/words.txt"]


@pytest.mark.parametrize(("name", "line"), [("network_child.py", 16), ("network_spawn.py", 17), ("network_fork.py", 5)])
def test_network_attempt_from_a_started_process_is_blocked_and_named(run, name, line):
    """The guard covers the snippet's whole process tree, not only its own Python process."""
    if (reason := isolation.probe()) is not None:
        pytest.fail(f"this machine allows no network isolation ({reason}): the engine cannot keep its promise here")
    result = run(name)
    assert "blocked" in result.output and "connected" not in result.output
    problem = only_problem(result)
    assert (problem.kind, problem.line) == ("network", line)
    assert "tried to reach the network" in problem.message


def test_snippet_cannot_change_the_repository(run):
    """Python-level writes are refused at their line; C-level writes (torch.save) hit a read-only mount."""
    python = run("writes_next_to_file_python.py")
    assert python.output == "refused: RepositoryWriteError\nleft behind: False\n"
    problem = only_problem(python)
    assert (problem.kind, problem.line) == ("repository-write", 5)
    assert problem.message == f"tried to change {REL}/notes.txt in the repository"
    native = run("writes_next_to_file.py")
    problem = only_problem(native)
    assert (problem.kind, problem.line) == ("exception", 6)
    assert "Read-only file system" in native.output or "repository" in problem.message
    assert not (FIXTURES / "weights.pt").exists() and not (FIXTURES / "notes.txt").exists()


def test_relative_paths_land_in_the_temporary_working_directory(run):
    result = run("writes_relative.py")
    assert result.ok, result.problems
    assert result.output == "saved in the working directory: True\n"
    assert not (FIXTURES / "weights.pt").exists() and not (FIXTURES.parents[2] / "weights.pt").exists()


def test_a_chart_says_what_it_shows_or_fails(run):
    """The figure's title and axis labels are kept (for its alt text); a chart without any title fails."""
    titled = run("chart.py")
    (figure,) = titled.figures
    assert (figure.title, figure.axes, figure.line) == ("", (("random walk", "step", ""),), 11)
    untitled = run("untitled_chart.py")
    assert [(p.kind, p.line) for p in untitled.problems] == [("untitled-figure", 6)]


def test_alt_text_says_what_each_subplot_shows():
    from snippet_engine.output.render import alt_text
    from snippet_engine.running.result import Figure

    figure = Figure("", 10, 10, "Training", (("loss vs epoch", "epoch", "loss"), ("accuracy", "epoch", "")))
    assert alt_text(figure, "en") == "Chart: Training; loss vs epoch (x: epoch, y: loss); accuracy (x: epoch, y: -)"
    assert alt_text(figure, "zh") == (
        "图表：Training；loss vs epoch（x 轴：epoch，y 轴：loss）；accuracy（x 轴：epoch，y 轴：-）"
    )


def test_warm_up_starts_workers_only_for_snippets_that_will_run(tmp_path):
    from conftest import FIXTURES, REPO_ROOT
    from snippet_engine import Engine

    engine = Engine(REPO_ROOT, jobs=2, cache_dir=tmp_path / "cache")
    try:
        snippet = FIXTURES / "exits_0.py"  # passes, so its result is cached
        assert engine.warm_up([snippet]) == 1
        assert engine.pool._started == 1  # one snippet to run: one worker, started in the background
        engine.run(snippet)
        engine.close()
        engine = Engine(REPO_ROOT, jobs=2, cache_dir=tmp_path / "cache")
        assert engine.warm_up([snippet]) == 0 and engine._pool is None  # all cached: no worker at all
    finally:
        engine.close()


def test_a_second_worker_is_forked_from_the_first_and_both_end_with_the_pool(tmp_path):
    """`start(2)` starts one worker that imports torch and forks its sibling once warm (no second import);
    both serve snippets, and closing the pool ends them all."""
    import os
    import time

    from conftest import REPO_ROOT
    from snippet_engine import Engine
    from snippet_engine.running.pool import _Sibling, _Worker

    engine = Engine(REPO_ROOT, jobs=2, use_cache=False, cache_dir=tmp_path / "cache")
    try:
        engine.pool.start(2)
        root, sibling = engine.pool._all
        assert (type(root), type(sibling)) == (_Worker, _Sibling)
        results = engine.run_many([FIXTURES / "exits_0.py", FIXTURES / "bom.py", FIXTURES / "interleaved.py"])
        assert all(not result.error_lines() for result in results)
        assert root.pid is not None and sibling.pid is not None and root.pid != sibling.pid  # both served
        assert _stat(sibling.pid)[1] == str(root.pid)  # the sibling's parent is the first worker
    finally:
        engine.close()
    deadline = time.monotonic() + 10
    alive = [root.pid, sibling.pid]
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in alive if os.path.exists(f"/proc/{pid}") and _stat(pid)[0] != "Z"]
        time.sleep(0.05)
    assert alive == []


def _stat(pid):
    """(state, parent pid) of a process, from /proc; ("Z", "") once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return "Z", ""
    return fields[0], fields[1]
