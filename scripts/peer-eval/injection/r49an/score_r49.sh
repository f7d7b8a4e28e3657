#!/bin/sh
# Round 49: the candidate on the held-out sets, scored once each after SOURCES.md
# "Round 49: decision rule" (aggregate counts only). HEAD's numbers are round 48's
# (r48an/score_r48.txt, head_r16_r48.txt; same internal/detect, same injection.bin).
#   /tmp/r49/cand = `git archive HEAD` (25b5329) + round49_candidate.patch
set -e
I=/work/main/scripts/peer-eval/injection
B=/tmp/r49
mkdir -p $B/held
(cd $B/cand && go build -o $B/peritem-cand ./scripts/peer-eval/injection/peritem)
M=$B/cand/internal/detect/model/injection.bin
cd $B && PERITEM=$B/peritem-cand python3 $I/round16_compare.py r49cand=$M       # 16 injected / 10 clean rows
nice $B/peritem-cand /tmp/r41/sets/r41_web_heldout.jsonl > $B/held/cand.r41.out
python3 $I/web_agg_r27.py $B/held/cand.r41.out
nice $B/peritem-cand /tmp/r31/sets/mail_r31_heldout.jsonl /tmp/r36/sets/r36j_clean.jsonl /tmp/r36/sets/r36h_clean.jsonl > $B/held/cand.clean.out
python3 $I/r41an/clean_agg_r41.py $B/held/cand.clean.out
nice $B/peritem-cand /tmp/r48/sets/r48_web_heldout.jsonl > $B/held/cand.r48.out
python3 $I/web_agg_r27.py $B/held/cand.r48.out
python3 $I/r48an/src_agg_r48.py $B/held/cand.r48.out
