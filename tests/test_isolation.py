"""Network isolation for a snippet's whole process tree (`snippet_engine.running.isolation`).

Each scenario runs in a forked child that first calls `isolate_network()`,
as the engine's sandbox does, then starts processes that try to reach the
network. The public address below is never reached: inside the namespace
there is no route to it, so attempts fail at once with ENETUNREACH.
"""

import ctypes
import errno
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest

from conftest import FIXTURES, REPO_ROOT
from snippet_engine.running import isolation

PUBLIC = ("93.184.215.14", 80)
"""A public IPv4 address (example.com's former one): reached only if isolation failed."""

CONNECT_TIMEOUT = 3.0
"""Seconds a blocked attempt would wait without isolation; isolated ones fail far sooner."""

FAST = 1.0
"""An attempt that fails within this many seconds was refused by the kernel, not timed out."""

CHILD_CONNECT = f"""
import json, socket, sys, time
start = time.perf_counter()
try:
    socket.create_connection({PUBLIC!r}, timeout={CONNECT_TIMEOUT})
    print(json.dumps({{"connected": True}}))
except OSError as err:
    print(json.dumps({{"errno": err.errno, "type": type(err).__name__, "seconds": time.perf_counter() - start}}))
    sys.exit(1)
"""


def in_namespace(scenario, timeout=30.0):
    """Fork, isolate the child's network, run `scenario()` there; return its dict.

    The dict also holds `blocked`: `isolation.blocked_attempts()` after the scenario.
    Skips the test when the kernel allows no isolation here.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        result = {}
        try:
            reason = isolation.isolate_network()
            if reason is not None:
                result = {"reason": reason}
            else:
                result = scenario() or {}
                result["blocked"] = isolation.blocked_attempts()
        except BaseException as exc:
            result = {"error": f"{type(exc).__name__}: {exc}"}
        finally:
            os.write(write_end, json.dumps(result).encode())
            os._exit(0)
    os.close(write_end)
    chunks, deadline = [], time.monotonic() + timeout
    try:
        while True:
            ready, _, _ = select.select([read_end], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                os.kill(pid, signal.SIGKILL)
                pytest.fail(f"scenario did not finish within {timeout} s")
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
        os.waitpid(pid, 0)
    result = json.loads(b"".join(chunks) or b"{}")
    if "reason" in result:
        pytest.fail(f"this machine allows no network isolation ({result['reason']}): the guarantee is untestable here")
    assert "error" not in result, result["error"]
    return result


def run_python(code, timeout=10):
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)


# --- attempts from processes the snippet starts ------------------------------


def test_child_python_connect_is_refused_at_once_and_counted():
    def scenario():
        done = run_python(CHILD_CONNECT)
        return {"exit": done.returncode, "out": done.stdout, "err": done.stderr}

    result = in_namespace(scenario)
    assert result["exit"] == 1, result
    attempt = json.loads(result["out"])
    assert attempt["errno"] == errno.ENETUNREACH
    assert attempt["seconds"] < FAST
    assert result["blocked"] > 0


def test_shell_child_with_bash_dev_tcp_is_refused_and_counted():
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    host, port = PUBLIC

    def scenario():
        start = time.perf_counter()
        done = subprocess.run(
            ["sh", "-c", f"bash -c 'exec 3<>/dev/tcp/{host}/{port}'; echo \"exit $?\""],
            capture_output=True,
            text=True,
            timeout=10,
        )
        return {"out": done.stdout, "err": done.stderr, "seconds": time.perf_counter() - start}

    result = in_namespace(scenario)
    assert result["out"].strip() == "exit 1", result
    assert "Network is unreachable" in result["err"]
    assert result["seconds"] < FAST
    assert result["blocked"] > 0


def test_multiprocessing_spawn_child_is_refused_and_counted():
    def scenario():
        import multiprocessing

        context = multiprocessing.get_context("spawn")
        # A standard-library target pickles by reference, so the fresh
        # interpreter needs nothing from this test module.
        process = context.Process(target=socket.create_connection, args=(PUBLIC, CONNECT_TIMEOUT))
        start = time.perf_counter()
        process.start()
        process.join(10)
        return {"exit": process.exitcode, "seconds": time.perf_counter() - start}

    result = in_namespace(scenario)
    assert result["exit"] == 1  # the OSError ended the child
    assert result["seconds"] < CONNECT_TIMEOUT
    assert result["blocked"] > 0


def test_raw_udp_sendto_from_a_child_is_refused_and_counted():
    code = (
        "import socket\n"
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
        f"try:\n    s.sendto(b'x', ({PUBLIC[0]!r}, 53))\n"
        "except OSError as err:\n    print(err.errno)\n"
    )

    def scenario():
        return {"out": run_python(code).stdout}

    result = in_namespace(scenario)
    assert result["out"].strip() == str(errno.ENETUNREACH)
    assert result["blocked"] > 0


def test_name_lookup_in_a_child_fails_fast_and_is_counted():
    code = (
        "import socket, time\n"
        "start = time.perf_counter()\n"
        "try:\n    socket.getaddrinfo('example.org', 80)\n    print('resolved')\n"
        "except socket.gaierror as err:\n    print('gaierror', time.perf_counter() - start)\n"
    )

    def scenario():
        return {"out": run_python(code, timeout=30).stdout}

    result = in_namespace(scenario)
    word, seconds = result["out"].split()
    assert word == "gaierror"
    assert float(seconds) < FAST
    assert result["blocked"] > 0


def test_a_loopback_name_server_other_than_127_0_0_1_is_unreachable_too():
    """systemd-resolved's stub (127.0.0.53, Ubuntu's default resolver) must not
    turn a child's lookup into uncounted 'connection refused' traffic."""
    code = (
        "import socket\n"
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
        "try:\n    s.connect(('127.0.0.53', 53)); s.send(b'x')\n    print('sent')\n"
        "except OSError as err:\n    print(err.errno)\n"
    )

    def scenario():
        return {"out": run_python(code).stdout}

    result = in_namespace(scenario)
    assert result["out"].strip() == str(errno.ENETUNREACH)
    assert result["blocked"] > 0


