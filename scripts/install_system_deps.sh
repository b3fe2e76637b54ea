#!/usr/bin/env bash
# System packages the tests need and pip cannot provide: Debian's Chromium, which the browser
# test (tests/test_browser.py) drives through Playwright. Never a downloaded browser build.
# Does nothing when /usr/bin/chromium (or $CHROMIUM) is already there.
set -euo pipefail
chromium="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_system_deps.sh: $chromium is missing and apt-get is not available;" >&2
    echo "install Chromium with your package manager and set CHROMIUM=/path/to/chromium" >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "Installing Debian's chromium (for the browser test)…" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium
