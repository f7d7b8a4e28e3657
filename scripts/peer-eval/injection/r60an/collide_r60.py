import re,json,glob,collections,sys
vocab=open('/work/main/internal/detect/injection_scramble.go').read().split('var scrambleVocab = strings.Fields(`')[1].split('`')[0].split()
def key(w): return w[0]+w[-1]+''.join(sorted(w[1:-1])) if len(w)>=4 else None
cnt=collections.Counter()
files=glob.glob('/tmp/r48/sets/*tune*.jsonl')+glob.glob('/tmp/r41/sets/*.jsonl')+glob.glob('/tmp/inj-eval/sets-new/tune/*.jsonl')+glob.glob('/tmp/r50/sets/*tune*.jsonl')+glob.glob('/tmp/r56/sets/*tune*.jsonl')+glob.glob('/tmp/inj16/sets/*.jsonl')
for f in files:
    for line in open(f):
        try: t=json.loads(line).get('text','')
        except: continue
        for w in re.findall(r'(?<![A-Za-z0-9])[A-Za-z]{4,14}(?![A-Za-z0-9])',t):
            cnt[w.lower()]+=1
print('files',len(files),'words',len(cnt),file=sys.stderr)
vk={key(v):v for v in vocab}
coll=collections.defaultdict(list)
for w,c in cnt.items():
    k=key(w)
    if k in vk and w!=vk[k]: coll[vk[k]].append((w,c))
for v,l in sorted(coll.items()):
    print(v, sorted(l,key=lambda x:-x[1])[:8])
