#!/bin/sh
# Round 46: the evasion set (ours; build_evasion_r46.py), base vs candidate, originals as a control.
# usage: eval_evasion_r46.sh   (binaries as in score_r46.sh)
B=/tmp/r46
for f in evasion_inj_orig_r46 evasion_inj_r46; do
  for n in base cand3; do
    nice $B/peritem-$n $B/ev/$f.jsonl | python3 -c "
import json,sys; rs=[json.loads(l) for l in sys.stdin]; print('$n %-24s flagged %d/%d'%('$f',sum(r['flagged'] for r in rs),len(rs)))"
  done
done
for f in evasion_poison_orig_r46 evasion_poison_r46; do
  for n in base cand; do
    $B/warden-$n eval poisoning --json $B/ev/$f.jsonl 2>/dev/null | tail -1 | python3 -c "
import json,sys; r=json.load(sys.stdin); print('$n %-24s TP %d/%d'%('$f',r['tp'],r['malicious']))"
  done
done
