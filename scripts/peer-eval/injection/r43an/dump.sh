#!/bin/bash
# usage: dump.sh NAME [MODEL.bin]   (tune sets only)
cd /tmp/r43; N=$1; mkdir -p dump/$N
SETS="/tmp/r23/sets/r23_web_tune.jsonl /tmp/r23/sets/r23_web_heldout.jsonl /tmp/r25/sets/r25_web_heldout.jsonl /tmp/r28/sets/r28_web_tune.jsonl /tmp/r30/sets/r30_web_tune.jsonl /tmp/r41/sets/r41_web_tune.jsonl /tmp/r31/sets/mail_r31_tune.jsonl /tmp/inj-eval/sets-new/tune/records_tune.jsonl /tmp/inj16/sets/tldr_unseen.jsonl /tmp/inj16/sets/tldr_trigger_unseen.jsonl /work/main/internal/detect/data/injection/benign_trigger_words.jsonl /tmp/r29/sets/longtune_r29.jsonl /tmp/inj-eval/sets-new/heldout8/garak_tune.jsonl /tmp/inj-eval/sets-new/heldout17/spikee_tune.jsonl"
for f in $SETS; do
  o=dump/$N/$(basename $f); [ -s $o ] && continue
  R43_MODEL=$2 R43_IN=$f R43_OUT=$o.tmp nice ./dump.test -test.run TestR43Dump -test.timeout 1h >/dev/null 2>>dump/$N.err && mv $o.tmp $o
done
echo done $N $(date -u +%T)
