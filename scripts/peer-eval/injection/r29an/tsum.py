import json,collections,sys
for name in sys.argv[1:]:
    out=[]
    w=[json.loads(l) for l in open(f'/tmp/r29/tune/{name}_web.jsonl')]
    c=collections.Counter()
    for r in w:
        c[r['cat'].split('/')[2]]+= r['flagged'] or r['cause']=='truncated'
    out.append('web %d (raw %d text %d md %d art %d)'%(sum(c.values()),c['raw'],c['text'],c['md'],c['article']))
    inj=[json.loads(l) for l in open(f'/tmp/r29/tune/{name}_inj.jsonl')]
    g=collections.Counter()
    for r in inj:
        k=r['file'].split('/')[-1]; g[k]+=r['flagged']
    out.append('inj '+' '.join(f'{k[:12]} {v}' for k,v in sorted(g.items())))
    cl=[json.loads(l) for l in open(f'/tmp/r29/tune/{name}_clean.jsonl')]
    g=collections.Counter()
    for r in cl:
        k=r['file'].split('/')[-1]; g[k]+=r['flagged'] or r['cause']=='truncated'
    out.append('clean '+' '.join(f'{k[:12]} {v}' for k,v in sorted(g.items())))
    print(name.ljust(10),' | '.join(out))
