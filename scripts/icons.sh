#!/usr/bin/env bash
# Renders static/icons/icon.svg to the PNG icons the web app manifest names (192 and 512 px),
# with headless Chromium (apt's `chromium`, which `scripts/setup.sh --browsers` installs).
# The PNGs are committed: run this only after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")/../static/icons"
chromium_bin=${CHROMIUM_BINARY:-/usr/lib/chromium/chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for size in 192 512; do
  # A page exactly the icon's size, so the screenshot is the icon and nothing else.
  printf '<!doctype html><style>html,body{margin:0}img{display:block}</style><img src="%s" width="%s" height="%s">' \
    "file://$PWD/icon.svg" "$size" "$size" > "$work/icon.html"
  "$chromium_bin" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$size,$size" --screenshot="$PWD/icon-$size.png" "file://$work/icon.html" 2>/dev/null
  echo "icons.sh: wrote static/icons/icon-$size.png"
done
