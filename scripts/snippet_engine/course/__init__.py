"""The course as files: pages, the snippets they embed, shards of a check, and their consistency.

Builds on `running` only; the notebooks, the site and the checker build on it.
"""
