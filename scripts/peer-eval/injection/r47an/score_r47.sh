#!/bin/sh
# Round 47: held-out scoring, once per binary (run after SOURCES.md "Round 47: decision rule").
#   peritem-/warden-base: go build from `git archive 8ec8329 (= HEAD 3673b76 in internal/)`; -cand: the same tree with round47_candidate.patch
# Aggregate counts only: web_agg_r27.py, r41an/clean_agg_r41.py, round16_compare.py, warden eval summary lines.
set -e
I=/work/main/scripts/peer-eval/injection
B=/tmp/r47
M=$B/base/internal/detect/model/injection.bin
mkdir -p $B/held
for n in base cand; do
  nice $B/peritem-$n /tmp/r41/sets/r41_web_heldout.jsonl > $B/held/$n.r41.out
  nice $B/peritem-$n /tmp/r28/sets/r28_web_heldout.jsonl > $B/held/$n.r28.out
  nice $B/peritem-$n /tmp/r30/sets/r30_web_heldout.jsonl > $B/held/$n.r30.out
  nice $B/peritem-$n /tmp/r31/sets/mail_r31_heldout.jsonl /tmp/r36/sets/r36j_clean.jsonl /tmp/r36/sets/r36h_clean.jsonl > $B/held/$n.clean.out
done
PERITEM=$B/peritem-base python3 $I/round16_compare.py r47base=$M > $B/held/base.r16.txt &
PERITEM=$B/peritem-cand python3 $I/round16_compare.py r47cand=$M > $B/held/cand.r16.txt
wait
for n in base cand; do
  echo "== $n"
  for s in r41 r28 r30; do echo "-- $s"; python3 $I/web_agg_r27.py $B/held/$n.$s.out; done
  python3 $I/r41an/clean_agg_r41.py $B/held/$n.clean.out
done
python3 $I/round16_compare.py r47base=$M r47cand=$M
# poisoning held-out: aggregate lines only
cd /tmp/poison-eval
for n in base cand; do
  for f in heldout/r4_benign.jsonl heldout/r7_benign.jsonl heldout/r9_benign.jsonl r10/mpma_heldout.jsonl heldout/r9_attacks.jsonl r12/r12_heldout.jsonl r22/r22_heldout.jsonl; do
    nice $B/warden-$n eval poisoning --json $f 2>/dev/null | tail -1 | python3 -c "
import json,sys; r=json.load(sys.stdin); print('$n %-28s benign %4d FP %d  poisoned %3d TP %d'%('$f',r['benign'],r['fp'],r['malicious'],r['tp']))"
  done
done
