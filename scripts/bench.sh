#!/usr/bin/env bash
# `npm run bench`: builds everything in release, then measures this engine (native, and
# WebAssembly in Node and in Chromium) against TensorFlow.js in one run; prints the table
# (also written to target/bench/latest.md); then the page section: long tasks and
# Lighthouse on the built site (target/bench/page.md). BENCH_ONLY=page or BENCH_ONLY=engine
# runs one section.
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
[ "${BENCH_ONLY:-}" = page ] || [ "${BENCH_ONLY:-}" = write ] || node bench/run.mjs "${BENCH_SECONDS:-3}" "$BROWSER"
[ "${BENCH_ONLY:-}" = engine ] || [ "${BENCH_ONLY:-}" = write ] || node bench/page.mjs "$BROWSER" "${LIGHTHOUSE_RUNS:-5}"
[ "${BENCH_ONLY:-}" = engine ] || [ "${BENCH_ONLY:-}" = page ] || node bench/write.mjs "$BROWSER"
