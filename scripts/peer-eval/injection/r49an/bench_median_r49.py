#!/usr/bin/env python3
"""Round 49: medians and per-pair spread of bench_r49.sh output ("<base|cand> BenchmarkX N ns/op ...",
with -test.cpu 1 there is no -N suffix). Pair i = the i-th base and i-th cand line of a benchmark."""
import collections, re, statistics, sys

d = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"(base|cand) (Benchmark\w+)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", line)
    if m:
        d[(m.group(2), m.group(1))].append(float(m.group(3)))
for b in sorted({k[0] for k in d}):
    h, c = d[(b, "base")], d[(b, "cand")]
    mh, mc = statistics.median(h), statistics.median(c)
    pr = sorted(100 * (y / x - 1) for x, y in zip(h, c))
    print(f"{b}: {len(h)} pairs, median base {mh:.0f} cand {mc:.0f} ns/op ({100 * (mc / mh - 1):+.1f}%); "
          f"pair ratios {pr[0]:+.1f}% .. {pr[-1]:+.1f}%, median pair {statistics.median(pr):+.1f}%")
