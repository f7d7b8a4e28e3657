#!/usr/bin/env python3
"""Round 59: per benchmark, the median of pair ratios cand/base - 1 and of each side's ns/op.
usage: bench_median_r59.py OUT"""
import collections, re, statistics, sys
cur = None
ns = collections.defaultdict(dict)  # (bench, pair) -> {side: ns}
for line in open(sys.argv[1]):
    m = re.match(r"== pair (\d+) (\w+)", line)
    if m:
        cur = (int(m.group(1)), m.group(2))
        continue
    m = re.match(r"(Benchmark\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", line)
    if m and cur:
        ns[(m.group(1), cur[0])][cur[1]] = float(m.group(2))
benches = sorted({b for b, _ in ns})
print(f"{'benchmark':44s} pairs  median base ns  median cand ns  median ratio  min..max")
for b in benches:
    pr = [v for (bb, _), v in ns.items() if bb == b and "base" in v and "cand" in v]
    r = [v["cand"] / v["base"] - 1 for v in pr]
    print(f"{b:44s} {len(r):5d}  {statistics.median(v['base'] for v in pr):14.0f}  {statistics.median(v['cand'] for v in pr):14.0f}"
          f"  {100*statistics.median(r):+11.1f}%  {100*min(r):+.1f}%..{100*max(r):+.1f}%")
