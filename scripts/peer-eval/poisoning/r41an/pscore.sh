#!/bin/bash
# usage: pscore.sh BIN  -> per-file tp/mal fp/benign
BIN=$1
for f in $(cd /tmp/poison-eval && find . -name "*.jsonl" -not -path "./src/*" | sort) /tmp/r32/sets/all.jsonl /tmp/r33/sets/all.jsonl /tmp/r34p/sets/all.jsonl; do
  case $f in /*) pf=$f ;; *) pf=/tmp/poison-eval/${f#./} ;; esac
  $BIN eval poisoning --json $pf 2>/dev/null | tail -1 | python3 -c "import json,sys; d=json.load(sys.stdin); print(f\"{'$f':40s} {d['tp']:5d}/{d['malicious']:<5d} fp {d['fp']:4d}/{d['benign']}\")"
done
