#!/usr/bin/env bash
# `npm run bench`: builds everything in release, then measures this engine (native, and
# WebAssembly in Node and in Chromium) against TensorFlow.js in one run; prints the table
# (also written to target/bench/latest.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"
scripts/setup-node.sh
scripts/build-wasm.sh
WASM_FEATURES=gemm-compare WASM_OUT=target/bench/pkg scripts/build-wasm.sh
say "building the native engine (release)"
cargo build --release --bin rnnp
npx vite build --logLevel warn
BROWSER="$(scripts/ensure-browser.sh)"
node bench/run.mjs "${BENCH_SECONDS:-3}" "$BROWSER"
