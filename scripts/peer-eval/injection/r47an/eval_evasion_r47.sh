#!/bin/sh
# Round 47: the evasion set (ours; build_evasion_r47.py; builds evasion_inj_{orig,first,all}_r47, evasion_poison_{orig,first}_r47), base vs candidate, originals as a control.
# usage: eval_evasion_r47.sh   (binaries as in score_r47.sh)
B=/tmp/r47
for f in evasion_inj_orig_r47 evasion_inj_first_r47 evasion_inj_all_r47; do
  for n in base cand; do
    nice $B/peritem-$n $B/ev/$f.jsonl | python3 -c "
import json,sys; rs=[json.loads(l) for l in sys.stdin]; print('$n %-24s flagged %d/%d'%('$f',sum(r['flagged'] for r in rs),len(rs)))"
  done
done
for f in evasion_poison_orig_r47 evasion_poison_first_r47; do
  for n in base cand; do
    $B/warden-$n eval poisoning --json $B/ev/$f.jsonl 2>/dev/null | tail -1 | python3 -c "
import json,sys; r=json.load(sys.stdin); print('$n %-24s TP %d/%d'%('$f',r['tp'],r['malicious']))"
  done
done
