#!/usr/bin/env bash
# Installs the npm packages when node_modules is missing or older than package-lock.json.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
command -v node >/dev/null 2>&1 || die "Node.js 20.19 or newer is needed: https://nodejs.org"
# Vite 8 needs Node ^20.19 or >= 22.12 (Debian 12's own nodejs package is 18: too old).
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) || (a === 20 && b >= 19) ? 0 : 1)' \
  || die "Node.js $(node --version) is too old: Vite needs 20.19+ or 22.12+ (https://nodejs.org)"
STAMP=node_modules/.rnnp-installed
if [ ! -f "$STAMP" ] || [ package-lock.json -nt "$STAMP" ] || [ package.json -nt "$STAMP" ]; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >&2
  touch "$STAMP"
fi
