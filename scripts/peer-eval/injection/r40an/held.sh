#!/bin/bash
cd /tmp/r40
M=/tmp/r40/tree/internal/detect/model/injection.bin
PERITEM=/tmp/r40/peritem-base python3 /work/main/scripts/peer-eval/injection/round16_compare.py r40base=$M > out/r16_base.txt 2>&1
echo r16base $(date -u +%T)
PERITEM=/tmp/r40/peritem-cand python3 /work/main/scripts/peer-eval/injection/round16_compare.py r40cand=$M > out/r16_cand.txt 2>&1
echo r16cand $(date -u +%T)
for f in /tmp/r28/sets/r28_web_heldout.jsonl /tmp/r30/sets/r30_web_heldout.jsonl /tmp/r31/sets/mail_r31_heldout.jsonl /tmp/r36/sets/r36j_clean.jsonl /tmp/r36/sets/r36j_injected.jsonl /tmp/r36/sets/r36h_clean.jsonl /tmp/r36/sets/r36h_injected.jsonl /tmp/inj-eval/sets-new/heldout17/spikee_heldout.jsonl /tmp/inj18/sets/ml18_own.jsonl; do
  for t in base cand; do nice ./peritem-$t $f > out/${t}_$(basename $f); done
  echo done $f $(date -u +%T)
done
