import json,re,collections,sys
fin={}
for l in open('/tmp/r33/tune/c2.jsonl'):
    r=json.loads(l)
    if 'mosscap' in r['file']: fin[r['line']]=r['flagged']
rs=[json.loads(l) for l in open('/tmp/r33/an_mosscap.jsonl')]
SECRET=re.compile(r'pass ?word|passcode|secret|code ?word|magic word|key ?word|\bletters?\b|\bhint\b|\bpw\b|guard(ian)?|level \d', re.I)
ASSIST=re.compile(r'\b(your|you)\b.*\b(instructions?|prompt|programming|rules|trained|system|model|ai|told|guidelines|purpose|designed)\b|\b(ignore|disregard|forget)\b.*\b(previous|above|instructions?|rules)\b|\bas an ai\b|\bai\b|\bprompt\b', re.I)
def fam(t):
    if re.search(r'[\u0400-\u04ff\u00c0-\u017f\u4e00-\u9fff]', t) and not re.search(r'\b(the|is|what|you)\b', t): return 'non-English'
    if SECRET.search(t): return 'asks for the game secret (password/letters/hint)'
    if ASSIST.search(t): return 'addresses the assistant (its prompt/instructions/rules)'
    return 'ordinary request, question or statement'
c=collections.Counter(); ex=collections.defaultdict(list)
for i,r in enumerate(rs,1):
    body=r['inserted'].lstrip(' -,.').replace('\\n','',1).strip()
    f=fam(body); c[(f,'all')]+=1
    if not r['flagged']: c[(f,'missed HEAD')]+=1; ex[f].append(body[:100])
    if not fin[i]: c[(f,'missed C2')]+=1
for f in sorted({k[0] for k in c}):
    print('%-55s all %3d  missed HEAD %3d  missed C2 %3d'%(f,c[(f,'all')],c[(f,'missed HEAD')],c[(f,'missed C2')]))
if len(sys.argv)>1:
    import random; random.seed(2)
    for f in ex:
        print('==',f)
        for e in random.sample(ex[f],min(8,len(ex[f]))): print('   ',e)
