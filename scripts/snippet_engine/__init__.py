"""Execution engine for the course's code snippets.

One engine serves two front ends: the MkDocs build (`mkdocs_plugin`) and the
checker (`checker`, run by `scripts/check_snippets.py`). Data flows one way:

    page -> formatter -> Engine -> (cache) -> SnippetResult -> render

Where things live:

Running a snippet
- `engine`          runs snippets: cache lookup, then the worker pool, then the error policy.
- `pool`            the lazily started pool of warm worker processes (the first forks the others once warm).
- `worker`          a warm process that imported the heavy modules and forks a child per snippet;
                    reads its output pipe and bounds it.
- `sandbox`         inside that child: `python x.py` semantics (source, warnings, shutdown) and the probes.
- `isolation`       the child's network namespace and read-only repository (whole process tree).
- `state`           named probes of process-global state a snippet must not leave changed.
- `terminal`        raw output -> what a terminal shows (pyte).
- `result`          `SnippetResult` and friends: plain dataclasses.
- `cache`           the cache key and the atomic on-disk store.
- `memo`            results of slow, pure computations on text (embeds, notebooks, search entries, pages), keyed by
                    their inputs and the engine's loaded code; `Registry`, the files a build's pages link.
- `source`          reading source as CPython does; `# snippet:` directives; the `# zh:` / `# en:` filter.
- `expected`        comparison with the recorded `.out` files.

Pages and the site
- `embeds`          which blocks of a page embed a snippet (the site's own Markdown, the fence's real validator).
- `project`         pages, embeds, snippets and their consistency checks.
- `fence`           the `snippet` fence on the site: markdown-exec's formatter, the render cache of its frame.
- `render`          result -> HTML.
- `charts`          each figure as one file for the whole site: oxipng-optimised (cached), content-addressed,
                    linked relative to each page; notebook views' embedded PNGs replaced by the same files.
- `downloads`       each snippet's `.py` (as in the repository) and the data files it reads, served once at
                    `snippets/<chapter>/…` and linked under the snippet, relative to each page.
- `notebook_build`  page -> chapter notebook, cut at the embeds.
- `notebook_run`    notebook execution in a temporary directory, each cell compared with its record.
- `notebook_views`  the notebooks as site pages (mkdocs-jupyter fixes, download button).
- `search_index`    each page's search entries memoised; one search index per language; unused lunr languages dropped.
- `page_memo`       rendered pages reused while nothing they are made of changed; page transforms memoised.
- `error_pages`     a 404 page per language.
- `sitemap`         one sitemap for both languages, with hreflang alternates (when `site_url` is set).
- `mkdocs_plugin`   the MkDocs hooks: each delegates to one of the modules above.
- `checker`         the command line of `scripts/check_snippets.py`.
"""

from snippet_engine.engine import Engine
from snippet_engine.result import Figure, Problem, SnippetResult

__all__ = ["Engine", "Figure", "Problem", "SnippetResult"]
