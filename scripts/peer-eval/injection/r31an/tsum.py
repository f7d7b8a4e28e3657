import json,sys,collections
for name in sys.argv[1:]:
    agg=collections.defaultdict(lambda:[0,0])
    for part in ('mail','inj','clean'):
        for l in open(f'/tmp/r31/tune/{name}_{part}.jsonl'):
            r=json.loads(l); k=(r['file'].split('/')[-1],r['label']); agg[k][0]+=1
            agg[k][1]+= bool(r['flagged'] or 'inj.budget.truncated' in (r.get('rules') or []))
    print(name, ' '.join(f'{f[:-6]}/{lab}:{v[1]}/{v[0]}' for (f,lab),v in agg.items()))
