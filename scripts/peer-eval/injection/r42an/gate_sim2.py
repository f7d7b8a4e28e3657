"""Round 42 (tune only): simulated task-sentence gates on r42an output (an.jsonl in the
current directory): question word without "?" (G1), discourse adverb + pronoun subject (G2).
Counts views whose every task finding is gated and that no other signal flags."""
import json,re,sys,collections
from causes import decide, tw
from shapes import item
QW=re.compile(r"[\W_]*(what|what's|whats|who|who's|whom|whose|which|when|where|why|how)\b",re.I)
ADV=r"(?:now|then|also|additionally|next|finally|lastly)"
PRON=r"(?:i|he|she|they|we|it|his|her|their|my|our|its|i'm|i've|i'd|we're|they're|he's|she's|it's|there|that)"
AP=re.compile(r"[\W_]*"+ADV+r",?\s+"+PRON+r"\b", re.I)
def g1(m):
    return QW.match(m) is not None and not re.search(r"\?[\"'”’)\]]*\s*$", m) and not re.match(r"[\W_]*(how|what) to\b", m, re.I)
def g2(m): return AP.match(m) is not None
gates={'G1 qword-no-?':g1,'G2 adv+pron':g2,'G1+G2':lambda m:g1(m) or g2(m)}
for name,g in gates.items():
    cl=collections.Counter()
    for l in open('an.jsonl'):
        r=json.loads(l)
        if r['trunc'] or not r['tasks']: continue
        other=max([max(w['clf'],w['rule'],1-(1-w['clf'])*(1-w['rule'])) for w in r['wins'] or []],default=0)
        if other>=0.5: continue
        x=item(r['file'],r['line'])['text'].encode()
        left=[t for t in r['tasks'] if not g(x[t['a']:t['b']].decode('utf-8','replace'))]
        if not left: cl[r['file'].split('/')[-1][:3]+'/'+r['cat'].split('/')[2]]+=1
    print(name,sum(cl.values()),dict(cl))
