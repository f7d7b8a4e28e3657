#!/bin/bash
# usage: tune.sh NAME  (env R29, R29K)
N=/tmp/inj-eval/sets-new
cd /tmp/r29 && mkdir -p tune
nice ./r29an /tmp/r23/sets/r23_web_tune.jsonl /tmp/r28/sets/r28_web_tune.jsonl > tune/$1_web.jsonl
nice ./r29an -label 1 sets/longtune_r29.jsonl $N/tune9/toolout_tune_injected.jsonl $N/heldout8/garak_tune.jsonl > tune/$1_inj.jsonl
nice ./r29an -label 0 $N/tune9/toolout_tune.jsonl $N/tune/records_tune.jsonl /tmp/inj-eval/sets-new/tune/rustbook_benign.jsonl > tune/$1_clean.jsonl
