#!/usr/bin/env python3
"""Rechecks the hand-checked sample of resolved entities (issue 12) after a change: for
every row of docs/notes/resolve-sample-200.tsv, the entity that two builds of `dossier
extract --resolve` give the sampled mention (its first article, the first mention of the
sampled text there), and the rows where they differ, as Markdown for a person to judge.
Rows that did not change keep their verdicts.

usage: dossier extract --resolve FOLDER > before.jsonl   (with the build before the change)
       dossier extract --resolve FOLDER > after.jsonl    (with the build after it)
       scripts/resolve_recheck.py before.jsonl after.jsonl [SAMPLE_TSV]
"""
import csv, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def entities_by_article(path, wanted):
    """article id -> its entity mentions, for the articles in `wanted` only."""
    out = {}
    for line in open(path, encoding="utf-8"):
        # Every line starts with its id: skip the others without parsing them.
        if not any(f'"id": "{a}"' in line[:80] or f'"id":"{a}"' in line[:80] for a in wanted):
            continue
        record = json.loads(line)
        if record.get("id") in wanted:
            out[record["id"]] = record.get("entities", [])
    return out


def entity_at(mentions, start, end):
    """The entity of the mention over [start, end), or of the first one overlapping it."""
    for m in mentions:
        if m["start"] == start and m["end"] == end:
            return f'{m["kind"]}:{m["canonical"]} ({m["id"]})'
    for m in mentions:
        if m["start"] < end and start < m["end"]:
            return f'{m["kind"]}:{m["canonical"]} ({m["id"]}), over `{m["text"]}`'
    return "none (not a name, or left out)"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    before_path, after_path = sys.argv[1], sys.argv[2]
    sample = sys.argv[3] if len(sys.argv) > 3 else os.path.join(ROOT, "docs/notes/resolve-sample-200.tsv")
    rows = list(csv.DictReader(open(sample, encoding="utf-8"), delimiter="\t"))
    wanted = {r["first_article"] for r in rows}
    before = entities_by_article(before_path, wanted)
    after = entities_by_article(after_path, wanted)
    print("| n | mention | before | after | verdict before |")
    print("|---|---|---|---|---|")
    changed = 0
    for r in rows:
        mentions = before.get(r["first_article"], [])
        # The sampled mention: the first whose text is the sampled text, in either build.
        spot = next((m for m in mentions if m["text"] == r["mention"]), None)
        if spot is None:
            spot = next((m for m in after.get(r["first_article"], []) if m["text"] == r["mention"]), None)
        if spot is None:
            print(f'| {r["n"]} | `{r["mention"]}` | (not found in either) | | |')
            continue
        was = entity_at(mentions, spot["start"], spot["end"])
        now = entity_at(after.get(r["first_article"], []), spot["start"], spot["end"])
        if was != now:
            changed += 1
            verdict = f'kind {r["kind_ok"]}, merge {r["merge_ok"]}' + (f' ({r["note"]})' if r.get("note") else "")
            print(f'| {r["n"]} | `{r["mention"]}` | {was} | {now} | {verdict} |')
    print(f"\n{changed} of {len(rows)} rows changed.")


if __name__ == "__main__":
    main()
