#!/usr/bin/env bash
# `npm start`: sets up what is missing, builds the engine for the browser and serves the
# page with Vite (it prints the address to open).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
scripts/setup-node.sh
scripts/build-wasm.sh
say "starting the page; open the address below"
exec npx vite --host 127.0.0.1 "$@"
