#!/usr/bin/env python3
"""Round 16: does the injection detector find poisoned tools the poisoning detector misses?

For each labelled tool file, runs `warden eval poisoning --verbose --json` and
`warden eval injection --verbose --json` (which scans a tool item's text fields,
normalised and joined, as one document) and joins their error lists by
(tool name, label), so it needs only the warden binary. Prints, per file:
poisoned tools, found by poisoning, found by injection, found by injection only;
benign tools, flagged by poisoning, by injection, by injection only.

The join is by name: where a file repeats a name (MCPTox's attack instances)
the counts are a multiset difference, which the round-16 scratch probe (exact,
per tool) matched on every tune file.

--verbose lists errors per tool, so this script refuses held-out files: score
those with `warden eval poisoning --json FILE` (aggregate line) only.

Usage: python3 injection_overlap_r16.py WARDEN FILE...  (run in /tmp/poison-eval)
"""
import collections
import json
import subprocess
import sys

HELD_OUT = ('heldout/', 'r12/', 'r13_heldout', 'r14_heldout', 'mpma_heldout', 'r11_heldout')


def report(warden, kind, path):
    out = subprocess.run([warden, 'eval', kind, '--verbose', '--json', path],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def errors(rep, label):
    return collections.Counter(e['name'] for e in rep.get('errors') or [] if e['label'] == label)


def overlap(warden, path):
    p, i = report(warden, 'poisoning', path), report(warden, 'injection', path)
    p_fn, i_fn = errors(p, True), errors(i, True)
    p_fp, i_fp = errors(p, False), errors(i, False)
    # found by injection only: missed by poisoning, not missed by injection
    inj_only_tp = sum(max(0, n - i_fn[k]) for k, n in p_fn.items())
    # flagged by injection only: injection false positives poisoning did not flag
    inj_only_fp = sum(max(0, n - p_fp[k]) for k, n in i_fp.items())
    return p['malicious'], p['tp'], i['tp'], inj_only_tp, p['benign'], p['fp'], i['fp'], inj_only_fp


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    warden = sys.argv[1]
    print('%-44s %5s %5s %5s %8s | %5s %5s %5s %8s' % ('file', 'pois', 'P-TP', 'I-TP', 'I-only', 'ben', 'P-FP', 'I-FP', 'I-only'))
    for path in sys.argv[2:]:
        if any(h in path for h in HELD_OUT):
            print('%-44s refused: held out (aggregate scoring only)' % path)
            continue
        print('%-44s %5d %5d %5d %8d | %5d %5d %5d %8d' % ((path[-44:],) + overlap(warden, path)))


if __name__ == '__main__':
    main()
