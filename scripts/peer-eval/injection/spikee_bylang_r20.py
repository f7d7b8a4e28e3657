#!/usr/bin/env python3
"""Round 20: split a spikee set's recall by wrapper and instruction language, as round 17
reported it (English/English, translated wrapper, translated instruction, both).

usage: spikee_bylang_r20.py SPIKEE.jsonl PERITEM_OUT.jsonl
SPIKEE.jsonl is build_heldout_r17.py's output; PERITEM_OUT.jsonl is `peritem` run over it
(one row per line, in order). A row's id is "<jailbreak id>/<instruction id>/<carrier>/<pos>";
the seeds' "lang" field (zu, sq, ga, gd; absent for English) gives each language. A wrapper
without an instruction slot (instruction type "none") counts as an English instruction.
Prints aggregate counts only, and the clean items flagged."""
import collections, json, sys

import build_heldout_r17 as r17


def langs():
    jl, il = {}, {}
    for s in r17.SEEDS:
        for j in r17.objects(r17.show(f"{r17.DS}/{s}/jailbreaks.jsonl")):
            jl.setdefault(j["id"], set()).add(j.get("lang", "en"))
        for i in r17.objects(r17.show(f"{r17.DS}/{s}/instructions.jsonl")):
            il.setdefault(i["id"], set()).add(i.get("lang", "en"))
    return jl, il


def one(m, k):
    v = m[k]
    if len(v) != 1:
        raise SystemExit(f"id {k} has several languages {sorted(v)}")
    return next(iter(v))


def main():
    jl, il = langs()
    items = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
    rows = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
    if len(rows) != len(items):
        raise SystemExit("peritem rows and items differ in number")
    agg = collections.defaultdict(lambda: [0, 0])
    for it, r in zip(items, rows):
        if it["label"] == 0:
            agg["clean flagged"][0] += 1
            agg["clean flagged"][1] += r["flagged"]
            continue
        jb, ins = it["id"].split("/")[:2]
        wl = one(jl, jb)
        inl = "en" if it["category"].split("/")[2] == "none" else one(il, ins)
        key = ("wrapper " + ("en" if wl == "en" else "translated") + ", instruction " +
               ("en" if inl == "en" else "translated"))
        for k in (key, "all injected"):
            agg[k][0] += 1
            agg[k][1] += r["flagged"]
    for k in sorted(agg):
        n, f = agg[k]
        print(f"{k}: {f}/{n} ({100 * f / max(n, 1):.1f}%)")


if __name__ == "__main__":
    main()
