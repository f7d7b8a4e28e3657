#!/usr/bin/env python3
"""Round 21: choose the poisoning detector's operating point on tune data.

Reads the per-item dump of sweep_r21.go (`-dump`: file, label, rule score,
classifier probability; no text) and, for files that may only be counted
(`seen/para4_heldout`), the stderr of `-points` over the same grid. For every
(threshold T, floor F) it rebuilds the detector's score exactly as ScanTool
does, applies the selection rule written in SOURCES.md ("Round 21") and prints
the table and the chosen point. Tune data only: it refuses a dump that names a
held-out file.

Usage: python3 sweep_r21.py DUMP.jsonl [--counts POINTS_STDERR]...
"""
import argparse
import json
import re
import sys
from collections import defaultdict

ALONE = 0.45  # detect.classifierAloneScale
HEAD = (0.5, 0.6)
TS = [round(0.3 + 0.025 * i, 3) for i in range(9)]
FS = [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8]

POOL_PREFIXES = ('tune/', 'seen/', 'synth/', 'dev/', 'r10/mpma_tune', 'r13/r13_tune', 'r14/r14_tune')
BENIGN_EXTRA = ('other/r7_extra_benign', 'other/ibm_contextforge_benign')


def flagged(rule, p, t, f):
    clf = max(0.0, (p - f) / (1 - f))
    if rule == 0:
        clf *= ALONE
    return 1 - (1 - rule) * (1 - clf) >= t


def group(path):
    """Which tally a file belongs to."""
    if path.endswith('benign_npm_tools.jsonl'):
        return 'npm'
    if path.endswith('benign_hard.jsonl'):
        return 'hard'
    if path.startswith('r10/persuasive_benign'):
        return 'persuasive'
    if path.startswith(POOL_PREFIXES):
        return 'pool'
    if path.startswith(BENIGN_EXTRA):
        return 'pool_benign_only'
    return 'report:' + path


def load_dump(path):
    rows = []
    with open(path) as fh:
        for line in fh:
            r = json.loads(line)
            if 'heldout' in r['file'] and not r['file'].startswith('seen/'):
                sys.exit('refusing: held-out file in the dump: ' + r['file'])
            rows.append(r)
    return rows


def tally(rows, counts_files):
    """tally[(t, f)][group] = [tp, npos, fp, nneg]"""
    out = defaultdict(lambda: defaultdict(lambda: [0, 0, 0, 0]))
    for t in TS:
        for f in FS:
            cell = out[(t, f)]
            for r in rows:
                g = group(r['file'])
                fl = flagged(r['rule'], r['p'], t, f)
                c = cell[g]
                if r['label']:
                    c[0] += fl
                    c[1] += 1
                else:
                    c[2] += fl
                    c[3] += 1
    pat = re.compile(r'^(\S+)\tT=([\d.]+)\tF=([\d.]+)\ttp=(\d+)\tfn=(\d+)\tfp=(\d+)\ttn=(\d+)$')
    for cf in counts_files:
        with open(cf) as fh:
            for line in fh:
                m = pat.match(line.strip())
                if not m:
                    continue
                path, t, f = m.group(1), round(float(m.group(2)), 3), float(m.group(3))
                tp, fn, fp, tn = map(int, m.group(4, 5, 6, 7))
                c = out[(t, f)][group(path)]
                c[0] += tp
                c[1] += tp + fn
                c[2] += fp
                c[3] += fp + tn
    return out


def pooled(cell):
    a, b = cell['pool'], cell['pool_benign_only']
    return a[0], a[1], a[2] + b[2], a[3] + b[3]


def choose(out):
    h = out[HEAD]
    ok = []
    for (t, f), cell in out.items():
        tp, npos, fp, nneg = pooled(cell)
        npm, hard, pers = cell['npm'], cell['hard'], cell['persuasive']
        passes = (fp <= 0.008 * nneg
                  and (npm[2] - h['npm'][2]) / npm[3] <= 0.003
                  and hard[2] <= h['hard'][2] + 2
                  and pers[2] <= h['persuasive'][2] + 1)
        if passes:
            dist = abs(t - HEAD[0]) / 0.025 + abs(f - HEAD[1]) / 0.05
            ok.append((-tp, round(dist, 6), -t, (t, f)))
    ok.sort()
    return ok[0][3] if ok else HEAD


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('dump')
    ap.add_argument('--counts', action='append', default=[])
    a = ap.parse_args()
    out = tally(load_dump(a.dump), a.counts)
    best = choose(out)
    print('T\tF\ttune_tp/pos\ttune_fp/neg\tfpr%\tnpm_fp\thard_fp\tpersuasive_fp')
    for t in TS:
        for f in FS:
            cell = out[(t, f)]
            tp, npos, fp, nneg = pooled(cell)
            mark = ' <- HEAD' if (t, f) == HEAD else ''
            mark += ' <- chosen' if (t, f) == best else ''
            print(f"{t:.3f}\t{f:.2f}\t{tp}/{npos}\t{fp}/{nneg}\t{100 * fp / nneg:.2f}\t"
                  f"{cell['npm'][2]}/{cell['npm'][3]}\t{cell['hard'][2]}/{cell['hard'][3]}\t"
                  f"{cell['persuasive'][2]}/{cell['persuasive'][3]}{mark}")
    print('chosen', best)
    for g in sorted(k for k in out[HEAD] if k.startswith('report:')):
        print(g, 'HEAD', out[HEAD][g], 'chosen', out[best][g], '[tp, pos, fp, neg]')


if __name__ == '__main__':
    main()