# --- what still works and is not counted -------------------------------------


def test_loopback_between_two_processes_works_and_is_not_counted():
    def scenario():
        out = {}
        for family, host in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
            server = socket.create_server((host, 0), family=family)
            port = server.getsockname()[1]
            client = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    f"import socket; c = socket.create_connection(({host!r}, {port}), timeout=3); "
                    "c.sendall(b'hello'); print(c.recv(16).decode()); c.close()",
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            server.settimeout(5)
            conn, _ = server.accept()
            received = conn.recv(16).decode()
            conn.sendall(b"back")
            conn.close()
            server.close()
            reply = client.communicate(timeout=10)[0].strip()
            out[host] = [received, reply]
        return out

    result = in_namespace(scenario)
    assert result["127.0.0.1"] == ["hello", "back"]
    assert result["::1"] == ["hello", "back"]
    assert result["blocked"] == 0


def test_only_loopback_exists_in_the_namespace():
    def scenario():
        with open("/proc/self/net/dev") as fh:
            names = [line.split(":")[0].strip() for line in fh.readlines()[2:]]
        return {"interfaces": names}

    assert in_namespace(scenario)["interfaces"] == ["lo"]


def test_the_isolating_process_itself_is_cut_off_too():
    """A C extension that bypasses the audit hook gets no further than a child."""

    def scenario():
        sock = socket.socket()
        sock.settimeout(CONNECT_TIMEOUT)
        try:
            sock.connect(PUBLIC)
            return {"errno": None}
        except OSError as err:
            return {"errno": err.errno}
        finally:
            sock.close()

    result = in_namespace(scenario)
    assert result["errno"] == errno.ENETUNREACH
    assert result["blocked"] == 1


# --- fixtures the engine-level tests use --------------------------------------


@pytest.mark.parametrize("name", ["network_child.py", "network_spawn.py"])
def test_fixture_snippets_report_the_blocked_child_without_hanging(name):
    def scenario():
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, str(FIXTURES / name)], capture_output=True, text=True, timeout=20, cwd=REPO_ROOT
        )
        return {"out": done.stdout, "err": done.stderr, "code": done.returncode, "seconds": time.perf_counter() - start}

    result = in_namespace(scenario)
    assert result["code"] == 0, result["err"]
    assert result["out"] == "blocked: OSError\nchild exit: 1\n"
    assert result["seconds"] < 10
    assert result["blocked"] > 0


# --- when the kernel allows no isolation ---------------------------------------


class RefusingLibc:
    """Stands in for libc: every unshare(2) fails with EPERM, as in a locked-down container."""

    def __init__(self):
        self.calls = []

    def unshare(self, flags):
        import ctypes

        self.calls.append(flags)
        ctypes.set_errno(errno.EPERM)
        return -1


