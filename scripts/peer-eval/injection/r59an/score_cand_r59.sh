#!/bin/sh
# Round 59: the candidate on the held-out sets, scored once each after SOURCES.md
# "Round 59 ... (decision rule)" (aggregate counts only).
#   /tmp/r59/cand = `git archive HEAD` (e18d19c) + r59an/round59_candidate.patch
set -e
I=/work/main/scripts/peer-eval/injection
B=/tmp/r59
[ -x $B/peritem-cand2 ] || (cd $B/cand && go build -o $B/peritem-cand2 ./scripts/peer-eval/injection/peritem)
cd $B && PERITEM=$B/peritem-cand2 python3 $I/round16_compare.py r59base=$B/base/internal/detect/model/injection.bin r59cand=$B/cand/internal/detect/model/injection.bin
PERITEM=$B/peritem-cand2 NAME=cand sh $I/r59an/score_base_r59.sh
