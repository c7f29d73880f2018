#!/usr/bin/env bash
# Installs the npm packages when node_modules is missing or older than package-lock.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
command -v node >/dev/null 2>&1 || die "Node.js is needed (version 20 or newer): https://nodejs.org or 'apt-get install nodejs npm'"
STAMP=node_modules/.rnnp-installed
if [ ! -f "$STAMP" ] || [ package-lock.json -nt "$STAMP" ] || [ package.json -nt "$STAMP" ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >&2
  touch "$STAMP"
fi
