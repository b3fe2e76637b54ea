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
- `embeds`     which blocks of a page embed a snippet (the site's own Markdown, the fence's real validator).
- `fence`      the `snippet` fence on the site: markdown-exec's formatter, the render cache of its frame.
- `project`    pages, embeds, snippets and their consistency checks.
- `notebook_build`  page -> chapter notebook, cut at the embeds; `notebook_run` executes them.
"""

from snippet_engine.engine import Engine
from snippet_engine.result import Figure, Problem, SnippetResult

__all__ = ["Engine", "Figure", "Problem", "SnippetResult"]
