"""The result cache: what a key is made of, and an atomic store.

A key hashes everything that can change a snippet's result before it runs:
its bytes and path, the engine's own runtime code, the versions of Python,
torch, NumPy, matplotlib and scikit-learn, and the device. Files the snippet
read from the repository are only known after a run, so an entry records them
with their hashes and is trusted only while they are unchanged.

Entries are written to a temporary file and renamed into place, so a run
killed mid-write never leaves an entry that a later run would trust.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import shutil
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TextIO

from snippet_engine.running.result import SnippetResult

_ENGINE_RUNTIME = (
    "sandbox.py",
    "observer.py",
    "file_reads.py",
    "figures.py",
    "worker.py",
    "result.py",
    "terminal.py",
    "paths.py",
    "processes.py",
    "isolation.py",
    "state.py",
    "state_probes.py",
    "source.py",
)
"""The modules of `running/` that run inside a worker and its child: their bytes are part of every result's key."""
_PACKAGES = ("torch", "numpy", "matplotlib", "scikit-learn", "pyte", "wcwidth", "psutil")


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


_partial_writes: set[str] = set()
"""Temporary files of `write_atomic` calls in progress, in any thread (removed on Ctrl-C: `interrupt`)."""


def remove_partial_writes() -> None:
    """Delete the temporary files of the writes in progress: none of them is an entry anyone may trust."""
    for tmp in list(_partial_writes):
        Path(tmp).unlink(missing_ok=True)


def write_atomic(path: Path, write: Callable[[TextIO], object]) -> None:
    """Write a file so that no reader ever sees half of it: temporary file, fsync, rename.

    A writer killed midway leaves only a `.tmp` file beside `path`, never a partial `path`.

    Parameters:
        path: The file to (re)place; its folder is created on demand.
        write: Writes the content to the open text file it is given.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:16]}-", suffix=".tmp")
    _partial_writes.add(tmp)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    finally:
        _partial_writes.discard(tmp)


def write_if_changed(path: Path, data: str) -> None:
    """Write `data` to `path` atomically, unless the file already holds exactly that text.

    Parameters:
        path: The file.
        data: Its text (UTF-8).
    """
    if not (path.is_file() and path.read_text(encoding="utf-8") == data):
        write_atomic(path, lambda fh: fh.write(data))


def copy_into_site(files: dict[str, Path], site_dir: str | Path) -> None:
    """Put files into the built site (a hard link, else a copy), each once; a file already there with the same
    bytes is left alone.

    Parameters:
        files: Site-relative destination path -> source file.
        site_dir: The site's output folder.
    """
    for rel, source in sorted(files.items()):
        path = Path(site_dir) / rel
        if path.is_file() and (path.samefile(source) or path.read_bytes() == source.read_bytes()):
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        try:
            # A hard link where the site and the file share a file system: 500 files a build (the downloads,
            # the charts) are then not copied byte by byte (0.3 s of every `mkdocs serve` rebuild).
            os.link(source, path)
        except OSError:
            shutil.copyfile(source, path)


def environment_fingerprint(device: str) -> dict[str, str]:
    """Versions and device that every cache key includes.

    Parameters:
        device: The device the snippets run on.

    Returns:
        A flat mapping, stable for one installation.
    """
    engine = hashlib.sha256()
    for name in _ENGINE_RUNTIME:
        engine.update((Path(__file__).parent / name).read_bytes())
    fingerprint = {"python": platform.python_version(), "engine": engine.hexdigest(), "device": device}
    for package in _PACKAGES:
        try:
            fingerprint[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            fingerprint[package] = "absent"
    return fingerprint


def cache_key(snippet_rel: str, snippet_bytes: bytes, fingerprint: dict[str, str], timeout: float) -> str:
    """The key of one snippet's result.

    Parameters:
        snippet_rel: Snippet path relative to the repository (it shows in tracebacks).
        snippet_bytes: The snippet's source bytes.
        fingerprint: From `environment_fingerprint`.
        timeout: The timeout it runs under.

    Returns:
        A hex digest.
    """
    material = json.dumps(
        {
            "path": snippet_rel,
            "source": hashlib.sha256(snippet_bytes).hexdigest(),
            "env": fingerprint,
            "timeout": timeout,
        },
        sort_keys=True,
    )
    return hashlib.sha256(material.encode()).hexdigest()


class ResultCache:
    """Successful results on disk, one JSON file per key.

    Parameters:
        directory: Where entries live (created on demand).
        repo_root: Root that recorded dependency paths are relative to.
    """

    def __init__(self, directory: Path, repo_root: Path) -> None:
        self.directory = directory
        self.repo_root = repo_root

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def load(self, key: str) -> SnippetResult | None:
        """The stored result for `key`, or None if absent, unreadable or stale.

        Parameters:
            key: From `cache_key`.

        Returns:
            The result, marked `cached`.
        """
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            result = SnippetResult.from_json(data, cached=True)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError):
            path.unlink(missing_ok=True)  # corrupt: never trust it again
            return None
        return result if self.is_fresh(result) else None

    def is_fresh(self, result: SnippetResult) -> bool:
        """Whether every repository file the run read still has the bytes it had then.

        Parameters:
            result: A stored or remembered result.

        Returns:
            False when a dependency changed or disappeared.
        """
        for rel, digest in result.reads.items():
            dependency = self.repo_root / rel
            if not dependency.is_file() or file_sha256(dependency) != digest:
                return False
        return True

    def store(self, key: str, result: SnippetResult) -> None:
        """Write `result` under `key` atomically (temporary file, fsync, rename).

        Parameters:
            key: From `cache_key`.
            result: A successful result.
        """
        write_atomic(self._path(key), lambda fh: json.dump(result.to_json(), fh))
