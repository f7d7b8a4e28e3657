"""Round 38: base vs candidate flagged counts per file, label and category of peritem outputs.

usage: pair_counts.py DIR  (DIR holds base_NAME.jsonl and cand_NAME.jsonl; aggregate counts only)
"""
import collections, glob, json, os, sys

d = sys.argv[1]
for bf in sorted(glob.glob(f"{d}/base_*.jsonl")):
    cf = bf.replace("/base_", "/cand_")
    if not os.path.exists(cf):
        continue
    B = [json.loads(l) for l in open(bf)]
    C = [json.loads(l) for l in open(cf)]
    agg = collections.defaultdict(lambda: [0, 0, 0, 0])
    for b, c in zip(B, C):
        cat = b["category"] if b["category"].startswith("r37") or "r36h" in bf else b["category"].split("/")[0]
        a = agg[(b["label"], cat)]
        a[0] += 1; a[1] += b["flagged"]; a[2] += c["flagged"]
        a[3] += b["label"] == 0 and not c["flagged"] and "inj.budget.truncated" in (c.get("rules") or [])
    for (lab, cat), a in sorted(agg.items()):
        print(f"{os.path.basename(bf)[5:]:30s} label={lab} {cat[:32]:32s} n={a[0]:5d} base={a[1]:5d} cand={a[2]:5d} trunc-unflagged(cand)={a[3]}")
