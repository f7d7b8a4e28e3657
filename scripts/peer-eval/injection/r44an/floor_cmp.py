#!/usr/bin/env python3
"""Round 44 (tune only): is the candidate task model more than a floor raise of the base?
Reads PROBS_DUMP output of r44an/probs (file, label, base p, cand p per candidate sentence) and
compares, at the candidate's floor 0.7, the base model at the floor that passes the same number of
clean web sentences: injected sentences at or above the floor under each."""
import sys, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
web = [(float(b), float(c)) for f, l, b, c in rows if l == "0" and "web" in f]
inj = collections.defaultdict(list)
for f, l, b, c in rows:
    if l == "1":
        inj[f.rsplit("/", 1)[-1]].append((float(b), float(c)))
nc = sum(c >= 0.7 for b, c in web)
bs = sorted((b for b, c in web), reverse=True)
fb = bs[nc - 1] if nc else 1.0
print(f"clean web sentences >= 0.7: base {sum(b >= 0.7 for b, c in web)}, cand {nc}; base floor passing as many: {fb:.3f}")
for k, v in inj.items():
    print(f"{k:32s} injected sentences: base@0.7 {sum(b >= 0.7 for b, c in v):4d}  base@{fb:.3f} {sum(b >= fb for b, c in v):4d}  cand@0.7 {sum(c >= 0.7 for b, c in v):4d}")
