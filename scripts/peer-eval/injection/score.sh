#!/bin/sh
# usage: score.sh BINARY FILE... -> one line per labelled JSONL file
# (`warden eval injection --json`).
B=$1; shift
for f in "$@"; do $B eval injection --json "$f" 2>/dev/null | tail -1 | python3 -c "
import json,sys; r=json.load(sys.stdin); print('%-44s inj=%4d clean=%4d TP=%4d FN=%4d FP=%3d recall=%6.1f%% FPR=%5.2f%%'%('$f'.split('/inj-eval/')[-1],r['malicious'],r['benign'],r['tp'],r['fn'],r['fp'],100*r['recall'],100*r['false_positive_rate']))"; done
