#!/usr/bin/env python3
"""Round 52: interleaved benchmark pairs -> per-benchmark medians, pair-ratio median and spread.
usage: bench_pairs_r52.py FILE  (lines: "PAIR VARIANT BenchmarkName N ns/op ...")"""
import collections,statistics,sys
d=collections.defaultdict(dict)
for l in open(sys.argv[1]):
    f=l.split(); d[(f[2].split('-')[0],f[0])][f[1]]=float(f[4])
by=collections.defaultdict(list); ns=collections.defaultdict(lambda: collections.defaultdict(list))
for (b,i),v in d.items():
    if 'base' in v and 'cand' in v:
        by[b].append(v['cand']/v['base']-1); ns[b]['base'].append(v['base']); ns[b]['cand'].append(v['cand'])
for b,r in by.items():
    print(b, 'base median %.0f ns, cand median %.0f ns'%(statistics.median(ns[b]['base']),statistics.median(ns[b]['cand'])), 'pair median %+.1f%%'%(100*statistics.median(r)), 'spread %+.1f%% .. %+.1f%%'%(100*min(r),100*max(r)), len(r), 'pairs')
