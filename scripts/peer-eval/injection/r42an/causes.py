#!/usr/bin/env python3
"""Round 42: per flagged-or-truncated clean view of the web tune sets, the deciding
signal (budget, rule, window classifier, task sentence, combination) and the shape of
the text behind it. Input: r42an output (tune data only).

usage: causes.py AN.jsonl [--list SHAPE]"""
import json, re, sys, linecache, collections
from shapes import shape as task_shape, item

def tw(t):
    return 0.5 + 0.35 * (t['p'] - t['floor']) / (1 - t['floor'])

def clf_shape(w):
    v = w['view']; top = ' '.join(w['top'] or [])
    if re.search(r'&#x[0-9a-f]{3,4};.*&#x', v) or re.search(r'(\d+\.\d+[,\s-]+){8}', v) and 'word "<num>"' in top.split(' word')[0]+top[:40]:
        return 'numbers (SVG paths, char refs)'
    if 'important' in top or re.search(r'\{[^{}]{0,80}:[^{}]{0,80};', v) and ('px' in v or 'font' in v) and not 'function' in v:
        return 'CSS'
    if re.search(r'function|=>|var |arguments|\bga\(|\breturn\b', v) or '":"' in v or '","' in v or "concat" in top:
        return 'script/JSON code'
    if re.search(r'word "(reply|respond)"', top):
        return 'comment thread'
    if re.search(r'word "(die|und|ein|que|sie|am|ich|bitcoin)"|"posts in"|"link to"', top) :
        return 'non-English page'
    if re.search(r'word "(logo|social)"|"<host>"|"urlx', top):
        return 'navigation/link list'
    if re.search(r'word "(account|your|please|online|<num>|\$)"|"\$ <num>', top):
        return 'service/account/form text'
    if re.search(r'word "(my|i|me)"|"i want"|"that i"|"response"', top):
        return 'first-person prose'
    return 'other'

def rule_shape(ids):
    m = {'inj.exfil.send-data': 'contact ("email us at", share links)',
         'inj.role.system-marker': 'heading named System/Developer/Admin',
         'inj.override.ignore-previous': 'prose phrase ("ignore rules", "clear guidelines")',
         'hidden.confusable': 'mixed-script words (Cyrillic)',
         'inj.exfil.markdown-image': 'tracking/templated image URL (md)',
         'inj.exfil.render-url': 'tracking pixel / fetch URL',
         'inj.address.model': 'prose about agents/models',
         'inj.hijack.persona': 'prose "You are going to be"',
         'inj.authority.claim': 'prose "you must comply"/"top priority"',
         'inj.answer.include': 'contact form "include ... in your reply"',
         'inj.answer.code-snippet': 'code comment about code',
         }
    for i in ids:
        if i in m:
            return m[i]
    return ids[0] if ids else 'rule (several weak)'

def decide(r):
    """The deciding signal and its shape."""
    if r['trunc']:
        return 'budget', 'truncated (analysis budget)', None
    bt = max(r['tasks'] or [], key=tw, default=None)
    task = tw(bt) if bt else 0
    best = (0, None, None)
    for w in r['wins'] or []:
        if w['rule'] > best[0]:
            best = (w['rule'], 'rule', w)
        if w['clf'] > best[0]:
            best = (w['clf'], 'clf', w)
    if task >= 0.5 and task >= best[0]:
        return 'task', None, bt
    if best[0] >= 0.5:
        return best[1], None, best[2]
    return 'combo', 'rule + classifier together', max(r['wins'], key=lambda w: 1 - (1 - w['clf']) * (1 - w['rule']))

def main():
    rows = []
    for l in open(sys.argv[1]):
        r = json.loads(l)
        sig, sh, obj = decide(r)
        if sig == 'task':
            x = item(r['file'], r['line'])['text'].encode()
            d = lambda q: q.decode('utf-8', 'replace')
            t = obj
            sh = task_shape(r['cat'], d(x[max(0, t['a'] - 120):t['a']]), d(x[t['a']:t['b']]), d(x[t['b']:t['b'] + 60]))
            txt = d(x[t['a']:t['b']])[:120]
        elif sig == 'clf':
            sh = clf_shape(obj); txt = obj['view'][:120]
        elif sig == 'rule' or sig == 'combo':
            ids = [i.split('@')[0] for i, _ in sorted(zip(obj['ids'], obj['ids']), key=lambda p: -float(p[0].rsplit(':', 1)[1]))]
            if sig == 'rule':
                sh = rule_shape(ids)
            txt = ' | '.join((obj['spans'] or [])[:2])[:120]
        else:
            txt = ''
        rows.append((sig, sh, r['file'].split('/')[-1].replace('.jsonl', ''), r['cat'].split('/')[2], r['line'], txt))
    sigc = collections.Counter(r[0] for r in rows)
    shc = collections.Counter((r[0], r[1]) for r in rows)
    n = len(rows)
    print(f'flagged or truncated clean views: {n}')
    print('| signal | shape | views | share |\n|---|---|---|---|')
    for s, c in sigc.most_common():
        print(f'| **{s}** | (all) | **{c}** | {100*c/n:.1f}% |')
        for (s2, sh), c2 in shc.most_common():
            if s2 == s:
                print(f'| | {sh} | {c2} | {100*c2/n:.1f}% |')
    sets = collections.Counter((r[2]) for r in rows)
    print('per set:', dict(sets))
    if '--list' in sys.argv:
        want = sys.argv[sys.argv.index('--list') + 1]
        for r in rows:
            if r[1] == want or r[0] == want:
                print(r)

if __name__ == '__main__':
    main()
