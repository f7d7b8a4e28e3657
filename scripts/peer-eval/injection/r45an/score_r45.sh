#!/bin/sh
# Round 45: held-out scoring, once per binary (run after SOURCES.md "Round 45: decision rule").
#   peritem-base: go build from `git archive 9de773c`; peritem-cand: the same tree with round45_candidate.patch
# Aggregate counts only: web_agg_r27.py, r41an/clean_agg_r41.py, round16_compare.py.
set -e
I=/work/main/scripts/peer-eval/injection
B=/tmp/r45
M=$B/base/internal/detect/model/injection.bin
mkdir -p $B/held
for n in base cand; do
  nice $B/peritem-$n /tmp/r41/sets/r41_web_heldout.jsonl > $B/held/$n.r41.out
  nice $B/peritem-$n /tmp/r28/sets/r28_web_heldout.jsonl > $B/held/$n.r28.out
  nice $B/peritem-$n /tmp/r30/sets/r30_web_heldout.jsonl > $B/held/$n.r30.out
  nice $B/peritem-$n /tmp/r31/sets/mail_r31_heldout.jsonl /tmp/r36/sets/r36j_clean.jsonl /tmp/r36/sets/r36h_clean.jsonl > $B/held/$n.clean.out
done
PERITEM=$B/peritem-base python3 $I/round16_compare.py r45base=$M > $B/held/base.r16.txt &
PERITEM=$B/peritem-cand python3 $I/round16_compare.py r45cand=$M > $B/held/cand.r16.txt
wait
for n in base cand; do
  echo "== $n"
  for s in r41 r28 r30; do echo "-- $s"; python3 $I/web_agg_r27.py $B/held/$n.$s.out; done
  python3 $I/r41an/clean_agg_r41.py $B/held/$n.clean.out
done
python3 $I/round16_compare.py r45base=$M r45cand=$M
