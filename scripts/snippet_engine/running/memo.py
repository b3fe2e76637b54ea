"""Results of slow, pure computations on text, kept on disk between builds: a page's embeds, its search entries.

A warm build (nothing changed) spent most of its time recomputing what it had computed the build
before: finding each page's snippet fences with the site's own Markdown (0.7 s for 52 pages) and
HTML-parsing and segmenting each rendered page for the search index (0.8 s for 102). A `Memo`
stores such a result under a key made of

- every input, by content (the page's text, its HTML, its URL, ...);
- the code that computes it: every module of the engine, the versions of the libraries named,
  and any files named (`mkdocs.yml`, the jieba user dictionary), read when the `Memo` is made;

so an entry is found again only when the very same inputs meet the very same code. A changed input
or a changed engine module is a miss, never a stale hit; `tests/test_staleness.py` edits prose, a
snippet, a data file, `mkdocs.yml` and the engine in a built site and asserts that each edit reaches
the output.

Entries are JSON files written atomically (`cache.write_atomic`), so a build killed mid-write leaves
nothing a later build would trust. A corrupt entry is a miss, and is removed.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

from snippet_engine.running.cache import write_atomic

ENGINE_DIR = Path(__file__).resolve().parents[1]
"""The engine package: every module in it and its subpackages counts (`_engine_digest`)."""


def _engine_digest(directory: Path) -> str:
    digest = hashlib.sha256()
    for module in sorted(directory.rglob("*.py")):
        name = module.relative_to(directory).as_posix()
        digest.update(name.encode() + b"\0" + module.read_bytes() + b"\0")
    return digest.hexdigest()


_LOADED_ENGINE = _engine_digest(ENGINE_DIR)
"""The engine's modules as this process loaded them (the package imports them all when it starts).

Fingerprints use this, not the files as they are now: under `mkdocs serve`, an edit to the engine
reaches the disk but not the running code, and an entry the old code computed must not be stored
under the new code's key. `engine_changed` tells the author to restart."""


def engine_changed() -> bool:
    """Whether the engine's modules on disk differ from those this process runs (restart `mkdocs serve`)."""
    return _engine_digest(ENGINE_DIR) != _LOADED_ENGINE


