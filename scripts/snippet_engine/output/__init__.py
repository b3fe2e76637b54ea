"""What a reader sees of a result: HTML under a snippet, charts as files.

Shared by the site's pages and the chapter notebooks; builds on `running` only.
"""
