#!/usr/bin/env bash
# Builds the engine as WebAssembly (release, with SIMD) and its JavaScript glue into
# www/pkg/. Installs what is missing first: the wasm32 standard library and the
# wasm-bindgen command at exactly the version Cargo.toml pins.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$ROOT"

MODE="$(scripts/wasm-toolchain.sh)"

WBG_VERSION="$(pinned_wasm_bindgen)"
[ -n "$WBG_VERSION" ] || die "Cargo.toml must pin wasm-bindgen as \"=X.Y.Z\""
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION (a few minutes, once)"
  # --force: cargo may remember an install whose binary has since gone or is another version.
  cargo install --force wasm-bindgen-cli --version "$WBG_VERSION" >/tmp/rnnp-wbg.log 2>&1 || { tail -20 /tmp/rnnp-wbg.log >&2; die "could not install wasm-bindgen-cli $WBG_VERSION"; }
  [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" = "$WBG_VERSION" ] || die "wasm-bindgen $WBG_VERSION was installed but is not the one on PATH (is ~/.cargo/bin on PATH?)"
fi

# WASM_FEATURES / WASM_OUT build a variant (the benchmark's kernel comparison) elsewhere.
OUT="${WASM_OUT:-www/pkg}"
FEATURE_ARGS=()
[ -n "${WASM_FEATURES:-}" ] && FEATURE_ARGS=(--features "$WASM_FEATURES")
# Each toolchain builds in its own folder (their artifacts do not mix).
ROUTE_SUFFIX=""
[ "$MODE" = build-std ] && ROUTE_SUFFIX="-build-std"
export CARGO_TARGET_DIR="$ROOT/target/wasm${WASM_FEATURES:+-$WASM_FEATURES}$ROUTE_SUFFIX"
# A lower inlining threshold than -O3's: the page's download is 14 KB (gzipped) smaller,
# and the training loops, whose kernels are small functions inlined anyway, run as fast
# (npm run bench). WASM_EXTRA_RUSTFLAGS adds flags for experiments.
# Panic messages name source files: short names, the same on every machine.
REMAP="--remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}/registry/src=crates --remap-path-prefix=$ROOT=rnnp"
FLAGS="-C target-feature=+simd128 -C llvm-args=-inline-threshold=60 $REMAP ${WASM_EXTRA_RUSTFLAGS:-}"
say "building the engine for wasm32 ($MODE)"
if [ "$MODE" = rustup ]; then
  RUSTFLAGS="$FLAGS" cargo build --release -p rnn-playground-module --target wasm32-unknown-unknown "${FEATURE_ARGS[@]}"
else
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS="$FLAGS -C linker=wasm-ld" \
    /usr/bin/cargo build --release -p rnn-playground-module --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort "${FEATURE_ARGS[@]}"
fi

# The binding crate (src/web) is the module; its files keep the name the page imports.
WASM="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/rnn_playground_module.wasm"
mkdir -p "$OUT"
wasm-bindgen --target web --out-name rnn_playground --typescript --experimental-reset-state-function --remove-name-section --remove-producers-section --out-dir "$OUT" "$WASM"
RAW=$(stat -c %s "$OUT/rnn_playground_bg.wasm")
GZ=$(gzip -9c "$OUT/rnn_playground_bg.wasm" | wc -c)
say "$OUT/rnn_playground_bg.wasm: $((RAW / 1024)) KB raw, $((GZ / 1024)) KB gzipped"
