"""Round 39: flagged counts per file, label and category for several peritem variants.

usage: counts.py DIR [VARIANTS, default base,cand,candA]  (DIR holds VARIANT_NAME.jsonl; aggregate counts only)
"""
import collections, glob, json, os, sys

d = sys.argv[1]
vs = (sys.argv[2] if len(sys.argv) > 2 else "base,cand,candA").split(",")
for bf in sorted(glob.glob(f"{d}/{vs[0]}_*.jsonl")):
    name = os.path.basename(bf)[len(vs[0]) + 1:]
    fs = [f"{d}/{v}_{name}" for v in vs]
    if not all(os.path.exists(f) for f in fs):
        continue
    rows = [[json.loads(l) for l in open(f)] for f in fs]
    if len({len(r) for r in rows}) != 1:
        print(name, "incomplete"); continue
    agg = collections.defaultdict(lambda: [0] + [0] * len(vs) + [0])
    for items in zip(*rows):
        b = items[0]
        cat = b["category"] if b["category"].startswith(("r37", "r39")) or "r36h" in name else b["category"].split("/")[0]
        a = agg[(b["label"], cat)]
        a[0] += 1
        for k, it in enumerate(items):
            a[1 + k] += it["flagged"]
        c = items[1]
        a[-1] += b["label"] == 0 and not c["flagged"] and "inj.budget.truncated" in (c.get("rules") or [])
    for (lab, cat), a in sorted(agg.items()):
        print(f"{name:30s} label={lab} {cat[:32]:32s} n={a[0]:5d} " + " ".join(f"{v}={a[1+k]:5d}" for k, v in enumerate(vs)) + f" trunc-unflagged({vs[1]})={a[-1]}")
