"""The checker: the command line of `scripts/check_snippets.py` and its reports.

A front end like the site: builds on `notebooks`, `course` and `running`, never on `site`.
"""
