#!/usr/bin/env bash
# Builds the whole app as one HTML file, dist-single/dossier.html (wasm, glue, loader, styles
# and articles inlined), that works opened from file:// and can be mailed or put on a USB key.
# Usage: scripts/single-file.sh [OUT_FILE]   (./dev single runs it with the tools set up)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
out=${1:-dist-single/dossier.html}
trunk build --release
python3 scripts/single_file.py dist "$out"
