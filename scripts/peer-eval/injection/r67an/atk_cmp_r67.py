#!/usr/bin/env python3
"""Round 67: per tune attack/clean set (atk_sets_r67.txt), flagged-or-truncated items by label,
BASE -> CAND, and how many items' scores moved at all. Tune data only; counts.
usage: atk_cmp_r67.py BASE CAND  (reads $D/BASE/NAME.out; D default /tmp/r67/atk)"""
import json,sys,os,collections
D=os.environ.get("D","/tmp/r67/atk")
b,c=sys.argv[1],sys.argv[2]
T=collections.Counter()
for f in open(os.path.join(os.path.dirname(os.path.abspath(__file__)),"atk_sets_r67.txt")).read().split():
    n=os.path.basename(f)[:-6]
    B=[json.loads(l) for l in open(f"{D}/{b}/{n}.out")]
    C=[json.loads(l) for l in open(f"{D}/{c}/{n}.out")]
    out=[]
    for lab in (1,0):
        fb=fc=tot=mv=0
        for x,y in zip(B,C):
            if x["label"]!=lab: continue
            tot+=1
            fl=lambda r: r["flagged"] or "inj.budget.truncated" in (r.get("rules") or [])
            fb+=fl(x); fc+=fl(y); mv+=abs(x["score"]-y["score"])>1e-9 or abs(x["classifier_score"]-y["classifier_score"])>1e-9
        if tot:
            out.append(f"L{lab} {fb}->{fc}/{tot} moved {mv}")
            T[lab,"b"]+=fb;T[lab,"c"]+=fc;T[lab,"mv"]+=mv;T[lab,"n"]+=tot
    print(f"{n:32s}","  ".join(out))
print("TOTAL", {k:v for k,v in T.items()})
