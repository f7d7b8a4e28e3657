import json,collections,re,sys
ANCH="""what what's whats who who's whom whose which when where why how|is there|are there|is it|do you|does|can i|can you|could you|would you|will you|should i|is the|are the|explain describe write draft compose create generate develop provide give list name tell show translate summarize summarise outline|break down|define compare contrast calculate compute solve suggest recommend convert rewrite paraphrase analyze analyse discuss elaborate illustrate teach identify produce design craft prepare propose offer share help implement build find make plan brainstorm|come up|imagine recite say print output detail clarify demonstrate|walk me|guide evaluate review critique predict estimate rank|i want|i need|i'd like|i would like|please kindly now also additionally then next finally lastly state mention indicate specify|remind me|answer"""
A=set()
for part in ANCH.split('|'):
    part=part.strip()
    if ' ' in part and len(part.split())==2 and part in ('is there','are there','is it','do you','can i','can you','could you','would you','will you','should i','is the','are the','break down','come up','walk me','i want','i need',"i'd like",'remind me'):
        A.add(part)
    elif part=='i would like': A.add(part)
    else:
        for w in part.split(): A.add(w)
A.add('i would like')
def anchor(s):
    l=s.lower()
    for a in sorted(A,key=len,reverse=True):
        if l.startswith(a) and (len(l)==len(a) or l[len(a)] in ' ,'):
            return a
    return None
def sentences(t):
    # sentence starts: text start, after .?! + space, after \n (escaped)
    t=t.replace('\\n','\n')
    out=[]
    for m in re.finditer(r'(?:^|(?<=[.?!:;]) +|\n+)\s*["\'*(-]*([^\n]*?)(?=(?:[.?!]["\')]*(?: |\n|$))|\n|$)', t):
        s=m.group(1)
        if s.strip(): out.append(s.strip(' "\''))
    return out
def why_not(r):
    ins=r['inserted']
    sep=r['cat'].split('/')[-1] if r['cat'] else 'space'
    body=ins
    for p in (' - ',', ','. ','\\n',' '):
        if body.startswith(p): body=body[len(p):]; break
    ss=sentences(body)
    anchored=[s for s in ss if anchor(s)]
    if not anchored: return 'no task anchor opens a sentence'
    caps=[s for s in anchored if s[0].isupper()]
    if not caps: return 'anchor only in lower case'
    return 'capitalised anchor, not read (start/end/glue shape)'
def cause(r):
    if r['flagged']: return 'flagged'
    ws=r['wins'] or []; cov=[w for w in ws if w['cover']]
    tasks=r['tasks'] or []
    p=max([w['prob'] for w in cov] or [0]); rule=max([w['rule'] for w in cov] or [0])
    parts=[]
    parts.append('window: none over span' if not cov else ('window: clf>=0.5 but below' if p>=0.5 else 'window: clf<0.5'))
    if rule>0: parts[-1]+=' +rule'
    if tasks:
        t=max(tasks,key=lambda t:t['p']-t['floor'])
        if t['prose']: parts.append('task: prose gate dropped')
        elif t['p']>=0.7: parts.append('task: p>=0.7 but raised floor %.2f'%t['floor'])
        else: parts.append('task: read, p<0.7')
    else:
        parts.append('task: not read ('+why_not(r)+')')
    return ' / '.join(parts)
for f in sys.argv[1:]:
    rs=[json.loads(l) for l in open(f)]
    c=collections.Counter(cause(r) for r in rs)
    print(f, len(rs), 'flagged', c['flagged'])
    for k,v in c.most_common():
        if k!='flagged': print('  %4d %s'%(v,k))
    c2=collections.Counter()
    for r in rs:
        if r['flagged']: continue
        cc=cause(r)
        c2[cc.split(' / ')[0]]+=1
    print('  by window stage:',dict(c2))
    c3=collections.Counter()
    for r in rs:
        if r['flagged']: continue
        c3[cause(r).split(' / ')[1]]+=1
    print('  by task stage:',dict(c3))
