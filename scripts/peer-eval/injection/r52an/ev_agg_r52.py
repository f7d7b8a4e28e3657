#!/usr/bin/env python3
"""Round 52: detections on the chat-line evasion set per attack source (peritem output; tune data).
usage: ev_agg_r52.py PERITEM_OUT.jsonl [...]"""
import json,collections,sys
for fn in sys.argv[1:]:
  c=collections.Counter();t=collections.Counter()
  for l in open(fn):
    r=json.loads(l); k=r['category'].split('/')[-1]; t[k]+=1; c[k]+=bool(r['flagged'] or 'inj.budget.truncated' in (r.get('rules') or []))
  print(fn, sum(c.values()),'/',sum(t.values()), dict(c))
