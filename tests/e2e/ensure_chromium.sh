#!/usr/bin/env bash
# Test set-up only: installs Debian's chromium when it is missing, for tests/e2e/html_render.py.
# Prints the browser's path; exits 1 (and the test is skipped) when it cannot be installed
# (not root and no sudo, no network, no such package).
set -uo pipefail
find_browser() {
  for b in chromium chromium-browser; do
    if command -v "$b" >/dev/null 2>&1; then command -v "$b"; return 0; fi
  done
  return 1
}
if find_browser; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else exit 1; fi
fi
echo "ensure_chromium: installing chromium" >&2
$SUDO apt-get update -qq >&2 || exit 1
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2 || exit 1
find_browser
