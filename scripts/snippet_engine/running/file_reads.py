"""Which repository files a snippet's process tree opened, whichever layer opened them.

The audit hook (`observer`) sees the opens of the snippet's own Python (`open`, `Path.read_text`,
`io.open_code`). It does not see NumPy's `np.fromfile`, `torch.from_file`, a C++ extension's
`std::ifstream`, or a `cat` the snippet runs: C code calls open(2) itself. The kernel sees them all.

`watch` asks it through fanotify(7), with a mark on a mount rather than on files: inside the forked
snippet process, `isolation.protect_directory` has bind-mounted the repository onto itself in the
process's own mount namespace, and only the snippet's process tree reaches the repository through that
mount. A mount mark (fanotify_mark(2), `FAN_MARK_MOUNT`) on it reports `FAN_OPEN` of every file opened
through it, by any process of the tree and any library, and by nobody else: a snippet another worker
runs at the same moment, the checker reading records, `mkdocs` reading pages all open the same files
through the host's mount, which is not marked. So no read is attributed to the wrong snippet.

Each event carries a file descriptor of the opened file (fanotify's classic mode); its path is
`/proc/self/fd/N`'s target, and `collect` closes it. Events wait in the kernel (`FAN_UNLIMITED_QUEUE`:
none is dropped) until `collect` reads them, at the end of the run.

Where the kernel refuses (fanotify needs CAP_SYS_ADMIN; the snippet has no mount of its own when
`protect_directory` failed), `watch` returns None and the reason: only the audit hook's reads are known
then, as `CONTRIBUTING.md` says. Runs inside the forked child, like `sandbox`.
"""

from __future__ import annotations

import ctypes
import errno
import os
import struct
import sys
from typing import Any

# <linux/fanotify.h>
FAN_CLOEXEC = 0x1
FAN_NONBLOCK = 0x2
FAN_CLASS_NOTIF = 0x0
FAN_UNLIMITED_QUEUE = 0x10
FAN_MARK_ADD = 0x1
FAN_MARK_MOUNT = 0x10
FAN_OPEN = 0x20
FAN_Q_OVERFLOW = 0x4000
FAN_NOFD = -1
_AT_FDCWD = -100
_EVENT = struct.Struct("=IBBHQii")
"""`struct fanotify_event_metadata`: event_len, vers, reserved, metadata_len, mask, fd, pid (24 bytes)."""


def _load_libc() -> Any:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.fanotify_init.argtypes = [ctypes.c_uint, ctypes.c_uint]
        libc.fanotify_mark.argtypes = [ctypes.c_int, ctypes.c_uint, ctypes.c_uint64, ctypes.c_int, ctypes.c_char_p]
    except (OSError, AttributeError):  # not Linux, or a C library without fanotify
        return None
    return libc


_LIBC = _load_libc()
"""The C library whose `fanotify_init` and `fanotify_mark` are called (tests replace it to simulate refusal)."""


class FileReads:
    """A fanotify group watching one mount: the files opened through it since `watch`.

    Parameters:
        fd: The fanotify group's descriptor (non-blocking, close-on-exec).
        root: The marked directory, as an absolute path ending in `/`.
    """

    def __init__(self, fd: int, root: str) -> None:
        self.fd = fd
        self.root = root
        self.overflowed = False

    def collect(self) -> set[str]:
        """The absolute paths of the regular files opened under the root so far (each event read once).

        Returns:
            Paths as the kernel resolves them (symbolic links followed), under `root`.
        """
        paths: set[str] = set()
        while True:
            try:
                buffer = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                break
            except OSError as err:
                if err.errno == errno.EINTR:
                    continue
                break
            if not buffer:
                break
            offset = 0
            while offset + _EVENT.size <= len(buffer):
                length, _, _, _, mask, fd, _ = _EVENT.unpack_from(buffer, offset)
                offset += max(length, _EVENT.size)
                if mask & FAN_Q_OVERFLOW:
                    self.overflowed = True
                if fd == FAN_NOFD:
                    continue
                try:
                    path = os.readlink(f"/proc/self/fd/{fd}")
                    if path.startswith(self.root) and os.path.isfile(path):
                        paths.add(path)
                except OSError:
                    pass
                finally:
                    os.close(fd)
        return paths

    def close(self) -> None:
        """Stop watching (the group and its mark go away)."""
        os.close(self.fd)


def watch(root: str) -> tuple[FileReads | None, str | None]:
    """Start recording the files this process and every process it starts open through the mount at `root`.

    Call it in the forked snippet process once `isolation.protect_directory(root)` gave the process a
    mount of its own at `root` (a mark on a mount other processes use would record their opens too).

    Parameters:
        root: The repository: an absolute directory that is a mount point of this process's own
            mount namespace.

    Returns:
        The watch and None; or None and a one-line reason, e.g. "fanotify_init failed: Operation not
        permitted" (fanotify needs CAP_SYS_ADMIN).

    Raises:
        Nothing: every failure becomes the returned reason.
    """
    if not sys.platform.startswith("linux") or _LIBC is None or not hasattr(_LIBC, "fanotify_init"):
        return None, f"fanotify exists only on Linux (this is {sys.platform})"
    flags = FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK | FAN_UNLIMITED_QUEUE
    fd = _LIBC.fanotify_init(flags, os.O_RDONLY | os.O_LARGEFILE | os.O_CLOEXEC)
    if fd < 0:
        return None, f"fanotify_init failed: {os.strerror(ctypes.get_errno())}"
    if _LIBC.fanotify_mark(fd, FAN_MARK_ADD | FAN_MARK_MOUNT, FAN_OPEN, _AT_FDCWD, os.fsencode(root)) != 0:
        reason = f"fanotify_mark of {root} failed: {os.strerror(ctypes.get_errno())}"
        os.close(fd)
        return None, reason
    return FileReads(fd, root.rstrip("/") + "/"), None
