#!/usr/bin/env python3
"""Round 34: the causes table (sets as columns). usage: table.py (reads /tmp/r34/an_*.jsonl)"""
import json, collections, sys, os
D = os.path.dirname(os.path.abspath(__file__))
src = open(D + "/causes.py").read().split("if __name__")[0].replace('__file__.rsplit("/", 1)[0]', repr(D))
exec(src)
sets = ['garak_tune', 'longtune', 'spikee_tune', 'r19_tune', 'mail11', 'llmail', 'asb', 'sep', 'cse_indirect']
W = collections.Counter(); T = collections.Counter(); tot = collections.Counter()
for n in sets:
    for l in open('/tmp/r34/an_%s.jsonl' % n):
        r = json.loads(l); tot[(n, 'n')] += 1
        s = stage(r)
        if not s: continue
        tot[(n, 'm')] += 1
        W[(n, s[0].split(' +')[0].split(' [')[0])] += 1
        if 'rule hit' in s[0]: W[(n, '  (a rule hit in the span, too weak)')] += 1
        T[(n, s[1])] += 1
print('| stage | ' + ' | '.join(sets) + ' | total |'); print('|---' * (len(sets) + 2) + '|')
def row(lbl, vals): print('| ' + lbl + ' | ' + ' | '.join(str(v) for v in vals) + ' | %d |' % sum(vals))
row('items', [tot[(n, 'n')] for n in sets]); row('missed', [tot[(n, 'm')] for n in sets])
for k in ['no window over the span', 'classifier < 0.5', 'classifier >= 0.5, < flag', '  (a rule hit in the span, too weak)']:
    row('window: ' + k.strip(), [W[(n, k)] for n in sets])
for k in sorted({k for _, k in T}):
    row('task: ' + k, [T[(n, k)] for n in sets])
