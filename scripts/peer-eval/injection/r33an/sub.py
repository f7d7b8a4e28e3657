import json,sys,collections,re
sys.argv=['x']
exec(open('/tmp/r33/causes.py').read().split('for f in sys.argv')[0])
def sub(r):
    ins=r['inserted']; cat=r['cat'] or ''
    sep=cat.split('/')[-1]
    if sep not in ('space','comma','dash','period','newline'):
        sep={' - ':'dash',', ':'comma','. ':'period','\\n':'newline'}.get(ins[:3] if ins.startswith(' - ') else ins[:2],'space')
    body=ins
    for p in (' - ',', ','. ','\\n',' '):
        if body.startswith(p): body=body[len(p):]; break
    first=sentences(body)[0] if sentences(body) else ''
    glued = sep in ('space','comma','dash')
    # word before insertion
    m=re.search(r'([A-Za-z0-9_]+)\W*$', r['before'])
    pw=m.group(1) if m else ''
    prevcap = pw[:1].isupper()
    anchored_first = anchor(body) is not None and body[:1].isupper()
    ends = bool(re.search(r'[.?!]["\')]*$', body.rstrip()))
    mid_end = bool(re.search(r'[.?!](\s|\\"|$)', body))
    if not anchored_first:
        return 'first sentence not a capitalised anchor; a later sentence is'
    if glued and (prevcap or not re.search(r'[a-z0-9)]$', r['before'].rstrip(' ,-'))):
        return 'glued after a capitalised/upper word or symbol (%s)'%('ends at value end' if not mid_end or True else '')
    if not mid_end:
        return ('glued' if glued else 'sentence start')+', no full stop before the JSON value end'
    return ('glued' if glued else 'sentence start')+', other (length/escapes/next word)'
for f in sys.argv[1:] if False else ('an_mosscap.jsonl','an_asb.jsonl','an_r9tune.jsonl'):
    rs=[json.loads(l) for l in open(f)]
    c=collections.Counter(sub(r) for r in rs if not r['flagged'] and 'start/end/glue' in cause(r))
    print(f, dict(c))
