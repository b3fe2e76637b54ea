"""Cut a snippet's whole process tree off the network, and count what it tried.

The sandbox's audit hook blocks and names the line of every connection or
name lookup made by the snippet's own Python code. It cannot see a process
the snippet starts (`subprocess`, `os.system`, a `multiprocessing` "spawn"
child, `sh -c` with bash's `/dev/tcp`), nor C code that calls `connect(2)`
itself. Those are stopped here, by the kernel:

- `isolate_network()` moves the forked snippet process into a new network
  namespace (network_namespaces(7)) in which only the loopback device exists.
  Every process the snippet starts inherits it. `127.0.0.1` and `::1` still
  work; any other destination has no route, so `connect(2)` and `sendto(2)`
  fail at once with ENETUNREACH ("Network is unreachable") instead of timing
  out.
- `blocked_attempts()` reads that namespace's own IP counters at the end of
  the run: every packet the kernel refused for want of a route is counted
  there, whichever process sent it. The engine reports a non-zero count on
  the line where the snippet started a process (`SpawnRecorder`).
- `probe()` lets the checker say once, up front, when the machine allows no
  isolation (a container without CAP_SYS_ADMIN and without user namespaces),
  instead of pretending.

Which counters move (measured on Linux 6.18, and read from the kernel's
`tcp_v4_connect`, `udp_sendmsg`, `ip4_datagram_connect`, `ip6_dst_lookup`):

=========================================  ==============================
attempt from a child process                counter (namespace-local)
=========================================  ==============================
TCP connect to a public IPv4 address        `Ip: OutNoRoutes` +1
TCP connect to a public IPv6 address        `Ip6OutNoRoutes` +1
UDP `sendto` to a public address            `Ip: OutNoRoutes` +1
name lookup (glibc, one name server)        `Ip: OutNoRoutes` +2 (A, AAAA)
UDP to 127.0.0.53 (systemd-resolved stub)   `Ip: OutNoRoutes` +1
bash `/dev/tcp/<public ip>/<port>`          `Ip: OutNoRoutes` +1
TCP or UDP over 127.0.0.1 or ::1            neither moves
=========================================  ==============================

The counters count refused packets and connects, not lookups or lines: a
non-zero value means "at least one attempt".

Known limits: a UNIX-domain socket in the file system is not a network
device, so a daemon on the host reached through one (nscd, systemd-resolved
through `nss-resolve`, Docker's socket) still acts for the snippet; a name
server configured as `127.0.0.1` itself or `::1` answers "connection refused"
inside the namespace (blocked, not counted). The guard is against snippets
that reach the network by accident: a root snippet that sets out to escape can
setns(2) back into the host's namespace.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import select
import socket
import struct
import sys
from collections.abc import Callable
from typing import Any

# Kernel constants: <linux/sched.h> (unshare(2)), <linux/sockios.h>, <net/if.h>.
CLONE_NEWNET = 0x40000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWNS = 0x00020000
_MS_RDONLY, _MS_NOSUID, _MS_NODEV, _MS_NOEXEC, _MS_REMOUNT = 0x1, 0x2, 0x4, 0x8, 0x20
_MS_NOATIME, _MS_NODIRATIME, _MS_BIND, _MS_REC, _MS_PRIVATE, _MS_RELATIME = (
    0x400,
    0x800,
    0x1000,
    0x4000,
    1 << 18,
    1 << 21,
)
_KEPT_MOUNT_FLAGS = {  # statvfs(3) flag -> mount(2) flag: a bind remount must repeat the locked ones
    os.ST_NOSUID: _MS_NOSUID,
    os.ST_NODEV: _MS_NODEV,
    os.ST_NOEXEC: _MS_NOEXEC,
    os.ST_NOATIME: _MS_NOATIME,
    os.ST_NODIRATIME: _MS_NODIRATIME,
    os.ST_RELATIME: _MS_RELATIME,
}
_SIOCGIFFLAGS = 0x8913
_SIOCSIFFLAGS = 0x8914
_SIOCSIFNETMASK = 0x891C
_IFF_UP = 0x1
_IFREQ_FLAGS = struct.Struct("16sH22x")
"""`struct ifreq` (40 bytes on Linux) holding a name and `ifr_flags`."""
_IFREQ_ADDR = struct.Struct("=16sH2s4s16x")
"""`struct ifreq` holding a name and a `struct sockaddr_in` (family, port, address)."""

UNAVAILABLE = (
    "network isolation: unavailable on this machine ({reason}); "
    "only connections made by the snippet's own Python process are blocked"
)
"""The checker's one line when `probe()` returns a reason."""

PROBE_TIMEOUT = 5.0
"""Seconds `probe()` waits for its throw-away child before giving up."""


def _load_libc() -> Any:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:  # pragma: no cover - a static interpreter without dlopen
        return None


_LIBC = _load_libc()
"""The C library whose `unshare` is called (tests replace it to simulate refusal)."""

_isolated: tuple[int, int] | None = None
"""(inode of the namespace `isolate_network` created, counter value then), in this process."""


def _unshare(flags: int) -> None:
    """unshare(2) through libc; raises OSError with the kernel's errno."""
    unshare = getattr(_LIBC, "unshare", None)
    if unshare is None:
        raise OSError(errno.ENOSYS, "libc has no unshare()")
    if unshare(ctypes.c_int(flags)) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def _mount(source: str | None, target: str, flags: int) -> None:
    """mount(2) through libc (no file system type, no data); raises OSError with the kernel's errno."""
    mount = getattr(_LIBC, "mount", None)
    if mount is None:
        raise OSError(errno.ENOSYS, "libc has no mount()")
    encode = lambda text: None if text is None else os.fsencode(text)  # noqa: E731
    if mount(encode(source), encode(target), None, ctypes.c_ulong(flags), None) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code))


def protect_directory(path: str) -> str | None:
    """Make `path` read-only for this process and every process it will start.

    The process enters a new mount namespace (mount_namespaces(7)) whose
    mounts are first made private, so nothing done here reaches the host;
    `path` is then bind-mounted onto itself and remounted read-only
    (mount(2), "Creating a bind mount", MS_REMOUNT|MS_BIND|MS_RDONLY). A write,
    a new file or a removal under `path` fails with EROFS, whether Python or
    C code (torch.save's zip writer) attempts it. Call it after
    `isolate_network` (which may have entered a user namespace: its
    privileges then suffice) and before any thread starts.

    Parameters:
        path: An absolute directory (the repository) that must not be the working directory's ancestor.

    Returns:
        None when protected; otherwise a one-line reason, and the process keeps its mounts.
    """
    if not sys.platform.startswith("linux"):
        return f"mount namespaces exist only on Linux (this is {sys.platform})"
    if os.path.commonpath([os.getcwd(), path]) == path:
        return f"the working directory {os.getcwd()} lies inside {path}"
    try:
        kept = os.statvfs(path).f_flag
        flags = sum(mount_flag for st_flag, mount_flag in _KEPT_MOUNT_FLAGS.items() if kept & st_flag)
        _unshare(CLONE_NEWNS)
    except OSError as err:
        return f"unshare(CLONE_NEWNS) failed: {err.strerror or err}"
    try:
        _mount(None, "/", _MS_REC | _MS_PRIVATE)
        _mount(path, path, _MS_BIND | _MS_REC)
        _mount(None, path, _MS_REMOUNT | _MS_BIND | _MS_RDONLY | flags)
    except OSError as err:
        return f"mount of {path} read-only failed: {err.strerror or err}"
    return None


def _write(path: str, text: str) -> None:
    fd = os.open(path, os.O_WRONLY)
    try:
        os.write(fd, text.encode())
    finally:
        os.close(fd)


def _namespace_inode() -> int:
    return os.stat("/proc/self/ns/net").st_ino


