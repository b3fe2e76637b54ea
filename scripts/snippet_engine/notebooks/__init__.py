"""Chapter notebooks: built from a page and its snippets' results, then run top to bottom and checked.

Builds on `course`, `output` and `running`; the site shows them (`site.notebook_views`), the checker runs them.
"""
