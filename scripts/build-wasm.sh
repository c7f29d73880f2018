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
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" >/tmp/rnnp-wbg.log 2>&1 || { tail -20 /tmp/rnnp-wbg.log >&2; die "could not install wasm-bindgen-cli $WBG_VERSION"; }
fi

export CARGO_TARGET_DIR="$ROOT/target/wasm"
FLAGS="-C target-feature=+simd128"
say "building the engine for wasm32 ($MODE)"
if [ "$MODE" = rustup ]; then
  RUSTFLAGS="$FLAGS" cargo build --release --lib --target wasm32-unknown-unknown
else
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS="$FLAGS -C linker=wasm-ld" \
    /usr/bin/cargo build --release --lib --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort
fi

WASM="$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/rnn_playground.wasm"
wasm-bindgen --target web --typescript --remove-name-section --remove-producers-section --out-dir www/pkg "$WASM"
RAW=$(stat -c %s www/pkg/rnn_playground_bg.wasm)
GZ=$(gzip -9c www/pkg/rnn_playground_bg.wasm | wc -c)
say "www/pkg/rnn_playground_bg.wasm: $((RAW / 1024)) KB raw, $((GZ / 1024)) KB gzipped"
