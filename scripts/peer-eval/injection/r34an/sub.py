#!/usr/bin/env python3
"""Round 34: the task-side misses split by shape. For 'no task anchor' misses, the first word of
each line/sentence start in the span (imperatives outside taskAnchors); for 'capitalised anchor
... not read', whether the anchored sentence has no . ? ! before its line ends (or the text ends).
usage: sub.py an_*.jsonl"""
import json, re, sys, collections
exec(open(__file__.rsplit("/", 1)[0] + "/causes.py").read().split('if __name__')[0])
IMP = collections.Counter(); NOEND = collections.Counter(); OTHER = collections.Counter()
for f in sys.argv[1:]:
    n = f.split("an_")[-1].split(".")[0]
    for l in open(f):
        r = json.loads(l)
        st = stage(r)
        if not st: continue
        body = r["inserted"].strip()
        if st[1] == "not read: no task anchor opens a sentence":
            for s in sentences(body):
                w = re.match(r"[A-Za-z]+", s)
                if w and s[0].isupper() and s[:1].isalpha():
                    IMP[(n, w.group(0))] += 1; break
        if st[1] == "not read: capitalised anchor opens a sentence, not read":
            s = [s for s in sentences(body) if anchor(s) and s[0].isupper()][0]
            i = body.find(s); line = body[i:].split("\n")[0]
            (NOEND if not re.search(r"[.?!]", line) else OTHER)[n] += 1
print("capitalised anchor, not read: no . ? ! on its line", dict(NOEND), "other", dict(OTHER))
byw = collections.Counter()
for (n, w), c in IMP.items(): byw[w] += c
print("no-anchor misses, first capitalised word of the span:", byw.most_common(45))
