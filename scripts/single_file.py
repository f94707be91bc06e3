#!/usr/bin/env python3
"""Turns a built Dossier (dist/) into one self-contained HTML file that works from file://:
the stylesheet, the wasm-bindgen glue, the loader (static/boot.js) and the wasm (base64, with
the articles embedded in it) all inlined. Links to views work: dossier.html?q=…&a=….

Usage: python3 scripts/single_file.py DIST_DIR OUT_FILE
(scripts/single-file.sh builds dist/ first and writes dist-single/dossier.html.)

The page keeps a strict Content-Security-Policy: its one inline script and one inline style
are allowed by their sha256 hashes, nothing else runs or loads, and it makes no request.
"""

import base64
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BOOT = ROOT / "static" / "boot.js"
ICON = ROOT / "static" / "icons" / "icon.svg"


def find_one(folder: Path, pattern: str) -> Path:
    matches = sorted(folder.glob(pattern))
    if len(matches) != 1:
        raise SystemExit(f"single_file.py: expected one {pattern} in {folder}, found {[m.name for m in matches]}")
    return matches[0]


def module_to_script(glue: str) -> str:
    """The wasm-bindgen ES module's code without its exports (inlined, nothing imports it)."""
    if re.search(r"^\s*import\s", glue, re.MULTILINE):
        raise SystemExit("single_file.py: the wasm-bindgen glue imports other files (snippets); inline them first")
    glue = re.sub(r"^export\s*\{[^}]*\};?\s*$", "", glue, flags=re.MULTILINE)
    glue = re.sub(r"^export\s+default\s+\w+;?\s*$", "", glue, flags=re.MULTILINE)
    glue = re.sub(r"^export\s+(?=(async\s+)?(function|class|const|let)\b)", "", glue, flags=re.MULTILINE)
    if re.search(r"^\s*export\s", glue, re.MULTILINE):
        raise SystemExit("single_file.py: the wasm-bindgen glue has an export this script does not know")
    return glue


STARTER = """
async function dossierDecodeWasm() {
  const text = document.getElementById("dossier-wasm").textContent.trim();
  if (typeof Uint8Array.fromBase64 === "function") {
    return Uint8Array.fromBase64(text);
  }
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}
dossierBoot(async () => ({ default: __wbg_init }), dossierDecodeWasm, "The inlined app", false);
"""


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def policy(script: str, style: str) -> str:
    """The strict policy for one file: only its own inline script and style, by hash."""
    return (
        f"default-src 'none'; script-src {sha256_source(script)} 'wasm-unsafe-eval'; "
        f"style-src {sha256_source(style)}; img-src data:; object-src 'none'; base-uri 'none'; form-action 'none'"
    )


def single_file(dist: Path) -> str:
    html = (dist / "index.html").read_text()
    css = find_one(dist, "*.css").read_text()
    glue = module_to_script(find_one(dist, "dossier-web-*.js").read_text())
    wasm = base64.b64encode(find_one(dist, "dossier-web-*_bg.wasm").read_bytes()).decode()
    script = "\n" + glue + "\n" + BOOT.read_text() + STARTER
    style = "\n" + css + "\n"
    icon = "data:image/svg+xml;base64," + base64.b64encode(ICON.read_bytes()).decode()

    # What the served app loads as files: its preloads, loader, stylesheet, manifest, icons.
    html = re.sub(r'\s*<link rel="(modulepreload|preload|manifest|apple-touch-icon)"[^>]*>', "", html)
    html = re.sub(r'\s*<meta name="dossier-app"[^>]*>', "", html)
    html = re.sub(r'\s*<script [^>]*src="[^"]*boot[^"]*"[^>]*></script>', "", html)
    html = re.sub(r'\s*<link rel="stylesheet"[^>]*>', "", html)
    html = re.sub(r'<link rel="icon"[^>]*>', f'<link rel="icon" href="{icon}" type="image/svg+xml">', html)
    html, policies = re.subn(
        r'(<meta http-equiv="Content-Security-Policy" content=")[^"]*(">)',
        lambda m: m.group(1) + policy(script, style) + m.group(2),
        html,
    )
    if policies != 1:
        raise SystemExit("single_file.py: dist/index.html has no Content-Security-Policy meta tag to replace")
    html = html.replace("</head>", f"<style>{style}</style>\n</head>", 1)
    inlined = (
        f'<script type="application/octet-stream" id="dossier-wasm">\n{wasm}\n</script>\n'
        f'<script type="module">{script}</script>\n</body>'
    )
    return html.replace("</body>", inlined, 1)


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit("usage: single_file.py DIST_DIR OUT_FILE")
    dist, out = Path(sys.argv[1]), Path(sys.argv[2])
    page = single_file(dist)
    if re.search(r'(src|href)="\.?/?[\w-]+\.(js|wasm|css|webmanifest|png)"', page):
        raise SystemExit("single_file.py: the page still names a file; dist/index.html changed shape")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page)
    print(f"single_file.py: wrote {out} ({len(page.encode()) / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
