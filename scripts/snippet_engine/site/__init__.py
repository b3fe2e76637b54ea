"""The MkDocs site: the `snippet` fence, pages and notebook views, search, sitemap, error pages, the hooks.

Every MkDocs, Material, mkdocs-jupyter or plugin internal used here is reached through `mkdocs_internals`.
"""
