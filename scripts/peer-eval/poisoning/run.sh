#!/bin/sh
# usage: run.sh BINARY -> per-source table of tune/, seen/ and other/.
# heldout/ only with HELDOUT=1: it is scored once, at the end of a round.
B=$1; cd /tmp/poison-eval
SETS="tune/*.jsonl seen/*.jsonl other/*.jsonl"
[ "$HELDOUT" = 1 ] && SETS="$SETS heldout/*.jsonl"
for f in $SETS; do $B eval poisoning --json $f 2>/dev/null | tail -1 | python3 -c "
import json,sys; r=json.load(sys.stdin); print('%-40s mal=%3d ben=%3d TP=%3d FN=%3d FP=%3d recall=%6.1f%% FPR=%5.1f%% prec=%6.1f%%'%('$f',r['malicious'],r['benign'],r['tp'],r['fn'],r['fp'],100*r['recall'],100*r['false_positive_rate'],100*r['precision']))"; done
