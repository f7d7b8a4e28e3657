import json,collections,sys
for name in sys.argv[1:]:
    out=[]
    c=collections.Counter()
    for l in open(f'/tmp/r30/tune/{name}_web.jsonl'):
        r=json.loads(l); bad=r['flagged'] or 'inj.budget.truncated' in (r.get('rules') or [])
        c[r['file'].split('/')[-1][:3]]+=bad; c[r['category'].split('/')[2]]+=bad
    out.append('web %d (r23 %d r28 %d r30 %d | raw %d text %d md %d art %d)'%(c['r23']+c['r28']+c['r30'],c['r23'],c['r28'],c['r30'],c['raw'],c['text'],c['md'],c['article']))
    g=collections.Counter()
    for l in open(f'/tmp/r30/tune/{name}_inj.jsonl'):
        r=json.loads(l)
        if r['label']!=1: continue
        g[r['file'].split('/')[-1][:10]]+=r['flagged']
    out.append('inj '+' '.join(f'{k} {v}' for k,v in sorted(g.items())))
    g=collections.Counter()
    for l in open(f'/tmp/r30/tune/{name}_clean.jsonl'):
        r=json.loads(l)
        if r['label']!=0: continue
        g[r['file'].split('/')[-1][:10]]+=r['flagged'] or 'inj.budget.truncated' in (r.get('rules') or [])
    out.append('clean '+' '.join(f'{k} {v}' for k,v in sorted(g.items())))
    print(name.ljust(5),' | '.join(out))
