"""Median of per-pair ratios (cand/base) for output of a paired bench script: lines
"base BenchmarkX ... N ns/op" and "cand BenchmarkX ..." alternating. Bootstrap 95% interval
(fixed seed) and a two-sided sign test. usage: python3 paired.py OUT.txt"""
import collections, math, random, re, sys
runs = collections.defaultdict(lambda: {"base": [], "cand": []})
for l in open(sys.argv[1]):
    m = re.match(r"(base|cand) (Benchmark\S+)\s+\d+\s+([\d.]+) ns/op", l)
    if m:
        runs[m.group(2)][m.group(1)].append(float(m.group(3)))
rng = random.Random(1)
med = lambda xs: sorted(xs)[len(xs) // 2] if len(xs) % 2 else sum(sorted(xs)[len(xs) // 2 - 1:len(xs) // 2 + 1]) / 2
print(f"{'benchmark':45s} {'pairs':>5s} {'base med':>11s} {'cand med':>11s} {'ratio med':>9s} {'95% CI':>17s} {'sign p':>7s}")
for name, r in runs.items():
    n = min(len(r["base"]), len(r["cand"]))
    rs = [c / b for b, c in zip(r["base"][:n], r["cand"][:n])]
    boots = sorted(med([rng.choice(rs) for _ in rs]) for _ in range(2000))
    up = sum(x > 1 for x in rs); k = min(up, n - up)
    p = min(1.0, 2 * sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n)
    print(f"{name:45s} {n:5d} {med(r['base'][:n]):11.0f} {med(r['cand'][:n]):11.0f} {med(rs):9.3f} [{boots[50]:.3f}, {boots[1949]:.3f}] {p:7.3f}")
