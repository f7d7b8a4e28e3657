#!/usr/bin/env python3
"""Round 67: per held-out web set and view, views flagged-or-truncated by HEAD and by the candidate,
and how many became flagged (new) or stopped (gone). Counts only, never an item.
usage: newgone_r67.py DIR SET... (reads DIR/SET.head.out and DIR/SET.cand.out, peritem output)"""
import collections, json, sys


def bad(r):
    return r["flagged"] or "inj.budget.truncated" in (r.get("rules") or [])


def main():
    d = sys.argv[1]
    for s in sys.argv[2:]:
        c = collections.Counter()
        for h, k in zip(open(f"{d}/{s}.head.out"), open(f"{d}/{s}.cand.out")):
            h, k = json.loads(h), json.loads(k)
            assert (h["file"], h["line"]) == (k["file"], k["line"])
            v = h["category"].split("/")[2]
            for key in (v, "all"):
                c[key, "head"] += bad(h)
                c[key, "cand"] += bad(k)
                c[key, "new"] += bad(k) and not bad(h)
                c[key, "gone"] += bad(h) and not bad(k)
        views = sorted({k[0] for k in c})
        print(s, "  ".join(f"{v} {c[v,'head']}->{c[v,'cand']} (+{c[v,'new']}/-{c[v,'gone']})" for v in views))


if __name__ == "__main__":
    main()