def _loopback_only() -> None:
    """Bring `lo` up and narrow 127.0.0.0/8 to 127.0.0.1/32.

    On the way up the kernel gives `lo` 127.0.0.1/8 and ::1/128 and routes
    all of 127.0.0.0/8 to it. Narrowing the mask leaves exactly the hosts the
    audit hook allows (127.0.0.1, ::1); a stub resolver such as
    systemd-resolved's 127.0.0.53 then has no route either, so a child's
    name lookup fails at once and is counted like any other attempt.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        reply = fcntl.ioctl(sock, _SIOCGIFFLAGS, _IFREQ_FLAGS.pack(b"lo", 0))
        flags = _IFREQ_FLAGS.unpack(reply)[1]
        fcntl.ioctl(sock, _SIOCSIFFLAGS, _IFREQ_FLAGS.pack(b"lo", flags | _IFF_UP))
        mask = _IFREQ_ADDR.pack(b"lo", socket.AF_INET, b"\0\0", socket.inet_aton("255.255.255.255"))
        fcntl.ioctl(sock, _SIOCSIFNETMASK, mask)


class _Stranded(Exception):
    """The namespaces were entered but not completed: the process cannot go back."""


def _enter_namespace() -> None:
    """Enter a new network namespace: directly if privileged, else inside a new user namespace.

    Raises:
        OSError: Neither way is allowed (process unchanged); the message holds both errors.
        _Stranded: The user namespace's id maps could not be written.
    """
    try:
        _unshare(CLONE_NEWNET)  # needs CAP_SYS_ADMIN (root, outside a locked-down container)
        return
    except OSError as err:
        direct = f"unshare(CLONE_NEWNET) failed: {err.strerror}"
    uid, gid = os.geteuid(), os.getegid()
    try:
        # One call: if the network namespace cannot be made, the user
        # namespace is not kept either (the kernel commits both or neither).
        _unshare(CLONE_NEWUSER | CLONE_NEWNET)
    except OSError as err:
        raise OSError(err.errno, f"{direct}; unshare(CLONE_NEWUSER|CLONE_NEWNET) failed: {err.strerror}") from None
    # Map our own ids onto themselves so that os.getuid() and file owners look
    # as before; an unprivileged process must deny setgroups(2) before it may
    # write gid_map (user_namespaces(7), "The /proc/[pid]/setgroups file").
    for path, text in (
        ("/proc/self/setgroups", "deny"),
        ("/proc/self/uid_map", f"{uid} {uid} 1"),
        ("/proc/self/gid_map", f"{gid} {gid} 1"),
    ):
        try:
            _write(path, text)
        except FileNotFoundError:  # setgroups: kernels before 3.19
            continue
        except OSError as err:
            message = f"entered a new user and network namespace but writing {path} failed: {err.strerror}"
            raise _Stranded(message) from None


def isolate_network() -> str | None:
    """Cut this process and every process it will start off the network.

    Call it in the forked snippet process before the snippet runs and before
    any thread starts (a user namespace can only be entered by a
    single-threaded process, unshare(2) EINVAL). The process moves into a new
    network namespace (network_namespaces(7)) whose only device is `lo`, up,
    with 127.0.0.1/32 and ::1/128; children inherit the namespace, and it
    disappears when the last of them exits. As root this is unshare(2) with
    CLONE_NEWNET; otherwise CLONE_NEWUSER|CLONE_NEWNET with the caller's uid
    and gid mapped onto themselves (user_namespaces(7)), where the kernel
    allows unprivileged user namespaces.

    Cost (Linux 6.18, 2 cores, as root; 50 forked children each): about
    1.0 ms per call (median, max 2.5 ms), and fork-to-waitpid of a child
    that calls it about 1.1 ms longer than one that does not, the kernel's
    clean-up of the namespace included.

    Returns:
        None when the process is isolated. Otherwise a one-line reason, e.g.
        "unshare(CLONE_NEWNET) failed: Operation not permitted; ...", and the
        process is left unchanged, except in one case the reason then says:
        the namespace was entered but loopback could not be set up (the
        process keeps no network at all).

    Raises:
        Nothing: every failure becomes the returned reason.
    """
    global _isolated
    if not sys.platform.startswith("linux"):
        return f"network namespaces exist only on Linux (this is {sys.platform})"
    try:
        before = _namespace_inode()
    except OSError as err:
        return f"cannot read /proc/self/ns/net: {err.strerror}"
    try:
        _enter_namespace()
    except OSError as err:
        return str(err.strerror or err)
    except _Stranded as err:
        return f"{err} (no network left)"
    try:
        if _namespace_inode() == before:
            return "unshare(CLONE_NEWNET) returned success but the network namespace did not change"
        _loopback_only()
        _isolated = (_namespace_inode(), _no_route_count())
    except OSError as err:
        return f"entered a new network namespace but could not set up loopback: {err.strerror or err} (no network left)"
    return None


def _no_route_count() -> int:
    """Ip: OutNoRoutes plus Ip6OutNoRoutes of the calling process's network namespace."""
    total = 0
    # Binary reads: no codec lookup (an import) in a process that may have lost
    # access to the standard library's files.
    with open("/proc/self/net/snmp", "rb") as fh:
        lines = fh.read().splitlines()
    for header, values in zip(lines[::2], lines[1::2], strict=False):
        if header.startswith(b"Ip:"):
            total += int(dict(zip(header.split(), values.split(), strict=True))[b"OutNoRoutes"])
    try:
        with open("/proc/self/net/snmp6", "rb") as fh:
            for line in fh:
                fields = line.split()
                if fields and fields[0] == b"Ip6OutNoRoutes":
                    total += int(fields[1])
    except FileNotFoundError:  # IPv6 disabled
        pass
    return total


def blocked_attempts() -> int | None:
    """How many packets the isolated namespace refused since `isolate_network()`.

    Counts every process in the namespace, not only this one: TCP connects,
    UDP datagrams (name lookups send one per query) and raw sends to any
    address but 127.0.0.1 and ::1, from `/proc/self/net/snmp` (`Ip:
    OutNoRoutes`) and `/proc/self/net/snmp6` (`Ip6OutNoRoutes`), which
    proc(5) documents as per-network-namespace. Attempts the audit hook
    blocks never reach the kernel and are not counted here. Call it at the
    end of the run, in the process that called `isolate_network()`.

    Returns:
        The number of refused packets (>= 0), or None when this process is not
        in a namespace made by `isolate_network()` (isolation failed or was
        never tried): the host's counters say nothing about the snippet.
    """
    if _isolated is None:
        return None
    namespace, baseline = _isolated
    try:
        if _namespace_inode() != namespace:
            return None
        return _no_route_count() - baseline
    except (OSError, KeyError, ValueError):
        return None


