import collections, re, sys
d = collections.defaultdict(list)
for f in sys.argv[1:]:
    for line in open(f):
        m = re.match(r"(base|cand) (Benchmark\S+?)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", line)
        if m: d[(m.group(2), m.group(1))].append(float(m.group(3)))
for b in sorted({k[0] for k in d}):
    h, c = d[(b, "base")], d[(b, "cand")]
    h.sort(); c.sort()
    q=lambda x: sum(x[:3])/3
    print(f"{b}: n={len(h)}/{len(c)} min base {h[0]:.0f} cand {c[0]:.0f} ({100*(c[0]/h[0]-1):+.1f}%), mean of 3 fastest {100*(q(c)/q(h)-1):+.1f}%")
