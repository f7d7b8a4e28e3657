"""Round 32: per-item count of SVG geometry tags longer than the view's
512-byte tag limit whose d/points values are pure path data (candidate S's
target), over peritem output files (tune data only).

usage: svgcount.py PERITEM_OUT.jsonl [CATEGORY_SUBSTR]
"""
import json, re, sys, collections

TAG = re.compile(r'<(path|polygon|polyline)\b', re.I)
GEO = re.compile(r'''\b(d|points)\s*=\s*(["'])(.*?)\2''', re.I | re.S)
PURE = re.compile(r'^[0-9+\-.,\seEmMlLhHvVcCsSqQtTaAzZ]*$')

def long_geo(text):
    n_long = n_pure = 0
    for m in TAG.finditer(text):
        end = text.find('>', m.start(), m.start() + 262144)
        if end < 0:
            continue
        tag = text[m.start():end]
        if len(tag) < 512:
            continue
        n_long += 1
        vals = [g.group(3) for g in GEO.finditer(tag)]
        rest = len(tag) - sum(len(v) for v in vals)
        if vals and all(PURE.match(v) for v in vals) and rest < 512:
            n_pure += 1
    return n_long, n_pure

texts = {}
def text(f, line):
    if f not in texts:
        texts[f] = [json.loads(l)['text'] for l in open(f)]
    return texts[f][line - 1]

c = collections.Counter()
cat = sys.argv[2] if len(sys.argv) > 2 else '/raw/'
for l in open(sys.argv[1]):
    r = json.loads(l)
    if cat not in r['category'] or r['label'] != 0:
        continue
    bad = r['flagged'] or 'inj.budget.truncated' in (r.get('rules') or [])
    nl, npure = long_geo(text(r['file'], r['line']))
    c['items', bad] += 1
    c['with long geo tag', bad] += nl > 0
    c['with long pure geo tag', bad] += npure > 0
for k in sorted(c):
    print(k, c[k])
