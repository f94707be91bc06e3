#!/usr/bin/env python3
"""Cuts the app for archives into the wasm every page loads and files of code fetched when
first used (src/ui/lazy.rs), in Trunk's staging folder. scripts/post_build.py runs it for
the app for archives (DOSSIER_ARCHIVE_APP=1), before the worker names are hashed and the
service worker lists every file.

Trunk 0.21 runs wasm-bindgen and wasm-opt itself and knows nothing of splitting, so this
redoes its last steps from the wasm cargo linked (build.rs keeps its relocations for this
build):

1. `wasm-split-cli` cuts it at the split points: the main module, one file per split point
   and shared chunks, and `__wasm_split.js`, which fetches them;
2. `wasm-bindgen --target web` makes the glue of the main module, as Trunk does, keeping
   the exports the split files import;
3. `wasm-opt -Oz` shrinks every wasm file, as Trunk's `data-wasm-opt="z"` does;
4. all of them are named by one hash of their bytes (each set refers to the others, so one
   name for the set), the references between them rewritten, Trunk's own two files
   replaced, and index.html pointed at the new ones.

Each step's failure stops the build with the tool's own message.
"""

import json
import os
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
APP = "dossier-web"
SPLIT_LOADER = "__wasm_split.js"
# The features rustc's wasm32 target enables: wasm-split's files carry no target-features
# section for wasm-opt to read them from.
WASM_FEATURES = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
]
APP_META = re.compile(r'<meta name="dossier-app"[^>]* data-js="(?P<js>[^"]+)"[^>]* data-wasm="(?P<wasm>[^"]+)"')


def run(*command: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"split_wasm.py: {' '.join(command)} failed:\n{done.stdout}{done.stderr}")


def cargo_wasm() -> Path:
    """The app's wasm as cargo linked it for this release build."""
    source = Path(os.environ.get("TRUNK_SOURCE_DIR", ROOT))
    metadata = subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--no-deps", "--offline"],
        cwd=source, capture_output=True, text=True, check=True,
    )
    target = Path(json.loads(metadata.stdout)["target_directory"])
    # index.html names the app's release profile (data-cargo-profile-release).
    page = (source / "index.html").read_text()
    tag = re.search(r'<link data-trunk rel="rust" data-bin="' + APP + r'"[^>]*>', page)
    profile = tag and re.search(r'data-cargo-profile-release="([^"]+)"', tag.group(0))
    if not profile:
        raise SystemExit(f'split_wasm.py: index.html has no data-cargo-profile-release for {APP}')
    wasm = target / "wasm32-unknown-unknown" / profile.group(1) / f"{APP}.wasm"
    if not wasm.is_file():
        raise SystemExit(f"split_wasm.py: {wasm} is missing (not a release build?)")
    return wasm


def split(folder: Path, html: str, content_hash: Callable[..., str]) -> str:
    """Replaces the app's glue and wasm in `folder` by the split set, named by
    `content_hash` (post_build.py's, as every file it renames); returns index.html pointing
    at it."""
    if os.environ.get("TRUNK_PROFILE") != "release":
        raise SystemExit("split_wasm.py: the app for archives is a release build (trunk build --release)")
    meta = APP_META.search(html)
    if not meta:
        raise SystemExit('split_wasm.py: index.html has no <meta name="dossier-app" data-js=… data-wasm=…>')
    old_js, old_wasm = (Path(meta.group(k)).name for k in ("js", "wasm"))
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        cut, bound = scratch / "cut", scratch / "bound"
        run("wasm-split-cli", str(cargo_wasm()), str(cut), "--out-name", APP)
        # --keep-lld-exports: the split files take the main module's function table, which
        # wasm-bindgen otherwise stops exporting.
        run("wasm-bindgen", "--target", "web", "--no-typescript", "--keep-lld-exports", "--out-dir", str(bound),
            "--out-name", APP, str(cut / f"{APP}.wasm"))
        chunks = sorted(p for p in cut.glob("*.wasm") if p.name != f"{APP}.wasm")
        files = {f"{APP}.js": (bound / f"{APP}.js").read_text(), SPLIT_LOADER: (cut / SPLIT_LOADER).read_text()}
        wasm = {f"{APP}_bg.wasm": bound / f"{APP}_bg.wasm", **{p.name: p for p in chunks}}
        # DOSSIER_WASM_NAMES=1 keeps the functions' names, for a profiler's view of the
        # app (about 350 KB more wasm; the code is the same).
        names = ["-g"] if os.environ.get("DOSSIER_WASM_NAMES") == "1" else []
        for path in wasm.values():
            run("wasm-opt", "-Oz", *WASM_FEATURES, *names, str(path), "-o", str(path))
        blobs = {name: path.read_bytes() for name, path in wasm.items()}
        # Named as Trunk names its files (`*-<hash>.js`, `*-<hash>.wasm`), so the cache
        # headers README gives for those hold for these too.
        build = content_hash(*(
            name.encode() + b"\0" + (files[name].encode() if name in files else blobs[name])
            for name in sorted(files) + sorted(blobs)
        ))
        renamed = {f"{APP}.js": f"{APP}-{build}.js", f"{APP}_bg.wasm": f"{APP}-{build}_bg.wasm", SPLIT_LOADER: f"{APP}-split-{build}.js"}
        renamed.update({p.name: f"{APP}-{p.stem}-{build}.wasm" for p in chunks})

        def rewrite(text: str) -> str:
            # The names in `import … from "./x"` and `fetch(new URL("./x", …))`, not the
            # wasm's own import module names (`"./__wasm_split.js": import1` in the glue).
            return re.sub(
                r'(from |new URL\()(["\'])\./([\w.-]+)\2',
                lambda m: f"{m.group(1)}{m.group(2)}./{renamed.get(m.group(3), m.group(3))}{m.group(2)}",
                text,
            )

        for path in (folder / old_js, folder / old_wasm):
            path.unlink()
        for name, text in files.items():
            (folder / renamed[name]).write_text(rewrite(text))
        for name, data in blobs.items():
            (folder / renamed[name]).write_bytes(data)
    main = len(blobs[f"{APP}_bg.wasm"])
    rest = sum(len(b) for n, b in blobs.items() if n != f"{APP}_bg.wasm")
    print(f"split_wasm.py: {renamed[f'{APP}_bg.wasm']} {main:,} bytes; {len(chunks)} files fetched when used, {rest:,} bytes")
    return html.replace(old_js, renamed[f"{APP}.js"]).replace(old_wasm, renamed[f"{APP}_bg.wasm"])
