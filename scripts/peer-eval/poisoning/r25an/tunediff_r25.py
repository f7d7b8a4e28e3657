#!/usr/bin/env python3
"""Round 25: per-file poisoned found / benign flagged of two probe_r24 TSV outputs (tune and check
files only), and the items whose verdict differs.
usage: tunediff_r25.py BASE.tsv CAND.tsv [--items]"""
import collections, sys


def load(p):
    rows = []
    for line in open(p, encoding="utf-8", errors="replace"):
        f = line.rstrip("\n").split("\t")
        rows.append((f[0], f[1] == "true", f[2] == "true", float(f[3]), f[4], f[5] if len(f) > 5 else ""))
    return rows


b, c = load(sys.argv[1]), load(sys.argv[2])
agg = collections.OrderedDict()
for rb, rc in zip(b, c):
    a = agg.setdefault(rb[0], [0, 0, 0, 0, 0, 0])
    if rb[1]:
        a[0] += 1; a[1] += rb[2]; a[2] += rc[2]
    else:
        a[3] += 1; a[4] += rb[2]; a[5] += rc[2]
print("%-58s %8s %12s %8s %12s" % ("file", "poisoned", "found B->C", "benign", "flagged B->C"))
tot = [0] * 6
for f, a in agg.items():
    print("%-58s %8d %5d -> %4d %8d %5d -> %4d" % (f.replace("/tmp/poison-eval/", ""), *a))
    tot = [x + y for x, y in zip(tot, a)]
print("%-58s %8d %5d -> %4d %8d %5d -> %4d" % ("TOTAL", *tot))
if "--items" in sys.argv:
    for rb, rc in zip(b, c):
        if rb[2] != rc[2] or (not rb[1] and abs(rb[3] - rc[3]) > 0.1):
            print(rb[0].split("/")[-1], "label", rb[1], "%.2f -> %.2f" % (rb[3], rc[3]), rc[4], rc[5][:300].replace("\n", " "))
