"""Medians of bench.sh output (lines 'base|tree BenchmarkX ... ns/op')."""
import collections, re, statistics, sys
d = collections.defaultdict(list)
for l in open(sys.argv[1]):
    p = l.split()
    if len(p) >= 4 and p[0] in ("base", "tree"):
        d[(re.sub(r"-\d+$", "", p[1]), p[0])].append(float(p[3]))
for name in sorted({k[0] for k in d}):
    b, t = statistics.median(d[(name, "base")]), statistics.median(d[(name, "tree")])
    print(f"{name:42s} base {b:11.0f} tree {t:11.0f} {100*(t-b)/b:+.1f}% (n={len(d[(name, 'base')])})")
