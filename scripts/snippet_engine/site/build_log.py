"""What a build prints: news only.

A newcomer's first `mkdocs build` printed jieba's four dictionary-loading lines, mkdocs-static-i18n's
account of every setting it overrides for English (the whole colour palette among them), and MkDocs'
"Template skipped" for templates the course leaves empty on purpose (`sitemap.xml` without `site_url`, the
theme's `404.html`, which `error_pages` replaces). None of it is news, and some of it looks like trouble.
`quiet_known_noise` drops exactly these messages; every warning, and every other message, still shows.
"""

from __future__ import annotations

import logging
import re

NOISE: dict[str, re.Pattern[str]] = {
    # Written against mkdocs 1.6.1 (mkdocs/commands/build.py: `_build_template`).
    "mkdocs.commands.build": re.compile(r"^Template skipped: '(sitemap\.xml|404\.html)' generated empty output\.$"),
    # Written against mkdocs-static-i18n 1.3.1 (reconfigure.py, through MkDocs' `get_plugin_logger`, which names
    # the logger `mkdocs.plugins.<module>` and prefixes each message): configuration it applies, as asked.
    "mkdocs.plugins.mkdocs_static_i18n": re.compile(
        r"^mkdocs_static_i18n: (Overriding '\w+' config|Adding '\w+' to the 'material/search' plugin|"
        r"Translated \d+ navigation elements)"
    ),
}
"""Logger name -> the INFO messages of it that are not news."""


class DropNoise(logging.Filter):
    """A handler filter that drops the INFO (and lower) records `NOISE` names, from its loggers and their children."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.INFO:
            return True
        message = record.getMessage()
        return not any(
            (record.name == name or record.name.startswith(name + ".")) and pattern.search(message)
            for name, pattern in NOISE.items()
        )


def quiet_known_noise() -> None:
    """Drop the messages in `NOISE` from what MkDocs' handlers print, and quiet jieba's dictionary-loading lines
    (jieba logs them at DEBUG to a stderr handler of its own).

    Idempotent: `mkdocs serve` calls it at every start-up.
    """
    for handler in logging.getLogger("mkdocs").handlers:
        if not any(isinstance(existing, DropNoise) for existing in handler.filters):
            handler.addFilter(DropNoise())
    logging.getLogger("jieba").setLevel(logging.WARNING)
