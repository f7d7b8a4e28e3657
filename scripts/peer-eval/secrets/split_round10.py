#!/usr/bin/env python3
"""Round 10: split semgrep's secret rule tests into a tune and a held-out half.

usage: split_round10.py SEMGREP_JSONL TUNE_DIR HELD_DIR

Reads semgrep.jsonl (build_round9.py; frozen in round 9, sha256
2d002f9a…a892) and writes TUNE_DIR/semgrep-tune.jsonl and
HELD_DIR/semgrep-heldout.jsonl. Items are grouped by the rule test file
they come from (their category), so one rule's lines never straddle the
halves. Groups are sorted by name, shuffled with a fixed seed and each goes
to the half that has fewer items so far (ties to tune), as in round 8.
The split is made before any error is read.
"""
import collections
import hashlib
import json
import os
import random
import sys

SEED = 20261126


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
    src, tune_dir, held_dir = sys.argv[1:4]
    items = [json.loads(l) for l in open(src)]
    dirs = {"tune": tune_dir, "heldout": held_dir}
    for half, its in split(items).items():
        path = os.path.join(dirs[half], f"semgrep-{half}.jsonl")
        with open(path, "w") as f:
            for it in its:
                f.write(json.dumps(it) + "\n")
        pos = sum(it["label"] for it in its)
        files = len({it["category"] for it in its})
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        print(f"semgrep-{half}: {len(its)} items ({pos} / {len(its) - pos}), "
              f"{files} files, sha256 {digest}")


if __name__ == "__main__":
    main()
