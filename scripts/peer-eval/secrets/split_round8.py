#!/usr/bin/env python3
"""Round 8: split CredSweeper's sample set into a tune half and a held-out half.

usage: split_round8.py DIR

Reads DIR/credsweeper.jsonl (build_round7.py; frozen in round 7) and writes
DIR/credsweeper-tune.jsonl and DIR/credsweeper-heldout.jsonl. Items are
grouped by the sample file they come from (their category), so the
findings of one file never straddle the halves. Groups are sorted by name,
shuffled with a fixed seed and each goes to the half that has fewer items
so far (ties to tune). The split is made before any error is read.
"""
import collections
import hashlib
import json
import os
import random
import sys

SEED = 20261126
SET = "credsweeper"


def split(items):
    groups = collections.OrderedDict()
    for it in items:
        groups.setdefault(it["category"], []).append(it)
    names = sorted(groups)
    random.Random(SEED).shuffle(names)
    halves = {"tune": [], "heldout": []}
    for n in names:
        half = "tune" if len(halves["tune"]) <= len(halves["heldout"]) else "heldout"
        halves[half].extend(groups[n])
    return halves


def main():
    d = sys.argv[1]
    items = [json.loads(l) for l in open(os.path.join(d, SET + ".jsonl"))]
    for half, its in split(items).items():
        path = os.path.join(d, f"{SET}-{half}.jsonl")
        with open(path, "w") as f:
            for it in its:
                f.write(json.dumps(it) + "\n")
        pos = sum(it["label"] for it in its)
        files = len({it["category"] for it in its})
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        print(f"{SET}-{half}: {len(its)} items ({pos} / {len(its) - pos}), "
              f"{files} files, sha256 {digest}")


if __name__ == "__main__":
    main()
