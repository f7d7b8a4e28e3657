#!/usr/bin/env python3
"""Round 49: simulate task-sentence gates on trace output (r42an-bin), tune data only.
usage: gsim.py an.jsonl [--list GATE]"""
import json, re, sys, functools

@functools.lru_cache(None)
def lines(f):
    return open(f, encoding='utf-8').read().split('\n')

def text(f, n):
    return json.loads(lines(f)[int(n) - 1])['text']

def tw(t):
    return 0.5 + 0.35 * (t['p'] - t['floor']) / (1 - t['floor'])

PRON = re.compile(r"\b(he|she|they|we|his|her|him|them|their|our|us|hers|ours|theirs)\b", re.I)
SUBJ = re.compile(r"\b(he|she|they|we)\b", re.I)
AUX = set("is are was were do does did can could would should will has have had may might must shall am isn't aren't don't doesn't didn't can't won't kind sort type way many much long often exactly".split())
QW = re.compile(r"^(what|who|whom|whose|which|when|where|why|how)\b", re.I)

def in_script(doc, a):
    # byte offsets: doc is str; trace offsets are bytes
    pre = doc[:a]
    lo = pre.lower()
    s, e = lo.rfind('<script'), lo.rfind('</script')
    return s > e

def gates(doc, t):
    s = t['text']
    g = set()
    b = doc.encode('utf-8')
    pre = b[:t['a']].decode('utf-8', 'replace')
    if in_script(pre, len(pre)):
        g.add('script')
    if PRON.search(s):
        g.add('pron')
    if SUBJ.search(' '.join(re.findall(r"[A-Za-z']+", s)[:4])):
        g.add('subj')
    st = s.rstrip('"\')” ')
    ws = re.findall(r"[A-Za-z']+", s)
    if QW.match(s) and not st.endswith('?') and len(ws) > 1 and ws[1].lower() not in AUX:
        g.add('qwdecl')
    # quoted speech: opening quote right before the sentence, or ?" followed by lower-case word
    before = pre[-3:]
    if re.search(r'["“]\s*$', before):
        g.add('quote')
    after = b[t['b']:t['b'] + 40].decode('utf-8', 'replace')
    if re.match(r'\s*[a-z]', after) and st.endswith('?'):
        g.add('quote')
    return g

GSETS = {
    'script': {'script'},
    'pron': {'pron'},
    'qwdecl': {'qwdecl'},
    'quote': {'quote'},
    'script+qwdecl': {'script', 'qwdecl'},
    'script+pron': {'script', 'pron'},
    'script+pron+qwdecl': {'script', 'pron', 'qwdecl'},
    'subj': {'subj'},
    'script+subj': {'script', 'subj'},
    'script+subj+qwdecl': {'script', 'subj', 'qwdecl'},
    'script+subj+qwdecl+quote': {'script', 'subj', 'qwdecl', 'quote'},
    'all': {'script', 'pron', 'qwdecl', 'quote'},
}

def main():
    lst = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == '--list' else None
    recs = [json.loads(l) for l in open(sys.argv[1])]
    base = 0
    res = {k: 0 for k in GSETS}
    for r in recs:
        winmax = max([1 - (1 - w['clf']) * (1 - w['rule']) for w in (r['wins'] or [])], default=0)
        doc = text(r['file'], r['line'])
        tg = [(t, gates(doc, t)) for t in (r['tasks'] or [])]
        was = r['trunc'] or r['score'] >= 0.5
        base += was
        for k, gs in GSETS.items():
            tm = max([tw(t) for t, g in tg if not (g & gs)], default=0)
            now = r['trunc'] or max(winmax, tm) >= 0.5
            res[k] += now
            if lst == k and was and not now:
                for t, g in tg:
                    print(r['cat'], r['line'], sorted(g), t['text'][:120])
    print('flagged before', base, 'of', len(recs))
    for k in GSETS:
        print(f'{k:22s} {res[k]}  ({res[k]-base:+d})')

main()
