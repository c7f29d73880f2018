#!/usr/bin/env bash
# Makes sure a Rust standard library for wasm32-unknown-unknown is available, and prints
# how to use it: "rustup" (the normal target) or "build-std" (Debian's rustc-web with its
# library source, built from source with -Zbuild-std). Logs go to stderr.
#
# Order: an installed wasm32 target; then `rustup target add`; then Debian's packages
# rustc-web, cargo-web, rust-web-src and lld (for machines whose rustup cannot download).
# A failed `rustup target add` is remembered (target/.wasm-route), so later runs go
# straight to the route that worked. RNNP_WASM_ROUTE=build-std forces the Debian route.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

STAMP="$ROOT/target/.wasm-route"

has_rustup_target() {
  command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown
}

has_debian_route() {
  [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ] && command -v wasm-ld >/dev/null 2>&1
}

use_debian_route() {
  if ! has_debian_route; then
    can_apt || die "no wasm32 standard library: install it with 'rustup target add wasm32-unknown-unknown', or (Debian, as root) 'apt-get install rustc-web cargo-web rust-web-src lld'"
    say "wasm32 target: installing Debian's rustc-web with its library source"
    apt_install rustc-web cargo-web rust-web-src lld || die "could not install rustc-web, cargo-web, rust-web-src and lld"
  fi
  has_debian_route || die "Debian's rustc-web is installed but incomplete (need /usr/bin/rustc, /usr/lib/rustlib/src/rust/library and wasm-ld)"
  say "wasm32 target: building the standard library from source with $(/usr/bin/rustc --version)"
  mkdir -p "$(dirname "$STAMP")" && echo build-std >"$STAMP"
  echo build-std
  exit 0
}

[ "${RNNP_WASM_ROUTE:-}" = build-std ] && use_debian_route

if has_rustup_target; then
  say "wasm32 target: installed with rustup"
  echo rustup
  exit 0
fi

# rustup failed here before: do not wait for it again.
[ -f "$STAMP" ] && [ "$(cat "$STAMP")" = build-std ] && has_debian_route && use_debian_route

if command -v rustup >/dev/null 2>&1; then
  say "wasm32 target: trying 'rustup target add wasm32-unknown-unknown'"
  if timeout 180 rustup target add wasm32-unknown-unknown >/tmp/rnnp-rustup.log 2>&1 && has_rustup_target; then
    say "wasm32 target: added with rustup"
    echo rustup
    exit 0
  fi
  say "wasm32 target: rustup could not download it ($(tail -1 /tmp/rnnp-rustup.log))"
fi
use_debian_route
