#!/usr/bin/env python3
"""Round 6: split the round-5 sets into a tune half and a held-out half.

usage: split_round6.py DIR

Reads DIR/{detect-secrets,ripsecrets,whispers}.jsonl (build_round5.py) and
writes DIR/SET-tune.jsonl and DIR/SET-heldout.jsonl. Items are grouped by
the source file they come from (the category, except that detect-secrets'
keyword/* tables all come from keyword_test.py and form one group), so
near-identical items of one file never straddle the halves. Groups are
shuffled with a fixed seed and each goes to the half that has fewer items
so far (ties to tune). The split is made before any error is read.
"""
import collections
import json
import os
import random
import sys

SEED = 20261126
SETS = ("detect-secrets", "ripsecrets", "whispers")


def group(category):
    if category.startswith("detect-secrets/keyword/"):
        return "detect-secrets/keyword"
    return category


def split(items):
    groups = collections.OrderedDict()
    for it in items:
        groups.setdefault(group(it["category"]), []).append(it)
    names = sorted(groups)
    random.Random(SEED).shuffle(names)
    halves = {"tune": [], "heldout": []}
    for n in names:
        half = "tune" if len(halves["tune"]) <= len(halves["heldout"]) else "heldout"
        halves[half].extend(groups[n])
    return halves


def main():
    d = sys.argv[1]
    for s in SETS:
        items = [json.loads(l) for l in open(os.path.join(d, s + ".jsonl"))]
        for half, its in split(items).items():
            with open(os.path.join(d, f"{s}-{half}.jsonl"), "w") as f:
                for it in its:
                    f.write(json.dumps(it) + "\n")
            pos = sum(it["label"] for it in its)
            cats = sorted({group(it["category"]) for it in its})
            print(f"{s}-{half}: {len(its)} items ({pos} / {len(its) - pos}), "
                  f"{len(cats)} files: {' '.join(c.split('/', 1)[1] for c in cats)}")


if __name__ == "__main__":
    main()
