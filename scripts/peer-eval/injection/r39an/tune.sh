#!/bin/bash
# Tune runs: base, candidate (indent bound 256) and candA (indent bound unchanged, 12).
cd /tmp/r39
for f in /tmp/r39/sets/r39tune_injected.jsonl /tmp/r39/sets/r39tune_clean.jsonl /tmp/r37/sets/r37tune_lineonly.jsonl /tmp/r37/sets/r37tune_injected.jsonl /tmp/r37/sets/r37tune_clean.jsonl /tmp/r31/sets/mail_r31_tune.jsonl /tmp/r33/sets/json_tune_r33_clean.jsonl /tmp/r33/sets/json_tune_r33_asb.jsonl /tmp/r33/sets/json_tune_r33_mosscap.jsonl /tmp/inj-eval/sets-new/heldout8/garak_tune.jsonl /tmp/inj-eval/sets-new/heldout17/spikee_tune.jsonl /tmp/r29/sets/longtune_r29.jsonl /tmp/r23/sets/r23_web_tune.jsonl /tmp/r28/sets/r28_web_tune.jsonl /tmp/r30/sets/r30_web_tune.jsonl; do
  for t in base cand candA; do nice ./peritem-$t $f > tune/${t}_$(basename $f); done
  echo done $f $(date -u +%T)
done
