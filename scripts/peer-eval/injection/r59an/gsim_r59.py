#!/usr/bin/env python3
"""Round 59: grid of page floors (x: least p of a far candidate, D: distance in bytes, k: how many,
F: the raised floor) over trace_r59 outputs of tune sets (/tmp/r59/an_*.jsonl); counts only.
usage: gsim_r59.py > gsim_grid_r59.txt"""
import os, sys, collections; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); os.chdir('/tmp/r59')
from sim_r59 import *
SETS={'r48t':'an_r48t.jsonl','long':'an_long1.jsonl','inj1':'an_inj1.jsonl','r33':'an_r33.jsonl'}
DATA={k:list(load(v)) for k,v in SETS.items()}
def newflag(r, x, D, k, F):
    if r['trunc']: return True
    if winscore(r)>=0.5: return True
    T=r['tasks'] or []
    for t in tasks(r):
        n=sum(1 for o in T if o is not t and o['p']>=x and abs(o['a']-t['a'])>D)
        fl=max(t['floor'],F) if n>=k else t['floor']
        if t['p']>=fl: return True
    return False
def run(x,D,k,F):
    out={}
    for s,rows in DATA.items():
        base=sum(1 for r in rows if r['flagged'] or r['trunc'])
        new=sum(1 for r in rows if newflag(r,x,D,k,F))
        out[s]=(base,new)
    return out
if __name__=='__main__':
    for x in (0.3,0.5,0.7):
      for D in (0,500,1500,3000):
        for k in (1,2,3):
          for F in (0.8,0.85,0.9,0.95):
            o=run(x,D,k,F)
            print(f"x={x} D={D} k={k} F={F}: "+"  ".join(f"{s} {b}->{n}" for s,(b,n) in o.items()))
