#!/bin/bash
# usage: tune.sh NAME (peritem-NAME): tune data of round 31
N=/tmp/inj-eval/sets-new
cd /tmp/r31 && mkdir -p tune
P=./peritem-$1
nice $P sets/mail_r31_tune.jsonl $N/heldout11/mail11_heldout.jsonl $N/heldout12/mail12_heldout.jsonl $N/heldout13/mail13_heldout.jsonl $N/heldout11/mail11_injected.jsonl $N/heldout13/mail13_injected.jsonl > tune/$1_mail.jsonl
nice $P /tmp/r29/sets/longtune_r29.jsonl $N/tune9/toolout_tune_injected.jsonl $N/heldout8/garak_tune.jsonl > tune/$1_inj.jsonl
nice $P $N/tune9/toolout_tune.jsonl $N/tune/records_tune.jsonl $N/tune/rustbook_benign.jsonl > tune/$1_clean.jsonl
