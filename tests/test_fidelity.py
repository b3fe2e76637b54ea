"""The engine shows what `python x.py` shows in a terminal, and blames only what Python itself would show.

Each fixture runs twice: through the engine, and as `python tests/fixtures/snippets/<name>.py` from the
repository root with its output replayed through the terminal emulator. The two must agree.
"""

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios

import psutil
import pytest

from conftest import FIXTURES, REPO_ROOT
from snippet_engine import Engine
from snippet_engine.running.paths import portable_paths
from snippet_engine.running.source import display_source, unpaired_comments
from snippet_engine.running.terminal import render_terminal

REL = "tests/fixtures/snippets"


TERMINAL_SIZE = (24, 80)
"""Rows and columns of the terminal `python x.py` runs in here, as the engine's (`worker.TERMINAL_SIZE`)."""


def python_x_py(name: str) -> str:
    """What a terminal shows for `python <fixture>` run from the repository root.

    The fixture runs on a pseudo-terminal (as in a terminal window: C stdio and Python's own streams are
    line-buffered, `isatty()` is true), with no `PYTHONUNBUFFERED`, and its stdin at end of file, as the
    engine gives it. Python names files by their absolute paths in tracebacks and warnings; the engine names
    them relative to the repository, `site-packages/` or `stdlib/` (`paths.portable_paths`), so that no page
    or record depends on where the course or Python was installed.
    """
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONUNBUFFERED", "PYTHONPATH")}
    env.update(MPLBACKEND="Agg", PYTHONHASHSEED="0")
    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", *TERMINAL_SIZE, 0, 0))
    process = subprocess.Popen(
        [sys.executable, f"{REL}/{name}"],
        cwd=REPO_ROOT,
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
        env=env,
        start_new_session=True,
    )
    os.close(terminal)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(controller, 1 << 16)
        except OSError:  # EIO: every process holding the terminal has closed it
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    process.wait(timeout=120)
    return portable_paths(render_terminal(shown.decode("utf-8", "replace")), str(REPO_ROOT))


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        # kind: output rendered as a terminal shows it
        ("progress_cr.py", "step 5/5\ndone\n"),
        ("progress_tqdm.py", "train: 50/50\ntotal: 1225\n"),
        ("ansi_colours.py", "passed and failed\n100%\n"),
        # kind: output produced while the interpreter shuts down
        ("thread_after_main.py", "main: done\nthread: finished after the main code\n"),
        ("shutdown_hooks.py", "main: done\natexit: goodbye\n__del__: module teardown\n"),
        ("os_exit.py", "before os._exit\n"),
        ("shutdown_cycle.py", "main: done\n__del__: cycle collected at exit\n"),
        ("rebinds_stdout.py", "中文输出 through a rebound stdout\n"),
        ("rebinds_stdout_buffered.py", "buffered line 1\nbuffered line 2\n"),
        # kind: output in the order a terminal shows it (C stdio and Python's streams line-buffered on a tty)
        ("c_stdio_order.py", "step 1\nstep 2\nstep 3\nstep 4 (no newline yet) step 5\npython line\nc partial c end\n"),
        ("line_buffered_streams.py", "b\nac\nx\npartial done\n"),
        ("child_process_order.py", "parent before\nchild via C stdio\nchild via sh\nparent after\n"),
        # kind: source decoded and compiled as CPython does
        ("bom.py", "saved with a BOM\n"),
        ("latin1_cookie.py", "café\n"),
        ("future_leak.py", "<class 'int'>\n"),
        # kind: warnings blamed where Python's default filters show them
        ("deprecation_inside_library.py", "library result\n"),
    ],
)
def test_page_shows_what_the_terminal_shows(run, name, shown):
    result = run(name)
    assert result.ok, result.problems
    assert result.output == shown
    assert python_x_py(name) == shown


def test_syntax_error_names_its_line_like_python(run):
    result = run("syntax_error.py")
    assert [(p.kind, p.line, p.message) for p in result.problems] == [("exception", 5, "SyntaxError: invalid syntax")]
    assert result.output == python_x_py("syntax_error.py")
    assert f'File "{REL}/syntax_error.py", line 5' in result.output


