#!/usr/bin/env python3
"""Round 14: split r14_all.jsonl (build_round14.py) by repository.

Fixed before any text is scored or read: the repositories, sorted by name, are
shuffled with random.Random(14); every third one (positions 2, 5, 8, ...) is held
out, the rest are tune. A repository's tools share an author and a style, so the
held-out third measures what the detector does on authors it was never tuned on.

Writes /tmp/poison-eval/r14/r14_tune.jsonl and r14_heldout.jsonl (texts written,
never printed) and prints per-repository counts and both files' sha256.

Usage: python3 split_round14.py [--out /tmp/poison-eval]
"""
import argparse
import hashlib
import json
import os
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--out', default='/tmp/poison-eval')
    a = ap.parse_args()
    d = os.path.join(a.out, 'r14')
    rows = [json.loads(line) for line in open(os.path.join(d, 'r14_all.jsonl'))]
    repos = sorted({r['repo'] for r in rows})
    random.Random(14).shuffle(repos)
    held = {r for i, r in enumerate(repos) if i % 3 == 2}
    for name, keep in [('r14_tune', lambda r: r['repo'] not in held),
                       ('r14_heldout', lambda r: r['repo'] in held)]:
        part = [r for r in rows if keep(r)]
        path = os.path.join(d, name + '.jsonl')
        with open(path, 'w') as fh:
            for r in part:
                fh.write(json.dumps(r, ensure_ascii=False) + '\n')
        by = {}
        for r in part:
            by.setdefault(r['repo'], [0, 0])[r['label'] == 0] += 1
        print('%s: %d poisoned / %d benign, sha256 %s' % (
            name, sum(r['label'] for r in part), sum(1 - r['label'] for r in part),
            hashlib.sha256(open(path, 'rb').read()).hexdigest()))
        for r, (p, b) in sorted(by.items()):
            print('   %-72s %2d / %2d' % (r, p, b))


if __name__ == '__main__':
    main()
