#!/usr/bin/env python3
"""Round 50: aggregate counts of a `peritem` run over r50 sets, per genre and per source.

usage: agg_r50.py PERITEM_OUT.jsonl [...]
A truncated item (rule inj.budget.truncated) counts as flagged (the guard fails closed).
Counts only, never an item, so it may be run on held-out output."""
import collections, json, sys


def main():
    tot, bad, trunc = collections.Counter(), collections.Counter(), collections.Counter()
    for fn in sys.argv[1:]:
        for line in open(fn, encoding="utf-8"):
            r = json.loads(line)
            _, genre, src = r["category"].split("/")
            t = "inj.budget.truncated" in (r.get("rules") or [])
            for k in (genre, f"{genre}/{src}"):
                tot[k] += 1
                bad[k] += bool(r["flagged"] or t)
                trunc[k] += t
    for k in sorted(tot, key=lambda k: (k.split("/")[0], "/" in k, k)):
        ind = "  " if "/" in k else ""
        print(f"{ind}{k:32s} {bad[k]:4d}/{tot[k]:4d} {100 * bad[k] / tot[k]:5.1f}%  truncated {trunc[k]}")


if __name__ == "__main__":
    main()
