"""Paths in printed output, named the same way on every machine: the one normalisation of both runs.

Python prints absolute paths (a traceback's library frames, a warning raised inside a library, a
snippet printing `__file__` or a data file's path). The engine's run (`worker`) and the chapter
notebook's run (`notebooks/cell_checks`) both pass what was printed through `portable_paths`, so
that a `.out` record, a page and a notebook check all see `snippets/ch/x.py`,
`site-packages/sklearn/…` and `stdlib/…`, wherever the course, the kernel's folder or Python live.
"""

from __future__ import annotations

import site
import sysconfig


def portable_paths(text: str, repo_root: str) -> str:
    """Output that names files the same way on every machine.

    The repository's own files become relative to its root (as the engine names the snippet itself),
    installed packages `site-packages/…` (`site.getsitepackages()` and the user site) and the standard
    library `stdlib/…` (`sysconfig.get_paths()["stdlib"]`), so that neither a page nor a `.out` record
    depends on where the course or Python was installed. The longest prefix wins: a virtual
    environment's site-packages may lie inside the repository.

    Parameters:
        text: Rendered output (see `terminal.render_terminal`).
        repo_root: The absolute path that stands for the repository: the repository itself for a
            snippet's run, the folder the notebook's setup cell lays the repository's files out in
            for a notebook's run (`notebooks.build.LOCAL_FILES` in the kernel's directory).

    Returns:
        The text with those prefixes replaced; text naming none of them is returned unchanged.
    """
    prefixes = {repo_root.rstrip("/") + "/": ""}
    for path in {*site.getsitepackages(), site.getusersitepackages()}:
        prefixes[path.rstrip("/") + "/"] = "site-packages/"
    prefixes[sysconfig.get_paths()["stdlib"].rstrip("/") + "/"] = "stdlib/"
    for prefix in sorted(prefixes, key=len, reverse=True):  # the venv's site-packages lies inside the repository
        text = text.replace(prefix, prefixes[prefix])
    return text
