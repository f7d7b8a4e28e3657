#!/bin/sh
# Round 47: poisoning tune and check sets (never held-out files), base vs candidate warden.
# usage: poison_tune_r46.sh WARDEN_BASE WARDEN_CAND
cd /tmp/poison-eval
for f in tune/*.jsonl seen/*.jsonl other/*.jsonl dev/*.jsonl r10/mpma_tune.jsonl r10/persuasive_benign.jsonl r13/r13_tune.jsonl r14/r14_tune.jsonl r15/*tune*.jsonl r22/r22_tune.jsonl synth/*.jsonl; do
  [ -f "$f" ] || continue
  for b in "$1" "$2"; do nice $b eval poisoning --json $f 2>/dev/null | tail -1; done | python3 -c "
import json,sys
a,b=[json.loads(l) for l in sys.stdin]
print('%-40s mal=%4d ben=%4d  TP %4d -> %4d   FP %3d -> %3d'%('$f',a['malicious'],a['benign'],a['tp'],b['tp'],a['fp'],b['fp']))"
done
