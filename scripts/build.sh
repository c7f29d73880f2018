#!/usr/bin/env bash
# `npm run build`: the static site in dist/ (relative paths: it works from any sub-path).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
scripts/setup-node.sh
scripts/build-wasm.sh
npx vite build
TOTAL=$(find dist -type f -exec gzip -9c {} \; | wc -c)
say "dist/ is ready: $((TOTAL / 1024)) KB gzipped in all (serve it with any static host, e.g. 'python3 -m http.server -d dist')"
