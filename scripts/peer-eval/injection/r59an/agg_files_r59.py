#!/usr/bin/env python3
"""Round 59: flagged-or-truncated counts per input file of a peritem run (aggregate only,
never an item, so it may be run on held-out output). usage: agg_files_r59.py OUT.jsonl..."""
import collections, json, sys

tot, bad = collections.Counter(), collections.Counter()
for fn in sys.argv[1:]:
    for line in open(fn, encoding="utf-8"):
        r = json.loads(line)
        k = r["file"].split("/")[-1]
        tot[k] += 1
        bad[k] += bool(r["flagged"] or "inj.budget.truncated" in (r.get("rules") or []))
for k in tot:
    print(f"{k:34s} flagged {bad[k]}/{tot[k]}")
