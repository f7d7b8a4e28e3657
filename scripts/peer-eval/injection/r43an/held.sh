#!/bin/bash
# Round 43 held-out scoring: once per binary, aggregate counts only.
cd /tmp/r43; mkdir -p held
W3=/tmp/r43/base/internal/detect/model/injection.bin
PERITEM=/tmp/r43/peritem-base python3 /work/main/scripts/peer-eval/injection/round16_compare.py r43base=$W3 > held/r16_base.txt
PERITEM=/tmp/r43/peritem-cand python3 /work/main/scripts/peer-eval/injection/round16_compare.py r43cand=$W3 > held/r16_cand.txt
for v in base cand; do
  for f in /tmp/r41/sets/r41_web_heldout.jsonl /tmp/r28/sets/r28_web_heldout.jsonl /tmp/r30/sets/r30_web_heldout.jsonl /tmp/r31/sets/mail_r31_heldout.jsonl /tmp/r36/sets/r36j_clean.jsonl /tmp/r36/sets/r36h_clean.jsonl; do
    nice ./peritem-$v $f > held/$v.$(basename $f)
  done
done
echo done $(date -u +%T)
