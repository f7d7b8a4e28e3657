#!/usr/bin/env python3
"""Round 47: item-by-item differences between two cached tune runs (tune data only).
usage: itemdiff_r47.py BASE CAND   (names used with tune_r47.py; reads /tmp/r47/tune/NAME.SET.out)"""
import json, sys
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from tune_r47 import SETS

a_name, b_name = sys.argv[1], sys.argv[2]
for s in SETS:
    a = [json.loads(l) for l in open(f"/tmp/r47/tune/{a_name}.{s}.out")]
    b = [json.loads(l) for l in open(f"/tmp/r47/tune/{b_name}.{s}.out")]
    ch = 0
    for i, (x, y) in enumerate(zip(a, b)):
        fx = x["flagged"] or "inj.budget.truncated" in (x.get("rules") or [])
        fy = y["flagged"] or "inj.budget.truncated" in (y.get("rules") or [])
        rx, ry = sorted(set(x.get("rules") or [])), sorted(set(y.get("rules") or []))
        if fx != fy or rx != ry:
            ch += 1
            print(f"  {s} #{i} label {x['label']} {fx}->{fy} score {x['score']:.2f}->{y['score']:.2f} {rx} -> {ry}")
    print(f"{s:24s} items changed (flag or rule set): {ch}")
