#!/usr/bin/env python3
"""Round 34: missed items whose inserted text, scanned alone, matches a rule that does not match
inside the carrier; and whether the text right before the span is a line break with no sentence
punctuation before it (the rules read a view where whitespace runs are one space, so a pattern's
`[.!?:;|\\n"]\\s*` sentence start never sees a line break). usage: lost_rules.py (reads /tmp/r34)"""
import json, re, collections
tot = collections.Counter(); ex = []
for n in ["longtune", "mail11", "spikee_tune", "asb", "sep"]:
    src = {}
    for l in open(f"/tmp/r34/an_{n}.jsonl"):
        r = json.loads(l); src[(r["id"], r["inserted"].strip()[:80])] = r
    for l in open(f"/tmp/r34/an_alone_{n}.jsonl"):
        r = json.loads(l); f = src[(r["id"], r["inserted"][:80])]
        ra = {x.split("@")[0] for x in r["rules"] or [] if x.startswith("inj.") and not x.startswith("inj.task")}
        rc = {x.split("@")[0] for x in f["rules"] or []}
        lost = ra - rc
        if not lost: continue
        before = f["before"]
        m = re.search(r"(\S)?([ \t]*(?:\r?\n)[\s]*)$", before)
        shape = "line break, no . ! ? : ; | \" before it" if m and (m.group(1) is None or m.group(1) not in '.!?:;|"') else "other"
        tot[(n, shape)] += 1; ex.append((n, sorted(lost), shape, before[-25:], f["inserted"][:50]))
print(dict(tot))
for e in ex: print(e)
