#!/bin/bash
cd /tmp/r43
for f in /tmp/r23/sets/r23_web_tune.jsonl /tmp/r23/sets/r23_web_heldout.jsonl /tmp/r25/sets/r25_web_heldout.jsonl /tmp/r28/sets/r28_web_tune.jsonl /tmp/r30/sets/r30_web_tune.jsonl /tmp/r41/sets/r41_web_tune.jsonl /tmp/r31/sets/mail_r31_tune.jsonl /tmp/inj-eval/sets-new/tune/records_tune.jsonl /tmp/inj16/sets/tldr_unseen.jsonl /tmp/inj16/sets/tldr_trigger_unseen.jsonl /work/main/internal/detect/data/injection/benign_trigger_words.jsonl /tmp/r29/sets/longtune_r29.jsonl /tmp/inj-eval/sets-new/heldout8/garak_tune.jsonl /tmp/inj-eval/sets-new/heldout17/spikee_tune.jsonl; do
  b=$(basename $f .jsonl)
  for v in base cand; do nice ./peritem-$v $f > pi/$v.$b.jsonl; done
done
echo done $(date -u +%T)
