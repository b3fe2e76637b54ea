"""Which repository files a snippet opened, whichever layer opened them.

The audit hook (`observer`) sees the opens of the snippet's own Python (`open`, `Path.read_text`,
`io.open_code`). It does not see NumPy's `np.fromfile`, `torch.from_file`, a C++ extension's
`std::ifstream`, or a `cat` the snippet runs: C code calls open(2) itself. The kernel sees them all,
and fanotify(7) reports them. `watch` picks the most precise report the machine allows:

- with CAP_SYS_ADMIN (root, CI's privileged container): a mark on a *mount* (fanotify_mark(2),
  `FAN_MARK_MOUNT`). Inside the forked snippet process, `isolation.protect_directory` has
  bind-mounted the repository onto itself in the process's own mount namespace, and only the
  snippet's process tree reaches the repository through that mount. The mark reports `FAN_OPEN` of
  every file opened through it, by any process of the tree and any library, and by nobody else: a
  snippet another worker runs at the same moment, the checker reading records, `mkdocs` reading pages
  all open the same files through the host's mount, which is not marked. Each event carries a
  descriptor of the opened file; its path is `/proc/self/fd/N`'s target.
- without it (since Linux 5.13): marks on each *directory* of the repository (hidden folders,
  `node_modules`, `__pycache__` and the top-level `site/` left out), reporting the directory and the
  name (`FAN_REPORT_DFID_NAME`). These see every process's opens, but an unprivileged listener learns
  the pid of an event only when it is its own (pid 0 otherwise, fanotify_init(2)), so exactly the
  snippet process's own opens, by any library in it, are kept. Opens by processes it starts are not
  seen then.

Events wait in the kernel until `collect` reads them, at the end of the run (the mount mark's queue
is unlimited; a directory mark's holds 16384 events, past which the kernel drops the rest).
Where neither is allowed (not Linux, a kernel before 5.13, no mount of its own), `watch` returns None
and the reason: only the audit hook's reads are known then. Runs inside the forked child, like `sandbox`.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys
from typing import Any

# <linux/fanotify.h>
FAN_CLOEXEC = 0x1
FAN_NONBLOCK = 0x2
FAN_CLASS_NOTIF = 0x0
FAN_UNLIMITED_QUEUE = 0x10
FAN_REPORT_DFID_NAME = 0x400 | 0x800
FAN_MARK_ADD = 0x1
FAN_MARK_MOUNT = 0x10
FAN_OPEN = 0x20
FAN_EVENT_ON_CHILD = 0x08000000
FAN_NOFD = -1
FAN_EVENT_INFO_TYPE_DFID_NAME = 2
_AT_FDCWD = -100
_EVENT = struct.Struct("=IBBHQii")
"""`struct fanotify_event_metadata`: event_len, vers, reserved, metadata_len, mask, fd, pid (24 bytes)."""
_INFO = struct.Struct("=BBH8sIi")
"""`struct fanotify_event_info_fid` up to its handle: info_type, pad, len, fsid, then `struct file_handle`'s
handle_bytes and handle_type."""
_HANDLE_SIZE = 128
"""Bytes of `f_handle` asked for (MAX_HANDLE_SZ)."""

SKIPPED = ("node_modules", "__pycache__")
"""Folders never watched, wherever they are (with every hidden folder, and the site built at the top)."""


def _load_libc() -> Any:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.fanotify_init.argtypes = [ctypes.c_uint, ctypes.c_uint]
        libc.fanotify_mark.argtypes = [ctypes.c_int, ctypes.c_uint, ctypes.c_uint64, ctypes.c_int, ctypes.c_char_p]
        libc.name_to_handle_at.argtypes = [
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.c_int,
        ]
    except (OSError, AttributeError):  # not Linux, or a C library without fanotify
        return None
    return libc


_LIBC = _load_libc()
"""The C library whose fanotify calls are made (tests replace it to simulate refusal)."""


def _error(call: str) -> str:
    return f"{call} failed: {os.strerror(ctypes.get_errno())}"


def _handle(path: str) -> bytes:
    """`struct file_handle` of `path` (name_to_handle_at(2)), as a directory event reports it.

    Raises:
        OSError: The file system gives no handles.
    """
    buffer = ctypes.create_string_buffer(8 + _HANDLE_SIZE)
    struct.pack_into("=Ii", buffer, 0, _HANDLE_SIZE, 0)
    mount_id = ctypes.c_int()
    if _LIBC.name_to_handle_at(_AT_FDCWD, os.fsencode(path), buffer, ctypes.byref(mount_id), 0) != 0:
        raise OSError(ctypes.get_errno(), _error("name_to_handle_at"))
    size = struct.unpack_from("=I", buffer, 0)[0]
    return buffer.raw[: 8 + size]


def directories(root: str) -> list[str]:
    """The folders of `root` whose files a snippet may read: all but hidden ones, `SKIPPED` and `root/site`.

    Parameters:
        root: The repository, absolute.

    Returns:
        Absolute paths, `root` first.
    """
    found = []
    for folder, names, _ in os.walk(root):
        found.append(folder)
        top = folder == root
        names[:] = [n for n in names if not (n.startswith(".") or n in SKIPPED or (top and n == "site"))]
    return found


class FileReads:
    """A fanotify group: the files opened under a root since `watch` (see the module's docstring).

    Parameters:
        fd: The fanotify group's descriptor (non-blocking, close-on-exec).
        root: The watched directory, as an absolute path ending in `/`.
        folders: For a group of directory marks, each marked folder by its file handle; None for a mount mark.
    """

    def __init__(self, fd: int, root: str, folders: dict[bytes, str] | None = None) -> None:
        self.fd = fd
        self.root = root
        self.folders = folders

    def collect(self) -> set[str]:
        """The absolute paths of the regular files opened under the root so far (each event read once).

        Returns:
            Paths as the kernel resolves them (symbolic links followed), under `root`: through a mount
            mark, opened by any process of the snippet's tree; through directory marks, by this process.
        """
        paths: set[str] = set()
        own = os.getpid()
        while True:
            try:
                buffer = os.read(self.fd, 1 << 16)
            except InterruptedError:
                continue
            except OSError:  # EAGAIN: nothing more
                break
            if not buffer:  # not a fanotify group after all (end of file): nothing to read
                break
            offset = 0
            while offset + _EVENT.size <= len(buffer):
                length, _, _, header, _, fd, pid = _EVENT.unpack_from(buffer, offset)
                if fd != FAN_NOFD:
                    paths.add(self._opened(fd))
                elif pid == own and self.folders is not None:
                    paths.add(self._named(buffer[offset + header : offset + length]))
                offset += max(length, _EVENT.size)
        return {path for path in paths if path.startswith(self.root) and os.path.isfile(path)}

    def _opened(self, fd: int) -> str:
        try:
            return os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            return ""
        finally:
            os.close(fd)

    def _named(self, records: bytes) -> str:
        """The path a directory event names: its folder (by handle) joined with its name."""
        at = 0
        while at + _INFO.size <= len(records):
            kind, _, length, _, size, _ = _INFO.unpack_from(records, at)
            if kind == FAN_EVENT_INFO_TYPE_DFID_NAME and self.folders is not None:
                handle_end = at + 12 + 8 + size
                folder = self.folders.get(records[at + 12 : handle_end])
                name = records[handle_end : at + length].split(b"\0", 1)[0]
                if folder is not None and name:
                    return os.path.join(folder, os.fsdecode(name))
            at += max(length, _INFO.size)
        return ""


def watch(root: str, own_mount: bool = True) -> tuple[FileReads | None, str | None]:
    """Start recording the repository files this process (and, where allowed, its process tree) opens.

    Call it in the forked snippet process, after `isolation.protect_directory(root)`.

    Parameters:
        root: The repository, absolute.
        own_mount: Whether `root` is a mount of this process's own mount namespace (`protect_directory`
            succeeded): only then may a mount mark attribute opens to this process tree.

    Returns:
        The watch and None when it sees the whole process tree; the watch and a one-line note when it
        sees this process's opens only; None and the reason when it sees nothing (e.g. "fanotify_init
        failed: Operation not permitted").

    Raises:
        Nothing: every failure becomes the returned reason.
    """
    if not sys.platform.startswith("linux") or _LIBC is None:
        return None, f"fanotify exists only on Linux (this is {sys.platform})"
    root = root.rstrip("/")
    mount_note = "no mount of its own"
    if own_mount:
        flags = FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK | FAN_UNLIMITED_QUEUE
        # Non-blocking: the descriptor of an opened FIFO must not wait for a writer.
        fd = _LIBC.fanotify_init(flags, os.O_RDONLY | os.O_LARGEFILE | os.O_CLOEXEC | os.O_NONBLOCK)
        if fd >= 0:
            if _LIBC.fanotify_mark(fd, FAN_MARK_ADD | FAN_MARK_MOUNT, FAN_OPEN, _AT_FDCWD, os.fsencode(root)) == 0:
                return FileReads(fd, root + "/"), None
            mount_note = _error(f"fanotify_mark of the mount {root}")
            os.close(fd)
        else:
            mount_note = _error("fanotify_init")
    fd = _LIBC.fanotify_init(FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK | FAN_REPORT_DFID_NAME, os.O_RDONLY)
    if fd < 0:
        return None, f"{mount_note}; {_error('fanotify_init(FAN_REPORT_DFID_NAME)')}"
    folders = {}
    try:
        for folder in directories(root):
            if _LIBC.fanotify_mark(fd, FAN_MARK_ADD, FAN_OPEN | FAN_EVENT_ON_CHILD, _AT_FDCWD, os.fsencode(folder)):
                raise OSError(ctypes.get_errno(), _error(f"fanotify_mark of {folder}"))
            folders[_handle(folder)] = folder
    except OSError as err:
        os.close(fd)
        return None, f"{mount_note}; {err.strerror}"
    return FileReads(fd, root + "/", folders), f"{mount_note}: opens by processes the snippet starts are not seen"
