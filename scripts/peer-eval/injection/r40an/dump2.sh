#!/bin/bash
cd /tmp/r40
for f in /tmp/inj-eval/sets-new/heldout11/mail11_injected.jsonl /tmp/inj-eval/sets-new/heldout17/spikee_tune.jsonl /tmp/r33/sets/json_tune_r33_asb.jsonl /tmp/r33/sets/json_tune_r33_mosscap.jsonl /tmp/r37/sets/r37tune_clean.jsonl /tmp/r37/sets/r37tune_injected.jsonl /tmp/r37/sets/r37tune_lineonly.jsonl; do
  R40_IN=$f R40_OUT=/tmp/r40/dump/$(basename $f) nice ./dump.test -test.run TestR40Dump -test.timeout 1h >/dev/null 2>>dump.err
  echo done $f $(date -u +%T)
done
