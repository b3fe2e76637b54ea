#!/usr/bin/env python3
"""Install the pinned requirements into the running Python (the Makefile runs it with `.venv/bin/python`).

torch comes first, from PyTorch's CPU index (`TORCH_INDEX`), where that index answers: PyPI's torch for
Linux is the CUDA build, which pulls several GB of nvidia packages a CPU-only course does not use. Where
only PyPI is reachable (a mirror, a firewalled CI), torch comes from PyPI with everything else, so a
machine that cannot reach PyTorch's index still installs. `TORCH_INDEX=<url>` asks for another build,
e.g. `https://download.pytorch.org/whl/cu128` for CUDA 12.8.

Usage: `python scripts/install_requirements.py [requirements.txt]`. Says what it does at each step; pip's
own progress is shown when stdout is a terminal.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

CPU_INDEX = "https://download.pytorch.org/whl/cpu"
PROBE_TIMEOUT = 5.0
"""Seconds to wait for PyTorch's index before installing torch from PyPI instead."""


def reachable(index: str, timeout: float = PROBE_TIMEOUT) -> bool:
    """Whether `index`'s torch page answers within `timeout` seconds."""
    try:
        with urllib.request.urlopen(f"{index.rstrip('/')}/torch/", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def pip(*args: str) -> None:
    """Run pip with this Python; exit with its status if it fails."""
    quiet = [] if sys.stdout.isatty() else ["--progress-bar", "off"]
    done = subprocess.run([sys.executable, "-m", "pip", "install", *quiet, *args])
    if done.returncode:
        sys.exit(done.returncode)


def main() -> int:
    requirements = Path(sys.argv[1] if len(sys.argv) > 1 else "requirements.txt")
    pinned = re.search(r"^torch==\S+", requirements.read_text(encoding="utf-8"), re.MULTILINE)
    index = os.environ.get("TORCH_INDEX") or CPU_INDEX
    if pinned and reachable(index):
        print(f"installing {pinned.group()} from {index}", flush=True)
        pip(pinned.group(), "--index-url", index)
    elif pinned:
        print(f"{index} did not answer within {PROBE_TIMEOUT:g} s: torch comes from PyPI", flush=True)
    print(f"installing the pinned {requirements} (the first time takes a few minutes)", flush=True)
    pip("-r", str(requirements))
    print("requirements installed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
