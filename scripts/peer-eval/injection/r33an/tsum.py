import json,sys,collections
for name in sys.argv[1:]:
    agg=collections.OrderedDict()
    for l in open(f'/tmp/r33/tune/{name}.jsonl'):
        r=json.loads(l); k=(r['file'].split('/')[-1][:-6],r['label']); agg.setdefault(k,[0,0]); agg[k][0]+=1
        agg[k][1]+= bool(r['flagged'] or 'inj.budget.truncated' in (r.get('rules') or []))
    print(name.ljust(5), ' '.join(f'{f}/{lab}:{v[1]}/{v[0]}' for (f,lab),v in agg.items()))
