#!/usr/bin/env python3
"""Compare two `peritem` outputs over the same files (round 10).

usage: compare_peritem.py BASE.jsonl CAND.jsonl
  one line per (file, label): items, flagged in BASE, flagged in CAND ("*" if they differ)
usage: compare_peritem.py --paired CLEAN.jsonl INJECTED.jsonl PERITEM.jsonl
  false positives, recall, and paired recall: an injected record counts only if its clean
  twin (same "id") is not flagged; PERITEM is `peritem CLEAN INJECTED` (that order)
"""
import collections, json, sys

def load(f):
    return {(r["file"], r["line"]): r for r in map(json.loads, open(f))}

def compare(fa, fb):
    a, b = load(fa), load(fb)
    agg = collections.defaultdict(lambda: [0, 0, 0])
    for k, rb in b.items():
        if k not in a:
            continue
        g = agg[("/".join(k[0].split("/")[-2:]), rb["label"])]
        g[0] += 1; g[1] += a[k]["flagged"]; g[2] += rb["flagged"]
    for (f, l), (n, x, y) in sorted(agg.items()):
        print(f"{f:50s} label={l} n={n:5d} base={x:5d} ({100*x/n:5.1f}%) cand={y:5d} ({100*y/n:5.1f}%) {'*' if x != y else ''}")

def paired(fc, fi, fp):
    clean = [json.loads(l) for l in open(fc)]
    inj = [json.loads(l) for l in open(fi)]
    rows = [json.loads(l) for l in open(fp)]
    cr, ir = rows[:len(clean)], rows[len(clean):]
    cflag = {c["id"]: r["flagged"] for c, r in zip(clean, cr)}
    p = [r["flagged"] for i, r in zip(inj, ir) if not cflag[i["id"]]]
    by = collections.defaultdict(lambda: [0, 0])
    for i, r in zip(inj, ir):
        for k in i["category"].split("/")[-2:]:
            by[k][0] += 1; by[k][1] += r["flagged"]
    print(f"FP {sum(cflag.values())}/{len(clean)} recall {sum(r['flagged'] for r in ir)}/{len(ir)} "
          f"paired {sum(p)}/{len(p)} ({100*sum(p)/max(1, len(p)):.1f}%)",
          {k: tuple(v) for k, v in sorted(by.items())})

if __name__ == "__main__":
    if sys.argv[1] == "--paired":
        paired(*sys.argv[2:5])
    else:
        compare(sys.argv[1], sys.argv[2])
