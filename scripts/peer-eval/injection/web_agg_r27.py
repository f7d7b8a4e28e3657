#!/usr/bin/env python3
"""Round 27: aggregate counts of a `peritem` run over a web set (r23 or r25), per view.

usage: web_agg_r27.py PERITEM_OUT.jsonl
Prints, per view (category clean/web/<view>/<source>) and in all, the items flagged or
truncated (a truncated item counts as flagged: the guard fails closed) and the truncated
ones. Counts only, never an item, so it may be run on held-out output."""
import collections, json, sys


def main():
    tot, bad, trunc = collections.Counter(), collections.Counter(), collections.Counter()
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        view = r["category"].split("/")[2]
        t = "inj.budget.truncated" in (r.get("rules") or [])
        for k in (view, "all"):
            tot[k] += 1
            bad[k] += bool(r["flagged"] or t)
            trunc[k] += t
    for k in sorted(tot):
        print(f"{k:8s} {bad[k]:4d}/{tot[k]:4d} {100 * bad[k] / tot[k]:5.1f}%  truncated {trunc[k]}")


if __name__ == "__main__":
    main()
