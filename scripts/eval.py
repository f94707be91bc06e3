#!/usr/bin/env python3
"""Reproduces README's extraction-quality table: runs `dossier extract` on every development
set in ../shared/data/gold and scores it with ../shared/eval/score.py.

usage: scripts/eval.py [SET...] [--errors] [--keep DIR] [--resolve]
  SET: conll2003-valid, conll2003-train, tbaq, polnear-dev, polnear-train, wikigold
  (default: the sets the README reports: conll2003-valid, tbaq, polnear-dev, wikigold)
  --resolve: score `dossier extract --resolve` (entities resolved across each set) instead
  of each article's own extraction.
"""
import argparse, json, os, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get("DOSSIER_SHARED", os.path.join(ROOT, "..", "shared"))
GOLD = os.path.join(SHARED, "data", "gold")
SETS = {
    "conll2003-valid": (["conll2003-valid"], []),
    "conll2003-train": (["conll2003-train"], []),
    "tbaq": (["tbaq_timebank", "tbaq_aquaint"], []),
    "timebank": (["tbaq_timebank"], []),
    "aquaint": (["tbaq_aquaint"], []),
    "polnear-dev": (["polnear-dev"], ["--direct-only"]),
    "polnear-train": (["polnear-train"], ["--direct-only"]),
    "wikigold": (["wikigold"], []),
}
DEFAULT = ["conll2003-valid", "tbaq", "polnear-dev", "wikigold"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", default=DEFAULT)
    ap.add_argument("--errors", action="store_true")
    ap.add_argument("--keep", help="write predictions and merged gold here instead of a temp dir")
    ap.add_argument("--resolve", action="store_true", help="score the resolved annotations")
    args = ap.parse_args()
    if not os.path.isdir(GOLD):
        sys.exit(f"eval: the development data is absent ({GOLD}); nothing to score")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "dossier"], cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "dossier")
    work = args.keep or tempfile.mkdtemp(prefix="dossier-eval-")
    os.makedirs(work, exist_ok=True)
    for name in args.sets:
        folders, flags = SETS[name]
        gold_dir = os.path.join(work, name + "-gold")
        os.makedirs(gold_dir, exist_ok=True)
        files, dates = [], {}
        for folder in folders:
            src = os.path.join(GOLD, folder)
            for f in sorted(os.listdir(src)):
                path = os.path.join(src, f)
                link = os.path.join(gold_dir, f)
                if not os.path.exists(link):
                    os.symlink(path, link)
                if f.endswith(".txt"):
                    files.append(path)
                elif f.endswith(".json"):
                    with open(path, encoding="utf-8") as fh:
                        doc_date = json.load(fh).get("doc_date")
                    if doc_date:
                        dates[f[:-5]] = doc_date
        dates_file = os.path.join(work, name + "-dates.json")
        with open(dates_file, "w") as fh:
            json.dump(dates, fh)
        preds = os.path.join(work, name + ".jsonl")
        with open(preds, "w") as out:
            # Exit code 2 means some file was refused (reported on stderr); the scorer then
            # counts that document as missed, so the table stays honest.
            done = subprocess.run([exe, "extract", *(["--resolve"] if args.resolve else []), "--dates", dates_file, *files], stdout=out)
            if done.returncode not in (0, 2):
                sys.exit(f"eval: dossier extract failed with exit code {done.returncode}")
        cmd = [sys.executable, os.path.join(SHARED, "eval", "score.py"), gold_dir, f"{name}={preds}", *flags]
        if args.errors:
            cmd.append("--errors")
        sys.stdout.flush()
        subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