def test_deprecation_triggered_by_the_snippet_is_blamed_on_its_line(run):
    result = run("deprecation_blamed_on_caller.py")
    assert [(p.kind, p.line) for p in result.problems] == [("warning", 3)]
    assert result.problems[0].message == "DeprecationWarning: old_api is deprecated, call new_api"
    assert result.output == python_x_py("deprecation_blamed_on_caller.py")


def test_closed_figures_are_not_unshown(run):
    closed = run("closes_all_figures.py")
    assert closed.ok, closed.problems
    assert closed.figures == [] and closed.output == "no chart\n"
    one = run("closes_one_figure.py")
    assert one.ok, one.problems
    assert len(one.figures) == 1


def test_files_written_by_the_snippet_or_its_tools_are_not_limited(run):
    result = run("writes_big_file.py")
    assert result.ok, result.problems
    assert result.output == f"wrote {80 * 1024 * 1024} bytes\n"


def test_printing_past_the_output_limit_is_killed_and_named(run):
    result = run("prints_too_much.py")
    assert [(p.kind, p.message) for p in result.problems] == [("output", "printed more than 64 MiB (killed)")]
    assert result.truncated and result.output.startswith("y" * 1023 + "\n")


def test_torch_compile_runs_on_cpu_from_a_cold_cache(tmp_path, monkeypatch):
    """A fresh machine's first compile: the C++ compiler writes freely, inductor's own changes are not blamed."""
    monkeypatch.setenv("TORCHINDUCTOR_CACHE_DIR", str(tmp_path / "inductor"))
    engine = Engine(REPO_ROOT, jobs=1, use_cache=False, cache_dir=tmp_path / "cache")
    try:
        result = engine.run(FIXTURES / "compile_cpu.py")
    finally:
        engine.close()
    assert result.ok, (result.problems, result.output[-3000:])
    assert result.output == "same result: True\n"
    assert any((tmp_path / "inductor").rglob("*.so")), "the run compiled nothing: the cache was not cold"


def test_progress_output_shown_in_full_when_long(run):
    """The raw output of a progress line is much longer than what the terminal shows: nothing is cut."""
    result = run("progress_tqdm.py")
    assert result.output_bytes > len(result.output) and not result.truncated


def test_fixture_files_are_where_the_tests_expect():
    assert (FIXTURES / "bom.py").read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_thread_that_never_ends_is_a_timeout_with_its_output_kept(run):
    """`python x.py` would wait for the non-daemon thread forever: the engine waits up to the timeout."""
    result = run("thread_never_ends.py")
    assert [(p.kind, p.message) for p in result.problems] == [("timeout", "did not finish within 2 s (killed)")]
    assert result.output == "main: done\n"


def test_warnings_in_dataloader_workers_fail_the_run(run):
    result = run("dataloader_worker_warning.py")
    assert sorted((p.kind, p.line, p.message) for p in result.problems) == [
        ("warning", 12, "UserWarning: item 0 is suspicious"),
        ("warning", 12, "UserWarning: item 1 is suspicious"),
    ]
    assert result.output == python_x_py("dataloader_worker_warning.py")


def test_warning_filters_the_libraries_add_are_kept(run):
    """NumPy shows RankWarning every time ("always" filter added at import), as `python x.py` does."""
    result = run("rank_warning_loop.py")
    assert result.ok, result.problems
    assert result.output.count("RankWarning") == 3
    assert result.output == python_x_py("rank_warning_loop.py")


def test_tracebacks_are_printed_by_python_itself(run):
    result = run("did_you_mean.py")
    assert result.ok, result.problems  # the lesson is the NameError
    assert "NameError: name 'valuse' is not defined. Did you mean: 'values'?" in result.output
    assert result.output == python_x_py("did_you_mean.py")


