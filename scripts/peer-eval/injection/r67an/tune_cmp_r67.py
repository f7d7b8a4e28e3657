#!/usr/bin/env python3
"""Round 67: peritem outputs of two binaries on the six web tune halves, per set and view:
flagged-or-truncated BASE -> CAND (+newly flagged / -cleared). Tune data only; counts.
usage: tune_cmp_r67.py BASE CAND  (reads $D/BASE.SET.out, $D/CAND.SET.out; D default /tmp/r67/tune)"""
import json,sys,collections,os
D=os.environ.get("D","/tmp/r67/tune")
base,cand=sys.argv[1],sys.argv[2]
tot=collections.Counter()
for s in ["r61","r48","r41","r30","r28","r23"]:
    B=[json.loads(l) for l in open(f"{D}/{base}.{s}.out")]
    C=[json.loads(l) for l in open(f"{D}/{cand}.{s}.out")]
    cnt=collections.Counter()
    for b,c in zip(B,C):
        v=b["category"].split("/")[2]
        fb=b["flagged"] or "inj.budget.truncated" in (b.get("rules") or [])
        fc=c["flagged"] or "inj.budget.truncated" in (c.get("rules") or [])
        for k in (v,"all"):
            cnt[k,"b"]+=fb; cnt[k,"c"]+=fc; cnt[k,"new"]+=fc and not fb; cnt[k,"gone"]+=fb and not fc
    line=" ".join(f"{k}:{cnt[k,'b']}->{cnt[k,'c']}(+{cnt[k,'new']}/-{cnt[k,'gone']})" for k in ["raw","text","md","all"])
    print(s,line)
    for k in ["raw","text","md","all"]:
        for x in ["b","c","new","gone"]: tot[k,x]+=cnt[k,x]
print("ALL"," ".join(f"{k}:{tot[k,'b']}->{tot[k,'c']}(+{tot[k,'new']}/-{tot[k,'gone']})" for k in ["raw","text","md","all"]))
