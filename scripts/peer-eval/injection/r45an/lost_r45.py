#!/usr/bin/env python3
"""Round 45: per-item flips between two round16_compare.py caches, as counts only.

usage: lost_r45.py /tmp/inj16/pi/BASE.jsonl /tmp/inj16/pi/CAND.jsonl
Prints, per file and label, how many items only BASE flagged and how many only CAND
flagged (held-out rows: counts only; no item is printed)."""
import collections, json, sys


def load(path):
    return [(r["file"], r["label"], bool(r["flagged"])) for r in map(json.loads, open(path))]


def main():
    a, b = load(sys.argv[1]), load(sys.argv[2])
    assert [x[:2] for x in a] == [y[:2] for y in b], "item order differs"
    c = collections.Counter()
    for (f, l, p), (_, _, q) in zip(a, b):
        c[(f, l, "base only")] += p and not q
        c[(f, l, "cand only")] += q and not p
    tot = collections.Counter()
    for (f, l, k), n in sorted(c.items()):
        tot[(l, k)] += n
        if n:
            print(f"{f} label {l} {k}: {n}")
    for (l, k), n in sorted(tot.items()):
        print(f"total label {l} {k}: {n}")


if __name__ == "__main__":
    main()
