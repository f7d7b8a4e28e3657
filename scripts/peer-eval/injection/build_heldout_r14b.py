#!/usr/bin/env python3
"""Round 14, second set: clean JSON tool outputs of two more API recorders, frozen after
the first round-14 set was scored (it is used now), and their injected twins.

Writes, under /tmp/inj-eval/sets-new/heldout14b/:
  toolout14b_heldout.jsonl   clean tool outputs (label 0), one "id" per record
  toolout14b_injected.jsonl  the twins of every second record (by hash), as round 14

Carriers: the JSON response bodies of the vcrpy cassettes of halcy/Mastodon.py
(`tests/cassettes/*.yaml`, Mastodon API) and praw-dev/praw
(`tests/integration/cassettes/*.json`, Reddit API); every second cassette by hash, at most
two responses each. Attacks: the Mosscap prompts (as round 14) that round 14 did not insert.
Deterministic (sha256 of paths).
"""
import json
from build_heldout_r9 import files, show, h, render, MAXDOC, write
from build_heldout_r10 import inject
from build_heldout_r14 import items_of, bodies, mosscap, SEPS, SEPNAMES

OUT = "/tmp/inj-eval/sets-new/heldout14b"

def cassettes(repo, pred, cat, out):
    for p in files(repo, pred):
        if h("cas14b" + p) % 2:
            continue
        raw = show(repo, p)  # "" when the snapshot left a large file out
        if not raw:
            continue
        n = 0
        for i, b in enumerate(bodies(raw, p)):
            try:
                obj = json.loads(b or "")
            except ValueError:
                continue
            items_of(repo, f"{p}#r{i}", obj, cat, out)
            n += 1
            if n == 2:
                break

def main():
    items = []
    cassettes("halcy+Mastodon.py", lambda n: n.startswith("tests/cassettes/") and n.endswith(".yaml"),
              "mastodon/cassettes", items)
    cassettes("praw-dev+praw", lambda n: n.startswith("tests/integration/cassettes/") and n.endswith(".json"),
              "praw/cassettes", items)
    # Mosscap prompts round 14 inserted are left out.
    inj14 = open("/tmp/inj-eval/sets-new/heldout14/toolout14_injected.jsonl").read()
    atts = [a for a in mosscap() if a not in inj14]
    seen, ben, inj = set(), [], []
    for cat, key, v in items:
        t = render(v, key)
        if len(t) > MAXDOC or len(t) < 40 or t in seen:
            continue
        seen.add(t)
        ben.append({"text": t, "label": 0, "category": cat, "id": key})
        if h("inj14b" + key) % 2:
            continue
        a = atts[h("att14b" + key) % len(atts)]
        si = h("sep14b" + key) % 4
        o = inject(v, key, a, SEPS[si])
        if o is None:
            continue
        it = render(o, key)
        if len(it) <= MAXDOC:
            inj.append({"text": it, "label": 1, "id": key, "category": f"{cat}/mosscap/{SEPNAMES[si]}"})
    write(f"{OUT}/toolout14b_heldout.jsonl", ben)
    write(f"{OUT}/toolout14b_injected.jsonl", inj)

if __name__ == "__main__":
    main()
