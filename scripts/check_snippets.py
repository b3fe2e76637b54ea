#!/usr/bin/env python3
"""Run and check every course snippet. See `python scripts/check_snippets.py --help`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from snippet_engine.checker.command_line import main

if __name__ == "__main__":
    sys.exit(main())
