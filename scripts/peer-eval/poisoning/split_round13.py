#!/usr/bin/env python3
"""Round 13: split rounds 11 and 12's fixture sets by source repository.

Round 12 showed that rules written from our own wordings do not move other
authors' fixtures. To see what those attacks look like, part of them is spent as
tune data; the rest stays held out. The split is by repository (a repository's
tools share an author and a style), fixed here before any text is read:

  * r11 is rebuilt from the mirrors with build_round11's readers (the two sources
    transcribed with read_file, medusa and guardbench, are not rebuilt: their
    transcriptions were lost with /tmp). Its tune half of round 11 (AI-Agentic-Shield,
    redcell, mcp-tool-auditor), whose misses were read then, goes to tune.
  * Every other repository of r11 and r12 (safe-mcp's T1001 and T1008 are one
    repository), in random.Random(13) order, goes to the half with fewer poisoned
    tools so far (ties: held out).

Writes /tmp/poison-eval/r13/r13_tune.jsonl and r13_heldout.jsonl (texts written,
never printed) and prints per-repository counts and both files' sha256.

Usage: python3 split_round13.py [--mirror /work/.mirror] [--out /tmp/poison-eval]
"""
import argparse
import hashlib
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_round11 as r11  # noqa: E402

R11_READ = ('security-researcher-ca/AI-Agentic-Shield', 'Blute122/redcell',
            'perparimmjeku/mcp-tool-auditor')
R11_BY_FILE = ('devsoniclk/mcp-shield', 'sattyamjjain/agent-audit-kit')


def seen_before_r11(outdir):
    """Descriptions of the sets built before round 11 (round 11 dropped them)."""
    seen = set()
    for root, dirs, files in os.walk(outdir):
        dirs[:] = [d for d in dirs if d not in ('r11', 'r12', 'r13', 'src')]
        for name in files:
            if name.endswith('.jsonl'):
                for line in open(os.path.join(root, name), encoding='utf-8'):
                    if line.strip():
                        seen.add((json.loads(line).get('description') or '').strip())
    return seen


def r11_items(mirror, outdir):
    items = r11.aas(mirror) + r11.redcell(mirror) + r11.sentinel(mirror) + r11.auditor(mirror)
    items += r11.by_file(mirror, r11.DEVSONIC, [('tests/fixtures/malicious_tools.json', 1)])
    items += r11.by_file(mirror, r11.MCPSCANNER, [('tests/fixtures/malicious_tools.json', 1),
                                                  ('tests/fixtures/clean_tools.json', 0)])
    items += r11.by_file(mirror, r11.AAK, [('examples/vulnerable-configs/06-tool-poisoning/.mcp.json', 1),
                                           ('tests/fixtures/clean_mcp.json', 0)])
    seen, texts, out = seen_before_r11(outdir), set(), []
    for t in items:
        d = t['description'].strip()
        if not d or d in seen or d in texts:
            continue
        texts.add(d)
        t['labelkind'] = 'file' if t['repo'] in R11_BY_FILE else 'tool'
        t['round'] = 'r11'
        out.append(t)
    return out


def r12_items(outdir):
    out = []
    for line in open(os.path.join(outdir, 'r12', 'r12_heldout.jsonl'), encoding='utf-8'):
        t = json.loads(line)
        t['repo'] = t['source'].split('/')[0]  # safe-mcp/T1001 and /T1008: one repository
        t['round'] = 'r12'
        out.append(t)
    return out


def split(items):
    count = {}
    for t in items:
        count[t['repo']] = count.get(t['repo'], 0) + t['label']
    part = {r: 'tune' for r in R11_READ}
    mal = {'tune': sum(count.get(r, 0) for r in R11_READ), 'heldout': 0}
    repos = sorted(r for r in count if r not in part)
    random.Random(13).shuffle(repos)
    for r in repos:
        p = min(mal, key=lambda k: (mal[k], k == 'tune'))
        part[r] = p
        mal[p] += count[r]
    for t in items:
        t['part'] = part[t['repo']]
    return part, count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mirror', default='/work/.mirror')
    ap.add_argument('--out', default='/tmp/poison-eval')
    a = ap.parse_args()
    items = r11_items(a.mirror, a.out) + r12_items(a.out)
    part, count = split(items)
    os.makedirs(os.path.join(a.out, 'r13'), exist_ok=True)
    for p in ('tune', 'heldout'):
        path = os.path.join(a.out, 'r13', 'r13_' + p + '.jsonl')
        rows = [t for t in items if t['part'] == p]
        with open(path, 'w', encoding='utf-8') as f:
            for t in rows:
                f.write(json.dumps(t, ensure_ascii=False, sort_keys=True) + '\n')
        sha = hashlib.sha256(open(path, 'rb').read()).hexdigest()
        print(p, len(rows), 'poisoned', sum(t['label'] for t in rows), sha)
        for r in sorted(x for x in part if part[x] == p):
            n = sum(1 for t in rows if t['repo'] == r)
            print('   %-45s poisoned %2d / benign %2d' % (r, count[r], n - count[r]))


if __name__ == '__main__':
    main()
