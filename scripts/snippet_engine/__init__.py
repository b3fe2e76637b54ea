"""Execution engine for the course's code snippets.

One engine serves two front ends: the MkDocs build (`mkdocs_plugin`) and the
checker (`checker`, run by `scripts/check_snippets.py`). Data flows one way:

    page -> formatter -> Engine -> (cache) -> SnippetResult -> render

Where things live:

- `engine`     runs snippets: cache lookup, then the worker pool, then policy.
- `pool`       the lazily started pool of warm worker processes.
- `worker`     a warm process that imported the heavy modules and forks a child per snippet.
- `sandbox`    what happens inside that child: isolation, capture, the error policy's probes.
- `cache`      the cache key and the atomic on-disk store.
- `result`     `SnippetResult` and friends: plain dataclasses.
- `source`     `# snippet:` directives and the `# zh:` / `# en:` comment filter.
- `expected`   comparison with the recorded `.out` files.
- `render`     result -> HTML.
- `project`    pages, embeds, snippets and their consistency checks.
"""

from snippet_engine.engine import Engine
from snippet_engine.result import Figure, Problem, SnippetResult

__all__ = ["Engine", "Figure", "Problem", "SnippetResult"]
