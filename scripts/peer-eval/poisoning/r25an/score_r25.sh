#!/bin/sh
# Round 25: each held-out file once per binary (HEAD build warden-base, candidate warden-cand), the
# aggregate line only; then the check files and the evasion set. usage: score_r25.sh [DIR]
D=${1:-/tmp/r25an}; P=/tmp/poison-eval; N=/work/main/internal/detect/data/benign_npm_tools.jsonl
for f in $P/r22/r22_heldout.jsonl $P/r23/heldout.jsonl $P/r24/heldout.jsonl $P/heldout/r4_benign.jsonl \
  $P/heldout/r7_benign.jsonl $P/heldout/r9_benign.jsonl $N $P/tune/github_mcp_benign.jsonl $P/seen/awslabs_benign.jsonl \
  $D/ev/evasion_poison_orig_r25.jsonl $D/ev/evasion_poison_leet_r25.jsonl $D/ev/evasion_poison_scrambled_r25.jsonl \
  $D/ev/evasion_poison_hyphen_r25.jsonl; do
  for b in base cand; do
    $D/warden-$b eval poisoning --json $f 2>/dev/null | tail -1 | python3 -c "
import json,sys; r=json.load(sys.stdin); print('%-4s %-36s tp=%d/%d fp=%d/%d'%('$b','$(basename $f)',r['tp'],r['malicious'],r['fp'],r['benign']))"
  done
done
