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
# One module: cargo's feature arguments in, the module and its glue in $1 out (named
# rnn_playground, as the page and the tests import it).
build_module() {
  local out="$1"; shift
  if [ "$MODE" = rustup ]; then
    RUSTFLAGS="$FLAGS" cargo build --release -p rnn-playground-module --target wasm32-unknown-unknown "$@"
  else
    RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 RUSTFLAGS="$FLAGS -C linker=wasm-ld" \
      /usr/bin/cargo build --release -p rnn-playground-module --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort "$@"
  fi
  mkdir -p "$out"
  wasm-bindgen --target web --out-name rnn_playground --typescript --experimental-reset-state-function --remove-name-section --remove-producers-section --out-dir "$out" \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/rnn_playground_module.wasm"
  local raw gz
  raw=$(stat -c %s "$out/rnn_playground_bg.wasm")
  gz=$(gzip -9c "$out/rnn_playground_bg.wasm" | wc -c)
  say "$out/rnn_playground_bg.wasm: $((raw / 1024)) KB raw, $((gz / 1024)) KB gzipped"
}

# The whole binding (every view, and what only the tests call): the tests in Node and the
# benchmarks load this one.
say "building the engine for wasm32 ($MODE)"
build_module "$OUT" --features checks "${FEATURE_ARGS[@]}"

# The page loads one module per view, with only that view's binding: a link to one view
# downloads one. The views are the default features of src/web/Cargo.toml (one per view,
# listed there once). Each is the same engine, linked again (its crate is compiled once).
if [ -z "${WASM_FEATURES:-}" ]; then
  parts=$(sed -n 's/^default = \[\(.*\)\]/\1/p' "$ROOT/src/web/Cargo.toml" | tr -d '",')
  [ -n "$parts" ] || { echo "no views in src/web/Cargo.toml's default features" >&2; exit 1; }
  for part in $parts; do
    say "the page's module for the $part view"
    build_module "$OUT/$part" --no-default-features --features "rnn-playground-web/$part"
  done
fi
