"""Round 42: the shape of each task sentence that decides a flagged tune view."""
import json,collections,re,sys,linecache
from sig import sigs
def item(f,n): return json.loads(linecache.getline(f,n))
ADV={'now','then','when','where','finally','also','additionally','next','lastly','imagine'}
Q={'what','what\'s','whats','who','whom','whose','which','why','how','is','are','do','does','can','could','would','will','should','where','when'}
def shape(cat,b,m,a):
    view=cat.split('/')[2]
    w=re.match(r"\W*([A-Za-z']+)",m); fw=(w.group(1) if w else '').lower()
    bs=b.rstrip(' \t"\'*#>-_`(')
    if view=='raw' and (re.search(r'(=\s*"|=\s*\'|:\s*"|:\s*\'|<!--\s*|content:\s*\')$', b[-30:].rstrip(' ')) or re.search(r'"\s*:\s*"\s*$', b[-10:])):
        return 'markup-string'
    mm=m.rstrip()
    isq=mm.rstrip('"\'”’)').endswith('?')
    if fw in ('please','kindly'): return 'please-ui'
    if isq:
        line_alone=(bs=='' or bs.endswith('\n') or re.search(r'(\n|>)\s*$',b[-40:]) is not None) and (a.strip()=='' or re.match(r'\s*(\n|<|$|\]|\))',a) is not None)
        return 'question-line' if line_alone else 'question-prose'
    if fw in ADV or fw in Q: return 'declarative-anchor'
    return 'imperative'
def best_task(r):
    return max(r['tasks'], key=lambda t:t['p']-t['floor'])
if __name__=='__main__':
    c=collections.Counter(); cv=collections.Counter(); ex=collections.defaultdict(list)
    only=len(sys.argv)>1 and sys.argv[1]=='only'
    for l in open('an.jsonl'):
        r=json.loads(l); s=sigs(r)
        if 'task' not in s or (only and s!={'task'}): continue
        x=item(r['file'],r['line'])['text'].encode()
        t=best_task(r); d=lambda q:q.decode('utf-8','replace')
        b,m,a=d(x[max(0,t['a']-120):t['a']]),d(x[t['a']:t['b']]),d(x[t['b']:t['b']+60])
        sh=shape(r['cat'],b,m,a); c[sh]+=1; cv[(sh,r['cat'].split('/')[2])]+=1
        ex[sh].append((r['cat'],r['line'],m[:140],a[:30]))
    for k,v in c.most_common(): print(v,k)
    print(sorted(cv.items()))
    if len(sys.argv)>2:
        for e in ex[sys.argv[2]]: print(e)
