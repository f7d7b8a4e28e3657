#!/usr/bin/env python3
"""Round 48: flagged-or-truncated views per source (category clean/web/<view>/<source>) of a
`peritem` run over a web set. Counts only, never an item: safe on held-out output.
usage: src_agg_r48.py PERITEM_OUT.jsonl"""
import collections, json, sys


def main():
    tot, bad = collections.Counter(), collections.Counter()
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        src = r["category"].split("/")[3]
        t = "inj.budget.truncated" in (r.get("rules") or [])
        tot[src] += 1
        bad[src] += bool(r["flagged"] or t)
    for s in sorted(tot):
        print(f"{s:14s} {bad[s]:4d}/{tot[s]:4d}  {100 * bad[s] / tot[s]:5.1f}%")


if __name__ == "__main__":
    main()
