#!/usr/bin/env python3
"""Round 67: sum of window-feature contributions by token shape (tokens_r67 output), over windows
scoring at least MIN; a pair's weight is split between its tokens, a triple's among its three.
Tune data only; with FLAGGED=1 only views the detector flagged. usage: shapes_r67.py MIN tok_*.jsonl"""
import json,sys,collections,os
lo=float(sys.argv[1]); files=sys.argv[2:]
S=collections.Counter(); C=collections.Counter(); n=0
for f in files:
    for l in open(f):
        r=json.loads(l)
        if r["prob"]<lo or os.environ.get("FLAGGED")=="1" and not r.get("flagged"): continue
        n+=1
        for k,v in r["by"].items(): S[k]+=v
        for k,v in r["cnt"].items(): C[k]+=v
print("windows",n)
for k,v in sorted(S.items(),key=lambda kv:-kv[1]): print(f"{k:12s} {v:8.2f}  per-win {v/n:6.3f}  tokens {C[k]}")
