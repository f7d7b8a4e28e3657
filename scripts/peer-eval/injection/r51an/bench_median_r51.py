#!/usr/bin/env python3
"""Round 51: medians and pair spread of bench_r51.sh output ("<base|cand> BenchmarkX N ns/op ...")."""
import collections, re, statistics, sys

d = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"(base|cand) (Benchmark\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", line)
    if m:
        d[(m.group(2), m.group(1))].append(float(m.group(3)))
for b in sorted({k[0] for k in d}):
    h, c = d[(b, "base")], d[(b, "cand")]
    n = min(len(h), len(c))
    ratios = sorted(100 * (c[i] / h[i] - 1) for i in range(n))
    print(f"{b}: {n} pairs, median base {statistics.median(h):.0f} cand {statistics.median(c):.0f} ns/op "
          f"({100 * (statistics.median(c) / statistics.median(h) - 1):+.1f}%), pair ratios {ratios[0]:+.1f}% .. {ratios[-1]:+.1f}%")