def test_line_numbers_count_newlines_only(run):
    """U+2028 inside a string does not end a line for Python, so it must not for the engine either."""
    result = run("line_separator.py")
    assert [(p.kind, p.line) for p in result.problems] == [("exception", 5)]
    assert 'raise ValueError("here")' in result.output
    assert result.output == python_x_py("line_separator.py")
    text = (FIXTURES / "line_separator.py").read_text(encoding="utf-8")
    assert "English comment" not in display_source(text, "zh") and unpaired_comments(text) == []


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("thread_raises.py", 5, "RuntimeError: failed in a thread (raised outside the main thread's code)"),
        ("del_raises.py", 3, "OSError: close failed (raised outside the main thread's code)"),
    ],
)
def test_exceptions_python_prints_but_survives_fail_the_run(run, name, line, message):
    result = run(name)
    assert [(p.kind, p.line, p.message) for p in result.problems] == [("exception", line, message)]
    address = re.compile(r"0x[0-9a-f]+")  # "Exception ignored in: <function … at 0x7f…>" differs run to run
    assert address.sub("0x…", result.output) == address.sub("0x…", python_x_py(name))


def test_importing_a_sibling_module_is_no_repository_write(run):
    result = run("imports_sibling.py")
    assert result.ok, result.problems
    assert result.output == "helper_library\n"


def test_name_lookups_are_refused_at_their_line(run):
    result = run("network_name_lookups.py")
    assert [(p.kind, p.line) for p in result.problems] == [("network", 5), ("network", 5)]
    assert result.output == (
        "gethostbyname refused: NetworkAccessError\ngethostbyname_ex refused: NetworkAccessError\n"
    )


def test_loopback_keeps_working(run):
    result = run("loopback_server.py")
    assert result.ok, result.problems
    assert result.output == "127.0.0.1 pong\n0.0.0.0 pong\n"


def test_a_long_progress_line_shows_its_final_state(run):
    result = run("long_progress.py")
    assert result.ok and result.truncated
    assert result.output.endswith("\nprogress 199999\nend\n")
    assert "progress 0" not in result.output.split("\n")[-3][:9] or result.output.count("progress") == 1


def test_os_exit_with_a_status_fails_the_run(run):
    result = run("os_exit_nonzero.py")
    assert [(p.kind, p.message) for p in result.problems] == [("exit-status", "exited with status 3")]
    assert result.output == "before os._exit(3)\n"


def test_a_figure_left_open_by_the_expected_exception_is_no_error(run):
    """The snippet ends at its (declared) exception: the plt.show() after it is unreachable, not forgotten."""
    result = run("exception_before_show.py")
    assert result.ok, result.problems
    assert "RuntimeError: Can't call numpy() on Tensor that requires grad" in result.output


def test_state_a_library_changes_as_it_loads_is_not_blamed_on_the_snippet(run):
    """torch.compile's first compile raises the recursion limit (a cold inductor cache): no false alarm."""
    result = run("raises_recursion_limit_while_importing.py")
    assert result.ok, result.problems


def test_output_names_files_the_same_on_every_machine(run):
    """Absolute paths of the checkout and of Python's installation never reach the page or the record."""
    result = run("library_warning_path.py")
    assert result.ok, result.problems
    assert result.output.startswith(
        f"this file: {REL}/library_warning_path.py\nnext to it: {REL}/words.txt\nstdlib/warnings.py:1: UserWarning"
    )
    assert str(REPO_ROOT) not in result.output


def test_main_module_and_interpreter_are_those_python_x_py_gets(run):
    """`__builtins__` is the module, `__loader__` a SourceFileLoader, streams a terminal's, no trace of the engine."""
    result = run("main_module.py")
    assert result.ok, result.problems
    assert result.output == python_x_py("main_module.py")
    assert "builtins: module True False\n" in result.output
    assert "stream: True True False BufferedWriter" in result.output


@pytest.mark.parametrize("unbuffered", [None, "1"])
def test_buffering_is_a_terminals_whatever_the_callers_environment(tmp_path, monkeypatch, unbuffered):
    """`PYTHONUNBUFFERED` (or its absence) where the engine runs changes neither C's nor Python's buffering."""
    if unbuffered is None:
        monkeypatch.delenv("PYTHONUNBUFFERED", raising=False)
    else:
        monkeypatch.setenv("PYTHONUNBUFFERED", unbuffered)
    engine = Engine(REPO_ROOT, jobs=1, use_cache=False, cache_dir=tmp_path / "cache")
    try:
        results = {name: engine.run(FIXTURES / name) for name in ("c_stdio_order.py", "line_buffered_streams.py")}
    finally:
        engine.close()
    for name, result in results.items():
        assert result.ok, result.problems
        assert result.output == python_x_py(name)


