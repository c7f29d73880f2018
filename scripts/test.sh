#!/usr/bin/env bash
# `npm test`: the native Rust tests, the WebAssembly build tested in Node through the same
# JavaScript API the page uses, and end-to-end tests of the production build in headless
# Chromium. Installs whatever is missing first; never skips a layer.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"

scripts/setup-node.sh
command -v cargo >/dev/null 2>&1 || die "Rust is needed: https://rustup.rs"

say "1/3 native: cargo test"
cargo test --color never 2>&1 | tee "$LOGS/native.log"

say "2/3 WebAssembly in Node"
scripts/build-wasm.sh
node --test --test-reporter=spec tests/wasm/ 2>&1 | tee "$LOGS/wasm.log"

say "3/3 browser: end-to-end in headless Chromium"
BROWSER="$(scripts/ensure-browser.sh)"
npx vite build --logLevel warn
CHROMIUM_PATH="$BROWSER" npx playwright test 2>&1 | tee "$LOGS/browser.log"

NATIVE=$(grep -Eo 'test result: ok\. [0-9]+ passed' "$LOGS/native.log" | awk '{s += $4} END {print s + 0}')
WASM=$(grep -Eo '^ℹ pass [0-9]+' "$LOGS/wasm.log" | awk '{print $3}')
BROWSER_N=$(grep -Eo '[0-9]+ passed' "$LOGS/browser.log" | tail -1 | awk '{print $1}')
say "all passed: native $NATIVE, wasm-in-Node ${WASM:-0}, browser ${BROWSER_N:-0}"
