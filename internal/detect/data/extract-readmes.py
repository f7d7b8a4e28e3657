#!/usr/bin/env python3
"""Extracts benign background prose from the READMEs of permissively
licensed npm packages installed in NODE_MODULES (see ../model/README.md).

    python3 extract-readmes.py NODE_MODULES > benign_npm_readme.jsonl

Code blocks and HTML are dropped; paragraphs of 50-400 characters that are
mostly letters are kept, at most 12 per package, deduplicated, ordered by
SHA-1 of the text and cut at 3000 lines (deterministic for one install)."""
import glob, hashlib, json, os, re, sys

OK = {'MIT', 'ISC', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', '0BSD', 'BlueOak-1.0.0', 'Unlicense', 'CC0-1.0'}
nm = sys.argv[1]
rows = []
for p in sorted(glob.glob(nm + '/*/package.json') + glob.glob(nm + '/@*/*/package.json')):
    try:
        d = json.load(open(p))
    except Exception:
        continue
    lic = d.get('license')
    if isinstance(lic, dict):
        lic = lic.get('type')
    if lic not in OK:
        continue
    dirn = os.path.dirname(p)
    rd = [f for f in os.listdir(dirn) if f.lower() in ('readme.md', 'readme.markdown', 'readme')]
    if not rd:
        continue
    txt = open(os.path.join(dirn, rd[0]), errors='replace').read()
    txt = re.sub(r'```.*?```', '', txt, flags=re.S)
    txt = re.sub(r'<[^>]+>', '', txt)
    sents = []
    for para in re.split(r'\n\s*\n', txt):
        para = ' '.join(l.strip() for l in para.splitlines())
        para = re.sub(r'!?\[([^\]]*)\]\([^)]*\)', r'\1', para)
        para = re.sub(r'[#*`>|]+', ' ', para).strip()
        para = re.sub(r'\s+', ' ', para)
        if 50 <= len(para) <= 400 and sum(c.isalpha() for c in para) > len(para) * 0.6:
            sents.append(para)
    for s in sents[:12]:
        rows.append((hashlib.sha1(s.encode()).hexdigest(), s, f"{d['name']}@{d.get('version')} ({lic})"))
rows.sort()
seen = set()
out = []
for h, s, src in rows:
    if s in seen:
        continue
    seen.add(s)
    out.append({"text": s, "label": 0, "_source": src})
for o in out[:3000]:
    print(json.dumps(o, ensure_ascii=False))
