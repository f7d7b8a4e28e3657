#!/bin/sh
# usage: score.sh TEST_BINARY DIR SET...
# Scores labelled sets with a compiled secrets test binary
# (go test -c -o BIN ./internal/detect/secrets): one line per set with
# recall, precision, FPR and the counts (tp, fp) needed to pool sets.
# Needs no warden binary, so it works while other packages are mid-edit.
BIN=$1
DIR=$2
shift 2
L=""
for s in "$@"; do L="$L${L:+,}$DIR/$s.jsonl"; done
WARDEN_SCORE_FILES=$L "$BIN" -test.run '^TestLabelledScore$' | grep ' pos ' | sed "s|$DIR/||"