@functools.cache
def _version(package: str) -> str:
    """An installed distribution's version, or "absent" (once per process: `importlib.metadata` scans
    every installed distribution, 0.1 s a build for the fingerprints' 200 lookups)."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "absent"


def code_fingerprint(packages: Iterable[str] = (), files: Iterable[Path] = ()) -> str:
    """A digest of the code and settings a computation depends on.

    Parameters:
        packages: Distribution names whose installed versions count (`"mkdocs-material"`); one that is
            not installed counts as absent.
        files: Further files whose bytes count (`mkdocs.yml`); one that does not exist counts as absent.

    Returns:
        A hex sha256 over every module of this engine as this process loaded them
        (`scripts/snippet_engine/**/*.py`, see `_LOADED_ENGINE`), the versions and the files. Compute it
        once per build, not once per process: `mkdocs serve` rebuilds in one process, and an edit to
        `mkdocs.yml` between two rebuilds must change it.
    """
    digest = hashlib.sha256(_LOADED_ENGINE.encode())
    for package in packages:
        digest.update(f"{package}={_version(package)}\0".encode())
    for path in files:
        digest.update(str(path).encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"<absent>")
        digest.update(b"\0")
    return digest.hexdigest()


class Memo:
    """One kind of result on disk, keyed by its inputs and by the code that computes it.

    Parameters:
        directory: Where this kind's entries live (created on demand), e.g. `.cache/memo/embeds`.
        fingerprint: From `code_fingerprint`: the code and settings the results depend on.

    Attributes:
        hits: Entries found so far (for the tests and the benchmark).
        misses: Entries not found (absent, corrupt or from other code).
    """

    def __init__(self, directory: Path, fingerprint: str) -> None:
        self.directory = directory
        self.fingerprint = fingerprint
        self.hits = 0
        self.misses = 0

    def key(self, *inputs: str | bytes) -> str:
        """The key of a result computed from `inputs` (order counts) with this memo's code.

        Parameters:
            *inputs: Every input the result depends on, as text or bytes.

        Returns:
            A hex sha256.
        """
        digest = hashlib.sha256(self.fingerprint.encode())
        for item in inputs:
            data = item.encode("utf-8") if isinstance(item, str) else item
            digest.update(len(data).to_bytes(8, "big") + data)  # length-prefixed: ("ab", "c") != ("a", "bc")
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any | None:
        """The value stored under `key`, or None when there is none (a corrupt entry is removed).

        Parameters:
            key: From `key`.
        """
        path = self._path(key)
        try:
            value = json.loads(path.read_text(encoding="utf-8"))["value"]
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError, TypeError, KeyError):
            path.unlink(missing_ok=True)
            self.misses += 1
            return None
        self.hits += 1
        return value

    def get_or_put(self, key: str, compute: Callable[[], Any]) -> Any:
        """The value stored under `key`; on a miss, `compute()`, stored under `key` and returned.

        Parameters:
            key: From `key`.
            compute: Makes the value (anything `json` can write, not None) from the inputs the key names.
        """
        value = self.get(key)
        if value is None:
            value = compute()
            self.put(key, value)
        return value

    def put(self, key: str, value: Any) -> None:
        """Store `value` (anything `json` can write) under `key`, atomically.

        Parameters:
            key: From `key`.
            value: The result.
        """
        write_atomic(self._path(key), lambda fh: json.dump({"value": value}, fh, ensure_ascii=False))


def config_files(config: Any) -> list[Path]:
    """`[mkdocs.yml]` for a MkDocs config read from a file (what every memo's fingerprint names), else `[]`."""
    return [Path(config.config_file_path)] if config.config_file_path else []


def toc_tokens(toc: Any) -> list[dict[str, Any]]:
    """A MkDocs table of contents as the tokens `mkdocs.structure.toc.get_toc` makes it from (JSON-able)."""
    return [
        {"level": item.level, "id": item.id, "name": item.title, "children": toc_tokens(item.children)} for item in toc
    ]


def relative_files(found: Mapping[str, Any], root: Path) -> dict[str, str] | None:
    """Files a page linked (name -> path, as a `Registry` recorded them) with paths relative to `root`, for a
    memo entry; None when one lies outside `root` (such an entry could not be trusted in another clone)."""
    resolved = root.resolve()
    try:
        return {name: Path(path).resolve().relative_to(resolved).as_posix() for name, path in found.items()}
    except ValueError:
        return None


def present_files(stored: Mapping[str, str], root: Path) -> dict[str, Path] | None:
    """`relative_files`' result as paths under `root` again; None when one is gone (a cache was cleared)."""
    paths = {name: root / rel for name, rel in stored.items()}
    return paths if all(path.is_file() for path in paths.values()) else None


def snippet_digest(source: bytes, result_json: dict[str, Any], digits_vary: bool = False) -> str:
    """A digest of what a page or notebook shows of a snippet: its source bytes, its whole result, and whether
    its digits vary from machine to machine (`records.digits_vary`: a note under the output).

    Parameters:
        source: The snippet file's bytes (the shown source, comments included, comes from them).
        result_json: Its result (`SnippetResult.to_json()`): output, figures, the files it read and their hashes.
        digits_vary: Whether the page says the output's digits vary.

    Returns:
        A hex sha256.
    """
    data = json.dumps([result_json, digits_vary], sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(source + b"\0" + data).hexdigest()


class Registry(dict):
    """Files a build's pages link (name -> path), written into the site after the last page.

    A dict, plus `recording`: what one page's rendering notes, so that a memoised page notes the same
    files again when it is reused (each note is recorded, not only a name's first: two pages may link
    one chart, and either may be the one that is rendered).
    """

    def __init__(self) -> None:
        super().__init__()
        self._recorders: list[dict[str, Any]] = []

    def note(self, name: str, value: Any) -> None:
        """Note `name` (a site path) as linked, with its `value` (the file to copy)."""
        self[name] = value
        for recorder in self._recorders:
            recorder[name] = value

    @contextmanager
    def recording(self) -> Iterator[dict[str, Any]]:
        """Within the block, every `note` is also recorded in the yielded dict."""
        recorder: dict[str, Any] = {}
        self._recorders.append(recorder)
        try:
            yield recorder
        finally:
            self._recorders.remove(recorder)
