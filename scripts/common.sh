# Shared helpers for the project's scripts (sourced, not run).

say() { printf '\033[1m[rnnp]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[rnnp] error:\033[0m %s\n' "$*" >&2; exit 1; }

# True when this shell may install Debian packages.
can_apt() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }

# apt-get install, refreshing the package lists only when the first try fails.
apt_install() {
  say "installing Debian packages: $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends "$@" >/tmp/rnnp-apt.log 2>&1 && return 0
  apt-get update >>/tmp/rnnp-apt.log 2>&1 || true
  apt-get install -y --no-install-recommends "$@" >>/tmp/rnnp-apt.log 2>&1 || { tail -20 /tmp/rnnp-apt.log >&2; return 1; }
}

# The wasm-bindgen version pinned in Cargo.toml (wasm-bindgen = "=X.Y.Z").
pinned_wasm_bindgen() {
  sed -n 's/^wasm-bindgen = "=\([0-9.]*\)"/\1/p' "$ROOT/Cargo.toml" | head -1
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"
