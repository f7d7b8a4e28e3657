#!/usr/bin/env python3
"""Round 59: page-floor variants per tune set (clean /0, injected /1) from trace_r59 outputs
(/tmp/r59/an_*.jsonl); counts only. usage: gsim_table_r59.py > gsim_table_r59.txt"""
import os, sys, collections; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__))); os.chdir('/tmp/r59')
from sim_r59 import *
FILES=['an_r48t.jsonl','an_webold.jsonl','an_cleanother.jsonl','an_long1.jsonl','an_inj1.jsonl','an_r33.jsonl']
DATA=collections.defaultdict(list)
for fn in FILES:
    for r in load(fn):
        DATA[(r['file'].split('/')[-1].replace('.jsonl',''), r['label'])].append(r)
def flagged_with(r, floorfn):
    if r['trunc'] or winscore(r)>=0.5: return True
    T=r['tasks'] or []
    return any(t['p']>=floorfn(r,t,T) for t in tasks(r))
def far(x,D,k,F):
    def f(r,t,T):
        n=sum(1 for o in T if o is not t and o['p']>=x and abs(o['a']-t['a'])>D)
        return max(t['floor'],F) if n>=k else t['floor']
    return f
def count(k,F):
    def f(r,t,T):
        return max(t['floor'],F) if len(T)>=k else t['floor']
    return f
def length(L,F):
    def f(r,t,T):
        return max(t['floor'],F) if r['len']>=L else t['floor']
    return f
def table(variants):
    keys=sorted(DATA, key=lambda k:(k[1],k[0]))
    base={k:sum(1 for r in DATA[k] if r['flagged'] or r['trunc']) for k in keys}
    print('set', *[n for n,_ in variants], sep='\t')
    for k in keys:
        print(f"{k[0]}/{k[1]}\t{base[k]}", *[sum(flagged_with(r,fn) for r in DATA[k]) for _,fn in variants], sep='\t')
if __name__=='__main__':
    V=[('far0 D1000 .9',far(0,1000,1,.9)),('far0 D1500 .9',far(0,1500,1,.9)),('far.3 D1500 .9',far(.3,1500,1,.9)),('far0 D1500 .85',far(0,1500,1,.85)),
       ('cnt3 .9',count(3,.9)),('cnt5 .9',count(5,.9)),('len5k .9',length(5000,.9)),('len8k .9',length(8000,.9))]
    print('\t'.join(n for n,_ in V))
    table(V)
