#!/usr/bin/env python3
"""Round 61: flagged-or-truncated views of magic-html by benchmark subset (article, forum) and view.
Reads only the `id` of each set line (never its text) and the peritem flags: counts only, safe on
held-out output.  usage: subset_agg_r61.py SET.jsonl PERITEM_OUT.jsonl"""
import collections, json, sys


def main():
    ids = [json.loads(l)["id"] for l in open(sys.argv[1], encoding="utf-8")]
    tot, bad = collections.Counter(), collections.Counter()
    for line in open(sys.argv[2], encoding="utf-8"):
        r = json.loads(line)
        pid = ids[r["line"] - 1]
        if not pid.startswith("magic-html/"):
            continue
        sub, view = pid.split("/")[1], r["category"].split("/")[2]
        t = "inj.budget.truncated" in (r.get("rules") or [])
        for k in ((sub, view), (sub, "all")):
            tot[k] += 1
            bad[k] += bool(r["flagged"] or t)
    for sub in sorted({s for s, _ in tot}):
        print(f"magic-html/{sub:8s} " + "  ".join(f"{v} {bad[sub, v]:3d}/{tot[sub, v]:3d}" for v in ("raw", "text", "md", "all")))


if __name__ == "__main__":
    main()
