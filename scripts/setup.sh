#!/usr/bin/env bash
# Installs whatever Dossier's build and tests need and is missing. Idempotent: each step
# checks first, so a warm machine passes through in a second or two.
#
# Usage: scripts/setup.sh [--browsers]
#   --browsers also installs the three engines the browser tests run in, each with its WebDriver
#   server: Chromium + ChromeDriver, Firefox ESR + geckodriver, WebKitGTK's MiniBrowser +
#   WebKitWebDriver (+ Xvfb: MiniBrowser has no headless mode).
# Source scripts/env.sh afterwards (the callers do) to put the tools on PATH.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
want_browsers=false
for arg in "$@"; do
  case "$arg" in
    --browsers) want_browsers=true ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
GECKODRIVER_VERSION=0.37.1
WASM_SPLIT_VERSION=0.2.4

step() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  step "building trunk $TRUNK_VERSION (about 7 minutes, once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  step "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
  # Not --locked: its lock file names a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-split-cli cuts the app for archives into the wasm every page needs and the files of
# code fetched when first used (scripts/split_wasm.py; src/ui/lazy.rs). It prints no
# version, so its crate's version is checked in cargo's list of installed tools.
if ! cargo install --list 2>/dev/null | grep -q "^wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  step "building wasm-split-cli $WASM_SPLIT_VERSION (about 3 minutes, once)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
fi

# npm tools: wasm-opt from binaryen 132 (Debian's binaryen 108 emits wasm that crashes in
# browsers) and axe-core for the accessibility test. Reinstalled whenever the lock changes.
lock_hash=$(sha256sum "$root/tools/package-lock.json" | cut -d' ' -f1)
if [ "$(cat "$root/tools/node_modules/.dossier-lock" 2>/dev/null)" != "$lock_hash" ]; then
  step "installing npm tools (binaryen 132, axe-core) into tools/node_modules"
  (cd "$root/tools" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$root/tools/node_modules/.dossier-lock"
fi

apt_missing=()
need_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || apt_missing+=("$1"); }
need_pkg python3
if $want_browsers; then
  need_pkg chromium
  need_pkg chromium-driver
  need_pkg firefox-esr
  need_pkg webkit2gtk-driver
  need_pkg libwebkit2gtk-4.1-0
  need_pkg xvfb
fi
if [ ${#apt_missing[@]} -gt 0 ]; then
  step "apt-get install ${apt_missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/dev/null
fi

if $want_browsers && ! geckodriver --version 2>/dev/null | grep -q " $GECKODRIVER_VERSION"; then
  step "building geckodriver $GECKODRIVER_VERSION (about 2-4 minutes, once)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
fi

# Trunk runs offline (Trunk.toml); fetch the crates it will need while the network is there.
step "cargo fetch"
(cd "$root" && cargo fetch --quiet)
