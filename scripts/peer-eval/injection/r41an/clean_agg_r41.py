#!/usr/bin/env python3
"""Round 41 W3: flagged-or-truncated counts per file of a `peritem` run over clean sets
(mail_r31_heldout, r36j_clean, r36h_clean). Counts only, never an item: safe on held-out output.
usage: clean_agg_r41.py PERITEM_OUT.jsonl"""
import collections, json, sys


def main():
    n, bad, tr = collections.Counter(), collections.Counter(), collections.Counter()
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        t = "inj.budget.truncated" in (r.get("rules") or [])
        f = r["file"].rsplit("/", 1)[-1]
        n[f] += 1
        bad[f] += bool(r["flagged"] or t)
        tr[f] += t
    for f in sorted(n):
        print(f"{f:28s} {bad[f]:4d}/{n[f]:4d}  truncated {tr[f]}")


if __name__ == "__main__":
    main()
