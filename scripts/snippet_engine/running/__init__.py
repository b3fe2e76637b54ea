"""Running a snippet: from its file to a `SnippetResult`, cached, and compared with its record.

Nothing here knows about pages, notebooks or MkDocs; every other group builds on this one.
`sandbox`, `observer`, `isolation`, `state` and `state_probes` run inside the forked child (`state_probes`
also inside notebook kernels, loaded by file path).
"""
