#!/bin/bash
cd /tmp/r40
for f in /tmp/r23/sets/r23_web_tune.jsonl /tmp/r28/sets/r28_web_tune.jsonl /tmp/r30/sets/r30_web_tune.jsonl /tmp/r31/sets/mail_r31_tune.jsonl /tmp/r33/sets/json_tune_r33_clean.jsonl /tmp/inj16/sets/tldr_unseen.jsonl /tmp/inj16/sets/tldr_trigger_unseen.jsonl /work/main/internal/detect/data/injection/benign_trigger_words.jsonl /tmp/r29/sets/longtune_r29.jsonl /tmp/inj-eval/sets-new/heldout8/garak_tune.jsonl; do
  R40_IN=$f R40_OUT=/tmp/r40/dump/$(basename $f) nice ./dump.test -test.run TestR40Dump -test.timeout 1h >/dev/null 2>>dump.err
  echo done $f $(date -u +%T)
done
