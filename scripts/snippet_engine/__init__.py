"""Execution engine for the course's code snippets.

One engine serves two front ends: the MkDocs build (`site/hooks.py`) and the
checker (`checker/command_line.py`, run by `scripts/check_snippets.py`). Data flows one way:

    page -> formatter -> Engine -> (cache) -> SnippetResult -> render

Where things live: one folder per group of concerns. A module imports only from its own
folder and from the folders below it (`tests/test_architecture.py` checks it, with no import
cycle and no module over 500 lines):

    site/, checker/   the two front ends (neither imports the other)
    notebooks/
    course/, output/  (neither imports the other)
    running/

running/ — running a snippet
- `engine`          runs snippets: cache lookup, then the worker pool, then the error policy.
- `pool`            the lazily started pool of warm worker processes (the first forks the others once warm).
- `worker`          a warm process that imported the heavy modules and forks a child per snippet;
                    reads its pseudo-terminal and bounds it.
- `processes`       the processes a run starts: adopted when orphaned (child subreaper), found, ended.
- `interrupt`       Ctrl-C: every process the run started ended, one line, exit status 130.
- `sandbox`         inside that child: `python x.py` semantics (source, warnings, shutdown) and the probes.
- `observer`        inside that child: what the policy needs (warnings, network, repository writes, figures).
- `figures`         inside that child: a figure as the reader's window shows it (bounded PNG), its titles and labels.
- `isolation`       the child's network namespace and read-only repository (whole process tree).
- `file_reads`      inside that child: the repository files its whole process tree opens, any layer (fanotify).
- `state_probes`    named probes of process-global state and `snapshot` (stdlib only: loaded in kernels too).
- `state`           two snapshots compared: what a snippet left changed, blamed on the line that did it.
- `terminal`        raw output -> what a terminal shows (pyte).
- `paths`           absolute paths in output -> the repository's, `site-packages/…`, `stdlib/…` (engine and notebooks).
- `result`          `SnippetResult` and friends: plain dataclasses.
- `cache`           the cache key and the atomic on-disk store.
- `memo`            results of slow, pure computations on text (embeds, notebooks, search entries, pages), keyed by
                    their inputs and the engine's loaded code; `Registry`, the files a build's pages link.
- `source`          reading source as CPython does; `# snippet:` directives; the `# zh:` / `# en:` filter.
- `expected`        comparison with the recorded `.out` files.
- `records`         what a record says beyond its text: the environment that wrote it, the numbers that vary.
- `numerics`        the CPU numerics a snippet runs under, and the other machines' numerics this one imitates.

course/ — the course as files
- `embeds`          which blocks of a page embed a snippet (the site's own Markdown, the fence's real validator).
- `project`         pages, embeds, snippets and their consistency checks.
- `page_cells`      a page cut into notebook cells (prose and snippets), or the lines a notebook cannot express.
- `shard`           a check split into N shards for a CI matrix, by recorded durations.

output/ — what a reader sees of a result
- `render`          result -> HTML.
- `charts`          each figure as one file for the whole site: oxipng-optimised (cached), content-addressed,
                    linked relative to each page; notebook views' embedded PNGs replaced by the same files.

notebooks/ — chapter notebooks
- `build`           page -> chapter notebook, cut at the embeds.
- `run`             notebook execution in a temporary directory, one fresh kernel, the verdict cached.
- `cell_checks`     the hidden state probes, and each executed cell compared with its snippet's record.

site/ — the MkDocs site
- `hooks`           the MkDocs hooks: each delegates to one of the modules below (a table of contents).
- `fence`           the `snippet` fence on the site: markdown-exec's formatter, the render cache of its frame.
- `highlight`       fewer highlighting spans for the site's Python (a Pygments filter).
- `math`            math typeset at build time (KaTeX in Node): no script typesets math in the browser.
- `downloads`       each snippet's `.py` (as in the repository) and the data files it reads, served once at
                    `snippets/<chapter>/…` and linked under the snippet, relative to each page.
- `notebook_views`  the notebooks as site pages (mkdocs-jupyter fixes, download button).
- `notebook_styles` the views' shared JupyterLab stylesheets cut to the rules they use (PurgeCSS), after the build.
- `lean_pages`      what a page loads: no lightbox without charts, scripts deferred, the search dialog named.
- `search_index`    each page's search entries memoised; one search index per language; unused lunr languages dropped.
- `page_memo`       rendered pages reused while nothing they are made of changed; page transforms memoised.
- `error_pages`     a 404 page per language.
- `sitemap`         one sitemap for both languages, with hreflang alternates (when `site_url` is set).
- `build_log`       what a build prints: news only (the known noise of jieba, mkdocs-static-i18n, MkDocs dropped).
- `mkdocs_internals` every MkDocs, Material, mkdocs-jupyter and plugin internal the site replaces or relies
                    on, with the version it was written against (`tests/test_mkdocs_internals.py`).

checker/ — the checker
- `command_line`    the command line of `scripts/check_snippets.py`.
- `judge`           a snippet's run against its record (passed, updated, failed, drift); `--update`'s measurements.
- `summary`         the final table, the JSON report and JUnit XML.
- `report`          the drift report (`--report`).
"""

from snippet_engine.running.engine import Engine
from snippet_engine.running.result import Figure, Problem, SnippetResult

__all__ = ["Engine", "Figure", "Problem", "SnippetResult"]