def test_failure_is_a_one_line_reason_and_leaves_the_process_unchanged(monkeypatch):
    refusing = RefusingLibc()
    monkeypatch.setattr(isolation, "_LIBC", refusing)
    before = os.readlink("/proc/self/ns/net")
    reason = isolation.isolate_network()
    assert isinstance(reason, str) and "\n" not in reason
    assert "unshare" in reason and "Operation not permitted" in reason
    assert refusing.calls  # it did try
    assert os.readlink("/proc/self/ns/net") == before
    assert isolation.blocked_attempts() is None  # nothing to count outside a namespace of our own


def test_probe_reports_the_reason_and_the_message_says_what_is_still_blocked(monkeypatch):
    monkeypatch.setattr(isolation, "_LIBC", RefusingLibc())
    reason = isolation.probe()
    assert reason is not None and "Operation not permitted" in reason
    message = isolation.unavailable_message(reason)
    assert message.startswith("network isolation: unavailable on this machine (")
    assert "only connections made by the snippet's own Python process are blocked" in message
    assert "\n" not in message


def test_probe_is_cheap_and_leaves_the_caller_alone():
    before = os.readlink("/proc/self/ns/net")
    start = time.perf_counter()
    reason = isolation.probe()
    assert time.perf_counter() - start < 1.0
    assert reason is None or isinstance(reason, str)
    assert os.readlink("/proc/self/ns/net") == before


def test_unprivileged_user_gets_isolation_through_a_user_namespace():
    """Root is not required where user namespaces are allowed (uid stays the same)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to drop to an unprivileged user for the test")
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    nobody, pr_set_dumpable = 65534, 4
    host, port = PUBLIC
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        result = {}
        try:
            "localhost".encode("idna")  # import the codec sockets need while /root is readable
            os.setgroups([])
            os.setgid(nobody)
            os.setuid(nobody)
            # Changing uid made the process non-dumpable, which hands its /proc
            # files to root; a user who logged in as nobody would be dumpable.
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_dumpable, 1, 0, 0, 0)
            reason = isolation.isolate_network()
            result = {"reason": reason, "uid": os.getuid(), "gid": os.getgid()}
            if reason is None:
                # The interpreter may live where nobody cannot read (/root):
                # the child is bash, the loopback check runs in this process.
                shell = subprocess.run(
                    ["bash", "-c", f"exec 3<>/dev/tcp/{host}/{port}"], capture_output=True, timeout=10
                )
                result["child_exit"] = shell.returncode
                result["blocked"] = isolation.blocked_attempts()
                with socket.create_server(("127.0.0.1", 0)) as server:
                    with socket.create_connection(server.getsockname(), timeout=3):
                        result["loopback"] = True
        except BaseException as exc:
            result = {"error": f"{type(exc).__name__}: {exc}"}
        finally:
            os.write(write_end, json.dumps(result).encode())
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as fh:
        result = json.loads(fh.read() or b"{}")
    os.waitpid(pid, 0)
    assert "error" not in result, result
    if result["reason"] is not None:
        pytest.skip(f"user namespaces are not allowed here: {result['reason']}")
    assert (result["uid"], result["gid"]) == (nobody, nobody)
    assert result["child_exit"] == 1
    assert result["blocked"] > 0
    assert result["loopback"] is True


# --- naming the line that started a process ------------------------------------


def test_spawn_recorder_names_the_lines_that_start_processes():
    """Run in a child: an audit hook cannot be removed once added."""
    code = """
import json, multiprocessing, os, subprocess, sys
from snippet_engine.running.isolation import SpawnRecorder

def line():
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename == "<snippet>":
            return frame.f_lineno
        frame = frame.f_back
    return 0

recorder = SpawnRecorder(line)
recorder.install()
snippet = '''
import multiprocessing, os, subprocess
subprocess.run(["true"])
os.system("true")
os.waitpid(os.posix_spawnp("true", ["true"], os.environ), 0)
p = multiprocessing.get_context("spawn").Process(target=os.getpid)
p.start(); p.join()
pid = os.fork()
if pid == 0:
    os._exit(0)
os.waitpid(pid, 0)
'''
exec(compile(snippet, "<snippet>", "exec"), {"__name__": "__main__"})
os.getpid()
print(json.dumps(recorder.lines()))
"""
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT / "scripts"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [3, 4, 5, 7, 8]
