#!/usr/bin/env python3
"""Round 14: split betterleaks' newer rule tests into a tune and a held-out half.

usage: split_round14.py BETTERLEAKS_NEW_JSONL TUNE_DIR HELD_DIR

Reads betterleaks-new.jsonl (build_round13.sh; frozen in round 13, sha256
5e790e10…a793) and writes TUNE_DIR/betterleaks-tune.jsonl and
HELD_DIR/betterleaks-heldout.jsonl. Items are grouped by betterleaks rule:
the category without the `.N` that cmd/extract-eval appends to a rule's
second and later test tables, so all items of one rule land in the same
half. Rules are sorted by name, shuffled with a fixed seed and each goes
to the half that has fewer items so far (ties to tune), as in rounds 8
and 10. The split is made before any error is read.
"""
import collections
import hashlib
import json
import os
import random
import re
import sys

SEED = 20261126


def rule(item):
    return re.sub(r"\.\d+$", "", item["category"])


def split(items):
    groups = collections.OrderedDict()
    for it in items:
        groups.setdefault(rule(it), []).append(it)
    names = sorted(groups)
    random.Random(SEED).shuffle(names)
    halves = {"tune": [], "heldout": []}
    for n in names:
        half = "tune" if len(halves["tune"]) <= len(halves["heldout"]) else "heldout"
        halves[half].extend(groups[n])
    return halves


def main():
    src, tune_dir, held_dir = sys.argv[1:4]
    items = [json.loads(l) for l in open(src)]
    dirs = {"tune": tune_dir, "heldout": held_dir}
    for half, its in split(items).items():
        path = os.path.join(dirs[half], f"betterleaks-{half}.jsonl")
        with open(path, "w") as f:
            for it in its:
                f.write(json.dumps(it) + "\n")
        pos = sum(it["label"] for it in its)
        rules = len({rule(it) for it in its})
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        print(f"betterleaks-{half}: {len(its)} items ({pos} / {len(its) - pos}), "
              f"{rules} rules, sha256 {digest}")


if __name__ == "__main__":
    main()
