#!/usr/bin/env python3
"""Round 61: flagged-or-truncated views per source and view (category clean/web/<view>/<source>)
of a `peritem` run. Counts only, never an item: safe on held-out output.
usage: srcview_agg_r61.py PERITEM_OUT.jsonl"""
import collections, json, sys


def main():
    tot, bad = collections.Counter(), collections.Counter()
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        _, _, view, src = r["category"].split("/")[:4]
        t = "inj.budget.truncated" in (r.get("rules") or [])
        for k in ((src, view), (src, "all")):
            tot[k] += 1
            bad[k] += bool(r["flagged"] or t)
    for src in sorted({s for s, _ in tot}):
        print(f"{src:18s} " + "  ".join(f"{v} {bad[src, v]:3d}/{tot[src, v]:3d}" for v in ("raw", "text", "md", "all")))


if __name__ == "__main__":
    main()
