#!/usr/bin/env python3
"""Round 41 W3: medians of bench_r41.sh output (lines "<head|cand> BenchmarkX-2 N ns/op ...")."""
import collections, re, statistics, sys

d = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r"(\w+) (Benchmark\S+)-\d+\s+\d+\s+([\d.]+) ns/op", line)
    if m:
        d[(m.group(2), m.group(1))].append(float(m.group(3)))
for b in sorted({k[0] for k in d}):
    h, c = d[(b, "head")], d[(b, "cand")]
    mh, mc = statistics.median(h), statistics.median(c)
    print(f"{b}: {len(h)} pairs, median head {mh:.0f} cand {mc:.0f} ns/op ({100 * (mc / mh - 1):+.1f}%)")
