#!/usr/bin/env python3
"""Round 34: which stage lost each missed tune item (r34an output), counted.
usage: causes.py an_NAME.jsonl ...   (prints counts; -v prints the cause per miss with the span)"""
import json, collections, re, sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/../r33an")
src = open(__file__.rsplit("/", 1)[0] + "/../r33an/causes.py").read().split("def why_not")[0]
exec(src)  # ANCH, anchor(), sentences() of round 33
def why_not(body):
    ss = sentences(body)
    anch = [s for s in ss if anchor(s)]
    if not anch: return "no task anchor opens a sentence"
    if not [s for s in anch if s[0].isupper()]: return "anchor only in lower case"
    return "capitalised anchor opens a sentence, not read"
def stage(r):
    if r["flagged"]: return None
    cov = [w for w in (r["wins"] or []) if w["cover"]]
    tasks = r["tasks"] or []
    p = max([w["prob"] for w in cov] or [0]); rule = max([w["rule"] for w in cov] or [0])
    trunc = any("inj.budget.truncated" in x for x in (r["rules"] or []))
    w = "no window over the span" if not cov else ("classifier >= 0.5, < flag" if p >= 0.5 else "classifier < 0.5")
    if rule > 0: w += " + rule hit (too weak)"
    if trunc: w += " [truncated]"
    if tasks:
        t = max(tasks, key=lambda t: t["p"] - t["floor"])
        k = "prose gate dropped" if t["prose"] else ("p >= 0.7, under raised floor" if t["p"] >= 0.7 else "read, p < 0.7")
    else:
        k = "not read: " + why_not(r["inserted"].strip())
    return w, k
if __name__ == "__main__":
    v = "-v" in sys.argv
    for f in [a for a in sys.argv[1:] if a != "-v"]:
        rs = [json.loads(l) for l in open(f)]
        ms = [(r, stage(r)) for r in rs if not r["flagged"]]
        print(f"{f}: {len(rs)} items, {len(ms)} missed")
        for i, name in ((0, "window side"), (1, "task side")):
            c = collections.Counter(s[i] for _, s in ms)
            print("  " + name + ": " + "; ".join(f"{k} {n}" for k, n in c.most_common()))
        if v:
            for r, s in ms:
                print("   -", r["cat"], "|", s[0], "|", s[1], "|", r["how"], "|", repr(r["inserted"][:220]))
