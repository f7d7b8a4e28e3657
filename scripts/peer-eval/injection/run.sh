#!/bin/sh
# usage: run.sh BINARY -> per-set table (warden eval injection --json), then
# per-item rows for the misses/false-positive lists in /tmp/inj-eval/peritem.jsonl
B=$1; cd /tmp/inj-eval
for f in sets/*.jsonl; do $B eval injection --json $f 2>/dev/null | tail -1 | python3 -c "
import json,sys; r=json.load(sys.stdin); print('%-36s inj=%4d clean=%4d TP=%4d FN=%4d FP=%3d recall=%6.1f%% FPR=%5.2f%% prec=%6.1f%%'%('$f',r['malicious'],r['benign'],r['tp'],r['fn'],r['fp'],100*r['recall'],100*r['false_positive_rate'],100*r['precision']))"; done
(cd /work/main && go run ./scripts/peer-eval/injection/peritem /tmp/inj-eval/sets/*.jsonl) > /tmp/inj-eval/peritem.jsonl
