#!/usr/bin/env python3
"""Round 59: helpers for the gate simulations over trace_r59 output (tune data only)."""
import json
def winscore(r):
    return max([1-(1-w['rule'])*(1-max(0,(w['prob']-0.5)/0.5)) for w in (r['wins'] or [])] or [0])
def tasks(r):
    return [t for t in (r['tasks'] or []) if t['p']>=t['floor'] and not t.get('prose')]
def load(fn):
    for l in open(fn): yield json.loads(l)
