"""Round 42 (tune only): the text around each task finding of r42an output (an.jsonl).
usage: ctx.py [REGEX on the sentence]"""
import json,collections,re,sys,linecache
from sig import sigs
def item(f,n): return json.loads(linecache.getline(f,n))
def tasks_ctx(pat=None, only=False, B=100, A=80):
    for l in open('an.jsonl'):
        r=json.loads(l); s=sigs(r)
        if 'task' not in s or (only and s!={'task'}): continue
        x=item(r['file'],r['line'])['text'].encode()
        for t in r['tasks']:
            if pat and not re.match(pat,t['text']): continue
            d=lambda b: b.decode('utf-8','replace')
            yield r, t, d(x[max(0,t['a']-B):t['a']]), d(x[t['a']:t['b']][:300]), d(x[t['b']:t['b']+A])
if __name__=='__main__':
    for r,t,b,m,a in tasks_ctx(sys.argv[1] if len(sys.argv)>1 else None):
        print('##', r['cat'], r['line'], 'p=%.2f'%t['p'])
        print('   B:',repr(b)); print('   M:',repr(m)); print('   A:',repr(a))
