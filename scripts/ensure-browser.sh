#!/usr/bin/env bash
# Finds a Chromium for the browser tests and prints its path. If none is found and this
# machine can install one (root with apt), installs Debian's chromium and a CJK font (so
# Chinese renders in screenshots). Otherwise stops with a message; the browser tests are
# never skipped silently.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

find_browser() {
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    [ -x "$CHROMIUM_PATH" ] && { echo "$CHROMIUM_PATH"; return 0; }
    die "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable"
  fi
  for b in chromium chromium-browser google-chrome google-chrome-stable; do
    command -v "$b" >/dev/null 2>&1 && { command -v "$b"; return 0; }
  done
  return 1
}

has_cjk_font() {
  command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -1)" ]
}

if ! BROWSER="$(find_browser)"; then
  if can_apt; then
    apt_install chromium fonts-noto-cjk || die "could not install chromium"
    BROWSER="$(find_browser)" || die "chromium was installed but is not on PATH"
  else
    die "no Chromium found for the browser tests. Install chromium (Debian: apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH=/path/to/chrome"
  fi
fi
if ! has_cjk_font; then
  if can_apt; then
    apt_install fonts-noto-cjk || say "warning: no CJK font could be installed; Chinese text will show as boxes in screenshots"
  else
    say "warning: no CJK font found; Chinese text will show as boxes in screenshots (install fonts-noto-cjk)"
  fi
fi
say "browser: $BROWSER ($("$BROWSER" --version 2>/dev/null | head -1))"
echo "$BROWSER"
