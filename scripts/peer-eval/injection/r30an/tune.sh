#!/bin/bash
# usage: tune.sh NAME (peritem-NAME)
N=/tmp/inj-eval/sets-new
cd /tmp/r30 && mkdir -p tune
P=./peritem-$1
nice $P /tmp/r23/sets/r23_web_tune.jsonl /tmp/r28/sets/r28_web_tune.jsonl sets/r30_web_tune.jsonl > tune/$1_web.jsonl
nice $P /tmp/r29/sets/longtune_r29.jsonl $N/tune9/toolout_tune_injected.jsonl $N/heldout8/garak_tune.jsonl > tune/$1_inj.jsonl
nice $P $N/tune9/toolout_tune.jsonl $N/tune/records_tune.jsonl $N/tune/rustbook_benign.jsonl > tune/$1_clean.jsonl