def probe() -> str | None:
    """Whether snippets can be isolated on this machine, decided once by the checker.

    Forks a throw-away child that calls `isolate_network()` and reports back
    through a pipe; the calling process and its namespaces are untouched.
    Takes a few milliseconds.

    Returns:
        None when isolation works, else the one-line reason (see
        `isolate_network`); `unavailable_message(reason)` words it for the
        checker's output.

    Raises:
        Nothing: a failure to fork or a child that does not answer within
        `PROBE_TIMEOUT` seconds becomes the reason.
    """
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError as err:
        os.close(read_end)
        os.close(write_end)
        return f"cannot fork a probe process: {err.strerror}"
    if pid == 0:  # pragma: no cover - runs in the child
        status = 0
        try:
            os.close(read_end)
            reason = isolate_network()
            os.write(write_end, (reason if reason is not None else "").encode("utf-8", "replace"))
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    chunks: list[bytes] = []
    try:
        while True:
            ready, _, _ = select.select([read_end], [], [], PROBE_TIMEOUT)
            if not ready:
                os.kill(pid, 9)
                return f"the isolation probe did not answer within {PROBE_TIMEOUT:g} s"
            chunk = os.read(read_end, 4096)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(read_end)
        _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return "the isolation probe failed unexpectedly"
    reason = b"".join(chunks).decode("utf-8", "replace").strip()
    return reason or None


def unavailable_message(reason: str) -> str:
    """The checker's single line for a `probe()` reason.

    Parameters:
        reason: What `probe()` returned (not None).

    Returns:
        "network isolation: unavailable on this machine (<reason>); only
        connections made by the snippet's own Python process are blocked".
    """
    return UNAVAILABLE.format(reason=" ".join(reason.split()))


class SpawnRecorder:
    """Remembers the snippet lines that started other processes.

    A process the snippet starts runs without the sandbox's audit hook, so
    when `blocked_attempts()` is non-zero at the end, these lines are where
    the attempt came from. Recorded: the audit events in `EVENTS` (raised by
    `subprocess.Popen`, `os.system`, `os.popen`, `os.posix_spawn[p]`,
    `os.exec*`, `os.fork`, `os.forkpty`, `os.spawn*`) and, because
    `multiprocessing`'s "spawn" and "forkserver" start methods raise no audit
    event in Python 3.11, calls of `_posixsubprocess.fork_exec`.

    Parameters:
        line_of: Returns the innermost snippet line on the current stack (0 if
            none), e.g. the sandbox's `lambda: snippet_line(snippet)`.
    """

    EVENTS = frozenset(
        {"subprocess.Popen", "os.system", "os.posix_spawn", "os.exec", "os.fork", "os.forkpty", "os.spawn"}
    )

    def __init__(self, line_of: Callable[[], int]) -> None:
        self.line_of = line_of
        self.spawns: list[dict[str, Any]] = []
        """One {"event", "line"} per process start, in order (line 0: not from snippet code)."""

    def audit(self, event: str, args: tuple) -> None:
        """Audit hook body: record a process start (never raises, never blocks)."""
        if event in self.EVENTS:
            self.spawns.append({"event": event, "line": self.line_of()})

    def install(self) -> None:
        """Add `audit` as an audit hook and wrap `_posixsubprocess.fork_exec`.

        Only for the throw-away snippet process: neither can be undone.
        A sandbox that already has an audit hook may call `audit` from it
        instead of installing a second hook; it must then still wrap
        `fork_exec` (call `install_fork_exec_wrapper`).
        """
        sys.addaudithook(self.audit)
        self.install_fork_exec_wrapper()

    def install_fork_exec_wrapper(self) -> None:
        """Record `_posixsubprocess.fork_exec` calls (multiprocessing's spawn and forkserver)."""
        try:
            import _posixsubprocess
        except ImportError:  # pragma: no cover - not POSIX
            return
        original = _posixsubprocess.fork_exec
        if getattr(original, "__wrapped_by_spawn_recorder__", False):
            return

        def fork_exec(*args, **kwargs):
            self.spawns.append({"event": "_posixsubprocess.fork_exec", "line": self.line_of()})
            return original(*args, **kwargs)

        fork_exec.__wrapped_by_spawn_recorder__ = True  # type: ignore[attr-defined]
        _posixsubprocess.fork_exec = fork_exec

    def lines(self) -> list[int]:
        """Distinct snippet lines that started processes, first-seen order, 0 left out."""
        seen: dict[int, None] = {}
        for spawn in self.spawns:
            if spawn["line"]:
                seen.setdefault(spawn["line"], None)
        return list(seen)
