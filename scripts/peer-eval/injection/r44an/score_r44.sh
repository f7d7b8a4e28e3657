#!/bin/sh
# Round 44: held-out scoring of the candidate task model, once (run after SOURCES.md "Round 44: decision rule").
# usage: score_r44.sh TASK.bin
# Base: HEAD 9de773c = round 42's base 9760c41 for the detector (internal/detect, internal/guard and
# the model files are byte-identical between the two), scored once in round 42 (/tmp/r42/held/base.*,
# /tmp/inj16/pi/r42base.jsonl); not scored again. Candidate: peritem built from git archive 9de773c
# with -task TASK.bin (the shipped injection.bin). Aggregate counts only.
set -e
I=$(cd "$(dirname "$0")/.." && pwd)
B=/tmp/r44/held
mkdir -p $B
M=/tmp/r44/head/internal/detect/model/injection.bin
W=$B/peritem-cand.sh
printf '#!/bin/sh\nexec /tmp/r44/peritem -task %s "$@"\n' "$1" > $W && chmod +x $W
nice $W /tmp/r41/sets/r41_web_heldout.jsonl > $B/cand.r41.out
nice $W /tmp/r28/sets/r28_web_heldout.jsonl > $B/cand.r28.out
nice $W /tmp/r30/sets/r30_web_heldout.jsonl > $B/cand.r30.out
nice $W /tmp/r31/sets/mail_r31_heldout.jsonl /tmp/r36/sets/r36j_clean.jsonl /tmp/r36/sets/r36h_clean.jsonl > $B/cand.clean.out
for n in base cand; do
  echo "== $n"
  d=$B; [ $n = base ] && d=/tmp/r42/held
  for s in r41 r28 r30; do echo "-- $s"; python3 $I/web_agg_r27.py $d/$n.$s.out; done
  python3 $I/r41an/clean_agg_r41.py $d/$n.clean.out
done
PERITEM=$W python3 $I/round16_compare.py r42base=$M r44cand=$M
