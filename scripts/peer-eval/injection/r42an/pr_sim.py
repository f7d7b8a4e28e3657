"""Round 42 (tune only): simulated "page-related" gate variants on r42an output (an.jsonl):
whole-document whole-word overlap with/without the anchor word, a stop list, 1/4 or 1/2, and a
plain floor raise for long documents, for comparison."""
import json,re,sys,collections
from shapes import item
STOP=set("about above after again against being below between could doing during further having other others their theirs there these those through under until where which while would should itself yours yourself ourselves themselves because before every never always might shall still since something anything everything nothing maybe whose whom what's today really going known first three great thing things little right".split())
def gated(x,low,a,b,p,fl,skipfirst,stop,need):
    if not (p<0.9 and fl<0.9): return False
    s=low[a:b]; tot=fnd=0; first=True
    for m in re.finditer(rb'[a-z]+',s):
        w=m.group(); 
        if first and skipfirst: first=False; continue
        first=False
        if not 5<=len(w)<=32: continue
        if stop and w.decode() in STOP: continue
        tot+=1
        pat=re.compile(rb'(?<![a-z])'+w+rb'(?![a-z])')
        if any(not (a<=mm.start()<b) for mm in pat.finditer(low)): fnd+=1
    return tot>0 and fnd*need>=tot
def longraise(x,a,b,p,fl): return p<0.9 and fl<0.9 and len(x)>20000
variants={'cand2 (all words, 1/4)':(False,False,4),'skip anchor, 1/4':(True,False,4),'skip anchor+stop, 1/4':(True,True,4),'skip anchor+stop, 1/2':(True,True,2)}
for name,v in list(variants.items())+[('floor 0.9 if doc>20KB',None)]:
    cl=collections.Counter()
    for l in open('an.jsonl'):
        r=json.loads(l)
        if r['trunc'] or not r['tasks']: continue
        other=max([max(w['clf'],w['rule'],1-(1-w['clf'])*(1-w['rule'])) for w in r['wins'] or []],default=0)
        if other>=0.5: continue
        x=item(r['file'],r['line'])['text'].encode(); low=x.lower()
        if v is None: left=[t for t in r['tasks'] if not longraise(x,t['a'],t['b'],t['p'],t['floor'])]
        else: left=[t for t in r['tasks'] if not gated(x,low,t['a'],t['b'],t['p'],t['floor'],*v)]
        if not left: cl[r['file'].split('/')[-1][:3]]+=1
    print(f'{name:28s} cleared {sum(cl.values())} r41 {cl["r41"]}', dict(cl))