@pytest.mark.parametrize("name", ["helper_outlives_main.py", "leaked_shared_memory.py"])
def test_what_its_processes_print_after_it_ended_is_shown(run, name):
    """Under `python x.py` they run on after the script: a helper's last line, the resource tracker's report."""
    result = run(name)
    assert result.ok, result.problems
    assert result.output == python_x_py(name)


def test_a_process_left_running_is_killed_and_blamed_on_the_line_that_started_it(run):
    result = run("leaves_process_running.py")
    assert [(p.kind, p.line) for p in result.problems] == [("leftover-process", 3)]
    assert "'sleep 600'" in result.problems[0].message
    assert result.output == "started a process that never ends\n"
    assert not [p for p in psutil.process_iter(["cmdline"]) if p.info["cmdline"] == ["sleep", "600"]]


@pytest.mark.parametrize("name", ["pending_output_at_exception.py", "pending_output_at_exit.py"])
def test_pending_output_is_flushed_before_the_traceback_as_python_does(run, name):
    """CPython flushes `sys.stderr` and `sys.stdout` once the script ends (pythonrun.c `flush_io`), before it
    prints the traceback or `sys.exit`'s message and before the shutdown: a line without its newline comes first."""
    result = run(name)
    assert not result.ok
    assert result.output == python_x_py(name)
    assert result.output.index("partial" if "exception" in name else "pending") < result.output.index(
        "Traceback" if "exception" in name else "fatal"
    )


def test_standard_streams_are_named_as_python_names_them(run):
    """`print(sys.stdout)` shows `name='<stdout>'`, as CPython's `create_stdio` names the raw file."""
    result = run("stream_names.py")
    assert result.ok, result.problems
    assert result.output == python_x_py("stream_names.py")
    assert "name='<stdin>'" in result.output and "<stdout> <stdout>" in result.output


def test_a_fork_left_running_is_named_as_the_script_not_the_engine(run):
    """A forked copy of the script shows the script's command line (`python x.py`), not the engine's worker."""
    result = run("leaves_fork_running.py")
    assert [(p.kind, p.line) for p in result.problems] == [("leftover-process", 4)]
    assert "'python tests/fixtures/snippets/leaves_fork_running.py'" in result.problems[0].message
    assert "snippet_engine" not in result.problems[0].message
    assert result.output == "forked a copy that never ends\n"


def test_a_figure_that_fails_to_draw_shows_no_engine_frames(run):
    """`plt.show()` draws the figure in the engine (as a reader's window would): a matplotlib error there
    (an unknown TeX command in a title) is shown from the snippet's line into matplotlib, not through the engine."""
    result = run("chart_bad_mathtext.py")
    assert [(p.kind, p.line) for p in result.problems] == [("exception", 8)]
    assert "snippet_engine" not in result.output and "observer" not in result.output
    assert result.output.startswith("Traceback (most recent call last):\n")
    assert (
        '  File "tests/fixtures/snippets/chart_bad_mathtext.py", line 8, in <module>\n    plt.show()\n' in result.output
    )
    assert "site-packages/matplotlib/" in result.output and "ValueError" in result.output
    assert "after show" not in result.output


@pytest.mark.parametrize("name", ["custom_excepthook.py", "broken_excepthook.py"])
def test_the_scripts_own_excepthook_prints_the_uncaught_exception(run, name):
    """CPython hands an uncaught exception to `sys.excepthook`, the script's own if it set one (PyErr_Print);
    a hook that raises gets "Error in sys.excepthook:" and both tracebacks. The run fails all the same."""
    result = run(name)
    assert [(p.kind, p.message) for p in result.problems] == [
        ("exception", "ValueError: " + ("handled by the hook" if name.startswith("custom") else "original"))
    ]
    assert result.output == python_x_py(name)
    assert "snippet_engine" not in result.output
