#!/usr/bin/env python3
"""Round 16: clean JSON tool outputs of two API recorders never used before, and their
injected twins (held out for the averaged window model, docs/injection-rounds.md "Round 16").

Writes, under /tmp/inj-eval/sets-new/heldout16/:
  toolout16_heldout.jsonl   clean tool outputs (label 0), one "id" per record
  toolout16_injected.jsonl  the twins of every second record (by hash), as rounds 14-15

Carriers: the JSON response bodies of the vcrpy cassettes of ramnes/notion-sdk-py
(`tests/cassettes/*.yaml`, Notion API: pages, blocks, comments, databases, users; MIT) and
joeirimpan/zammad_py (`tests/cassettes/*.yaml`, Zammad helpdesk API: tickets, users, groups,
knowledge-base answers; MIT); at most four responses per cassette. Items as round 14
(`items_of`), rendering and injection as rounds 14-15. Attacks: the Mosscap prompts (as
rounds 14-15) that none of rounds 14, 14b, 15 inserted. Deterministic (sha256 of paths).
"""
import json
from build_heldout_r9 import files, show, h, render, MAXDOC, write
from build_heldout_r10 import inject
from build_heldout_r14 import items_of, bodies, mosscap, SEPS, SEPNAMES

OUT = "/tmp/inj-eval/sets-new/heldout16"
PER_CASSETTE = 4

def cassettes(repo, pred, cat, out):
    for p in files(repo, pred):
        raw = show(repo, p)  # "" when the snapshot left a large file out
        if not raw:
            continue
        n = 0
        for i, b in enumerate(bodies(raw, p)):
            try:
                obj = json.loads(b or "")
            except ValueError:
                continue
            if not isinstance(obj, (dict, list)) or not obj:
                continue
            items_of(repo, f"{p}#r{i}", obj, cat, out)
            n += 1
            if n == PER_CASSETTE:
                break

def main():
    items = []
    cassettes("ramnes+notion-sdk-py", lambda n: n.startswith("tests/cassettes/") and n.endswith(".yaml"),
              "notion/cassettes", items)
    cassettes("joeirimpan+zammad_py", lambda n: n.startswith("tests/cassettes/") and n.endswith(".yaml"),
              "zammad/cassettes", items)
    used = "".join(open(f"/tmp/inj-eval/sets-new/{d}").read() for d in
                   ("heldout14/toolout14_injected.jsonl", "heldout14b/toolout14b_injected.jsonl",
                    "heldout15/toolout15_injected.jsonl"))
    atts = [a for a in mosscap() if a not in used]
    seen, ben, inj = set(), [], []
    for cat, key, v in items:
        t = render(v, key)
        if len(t) > MAXDOC or len(t) < 40 or t in seen:
            continue
        seen.add(t)
        ben.append({"text": t, "label": 0, "category": cat, "id": key})
        if h("inj16" + key) % 2:
            continue
        a = atts[h("att16" + key) % len(atts)]
        si = h("sep16" + key) % 4
        o = inject(v, key, a, SEPS[si])
        if o is None:
            continue
        it = render(o, key)
        if len(it) <= MAXDOC:
            inj.append({"text": it, "label": 1, "id": key, "category": f"{cat}/mosscap/{SEPNAMES[si]}"})
    write(f"{OUT}/toolout16_heldout.jsonl", ben)
    write(f"{OUT}/toolout16_injected.jsonl", inj)

if __name__ == "__main__":
    main()
