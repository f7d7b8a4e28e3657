"""Round 42: which signals alone reach the threshold in a flagged view of r42an output
(budget, task, clf, rule, combo). usage: sig.py AN.jsonl (tune data only)."""
import json,collections,sys
def sigs(r):
    sig=set()
    if r['trunc']: sig.add('budget')
    if r['tasks']: sig.add('task')
    for w in r['wins'] or []:
        if w['clf']>=0.5: sig.add('clf')
        if w['rule']>=0.5: sig.add('rule')
        if w['clf']<0.5 and w['rule']<0.5 and 1-(1-w['clf'])*(1-w['rule'])>=0.5: sig.add('combo')
    return sig
if __name__=='__main__':
    c=collections.Counter(); byset=collections.Counter()
    for l in open(sys.argv[1]):
        r=json.loads(l)
        k='+'.join(sorted(sigs(r))) or 'none'
        c[k]+=1
        byset[(r['file'].split('/')[-1], r['cat'].split('/')[2])]+=1
    for k,v in c.most_common(): print(v,k)
    for k,v in sorted(byset.items()): print(k,v)
